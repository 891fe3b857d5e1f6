"""`ReaderApp` and `run(source)`, the entry the CLI calls.

Screens: the library (no source) or the reading screen (one article); help, open and the theme
picker are modal on top.  Loading a source happens in a worker thread, so a slow URL never
freezes the UI.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

from textual import work
from textual.app import App, SystemCommand
from textual.screen import Screen
from textual.worker import get_current_worker

from reader.document.errors import LoadError
from reader.document.model import Document
from reader.ui.commands import ReaderCommands
from reader.ui.detached import detached
from reader.ui.keys import bindings
from reader.ui.library import read_state, remember, write_state
from reader.ui.screens.help import HelpScreen
from reader.ui.screens.library import LibraryScreen
from reader.ui.screens.open import OpenScreen
from reader.ui.screens.reading import Analyser, ReadingScreen, pipeline

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
    ) -> None:
        """``document`` skips loading (stdin, tests); ``analyser=None`` shows the bare text."""
        super().__init__()
        self._source = source
        self._document = document
        self._analyser = analyser
        self._library_dirs = library_dirs
        theme = read_state("settings.json", {}).get("theme")
        if theme in self.available_themes:
            self.theme = theme  # before the first paint: switching later restyles every widget

    def on_mount(self) -> None:
        self.watch(
            self, "theme", lambda name: write_state("settings.json", {"theme": name}), init=False
        )
        if self._document is not None:
            self.show_document(self._document)
        elif self._source is not None:
            self.open_source(self._source)
        else:
            self.push_screen(LibraryScreen(self._library_dirs))

    def open_source(self, source: str) -> None:
        """Load ``source`` off the UI thread, then show it; a load error becomes a notification."""
        if "://" in source:
            self.notify(f"Fetching {source}…", timeout=3, markup=False)
        self._load(source)

    @work(thread=True, exclusive=True, group="load")
    def _load(self, source: str) -> None:
        """Quitting while a page is fetched does not wait for it (see ``detached``)."""
        from reader.document.load import load

        try:
            document = detached(lambda: load(source), get_current_worker())
        except LoadError as error:
            self.call_from_thread(self._load_failed, str(error))
        else:
            if document is not None:
                self.call_from_thread(self.show_document, document)

    def _load_failed(self, message: str) -> None:
        self.notify(message, title="Could not open", severity="error", timeout=8, markup=False)
        if not isinstance(self.screen, (LibraryScreen, ReadingScreen)):
            self.push_screen(LibraryScreen(self._library_dirs))

    def show_document(self, document: Document) -> None:
        """Replace whatever is open with a reading screen for ``document``."""
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.push_screen(ReadingScreen(document, analyser=self._analyser))
        remember(document.source, document.title)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's own commands, less the ones the key table already offers (theme, quit)."""
        yield from (
            c for c in super().get_system_commands(screen) if c.title not in ("Theme", "Quit")
        )

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_open(self) -> None:
        self.push_screen(OpenScreen(), lambda source: self.open_source(source) if source else None)

    def action_library(self) -> None:
        if not isinstance(self.screen, LibraryScreen):
            self.push_screen(LibraryScreen(self._library_dirs))


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
        except LoadError as error:
            print(f"reader: {error}", file=sys.stderr)
            return 1
        if source == "-":
            _attach_terminal()
    app = ReaderApp(None if document else source, document=document)
    app.run()
    return app.return_code or 0
