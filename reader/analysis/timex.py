"""TIMEX3 values as one type: parsed once, then compared, shifted by months and put into words.

The analysis speaks in TIMEX3 value strings ("2022-02-24", "XXXX-WXX-3", "2023-SU"): exact,
sortable and what the JSON holds. Everything that needs to read one (the tagger's anchor, the
document date, the timeline's order, the words a reader sees) goes through ``Timex.parse`` here,
and month arithmetic is ``add_months`` alone.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from reader.analysis.lexicons import entries, table

_VALUE = re.compile(
    r"(?P<year>\d{4}|XXXX)"
    r"(?:-(?:(?P<month>\d\d|XX)(?:-(?P<day>\d\d|XX))?"
    r"|W(?P<week>\d\d|XX)(?:-(?P<wday>[1-7]|WE))?"
    r"|Q(?P<quarter>[1-4X])|(?P<season>SP|SU|FA|WI)|H(?P<half>[12])))?"
    r"(?:T(?P<clock>\d\d:\d\d|MO|AF|EV|NI|DT))?"
)
_SPAN = re.compile(r"\d{2,3}")  # "199" the 1990s, "19" the 1900s
_REFS = {"PRESENT_REF": "now", "PAST_REF": "the past", "FUTURE_REF": "the future"}
_CLOCK_WORDS = {"24:00": "midnight", "12:00": "noon"}
_LONGEST = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # days in a month of an unknown year


def _number(group: str | None) -> int | None:
    return int(group) if group and group.isdigit() else None


@dataclass(frozen=True, slots=True)
class Timex:
    """A calendar TIMEX3 value; ``None`` fields are absent or unknown (X's in the value)."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    week: int | None = None
    weekday: int | None = None  # ISO, Monday 1
    weekend: bool = False
    quarter: int | None = None
    season: str | None = None
    half: int | None = None
    clock: str | None = None  # "14:30" or a part of the day ("MO")
    years: int = 1  # years the value covers: 10 for a decade ("199"), 100 for a century ("19")
    ref: str | None = None  # PRESENT_REF, PAST_REF, FUTURE_REF
    vague: bool = False  # some part is unknown ("2022-XX-XX", "XXXX-WXX-2")

    @classmethod
    def parse(cls, value: str) -> Timex | None:
        """The value read, or None for what is no calendar point (durations, sets' periods)."""
        if value in _REFS:
            return cls(ref=value)
        if _SPAN.fullmatch(value):
            size = 10 ** (4 - len(value))
            return cls(year=int(value) * size, years=size)
        m = _VALUE.fullmatch(value)
        if m is None:
            return None
        return cls(
            year=_number(m["year"]),
            month=_number(m["month"]),
            day=_number(m["day"]),
            week=_number(m["week"]),
            weekday=_number(m["wday"]),
            weekend=m["wday"] == "WE",
            quarter=_number(m["quarter"]),
            season=m["season"],
            half=_number(m["half"]),
            clock=m["clock"],
            vague="X" in value,
        )

    @classmethod
    def anchor(cls, value: str | None) -> Timex | None:
        """A date to count from ("2022", "2022-11", "2022-11-30", or the date part of a longer
        value), cut back to what is valid: a bad day leaves the month, a bad month the year."""
        m = re.fullmatch(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?", (value or "")[:10])
        if not m or int(m[1]) < 1:
            return None
        year, month, day = int(m[1]), _number(m[2]), _number(m[3])
        if month is None or not 1 <= month <= 12:
            return cls(year)
        if day is None or not valid_day(year, month, day):
            return cls(year, month)
        return cls(year, month, day)

    @property
    def is_date(self) -> bool:
        """A plain calendar date with a known year: "2008", "2008-04", "2008-04-03"."""
        plain = (self.week, self.quarter, self.season, self.half, self.clock, self.ref)
        return (
            self.year is not None
            and self.years == 1
            and not self.vague
            and all(x is None for x in plain)
            and not (self.day is not None and self.month is None)
        )

    @property
    def key(self) -> tuple[int, int, int]:
        """Orders plain dates: (year, month, day) with 0 for what is not given."""
        return (self.year or 0, self.month or 0, self.day or 0)

    @property
    def text(self) -> str:
        """A plain date back as its value ("2022", "2022-11", "2022-11-30")."""
        return (
            f"{self.year or 0:04d}"
            + (f"-{self.month:02d}" if self.month else "")
            + (f"-{self.day:02d}" if self.month and self.day else "")
        )

    @property
    def day_date(self) -> date | None:
        if self.year is None or self.month is None or self.day is None:
            return None
        if not 1 <= self.year <= 9999 or not valid_day(self.year, self.month, self.day):
            return None
        return date(self.year, self.month, self.day)

    def interval(self) -> tuple[date, date] | None:
        """The first and last day the value covers; None without a year."""
        y = self.year
        if y is None or self.ref:
            return None
        try:
            if self.years > 1:
                return date(max(y, 1), 1, 1), date(min(y + self.years - 1, 9999), 12, 31)
            if self.day is not None and self.month is not None:
                return date(y, self.month, self.day), date(y, self.month, self.day)
            if self.week is not None:
                start = date.fromisocalendar(y, self.week, 1)
                if self.weekend:
                    start += timedelta(days=5)
                last = start + timedelta(days=1 if self.weekend else 6)
                return start, last
            first, months = self._months()
            end_year, end_month = add_months(y, first, months)
            end = date.max if end_year > 9999 else date(end_year, end_month, 1) - timedelta(1)
            return date(y, first, 1), end
        except (ValueError, OverflowError):
            return None

    def _months(self) -> tuple[int, int]:
        """The first month and the number of months of a value coarser than a day."""
        if self.month is not None:
            return self.month, 1
        if self.quarter is not None:
            return 3 * self.quarter - 2, 3
        if self.season is not None:
            return season_start(self.season), 3
        if self.half is not None:
            return 6 * self.half - 5, 6
        return 1, 12

    def words(self, written: str = "", recurring: bool = False) -> str:
        """The value as a reader says it ("24 February 2022", "summer 2023", "every Friday");
        ``written``, the expression as the article wrote it, names what the value leaves open."""
        if self.ref:
            return _REFS[self.ref]
        if recurring and self.clock and ":" in self.clock and self.weekday is None:
            # a clock time alone: "at 8 p.m., recurring", in the article's words when given
            return f"at {' '.join(written.split()) or clock_words(self.clock)}, recurring"
        if recurring:
            return "every " + self._unknown_words("")
        if self.year is None or self.vague:
            return " ".join(written.split()) or self._unknown_words("date not given")
        if self.years > 1:
            return f"the {self.year}s"
        if self.day is not None and self.month is not None:
            out = f"{self.day} {month_name(self.month)} {self.year}"
        elif self.month is not None:
            out = f"{month_name(self.month)} {self.year}"
        elif self.week is not None:
            out = f"{'the weekend of ' if self.weekend else ''}week {self.week} of {self.year}"
        elif self.quarter is not None:
            out = f"Q{self.quarter} {self.year}"
        elif self.season is not None:
            out = f"{season_name(self.season)} {self.year}"
        elif self.half is not None:
            out = f"{'first' if self.half == 1 else 'second'} half of {self.year}"
        else:
            out = str(self.year)
        return f"{out}, {clock_words(self.clock)}" if self.clock else out

    def _unknown_words(self, fallback: str) -> str:
        """Words for a value without its year ("Friday", "May", "summer", "8 p.m.")."""
        parts = []
        if self.weekday is not None:
            parts.append(weekday_name(self.weekday))
        elif self.weekend:
            parts.append("weekend")
        elif self.month is not None:
            parts.append(
                f"{self.day} {month_name(self.month)}" if self.day else month_name(self.month)
            )
        elif self.season is not None:
            parts.append(season_name(self.season))
        elif self.quarter is not None:
            parts.append(f"Q{self.quarter}")
        if self.clock:
            parts.append(clock_words(self.clock))
        return " ".join(parts) or fallback


def describe(value: str, written: str = "", recurring: bool = False) -> str:
    """``value`` in words, or the value itself when it is no calendar value ("P3Y")."""
    t = Timex.parse(value)
    if t is None:
        return _period_words(value) if recurring else value
    return t.words(written, recurring)


def _period_words(value: str) -> str:
    """A SET's period ("P1W" → "every week", "PT1H" → "every hour")."""
    m = re.fullmatch(r"PT?(\d+|X)([YMWDH])", value)
    if not m:
        return value
    unit = {"Y": "year", "M": "month", "W": "week", "D": "day", "H": "hour"}[m[2]]
    if value.startswith("PT") and m[2] == "M":
        unit = "minute"
    return f"every {unit}" if m[1] == "1" else f"every {m[1]} {unit}s"


def clock_words(clock: str) -> str:
    """ "MO" → "morning", "24:00" → "midnight", "20:00" → "20:00"."""
    return _CLOCK_WORDS.get(clock) or _names("day_parts").get(clock, clock)


@cache
def _names(lexicon: str) -> dict[str, str]:
    """The first word of each value in a ``word<TAB>value`` lexicon, capitalised as a name."""
    out: dict[str, str] = {}
    for line in entries(lexicon):
        word, value = (x.strip() for x in line.split("\t", 1))
        out.setdefault(value, word)
    return out


def month_name(month: int) -> str:
    return _names("months")[str(month)].capitalize()


def weekday_name(weekday: int) -> str:
    return _names("weekdays")[str(weekday)].capitalize()


def season_name(code: str) -> str:
    return _names("seasons")[code]


def season_start(code: str) -> int:
    return int(table("season_starts")[code])


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    """(year, month) ``n`` months after ``month`` of ``year`` (before, for negative ``n``)."""
    k = year * 12 + month - 1 + n
    return k // 12, k % 12 + 1


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def day_value(d: date) -> str:
    return d.isoformat() if 1 <= d.year <= 9999 else "XXXX-XX-XX"


def week_value(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def valid_day(year: int | None, month: int, day: int) -> bool:
    """Whether ``day`` exists in ``month`` (February 29 in leap years, when the year is known)."""
    if not 1 <= month <= 12 or day < 1:
        return False
    return day <= (calendar.monthrange(year, month)[1] if year else _LONGEST[month])
