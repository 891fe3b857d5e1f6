"""Temporal expressions (TIMEX3) and the document date.

``grammar`` finds candidates, the longest non-overlapping ones are kept, and ``normalise``
resolves each against the document date: the one given, else one inferred by ``docdate``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from reader.analysis.model import Sentence, TimeExpr
from reader.analysis.times.docdate import dateline, parse_value, referent_value, shift_value
from reader.analysis.times.grammar import Candidate, candidates
from reader.analysis.times.normalise import Anchor, Parsed, r_offset, resolve, shifted_day
from reader.document.model import Span

__all__ = ["TimeResult", "find_times"]

# Cues, just before an expression, that it lies ahead: "will meet Tuesday", "is due Friday".
_FUTURE = re.compile(r"\b(?:will|'ll|shall|going to|plan(?:s|ned|ning)?|scheduled|expected to|due|"
                     r"is to|are to|set to|as soon as|as early as|resume)\b[^.;,]*$", re.I)

# Cues that the clause before an expression is in the past: "sales fell in March".
_PAST = re.compile(r"\b(?:was|were|had|did|ago)\b[^.;,]*$", re.I)


@dataclass(frozen=True, slots=True)
class TimeResult:
    times: list[TimeExpr]
    date: str | None  # the document date inferred from the text, when no anchor was given


def _select(found: list[Candidate]) -> list[Candidate]:
    """The longest candidates that do not overlap a longer one, in reading order."""
    kept: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for c in sorted(found, key=lambda c: (c.start - c.end, c.start)):
        if not any(c.start < e and s < c.end for s, e in taken):
            kept.append(c)
            taken.append((c.start, c.end))
    return sorted(kept, key=lambda c: c.start)


def _quarter(last: str | None, a: Anchor | None, rel: int | None, year_shift: int) -> str:
    """"the quarter", "the year-ago quarter": the quarter last named, else the latest full one."""
    if last and rel is None:
        y, q = last.split("-Q")
        return f"{int(y) + year_shift}-Q{q}"
    if a is None or a.month is None:
        return f"{a.year + year_shift}-QX" if a else "XXXX-QX"
    k = a.year * 4 + (a.month - 1) // 3 + (rel if rel is not None else -1) + 4 * year_shift
    return f"{k // 4}-Q{k % 4 + 1}"


def find_times(text: str, sentences: Sequence[Sentence], anchor: str | None) -> TimeResult:
    """Time expressions normalised against ``anchor`` (YYYY-MM-DD), or against the date the text
    itself implies when there is none (returned as ``date``; None without any clue)."""
    tokens = [t for s in sentences for t in s.tokens] or [
        Span(m.start(), m.end()) for m in re.finditer(r"\w[\w'’.:/-]*|[^\w\s]", text)]
    found = _select(list(candidates(text, tokens)))
    spans = [(s.span.start, s.span.end) for s in sentences] or [(0, len(text))]
    starts = [s for s, _ in spans]

    def sentence_of(pos: int) -> tuple[int, int]:
        return spans[max(0, bisect.bisect_right(starts, pos) - 1)]

    dated = [(c.start, v) for c in found if c.parsed.kind in ("abs", "month")
             if parse_value(v := resolve(c.parsed, None, 0))]

    def anchored(c: Candidate) -> str | None:
        """"Fourteen years after the summit": the referent's date, shifted."""
        n, unit, sign, ref_start, ref_end, *_ = c.parsed.args
        ref = referent_value(text, sentence_of, ref_start, ref_end, dated)
        return shift_value(ref, n, unit, sign) if ref else None

    a = Anchor.parse(anchor)
    inferred = None
    if a is None:
        clues = [v for c in found if c.parsed.kind == "anchored" if (v := anchored(c))]
        a = dateline(text, dated) or (Anchor.parse(max(clues, key=parse_value)) if clues else None)
        inferred = a.text if a else None

    times: list[TimeExpr] = []
    last_quarter: str | None = None  # context for "the quarter", "a year earlier" in results
    last_year: str | None = None  # context for "that year"
    last_day: str | None = None  # context for "that day"
    for c in found:
        s, _ = sentence_of(c.start)
        before = text[max(s, c.start - 80) : c.start]
        tense = 1 if _FUTURE.search(before) else -1 if _PAST.search(before) else 0
        end, kind = c.end, c.parsed.type
        if c.parsed.kind == "anchored":
            value = anchored(c)
            if value is None:  # referent unknown: only the duration ("fourteen years") is sure
                end, kind, value = c.parsed.args[5], "DURATION", c.parsed.args[6]
        elif c.parsed.kind == "ahead":  # "in three months": a date when the text looks ahead
            n, unit, duration = c.parsed.args
            kind, value = ("DATE", r_offset(a, tense, n, unit, 1)) if tense == 1 else ("DURATION", duration)
        elif c.parsed.kind == "qctx":
            value = _quarter(last_quarter, a, *c.parsed.args)
        elif c.parsed.kind == "dctx":  # "that day", "the next morning": the day the text last named
            base = date.fromisoformat(last_day) if last_day else a.day_date if a else None
            value = shifted_day(base, c.parsed.args[0])
        elif c.parsed.kind == "yctx":
            shift = c.parsed.args[0]
            value = (str(int(last_year) + shift) if last_year
                     else resolve(Parsed("DATE", "unit", ("Y", shift)), a, 0))
        elif last_quarter and c.parsed.kind == "offset" and c.parsed.args[1:] == ("Y", -1):
            # "a year earlier" in a results story: the quarter it discusses, a year back
            value = _quarter(last_quarter, a, None, -int(c.parsed.args[0] or 1))
        else:
            value = resolve(c.parsed, a, tense)
        if c.parsed.kind in ("abs", "month", "weekday", "unit") and parse_value(value[:10]):
            last_year = value[:4]
            last_day = value[:10] if len(value) >= 10 else last_day
        if c.parsed.kind in ("quarter", "qctx") and re.fullmatch(r"\d{4}-Q\d", value) and (
                a is None or value.startswith(str(a.year))):  # the period a results story is about
            last_quarter = value
        times.append(TimeExpr(f"T{len(times) + 1}", Span(c.start, end), text[c.start : end], kind, value))
    return TimeResult(times, inferred)
