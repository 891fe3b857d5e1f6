"""TIMEX3 values for parsed expressions, computed against the document date (the anchor).

The anchor may be partial: a year inferred from the text ("2022") resolves "last February" to
2022-02 but leaves "yesterday" as 2022-XX-XX. With no anchor at all, relative values keep X's
("XXXX-02"), never today's date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from reader.analysis.timex import (
    Timex,
    add_months,
    day_value,
    season_start,
    valid_day,
    week_value,
)


@dataclass(frozen=True, slots=True)
class Parsed:
    """What the grammar read, before anchoring: ``kind`` names a resolver below."""

    type: str
    kind: str
    args: tuple = ()


def _safe_days(d: date, n: int) -> date | None:
    try:
        return d + timedelta(days=n)
    except OverflowError:
        return None


def shifted_day(day: date | None, n: int) -> str:
    """The day ``n`` days after ``day`` as a value, X's when unknown or out of range."""
    out = _safe_days(day, n) if day else None
    return day_value(out) if out else "XXXX-XX-XX"


# How far ahead (in 31-day months' days) a date named in a past-tense clause may still lie:
# "said the vote would be held Dec. 15" in late October is this December's.
_PAST_REACH = 80
_AHEAD_WEIGHT = 1.5


def month_year(
    a: Timex | None, month: int, rel: int | None, tense: int, day: int | None = None
) -> int | None:
    """The year of a month named without one: ``rel`` -1/+1 for "last"/"next", 0 for "this",
    None for a bare name, which the tense places (-1 past, +1 future) or else the nearest such
    date to the anchor: news reports the recent past and the near future."""
    if a is None:
        return None
    if a.month is None:  # only the year is known: the month of that year
        return a.year
    if rel == -1:
        return a.year if month < a.month else a.year - 1
    if rel == 1:
        return a.year if month > a.month else a.year + 1
    if rel == 0:
        return a.year
    here = a.month * 31 + (a.day or 15)
    there = month * 31 + (day or 15)
    if tense == 1:
        return a.year + (there < here)
    if tense == -1:  # the past, though a date a few weeks ahead is a report's plan, not last year's
        ahead = a.year + (there <= here)
        reach = _PAST_REACH if day else 31  # a bare month: at most the next one
        return ahead if (ahead - a.year) * 372 + there - here <= reach else a.year - (there > here)
    # news looks back more than ahead: a date ahead must be clearly nearer to win
    return min(
        (a.year, a.year - 1, a.year + 1),
        key=lambda y: abs(k := (y - a.year) * 372 + there - here) * (_AHEAD_WEIGHT if k > 0 else 1),
    )


def r_abs(a, tense, value):
    return value


def _year(year: int | str | None) -> int | None:
    """A year given directly, or resolved from a sub-expression ("last year" → "2021")."""
    if isinstance(year, str):
        return int(year) if year.isdigit() else None
    return year


def r_month(a, tense, month, day, year, rel):
    year = _year(year)
    y = year if year is not None else month_year(a, month, rel, tense, day)
    ys = f"{y:04d}" if y is not None else "XXXX"
    if day is None:
        return f"{ys}-{month:02d}"
    if y is not None and not valid_day(y, month, day):
        return f"{ys}-{month:02d}"
    return f"{ys}-{month:02d}-{day:02d}"


def r_weekday(a, tense, wd, rel, part=""):
    """``rel`` -1 "last", +1 "next", 0 the latest such day whatever the tense, None a bare name."""
    d = a.day_date if a else None
    if d is None:
        return f"XXXX-WXX-{wd}{part}"
    diff = wd - d.isoweekday()
    if rel in (-1, 0) or (
        rel is None and tense != 1
    ):  # the latest such day (today counts but "last")
        diff = diff - 7 if diff > 0 or (diff == 0 and rel == -1) else diff
    elif rel == 1 or tense == 1:
        diff = diff + 7 if diff < 0 or (diff == 0 and rel == 1) else diff
    out = _safe_days(d, diff)
    return (day_value(out) if out else "XXXX-XX-XX") + part


