"""`ReaderApp` and `run(source)`, the entry the CLI calls.

Screens: the library (no source) or the reading screen (one article); help, open and the theme
picker are modal on top.  Loading a source happens in a worker thread, so a slow URL never
freezes the UI.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from importlib import resources
from pathlib import Path

from textual import work
from textual.app import App, SystemCommand
from textual.screen import Screen
from textual.worker import get_current_worker

from reader.document.errors import LoadError
from reader.document.model import Document
from reader.feeds.parse import FeedSource
from reader.store import shared
from reader.store.reading import load_remembered
from reader.ui.annotations import cached
from reader.ui.commands import ReaderCommands
from reader.ui.detached import detached
from reader.ui.keys import bindings
from reader.ui.screens.feeds import FeedsScreen
from reader.ui.screens.help import HelpScreen
from reader.ui.screens.library import LibraryScreen
from reader.ui.screens.open import OpenScreen
from reader.ui.screens.reading import Analyser, ReadingScreen, pipeline
from reader.ui.settings import save_setting, setting
from reader.ui.widgets.article import FLASH

# `reader/styles` links to the top-level `styles/` in a checkout and is a real folder in the wheel.
STYLES = str(resources.files("reader") / "styles" / "reader.tcss")


class ReaderApp(App[int]):
    """A terminal news reader."""

    TITLE = "reader"
    CSS_PATH = STYLES
    BINDINGS = bindings("app")
    COMMANDS = App.COMMANDS | {ReaderCommands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]

    def __init__(
        self,
        source: str | None = None,
        *,
        document: Document | None = None,
        analyser: Analyser | None = pipeline,
        library_dirs: list[Path] | None = None,
        flash: float = FLASH,
        feed: str | None = None,
    ) -> None:
        """``document`` skips loading (stdin, tests); ``analyser=None`` shows the bare text;
        ``flash``: seconds a jump target stays lit (tests set 0 and need not wait for it);
        ``feed``: a feed file or URL to follow and show in the Feeds view."""
        super().__init__()
        self.flash = flash
        self._source = source
        self._feed = feed
        self._document = document
        self._analyser = analyser
        self._library_dirs = library_dirs
        theme = setting("theme", "")
        if theme in self.available_themes:
            self.theme = theme  # before the first paint: switching later restyles every widget

    def on_mount(self) -> None:
        self.watch(self, "theme", lambda name: save_setting("theme", name), init=False)
        if note := shared().note:  # said once: the store cannot remember, or was damaged
            self.notify(note, severity="warning", timeout=10, markup=False)
        if self._document is not None:
            self.show_document(self._document)
        elif self._feed is not None:
            self.show_feeds(self._feed)
        elif self._source is not None:
            self.open_source(self._source)
        else:
            self.push_screen(LibraryScreen(self._library_dirs))

    def open_source(self, source: str) -> None:
        """Load ``source`` off the UI thread, then show it; a load error becomes a notification."""
        if "://" in source:
            self.notify(f"Fetching {source}…", timeout=3, markup=False)
        self.load_source(source, self.show_document, self._load_failed)

    @work(thread=True, exclusive=True, group="load")
    def load_source(
        self, source: str, loaded: Callable[[Document], object], failed: Callable[[str], object]
    ) -> None:
        """Load ``source`` (or the copy the store kept) in a worker thread; then
        ``loaded(document)`` or ``failed(message)`` on the UI thread.  A feed opens the Feeds
        view.  Quitting while a page is fetched does not wait for it (see ``detached``)."""
        try:
            found = detached(lambda: load_remembered(shared(), source), get_current_worker())
        except FeedSource as feed:
            self.call_from_thread(self.show_feeds, feed.source)
        except LoadError as error:
            self.call_from_thread(failed, str(error))
        else:
            if found is None:  # cancelled: the app is quitting or another source was opened
                return
            document, offline = found
            self.call_from_thread(loaded, document)
            if offline:
                self.call_from_thread(
                    self.notify, offline, title="Offline", severity="warning", markup=False
                )

    def _load_failed(self, message: str) -> None:
        self.notify(message, title="Could not open", severity="error", timeout=8, markup=False)
        if not isinstance(self.screen, (LibraryScreen, ReadingScreen)):
            self.push_screen(LibraryScreen(self._library_dirs))

    def show_document(self, document: Document) -> None:
        """Replace whatever is open with a reading screen for ``document``."""
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.push_screen(ReadingScreen(document, analyser=cached(self._analyser), flash=self.flash))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's own commands, less the ones the key table already offers (theme, quit)."""
        yield from (
            c for c in super().get_system_commands(screen) if c.title not in ("Theme", "Quit")
        )

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_open(self) -> None:
        self.push_screen(OpenScreen(), self._opened)

    def _opened(self, document: Document | None) -> None:
        if document is not None:
            self.show_document(document)

    def action_library(self) -> None:
        if not isinstance(self.screen, LibraryScreen):
            self.push_screen(LibraryScreen(self._library_dirs))

    # -- feeds (the view is reader/ui/screens/feeds.py) -------------------------------------------

    def _feeds_screen(self) -> FeedsScreen | None:
        return next((s for s in self.screen_stack if isinstance(s, FeedsScreen)), None)

    def show_feeds(self, follow: str | None = None) -> None:
        """The Feeds view, on top of the library; ``follow`` a feed file or URL first."""
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.push_screen(LibraryScreen(self._library_dirs))
        self.push_screen(FeedsScreen(analyser=cached(self._analyser), follow_source=follow))

    def action_feeds(self) -> None:
        """Back to the Feeds view (where the reader left it), or open it."""
        feeds = self._feeds_screen()
        if feeds is None:
            self.push_screen(FeedsScreen(analyser=cached(self._analyser)))
            return
        while self.screen is not feeds:
            self.pop_screen()

    def action_next_item(self) -> None:
        self._step_item(1)

    def action_prev_item(self) -> None:
        self._step_item(-1)

    def _step_item(self, by: int) -> None:
        feeds = self._feeds_screen()
        if feeds is None:
            self.notify("Next and previous item work on articles opened from the Feeds view")
        else:
            feeds.step(by)


def _attach_terminal() -> None:
    """After reading an article from a pipe, read keys from the terminal instead."""
    fd = os.open("/dev/tty", os.O_RDONLY)
    os.dup2(fd, 0)
    os.close(fd)


def run(source: str | None) -> int:
    """Open ``source`` (a path, URL or "-" for stdin) or the library; the exit status."""
    document = None
    if source is not None and "://" not in source:
        from reader.document.load import load

        try:
            document = load(source)  # fail like `less` does, before the screen is taken over
        except FeedSource:
            app = ReaderApp(feed=source)
            app.run()
            return app.return_code or 0
        except LoadError as error:
            print(f"reader: {error}", file=sys.stderr)
            return 1
        if source == "-":
            _attach_terminal()
    app = ReaderApp(None if document else source, document=document)
    app.run()
    return app.return_code or 0
