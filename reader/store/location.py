"""Where the store lives: ``$READER_STATE_DIR`` if set, else the platform's user data folder."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

DB_NAME = "reader.db"


def data_dir() -> Path:
    if env := os.environ.get("READER_STATE_DIR"):
        return Path(env)
    return Path(platformdirs.user_data_dir("reader", appauthor=False))


def legacy_dir() -> Path:
    """Where the JSON state files (recent.json, settings.json) lived before the store."""
    if env := os.environ.get("READER_STATE_DIR"):
        return Path(env)
    base = os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state"
    return Path(base) / "reader"
