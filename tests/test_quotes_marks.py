"""The marks stage alone: quotation spans from the marks, on sentences written for these tests."""

from __future__ import annotations

from conftest import line_blocks

from reader.analysis.quotes.marks import find_marked


def spans(text: str) -> list[str]:
    marked = find_marked(text, [b.span for b in line_blocks(text)])
    return [text[q.span.start : q.span.end] for q in marked]


def test_two_single_closing_marks_close_a_double_one() -> None:
    text = "“We will not sell the mill,’’ the owner said. “Not this year.’’ He left."
    assert spans(text) == ["“We will not sell the mill,’’", "“Not this year.’’"]


def test_a_doubled_apostrophe_after_a_word_is_not_an_opening_mark() -> None:
    text = "The mill’’s owner said: “We stay.”"
    assert spans(text) == ["“We stay.”"]


def test_a_straight_opening_mark_with_a_stray_space_after_it() -> None:
    text = 'The doctor wrote. " The pills worked within a week. I feel well." She is home now.'
    assert spans(text) == ['" The pills worked within a week. I feel well."']


def test_a_spaced_straight_mark_inside_a_sentence_opens_nothing() -> None:
    text = 'The sign read 5 " wide and the crowd waited.'
    assert spans(text) == []


def test_a_straight_single_opening_mark_pairs_with_a_curly_closing_one() -> None:
    text = "'We won,’ the captain said. The players’ bus left at noon."
    assert spans(text) == ["'We won,’"]
