"""The Quotes view: who said what, in reading order, optionally for one speaker only."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content

from reader.ui.widgets.lists import SidebarList

if TYPE_CHECKING:  # the analysis package imports its models; the UI must start without them
    from reader.analysis.model import Analysis, Quote

UNKNOWN = "Unattributed"


def speaker_of(quote: Quote) -> str:
    return quote.speaker.name or UNKNOWN


class QuoteList(SidebarList):
    """The quotes shown (all, or one speaker's); `]`/`[` step through exactly these."""

    quotes: list[Quote] = []
    speaker: str | None = None
    _all: tuple[Quote, ...] = ()

    def show(self, analysis: Analysis) -> None:
        self._all = analysis.quotes
        self.filter(None)

    def filter(self, speaker: str | None) -> None:
        """Show only ``speaker``'s quotes (None: all of them)."""
        self.speaker = speaker
        self.quotes = [q for q in self._all if speaker is None or speaker_of(q) == speaker]
        self.border_title = f"Only {speaker}" if speaker else None
        self.fill([_prompt(n, q) for n, q in enumerate(self.quotes, 1)], "No quotes found")


def _prompt(number: int, quote: Quote) -> Content:
    text = " ".join(quote.text.split())
    if len(text) > 120:
        text = text[:119] + "…"
    partial = (" (partial)", "dim") if quote.partial else ""
    return Content.assemble(
        (f"{number}. ", "dim"), (speaker_of(quote), "bold"), partial, "\n", (text, "italic")
    )
