"""What opening an article does to the store, shared by the app and the CLI: remember it, move its
highlights onto new text, and reuse a cached analysis when there is one."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from reader.analysis.model import Analysis
from reader.document.model import Document
from reader.store import cache, library
from reader.store import highlights as hl
from reader.store.connection import Store


def open_document(store: Store, document: Document) -> library.Opened:
    """Remember ``document``; if its text changed since last time, re-anchor its highlights."""

    def opened(conn: sqlite3.Connection) -> library.Opened:
        found = library.remember(conn, document)
        if found.previous_hash not in (None, found.article.content_hash):
            hl.reanchor(conn, found.article.id, document.text)
        return found

    return store.write(opened)


def analysis(
    store: Store, document: Document, analyse: Callable[[Document], Analysis]
) -> tuple[Analysis, bool]:
    """The analysis of ``document`` and whether it came from the cache (a miss is computed with
    ``analyse`` and stored)."""
    if (kept := store.read(cache.get, document)) is not None:
        return kept, True
    result = analyse(document)
    if (data := cache.pack(result)) is not None:
        store.write(cache.put, document, data)
    return result, False


def load_remembered(store: Store, source: str) -> tuple[Document, str | None]:
    """``source`` loaded, or the copy kept of it: piped text always, a URL when it cannot be
    fetched.  The second item says when the kept copy was used.  Raises ``LoadError``."""
    from reader.document.errors import LoadError
    from reader.document.load import load

    if source.startswith("stdin:"):
        kept = store.read(library.kept_document, source)
        if kept is None:
            raise LoadError(f"{source}: no longer in the library")
        return kept, None
    try:
        return load(source), None
    except LoadError as error:
        kept = store.read(library.kept_document, source) if "://" in source else None
        if kept is None:
            raise
        return kept, f"{error} — showing the copy kept when it was last read"
