"""The one place that owns the schema: forward migrations keyed by ``PRAGMA user_version``.

Migration N (1-based) turns a version N-1 database into version N.  Adding a table or column is one
new entry at the end of ``MIGRATIONS``; entries already shipped never change.
"""

from __future__ import annotations

import sqlite3

MIGRATIONS: tuple[str, ...] = (
    # 1: library, positions and marks, highlights and notes, settings, analysis cache.
    """
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL UNIQUE,      -- absolute path, URL, or stdin:<hash> for piped text
        content_hash TEXT NOT NULL,       -- sha256 of the text the offsets below refer to
        title TEXT,
        date TEXT,                        -- published (YYYY-MM-DD), when the article says
        author TEXT,
        document TEXT,                    -- the document as JSON, kept for URLs and stdin
        first_opened REAL NOT NULL,
        last_opened REAL NOT NULL,
        progress REAL NOT NULL DEFAULT 0  -- 0..1, how far the reader got
    );
    CREATE TABLE positions (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        offset INTEGER NOT NULL,          -- first character in view
        selection TEXT                    -- last quote / entity / event selected, e.g. "quote:q3"
    );
    CREATE TABLE marks (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        letter TEXT NOT NULL,
        offset INTEGER NOT NULL,
        PRIMARY KEY (article_id, letter)
    );
    CREATE TABLE highlights (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        exact TEXT NOT NULL,              -- W3C TextQuoteSelector: exact, prefix, suffix
        prefix TEXT NOT NULL,
        suffix TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        created REAL NOT NULL,
        modified REAL NOT NULL,
        orphaned INTEGER NOT NULL DEFAULT 0  -- could not be placed in the current text
    );
    CREATE INDEX highlights_article ON highlights(article_id, start);
    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE analyses (
        content_hash TEXT NOT NULL,
        version TEXT NOT NULL,            -- the analysers' version: code and models
        data BLOB NOT NULL,               -- zlib-compressed JSON
        created REAL NOT NULL,
        PRIMARY KEY (content_hash, version)
    );
    """,
    # 2: feeds followed and their items (see reader/store/feeds.py).
    """
    CREATE TABLE feeds (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,         -- the feed's address: an http(s) URL or an absolute path
        title TEXT,                       -- as the feed names itself (or the OPML file did)
        site TEXT,                        -- the site's home page, as the feed says
        etag TEXT,                        -- validators from the last answer, for a conditional GET
        modified TEXT,
        added REAL NOT NULL,
        checked REAL,                     -- last refresh that got an answer
        error TEXT                        -- why the last refresh failed, NULL when it did not
    );
    CREATE TABLE items (
        id INTEGER PRIMARY KEY,
        feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        key TEXT NOT NULL,                -- guid, else link: an item seen again is not re-added
        link TEXT,
        title TEXT NOT NULL,
        published TEXT,                   -- ISO 8601 UTC, as the feed dates it
        author TEXT,
        summary TEXT NOT NULL DEFAULT '', -- the feed's own content or summary (HTML)
        seen REAL NOT NULL,               -- first stored
        newest TEXT NOT NULL,             -- published, else when first seen: the order of lists
        read INTEGER NOT NULL DEFAULT 0,
        UNIQUE (feed_id, key)
    );
    CREATE INDEX items_newest ON items(feed_id, newest);
    """,
)

VERSION = len(MIGRATIONS)


class NewerSchema(Exception):
    """The file was written by a newer reader: reading it could misread, writing could damage."""


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection) -> None:
    """Bring ``conn`` (in autocommit mode) to ``VERSION``, each step in its own transaction."""
    while True:
        conn.execute("BEGIN IMMEDIATE")  # two instances starting at once: one migrates, one waits
        try:
            current = user_version(conn)
            if current > VERSION:
                raise NewerSchema(f"schema version {current}, this reader knows {VERSION}")
            if current == VERSION:
                conn.execute("COMMIT")
                return
            for statement in _statements(MIGRATIONS[current]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {current + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise


def _statements(script: str) -> list[str]:
    """Split a migration into statements (executescript would commit the open transaction)."""
    statements, pending = [], ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    return [s for s in statements if s]
