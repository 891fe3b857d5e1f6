"""Temporal tagger: spans, types and TIMEX3 values on hand-written sentences."""

from __future__ import annotations

import pytest
from conftest import line_blocks

from reader.analysis.times import find_times
from reader.analysis.tokens import tokenize
from reader.document.load import from_bytes


def analyse(text: str, anchor: str | None = "2022-11-30"):
    sentences, _ = tokenize(text, line_blocks(text))
    return find_times(text, sentences, anchor)


def tagged(text: str, anchor: str | None = "2022-11-30") -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in analyse(text, anchor).times]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The treaty was signed on April 3, 2008 in Paris.",
            ("April 3, 2008", "DATE", "2008-04-03"),
        ),
        ("The treaty was signed on 3 April 2008.", ("3 April 2008", "DATE", "2008-04-03")),
        ("The file is dated 2008-04-03.", ("2008-04-03", "DATE", "2008-04-03")),
        ("The plant closed in April 2008.", ("April 2008", "DATE", "2008-04")),
        ("The plant closed in 2014.", ("2014", "DATE", "2014")),
        ("Prices fell during the 1990s.", ("the 1990s", "DATE", "199")),
        ("Work began in early 2014.", ("early 2014", "DATE", "2014")),
        ("They met last summer.", ("last summer", "DATE", "2022-SU")),
        ("Taxes rose last February.", ("last February", "DATE", "2022-02")),
        ("The vote is next week.", ("next week", "DATE", "2022-W49")),
        ("The mayor resigned yesterday.", ("yesterday", "DATE", "2022-11-29")),
        ("The mayor resigned on Tuesday.", ("Tuesday", "DATE", "2022-11-29")),
        ("The mayor will resign on Friday.", ("Friday", "DATE", "2022-12-02")),
        ("The bridge opened two years ago.", ("two years ago", "DATE", "2020")),
        ("Sales grew earlier this year.", ("earlier this year", "DATE", "2022")),
        ("The shop opens at 10 a.m. today.", ("10 a.m. today", "TIME", "2022-11-30T10:00")),
        ("He served for 14 years.", ("14 years", "DURATION", "P14Y")),
        ("She spoke for fourteen years.", ("fourteen years", "DURATION", "P14Y")),
        ("A two-hour meeting followed.", ("two-hour", "DURATION", "PT2H")),
        ("The committee meets every week.", ("every week", "SET", "P1W")),
        ("The paper is printed daily.", ("daily", "SET", "P1D")),
        ("Prices are high now.", ("now", "DATE", "PRESENT_REF")),
        ("The firm is currently hiring.", ("currently", "DATE", "PRESENT_REF")),
        ("Nothing is planned at present.", ("at present", "DATE", "PRESENT_REF")),
        ("Profits rose in the third quarter.", ("the third quarter", "DATE", "2022-Q3")),
        ("The drought of nineteen ninety-six was long.", ("nineteen ninety-six", "DATE", "1996")),
    ],
)
def test_expressions(text, expected):
    assert expected in tagged(text)


def test_in_three_months_is_ahead():
    assert ("three months", "DATE", "2023-02") in tagged("The factory will reopen in three months.")


@pytest.mark.parametrize(
    "text",
    [
        "Theresa May spoke to reporters.",
        "Protesters march through the city.",
        "He writes for the Sunday Times.",
        "They scored 2014 points.",
        "The price was $1999.",
        "The home side won 1-0.",
        "He is a 6-year-old boy.",
    ],
)
def test_false_friends(text):
    assert tagged(text) == []


def test_march_the_month_is_kept():
    assert tagged("Troops will march in March.") == [("March", "DATE", "2023-03")]


def test_ids_in_reading_order():
    times = analyse("On Monday the board met; by Friday it had resigned.").times
    assert [t.id for t in times] == ["T1", "T2"]
    assert times[0].span.start < times[1].span.start


def test_no_anchor_leaves_relative_dates_unresolved():
    result = analyse("The minister resigned last February and will leave tomorrow.", None)
    assert result.date is None
    assert [t.value for t in result.times] == ["XXXX-02", "XXXX-XX-XX"]


def test_document_date_inferred_from_anchored_expression():
    text = (
        "Ten years after the founding congress in Vienna, delegates met again.\n"
        "The congress first gathered in Vienna in June 2010 to found the league.\n"
        "Last March the league split."
    )
    result = analyse(text, None)
    assert result.date == "2020"
    values = {t.text: t.value for t in result.times}
    assert values["Ten years after the founding"] == "2020"
    assert values["Last March"] == "2020-03"


