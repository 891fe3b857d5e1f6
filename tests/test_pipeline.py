"""The pipeline pauses Python's cyclic collector while it runs, and always gives it back."""

from __future__ import annotations

import gc
import threading

import pytest

from reader.analysis.pipeline import analyse
from reader.document.load import from_bytes

TEXT = "Mira Osei said on 3 March 2021: “The bridge opens in May.”"


def _doc():
    return from_bytes(TEXT.encode(), "invented", "text")


def test_the_collector_is_paused_during_analysis_and_restored_after():
    seen: list[bool] = []
    result = analyse(_doc(), progress=lambda step, done: seen.append(gc.isenabled()))
    assert result.entities and seen and not any(seen)
    assert gc.isenabled()


class Cancelled(Exception):
    """What a caller's progress callback raises to stop the analysis (as the app does)."""


def test_a_cancelled_analysis_restores_the_collector():
    def cancel(step: str, done: float) -> None:
        if step == "quotes":
            raise Cancelled

    with pytest.raises(Cancelled):
        analyse(_doc(), progress=cancel)
    assert gc.isenabled()


def test_a_caller_that_keeps_the_collector_off_keeps_it_off():
    gc.disable()
    try:
        analyse(_doc())
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_overlapping_analyses_restore_it_once_the_last_ends():
    inside, release = threading.Event(), threading.Event()

    def hold(step: str, done: float) -> None:
        if step == "timeline":
            inside.set()
            release.wait(10)

    worker = threading.Thread(target=analyse, args=(_doc(), None, hold))
    worker.start()
    assert inside.wait(10)
    analyse(_doc())  # a second analysis ends while the first still runs
    assert not gc.isenabled()
    release.set()
    worker.join(10)
    assert gc.isenabled()
