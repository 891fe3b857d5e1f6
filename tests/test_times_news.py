"""Dates as news writes them: ranges, recurring times, narrative context, clocks that are not
times of day, and tense (issue 16, items 16-19). Every example is invented."""

from __future__ import annotations

import pytest
from conftest import line_blocks

from reader.analysis.pipeline import analyse as run_pipeline
from reader.analysis.times import find_times
from reader.analysis.tokens import tokenize
from reader.document.model import Document


def tagged(text: str, anchor: str | None = "2022-07-20") -> list[tuple[str, str, str]]:
    sentences, _ = tokenize(text, line_blocks(text))
    return [(t.text, t.type, t.value) for t in find_times(text, sentences, anchor).times]


def timeline(text: str, anchor: str) -> list[str]:
    doc = Document(text=text, source="invented", blocks=line_blocks(text), date=anchor)
    return [e.date for e in run_pipeline(doc).timeline]


@pytest.mark.parametrize(
    ("text", "anchor", "values"),
    [
        ("Roadworks will run between June and September.", "2022-07-20", ["2022-06", "2022-09"]),
        ("The ferry sailed from June to September.", "2022-02-10", ["2021-06", "2021-09"]),
        ("Fares rose between November and February.", "2022-03-01", ["2021-11", "2022-02"]),
        ("The pool is open from May through August.", "2022-04-02", ["2022-05", "2022-08"]),
    ],
)
def test_a_range_of_months_stays_in_one_year(text: str, anchor: str, values: list[str]) -> None:
    assert [v for _, _, v in tagged(text, anchor)] == values


def test_a_recurring_time_is_a_set_with_its_clock() -> None:
    text = "The market opens every Friday after 8 p.m. in the square."
    assert tagged(text) == [
        ("every Friday", "SET", "XXXX-WXX-5"),
        ("8 p.m.", "SET", "XXXX-XX-XXT20:00"),
    ]
    assert timeline(text, "2022-07-20") == ["2022-07-20"]  # only "now": nothing placed on a day


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The club meets on Fridays.", [("Fridays", "SET", "XXXX-WXX-5")]),
        (
            "Listen live at 12:45 and 17:45 weekdays.",
            [("12:45", "SET", "XXXX-XX-XXT12:45"), ("17:45", "SET", "XXXX-XX-XXT17:45")],
        ),
        (
            "The show airs at 9 p.m. daily.",
            [("9 p.m.", "SET", "XXXX-XX-XXT21:00"), ("daily", "SET", "P1D")],
        ),
    ],
)
def test_schedules_are_sets(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert tagged(text) == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The plant opened in August 2016. The next year, it doubled its output.", "2017"),
        ("The mill shut in March 2019. The next month, workers protested.", "2019-04"),
        ("The dam was finished in 1961. The following year the valley flooded.", "1962"),
    ],
)
def test_relative_years_count_from_the_narrative(text: str, value: str) -> None:
    assert tagged(text, "2022-07-20")[-1][2] == value


def test_relative_years_fall_back_to_the_article_date() -> None:
    assert tagged("The next year will be harder, the mayor said.")[0][2] == "2023"


@pytest.mark.parametrize(
    "text",
    [
        "Kovacs scored 17:46 into the third period.",
        "Okafor equalised at 7:14 of the second half.",
        "The visitors led with 2:35 left in the game.",
        "She won the marathon in 2:21:09.",
    ],
)
def test_sports_clocks_are_not_times_of_day(text: str) -> None:
    assert tagged(text) == []


def test_a_deadline_told_in_the_past_is_the_past_one() -> None:
    text = "The report was due in September, the council said."
    assert tagged(text, "2022-11-02") == [("September", "DATE", "2022-09")]
    assert tagged("The report is due in September.", "2022-11-02")[0][2] == "2023-09"


def test_the_following_week_counts_from_the_day_last_named() -> None:
    text = "The strike began on March 3, 2019. The following week, the port closed."
    assert tagged(text, "2022-07-20")[-1] == ("The following week", "DATE", "2019-W10")