def test_a_referent_that_carries_its_own_date_dates_the_document():
    result = analyse(
        "Three years after the disputed elections of August 2020, the ministers agreed on "
        "sanctions.",
        None,
    )
    assert result.date == "2023"


def test_demonstrative_referent_is_the_latest_date_before():
    text = "In May 2001 the council issued a warning.\nWeeks after this warning, the dam broke."
    values = {t.text: t.value for t in analyse(text, None).times}
    assert values["Weeks after this warning"] == "2001"


def test_unresolved_referent_keeps_the_duration():
    assert tagged("Two years after the war, the town was rebuilt.") == [
        ("Two years", "DURATION", "P2Y")
    ]


def test_dateline_dates_the_document():
    result = analyse("Nov. 29, 2022 — Ministers met yesterday in the capital.", None)
    assert result.date == "2022-11-29"
    assert ("yesterday", "DATE", "2022-11-28") in [(t.text, t.type, t.value) for t in result.times]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The talks lasted 5 1/2 hours.", ("5 1/2 hours", "DURATION", "PT5H30M")),
        ("The siege lasted two and a half years.", ("two and a half years", "DURATION", "P2Y6M")),
        ("The talks took one and a half hours.", ("one and a half hours", "DURATION", "PT1H30M")),
        ("He served for half a year.", ("half a year", "DURATION", "P6M")),
        ("A half-hour meeting followed.", ("half-hour", "DURATION", "PT30M")),
        ("The house stood for half a century.", ("half a century", "DURATION", "P50Y")),
        (
            "Sales fell in the first quarter of last year.",
            ("the first quarter of last year", "DATE", "2021-Q1"),
        ),
        ("Shops close on Thanksgiving Day.", ("Thanksgiving Day", "DATE", "2022-11-24")),
        ("Turnout fell on Election Day.", ("Election Day", "DATE", "2022-11-08")),
        ("Crowds gathered over the weekend.", ("the weekend", "DATE", "2022-W47-WE")),
        (
            "The firm reported a loss for the third quarter.",
            ("the third quarter", "DATE", "2022-Q3"),
        ),
        ("He spoke at noon Tuesday.", ("noon Tuesday", "TIME", "2022-11-29T12:00")),
        ("The school opened in the 20th century.", ("the 20th century", "DATE", "19")),
        ("The tour ends in mid-2023.", ("mid-2023", "DATE", "2023")),
    ],
)
def test_more_expressions(text, expected):
    assert expected in tagged(text)


def test_year_only_anchor_keeps_unknown_days():
    values = {
        t.text: t.value for t in analyse("He left yesterday and returned last June.", "2022").times
    }
    assert values == {"yesterday": "2022-XX-XX", "last June": "2022-06"}


def test_impossible_anchor_is_ignored():
    result = analyse("He left yesterday.", "2022-02-30")
    assert result.times[0].value == "2022-02-XX"


def test_context_years_and_days():
    text = (
        "The dam was finished in 1998. Later that year it flooded. "
        "On March 3, 2001 the mayor resigned; the next day the council met."
    )
    values = {t.text: t.value for t in analyse(text).times}
    assert values["Later that year"] == "1998"
    assert values["the next day"] == "2001-03-04"


def test_quarter_context_for_year_earlier():
    text = "Profit rose in the third quarter. A year earlier the firm lost money."
    values = {t.text: t.value for t in analyse(text).times}
    assert values == {"the third quarter": "2022-Q3", "A year earlier": "2021-Q3"}


def test_abbreviated_month_before_a_day_after_a_modifier_does_not_crash():
    """Regression: "last Aug 23" matched a rule whose month lookahead needs the digits after it."""
    text = "The deal was signed last Aug 23 in Paris, and again in mid-Sept 4 talks."
    doc = from_bytes(text.encode(), "x", "text")
    found = find_times(text, tokenize(text, doc.blocks)[0], "1996-09-01")
    assert all(0 <= t.span.start < t.span.end <= len(text) for t in found.times)


