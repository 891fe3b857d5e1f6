"""What a rule read, before anchoring: one small dataclass per kind of expression.

``normalise`` turns the kinds that need only the document date into TIMEX3 values; the context
kinds at the end ("that year", "the quarter", "fourteen years after the summit") need what the
text named before them, which ``find_times`` keeps.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

TimeType = Literal["DATE", "TIME", "DURATION", "SET"]


class _Date:
    """A kind that reads as a DATE (the TIMEX3 type), unless it says otherwise."""

    __slots__ = ()

    @property
    def type(self) -> TimeType:
        return "DATE"


@dataclass(frozen=True, slots=True)
class Value:
    """A value read off the text as it stands ("2008-04-03", "P3Y", "PRESENT_REF")."""

    value: str
    type: TimeType = "DATE"


@dataclass(frozen=True, slots=True)
class MonthDay(_Date):
    """A month, with a day and a year when given; ``year`` may be "last year" to resolve first;
    ``rel`` -1/0/+1 for "last"/"this"/"next" March, None for a bare name."""

    month: int
    day: int | None = None
    year: int | Unit | None = None
    rel: int | None = None


@dataclass(frozen=True, slots=True)
class Weekday(_Date):
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
class Offset(_Date):
    """``n`` units (TIMEX3 unit codes: "Y", "M", "D" …) before (sign -1) or after the anchor;
    ``n`` None for an unknown number ("some years ago")."""

    n: float | None
    unit: str
    sign: int


@dataclass(frozen=True, slots=True)
class Unit(_Date):
    """The anchor's calendar unit, shifted: "last week", "tomorrow morning" (with ``part``)."""

    unit: str
    shift: int
    part: str = ""

    @property
    def type(self) -> TimeType:
        return "TIME" if self.part else "DATE"


@dataclass(frozen=True, slots=True)
class Season(_Date):
    code: str  # "SU"
    year: int | None = None
    rel: int | None = None


@dataclass(frozen=True, slots=True)
class Quarter(_Date):
    quarter: int
    year: int | Unit | None = None


@dataclass(frozen=True, slots=True)
class Half(_Date):
    half: int
    year: int | Unit


@dataclass(frozen=True, slots=True)
class Clock(_Date):
    """A clock time, on the day written beside it or else the day the text last named."""

    hour: int
    minute: int
    day: Weekday | Unit | MonthDay | None = None

    @property
    def type(self) -> TimeType:
        return "TIME"


@dataclass(frozen=True, slots=True)
class NthWeekday(_Date):
    """A holiday on the ``nth`` ``weekday`` of ``month`` (Thanksgiving), ``after`` days on."""

    month: int
    weekday: int
    nth: int
    rel: int | None = None
    after: int = 0


@dataclass(frozen=True, slots=True)
class Easter(_Date):
    """The day ``shift`` days from Easter Sunday (Good Friday -2), or with ``week`` its week."""

    shift: int
    rel: int | None = None
    week: bool = False


@dataclass(frozen=True, slots=True)
class Weekend(_Date):
    """ "The weekend": the one just past, or this week's."""


@dataclass(frozen=True, slots=True)
class WeekOf(_Date):
    day: MonthDay


@dataclass(frozen=True, slots=True)
class DayShift(_Date):
    """The day ``n`` days from a named day ("the day after March 3")."""

    day: Weekday | MonthDay
    n: int


# Kinds that count from what the text named before them.


@dataclass(frozen=True, slots=True)
class Anchored(_Date):
    """ "Fourteen years after the summit": ``n`` units from the referent at ``ref``; without
    its date only the duration (up to ``duration_end``) is sure."""

    n: float | None
    unit: str
    sign: int
    ref: tuple[int, int]
    duration_end: int
    duration: str


@dataclass(frozen=True, slots=True)
class Ahead(_Date):
    """ "In three months": a date when the text looks ahead, else a duration."""

    n: float
    unit: str
    duration: str


@dataclass(frozen=True, slots=True)
class QuarterContext(_Date):
    """ "The quarter", "the year-ago quarter", "the 1988 period": the quarter a results story
    is about; ``period`` names a year without a quarter."""

    rel: int | None
    year_shift: int = 0
    year: int | None = None
    period: bool = False


@dataclass(frozen=True, slots=True)
class InContext(_Date):
    """ "That day", "the following week", "the next month", "that year": the day, week, month or
    year the text last named, shifted by ``shift`` of them."""

    unit: Literal["D", "W", "M", "Y"]
    shift: int


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
    | InContext
)
