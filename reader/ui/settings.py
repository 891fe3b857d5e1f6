"""The reader's settings (theme, text width) as one small mapping of names to values, kept in
the store's settings table as JSON; a value of the wrong type reads as the default."""

from __future__ import annotations

import json
from typing import TypeVar

from reader.store import settings, shared

T = TypeVar("T", str, int, float, bool)


def setting(name: str, default: T) -> T:
    """The saved value of ``name``, or ``default`` when there is none of its type."""
    raw = shared().read(settings.get, name)
    try:
        value = json.loads(raw) if raw is not None else default
    except ValueError:
        return default
    return value if type(value) is type(default) else default


def save_setting(name: str, value: str | int | float | bool) -> None:
    shared().write(settings.put, name, json.dumps(value))