@pytest.mark.parametrize(
    "text, anchor, expected",
    [
        # the tense of the clause places a bare month or weekday
        (
            "The chairman stepped down in March for health reasons.",
            "2022-11-30",
            ("March", "DATE", "2022-03"),
        ),
        (
            "In January, the firm brought in a new chief.",
            "2022-11-30",
            ("January", "DATE", "2022-01"),
        ),
        (
            "The offer was extended to Dec. 16 by the board.",
            "2022-11-30",
            ("Dec. 16", "DATE", "2022-12-16"),
        ),
        (
            "The reduced dividend is payable Jan. 2 to holders.",
            "2022-11-30",
            ("Jan. 2", "DATE", "2023-01-02"),
        ),
        (
            "She will be named commander for a mission in December.",
            "2022-03-04",
            ("December", "DATE", "2022-12"),
        ),
        (
            "On Friday, when she set aside plans for the hastily planned trip, the ministry "
            "lifted a warning.",
            "2022-11-28",
            ("Friday", "DATE", "2022-11-25"),
        ),
        (
            "Until Thursday, the police had not named a suspect.",
            "2022-11-30",
            ("Thursday", "DATE", "2022-11-24"),
        ),
        (
            "Officials postponed until Tuesday any action on the permit.",
            "2022-11-30",
            ("Tuesday", "DATE", "2022-12-06"),
        ),
        (
            "The rally is this coming Sunday.",
            "2022-11-30",
            ("this coming Sunday", "DATE", "2022-12-04"),
        ),
        (
            "The crowd gathered Wednesday evening.",
            "2022-11-30",
            ("Wednesday evening", "TIME", "2022-11-30TEV"),
        ),
        (
            "The crowd gathered Tuesday night.",
            "2022-11-30",
            ("Tuesday night", "DATE", "2022-11-29"),
        ),
        # references, periods and context
        (
            "Kidnappings have risen in recent years.",
            "2022-11-30",
            ("recent years", "DURATION", "PXY"),
        ),
        ("Hate groups grew over the past year.", "2022-11-30", ("the past year", "DATE", "2021")),
        ("Wages lost ground in the last decade.", "2022-11-30", ("the last decade", "DATE", "201")),
        ("For the year, volume was flat.", "2022-11-30", ("the year", "DATE", "2022")),
        ("Profit for the full year will rise.", "2022-11-30", ("the full year", "DATE", "2022")),
        ("Revenue for the year ended June 30 rose.", "2022-11-30", ("the year", "DURATION", "P1Y")),
        (
            "Earnings will fall in the second half of 2023.",
            "2022-11-30",
            ("the second half of 2023", "DATE", "2023-H2"),
        ),
        (
            "Sales should recover in the first half of next year.",
            "2022-11-30",
            ("the first half of next year", "DATE", "2023-H1"),
        ),
        (
            "It expects a loss for the current fiscal year.",
            "2022-11-30",
            ("the current fiscal year", "DATE", "2022"),
        ),
        ("He was convicted twice from 1991 to 1997.", "2022-11-30", ("1991", "DATE", "1991")),
        (
            "Police studied the October shooting again.",
            "2022-11-30",
            ("October", "DATE", "2022-10"),
        ),
        ("The summit will meet on April 24 and 25.", "2022-11-30", ("25", "DATE", "2023-04-25")),
        (
            "Hearings resume the week of March 6.",
            "2023-02-26",
            ("the week of March 6", "DATE", "2023-W10"),
        ),
    ],
)
def test_values_in_context(text, anchor, expected):
    assert expected in tagged(text, anchor)


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Smith, 52 years old, will succeed him.",
        "The plan saves $500 million a year in costs.",
        "It will add nearly 700 seats a week on the route.",
        "Critics of the May government spoke.",
    ],
)
def test_ages_rates_and_names_are_no_times(text):
    assert tagged(text) == []


def test_following_month_follows_the_month_last_named():
    text = "The board met in March 2010. The following month it split."
    values = {t.text: t.value for t in analyse(text).times}
    assert values["The following month"] == "2010-04"


def test_results_story_quarter_is_the_latest_one_over():
    text = (
        "Profit rose in the third quarter after a flat second quarter. "
        "The latest period included a gain. A year ago the firm lost money."
    )
    values = {t.text: t.value for t in analyse(text).times}
    assert values["The latest period"] == "2022-Q3"
    assert values["A year ago"] == "2021-Q3"


def test_a_quarter_still_running_is_no_results_period():
    text = "The firm expects a loss in the fourth quarter. A year earlier it earned $5 million."
    values = {t.text: t.value for t in analyse(text).times}
    assert values["A year earlier"] == "2021"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The shop stayed closed until Tuesday.", "2022-11-29"),
        ("The vote was postponed until Tuesday.", "2022-12-06"),
    ],
)
def test_until_looks_ahead_unless_the_clause_is_past(text, expected):
    assert [t.value for t in analyse(text).times] == [expected]


