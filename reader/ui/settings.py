"""The reader's settings (theme, text width) as one small mapping of names to values.

Every setting goes through `setting` and `save_setting`, so where they are kept can change here
alone; a value of the wrong type (a hand-edited file) reads as the default.
"""

from __future__ import annotations

from typing import TypeVar

from reader.ui.library import read_state, write_state

T = TypeVar("T", str, int, float, bool)
FILE = "settings.json"


def _all() -> dict[str, object]:
    data = read_state(FILE, {})
    return data if isinstance(data, dict) else {}


def setting(name: str, default: T) -> T:
    """The saved value of ``name``, or ``default`` when there is none of its type."""
    value = _all().get(name, default)
    return value if type(value) is type(default) else default


def save_setting(name: str, value: str | int | float | bool) -> None:
    """Save ``name`` beside the other settings (each write keeps the rest)."""
    write_state(FILE, _all() | {name: value})
