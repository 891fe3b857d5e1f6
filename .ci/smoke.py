"""What a user gets: run from outside the checkout against the installed wheel.

`reader analyse` on a sample article, then the app headless: the article must be painted.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path

import reader

ARTICLE = Path(sys.argv[1]).resolve()
assert "site-packages" in reader.__file__, f"reader imported from a checkout: {reader.__file__}"

out = subprocess.run(
    [Path(sys.executable).with_name("reader"), "analyse", str(ARTICLE)],
    capture_output=True,
    text=True,
    check=True,
)
result = json.loads(out.stdout.splitlines()[0])
assert result["entities"] and result["quotes"], "analysis found nothing"


async def paint() -> None:
    from reader.ui.app import ReaderApp
    from reader.ui.screens.reading import ReadingScreen

    first_line = ARTICLE.read_text(encoding="utf-8").strip().splitlines()[0][:20]
    app = ReaderApp(str(ARTICLE))
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(1200):  # the source loads and is analysed in workers: wait on state
            await pilot.pause(0.05)
            screen = app.screen
            if isinstance(screen, ReadingScreen) and screen.analysis is not None:
                painted = "".join(screen.article.render_line(y).text for y in range(5))
                assert first_line in painted, f"the article is not painted: {painted!r}"
                assert screen.analysis.entities, "the app shows no entities"
                return
        raise SystemExit("smoke: the app never finished analysing the article")


asyncio.run(paint())
print(f"smoke: the installed wheel analysed and painted {ARTICLE.name}")
