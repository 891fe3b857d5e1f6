"""Leaving an article stops its analysis, and quitting never waits for one."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest
from conftest import ROOT
from ui_fixture import seed_document

from reader.ui.app import ReaderApp
from reader.ui.screens.reading import ReadingScreen


@pytest.fixture(autouse=True)
def state_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_STATE_DIR", str(tmp_path / "state"))


class Endless:
    """An analyser that reports progress until it is told to stop, recording how it ended."""

    def __init__(self) -> None:
        self.starts = 0
        self.stopped: list[str] = []

    def __call__(self, document, progress):
        self.starts += 1
        try:
            while True:
                progress("entities", 0.5)
                time.sleep(0.01)
        except Exception as stop:
            self.stopped.append(type(stop).__name__)
            raise


async def test_opening_another_article_stops_the_running_analysis():
    analyser = Endless()
    app = ReaderApp(document=seed_document(), analyser=analyser)
    async with app.run_test() as pilot:
        while analyser.starts < 1:
            await pilot.pause(0.02)
        first = app.screen
        app.show_document(seed_document())
        for _ in range(500):
            if analyser.stopped:
                break
            await pilot.pause(0.02)
        assert analyser.stopped == ["Cancelled"]
        assert isinstance(app.screen, ReadingScreen) and app.screen is not first
        while analyser.starts < 2:  # the new article's analysis runs
            await pilot.pause(0.02)
    for _ in range(500):  # quitting stops the second one too
        if len(analyser.stopped) == 2:
            break
        time.sleep(0.02)
    assert analyser.stopped == ["Cancelled", "Cancelled"]


STUCK = """
import time, threading
from reader.ui.app import ReaderApp
from reader.document.model import Block, Document, Span

started = threading.Event()

def stuck(document, progress):  # never reports progress again, so it cannot be told to stop
    started.set()
    time.sleep(3600)

async def main():
    text = "A headline\\n\\nA short story about a harbour."
    doc = Document(text, "x.txt", (Block("paragraph", Span(0, len(text))),))
    app = ReaderApp(document=doc, analyser=stuck)
    async with app.run_test() as pilot:
        while not started.is_set():
            await pilot.pause(0.02)
        await pilot.press("q")
    print("left the app")

import asyncio
asyncio.run(main())
"""


def test_quitting_does_not_wait_for_a_stuck_analysis(tmp_path):
    out = subprocess.run(
        [sys.executable, "-c", STUCK],
        cwd=ROOT,
        capture_output=True,
        timeout=120,  # the analysis would hold the process for an hour
        env={"READER_STATE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert out.returncode == 0, out.stderr.decode()[-2000:]
    assert out.stdout.decode().strip() == "left the app"
