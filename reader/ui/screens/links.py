"""The links of the article (HTML and Markdown keep them): listed, opened in the reader or in
the web browser."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList

from reader.document.model import Document, Link
from reader.ui.keys import bindings
from reader.ui.widgets.lists import SidebarList

READABLE = ("http://", "https://")
"""Links the reader itself opens; the browser also takes mailto:."""


class LinkList(SidebarList):
    """One row per link: the linked words, then where they point."""


class LinksScreen(ModalScreen[str | None]):
    """Dismisses with the URL to open in the reader, or None."""

    BINDINGS = bindings("links")

    def __init__(self, document: Document) -> None:
        super().__init__()
        self.links = document.links
        self._text = document.text

    def compose(self) -> ComposeResult:
        with Vertical(id="links-body") as body:
            body.border_title = f"Links ({len(self.links)})"
            yield LinkList(id="link-list")
            yield Label(
                "Enter opens a link in reader · w in the web browser · Esc closes", id="links-help"
            )

    def on_mount(self) -> None:
        rows = self.query_one(LinkList)
        rows.fill(
            [self._prompt(n, link) for n, link in enumerate(self.links, 1)],
            "This article has no links",
        )
        rows.highlighted = 0 if self.links else None
        rows.focus()

    def _prompt(self, number: int, link: Link) -> Content:
        words = " ".join(self._text[link.span.start : link.span.end].split())
        return Content.assemble(
            (f"{number}. ", "dim"), (words, "underline"), "\n", (link.url, "dim")
        )

    def _current(self) -> Link | None:
        number = self.query_one(LinkList).highlighted
        return self.links[number] if self.links and number is not None else None

    def _say(self, message: str) -> None:
        self.query_one("#links-help", Label).update(Content(message))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        url = self.links[event.option_index].url
        if url.lower().startswith(READABLE):
            self.dismiss(url)
        else:
            self._say(f"Only http(s) links open in reader: {url}")

    def action_browser(self) -> None:
        link = self._current()
        if link is None:
            return
        if link.url.lower().startswith((*READABLE, "mailto:")):
            self.app.open_url(link.url)
            self._say(f"Opened in the web browser: {link.url}")
        else:
            self._say(f"Not a web address: {link.url}")