def r_offset(a, tense, n, unit, sign):
    """A point ``n`` units before (sign -1) or after (+1) the anchor, at the unit's granularity."""
    if n is None:
        return "PAST_REF" if sign < 0 else "FUTURE_REF"
    k = round(n * sign)
    if a is None:
        return {"Y": "XXXX", "M": "XXXX-XX", "W": "XXXX-WXX"}.get(unit, "XXXX-XX-XX")
    if unit in ("Y", "DE", "CE"):
        return str(a.year + k * {"Y": 1, "DE": 10, "CE": 100}[unit])
    if unit == "Q":
        unit, k = "M", 3 * k
    if unit == "M":
        if a.month is None:
            return (
                f"{a.year + (k // 12 if abs(k) >= 12 else 0)}" if abs(k) >= 12 else f"{a.year}-XX"
            )
        y, m = add_months(a.year, a.month, k)
        return f"{y:04d}-{m:02d}"
    d = a.day_date
    if d is None:
        return f"{a.year}-XX-XX" if a.month is None else f"{a.year}-{a.month:02d}-XX"
    if unit in ("W", "WE"):
        out = _safe_days(d, 7 * k)
        return week_value(out) if out else "XXXX-WXX"
    if unit == "D":
        out = _safe_days(d, k)
        return day_value(out) if out else "XXXX-XX-XX"
    return day_value(d)  # hours, minutes: the same day


