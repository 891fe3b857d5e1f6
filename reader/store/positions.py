"""Where the reader was in an article (a character offset, so it survives another terminal width),
the last thing selected, and the marks set with ``m`` + letter."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Position:
    offset: int  # first character in view
    selection: str | None  # e.g. "quote:q3", "entity:e2", "event:4"


def save(conn: sqlite3.Connection, article_id: int, position: Position) -> None:
    """Keep ``position`` (nothing happens if the article was forgotten meanwhile)."""
    conn.execute(
        "INSERT INTO positions (article_id, offset, selection)"
        " SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM articles WHERE id = ?)"
        " ON CONFLICT(article_id) DO UPDATE SET offset = excluded.offset,"
        " selection = excluded.selection",
        (article_id, position.offset, position.selection, article_id),
    )


def load(conn: sqlite3.Connection, article_id: int) -> Position | None:
    row = conn.execute(
        "SELECT offset, selection FROM positions WHERE article_id = ?", (article_id,)
    ).fetchone()
    return Position(*row) if row else None


def set_mark(conn: sqlite3.Connection, article_id: int, letter: str, offset: int) -> None:
    conn.execute(
        "INSERT INTO marks (article_id, letter, offset) VALUES (?, ?, ?)"
        " ON CONFLICT(article_id, letter) DO UPDATE SET offset = excluded.offset",
        (article_id, letter, offset),
    )


def marks(conn: sqlite3.Connection, article_id: int) -> dict[str, int]:
    rows = conn.execute("SELECT letter, offset FROM marks WHERE article_id = ?", (article_id,))
    return dict(rows.fetchall())
