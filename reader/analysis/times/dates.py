"""Calendar dates: "April 3, 2008", "April 2008", "2014", "the 1990s", "the third quarter",
holidays. Each rule is a ``patterns.Rule``; ``grammar.RULES`` lists them all in one order.
"""

from __future__ import annotations

import re

from reader.analysis.lexicons import table
from reader.analysis.times.lexicon import ONES, ORDINALS, SEASONS, TENS, alternation, word_year
from reader.analysis.times.parsed import (
    Easter,
    Half,
    MonthDay,
    NthWeekday,
    Parsed,
    Quarter,
    QuarterContext,
    Season,
    Unit,
    Value,
    WeekOf,
)
from reader.analysis.times.patterns import (
    DAYN,
    DMOD,
    MONTH,
    MONTH_WORDS,
    NUMW,
    WEEKDAY,
    YEAR,
    month_number,
    rule,
    word_after,
    word_before,
)
from reader.analysis.timex import valid_day

# A year spelled out, as transcripts write it ("nineteen ninety-four"); ``word_year`` reads it.
WORDYEAR = (
    rf"((?:{alternation(w for w in ONES if ONES[w] >= 10)}|two thousand)"
    rf"(?:\s+and)?(?:\s+{NUMW})?)"
)
# Words before a bare month name that show it is a date ("in May", "last March").
_MONTH_CUES = frozenset(
    [
        "in",
        "of",
        "since",
        "until",
        "till",
        "by",
        "during",
        "last",
        "next",
        "this",
        "early",
        "late",
        "mid",
        "from",
        "through",
        "before",
        "after",
        "between",
        "to",
        "and",
        "or",
        "since",
        "that",
        "each",
        "every",
        "for",
        "around",
        "about",
        "on",
    ]
)
# What follows a number that makes it a count, not a year.
_COUNTED = re.compile(
    r"\s*(?:%|percent|per cent|people|persons|troops|soldiers|workers|jobs|votes|"
    r"points|dollars|euros|pounds|yen|shares|members|units|cars|homes|miles|km|"
    r"kilometers|kilometres|meters|metres|feet|tons|tonnes|acres|students|children|"
    r"men|women|refugees|cases|deaths|residents|others|hours|pages|calories|words|"
    r"yards|seats|games|runs|goals|rpm|mph|kg|lb)\b",
    re.I,
)
_MONEY_BEFORE = re.compile(
    r"(?:[$€£¥#]|No\.|number|page|flight|route|highway|room|model|version|"
    r"rs\.?|usd|eur)\s*$",
    re.I,
)


def _year2(y: str) -> int:
    n = int(y)
    return n if len(y) == 4 else (2000 + n if n < 50 else 1900 + n)


_MONTH_RE = re.compile(MONTH, re.I)


def _month_word(m: re.Match[str], text: str) -> str:
    """The month name inside match ``m``, searched in ``text`` so "Aug" still sees the digits
    after it."""
    found = _MONTH_RE.search(text, m.start(), m.end() + 4)
    return found[0] if found else ""


@rule(r"(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d))?", {"#-"})
def iso_date(m: re.Match[str], text: str) -> Parsed | None:
    y, mo, d = int(m[1]), int(m[2]), int(m[3])
    if not valid_day(y, mo, d):
        return None
    if m[4] and int(m[4]) < 25 and int(m[5]) < 60:
        return Value(f"{m[1]}-{m[2]}-{m[3]}T{m[4]}:{m[5]}", "TIME")
    return Value(f"{m[1]}-{m[2]}-{m[3]}")


@rule(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d\d)", {"#/"})
def slash_date(m: re.Match[str], text: str) -> Parsed | None:
    y, mo, d = _year2(m[3]), int(m[1]), int(m[2])
    return Value(f"{y:04d}-{mo:02d}-{d:02d}") if valid_day(y, mo, d) else None


@rule(rf"the\s+week\s+of\s+{MONTH}\s+{DAYN}(?:,?\s+{YEAR})?", {"week"})
def week_of(m: re.Match[str], text: str) -> Parsed | None:
    """ "The week of March 6": the (ISO) week holding that day."""
    day = _month_day(m, text)
    return WeekOf(day) if day else None


