"""The temporal grammar: every rule's matches over the text, found near trigger tokens.

Rules live in ``dates``, ``relative`` and ``periods``; ``RULES`` below is their one order, which
breaks ties between equally long matches. Matching is anchor-free so the document date can be
inferred from the same candidates.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from reader.analysis.times import dates, periods, relative
from reader.analysis.times.lexicon import MONTHS, WEEKDAYS
from reader.analysis.times.parsed import Parsed
from reader.analysis.times.patterns import REACH_BEFORE, Rule
from reader.document.model import Span

# Every rule, in the order that breaks ties: among equally long matches at one place the
# earlier rule's reading wins (a month-day date before a day-month one, a date before the
# duration the same words could be).
RULES: tuple[Rule, ...] = (
    dates.iso_date,
    dates.slash_date,
    dates.week_of,
    dates.month_day,
    dates.day_month,
    dates.month_year,
    dates.month_name,
    dates.half_year,
    dates.year_number,
    dates.spelled_year,
    dates.decade,
    dates.century,
    dates.season,
    dates.quarter,
    dates.results_period,
    dates.year_end,
    dates.holiday,
    dates.easter_day,
    relative.relative_unit,
    relative.day_in_context,
    relative.earlier_this,
    relative.deictic_day,
    relative.part_of_day,
    relative.weekday,
    relative.day_beside,
    relative.clock_time,
    relative.ago,
    relative.anchored,
    relative.ahead,
    relative.year_ago,
    relative.the_unit,
    periods.duration,
    periods.duration_unit,
    periods.hyphen_duration,
    periods.long_duration,
    periods.bare_units,
    periods.every,
    periods.weekdays,
    periods.set_word,
    periods.reference,
    periods.reference_units,
    periods.units_ahead,
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A matched expression: its span and what it means."""

    start: int
    end: int
    parsed: Parsed


def _keys(word: str) -> frozenset[str]:
    """Trigger keys of a token: the word, its hyphen parts and their singulars, and shape keys
    for numbers: "#4" a four-digit part (a year?), "#s" a decade ("1990s"), "#-", "#/", "#:"
    digits joined by those marks."""
    w = word.lower().strip(".'’")
    parts = _PARTS.split(w)
    keys = {w, *parts}
    keys |= {k[:-1] for k in keys if k.endswith("s")}
    if _DIGIT.search(w):
        keys |= {"#4" for p in parts if len(p) == 4 and p.isdigit()}
        keys |= {"#s" for p in parts if _DECADE.fullmatch(p)}
        keys |= {"#" + mark for mark in "-/:" if mark in w}
    return frozenset(keys)


_PARTS = re.compile(r"[-/]")
_DIGIT = re.compile(r"\d")
_DECADE = re.compile(r"\d*0'?s")
_TRIGGERS = frozenset[str]().union(*(r.trigger for r in RULES))


@lru_cache(maxsize=65536)
def _trigger_keys(word: str) -> frozenset[str]:
    """The keys of ``word`` some rule waits for (most words have none). Cached: a text repeats
    its words, and the keys depend on the word alone."""
    return _keys(word) & _TRIGGERS


_NAMES = frozenset(MONTHS) | frozenset(WEEKDAYS)


def _quoted_title(text: str, start: int, end: int) -> bool:
    """A title in quotes ("This Week", ''60 Minutes''): a common word capitalised after the
    first one (month and day names are capitalised anyway) names a show, not a time."""
    if text[start - 1 : start] not in ('"', "“", "'", "`"):
        return False
    later = text[start:end].split()[1:]
    return any(w[:1].isupper() and w.lower().strip(".,") not in _NAMES for w in later)


def candidates(text: str, tokens: Sequence[Span]) -> Iterator[Candidate]:
    """Every accepted match of every rule (overlapping; the tagger chooses).

    A rule is tried only at the starts of tokens that lie at most ``REACH_BEFORE`` characters
    before one of its trigger tokens: matches begin at a token, and contain a trigger.
    """
    starts = [t.start for t in tokens]
    where: dict[str, list[int]] = {}
    for i, tok in enumerate(tokens):
        for key in _trigger_keys(text[tok.start : tok.end]):
            where.setdefault(key, []).append(i)
    for r in RULES:
        tried: set[int] = set()
        for key in r.trigger & where.keys():
            for i in where[key]:
                tried.update(range(bisect.bisect_left(starts, starts[i] - REACH_BEFORE), i + 1))
        for i in sorted(tried):
            m = r.pattern.match(text, starts[i])
            if (
                m
                and (parsed := r.read(m, text)) is not None
                and not _quoted_title(text, m.start(), m.end())
            ):
                yield Candidate(m.start(), m.end(), parsed)
