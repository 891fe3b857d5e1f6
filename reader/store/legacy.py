"""Bring in the JSON state files the reader kept before the store (``recent.json``,
``settings.json``), once; they are left in place and never written again."""

from __future__ import annotations

import json
import math
import sqlite3
from pathlib import Path

from reader.store import settings

DONE = "legacy_imported"


def import_once(conn: sqlite3.Connection, folder: Path) -> int:
    """Import what ``folder`` holds unless done before; the number of articles imported."""
    if settings.get(conn, DONE):
        return 0
    settings.put(conn, DONE, "1")
    theme = _read(folder / "settings.json")
    if (
        isinstance(theme, dict)
        and isinstance(theme.get("theme"), str)
        and not settings.get(conn, "theme")
    ):
        settings.put(conn, "theme", json.dumps(theme["theme"]))  # values are JSON
    recent = _read(folder / "recent.json")
    count = 0
    for item in recent if isinstance(recent, list) else []:
        if _import_recent(conn, item):
            count += 1
    return count


def _read(path: Path) -> object:
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
