"""Temporal expressions (TIMEX3) and the document date.

``grammar`` finds candidates, the longest non-overlapping ones are kept, and ``normalise``
resolves each against the document date: the one given, else one inferred by ``docdate``.
Expressions that count from the narrative ("that year", "the following month", "the quarter")
count from the latest date of their granularity the text named before them (TimeML practice).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TypeGuard

from reader.analysis.lexicons import entries
from reader.analysis.model import Sentence, TimeExpr
from reader.analysis.times import parsed as kinds
from reader.analysis.times.dates import second_day
from reader.analysis.times.docdate import calendar_value, dateline, referent_value, shift_value
from reader.analysis.times.grammar import Candidate, candidates
from reader.analysis.times.lexicon import alternation
from reader.analysis.times.normalise import (
    days_after,
    month_year,
    r_clock,
    r_offset,
    resolve,
    shifted_day,
)
from reader.analysis.times.parsed import Parsed, TimeType
from reader.analysis.times.tense import clause_tense
from reader.analysis.timex import Timex, add_months, month_value, week_value
from reader.document.model import Span

__all__ = ["TimeResult", "find_times"]

_WORD = re.compile(r"\w[\w'’.:/-]*|[^\w\s]")
_RECURRING = re.compile(rf"\b(?:{alternation(entries('recurring_cues'))})\b", re.I)
_RECURRING_REACH = 60  # characters either side of a clock time
# What joins the two months of a range; "and" only after "between".
_RANGE_GAP = re.compile(r"\s*(?:(and)|to|through|thru|until|till|-|–|—)\s*", re.I)
_BETWEEN = re.compile(r"\bbetween\s+$", re.I)
_QUARTER = re.compile(r"\d{4}-Q\d")
_MONTH = re.compile(r"\d{4}-\d\d")
# Kinds whose value, when a calendar date, is the context for "that year", "that day", clock times.
_NAMES_A_DAY = (kinds.Value, kinds.MonthDay, kinds.Weekday, kinds.Unit, kinds.DayShift)


@dataclass(frozen=True, slots=True)
class TimeResult:
    times: list[TimeExpr]
    date: str | None  # the document date inferred from the text, when no anchor was given


def find_times(text: str, sentences: Sequence[Sentence], anchor: str | None) -> TimeResult:
    """Time expressions normalised against ``anchor`` (YYYY-MM-DD), or against the date the text
    itself implies when there is none (returned as ``date``; None without any clue)."""
    found = _with_second_days(text, _select(candidates(text, _tokens(text, sentences)), len(text)))
    where = _Sentences(sentences, len(text))
    referents = _Referents(text, where, _explicit_dates(found))
    a, inferred = _document_date(anchor, found, referents)
    context = _Context(a)
    times: list[TimeExpr] = []
    for c in _ranges_in_one_year(text, found, a, where):
        s, e = where.of(c.start)
        end, kind, value = _normalised(
            c, context, referents, clause_tense(text, s, c.start, c.end, e)
        )
        if isinstance(c.parsed, kinds.Clock) and _recurs(text, c, s, e):
            kind, value = "SET", f"XXXX-XX-XXT{c.parsed.hour:02d}:{c.parsed.minute:02d}"
        context.note(c.parsed, value)
        times.append(
            TimeExpr(f"T{len(times) + 1}", Span(c.start, end), text[c.start : end], kind, value)
        )
    return TimeResult(times, inferred)


def _ranges_in_one_year(
    text: str, found: list[Candidate], a: Timex | None, where: _Sentences
) -> list[Candidate]:
    """``found`` with the two months of a range ("between June and September", "from May to
    August") placed in one year, or in two that follow ("November to February"): the year
    holding the anchor when the range does, else the first month's by the tense."""
    out = list(found)
    for i in range(len(out) - 1):
        first, second = out[i].parsed, out[i + 1].parsed
        if not (_bare_month(first) and _bare_month(second)):
            continue
        gap = _RANGE_GAP.fullmatch(text, out[i].end, out[i + 1].start)
        if not gap or (
            gap[1] and not _BETWEEN.search(text, max(0, out[i].start - 9), out[i].start)
        ):
            continue  # "in June and September" names two months, not the months between
        s, e = where.of(out[i].start)
        year = _range_year(a, first, second, clause_tense(text, s, out[i].start, out[i].end, e))
        if year is not None:
            wraps = second.month < first.month
            out[i] = Candidate(out[i].start, out[i].end, replace(first, year=year))
            out[i + 1] = Candidate(
                out[i + 1].start, out[i + 1].end, replace(second, year=year + wraps)
            )
    return out


def _bare_month(p: Parsed) -> TypeGuard[kinds.MonthDay]:
    return isinstance(p, kinds.MonthDay) and p.year is None and p.rel is None


def _range_year(
    a: Timex | None, first: kinds.MonthDay, second: kinds.MonthDay, tense: int
) -> int | None:
    """The year a range of months starts in."""
    if a is not None and a.year is not None and a.month is not None:
        if first.month <= second.month and first.month <= a.month <= second.month:
            return a.year  # "between June and September" written in July: this one
        if second.month < first.month and (a.month >= first.month or a.month <= second.month):
            return a.year if a.month >= first.month else a.year - 1
    return month_year(a, first.month, None, tense, first.day)


def _recurs(text: str, c: Candidate, sent_start: int, sent_end: int) -> bool:
    """A clock time beside a word of recurrence ("every Friday after 8 p.m.", "at 12:45
    weekdays") is a schedule, not a time on one day."""
    lo, hi = max(sent_start, c.start - _RECURRING_REACH), min(sent_end, c.end + _RECURRING_REACH)
    return _RECURRING.search(text, lo, hi) is not None


def _tokens(text: str, sentences: Sequence[Sentence]) -> list[Span]:
    """The sentences' tokens, or words found afresh when there are no sentences."""
    return [t for s in sentences for t in s.tokens] or [
        Span(m.start(), m.end()) for m in _WORD.finditer(text)
    ]


class _Taken:
    """Characters covered by kept expressions: an overlap test costs the span's length, however
    many expressions the text holds."""

    def __init__(self, length: int) -> None:
        self.covered = bytearray(length + 1)

    def overlaps(self, start: int, end: int) -> bool:
        return 1 in self.covered[start:end]

    def add(self, start: int, end: int) -> None:
        self.covered[start:end] = b"\x01" * (end - start)


def _select(found: Iterable[Candidate], length: int) -> list[Candidate]:
    """The longest candidates that do not overlap a longer one, in reading order (among equally
    long ones at one place, the earlier rule's)."""
    kept: list[Candidate] = []
    taken = _Taken(length)
    for c in sorted(found, key=lambda c: (c.start - c.end, c.start)):
        if not taken.overlaps(c.start, c.end):
            kept.append(c)
            taken.add(c.start, c.end)
    return sorted(kept, key=lambda c: c.start)


def _with_second_days(text: str, found: list[Candidate]) -> list[Candidate]:
    """``found`` with the second days of "April 24 and 25" that no expression covers."""
    taken = _Taken(len(text))
    for c in found:
        taken.add(c.start, c.end)
    seconds = [Candidate(*x) for c in found if (x := second_day(text, c.end, c.parsed))]
    extra = [c for c in seconds if not taken.overlaps(c.start, c.end)]
    return sorted(found + extra, key=lambda c: c.start) if extra else found


class _Sentences:
    """Which sentence holds an offset, by bisection."""

    def __init__(self, sentences: Sequence[Sentence], length: int) -> None:
        self.spans = [(s.span.start, s.span.end) for s in sentences] or [(0, length)]
        self.starts = [s for s, _ in self.spans]

    def of(self, pos: int) -> tuple[int, int]:
        return self.spans[max(0, bisect.bisect_right(self.starts, pos) - 1)]


def _explicit_dates(found: Sequence[Candidate]) -> list[tuple[int, str]]:
    """(offset, value) of the dates written out in full ("April 2008"): referents' dates."""
    return [
        (c.start, v)
        for c in found
        if isinstance(c.parsed, kinds.Value | kinds.MonthDay)
        if calendar_value(v := resolve(c.parsed, None, 0))
    ]


class _Referents:
    """Dates of what "fourteen years after the summit" counts from, each looked up once."""

    def __init__(self, text: str, where: _Sentences, dated: list[tuple[int, str]]) -> None:
        self.text, self.where, self.dated = text, where, dated
        self._found: dict[int, str | None] = {}

    def value(self, c: Candidate, p: kinds.Anchored) -> str | None:
        """The referent's date, shifted; None when the text never dates the referent."""
        if c.start not in self._found:
            ref = referent_value(self.text, self.where.of, *p.ref, self.dated)
            self._found[c.start] = shift_value(ref, p.n, p.unit, p.sign) if ref else None
        return self._found[c.start]


def _document_date(
    anchor: str | None, found: Sequence[Candidate], referents: _Referents
) -> tuple[Timex | None, str | None]:
    """The anchor to count from, and the date inferred from the text when none was given: a
    dateline's date, else the latest date an anchored expression gives."""
    a = Timex.anchor(anchor)
    if a is not None:
        return a, None
    clues = [
        t
        for c in found
        if isinstance(c.parsed, kinds.Anchored)
        if (v := referents.value(c, c.parsed)) and (t := Timex.anchor(v))
    ]
    a = dateline(referents.dated) or (max(clues, key=lambda t: t.key) if clues else None)
    return a, a.text if a else None


@dataclass(slots=True)
class _Context:
    """The anchor, and what the text named last: the context of "that year", "that day", "the
    following month", clock times and "the quarter" of a results story."""

    anchor: Timex | None
    year: str | None = None
    month: str | None = None
    day: str | None = None
    quarter: str | None = None

    def note(self, p: Parsed, value: str) -> None:
        """Remember ``value`` as the latest of its granularity."""
        if isinstance(p, _NAMES_A_DAY) and calendar_value(value[:10]):
            self.year = value[:4]
            self.day = value[:10] if len(value) >= 10 else self.day
            self.month = value[:7] if _MONTH.match(value) else self.month
        if isinstance(p, kinds.Quarter | kinds.QuarterContext) and self._reported(value):
            self.quarter = value  # the period a results story is about: the latest one over

    def _reported(self, value: str) -> bool:
        """A quarter already over at the anchor, later than the one noted."""
        a = self.anchor
        over = a is None or (
            value.startswith(str(a.year))
            and (a.month is None or int(value[-1]) <= (a.month - 1) // 3)
        )
        return bool(_QUARTER.fullmatch(value)) and over and value > (self.quarter or "")

    def quarter_value(self, p: kinds.QuarterContext) -> str:
        """ "the quarter", "the year-ago quarter": the quarter last named, else the latest full
        one; "the 1988 quarter" is that quarter of 1988, "the 1988 period" just 1988."""
        a, last = self.anchor, self.quarter
        if last and p.rel is None:
            y, q = last.split("-Q")
            return f"{p.year if p.year is not None else int(y) + p.year_shift}-Q{q}"
        if p.year is not None and p.period:
            return str(p.year)
        if a is None or a.year is None:
            return "XXXX-QX"
        if a.month is None:
            return f"{a.year + p.year_shift}-QX"
        rel = p.rel if p.rel is not None else -1
        k = a.year * 4 + (a.month - 1) // 3 + rel + 4 * p.year_shift
        return f"{k // 4}-Q{k % 4 + 1}"


def _in_context(p: kinds.InContext, ctx: _Context, a: Timex | None) -> str:
    """ "That day", "the following week", "the next month", "that year": counted from the one
    the text last named (the week from its last day), else from the anchor."""
    if p.unit == "D":
        day = Timex.anchor(ctx.day) if ctx.day else a
        return shifted_day(day.day_date if day else None, p.shift)
    if p.unit == "W":
        day = Timex.anchor(ctx.day) if ctx.day else a
        moved = days_after(day.day_date, 7 * p.shift) if day and day.day_date else None
        if moved:
            return week_value(moved)
    elif p.unit == "M" and ctx.month:
        return month_value(*add_months(int(ctx.month[:4]), int(ctx.month[5:7]), p.shift))
    elif p.unit == "Y" and ctx.year:
        return str(int(ctx.year) + p.shift)
    return resolve(kinds.Unit(p.unit, p.shift), a, 0)


def _normalised(
    c: Candidate, ctx: _Context, referents: _Referents, tense: int
) -> tuple[int, TimeType, str]:
    """The end, TIMEX3 type and value of candidate ``c`` in its context."""
    p, a = c.parsed, ctx.anchor
    match p:
        case kinds.Anchored():
            value = referents.value(c, p)
            if value is None:  # referent unknown: only the duration ("fourteen years") is sure
                return p.duration_end, "DURATION", p.duration
            return c.end, p.type, value
        case kinds.Ahead():  # "in three months": a date when the text looks ahead
            if tense == 1:
                return c.end, "DATE", r_offset(a, kinds.Offset(p.n, p.unit, 1))
            return c.end, "DURATION", p.duration
        case kinds.QuarterContext():
            return c.end, p.type, ctx.quarter_value(p)
        case kinds.Clock() if p.day is None and ctx.day:
            # "on Friday at 10:35 a.m.": a clock time without a day is on the day last named
            return c.end, p.type, r_clock(a, tense, p, ctx.day)
        case kinds.Weekday() if p.from_context:  # "the previous Friday": before the day last named
            return c.end, p.type, resolve(p, Timex.anchor(ctx.day) if ctx.day else a, tense)
        case kinds.InContext():
            return c.end, p.type, _in_context(p, ctx, a)
        case kinds.Offset() if ctx.quarter and (p.unit, p.sign) == ("Y", -1):
            # "a year earlier" in a results story: the quarter it discusses, a year back
            back = kinds.QuarterContext(None, -int(p.n or 1))
            return c.end, p.type, ctx.quarter_value(back)
    return c.end, p.type, resolve(p, a, tense)
