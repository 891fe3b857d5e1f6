"""Search: the bar `/` opens, and finding every match."""

from __future__ import annotations

from itertools import islice

from textual.binding import Binding
from textual.widgets import Input

from reader.document.model import Span
from reader.ui.fold import fold, pattern

MAX_MATCHES = 100_000
INCREMENTAL_LIMIT = 200_000
"""Longer articles (in characters) are searched on Enter, as `less` does, not on every key."""


def find_all(text: str, query: str, folded: str | None = None) -> list[Span]:
    """Every occurrence of ``query`` (a plain string, not a pattern), blind to case, quote and
    dash styles; ``folded`` is ``fold(text)`` when the caller keeps it between keystrokes."""
    if not query:
        return []
    haystack = fold(text) if folded is None else folded
    return [
        Span(m.start(), m.end()) for m in islice(pattern(query).finditer(haystack), MAX_MATCHES)
    ]


class SearchBar(Input):
    """Typing searches as you type, Enter keeps the matches, Esc clears them."""

    BINDINGS = [Binding("escape", "screen.clear", "Cancel search", show=False)]
