"""The note editor (a small TextArea, Markdown allowed) and the one-key prompt of marks."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static, TextArea

from reader.ui.widgets.article import sanitize


class NoteScreen(ModalScreen[str | None]):
    """Dismisses with the note (Esc or ^s: what you typed is kept), or None (^g: unchanged)."""

    BINDINGS = [
        Binding("escape,ctrl+s", "save", "Save", id="note.save"),
        Binding("ctrl+g", "dismiss(None)", "Cancel", id="note.cancel"),
    ]

    def __init__(self, quote: str, note: str) -> None:
        super().__init__()
        self.quote = " ".join(quote.split())
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(id="note-body"):
            clipped = self.quote if len(self.quote) <= 200 else self.quote[:199] + "…"
            yield Static(Content.styled(sanitize(clipped), "italic"), id="note-quote")
            yield TextArea(self.note, id="note-text", soft_wrap=True, show_line_numbers=False)
            yield Label(
                Content.styled("Markdown allowed · Esc or ^s saves · ^g cancels", "dim"),
                id="note-help",
            )

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text.strip())


class KeyPrompt(ModalScreen[str | None]):
    """Asks for one key (a mark's letter); dismisses with it, or None on Esc."""

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        yield Label(Content.assemble((self.question, "bold"), ("  Esc cancels", "dim")))

    def on_key(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        if event.key == "escape":
            self.dismiss(None)
        elif event.character and (event.character.isalpha() or event.character == "'"):
            self.dismiss(event.character)
