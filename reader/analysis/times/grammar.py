"""The temporal grammar: every rule's matches over the text, found near trigger tokens.

Rules live in ``dates``, ``relative`` and ``periods`` (registered in that order, which breaks
ties between equally long matches); matching is anchor-free so the document date can be
inferred from the same candidates.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

# Imported for their rules, in this order: among equally long matches the first registered wins.
from reader.analysis.times import dates  # noqa: F401  # isort: skip
from reader.analysis.times import relative  # noqa: F401  # isort: skip
from reader.analysis.times import periods  # noqa: F401  # isort: skip
from reader.analysis.times.lexicon import MONTHS, WEEKDAYS
from reader.analysis.times.normalise import Parsed
from reader.analysis.times.patterns import REACH_BEFORE, RULES
from reader.document.model import Span


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
_TRIGGERS = frozenset().union(*(trigger for _, trigger, _ in RULES))


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
    for pattern, trigger, read in RULES:
        tried: set[int] = set()
        for key in trigger & where.keys():
            for i in where[key]:
                tried.update(range(bisect.bisect_left(starts, starts[i] - REACH_BEFORE), i + 1))
        for i in sorted(tried):
            m = pattern.match(text, starts[i])
            if (
                m
                and (parsed := read(m, text)) is not None
                and not _quoted_title(text, m.start(), m.end())
            ):
                yield Candidate(m.start(), m.end(), parsed)
