"""The filter stage alone: quotations that are not somebody's words (titles, names, handles),
on sentences written for these tests."""

from __future__ import annotations

import pytest
from conftest import line_blocks

from reader.analysis.quotes import filters, find_quotes
from reader.analysis.quotes.marks import find_marked
from reader.analysis.tokens import tokenize


def kept(text: str) -> list[str]:
    """The quotations the filter stage keeps, as text."""
    paragraphs = [b.span for b in line_blocks(text)]
    marked = find_marked(text, paragraphs)
    noise = filters.noise(text, paragraphs, [p.start for p in paragraphs], marked)
    return [
        text[q.span.start : q.span.end] for q, drop in zip(marked, noise, strict=True) if not drop
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The “Harbour Nights” star said she was leaving the city for good.",
        "Fans of the “Long Winter” songstress waited outside the hall.",
        "The studio confirmed a “Copper Road” sequel for next spring.",
        "Her first hit “Paper Lanterns” sold a million copies.",
    ],
)
def test_a_work_named_by_the_noun_next_to_it_is_not_a_quote(text: str) -> None:
    assert kept(text) == []


def test_capitalised_words_before_an_ordinary_noun_stay_quotes() -> None:
    text = "Supporters shouted “Keep The Line Open” outside the station."
    assert kept(text) == ["“Keep The Line Open”"]


def test_an_account_name_is_not_a_quote() -> None:
    text = (
        "The party renamed its press account “newsCheckUK” for the night, and “we apologise,” "
        "it said."
    )
    assert kept(text) == ["“we apologise,”"]


def test_the_filter_stage_can_be_switched_off() -> None:
    text = "Fans of the “Long Winter” songstress doubt the “experts”. “We loved it,” one said."
    paragraphs = [b.span for b in line_blocks(text)]
    sentences, _ = tokenize(text, line_blocks(text))
    on = find_quotes(text, paragraphs, sentences, [])
    off = find_quotes(text, paragraphs, sentences, [], filtering=False)
    assert [q.text for q in on] == ["“We loved it,”"]
    assert [q.text for q in off] == ["“Long Winter”", "“experts”", "“We loved it,”"]


def test_a_name_quoted_again_with_a_hyphen_is_still_a_name() -> None:
    text = (
        "The worker was treated for “rust-dust lung,” the clinic said.\n"
        "It is a rare illness, what's called “rust dust lung” by the doctors."
    )
    assert kept(text) == []


def test_part_of_a_campaign_name_quoted_again_in_capitals_is_a_name() -> None:
    text = (
        "The city launched the campaign “Rain. We Have A Plan.” on Monday.\n"
        "By noon “We Have A Plan” was trending, and “we have a plan for every street,” the "
        "mayor said."
    )
    assert kept(text) == ["“we have a plan for every street,”"]


def test_titles_listed_after_a_title_are_titles() -> None:
    text = "She had roles in “Harbour Lights,” “Copper Road” and “The Long Winter” before 2001."
    assert kept(text) == []
    text = "Voters listed “Jobs,” “Copper Road” and “Schools” as their worries."
    assert kept(text) == ["“Jobs,”", "“Copper Road”", "“Schools”"]


def test_a_title_with_a_long_subtitle_is_a_title() -> None:
    text = "His new book, “Salt Roads: How a Small Port Fed the Whole North Coast,” sold well."
    assert kept(text) == []


def test_what_vouches_for_a_short_quotation() -> None:
    text = "Rents were “too high” and “nobody could pay them any more,” a tenant said."
    marked = find_marked(text, [b.span for b in line_blocks(text)])
    assert filters.longer_follows(text, marked, 0, len(text))
    assert not filters.longer_follows(text, marked, 1, len(text))
    said = "The report claimed the rents were “too high”."
    assert filters.spoken_before(said, 0, said.index("“"))
    plain = "The rents were “too high” again."
    assert not filters.spoken_before(plain, 0, plain.index("“"))
