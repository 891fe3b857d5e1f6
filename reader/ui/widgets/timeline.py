"""The Timeline view: dated events in date order."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content

from reader.ui.widgets.lists import SidebarList

if TYPE_CHECKING:  # the analysis package imports its models; the UI must start without them
    from reader.analysis.model import Analysis, Event


class TimelineList(SidebarList):
    """Enter jumps to the clause an event was read from; `)`/`(` step through them in text order."""

    events: list[Event] = []

    def show(self, analysis: Analysis) -> None:
        self.events = sorted(analysis.timeline, key=lambda e: (e.undated, e.date, e.event.start))
        self.fill([_prompt(e) for e in self.events], "No dated events found")


def _prompt(event: Event) -> Content:
    date = "undated" if event.undated else event.date
    summary = " ".join(event.summary.split())
    if len(summary) > 120:
        summary = summary[:119] + "…"
    return Content.assemble((date, "bold"), "\n", summary)