@pytest.mark.parametrize(
    "text, found",
    [
        ("It happened in the year 2010.", [("2010", "DATE", "2010")]),
        ("On May 3 and 25 people died.", [("May 3", "DATE", "2022-05-03")]),
    ],
)
def test_numbers_near_dates_keep_their_meaning(text, found):
    assert tagged(text) == found


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The quake struck at 9:10 a.m. (0710 GMT) Monday.",
            ("9:10 a.m.", "TIME", "2022-11-28T09:10"),
        ),
        ("Lawyers will study Monday's verdict.", ("Monday", "DATE", "2022-11-28")),
        ("Rebels seized the port in post-1990 fighting.", ("post-1990", "DATE", "1990")),
        ("She left the day before last Friday.", ("day before last Friday", "DATE", "2022-11-24")),
        ("They met the day after March 3.", ("day after March 3", "DATE", "2022-03-04")),
    ],
)
def test_days_named_beside_other_words(text, expected):
    assert expected in tagged(text)


@pytest.mark.parametrize(
    "text",
    [
        "The film High Noon was shown again.",
        "A second group of directors resigned.",
    ],
)
def test_words_that_only_look_like_times(text):
    assert tagged(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Prices peaked in the winter of nineteen ninety-four.",
            ("the winter of nineteen ninety-four", "DATE", "1994-WI"),
        ),
        (
            "January nineteen ninety-seven. A bomb went off.",
            ("January nineteen ninety-seven", "DATE", "1997-01"),
        ),
        ("The town may one day rival the capital.", ("one day", "DATE", "FUTURE_REF")),
        ("The visit was cut to one day.", ("one day", "DURATION", "P1D")),
    ],
)
def test_spoken_years_and_some_future_day(text, expected):
    assert expected in tagged(text)


def test_an_opening_date_takes_the_main_clause_tense():
    text = "In March, after a long dispute over pay, the union signed a deal."
    assert ("March", "DATE", "2022-03") in tagged(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Sales should grow in the weeks ahead.", ("the weeks ahead", "DURATION", "PXW")),
        ("Costs will fall over the fiscal year.", ("the fiscal year", "DATE", "2022")),
        ("In the fiscal year ended June 30, sales grew.", ("the fiscal year", "DURATION", "P1Y")),
    ],
)
def test_periods_ahead_and_fiscal_years(text, expected):
    assert expected in tagged(text)


@pytest.mark.parametrize(
    "text",
    [
        'The minister spoke on "This Week" yesterday.',
        "She told ''60 Minutes'' she would stay.",
    ],
)
def test_quoted_titles_are_no_times(text):
    assert [t[0] for t in tagged(text) if t[0] in ("This Week", "60 Minutes")] == []


def test_a_quote_may_open_with_a_date():
    assert ("Next Monday", "DATE", "2022-12-05") in tagged('"Next Monday we vote," she said.')


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The blast occurred on Friday at 10:35 a.m. near the port.",
            ("10:35 a.m.", "TIME", "2022-11-25T10:35"),
        ),
        (
            "Police said the fire began on Oct. 3. The alarm sounded at 10 p.m.",
            ("10 p.m.", "TIME", "2022-10-03T22:00"),
        ),
        ("The shop opens at 9 a.m.", ("9 a.m.", "TIME", "2022-11-30T09:00")),
    ],
)
def test_a_clock_time_is_on_the_day_last_named(text, expected):
    assert expected in tagged(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Shares closed at a record on Oct. 14, up from the previous Friday.",
            ("the previous Friday", "DATE", "2022-10-07"),
        ),
        (
            "The deal was signed on Monday and approved the following Thursday.",
            ("the following Thursday", "DATE", "2022-12-01"),
        ),
        (
            "Shares fell, down from the previous Friday.",
            ("the previous Friday", "DATE", "2022-11-25"),
        ),
    ],
)
def test_the_previous_weekday_counts_from_the_day_last_named(text, expected):
    assert expected in tagged(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Pilgrims gathered as Easter week began.", ("Easter week", "DATE", "2022-W15")),
        ("The church was full last Easter.", ("last Easter", "DATE", "2022-04-17")),
        ("Shops will close on Good Friday.", ("Good Friday", "DATE", "2023-04-07")),
        ("Shops will close on Easter Monday.", ("Easter Monday", "DATE", "2023-04-10")),
    ],
)
def test_easter_moves_with_the_year(text, expected):
    assert expected in tagged(text)


def test_easter_island_is_no_date():
    assert tagged("Tourists flew to Easter Island.") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The plant will close by the end of the year.", ("the end of the year", "DATE", "2022")),
        ("The plant will close over the next year or so.", ("the next year or so", "DATE", "2023")),
        ("He stayed for a week or so.", ("a week or so", "DURATION", "P1W")),
    ],
)
def test_approximate_ends_belong_to_the_expression(text, expected):
    assert expected in tagged(text)
