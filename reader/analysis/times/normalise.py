"""TIMEX3 values for parsed expressions, computed against the document date (the anchor).

The anchor may be partial: a year inferred from the text ("2022") resolves "last February" to
2022-02 but leaves "yesterday" as 2022-XX-XX. With no anchor at all, relative values keep X's
("XXXX-02"), never today's date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from reader.analysis.times.parsed import (
    Clock,
    DayShift,
    Easter,
    Half,
    MonthDay,
    NthWeekday,
    Offset,
    Parsed,
    Quarter,
    Season,
    Unit,
    Value,
    Weekday,
    Weekend,
    WeekOf,
)
from reader.analysis.timex import (
    Timex,
    add_months,
    day_value,
    month_value,
    season_start,
    valid_day,
    week_value,
)


def days_after(d: date, n: int) -> date | None:
    try:
        return d + timedelta(days=n)
    except OverflowError:
        return None


def shifted_day(day: date | None, n: int) -> str:
    """The day ``n`` days after ``day`` as a value, X's when unknown or out of range."""
    out = days_after(day, n) if day else None
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
    if a is None or a.year is None:
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
    year = a.year

    def distance(y: int) -> float:
        k = (y - year) * 372 + there - here
        return abs(k) * (_AHEAD_WEIGHT if k > 0 else 1)

    return min((year, year - 1, year + 1), key=distance)


def _year(year: int | Unit | None, a: Timex | None) -> int | None:
    """A year given directly, or resolved from a sub-expression ("last year" → 2021)."""
    if isinstance(year, Unit):
        value = r_unit(a, year)
        return int(value) if value.isdigit() else None
    return year


def r_month(a: Timex | None, tense: int, p: MonthDay) -> str:
    year = _year(p.year, a)
    y = year if year is not None else month_year(a, p.month, p.rel, tense, p.day)
    ys = f"{y:04d}" if y is not None else "XXXX"
    if p.day is None or (y is not None and not valid_day(y, p.month, p.day)):
        return f"{ys}-{p.month:02d}"
    return f"{ys}-{p.month:02d}-{p.day:02d}"


def r_weekday(a: Timex | None, tense: int, p: Weekday) -> str:
    """``rel`` -1 "last", +1 "next", 0 the latest such day whatever the tense, None a bare name."""
    d = a.day_date if a else None
    if d is None:
        return f"XXXX-WXX-{p.weekday}{p.part}"
    diff = p.weekday - d.isoweekday()
    if p.rel in (-1, 0) or (p.rel is None and tense != 1):  # the latest such day (today
        diff = diff - 7 if diff > 0 or (diff == 0 and p.rel == -1) else diff  # counts but "last")
    elif p.rel == 1 or tense == 1:
        diff = diff + 7 if diff < 0 or (diff == 0 and p.rel == 1) else diff
    return shifted_day(d, diff) + p.part


def r_offset(a: Timex | None, p: Offset) -> str:
    """A point ``n`` units before (sign -1) or after (+1) the anchor, at the unit's granularity."""
    if p.n is None:
        return "PAST_REF" if p.sign < 0 else "FUTURE_REF"
    k, unit = round(p.n * p.sign), p.unit
    if a is None or a.year is None:
        return {"Y": "XXXX", "M": "XXXX-XX", "W": "XXXX-WXX"}.get(unit, "XXXX-XX-XX")
    if unit in ("Y", "DE", "CE"):
        return str(a.year + k * {"Y": 1, "DE": 10, "CE": 100}[unit])
    if unit == "Q":
        unit, k = "M", 3 * k
    if unit == "M":
        if a.month is None:
            return f"{a.year + k // 12}" if abs(k) >= 12 else f"{a.year}-XX"
        return month_value(*add_months(a.year, a.month, k))
    d = a.day_date
    if d is None:
        return f"{a.year}-XX-XX" if a.month is None else f"{a.year}-{a.month:02d}-XX"
    if unit in ("W", "WE"):
        out = days_after(d, 7 * k)
        return week_value(out) if out else "XXXX-WXX"
    if unit == "D":
        return shifted_day(d, k)
    return day_value(d)  # hours, minutes: the same day


_UNKNOWN_UNIT = {
    "Y": "XXXX",
    "M": "XXXX-XX",
    "W": "XXXX-WXX",
    "Q": "XXXX-QX",
    "DE": "XXX",
    "CE": "XX",
    "WE": "XXXX-WXX-WE",
}


def r_unit(a: Timex | None, p: Unit) -> str:
    """ "last/this/next week|month|year|…": the anchor's calendar unit, shifted."""
    unit, shift = p.unit, p.shift
    if a is None or a.year is None:
        return _UNKNOWN_UNIT.get(unit, "XXXX-XX-XX")
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
        return month_value(*add_months(a.year, a.month, shift))
    if unit == "Q":
        y, m = add_months(a.year, a.month, 3 * shift)
        return f"{y}-Q{(m - 1) // 3 + 1}"
    d = a.day_date
    if d is None:
        return f"{a.year}-{a.month:02d}-XX" if unit == "D" else f"{a.year}-WXX"
    if unit in ("W", "WE"):
        out = days_after(d, 7 * shift)
        return (week_value(out) if out else "XXXX-WXX") + ("-WE" if unit == "WE" else "")
    return shifted_day(d, shift) + p.part


