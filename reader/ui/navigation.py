"""Where "next" starts from, as pure functions over span starts.

"Next" means the one after the current one (where the last jump landed) while that is still on
screen; otherwise, and after `g` or `G` (which say "from the start" and "from the end"), the first
one at or after the top of the view.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Landing:
    """Where the last jump landed, and where it left the view (a message about it is stale once
    the view moves)."""

    offset: int
    scroll_y: float


def origin(landing: Landing | None, on_screen: bool, top: int) -> tuple[int, bool]:
    """The position to step from, and whether it is a landing (step past it) or the view top;
    ``on_screen``: the landing is still in view."""
    if landing is not None and on_screen:
        return landing.offset, True
    return top, False


def step(starts: Sequence[int], forward: bool, at: int, past: bool) -> tuple[int, bool]:
    """Index into ``starts`` (sorted, not empty) of the next or previous one from ``at``, and
    whether it wrapped around an end.  ``past``: ``at`` is a landing, so skip the one there."""
    if forward:
        number = bisect_right(starts, at) if past else bisect_left(starts, at)
    else:
        number = bisect_left(starts, at) - 1
    return number % len(starts), not 0 <= number < len(starts)


def nearest(starts: Sequence[tuple[int, T]], top: int, bottom: int) -> T | None:
    """The item of the first start on screen (``top <= start < bottom``); else of the last start
    above the screen; else of the first start below it."""
    ordered = sorted(starts, key=lambda pair: pair[0])
    above = [item for start, item in ordered if start < top]
    below = [(start, item) for start, item in ordered if start >= top]
    if below and below[0][0] < bottom:
        return below[0][1]
    if above:
        return above[-1]
    return below[0][1] if below else None
