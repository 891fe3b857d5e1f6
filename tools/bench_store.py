"""Benchmark the store (not a test): what remembering costs and what the cache saves.

    python tools/bench_store.py            # the seed article and a generated 1 MB one

Prints, for each article, in a fresh process each (imports count, as they do for a user):
- open → resumed position: from process start until the reading screen has scrolled back to
  where the reader left off (the middle of the article);
- open → analysed view, cache miss then cache hit (the goal: a 1 MB article's hit in < 0.5 s);
and, in this process, the latency of saving one highlight (one transaction each, WAL) and the
time to read a cached analysis back.
Everything is written to a temporary $READER_STATE_DIR, never to the user's store.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

from bench_ui import SEED, measure, megabyte_article  # noqa: E402


def child(source: str, started: float) -> None:
    """Open ``source`` in the app headless; print when it resumed and when it was analysed."""
    import asyncio

    from reader.document.load import load
    from reader.store import reading
    from reader.ui import annotations
    from reader.ui.annotations import Annotations
    from reader.ui.app import ReaderApp
    from reader.ui.screens.reading import ReadingScreen

    marks: dict[str, float] = {}
    resume, show_analysis = Annotations._resume, ReadingScreen.show_analysis

    def timed_resume(self):
        resume(self)
        marks["resumed_s"] = time.time() - started
        marks["top_offset"] = self.article.top_offset

    def timed_show_analysis(self, analysis):
        show_analysis(self, analysis)
        marks["analysed_s"] = time.time() - started
        self.app.call_after_refresh(self.app.exit)

    cached = reading.analysis

    def timed_analysis(*args):
        result = cached(*args)
        marks["computed_s" if not result[1] else "read_s"] = time.time() - started
        return result

    Annotations._resume, ReadingScreen.show_analysis = timed_resume, timed_show_analysis
    annotations.cached_analysis = timed_analysis
    app = ReaderApp(document=load(source))
    asyncio.run(app.run_async(headless=True, size=(160, 45)))
    print(json.dumps({k: round(v, 3) for k, v in marks.items()}))


def leave_off_in_the_middle(source: Path) -> int:
    """Record a reading position half way through, as a reader who quit there would."""
    from reader.document.load import load
    from reader.store import open_store, positions
    from reader.store.reading import open_document

    document = load(str(source))
    store = open_store()
    article = open_document(store, document).article
    middle = document.text.index("\n", len(document.text) // 2) + 1
    store.write(positions.save, article.id, positions.Position(middle, None))
    store.close()
    return middle


def save_latency(count: int = 200) -> list[float]:
    from reader.document.load import load
    from reader.document.model import Span
    from reader.store import highlights, open_store
    from reader.store.reading import open_document

    document = load(str(SEED))
    store = open_store()
    article = open_document(store, document).article
    times = []
    for n in range(count):
        t0 = time.perf_counter()
        store.write(highlights.add, article.id, document.text, Span(n, n + 40), "a note")
        times.append((time.perf_counter() - t0) * 1000)
    return times


def cache_read(source: Path) -> float:
    """Seconds to read back the analysis the app stored (best of three)."""
    from reader.document.load import load
    from reader.store import cache, open_store

    document = load(str(source))
    store = open_store()
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        assert store.read(cache.get, document) is not None
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        state = Path(tmp) / "state"
        os.environ["READER_STATE_DIR"] = str(state)
        for name, path in (("seed", SEED), ("1 MB", megabyte_article(Path(tmp)))):
            size = path.stat().st_size / 1e6
            middle = leave_off_in_the_middle(path)
            miss, hit = measure(path, state, __file__), measure(path, state, __file__)
            assert hit["top_offset"] <= middle, "did not resume"
            print(
                f"{name:5} {size:5.2f} MB  open → resumed position {hit['resumed_s']:.2f} s  "
                f"open → analysed view: miss {miss['analysed_s']:.2f} s, "
                f"hit {hit['analysed_s']:.2f} s (resumed → read from the cache "
                f"{hit['read_s'] - hit['resumed_s']:.2f} s, → drawn "
                f"{hit['analysed_s'] - hit['resumed_s']:.2f} s)"
            )
        times = save_latency()
        p95 = statistics.quantiles(times, n=20)[-1]
        print(
            f"save one highlight: median {statistics.median(times):.2f} ms, p95 {p95:.2f} ms "
            f"({len(times)} saves, one transaction each)"
        )
        for name, path in (("seed", SEED), ("1 MB", Path(tmp) / "megabyte.txt")):
            print(
                f"{name:5} analysis read back from the cache in process: {cache_read(path):.3f} s"
            )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2], float(sys.argv[3]))
    else:
        main()