def _month_day(m: re.Match[str], text: str) -> MonthDay | None:
    """ "March 6, 2020" and "6 March 2020", with any weekday written before them."""
    mo = month_number(_month_word(m, text))
    d, y = int(m[1]), int(m[2]) if m[2] else None
    if not valid_day(y, mo, d):
        return None
    return MonthDay(mo, d, y)


month_day = rule(rf"(?:{WEEKDAY},?\s+(?:the\s+)?)?{MONTH}\s+{DAYN}(?:,?\s+{YEAR})?", MONTH_WORDS)(
    _month_day
)
day_month = rule(
    rf"(?:{WEEKDAY},?\s+)?(?:the\s+)?{DAYN}(?:\s+of)?\s+{MONTH}(?:,?\s+{YEAR})?", MONTH_WORDS
)(_month_day)


@rule(rf"{DMOD}{MONTH}(?:\s+of|,)?\s+(?:{YEAR}|{WORDYEAR})", MONTH_WORDS)
def month_year(m: re.Match[str], text: str) -> Parsed | None:
    year = int(m[1]) if m[1] else word_year(m[2])
    return MonthDay(month_number(_month_word(m, text)), None, year) if year else None


@rule(
    rf"({DMOD})(?:(last|this|next)\s+)?{MONTH}"
    r"(?:\s+(this|last|next)\s+year)?",
    MONTH_WORDS,
)
def month_name(m: re.Match[str], text: str) -> Parsed | None:
    word = _month_word(m, text)
    rel = {"last": -1, "this": 0, "next": 1}.get((m[2] or "").lower())
    if m[3]:  # "June last year"
        shift = {"this": 0, "last": -1, "next": 1}[m[3].lower()]
        return MonthDay(month_number(word), None, Unit("Y", shift))
    if re.match(r"\s*\d{1,2}\b", text[m.end() : m.end() + 4]):
        return None  # "last Oct. 23": the month-day rule reads the date
    if not m[1] and not m[2]:
        before = word_before(text, m.start()).lower()
        # "the October shooting", "a June agreement": a month used as an adjective ("the May
        # government" and "the March organisers" are names and marches, so not those two)
        attributive = (
            before in ("the", "a", "an")
            and month_number(word) not in (3, 5)
            and re.match(r"\s+[a-z]{3,}\b", text[m.end() : m.end() + 20])
            and not re.match(
                r"\s+(?:of|and|or|to|in|is|was|for|from)\b", text[m.end() : m.end() + 10]
            )
        )
        if (before not in _MONTH_CUES and not attributive) or word.endswith("."):
            return None
    return MonthDay(month_number(word), None, None, rel)


@rule(
    rf"(?:the\s+)?(?:(first|second|last|latter|1st|2nd)\s+half|first\s+two\s+quarters)(?:\s+of)?\s+"
    rf"(?:{YEAR}|(this|last|next)\s+year)",
    {"half", "quarters", "quarter"},
)
def half_year(m: re.Match[str], text: str) -> Parsed | None:
    """ "The second half of 1989" is 1989-H2, "the first two quarters of 1990" 1990-H1."""
    half = 2 if (m[1] or "").lower() in ("second", "last", "latter", "2nd") else 1
    shift = {"this": 0, "last": -1, "next": 1}.get((m[3] or "").lower(), 0)
    return Half(half, int(m[2]) if m[2] else Unit("Y", shift))


@rule(rf"{DMOD}(?:fiscal\s+|(?:pre|post)-)?{YEAR}", {"#4"})
def year_number(m: re.Match[str], text: str) -> Parsed | None:
    y = int(m[1])
    after = text[m.end() : m.end() + 6]
    if (
        not 1000 <= y <= 2199
        or _COUNTED.match(text, m.end())
        or _MONEY_BEFORE.search(text[max(0, m.start() - 12) : m.start()])
    ):
        return None
    if (
        re.match(r"\s*(?:-|to)\s*\d", after)
        and not re.match(r"-\d\d\b", after)
        and not ((to := _TO_YEAR.match(text, m.end())) and y < int(to[1]) <= 2199)
    ):
        return None  # "1-0", "2000-2500"; but "from 1991 to 1997" names two years
    return Value(str(y))


