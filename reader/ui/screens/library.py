"""The library: what the reader remembers (last read first) and the bundled articles.

One row per article, with both dates labelled (when it was last read, when it was published),
progress and the number of your highlights; the title column gives way so the source stays
readable at 80 columns.  `/` filters as you type; `x` twice forgets an article.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static

from reader.store import library, shared
from reader.ui.keys import bindings
from reader.ui.library import Entry, describe, entries

FIXED = 10 + 4 + 5 + 10 + 6 * 2 + 2  # Last read, Read, Marks, Published; cell padding; scrollbar
MIN_TITLE = 16

if TYPE_CHECKING:
    from reader.ui.app import ReaderApp


class LibraryTable(DataTable):
    """The table of articles, moved through with the same j/k/g/G as every list."""

    BINDINGS = bindings("list")

    def action_first(self) -> None:
        self.action_scroll_top()

    def action_last(self) -> None:
        self.action_scroll_bottom()


class LibraryScreen(Screen):
    """Enter opens the highlighted article."""

    BINDINGS = [
        Binding("escape", "back", "Back", id="library.back"),
        Binding("slash", "filter", "Filter", key_display="/", id="library.filter"),
        Binding("x,delete", "forget", "Forget", id="library.forget"),
    ]

    def __init__(self, dirs: list[Path] | None = None) -> None:
        super().__init__()
        self.dirs = dirs
        self.entries: list[Entry] = []
        self.shown: list[Entry] = []
        self._forgetting: str | None = None

    def compose(self) -> ComposeResult:
        yield Static(
            Content.assemble(
                ("Library", "bold"),
                ("  Enter opens · / filters · x forgets · o opens · I feeds", "dim"),
            ),
            id="library-title",
        )
        yield Input(placeholder="Filter by title or source", id="library-filter")
        yield LibraryTable(cursor_type="row", zebra_stripes=True, id="library-table")
        yield Static(id="library-empty")
        yield Footer()

    def on_mount(self) -> None:
        self.entries = entries(self.dirs)
        table = self.query_one(DataTable)
        for label, key in (
            ("Last read", "read"),
            ("Read", "progress"),
            ("Marks", "marks"),
            ("Published", "date"),
            ("Title", "title"),
            ("Source", "source"),
        ):
            table.add_column(label, key=key)
        self._fill()
        table.focus()
        self.describe_entries()

    def on_resize(self) -> None:
        if self.entries:
            self._fill()

    def _fill(self) -> None:
        query = self.query_one("#library-filter", Input).value.casefold()
        self.shown = [
            e for e in self.entries if query in e.title.casefold() or query in e.source.casefold()
        ]
        table = self.query_one(DataTable)
        table.clear()
        sources = [library.short(e.source) for e in self.shown]
        width = self.size.width or self.app.size.width
        longest = max((len(s) for s in sources), default=6)
        source_width = max(6, min(longest, width - FIXED - MIN_TITLE))
        title_width = max(MIN_TITLE, width - FIXED - source_width)
        for number, (entry, source) in enumerate(zip(self.shown, sources)):
            table.add_row(  # Text, not str: a str cell would be read as markup
                entry.last_read or "—",
                Text(f"{round(entry.progress * 100)}%" if entry.last_read else "", justify="right"),
                Text(str(entry.highlights or ""), justify="right"),
                entry.published or "",
                Text(_clip(entry.title, title_width)),
                Text(library.clip_left(source, source_width)),
                key=str(number),
            )
        empty = self.query_one("#library-empty", Static)
        empty.display = not self.shown
        empty.update(
            "Nothing matches the filter."
            if self.entries
            else "No articles yet: press o to open a file or URL."
        )

    @work(thread=True, exclusive=True)
    def describe_entries(self) -> None:
        """Replace file names with the documents' own titles and dates, one row at a time."""
        for number, entry in enumerate(list(self.entries)):
            described = describe(entry)
            if described != entry:
                self.app.call_from_thread(self._update, number, described)

    def _update(self, number: int, entry: Entry) -> None:
        self.entries[number] = entry
        self._fill()

    @on(Input.Changed, "#library-filter")
    def filter_as_you_type(self) -> None:
        self._fill()

    @on(Input.Submitted, "#library-filter")
    def keep_filter(self) -> None:
        self.query_one(DataTable).focus()

    def action_filter(self) -> None:
        self.query_one("#library-filter", Input).focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        cast("ReaderApp", self.app).open_source(self.shown[event.cursor_row].source)

    def action_forget(self) -> None:
        """Forget the highlighted article (asks once: its highlights and notes go with it)."""
        table = self.query_one(DataTable)
        if not self.shown or table.cursor_row >= len(self.shown):
            return
        entry = self.shown[table.cursor_row]
        if entry.article_id is None:
            self.notify("Not remembered: nothing to forget", timeout=3)
            return
        if self._forgetting != entry.source:
            self._forgetting = entry.source
            noun = "highlight" if entry.highlights == 1 else "highlights"
            marks = f" and its {entry.highlights} {noun}" if entry.highlights else ""
            self.notify(f"Press x again to forget {entry.title}{marks}", markup=False, timeout=4)
            return
        self._forgetting = None
        shared().write(library.forget, entry.article_id)
        self.entries = entries(self.dirs)
        self._fill()
        self.notify(f"Forgot {entry.title}", markup=False, timeout=3)

    def action_back(self) -> None:
        if self.query_one("#library-filter", Input).has_focus:
            self.query_one("#library-filter", Input).value = ""
            self.query_one(DataTable).focus()
        elif len(self.app.screen_stack) > 2:
            self.dismiss()


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
