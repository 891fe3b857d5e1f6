"""The one TIMEX3 value type: parsing, intervals, month arithmetic and words for a reader."""

from __future__ import annotations

from datetime import date

import pytest

from reader.analysis.model import Analysis, Event, TimeExpr
from reader.analysis.timex import Timex, add_months, describe
from reader.document.model import Document, Span
from reader.report import summary


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("2023-H1", date(2023, 1, 1), date(2023, 6, 30)),
        ("2023-H2", date(2023, 7, 1), date(2023, 12, 31)),
        ("2023-Q4", date(2023, 10, 1), date(2023, 12, 31)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2023-WI", date(2023, 12, 1), date(2024, 2, 29)),
        ("2024-W12", date(2024, 3, 18), date(2024, 3, 24)),
        ("2024-W12-WE", date(2024, 3, 23), date(2024, 3, 24)),
        ("198", date(1980, 1, 1), date(1989, 12, 31)),
        ("2023-10-06T24:00", date(2023, 10, 6), date(2023, 10, 6)),
    ],
)
def test_values_cover_their_days(value: str, first: date, last: date) -> None:
    t = Timex.parse(value)
    assert t is not None and t.interval() == (first, last)


@pytest.mark.parametrize("value", ["XXXX-WXX-3", "XXXX-SU", "PAST_REF", "P3Y", "2023-13-45x"])
def test_values_without_a_year_have_no_interval(value: str) -> None:
    t = Timex.parse(value)
    assert t is None or t.interval() is None


def test_month_arithmetic_crosses_years_both_ways() -> None:
    assert add_months(2016, 8, 5) == (2017, 1)
    assert add_months(2016, 1, -1) == (2015, 12)
    assert add_months(2016, 12, 12) == (2017, 12)


def test_anchor_keeps_what_is_valid() -> None:
    assert Timex.anchor("2023-02-30") == Timex(2023, 2)
    assert Timex.anchor("2023-14-01") == Timex(2023)
    assert Timex.anchor("2023-02-03T10:00") == Timex(2023, 2, 3)
    assert Timex.anchor("next week") is None


def test_plain_dates_are_told_from_other_values() -> None:
    assert [Timex.parse(v).is_date for v in ("2008", "2008-04", "2008-04-03")] == [True] * 3
    assert not any(
        Timex.parse(v).is_date for v in ("2008-W04", "2008-Q1", "XXXX-04", "2008-XX-XX", "199")
    )


@pytest.mark.parametrize(
    ("value", "written", "recurring", "words"),
    [
        ("XXXX-WXX-3", "", False, "Wednesday"),
        ("XXXX-WXX-3", "on  Wednesday", False, "on Wednesday"),
        ("XXXX-WXX-5", "every Friday", True, "every Friday"),
        ("XXXX-WXX-5T20:00", "", True, "every Friday 20:00"),
        ("XXXX-XX-XXT20:00", "8 p.m.", True, "at 8 p.m., recurring"),
        ("P1W", "weekly", True, "every week"),
        ("XXXX-XX-XXTMO", "", True, "every morning"),
        ("2024-W12", "", False, "week 12 of 2024"),
        ("2023-10-06T24:00", "", False, "6 October 2023, midnight"),
    ],
)
def test_words_for_a_reader(value: str, written: str, recurring: bool, words: str) -> None:
    assert describe(value, written, recurring) == words


def test_text_report_words_dates_as_the_app_does() -> None:
    text = "The board met on Wednesday. Prices rose last summer. Staff meet every Friday."
    times = (
        TimeExpr("T1", Span(17, 26), "Wednesday", "DATE", "XXXX-WXX-3"),
        TimeExpr("T2", Span(39, 50), "last summer", "DATE", "XXXX-SU"),
        TimeExpr("T3", Span(66, 78), "every Friday", "SET", "XXXX-WXX-5"),
        TimeExpr("T4", Span(0, 0), "", "DATE", "2023-10-06T24:00"),
    )
    timeline = (
        Event("T1", "XXXX-WXX-3", Span(0, 26), "The board met"),
        Event("T2", "XXXX-SU", Span(28, 50), "Prices rose"),
        Event("T4", "2023-10-06T24:00", Span(0, 26), "The board met"),
    )
    doc = Document(text=text, source="invented.txt")
    out = summary(Analysis(document=doc, times=times, timeline=timeline))
    assert "on Wednesday" not in out and "  Wednesday " in out
    assert "last summer" in out and "6 October 2023, midnight" in out
    assert "every Friday" in out
    assert not any(raw in out for raw in ("XXXX", "T24:00"))
