"""Feeds followed and their items: what ``reader.feeds`` writes and the Feeds view lists.

An item is known by its feed and its key (guid, else link): an item seen again is not added twice,
and keeps whether it was read.  Lists are newest first (published, else when first seen).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the store does not need the feeds package to run
    from reader.feeds.parse import Entry


@dataclass(frozen=True, slots=True)
class Feed:
    id: int
    url: str
    title: str | None
    site: str | None
    etag: str | None
    modified: str | None
    added: float
    checked: float | None
    error: str | None
    unread: int = 0
    total: int = 0

    @property
    def name(self) -> str:
        return self.title or self.url


@dataclass(frozen=True, slots=True)
class Item:
    id: int
    feed_id: int
    feed_url: str
    feed_title: str | None
    link: str | None
    title: str
    published: str | None
    author: str | None
    summary: str
    read: bool


_FEED = (
    "SELECT f.id, f.url, f.title, f.site, f.etag, f.modified, f.added, f.checked, f.error,"
    " (SELECT COUNT(*) FROM items i WHERE i.feed_id = f.id AND NOT i.read),"
    " (SELECT COUNT(*) FROM items i WHERE i.feed_id = f.id) FROM feeds f"
)
_ITEM = (
    "SELECT i.id, i.feed_id, f.url, f.title, i.link, i.title, i.published, i.author, i.summary,"
    " i.read FROM items i JOIN feeds f ON f.id = i.feed_id"
)


def add(
    conn: sqlite3.Connection, url: str, title: str | None = None, site: str | None = None
) -> tuple[Feed, bool]:
    """Follow ``url`` (again: nothing changes); the feed and whether it is new."""
    cursor = conn.execute(
        "INSERT OR IGNORE INTO feeds (url, title, site, added) VALUES (?, ?, ?, ?)",
        (url, title, site, time.time()),
    )
    feed = find(conn, url)
    assert feed is not None
    return feed, cursor.rowcount > 0


def remove(conn: sqlite3.Connection, feed_id: int) -> None:
    """Stop following a feed; its items go with it (articles already read stay in the library)."""
    conn.execute("DELETE FROM feeds WHERE id = ?", (feed_id,))


def find(conn: sqlite3.Connection, url: str) -> Feed | None:
    row = conn.execute(f"{_FEED} WHERE f.url = ?", (url,)).fetchone()
    return Feed(*row) if row else None


def get(conn: sqlite3.Connection, feed_id: int) -> Feed | None:
    row = conn.execute(f"{_FEED} WHERE f.id = ?", (feed_id,)).fetchone()
    return Feed(*row) if row else None


def feeds(conn: sqlite3.Connection) -> list[Feed]:
    """Every feed followed, by name."""
    rows = conn.execute(f"{_FEED} ORDER BY lower(coalesce(f.title, f.url)), f.id")
    return [Feed(*row) for row in rows]


def resolve(conn: sqlite3.Connection, spec: str) -> Feed | None:
    """The feed ``spec`` names: its number in ``reader feeds``, its URL, or its title."""
    if spec.isdigit() and (feed := get(conn, int(spec))):
        return feed
    if feed := find(conn, spec):
        return feed
    named = [f for f in feeds(conn) if (f.title or "").casefold() == spec.casefold()]
    return named[0] if len(named) == 1 else None


def save(
    conn: sqlite3.Connection,
    feed_id: int,
    entries: Iterable[Entry],
    title: str | None = None,
    site: str | None = None,
    now: float | None = None,
) -> int:
    """Store the entries not seen before; how many were new.  The feed's own title replaces the
    one it was added with."""
    now = time.time() if now is None else now
    seen = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(now))
    before = conn.total_changes
    conn.executemany(
        "INSERT OR IGNORE INTO items (feed_id, key, link, title, published, author, summary,"
        " seen, newest) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            (
                feed_id,
                e.key,
                e.link,
                e.title,
                e.published,
                e.author,
                e.summary,
                now,
                e.published or seen,
            )
            for e in entries
        ),
    )
    new = conn.total_changes - before
    if title or site:
        conn.execute(
            "UPDATE feeds SET title = coalesce(?, title), site = coalesce(?, site) WHERE id = ?",
            (title, site, feed_id),
        )
    return new


def checked(conn: sqlite3.Connection, feed_id: int, etag: str | None, modified: str | None) -> None:
    """Record a refresh that got an answer, with its validators for the next conditional GET."""
    conn.execute(
        "UPDATE feeds SET error = NULL, checked = ?, etag = ?, modified = ? WHERE id = ?",
        (time.time(), etag, modified, feed_id),
    )


def failed(conn: sqlite3.Connection, feed_id: int, error: str) -> None:
    """Record why a refresh failed (shown beside the feed until one succeeds)."""
    conn.execute("UPDATE feeds SET error = ? WHERE id = ?", (error, feed_id))


def items(conn: sqlite3.Connection, feed_id: int | None = None, unread: bool = False) -> list[Item]:
    """Items newest first, of one feed or of all."""
    where, args = [], []
    if feed_id is not None:
        where.append("i.feed_id = ?")
        args.append(feed_id)
    if unread:
        where.append("NOT i.read")
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    rows = conn.execute(f"{_ITEM}{clause} ORDER BY i.newest DESC, i.id", args)
    return [_item(row) for row in rows]


def item(conn: sqlite3.Connection, item_id: int) -> Item | None:
    row = conn.execute(f"{_ITEM} WHERE i.id = ?", (item_id,)).fetchone()
    return _item(row) if row else None


def mark_read(conn: sqlite3.Connection, item_id: int, read: bool = True) -> None:
    conn.execute("UPDATE items SET read = ? WHERE id = ?", (int(read), item_id))


def _item(row: tuple[Any, ...]) -> Item:
    iid, feed_id, url, feed_title, link, title, published, author, summary, read = row
    return Item(iid, feed_id, url, feed_title, link, title, published, author, summary, bool(read))