def r_unit(a, tense, unit, shift, part=""):
    """ "last/this/next week|month|year|…": the anchor's calendar unit, shifted."""
    if a is None:
        return {
            "Y": "XXXX",
            "M": "XXXX-XX",
            "W": "XXXX-WXX",
            "Q": "XXXX-QX",
            "DE": "XXX",
            "CE": "XX",
            "WE": "XXXX-WXX-WE",
        }.get(unit, "XXXX-XX-XX")
    if unit == "Y":
        return str(a.year + shift)
    if unit == "DE":
        return str((a.year // 10) + shift)
    if unit == "CE":
        return str((a.year // 100) + shift)
    if a.month is None:
        return {"M": f"{a.year}-XX", "Q": f"{a.year}-QX", "D": f"{a.year}-XX-XX"}.get(
            unit, f"{a.year}-WXX"
        )
    if unit == "M":
        y, m = add_months(a.year, a.month, shift)
        return f"{y:04d}-{m:02d}"
    if unit == "Q":
        y, m = add_months(a.year, a.month, 3 * shift)
        return f"{y}-Q{(m - 1) // 3 + 1}"
    d = a.day_date
    if d is None:
        return f"{a.year}-{a.month:02d}-XX" if unit == "D" else f"{a.year}-WXX"
    if unit in ("W", "WE"):
        out = _safe_days(d, 7 * shift)
        return (week_value(out) if out else "XXXX-WXX") + ("-WE" if unit == "WE" else "")
    out = _safe_days(d, shift)
    return (day_value(out) if out else "XXXX-XX-XX") + part


def r_season(a, tense, code, year, rel):
    if year is not None:
        return f"{year}-{code}"
    if a is None:
        return f"XXXX-{code}"
    y = a.year
    if a.month is not None:
        start = season_start(code)
        if rel == -1 and start >= a.month - 2:
            y -= 1
        elif rel == 1 and start <= a.month:
            y += 1
    elif rel == 1:
        y += 1
    return f"{y}-{code}"


def r_quarter(a, tense, q, year, rel):
    year = _year(year)
    if year is not None:
        return f"{year}-Q{q}"
    if a is None:
        return f"XXXX-Q{q}"
    y = a.year + (rel or 0)
    if not rel and a.month is not None and q > (a.month - 1) // 3 + 1 and tense != 1:
        y -= 1
    return f"{y}-Q{q}"


def r_time(a, tense, hour, minute, day):
    """A clock time on ``day`` (a resolved date value) or the anchor's day."""
    base = day or (day_value(a.day_date) if a and a.day_date else "XXXX-XX-XX")
    if not re.fullmatch(r"[\dX]{4}-[\dX]{2}-[\dX]{2}", base):
        base = "XXXX-XX-XX"
    return f"{base}T{hour:02d}:{minute:02d}"


def r_nth(a, tense, month, weekday, nth, rel, after=0):
    """A holiday on the ``nth`` ``weekday`` of ``month`` (Thanksgiving), ``after`` days on."""
    y = month_year(a, month, rel, tense, 25)
    if y is None or not 1 <= y <= 9999:
        return f"XXXX-{month:02d}-XX"
    first = date(y, month, 1)
    day = 1 + (weekday - first.isoweekday()) % 7 + 7 * (nth - 1) + after
    return day_value(date(y, month, day))


def r_dayshift(a, tense, day, n):
    """The day ``n`` days from ``day`` (a resolved date value)."""
    try:
        return shifted_day(date.fromisoformat(day), n)
    except ValueError:
        return "XXXX-XX-XX"


def easter(year: int) -> date:
    """Easter Sunday of a Gregorian year (the anonymous computus)."""
    g, (c, y) = year % 19, divmod(year, 100)
    h = (19 * g + c - c // 4 - (c - (c + 8) // 25 + 1) // 3 + 15) % 30
    wd = (32 + 2 * (c % 4) + 2 * (y // 4) - h - y % 4) % 7
    n = h + wd - 7 * ((g + 11 * h + 22 * wd) // 451) + 114
    return date(year, n // 31, n % 31 + 1)


def r_easter(a, tense, shift, rel, week):
    """The day ``shift`` days from Easter Sunday (Good Friday is -2), or with ``week`` the week
    that ends on it, in the year the anchor and tense choose as for a month name."""
    near = easter(a.year) if a and 1583 <= a.year <= 9998 else date(2000, 4, 15)
    y = month_year(a, near.month, rel, tense, near.day)
    if y is None or not 1583 <= y <= 9998:
        return "XXXX-WXX" if week else "XXXX-XX-XX"
    day = easter(y) + timedelta(days=shift)
    return week_value(day) if week else day_value(day)


def r_weekend(a, tense):
    """ "The weekend": the one just past in a report written on a weekday, else this week's."""
    d = a.day_date if a else None
    if d is None:
        return "XXXX-WXX-WE"
    back = tense != 1 and d.isoweekday() < 6
    out = _safe_days(d, -7 if back else 0)
    return (week_value(out) if out else "XXXX-WXX") + "-WE"


def r_weekof(a, tense, day):
    """The week holding ``day`` (a resolved date value)."""
    try:
        return week_value(date.fromisoformat(day))
    except ValueError:
        return "XXXX-WXX"


def r_half(a, tense, half, year):
    year = _year(year)
    return f"{year:04d}-H{half}" if year is not None else f"XXXX-H{half}"


RESOLVERS = {
    "abs": r_abs,
    "month": r_month,
    "weekday": r_weekday,
    "offset": r_offset,
    "unit": r_unit,
    "season": r_season,
    "quarter": r_quarter,
    "time": r_time,
    "nth": r_nth,
    "weekend": r_weekend,
    "half": r_half,
    "weekof": r_weekof,
    "dayshift": r_dayshift,
    "easter": r_easter,
}


def resolve(p: Parsed, anchor: Timex | None, tense: int) -> str:
    """The TIMEX3 value of ``p`` against ``anchor`` in a sentence of ``tense`` (-1 past, 0 unknown,
    +1 future); time sub-expressions resolve first."""
    args = tuple(resolve(x, anchor, tense) if isinstance(x, Parsed) else x for x in p.args)
    return RESOLVERS[p.kind](anchor, tense, *args)