@rule(rf"(?:the\s+year\s+)?{WORDYEAR}", frozenset(w for w in ONES if ONES[w] >= 10) | {"thousand"})
def spelled_year(m: re.Match[str], text: str) -> Parsed | None:
    words = re.sub(r"^the\s+year\s+", "", m[0], flags=re.I)
    y = word_year(words)
    if y is None or (not m[0].lower().startswith("the year") and len(words.split()) < 2):
        return None
    return Value(str(y))


@rule(
    rf"(?:the\s+)?{DMOD}(?:(\d\d\d)0'?s|'(\d)0s|(?:nineteen[- ])?(twenties|thirties|forties|"
    r"fifties|sixties|seventies|eighties|nineties))",
    {
        "#s",
        "#4",
        "twenties",
        "thirties",
        "forties",
        "fifties",
        "sixties",
        "seventies",
        "eighties",
        "nineties",
    },
)
def decade(m: re.Match[str], text: str) -> Parsed | None:
    if m[1]:
        return Value(m[1])
    if m[2]:
        return Value("19" + m[2])
    return Value(str(190 + TENS[m[3].lower()[:-3] + "y"] // 10))


@rule(
    rf"(?:the\s+)?{DMOD}(?:(\d{{1,2}})(?:st|nd|rd|th)|({alternation(ORDINALS)}))[- ]century",
    {"century", "centurie"},
)
def century(m: re.Match[str], text: str) -> Parsed | None:
    n = int(m[1]) if m[1] else ORDINALS.get(m[2].lower())
    return Value(f"{n - 1:02d}") if n and 1 <= n <= 22 else None


@rule(
    rf"(?:(last|this|next|early|late|mid|the|that|the\s+early|the\s+late|this\s+past)[- ]\s*)?"
    rf"({alternation(SEASONS)})"
    rf"(?:\s+of)?(?:\s+(?:{YEAR}|{WORDYEAR}))?",
    frozenset(SEASONS),
)
def season(m: re.Match[str], text: str) -> Parsed | None:
    year = int(m[3]) if m[3] else word_year(m[4]) if m[4] else None
    if (not m[1] and not year) or (m[4] and not year):
        return None
    if (m[1] or "").lower() in ("the", "that") and not year and _OF.match(text, m.end()):
        return None  # "the fall of Rome"
    rel = {"last": -1, "this": 0, "next": 1, "this past": -1}.get(
        re.sub(r"\s+", " ", (m[1] or "").lower())
    )
    return Season(SEASONS[m[2].lower()], year, rel)


_TO_YEAR = re.compile(r"\s+to\s+(\d{4})\b")
_OF = re.compile(r"\s+of\b")
_QORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


@rule(
    r"(?:(the|this|that|last|next)\s+(?![\w-]*-quarter\b))?(?:(this|last|next)\s+year's\s+)?(?:(\d{4})\s+)?"
    r"(?:(fiscal)[- ])?(?:(first|second|third|fourth|1st|2nd|3rd|4th|latest|current|"
    r"same|comparable|year-ago|year-earlier)[- ])?(?:(?:fiscal|calendar)[- ])?"
    r"(?:(first|second|third|fourth)[- ])?quarter(?:\s+of\s+(?:(\d{4})|(this|last|next)\s+year))?",
    {"quarter"},
)
def quarter(m: re.Match[str], text: str) -> Parsed | None:
    words = [(w or "").lower() for w in (m[1], m[2], m[5], m[6])]
    q = next((_QORD[w] for w in words if w in _QORD), None)
    year = int(m[3] or m[7]) if (m[3] or m[7]) else None
    if q is None:
        if not any(words):
            return None
        shift = -1 if "year-ago" in words or "year-earlier" in words else 0
        rel = (
            0
            if words[0] == "this" or words[2] == "current"
            else {"last": -1, "next": 1}.get(words[0])
        )
        return QuarterContext(rel, shift, year)  # "the quarter", "the 1988 quarter"
    rel = {"last": -1, "this": 0, "next": 1}.get(words[1] or (m[8] or "").lower())
    if words[2] in ("year-ago", "year-earlier"):
        rel = -1
    if year is None and rel is not None:
        return Quarter(q, Unit("Y", rel))
    return Quarter(q, year)


@rule(r"the\s+(?:(latest|most\s+recent)|(\d{4}))\s+period", {"period"})
def results_period(m: re.Match[str], text: str) -> Parsed | None:
    """ "The latest period", "the 1988 period" in a results story: the quarter it discusses."""
    return QuarterContext(None, 0, int(m[2]) if m[2] else None, period=True)


# Fixed-date holidays as (month, day); Thanksgiving and Election Day are computed.
_HOLIDAYS = {name: (int(when[:2]), int(when[3:])) for name, when in table("holidays").items()}


@rule(r"year[- ]end", {"year-end", "year", "end"})
def year_end(m: re.Match[str], text: str) -> Parsed | None:
    return MonthDay(12, 31, None, 0)


@rule(
    r"(?:(last|this|next)\s+)?(?-i:(Christmas(?:\s+Day|\s+Eve)?|New\s+Year's\s+(?:Day|Eve)|"
    r"Independence\s+Day|Valentine's\s+Day|Halloween|Veterans\s+Day|Boxing\s+Day|May\s+Day|"
    r"Bastille\s+Day|Thanksgiving(?:\s+Day)?|Election\s+Day))",
    {
        "christmas",
        "new",
        "independence",
        "valentine",
        "halloween",
        "veterans",
        "boxing",
        "may",
        "bastille",
        "thanksgiving",
        "election",
    },
)
def holiday(m: re.Match[str], text: str) -> Parsed | None:
    name = re.sub(r"\s+", " ", m[2]).lower()
    rel = {"last": -1, "this": 0, "next": 1}.get((m[1] or "").lower())
    if name.startswith("thanksgiving"):
        return NthWeekday(11, 4, 4, rel)  # the fourth Thursday of November
    if name == "election day":
        return NthWeekday(11, 1, 1, rel, after=1)  # the Tuesday after the first Monday
    month, day = _HOLIDAYS[name]
    return MonthDay(month, day, None, rel)


@rule(
    r"(?:(last|this|next)\s+)?(?-i:(Good\s+Friday|Easter(?:\s+(Sunday|Monday|[Ww]eek))?))",
    {"easter", "good"},
)
def easter_day(m: re.Match[str], text: str) -> Parsed | None:
    """Easter and the days around it, which move with the moon."""
    if m[2] == "Easter" and word_after(text, m.end()).lower() in _NOT_EASTER_DAY:
        return None  # "Easter Island", "Easter eggs"
    rel = {"last": -1, "this": 0, "next": 1}.get((m[1] or "").lower())
    shift = -2 if m[2].startswith("Good") else 1 if m[3] == "Monday" else 0
    return Easter(shift, rel, (m[3] or "").lower() == "week")


_NOT_EASTER_DAY = frozenset(["island", "rising", "egg", "eggs", "bunny", "lily", "lilies"])
_SECOND_DAY = re.compile(rf"(,?\s+(?:and|or|to|through|&)\s+){DAYN}(?:,?\s+{YEAR})?(?![\w%])")


def second_day(text: str, end: int, parsed: Parsed) -> tuple[int, int, MonthDay] | None:
    """The second day of "April 24 and 25", "May 3 or 4" after a month-day match ending at
    ``end``: its (start, end, parsed), the month and year taken from the first."""
    if not isinstance(parsed, MonthDay) or parsed.day is None:
        return None
    m = _SECOND_DAY.match(text, end)
    if not m or _COUNTED.match(text, m.end()):
        return None  # "on May 3 and 25 people died"
    d = int(m[2])
    year = int(m[3]) if m[3] else parsed.year
    if d <= parsed.day or not valid_day(year if isinstance(year, int) else None, parsed.month, d):
        return None
    return m.start(2), m.end(), MonthDay(parsed.month, d, year, parsed.rel)
