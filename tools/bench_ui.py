"""Benchmark the UI (not a test): time to first paint, time to analysed, peak RSS.

    /tmp/venv/bin/python tools/bench_ui.py            # the seed article and a generated 1 MB one

Each run is a fresh process (so imports count, as they do for a user) driving the real app
headless at 160x45: "first paint" is when the article pane first renders a row of text,
"analysed" is when the analysis has reached the screen.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "articles" / "nato-kyiv-bucharest.txt"


def child(source: str, started: float) -> None:
    """Run the app on ``source``; print the timings as JSON and exit once analysed."""
    import asyncio
    import resource

    from reader.ui.app import ReaderApp
    from reader.ui.screens.reading import ReadingScreen
    from reader.ui.widgets.article import ArticleView

    marks: dict[str, float] = {}
    render_line, show_analysis = ArticleView.render_line, ReadingScreen.show_analysis

    def timed_render_line(self, y):
        marks.setdefault("first_paint_s", time.time() - started)
        return render_line(self, y)

    def timed_show_analysis(self, analysis):
        show_analysis(self, analysis)
        marks["analysed_s"] = time.time() - started
        self.app.call_after_refresh(self.app.exit)

    ArticleView.render_line, ReadingScreen.show_analysis = timed_render_line, timed_show_analysis
    from reader.document.load import load

    app = ReaderApp(document=load(source))  # what `run(source)` does for a file
    asyncio.run(app.run_async(headless=True, size=(160, 45)))
    marks["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({k: round(v, 3) for k, v in marks.items()}))


def megabyte_article(folder: Path) -> Path:
    """About 1 MB of news-like paragraphs (names, quotes, dates) built from the seed."""
    paragraphs = [p for p in SEED.read_text(encoding="utf-8").split("\n") if len(p) > 100]
    out, size, n = ["A very long article about NATO"], 0, 0
    while size < 1_000_000:
        paragraph = paragraphs[n % len(paragraphs)]
        out.append(paragraph)
        size += len(paragraph.encode()) + 1
        n += 1
    path = folder / "megabyte.txt"
    path.write_text("\n".join(out), encoding="utf-8")
    return path


def measure(source: Path, state: Path, script: str = __file__) -> dict:
    """Run ``script --child source started`` with its store in ``state``; its JSON line."""
    started = time.time()
    out = subprocess.run(
        [sys.executable, script, "--child", str(source), repr(started)],
        capture_output=True,
        text=True,
        check=True,
        timeout=900,
        env={**os.environ, "READER_STATE_DIR": str(state)},  # a fresh store: no cached analysis
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for name, path in (("seed", SEED), ("1 MB", megabyte_article(Path(tmp)))):
            size = path.stat().st_size
            result = measure(path, Path(tmp) / f"state-{name}")
            print(
                f"{name:5} {size / 1e6:5.2f} MB  first paint {result['first_paint_s']:.2f} s  "
                f"analysed {result.get('analysed_s', float('nan')):.2f} s  "
                f"peak RSS {result['peak_rss_mb']:.0f} MB"
            )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2], float(sys.argv[3]))
    else:
        main()
