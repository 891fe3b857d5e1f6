"""Dates of referents and the document date, from the text's own clues.

"Fourteen years after the Summit …" is dated by finding which explicitly dated passage talks
about the summit: the passage sharing most content words with the referent's clause (earliest
on ties, since a referent is usually introduced before it is recalled); "this statement" is the
nearest dated passage before it. The document date is a dateline date when the text opens with
one, else the latest date such an anchored expression gives: a report is written after what it
recounts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.analysis.times.normalise import shifted_day
from reader.analysis.timex import Timex, add_months, month_value

_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "and",
        "or",
        "but",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "it",
        "its",
        "he",
        "she",
        "they",
        "we",
        "you",
        "i",
        "his",
        "her",
        "their",
        "our",
        "your",
        "him",
        "them",
        "us",
        "me",
        "who",
        "whom",
        "which",
        "what",
        "when",
        "where",
        "why",
        "how",
        "not",
        "no",
        "than",
        "then",
        "there",
        "here",
        "so",
        "such",
        "also",
        "after",
        "before",
        "since",
        "into",
        "over",
        "about",
        "up",
        "down",
        "out",
        "said",
        "says",
        "say",
        "all",
        "any",
        "some",
        "more",
        "most",
        "other",
        "one",
        "two",
        "years",
        "months",
        "weeks",
        "days",
        "year",
        "month",
        "week",
        "day",
    ]
)
_CLAUSE_END = re.compile(r"[,;:.!?]")


def content_words(text: str) -> set[str]:
    """Lower-cased content words (stop words and short words dropped)."""
    return {
        w.lower()
        for w in re.findall(r"[A-Za-z][a-z'’-]+|[A-Z]{2,}", text)
        if len(w) > 3 and w.lower() not in _STOP
    }


def calendar_value(value: str) -> Timex | None:
    """A plain date with its year ("2008", "2008-04", "2008-04-03"), else None."""
    t = Timex.parse(value)
    return t if t is not None and t.is_date else None


def referent_value(
    text: str, sentence_of, ref_start: int, ref_end: int, dated: Sequence[tuple[int, str]]
) -> str | None:
    """The date of the thing named at ``ref_start:ref_end`` ("the Summit", "this statement").

    ``dated`` lists (offset, value) of explicit dates; ``sentence_of(offset)`` gives the
    (start, end) of the sentence holding an offset.
    """
    det = text[ref_start:ref_end].split()[0].lower()
    own = sentence_of(ref_start)
    others = [(pos, v) for pos, v in dated if sentence_of(pos) != own]
    if det in ("this", "that", "these", "those"):
        before = [(pos, v) for pos, v in others if pos < ref_start]
        return before[-1][1] if before else None
    clause_end = _CLAUSE_END.search(text, ref_end)
    end = clause_end.start() if clause_end else own[1]
    inside = [v for pos, v in dated if ref_start <= pos < end]
    if inside:
        return inside[0]  # "the disputed elections of August 2020" dates itself
    words = content_words(text[ref_start:end])
    best, best_score = None, 0
    for pos, v in others:
        s, e = sentence_of(pos)
        score = len(words & content_words(text[s:e]))
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
