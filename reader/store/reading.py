"""What opening an article does to the store, shared by the app and the CLI: remember it, move its
highlights onto new text, and reuse a cached analysis when there is one."""

from __future__ import annotations

from collections.abc import Callable

from reader.analysis.model import Analysis
from reader.document.model import Document
from reader.store import cache, library
from reader.store import highlights as hl
from reader.store.connection import Store


def open_document(store: Store, document: Document) -> library.Opened:
    """Remember ``document``; if its text changed since last time, re-anchor its highlights."""

    def opened(conn) -> library.Opened:
        found = library.remember(conn, document)
        if found.previous_hash not in (None, found.article.content_hash):
            hl.reanchor(conn, found.article.id, document.text)
        return found

    return store.write(opened)


def analysis(
    store: Store, document: Document, analyse: Callable[[Document], Analysis]
) -> tuple[Analysis, bool]:
    """The analysis of ``document`` and whether it came from the cache."""
    digest = library.content_hash(document.text)
    if (kept := store.read(cache.get, document, digest)) is not None:
        return kept, True
    result = analyse(document)
    store.write(cache.put, result, digest)
    return result, False
