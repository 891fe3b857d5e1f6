"""What a rule read, before anchoring: one small dataclass per kind of expression.

``normalise`` turns the kinds that need only the document date into TIMEX3 values; the context
kinds at the end ("that year", "the quarter", "fourteen years after the summit") need what the
text named before them, which ``find_times`` keeps.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

TimeType = Literal["DATE", "TIME", "DURATION", "SET"]


@dataclass(frozen=True, slots=True)
class Value:
    """A value read off the text as it stands ("2008-04-03", "P3Y", "PRESENT_REF")."""

    value: str
    type: TimeType = "DATE"


@dataclass(frozen=True, slots=True)
class MonthDay:
    """A month, with a day and a year when given; ``year`` may be "last year" to resolve first;
    ``rel`` -1/0/+1 for "last"/"this"/"next" March, None for a bare name."""

    month: int
    day: int | None = None
    year: int | Unit | None = None
    rel: int | None = None
    type: TimeType = "DATE"


@dataclass(frozen=True, slots=True)
class Weekday:
    """A day of the week (ISO number); ``rel`` as for months; ``part`` a part of the day ("TEV");
    ``from_context``: counted from the day the text last named ("the previous Friday")."""

    weekday: int
    rel: int | None = None
    part: str = ""
    from_context: bool = False

    @property
    def type(self) -> TimeType:
        return "TIME" if self.part else "DATE"


@dataclass(frozen=True, slots=True)
class Offset:
    """``n`` units (TIMEX3 unit codes: "Y", "M", "D" …) before (sign -1) or after the anchor;
    ``n`` None for an unknown number ("some years ago")."""

    n: float | None
    unit: str
    sign: int
    type: TimeType = "DATE"


@dataclass(frozen=True, slots=True)
class Unit:
    """The anchor's calendar unit, shifted: "last week", "tomorrow morning" (with ``part``)."""

    unit: str
    shift: int
    part: str = ""

    @property
    def type(self) -> TimeType:
        return "TIME" if self.part else "DATE"


@dataclass(frozen=True, slots=True)
class Season:
    code: str  # "SU"
    year: int | None = None
    rel: int | None = None
    type: TimeType = "DATE"


@dataclass(frozen=True, slots=True)
class Quarter:
    quarter: int
    year: int | Unit | None = None
    type: TimeType = "DATE"


@dataclass(frozen=True, slots=True)
class Half:
    half: int
    year: int | Unit
    type: TimeType = "DATE"


@dataclass(frozen=True, slots=True)
class Clock:
    """A clock time, on the day written beside it or else the day the text last named."""

    hour: int
    minute: int
    day: Weekday | Unit | MonthDay | None = None
    type: TimeType = "TIME"


@dataclass(frozen=True, slots=True)
class NthWeekday:
    """A holiday on the ``nth`` ``weekday`` of ``month`` (Thanksgiving), ``after`` days on."""

    month: int
    weekday: int
    nth: int
    rel: int | None = None
    after: int = 0
    type: TimeType = "DATE"


@dataclass(frozen=True, slots=True)
class Easter:
    """The day ``shift`` days from Easter Sunday (Good Friday -2), or with ``week`` its week."""

    shift: int
    rel: int | None = None
    week: bool = False
    type: TimeType = "DATE"


@dataclass(frozen=True, slots=True)
class Weekend:
    type: TimeType = "DATE"


@dataclass(frozen=True, slots=True)
class WeekOf:
    day: MonthDay
    type: TimeType = "DATE"


@dataclass(frozen=True, slots=True)
class DayShift:
    """The day ``n`` days from a named day ("the day after March 3")."""

    day: Weekday | MonthDay
    n: int
    type: TimeType = "DATE"


# Kinds that count from what the text named before them.


@dataclass(frozen=True, slots=True)
class Anchored:
    """ "Fourteen years after the summit": ``n`` units from the referent at ``ref``; without
    its date only the duration (up to ``duration_end``) is sure."""

    n: float | None
    unit: str
    sign: int
    ref: tuple[int, int]
    duration_end: int
    duration: str
    type: TimeType = "DATE"


@dataclass(frozen=True, slots=True)
class Ahead:
    """ "In three months": a date when the text looks ahead, else a duration."""

    n: float
    unit: str
    duration: str
    type: TimeType = "DATE"


@dataclass(frozen=True, slots=True)
class QuarterContext:
    """ "The quarter", "the year-ago quarter", "the 1988 period": the quarter a results story
    is about; ``period`` names a year without a quarter."""

    rel: int | None
    year_shift: int = 0
    year: int | None = None
    period: bool = False
    type: TimeType = "DATE"


@dataclass(frozen=True, slots=True)
class DayContext:
    """ "That day", "the next morning": the day the text last named, shifted."""

    shift: int
    type: TimeType = "DATE"


@dataclass(frozen=True, slots=True)
class YearContext:
    """ "That year", "the next year": the year the text last named, shifted."""

    shift: int
    type: TimeType = "DATE"


@dataclass(frozen=True, slots=True)
class MonthContext:
    """ "The following month": the month the text last named, shifted."""

    shift: int
    type: TimeType = "DATE"


Parsed = (
    Value
    | MonthDay
    | Weekday
    | Offset
    | Unit
    | Season
    | Quarter
    | Half
    | Clock
    | NthWeekday
    | Easter
    | Weekend
    | WeekOf
    | DayShift
    | Anchored
    | Ahead
    | QuarterContext
    | DayContext
    | YearContext
    | MonthContext
)
