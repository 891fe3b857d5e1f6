"""Dates relative to the document date or to another event: "last week", "on Tuesday", "two
years ago", "fourteen years after the summit", and clock times.
"""

from __future__ import annotations

import re
from typing import Literal

from reader.analysis.lexicons import entries
from reader.analysis.times.lexicon import FUZZY, PARTS_OF_DAY, UNITS, WEEKDAYS, alternation, number
from reader.analysis.times.parsed import (
    Ahead,
    Anchored,
    Clock,
    DayShift,
    InContext,
    MonthDay,
    Offset,
    Parsed,
    Unit,
    Value,
    Weekday,
    Weekend,
)
from reader.analysis.times.patterns import (
    APPROX,
    DAYN,
    DAYPART,
    FUZZ,
    MONTH,
    NUM,
    TZ,
    UNIT,
    UNIT_WORDS,
    WEEKDAY,
    YEAR,
    dur_value,
    month_number,
    piece,
    rule,
    word_after,
    word_before,
)
from reader.analysis.timex import valid_day

# Capitalised words after a weekday that make it part of a name: the "Sunday Times".
_NAME_AFTER_DAY = frozenset(
    [
        "times",
        "telegraph",
        "mirror",
        "express",
        "post",
        "herald",
        "independent",
        "mail",
        "tribune",
        "star",
        "sport",
        "service",
        "school",
        "league",
        "night",
        "mass",
        "bloody",
        "special",
        "edition",
        "magazine",
        "observer",
        "sun",
        "journal",
        "review",
        "people",
    ]
)
_NAME_BEFORE_DAY = frozenset(
    ["black", "good", "super", "ash", "palm", "easter", "bloody", "cyber", "holy", "maundy"]
)


@rule(
    r"(?:(early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of|"
    r"(?:earlier|later)(?=\s+\w+\s+(?:month|year)))(?:\s*-\s*|\s+)(?:in\s+)?)?"
    r"(last|this|next|previous|following|current|that|the\s+same|the\s+following|"
    r"the\s+previous|the\s+next|the\s+current)\s+(?:fiscal\s+(?=year))?"
    r"(week|weekend|month|year|decade|century)(?:\s+or\s+so)?",
    {"week", "weekend", "month", "year", "decade", "century"},
)
def relative_unit(m: re.Match[str], text: str) -> Parsed | None:
    det = re.sub(r"\s+", " ", m[2].lower())
    shift = {
        "last": -1,
        "previous": -1,
        "the previous": -1,
        "next": 1,
        "following": 1,
        "the next": 1,
        "the following": 1,
    }.get(det, 0)
    unit = UNITS[m[3].lower()]
    # "that year", "the next year", "the following month": from the one the text last named
    if det in _NARRATIVE and (counted := _COUNTED.get(unit)):
        return InContext(counted, shift)
    return Unit(unit, shift)


_COUNTED: dict[str, Literal["W", "M", "Y"]] = {"W": "W", "M": "M", "Y": "Y"}
_NARRATIVE = frozenset({"that", "the same", "the next", "the following", "the previous"})


@rule(
    r"(?:(?:earlier|later)\s+)?(that|the\s+same|that\s+same|the\s+next|the\s+following|"
    r"the\s+previous)\s+(?:day|morning|afternoon|evening|night)",
    {"day", "morning", "afternoon", "evening", "night"},
)
def day_in_context(m: re.Match[str], text: str) -> Parsed | None:
    det = re.sub(r"\s+", " ", m[1].lower())
    return InContext("D", {"the next": 1, "the following": 1, "the previous": -1}.get(det, 0))


@rule(r"(earlier|later)\s+(?:in\s+)?(?:the|this)\s+(month|year)", {"earlier", "later"})
def earlier_this(m: re.Match[str], text: str) -> Parsed | None:
    return Unit(UNITS[m[2].lower()], 0)


@rule(
    rf"(?:(early|late|earlier|later)\s+)?(?:(the\s+day\s+before\s+yesterday|the\s+day\s+after\s+"
    rf"tomorrow)|(yesterday|today|tomorrow|tonight)){DAYPART}",
    {"yesterday", "today", "tomorrow", "tonight"},
)
def deictic_day(m: re.Match[str], text: str) -> Parsed | None:
    if m[2]:
        shift = -2 if "before" in m[2].lower() else 2
    else:
        shift = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0}[m[3].lower()]
    part = PARTS_OF_DAY.get((m[4] or "").lower(), "")
    return Unit("D", shift, part)


@rule(
    r"(?:(later|earlier|early|late)\s+)?(this|last)\s+(morning|afternoon|evening|night)",
    frozenset(PARTS_OF_DAY),
)
def part_of_day(m: re.Match[str], text: str) -> Parsed | None:
    shift = -1 if m[2].lower() == "last" else 0
    return Unit("D", shift, PARTS_OF_DAY[m[3].lower()])


