"""Bad input never crashes the tagger or the timeline, and every span is valid."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis.model import Sentence
from reader.analysis.timeline import build_timeline
from reader.analysis.times import find_times
from reader.analysis.tokens import tokenize
from reader.document.model import Block, Span

WORDS = [
    "February",
    "30",
    "31",
    "May",
    "March",
    "on",
    "in",
    "the",
    "1-0",
    "$2014",
    "9999",
    "0000",
    "12:99",
    "25:00",
    "years",
    "ago",
    "after",
    "this",
    "statement",
    "last",
    "next",
    "Tuesday",
    "every",
    "week",
    "1990s",
    "early",
    "1/2",
    "fourteen",
    "2008-02-30",
    "13/45/2020",
    "a.m.",
    "quarter",
    "third",
    "3.5",
    ",",
    ".",
    "Sunday",
    "Times",
    "10",
    "p.m.",
    "999999999999",
]


def run(text: str, anchor: str | None) -> None:
    blocks = (Block("paragraph", Span(0, len(text))),) if text.strip() else ()
    sentences, _ = tokenize(text, blocks)
    result = find_times(text, sentences, anchor)
    for t in result.times:
        assert 0 <= t.span.start < t.span.end <= len(text)
        assert text[t.span.start : t.span.end] == t.text
        assert t.type in ("DATE", "TIME", "DURATION", "SET") and t.value
    for e in build_timeline(text, sentences, result.times, anchor or result.date):
        assert 0 <= e.event.start <= e.event.end <= len(text)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(WORDS), max_size=25),
    st.sampled_from([None, "2022-11-30", "0001-01-01", "9999-12-31", "2024-02-29", "2022"]),
)
def test_word_soup(words, anchor):
    run(" ".join(words), anchor)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200), st.sampled_from([None, "2022-11-30", "9999-12-31"]))
def test_any_text(text, anchor):
    run(text, anchor)


@settings(max_examples=50, deadline=None)
@given(st.integers(min_value=-(10**6), max_value=10**6), st.integers(min_value=0, max_value=99))
def test_numbers_around_dates(a, b):
    run(
        f"The score was {a}-{b} in {a} and on February {b}, {a}; {b} years after the match.",
        "2022-11-30",
    )


def test_impossible_dates_are_not_days():
    text = "The deal closed on February 30, 2021 and on 2021-02-29."
    blocks = (Block("paragraph", Span(0, len(text))),)
    values = [t.value for t in find_times(text, tokenize(text, blocks)[0], "2022-01-01").times]
    assert "2021-02-30" not in values and "2021-02-29" not in values


def test_thousands_of_numbers_stay_fast():
    rng = random.Random(7)
    text = " ".join(str(rng.randint(0, 3000)) for _ in range(5000)) + "."
    blocks = (Block("paragraph", Span(0, len(text))),)
    sentences: list[Sentence] = tokenize(text, blocks)[0]
    times = find_times(text, sentences, "2022-11-30").times
    assert all(0 <= t.span.start < t.span.end <= len(text) for t in times)
