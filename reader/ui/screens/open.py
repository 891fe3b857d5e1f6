"""The open dialog: type a path or URL."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label


class OpenScreen(ModalScreen[str | None]):
    """Dismisses with the source typed, or None on Esc."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="open.cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(id="open-body"):
            yield Label("Open a file or an http(s) URL")
            yield Input(placeholder="path/to/article.txt or https://…", id="open-input")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)