def _weekday_ok(text: str, start: int, end: int) -> bool:
    return (
        word_after(text, end).lower() not in _NAME_AFTER_DAY
        or not word_after(text, end)[:1].isupper()
    ) and word_before(text, start).lower() not in _NAME_BEFORE_DAY


@rule(
    rf"(?:(last|next|this\s+coming|this|coming|early|late|the\s+previous|the\s+following)\s+)?"
    rf"{WEEKDAY}(?!s\b){DAYPART}",
    frozenset(WEEKDAYS),
)
def weekday(m: re.Match[str], text: str) -> Parsed | None:
    word = piece(WEEKDAY, m[0])
    if not _weekday_ok(text, m.start(), m.end()):
        return None
    det = re.sub(r"\s+", " ", (m[1] or "").lower())
    rel = {
        "last": -1,
        "next": 1,
        "the previous": -1,
        "the following": 1,
        "this coming": 1,
        "coming": 1,
    }.get(det)
    # "Tuesday evening" is the day with its part (2022-11-29TEV); "Tuesday night" and "Tuesday
    # morning" are mostly annotated as the day itself in TimeBank practice, so stay the day
    part = "TEV" if (m[2] or "").lower() == "evening" else ""
    day = WEEKDAYS[word.lower().rstrip(".")]
    if rel is None and re.match(r"['’]s\b", text[m.end() : m.end() + 3]):
        rel = 0  # "Wednesday's ruling": a day that has come, whatever the clause's tense
    # "the previous Friday" counts from the day the text last named, "last Friday" from today
    return Weekday(day, rel, part, from_context=det in ("the previous", "the following"))


@rule(
    rf"day\s+(before|after)\s+(?:(?:(last|next|this)\s+)?({WEEKDAY})|{MONTH}\s+{DAYN}(?:,?\s+{YEAR})?)",
    {"day"},
)
def day_beside(m: re.Match[str], text: str) -> Parsed | None:
    """ "The day before last Tuesday", "the day after March 3": a named day, moved by one."""
    if m[3]:
        rel = {"last": -1, "next": 1}.get((m[2] or "").lower())
        day: Weekday | MonthDay = Weekday(WEEKDAYS[m[3].lower().rstrip(".")], rel)
    else:
        mo, d = month_number(re.findall(MONTH, m[0], re.I)[-1]), int(m[4])
        if not valid_day(int(m[5]) if m[5] else None, mo, d):
            return None
        day = MonthDay(mo, d, int(m[5]) if m[5] else None)
    return DayShift(day, 1 if m[1].lower() == "after" else -1)


_GAME_CLOCK = re.compile(
    rf":\d|\s+(?:{alternation(entries('game_clock'))})\b"
    rf"|\s+(?:of|in)\s+(?:the\s+)?(?:\w+\s+)?(?:{alternation(entries('game_periods'))})\b",
    re.I,
)
_CLAUSE_ENDS = re.compile(r"\s*(?:[,.;:!?)]|$)")
_CONVERTED_DAY = re.compile(rf"\s*\([^()\n]{{1,24}}\)\s*,?\s*(?:on\s+)?({WEEKDAY})\b")
_TIME_DAY = (
    rf"(?:,?\s+(?:on\s+)?(?:({WEEKDAY})|(yesterday|today|tomorrow|tonight)|{MONTH}\s+(\d{{1,2}})))?"
)


@rule(
    rf"(?:(?:around|approximately|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?"
    rf"(?:(\d{{1,2}})(?::(\d\d))?\s*(a\.m\.?|p\.m\.?|am|pm)|(\d{{1,2}}):(\d\d)|(noon|midnight|midday)"
    rf"|(\d{{1,2}})(?::(\d\d))?\s+(?:o'clock\s+)?in\s+the\s+(morning|afternoon|evening)){TZ}{_TIME_DAY}",
    {
        "#:",
        "a.m",
        "p.m",
        "am",
        "pm",
        "noon",
        "midnight",
        "midday",
        "morning",
        "afternoon",
        "evening",
    },
)
def clock_time(m: re.Match[str], text: str) -> Parsed | None:
    if m[6] and word_before(text, m.start()).lower() == "high":
        return None  # "high noon": an idiom (or a film), no clock time
    if m[1]:
        h, mi, half = int(m[1]), int(m[2] or 0), m[3].lower()[0]
        if not 1 <= h <= 12:
            return None
        h = h % 12 + (12 if half == "p" else 0)
    elif m[4]:
        h, mi = int(m[4]), int(m[5])
        if word_after(text, m.end()).lower() in ("lead", "win", "victory", "defeat"):  # a score
            return None
        if _GAME_CLOCK.match(text, m.end()):
            return None  # "17:46 into the third period", a race's "2:21:09": a clock of the game
    elif m[6]:
        h, mi = {"noon": 12, "midday": 12, "midnight": 24}[m[6].lower()], 0
    else:
        h, mi = int(m[7]), int(m[8] or 0)
        h = h % 12 + (12 if m[9].lower() != "morning" else 0)
    if h > 24 or mi > 59:
        return None
    day: Weekday | Unit | MonthDay | None = None
    # "at 10:35 a.m. (0735 GMT) Friday": the day after the converted time is the clock's too
    weekday = m[10] or (after[1] if (after := _CONVERTED_DAY.match(text, m.end())) else None)
    if weekday:
        day = Weekday(WEEKDAYS[weekday.lower().rstrip(".")])
    elif m[11]:
        day = Unit("D", {"yesterday": -1, "tomorrow": 1}.get(m[11].lower(), 0))
    elif m[12]:
        mo = month_number(re.findall(MONTH, m[0], re.I)[-1])
        if not valid_day(None, mo, int(m[12])):
            return None
        day = MonthDay(mo, int(m[12]))
    return Clock(h, mi, day)


