"""Times and the timeline stay linear in the text: a guard that counts work, not wall time.

Each shape is analysed at two sizes, four times apart; the number of Python function calls the
two steps make (a deterministic count) must grow about as the text does, where a step that
compares every date with every other grows sixteenfold.
"""

from __future__ import annotations

import cProfile
import pstats

import pytest
from conftest import line_blocks

from reader.analysis.timeline import build_timeline
from reader.analysis.times import find_times
from reader.analysis.tokens import tokenize

# Invented shapes: a date repeated in one run-on sentence, dated prose, a long list of dates in
# one clause, and dates that count from a referent named earlier.
SHAPES = {
    "repeated date": ("It rained in May 2008 ", ""),
    "dated prose": (
        "The mill closed on March 3, 2011, and the town voted in June. "
        "Two years later the river flooded again.\n",
        "",
    ),
    "one long clause": ("on 4 May 2009 or 5 June 2010 ", "The ferry ran "),
    "counted from a referent": (
        "The bridge opened in April 1998. Months after this opening, the toll rose.\n",
        "",
    ),
}


def _calls(text: str) -> int:
    sentences, _ = tokenize(text, line_blocks(text))
    profile = cProfile.Profile()
    profile.enable()
    found = find_times(text, sentences, None)
    build_timeline(text, sentences, found.times, found.date)
    profile.disable()
    return pstats.Stats(profile).total_calls  # type: ignore[attr-defined, no-any-return]


@pytest.mark.parametrize("shape", SHAPES)
def test_work_grows_linearly_with_the_text(shape: str) -> None:
    unit, lead = SHAPES[shape]
    small, large = (_calls(lead + unit * n) for n in (60, 240))
    assert large / small < 4 * 1.3, f"{shape}: {small} calls at 60 repeats, {large} at 240"
