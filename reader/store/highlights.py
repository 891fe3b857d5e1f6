"""The reader's own highlights and notes, anchored by text quote and offsets (see ``anchor``)."""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from typing import Any

from reader.document.model import Span
from reader.store import anchor


@dataclass(frozen=True, slots=True)
class Highlight:
    id: int
    article_id: int
    span: Span
    quote: anchor.Quote
    note: str
    created: float
    modified: float
    orphaned: bool = False


_COLUMNS = "id, article_id, start, end, exact, prefix, suffix, note, created, modified, orphaned"


def _row(row: tuple[Any, ...]) -> Highlight:
    hid, article, start, end, exact, prefix, suffix, note, created, modified, orphaned = row
    q = anchor.Quote(exact, prefix, suffix)
    return Highlight(hid, article, Span(start, end), q, note, created, modified, bool(orphaned))


def add(
    conn: sqlite3.Connection, article_id: int, text: str, span: Span, note: str = ""
) -> Highlight:
    q, now = anchor.quote(text, span), time.time()
    cursor = conn.execute(
        "INSERT INTO highlights (article_id, start, end, exact, prefix, suffix, note, created,"
        " modified) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (article_id, span.start, span.end, q.exact, q.prefix, q.suffix, note, now, now),
    )
    return Highlight(cursor.lastrowid or 0, article_id, span, q, note, now, now)


def restore(conn: sqlite3.Connection, highlight: Highlight) -> None:
    """Put back a highlight exactly as it was (undo of a delete or an edit)."""
    h, q = highlight, highlight.quote
    conn.execute(
        f"INSERT OR REPLACE INTO highlights ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            h.id,
            h.article_id,
            h.span.start,
            h.span.end,
            q.exact,
            q.prefix,
            q.suffix,
            h.note,
            h.created,
            h.modified,
            int(h.orphaned),
        ),
    )


def set_note(conn: sqlite3.Connection, highlight_id: int, note: str) -> None:
    conn.execute(
        "UPDATE highlights SET note = ?, modified = ? WHERE id = ?",
        (note, time.time(), highlight_id),
    )


def delete(conn: sqlite3.Connection, highlight_id: int) -> None:
    conn.execute("DELETE FROM highlights WHERE id = ?", (highlight_id,))


def of_article(conn: sqlite3.Connection, article_id: int) -> list[Highlight]:
    """In text order; orphaned ones last."""
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM highlights WHERE article_id = ? ORDER BY orphaned, start, id",
        (article_id,),
    )
    return [_row(r) for r in rows]


def get(conn: sqlite3.Connection, highlight_id: int) -> Highlight | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM highlights WHERE id = ?", (highlight_id,))
    found = row.fetchone()
    return _row(found) if found else None


def reanchor(conn: sqlite3.Connection, article_id: int, text: str) -> tuple[int, int]:
    """Place every highlight of the article in its new ``text``; (placed, orphaned) counts.

    An orphan keeps its quote and old offsets, so a later text may place it again."""
    placed = orphaned = 0
    for h in of_article(conn, article_id):
        span = anchor.place(text, h.quote, h.span)
        if span is None:
            orphaned += 1
            conn.execute("UPDATE highlights SET orphaned = 1 WHERE id = ?", (h.id,))
            continue
        placed += 1
        q = anchor.quote(text, span)
        conn.execute(
            "UPDATE highlights SET start = ?, end = ?, exact = ?, prefix = ?, suffix = ?,"
            " orphaned = 0 WHERE id = ?",
            (span.start, span.end, q.exact, q.prefix, q.suffix, h.id),
        )
    return placed, orphaned
