"""Dates of referents and the document date, from the text's own clues.

"Fourteen years after the Summit …" is dated by finding which explicitly dated passage talks
about the summit: the passage sharing most content words with the referent's clause (earliest
on ties, since a referent is usually introduced before it is recalled); "this statement" is the
nearest dated passage before it. The document date is a dateline date when the text opens with
one, else the latest date such an anchored expression gives: a report is written after what it
recounts.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from reader.analysis.lexicons import words
from reader.analysis.times.normalise import shifted_day
from reader.analysis.timex import Timex, add_months, month_value

_STOP = words("referent_stop_words")
_CLAUSE_END = re.compile(r"[,;:.!?]")
_CONTENT_WORD = re.compile(r"[A-Za-z][a-z'’-]+|[A-Z]{2,}")
_REACH = 64  # dated passages on each side of a referent that may have introduced it


@lru_cache(maxsize=4096)
def content_words(text: str) -> frozenset[str]:
    """Lower-cased content words (stop words and short words dropped)."""
    found = (w.lower() for w in _CONTENT_WORD.findall(text))
    return frozenset(w for w in found if len(w) > 3 and w not in _STOP)


def calendar_value(value: str) -> Timex | None:
    """A plain date with its year ("2008", "2008-04", "2008-04-03"), else None."""
    t = Timex.parse(value)
    return t if t is not None and t.is_date else None


def referent_value(
    text: str,
    sentence_of: Callable[[int], tuple[int, int]],
    ref_start: int,
    ref_end: int,
    dated: Sequence[tuple[int, str]],
) -> str | None:
    """The date of the thing named at ``ref_start:ref_end`` ("the Summit", "this statement").

    ``dated`` lists (offset, value) of explicit dates in reading order; ``sentence_of(offset)``
    gives the (start, end) of the sentence holding an offset. Only the ``_REACH`` dated
    passages nearest the referent are compared, so a long text costs no more per referent.
    """
    det = text[ref_start:ref_end].split()[0].lower()
    own = sentence_of(ref_start)
    k = bisect.bisect_left(dated, (ref_start, ""))
    if det in ("this", "that", "these", "those"):
        before = (
            v for pos, v in reversed(dated[max(0, k - _REACH) : k]) if sentence_of(pos) != own
        )
        return next(before, None)
    clause_end = _CLAUSE_END.search(text, ref_end)
    end = clause_end.start() if clause_end else own[1]
    inside = next((v for pos, v in dated[k : k + _REACH] if pos < end), None)
    if inside:
        return inside  # "the disputed elections of August 2020" dates itself
    words = content_words(text[ref_start:end])
    best, best_score = None, 0
    for pos, v in dated[max(0, k - _REACH) : k + _REACH]:
        s, e = sentence_of(pos)
        score = len(words & content_words(text[s:e])) if (s, e) != own else 0
        if score > best_score:
            best, best_score = v, score
    return best


def shift_value(value: str, n: float | None, unit: str, sign: int) -> str | None:
    """``value`` moved by ``n`` units, as precise as both allow ("2008-04" + 14 years → "2022");
    an unknown number of months, weeks or days stays within the referent's year ("months after
    April 2008" → "2008"). None when the result leaves the calendar."""
    t = calendar_value(value)
    if t is None or t.year is None:
        return None
    y, mo = t.year, t.month
    k = None if n is None else round(n) * sign
    if k is None:
        out = str(y) if unit in ("M", "W", "D", "H") else None
    elif unit in ("Y", "DE", "CE"):
        out = str(y + k * {"Y": 1, "DE": 10, "CE": 100}[unit])
    elif unit in ("M", "Q") and mo:
        out = month_value(*add_months(y, mo, k * (3 if unit == "Q" else 1)))
    elif unit in ("W", "D") and (day := t.day_date):
        moved = shifted_day(day, k * (7 if unit == "W" else 1))
        out = moved if not moved.startswith("X") else None
    else:
        out = str(y + k // 12) if unit == "M" else str(y)
    return out if out and calendar_value(out) and 1 <= int(out[:4]) <= 9999 else None


def dateline(dated: Sequence[tuple[int, str]]) -> Timex | None:
    """A full date in the opening lines (a dateline or byline) dates the document."""
    for pos, v in dated:
        t = calendar_value(v)
        if pos < 200 and t and t.day_date:
            return t
    return None
