"""Opening an item: the article its link points to, through the same loader as any URL, kept once
read for offline reading; the feed's own content or summary when the page cannot be had."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from html.parser import HTMLParser

from reader.document.errors import LoadError
from reader.document.load import from_bytes, load
from reader.document.model import Document
from reader.store import Store, library
from reader.store import feeds as stored

_BREAKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr"}


@dataclass(frozen=True, slots=True)
class Opened:
    document: Document
    notice: str | None = None  # said to the reader: the page could not be had, the summary is shown


def open_item(store: Store, item: stored.Item, loader: Callable[[str], Document] = load) -> Opened:
    """The item as a document, marked read.  The page, once had, is kept in the library and used
    first next time, so an item read once opens without the network."""
    opened = _kept(store, item) or _fetched(item, loader)
    if opened.notice is None:
        store.write(library.remember, opened.document)
    store.write(stored.mark_read, item.id)
    return opened


def _kept(store: Store, item: stored.Item) -> Opened | None:
    """The page kept when the item was read; not the feed's text (the reading screen remembers
    whatever it shows), so a page that failed once is tried again."""
    document = store.read(library.kept_document, item.link) if item.link else None
    if document is None or document.text == summary_document(item).text:
        return None
    return Opened(document)


def _fetched(item: stored.Item, loader: Callable[[str], Document]) -> Opened:
    if item.link and item.link.lower().startswith(("http://", "https://")):
        try:
            document = loader(item.link)
        except LoadError as error:
            why = str(error)
        else:  # the feed dates its items; a page's date is often a guess from its text
            return Opened(replace(document, date=_day(item) or document.date))
    else:
        why = "the item has no web page"
    return Opened(summary_document(item), f"{why} — showing the feed's own text")


def summary_document(item: stored.Item) -> Document:
    """The feed's content or summary as a document titled with the item's title."""
    text = f"{item.title}\n\n{html_text(item.summary) or '(the feed gives no text for this item)'}"
    document = from_bytes(text.encode("utf-8"), item.link or f"feed-item:{item.id}", "text")
    return replace(document, title=item.title, date=_day(item), author=item.author)


def _day(item: stored.Item) -> str | None:
    return (item.published or "")[:10] or None


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in ("script", "style"):
            self.skip += 1
        elif tag in _BREAKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag in _BREAKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def html_text(html: str) -> str:
    """Paragraphs of plain text from a feed's HTML snippet (or plain text, unchanged)."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    paragraphs = (" ".join(p.split()) for p in "".join(parser.parts).split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)
