"""Text-quote anchors (the W3C TextQuoteSelector) and putting them back into a changed text.

A highlight keeps its exact text with ``CONTEXT`` characters of prefix and suffix, and its offsets.
In a new text it is placed, in this order:

1. at its old offsets, if the text there is still the exact quote;
2. at the occurrence of the exact quote whose surroundings agree best with the prefix and suffix
   (ties: the one nearest the old offset);
3. at the best fuzzy match near the old offset (or anywhere, in a text under ``FUZZY_WHOLE_TEXT``
   characters) whose similarity to the quote (difflib's ratio) is at least ``FUZZY_MIN``
   (difflib matches greedily: right for prose, it may miss a quote that repeats one phrase);
4. nowhere: the caller keeps it as orphaned.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from reader.document.model import Span

CONTEXT = 32
FUZZY_MIN = 0.75
FUZZY_WHOLE_TEXT = 200_000  # characters: search a text this short whole when the window fails
MAX_OCCURRENCES = 1000  # candidates compared for a quote that occurs very often


@dataclass(frozen=True, slots=True)
class Quote:
    exact: str
    prefix: str
    suffix: str


def quote(text: str, span: Span) -> Quote:
    return Quote(
        text[span.start : span.end],
        text[max(0, span.start - CONTEXT) : span.start],
        text[span.end : span.end + CONTEXT],
    )


def place(text: str, selector: Quote, old: Span) -> Span | None:
    """Where ``selector`` (last seen at ``old``) is in ``text``, or None if it is gone."""
    exact = selector.exact
    if not exact:
        return None
    if text[old.start : old.end] == exact:
        return old
    return _best_occurrence(text, selector, old) or _fuzzy(text, exact, old)


def _best_occurrence(text: str, selector: Quote, old: Span) -> Span | None:
    best: tuple[int, int] | None = None
    found = text.find(selector.exact)
    for _ in range(MAX_OCCURRENCES):
        if found < 0:
            break
        end = found + len(selector.exact)
        agreement = _common_suffix(text[max(0, found - CONTEXT) : found], selector.prefix)
        agreement += _common_prefix(text[end : end + CONTEXT], selector.suffix)
        score = (-agreement, abs(found - old.start))
        if best is None or score < (best[0], abs(best[1] - old.start)):
            best = (-agreement, found)
        found = text.find(selector.exact, found + 1)
    return None if best is None else Span(best[1], best[1] + len(selector.exact))


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    return _common_prefix(a[::-1], b[::-1])


def _fuzzy(text: str, exact: str, old: Span) -> Span | None:
    reach = 4 * len(exact) + 4000
    windows = [(max(0, old.start - reach), min(len(text), old.end + reach))]
    if len(text) <= FUZZY_WHOLE_TEXT and windows[0] != (0, len(text)):
        windows.append((0, len(text)))
    for lo, hi in windows:
        if (span := _fuzzy_in(text, exact, lo, hi)) is not None:
            return span
    return None


def _fuzzy_in(text: str, exact: str, lo: int, hi: int) -> Span | None:
    """Seed on the longest common run, then align the quote around it and check the similarity."""
    matcher = SequenceMatcher(None, text[lo:hi], exact, autojunk=False)
    seed = matcher.find_longest_match(0, hi - lo, 0, len(exact))
    if seed.size < 3:
        return None
    slack = len(exact) // 4 + 8
    start = max(0, lo + seed.a - seed.b - slack)
    stop = min(len(text), lo + seed.a - seed.b + len(exact) + slack)
    region = SequenceMatcher(None, exact, text[start:stop], autojunk=False)
    blocks = [b for b in region.get_matching_blocks() if b.size]
    begin, finish = start + blocks[0].b, start + blocks[-1].b + blocks[-1].size
    candidates = {  # difflib is greedy: also try the quote's own length from either end
        Span(begin, finish),
        Span(begin, min(len(text), begin + len(exact))),
        Span(max(0, finish - len(exact)), finish),
    }
    ratio, span = max((_ratio(exact, text[c.start : c.end]), c) for c in candidates)
    return span if ratio >= FUZZY_MIN else None


def _ratio(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()
