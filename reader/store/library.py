"""The library: every article opened, once, keyed by its source (a path, a URL, or piped text)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.document.model import Block, Document, Span

STDIN = "-"


@dataclass(frozen=True, slots=True)
class Article:
    id: int
    source: str
    content_hash: str
    title: str | None
    date: str | None  # published, when the article says
    author: str | None
    first_opened: float
    last_opened: float
    progress: float  # 0..1
    highlights: int = 0

    @property
    def is_url(self) -> bool:
        return "://" in self.source


def short(source: str) -> str:
    """A path relative to the working folder, or under home as ~/…, so a column stays narrow."""
    for base, prefix in ((Path.cwd(), ""), (Path.home(), "~/")):
        if source.startswith(f"{base}/"):
            return prefix + source[len(str(base)) + 1 :]
    return source


def clip_left(source: str, width: int) -> str:
    """``…/folder/file.txt``: a path or URL cut from the left, where it says least."""
    return source if len(source) <= width else "…" + source[len(source) - width + 1 :]


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def key(document: Document) -> str:
    """What identifies an article across openings: its absolute path, URL, or piped text's hash."""
    if document.source == STDIN:
        return f"stdin:{content_hash(document.text)[:16]}"
    if "://" in document.source or document.source.startswith("stdin:"):
        return document.source
    return str(Path(document.source).resolve())


@dataclass(frozen=True, slots=True)
class Opened:
    """What ``remember`` found: the article's row, and the hash of the text it had before."""

    article: Article
    previous_hash: str | None  # None the first time; differs from article.content_hash on change


def remember(conn: sqlite3.Connection, document: Document, now: float | None = None) -> Opened:
    """Record that ``document`` was opened (one row per source; new text replaces the old)."""
    now = time.time() if now is None else now
    source, digest = key(document), content_hash(document.text)
    kept = None if Path(source).is_absolute() else json.dumps(document_json(document))
    row = conn.execute("SELECT content_hash FROM articles WHERE source = ?", (source,)).fetchone()
    conn.execute(
        "INSERT INTO articles (source, content_hash, title, date, author, document,"
        " first_opened, last_opened) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT(source) DO UPDATE SET content_hash = excluded.content_hash,"
        " title = excluded.title, date = excluded.date, author = excluded.author,"
        " document = excluded.document, last_opened = excluded.last_opened",
        (source, digest, document.title, document.date, document.author, kept, now, now),
    )
    article = find(conn, source)
    assert article is not None
    return Opened(article, row[0] if row else None)


_SELECT = (
    "SELECT a.id, a.source, a.content_hash, a.title, a.date, a.author, a.first_opened,"
    " a.last_opened, a.progress, (SELECT COUNT(*) FROM highlights h WHERE h.article_id = a.id)"
    " FROM articles a"
)


def find(conn: sqlite3.Connection, source: str) -> Article | None:
    row = conn.execute(f"{_SELECT} WHERE a.source = ?", (source,)).fetchone()
    return Article(*row) if row else None


def articles(conn: sqlite3.Connection) -> list[Article]:
    """Every article, last read first."""
    return [Article(*row) for row in conn.execute(f"{_SELECT} ORDER BY a.last_opened DESC, a.id")]


def forget(conn: sqlite3.Connection, article_id: int) -> None:
    """Drop an article with its position, marks and highlights."""
    conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))


def set_progress(conn: sqlite3.Connection, article_id: int, progress: float) -> None:
    conn.execute(
        "UPDATE articles SET progress = ? WHERE id = ?", (min(max(progress, 0.0), 1.0), article_id)
    )


def set_date(conn: sqlite3.Connection, article_id: int, date: str) -> None:
    """The date the analysis found, for an article whose source gave none."""
    conn.execute("UPDATE articles SET date = ? WHERE id = ? AND date IS NULL", (date, article_id))


def kept_document(conn: sqlite3.Connection, source: str) -> Document | None:
    """The copy kept of a URL or piped article, so it reopens offline."""
    row = conn.execute("SELECT document FROM articles WHERE source = ?", (source,)).fetchone()
    return document_from_json(json.loads(row[0])) if row and row[0] else None


def document_json(document: Document) -> dict[str, Any]:
    return {
        "text": document.text,
        "source": document.source if document.source != STDIN else key(document),
        "title": document.title,
        "date": document.date,
        "author": document.author,
        "blocks": [[b.kind, b.span.start, b.span.end] for b in document.blocks],
    }


def document_from_json(data: dict[str, Any]) -> Document:
    return Document(
        text=data["text"],
        source=data["source"],
        blocks=tuple(Block(kind, Span(start, end)) for kind, start, end in data["blocks"]),
        title=data.get("title"),
        date=data.get("date"),
        author=data.get("author"),
    )
