"""A fast guard against a step going super-linear again: operation counts, not time.

Each step of the pipeline runs under a tracer that counts the Python lines it executes, on a
shape from tools/scaling_shapes.py at two sizes about four times apart; the lines of a step
must grow no faster than size ** 1.3 (linear is 1, quadratic 2). Work done inside C (a regex
scanning the rest of the text, a long slice) is not counted: tools/bench_scaling.py measures
time at 100-800 KB for that.
"""

from __future__ import annotations

import math
import sys
from collections import Counter

import pytest
from conftest import ROOT

from reader.analysis.pipeline import analyse
from reader.document.load import from_bytes

sys.path.insert(0, str(ROOT / "tools"))
from scaling_shapes import SHAPES

SMALL, LARGE = 3_000, 12_000  # characters
MAX_EXPONENT = 1.3  # lines ~ size ** exponent: linear 1, n log n about 1.1, quadratic 2
MIN_LINES = 2_000  # a step doing less than this at the small size is too small to judge


class TooMany(Exception):
    """Raised by the tracer once a step passes its limit: a quadratic step at the larger size
    would otherwise take minutes under the tracer."""


def lines_per_step(text: str, kind: str, limit: Counter[str] | None = None) -> Counter[str]:
    """Python lines executed by loading and by each analysis step (up to ``limit[step]``; the
    pipeline records a step stopped there as failed, and tracing ends)."""
    counts: Counter[str] = Counter()
    step = ["load"]

    def local(frame, event, arg):
        if event == "line":
            counts[step[0]] += 1
            if limit is not None and counts[step[0]] > limit[step[0]]:
                raise TooMany(step[0])
        return local

    def report(name: str, done: float) -> None:
        step[0] = name

    sys.settrace(lambda frame, event, arg: local)
    try:
        analyse(from_bytes(text.encode("utf-8"), "guard", kind), progress=report)
    finally:
        sys.settrace(None)
    return counts


@pytest.fixture(scope="module", autouse=True)
def warm():
    """Models and lexicons load on first use; that one-off work must not count."""
    for kind in ("text", "html"):
        text, _ = SHAPES["prose"](2_000)
        html = f"<html><body><p>{text}</p></body></html>"
        analyse(from_bytes((html if kind == "html" else text).encode(), "warm", kind))


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_no_step_grows_faster_than_the_text(shape):
    small, kind = SHAPES[shape](SMALL)
    large, _ = SHAPES[shape](LARGE)
    grew = len(large) / len(small)
    assert grew > 3
    few = lines_per_step(small, kind)
    cap = grew**MAX_EXPONENT
    limit = Counter({step: int(cap * max(n, MIN_LINES)) + 1 for step, n in few.items()})
    many = lines_per_step(large, kind, limit)
    growth = {
        step: math.log(max(many[step], 1) / n) / math.log(grew)
        for step, n in few.items()
        if n >= MIN_LINES
    }
    too_fast = {
        step: f">{MAX_EXPONENT} (stopped)" if many[step] >= limit[step] else f"{g:.2f}"
        for step, g in growth.items()
        if g > MAX_EXPONENT or many[step] >= limit[step]
    }
    assert growth and not too_fast, f"{shape}: lines grow as size ** {too_fast}"
