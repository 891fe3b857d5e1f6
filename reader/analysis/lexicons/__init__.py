"""Word lists and rule tables as data files, so a linguist can read and change them without Python.

Each `NAME.txt` in this folder holds one entry per line; `#` starts a comment and blank lines are
skipped.  `table` reads `key<TAB>value` lines.  Every file is read once per process.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def entries(name: str) -> tuple[str, ...]:
    """The entries of `NAME.txt` in file order (a rule may take the first match)."""
    text = (resources.files(__package__) / f"{name}.txt").read_text(encoding="utf-8")
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return tuple(line for line in lines if line)


@cache
def words(name: str) -> frozenset[str]:
    """The entries of `NAME.txt` as a set, for membership tests."""
    return frozenset(entries(name))


@cache
def table(name: str) -> dict[str, str]:
    """`key<TAB>value` lines of `NAME.txt` as a mapping (later lines win)."""
    pairs = (line.split("\t", 1) for line in entries(name))
    return {key.strip(): value.strip() for key, value in pairs}
