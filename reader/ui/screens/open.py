"""The open dialog: type a path or URL; it stays open, with what was typed, until it loads."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from reader.document.model import Document

if TYPE_CHECKING:
    from reader.ui.app import ReaderApp


class OpenScreen(ModalScreen[Document | None]):
    """Dismisses with the loaded document, or None on Esc; a load error is shown in the dialog."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="open.cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(id="open-body"):
            yield Label("Open a file or an http(s) URL")
            yield Input(placeholder="path/to/article.txt or https://…", id="open-input")
            yield Label(id="open-message")

    def say(self, message: str, error: bool = False) -> None:
        label = self.query_one("#open-message", Label)
        label.set_class(error, "-error")
        label.update(Content(message))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        source = event.value.strip()
        if not source:
            self.dismiss(None)
            return
        self.say(f"Fetching {source}…" if "://" in source else f"Opening {source}…")
        cast("ReaderApp", self.app).load_source(source, self.dismiss, self._failed)

    def _failed(self, message: str) -> None:
        self.say(message, error=True)