@rule(
    rf"{APPROX}(?:a\s+|the\s+)?({NUM}|{FUZZ})\s+(?:more\s+)?{UNIT}s?(?:\s+or\s+so)?\s+"
    rf"(ago|earlier|later|before|after|"
    r"from\s+now|hence|back)",
    {"ago", "earlier", "later", "before", "after", "hence", "back", "now"},
)
def ago(m: re.Match[str], text: str) -> Parsed | None:
    qty = m[1]
    unit = piece(
        rf"({UNIT})s?\s+(?:or\s+so\s+)?(?:ago|earlier|later|before|after|from|hence|back)", m[0], 1
    )
    if m[2].lower() in ("before", "after") and not _CLAUSE_ENDS.match(text, m.end()):
        return None  # "years after the war": the anchored rule or a duration reads it
    if m[2].lower() in ("later", "after"):
        return None  # "three days later" is annotated as the duration "three days"
    sign = -1 if m[2].lower() in ("ago", "earlier", "before", "back") else 1
    n = None if qty.lower() in FUZZY else number(qty)
    code = UNITS[unit.lower()]
    if n is None and code == "Y":
        return Value("PAST_REF" if sign < 0 else "FUTURE_REF")
    return Offset(n, code, sign)


@rule(
    rf"{APPROX}(?:({NUM}|{FUZZ})\s+)?{UNIT}s?\s+(after|before|since)\s+"
    r"(the|this|that|these|those)\s+([A-Za-z][\w-]+)",
    {"after", "before", "since"},
)
def anchored(m: re.Match[str], text: str) -> Parsed | None:
    qty = m[1]
    if not qty and not re.search(rf"{UNIT}s\s", m[0], re.I):
        return None  # "day before the vote" is no measure
    unit = piece(rf"({UNIT})s?\s+(?:after|before|since)", m[0], 1)
    n = number(qty) if qty else None
    dur_end = m.start(2) - 1
    while text[dur_end - 1].isspace():
        dur_end -= 1
    sign = 1 if m[2].lower() in ("after", "since") else -1
    code = UNITS[unit.lower()]
    return Anchored(n, code, sign, (m.start(3), m.end()), dur_end, dur_value(n, unit))


@rule(rf"(?<=\bin\s)({NUM})\s+({UNIT})s?", UNIT_WORDS)
def ahead(m: re.Match[str], text: str) -> Parsed | None:
    n = number(m[1])
    if n is None or n > 1000:
        return None
    return Ahead(n, UNITS[m[2].lower()], dur_value(n, m[2]))


@rule(
    r"(?:the\s+(?:comparable\s+)?(?:year-earlier|year-ago)\s+period|year-earlier|year-ago)",
    {"year-earlier", "year-ago", "earlier"},
)
def year_ago(m: re.Match[str], text: str) -> Parsed | None:
    return Offset(1, "Y", -1)


@rule(
    r"(?:the\s+(?:end|beginning|start|middle)\s+of\s+)?"
    r"the\s+(?:(?:full|fiscal)\s+(?=year))?(year|week|weekend|month)"
    r"(?!\s+(?:of|before|after|earlier|ago|later)\b|'s|’s)",
    {"year", "week", "weekend", "month"},
)
def the_unit(m: re.Match[str], text: str) -> Parsed | None:
    unit = m[1].lower()
    if (
        unit == "year"
    ):  # "the year ended June 30" is a fiscal year's length; "for the year" this one
        after = text[m.end() : m.end() + 20]
        if re.match(r"\s+\d|\s+(?:award|prize|title|honou?r)", after, re.I):
            return None  # "the year 2010", "player of the year award"
        if re.match(r"\s+(?:that\s+)?(?:ended|ending|ends|to\s+end|to)\b", after):
            return Value("P1Y", "DURATION")
        return Unit("Y", 0)
    if unit == "weekend":
        return Weekend()
    return Unit(UNITS[unit], 0)
