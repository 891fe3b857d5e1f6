"""The sidebar: four tabbed views (Entities, Quotes, Timeline, your Notes) over one legend.

Tabs rather than stacked panels: each view gets the full height, which matters at 24 rows and
for articles with dozens of entities, and the view you are using (e.g. Quotes while pressing
`]`) is the one on screen.  `E`/`Q`/`T`/`A` switch views from anywhere.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import TabbedContent, TabPane, Tabs

from reader.ui.widgets.entities import EntityList
from reader.ui.widgets.legend import Legend
from reader.ui.widgets.notes import NoteList
from reader.ui.widgets.quotes import QuoteList
from reader.ui.widgets.timeline import TimelineList

VIEWS = {"entities": "Entities", "quotes": "Quotes", "timeline": "Timeline", "notes": "Notes"}


class Sidebar(Vertical):
    """Views of what the analysis found; Enter on a row jumps to it in the article."""

    def compose(self) -> ComposeResult:
        with TabbedContent(id="views"):
            with TabPane(VIEWS["entities"], id="entities"):
                yield EntityList(id="entity-list")
            with TabPane(VIEWS["quotes"], id="quotes"):
                yield QuoteList(id="quote-list")
            with TabPane(VIEWS["timeline"], id="timeline"):
                yield TimelineList(id="timeline-list")
            with TabPane(VIEWS["notes"], id="notes"):
                yield NoteList(id="note-list")
        yield Legend(id="legend")

    def on_mount(self) -> None:
        # Tab should go article -> list -> article; views switch with E/Q/T or a click on a tab.
        self.query_one(Tabs).can_focus = False

    def show_view(self, view: str) -> None:
        self.query_one(TabbedContent).active = view
