"""Search: the bar `/` opens, and finding every match."""

from __future__ import annotations

import re
from itertools import islice

from textual.binding import Binding
from textual.widgets import Input

from reader.document.model import Span

MAX_MATCHES = 100_000
INCREMENTAL_LIMIT = 200_000
"""Longer articles (in characters) are searched on Enter, as `less` does, not on every key."""


def find_all(text: str, query: str) -> list[Span]:
    """Every case-insensitive occurrence of ``query`` (a plain string, not a pattern)."""
    if not query:
        return []
    return [
        Span(m.start(), m.end())
        for m in islice(re.finditer(re.escape(query), text, re.IGNORECASE), MAX_MATCHES)
    ]


class SearchBar(Input):
    """Typing searches as you type, Enter keeps the matches, Esc clears them."""

    BINDINGS = [Binding("escape", "cancel", "Cancel search", show=False)]

    def action_cancel(self) -> None:
        self.screen.action_clear()
