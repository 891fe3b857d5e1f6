"""Run blocking work so that leaving never waits for it.

Textual runs thread workers in asyncio's default executor, whose threads the interpreter joins at
exit: quitting during a long analysis or a slow fetch would wait for it to end. ``detached`` runs
the work in a daemon thread instead and waits only while the calling worker is not cancelled
(Textual cancels a screen's workers when the screen goes, and every worker when the app quits).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from textual.worker import Worker

T = TypeVar("T")
POLL_S = 0.05  # how often the waiting worker looks at its cancel flag


def detached(work: Callable[[], T], worker: Worker[Any]) -> T | None:
    """``work()``'s result (or its exception, raised here), or None once ``worker`` is cancelled."""
    outcome: list[tuple[bool, Any]] = []

    def run() -> None:
        try:
            outcome.append((True, work()))
        except BaseException as error:  # handed to the waiting worker, which re-raises it
            outcome.append((False, error))

    thread = threading.Thread(target=run, name=f"detached-{worker.name}", daemon=True)
    thread.start()
    while thread.is_alive() and not worker.is_cancelled:
        thread.join(POLL_S)
    if worker.is_cancelled or not outcome:
        return None
    ok, value = outcome[0]
    if not ok:
        raise value
    return value  # type: ignore[no-any-return]
