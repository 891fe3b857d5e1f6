"""The status line: what the last jump landed on, and the analysis progress."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Label, ProgressBar


class StatusLine(Horizontal):
    """A message on the left; a progress bar while analysing, then a summary, on the right."""

    def compose(self) -> ComposeResult:
        yield Label(id="status-message")
        yield ProgressBar(total=1.0, show_eta=False, id="status-progress")
        yield Label(id="status-summary")

    def say(self, message: str) -> None:
        self.query_one("#status-message", Label).update(Content(message))

    def progress(self, step: str, fraction: float) -> None:
        self.query_one(ProgressBar).update(progress=fraction)
        self.query_one("#status-summary", Label).update(Content(f"analysing: {step}"))

    def done(self, summary: str) -> None:
        self.add_class("-done")
        self.query_one("#status-summary", Label).update(Content(summary))
