"""The Timeline view: dated events in the analysis's chronological order."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets.option_list import Option

from reader.ui.dates import describe
from reader.ui.widgets.lists import SidebarList

if TYPE_CHECKING:  # the analysis package imports its models; the UI must start without them
    from reader.analysis.model import Analysis, Event


class TimelineList(SidebarList):
    """Enter jumps to the clause an event was read from; `)`/`(` step through them in text order."""

    events: list[Event] = []
    _words: dict[str, str] = {}

    def show(self, analysis: Analysis) -> None:
        self.events = list(
            analysis.timeline
        )  # already chronological: "months after" April 2008 follows it
        self._words = {t.id: t.text for t in analysis.times}
        self.fill([_prompt(self.when(e), e) for e in self.events], "No dated events found")
        recurring = [t for t in analysis.times if t.type == "SET"]
        if recurring:  # not events on one date: listed after them, as the text report does
            self.add_options(
                [
                    Option(Content.assemble(("Recurring", "bold")), disabled=True),
                    *(
                        Option(describe(t.value, t.text, recurring=True), disabled=True)
                        for t in recurring
                    ),
                ]
            )

    def when(self, event: Event) -> str:
        """The event's date in words ("February 2022"), or the article's own words for a date it
        never anchors ("on Tuesday")."""
        return describe(event.date, self.written(event))

    def written(self, event: Event) -> str:
        """The article's own words for the event's date ("last February")."""
        return " ".join(self._words.get(event.time, "").split())


def _prompt(when: str, event: Event) -> Content:
    summary = " ".join(event.summary.split())
    if len(summary) > 120:
        summary = summary[:119] + "…"
    return Content.assemble((when, "bold"), "\n", summary)
