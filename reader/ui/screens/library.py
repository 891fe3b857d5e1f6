"""The library: recent files and the bundled articles, with title, date and size."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from reader.document.limits import human_size
from reader.ui.keys import bindings
from reader.ui.library import Entry, describe, entries

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

    BINDINGS = [Binding("escape", "back", "Back", id="library.back")]

    def __init__(self, dirs: list[Path] | None = None) -> None:
        super().__init__()
        self.dirs = dirs
        self.entries: list[Entry] = []

    def compose(self) -> ComposeResult:
        yield Static(
            Content.assemble(("Library", "bold"), ("  Enter opens · o opens a file or URL", "dim")),
            id="library-title",
        )
        yield LibraryTable(cursor_type="row", zebra_stripes=True, id="library-table")
        yield Static(id="library-empty")
        yield Footer()

    def on_mount(self) -> None:
        self.entries = entries(self.dirs)
        table = self.query_one(DataTable)
        table.add_column("", key="recent")
        table.add_column(
            "Date", key="date"
        )  # narrow columns first: titles may run off a narrow screen
        table.add_column("Size", key="size")
        table.add_column("Title", key="title")
        table.add_column("Source", key="source")
        for number, entry in enumerate(self.entries):
            size = "URL" if entry.size is None else human_size(entry.size)
            table.add_row(  # Text, not str: a str cell would be read as markup
                "★" if entry.recent else "",
                entry.date,
                Text(size, justify="right"),
                Text(entry.title),
                Text(_short(entry.source)),
                key=str(number),
            )
        empty = self.query_one("#library-empty", Static)
        empty.display = not self.entries
        empty.update("No articles yet: press o to open a file or URL.")
        table.focus()
        self.describe_entries()

    @work(thread=True, exclusive=True)
    def describe_entries(self) -> None:
        """Replace file names with the documents' own titles and dates, one row at a time."""
        for number, entry in enumerate(list(self.entries)):
            described = describe(entry)
            if described != entry:
                self.app.call_from_thread(self._update_row, number, described)

    def _update_row(self, number: int, entry: Entry) -> None:
        self.entries[number] = entry
        table = self.query_one(DataTable)
        table.update_cell(str(number), "title", Text(entry.title), update_width=True)
        table.update_cell(str(number), "date", entry.date)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        cast("ReaderApp", self.app).open_source(self.entries[event.cursor_row].source)

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 2:
            self.dismiss()


def _short(source: str) -> str:
    """Paths relative to the working folder, or under the home folder as ~/…, so the column
    stays narrow."""
    for base, prefix in ((Path.cwd(), ""), (Path.home(), "~/")):
        if source.startswith(f"{base}/"):
            return prefix + source[len(str(base)) + 1 :]
    return source
