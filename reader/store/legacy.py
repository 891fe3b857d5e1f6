"""Bring in the JSON state files the reader kept before the store (``recent.json``,
``settings.json``), once; they are left in place and never written again."""

from __future__ import annotations

import json
import math
import sqlite3
from pathlib import Path

from reader.store import settings

DONE = "legacy_imported"


def import_once(conn: sqlite3.Connection, folder: Path) -> str | None:
    """Import what ``folder`` holds unless done before; a one-line warning if a file there was
    not what an earlier version wrote (it is then ignored)."""
    if settings.get(conn, DONE):
        return None
    settings.put(conn, DONE, "1")
    ignored = []
    theme = _read(folder / "settings.json")
    if isinstance(theme, dict) and isinstance(theme.get("theme"), str):
        if not settings.get(conn, "theme"):
            settings.put(conn, "theme", json.dumps(theme["theme"]))  # values are JSON
    elif theme is not MISSING:
        ignored.append("settings.json")
    recent = _read(folder / "recent.json")
    if isinstance(recent, list):
        for item in recent:
            _import_recent(conn, item)
    elif recent is not MISSING:
        ignored.append("recent.json")
    if not ignored:
        return None
    return f"reader: ignored {' and '.join(ignored)} in {folder} (not what reader writes)"


MISSING = object()


def _read(path: Path) -> object:
    """The JSON in ``path``; ``MISSING`` if there is no file, None if it cannot be read."""
    if not path.exists():
        return MISSING
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return None


def _import_recent(conn: sqlite3.Connection, item: object) -> bool:
    """A file once opened becomes a library entry; its text hash is filled in on the next open.

    Only local files: a URL's text was never kept, so there is nothing to reopen offline."""
    if not isinstance(item, dict) or not isinstance(item.get("source"), str):
        return False
    source, title, opened = item["source"], item.get("title"), item.get("opened")
    if "://" in source or not Path(source).is_absolute() or not Path(source).is_file():
        return False
    when = float(opened) if isinstance(opened, int | float) and math.isfinite(opened) else 0.0
    cursor = conn.execute(
        "INSERT OR IGNORE INTO articles (source, content_hash, title, first_opened, last_opened)"
        " VALUES (?, '', ?, ?, ?)",
        (source, title if isinstance(title, str) else None, when, when),
    )
    return cursor.rowcount > 0
