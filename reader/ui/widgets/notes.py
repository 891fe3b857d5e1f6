"""The Notes view: the reader's own highlights in text order, each with its note and when."""

from __future__ import annotations

from datetime import datetime

from textual.content import Content

from reader.store.highlights import Highlight
from reader.ui.widgets.article import sanitize
from reader.ui.widgets.lists import SidebarList

EMPTY = "No highlights yet: h highlights, a adds a note"


class NoteList(SidebarList):
    """Rows are the screen's ``notes`` (its own, not the analysis': "Analysing…" never shows)."""

    notes: list[Highlight] = []

    def show(self, notes: list[Highlight]) -> None:
        self.notes = notes
        super().fill([prompt(n, h) for n, h in enumerate(notes, 1)], EMPTY)

    def fill(self, prompts: list[Content], empty: str) -> None:
        self.show(self.notes)

    def on_mount(self) -> None:
        self.show(getattr(self.screen, "notes", []))


def prompt(number: int, h: Highlight) -> Content:
    text = " ".join(h.quote.exact.split())
    text = text if len(text) <= 100 else text[:99] + "…"
    when = datetime.fromtimestamp(h.modified).strftime("%Y-%m-%d %H:%M")
    parts: list[str | tuple[str, str]] = [(f"{number}. ", "dim"), (sanitize(text), "italic")]
    if h.note:
        note = " ".join(h.note.split())
        parts += ["\n", (sanitize(note if len(note) <= 160 else note[:159] + "…"), "bold")]
    parts += ["\n", (when + ("  orphaned: not found in this text" if h.orphaned else ""), "dim")]
    return Content.assemble(*parts)
