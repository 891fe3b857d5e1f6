"""How each step's time grows with the size of the text: normal prose and adversarial shapes.

usage: python tools/bench_scaling.py [--sizes 100,200,400,800] [--shapes prose,dates,...]
                                     [--budget SECONDS]

Each (shape, size) runs in a child process that reports the CPU time of every step as it ends,
so a step that blows the budget is shown as such and the larger sizes of that shape are skipped.
The growth exponent of a step is the slope of log(time) over log(size): 1 is linear, 2 quadratic.
Prints figures; not a test (tests/test_linearity.py guards the same shapes with operation counts).
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scaling_shapes import SHAPES

STEPS = ("load", "sentences", "entities", "quotes", "times", "timeline")
CHILD = """
import json, sys, time
from reader.analysis.pipeline import analyse
from reader.document.load import from_bytes

text, kind = sys.stdin.read(), sys.argv[1]
warm = "Ana Ruiz said on 1 May 2008: “It rained.”"  # imports and models loaded before timing
warm = f"<html><body><p>{warm}</p></body></html>" if kind == "html" else warm
analyse(from_bytes(warm.encode(), "warm", kind))
last = [None, time.process_time()]
def report(step, done):
    now = time.process_time()
    if last[0]:
        print(json.dumps([last[0], (now - last[1]) * 1000]), flush=True)
    last[:] = [step, now]
report("load", 0)
document = from_bytes(text.encode("utf-8"), "bench", kind)
analyse(document, progress=report)
"""


def run_one(text: str, kind: str, budget: float) -> tuple[dict[str, float], str | None]:
    """CPU ms of each step finished within ``budget`` seconds, and the step cut off (if any)."""
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, kind],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    try:
        out, _ = child.communicate(text, timeout=budget)
    except subprocess.TimeoutExpired:
        child.kill()
        out, _ = child.communicate()
    times = dict(json.loads(line) for line in out.splitlines() if line.startswith("["))
    cut = next((s for s in STEPS if s not in times), None) if child.returncode else None
    return times, cut


def exponent(sizes: list[int], times: list[float]) -> float | None:
    """Least-squares slope of log(time) over log(size); None below timer noise."""
    if len(times) < 2 or max(times) < 20:
        return None
    xs, ys = [math.log(s) for s in sizes], [math.log(max(t, 0.1)) for t in times]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="100,200,400,800", help="sizes in KB")
    parser.add_argument("--shapes", default=",".join(SHAPES))
    parser.add_argument("--budget", type=float, default=120.0, help="seconds per run")
    args = parser.parse_args()
    sizes = [int(s) * 1000 for s in args.sizes.split(",")]
    header = f"{'shape':<17}{'KB':>5}" + "".join(f"{s:>11}" for s in (*STEPS, "total"))
    print("CPU ms per step\n" + header)
    summary = []
    for shape in args.shapes.split(","):
        done: dict[str, list[tuple[int, float]]] = {s: [] for s in STEPS}
        for size in sizes:
            text, kind = SHAPES[shape](size)
            times, cut = run_one(text, kind, args.budget)
            for step, ms in times.items():
                done[step].append((size, ms))
            cells = [
                f"{times[s]:>11.0f}" if s in times else f"{'>budget' if s == cut else '-':>11}"
                for s in STEPS
            ]
            total = f"{sum(times.values()):>11.0f}" if cut is None else f"{'-':>11}"
            print(f"{shape:<17}{size // 1000:>5}" + "".join(cells) + total, flush=True)
            if cut:
                break
        slopes = []
        for step in STEPS:
            pairs = done[step]
            e = exponent([p[0] for p in pairs], [p[1] for p in pairs])
            slopes.append(f"{e:>11.2f}" if e is not None else f"{'-':>11}")
        summary.append(f"{shape:<22}" + "".join(slopes))
    print("\ngrowth exponent (1 = linear; '-' = under 20 ms, too small to tell)")
    print(f"{'shape':<22}" + "".join(f"{s:>11}" for s in STEPS))
    print("\n".join(summary))


if __name__ == "__main__":
    main()
