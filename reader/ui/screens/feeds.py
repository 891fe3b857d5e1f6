"""The Feeds view: feeds on the left with their unread counts, items on the right (unread in bold,
date, source).  ``r`` refreshes in a worker with a progress bar; Enter reads an item: its page
through the article loader, else the feed's own text with a notice, analysed as any article."""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, OptionList, ProgressBar, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from reader.document.errors import LoadError
from reader.english import count
from reader.feeds.article import Opened, open_item
from reader.feeds.follow import follow
from reader.feeds.refresh import Outcome, refresh
from reader.store import Store, library, shared
from reader.store import feeds as stored
from reader.ui.keys import bindings
from reader.ui.screens.reading import Analyser, ReadingScreen, pipeline

ALL = "all"
CHUNK = 300  # item rows added to the table at a time


class FeedsScreen(Screen):
    """Feeds and items; the reading screens it opens sit on top of it."""

    BINDINGS = [Binding("escape", "back", "Back", id="feeds.back"), *bindings("feeds")]

    def __init__(
        self,
        *,
        analyser: Analyser | None = pipeline,
        follow_source: str | None = None,
        store: Store | None = None,
    ) -> None:
        """``follow_source``: a feed file or URL to follow and show (``reader FEED.xml``)."""
        super().__init__()
        self.store = store or shared()
        self.analyser = analyser
        self.follow_source = follow_source
        self.feed_id: int | None = None  # None: all feeds
        self.items: list[stored.Item] = []
        self.shown = 0  # rows listed so far (see ``_grow``)
        self.current: int | None = None  # the item last opened, as an index into ``items``

    def compose(self) -> ComposeResult:
        yield Static(
            Content.assemble(
                ("Feeds", "bold"),
                (
                    "  Enter reads · r refreshes · m marks read/unread · > < next/previous item",
                    "dim",
                ),
            ),
            id="feeds-title",
        )
        with Horizontal(id="feeds-body"):
            yield OptionList(id="feeds-list")
            yield DataTable(cursor_type="row", id="feeds-items")
        yield ProgressBar(id="feeds-progress", show_eta=False)
        yield Static(id="feeds-note")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(ProgressBar).display = False
        table = self.query_one(DataTable)
        table.add_column("Date", key="date")
        table.add_column("Source", key="source", width=22)
        table.add_column("Title", key="title")
        if self.follow_source:
            self.notify(f"Following {self.follow_source}…", timeout=3, markup=False)
            self._follow(self.follow_source)
        else:
            self.show_feeds()
        table.focus()

    # -- lists ---------------------------------------------------------------------------------

    def show_feeds(self) -> None:
        """Fill the left list (keeping the feed shown) and the items of the feed shown."""
        feeds = self.store.read(stored.feeds)
        options = self.query_one("#feeds-list", OptionList)
        options.clear_options()
        unread = sum(f.unread for f in feeds)
        options.add_option(Option(_count_row("All feeds", unread), id=ALL))
        for f in feeds:
            failed = " !" if f.error else ""
            options.add_option(Option(_count_row(f.name + failed, f.unread), id=str(f.id)))
        ids = [ALL, *(str(f.id) for f in feeds)]
        shown = str(self.feed_id) if self.feed_id is not None else ALL
        options.highlighted = ids.index(shown) if shown in ids else 0
        self._note(feeds)
        self.show_items()

    def _note(self, feeds: list[stored.Feed]) -> None:
        """Below the lists: how to follow a feed when there is none, or why this one failed."""
        error = next((f.error for f in feeds if f.id == self.feed_id), None)
        text = "No feeds yet: run `reader feeds add URL` in a shell, or open a feed's URL."
        text = text if not feeds else f"Its last refresh failed: {error}" if error else ""
        note = self.query_one("#feeds-note", Static)
        note.display = bool(text)
        note.update(Text(text))  # Text, not str: a server's words are not markup

    @on(OptionList.OptionHighlighted, "#feeds-list")
    def _feed_chosen(self, event: OptionList.OptionHighlighted) -> None:
        chosen = None if event.option.id in (None, ALL) else int(event.option.id)
        if chosen != self.feed_id:
            self.feed_id, self.current = chosen, None
            self._note(self.store.read(stored.feeds))
            self.show_items()

    def show_items(self) -> None:
        table = self.query_one(DataTable)
        keep = table.cursor_row
        self.items = self.store.read(stored.items, self.feed_id)
        table.clear()
        self.shown = 0
        self._grow(max(CHUNK, keep + 1))
        if self.items:
            table.move_cursor(row=min(keep, len(self.items) - 1))

    def _grow(self, upto: int) -> None:
        """List items up to ``upto``: a table of thousands of rows takes seconds to build, so rows
        are added a chunk at a time as the cursor nears the end."""
        table = self.query_one(DataTable)
        end = min(upto, len(self.items))
        for number in range(self.shown, end):
            table.add_row(*_cells(self.items[number]), key=str(number))
        self.shown = max(self.shown, end)

    @on(DataTable.RowHighlighted, "#feeds-items")
    def _near_the_end(self, event: DataTable.RowHighlighted) -> None:
        if event.cursor_row >= self.shown - CHUNK // 10:
            self._grow(self.shown + CHUNK)

    def _mark_row(self, number: int, read: bool) -> None:
        item = self.items[number]
        self.items[number] = item = replace(item, read=read)
        table = self.query_one(DataTable)
        for column, cell in zip(("date", "source", "title"), _cells(item)):
            table.update_cell(str(number), column, cell)
        self._update_counts()

    def _update_counts(self) -> None:
        options = self.query_one("#feeds-list", OptionList)
        feeds = {str(f.id): f for f in self.store.read(stored.feeds)}
        for index in range(options.option_count):
            option = options.get_option_at_index(index)
            if option.id == ALL:
                options.replace_option_prompt_at_index(
                    index, _count_row("All feeds", sum(f.unread for f in feeds.values()))
                )
            elif (f := feeds.get(option.id or "")) is not None:
                name = f.name + (" !" if f.error else "")
                options.replace_option_prompt_at_index(index, _count_row(name, f.unread))

    # -- reading -------------------------------------------------------------------------------

    @on(DataTable.RowSelected, "#feeds-items")
    def _row_chosen(self, event: DataTable.RowSelected) -> None:
        self.open_number(event.cursor_row)

    def open_number(self, number: int) -> None:
        if not 0 <= number < len(self.items):
            return
        self.current = number
        self._grow(number + 1)
        self.query_one(DataTable).move_cursor(row=number)
        item = self.items[number]
        if item.link and self.store.read(library.find, item.link) is None:
            self.notify(f"Fetching {item.link}…", timeout=3, markup=False)
        self._open(number, item)

    @work(thread=True, exclusive=True, group="feed-item")
    def _open(self, number: int, item: stored.Item) -> None:
        opened = open_item(self.store, item)
        if not get_current_worker().is_cancelled:  # another item was asked for meanwhile
            self.app.call_from_thread(self._show, number, opened)

    @property
    def _gone(self) -> bool:
        """Closed while a worker was busy: its answer has nowhere to go."""
        return self not in self.app.screen_stack

    def _show(self, number: int, opened: Opened) -> None:
        if self._gone:
            return
        self._mark_row(number, True)
        while self.app.screen is not self:
            self.app.pop_screen()
        self.app.push_screen(ReadingScreen(opened.document, analyser=self.analyser))
        if opened.notice:
            self.app.notify(
                opened.notice, title="Showing the feed's text", severity="warning", markup=False
            )

    def step(self, by: int) -> None:
        """Open the next (``by=1``) or previous item of the list shown."""
        start = self.current if self.current is not None else self.query_one(DataTable).cursor_row
        number = start + by if self.current is not None or by < 0 else start
        if 0 <= number < len(self.items):
            self.open_number(number)
        else:
            self.app.notify("No more items" if by > 0 else "This is the first item", timeout=2)

    def action_toggle_read(self) -> None:
        number = self.query_one(DataTable).cursor_row
        if 0 <= number < len(self.items):
            read = not self.items[number].read
            self.store.write(stored.mark_read, self.items[number].id, read)
            self._mark_row(number, read)

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 2:
            self.dismiss()

    # -- following and refreshing --------------------------------------------------------------

    @work(thread=True, exclusive=True, group="feeds-refresh")
    def _follow(self, source: str) -> None:
        try:
            feed, new, _ = follow(self.store, source)
        except LoadError as error:
            self.app.call_from_thread(self._failed, str(error))
            return
        self.app.call_from_thread(self._followed, feed, new)

    def _followed(self, feed: stored.Feed, new: int) -> None:
        if self._gone:
            return
        self.feed_id = feed.id
        self.show_feeds()
        self.notify(f"Following {feed.name}: {new} new", timeout=4, markup=False)

    def _failed(self, message: str) -> None:
        if self._gone:
            return
        self.show_feeds()
        self.notify(message, title="Could not follow", severity="error", timeout=8, markup=False)

    def action_refresh(self) -> None:
        feeds = self.store.read(stored.feeds)
        if self.feed_id is not None:
            feeds = [f for f in feeds if f.id == self.feed_id]
        if not feeds:
            self.notify("No feeds to refresh", timeout=3)
            return
        bar = self.query_one(ProgressBar)
        bar.update(total=len(feeds), progress=0)
        bar.display = True
        self._refresh(feeds)

    @work(thread=True, exclusive=True, group="feeds-refresh")
    def _refresh(self, feeds: list[stored.Feed]) -> None:
        def report(done: int, _total: int, _outcome: Outcome) -> None:
            self.app.call_from_thread(self._progress, done)

        outcomes = refresh(self.store, feeds, report)
        self.app.call_from_thread(self._refreshed, outcomes)

    def _progress(self, done: int) -> None:
        if not self._gone:
            self.query_one(ProgressBar).update(progress=done)

    def _refreshed(self, outcomes: list[Outcome]) -> None:
        if self._gone:
            return
        self.query_one(ProgressBar).display = False
        self.show_feeds()
        new = sum(o.new for o in outcomes)
        failed = [o for o in outcomes if o.error]
        self.notify(f"{count(range(new), 'new item')} from {count(outcomes, 'feed')}", timeout=4)
        for o in failed:
            self.notify(o.failure, title="Refresh failed", severity="error", markup=False)


def _count_row(name: str, unread: int) -> Text:
    row = Text(name, overflow="ellipsis", no_wrap=True)
    if unread:
        row.append(f"  {unread}", style="bold")
    return row


def _cells(item: stored.Item) -> tuple[Text, Text, Text]:
    style = "" if item.read else "bold"
    return (
        Text((item.published or "")[:10], style=style),
        Text(item.feed_title or item.feed_url, style=style, overflow="ellipsis", no_wrap=True),
        Text(item.title, style=style),
    )