def r_season(a: Timex | None, p: Season) -> str:
    if p.year is not None:
        return f"{p.year}-{p.code}"
    if a is None or a.year is None:
        return f"XXXX-{p.code}"
    y = a.year
    if a.month is not None:
        start = season_start(p.code)
        if p.rel == -1 and start >= a.month - 2:
            y -= 1
        elif p.rel == 1 and start <= a.month:
            y += 1
    elif p.rel == 1:
        y += 1
    return f"{y}-{p.code}"


def r_quarter(a: Timex | None, tense: int, p: Quarter) -> str:
    year = _year(p.year, a)
    if year is not None:
        return f"{year}-Q{p.quarter}"
    if a is None or a.year is None:
        return f"XXXX-Q{p.quarter}"
    y = a.year
    if a.month is not None and p.quarter > (a.month - 1) // 3 + 1 and tense != 1:
        y -= 1
    return f"{y}-Q{p.quarter}"


def r_clock(a: Timex | None, tense: int, p: Clock, day: str | None = None) -> str:
    """A clock time on ``day`` (a resolved date value), the day written beside it, or the
    anchor's day."""
    if day is None and p.day is not None:
        day = resolve(p.day, a, tense)
    base = day or (day_value(a.day_date) if a and a.day_date else "XXXX-XX-XX")
    if not re.fullmatch(r"[\dX]{4}-[\dX]{2}-[\dX]{2}", base):
        base = "XXXX-XX-XX"
    return f"{base}T{p.hour:02d}:{p.minute:02d}"


def r_nth(a: Timex | None, tense: int, p: NthWeekday) -> str:
    y = month_year(a, p.month, p.rel, tense, 25)
    if y is None or not 1 <= y <= 9999:
        return f"XXXX-{p.month:02d}-XX"
    first = date(y, p.month, 1)
    day = 1 + (p.weekday - first.isoweekday()) % 7 + 7 * (p.nth - 1) + p.after
    return day_value(date(y, p.month, day))


def _day_of(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def r_dayshift(a: Timex | None, tense: int, p: DayShift) -> str:
    return shifted_day(_day_of(resolve(p.day, a, tense)), p.n)


def easter(year: int) -> date:
    """Easter Sunday of a Gregorian year (the anonymous computus)."""
    g, (c, y) = year % 19, divmod(year, 100)
    h = (19 * g + c - c // 4 - (c - (c + 8) // 25 + 1) // 3 + 15) % 30
    wd = (32 + 2 * (c % 4) + 2 * (y // 4) - h - y % 4) % 7
    n = h + wd - 7 * ((g + 11 * h + 22 * wd) // 451) + 114
    return date(year, n // 31, n % 31 + 1)


def r_easter(a: Timex | None, tense: int, p: Easter) -> str:
    """Easter or a day around it, in the year the anchor and tense choose as for a month name."""
    near = easter(a.year) if a and a.year and 1583 <= a.year <= 9998 else date(2000, 4, 15)
    y = month_year(a, near.month, p.rel, tense, near.day)
    if y is None or not 1583 <= y <= 9998:
        return "XXXX-WXX" if p.week else "XXXX-XX-XX"
    day = easter(y) + timedelta(days=p.shift)
    return week_value(day) if p.week else day_value(day)


def r_weekend(a: Timex | None, tense: int) -> str:
    """ "The weekend": the one just past in a report written on a weekday, else this week's."""
    d = a.day_date if a else None
    if d is None:
        return "XXXX-WXX-WE"
    back = tense != 1 and d.isoweekday() < 6
    out = days_after(d, -7 if back else 0)
    return (week_value(out) if out else "XXXX-WXX") + "-WE"


def r_weekof(a: Timex | None, tense: int, p: WeekOf) -> str:
    day = _day_of(resolve(p.day, a, tense))
    return week_value(day) if day else "XXXX-WXX"


def r_half(a: Timex | None, p: Half) -> str:
    year = _year(p.year, a)
    return f"{year:04d}-H{p.half}" if year is not None else f"XXXX-H{p.half}"


def resolve(p: Parsed, a: Timex | None, tense: int) -> str:
    """The TIMEX3 value of ``p`` against the anchor ``a`` in a sentence of ``tense`` (-1 past,
    0 unknown, +1 future). Kinds that count from the text's context resolve without it, as
    the anchor would place them."""
    match p:
        case Value():
            return p.value
        case MonthDay():
            return r_month(a, tense, p)
        case Weekday():
            return r_weekday(a, tense, p)
        case Offset():
            return r_offset(a, p)
        case Unit():
            return r_unit(a, p)
        case Season():
            return r_season(a, p)
        case Quarter():
            return r_quarter(a, tense, p)
        case Half():
            return r_half(a, p)
        case Clock():
            return r_clock(a, tense, p)
        case NthWeekday():
            return r_nth(a, tense, p)
        case Easter():
            return r_easter(a, tense, p)
        case Weekend():
            return r_weekend(a, tense)
        case WeekOf():
            return r_weekof(a, tense, p)
        case DayShift():
            return r_dayshift(a, tense, p)
    raise TypeError(f"{type(p).__name__} needs the text's context")
