"""Snapshots of the screens (pytest-textual-snapshot).  Deterministic: the hand-built analysis,
a fixed theme, no clock, and jumps that do not flash (the flash is a setting, here 0).

Update them with ``pytest tests/test_ui_snapshots.py --snapshot-update``."""

from __future__ import annotations

import os

import pytest
from ui_fixture import analysed, seed_app, seed_document

from reader.ui.app import ReaderApp

THEME = "textual-dark"


@pytest.fixture(autouse=True)
def state_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_STATE_DIR", str(tmp_path / "state"))


async def settle(pilot, *keys: str) -> None:
    """Fix the theme, wait for the analysis and press ``keys``."""
    pilot.app.theme = THEME
    await analysed(pilot)
    await pilot.press(*keys)
    await pilot.pause()


def reading_app() -> ReaderApp:
    return seed_app()


def test_reading_wide(snap_compare):
    assert snap_compare(
        reading_app(),
        terminal_size=(160, 45),
        run_before=lambda pilot: settle(pilot, "right_square_bracket", "right_square_bracket"),
    )


def test_reading_narrow(snap_compare):
    assert snap_compare(
        reading_app(),
        terminal_size=(80, 24),
        run_before=lambda pilot: settle(pilot, "right_square_bracket", "right_square_bracket"),
    )


def test_reading_narrow_sidebar_overlay(snap_compare):
    assert snap_compare(
        reading_app(), terminal_size=(80, 24), run_before=lambda pilot: settle(pilot, "Q")
    )


def test_help(snap_compare):
    assert snap_compare(
        reading_app(),
        terminal_size=(100, 40),
        run_before=lambda pilot: settle(pilot, "question_mark"),
    )


def test_open_dialog_with_an_error(snap_compare, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    async def typed(pilot):
        await settle(pilot, "o", *"nope.txt", "enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(reading_app(), terminal_size=(80, 24), run_before=typed)


def test_library(snap_compare, tmp_path, monkeypatch):
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in (
        ("nato.txt", seed_document().text),
        ("markets.md", "# Markets rally\n\nStocks rose.\n"),
    ):
        (folder / name).write_text(text, encoding="utf-8")
        os.utime(folder / name, (1_700_000_000, 1_700_000_000))
    monkeypatch.chdir(tmp_path)
    app = ReaderApp(library_dirs=[folder.relative_to(tmp_path)])

    async def themed(pilot):
        pilot.app.theme = THEME
        await pilot.app.screen.workers.wait_for_complete()  # titles and dates from the documents
        await pilot.pause()

    assert snap_compare(app, terminal_size=(100, 20), run_before=themed)
