"""Which styles cover which characters: the highlight layers as sorted marks over the text.

Pure data (no Textual): the article pane asks `Marks.between(start, end)` for one row and turns
each mark's class into a style from the CSS (`.article--<class>` in styles/reader.tcss).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from reader.document.model import Link, Span

if TYPE_CHECKING:  # the analysis package imports its models; the UI must start without them
    from reader.analysis.model import Analysis, Entity

LAYERS = ("entities", "quotes", "times", "breaks", "notes")
ENTITY_CLASS = {"PERSON": "person", "ORG": "org", "LOC": "place", "MISC": "other"}
LEGEND = (  # (class, label) in the order the legend shows them
    ("person", "person"),
    ("org", "organisation"),
    ("place", "place"),
    ("other", "other"),
    ("quote", "quote"),
    ("time", "time"),
    ("break", "¦ glued words"),
    ("match", "search match"),
    ("mine", "your highlight"),
)


class Mark(NamedTuple):
    start: int
    end: int
    cls: str
    rank: int  # higher ranks paint over lower ones


class Marks:
    """Marks sorted by start, with the longest length so a window query can stop early."""

    def __init__(self, marks: Iterable[Mark] = ()) -> None:
        self.marks = sorted(marks)
        self.starts = [m.start for m in self.marks]
        self.longest = max((m.end - m.start for m in self.marks), default=0)

    def between(self, start: int, end: int) -> list[Mark]:
        """Marks overlapping ``[start, end)``."""
        lo = bisect_left(self.starts, start - self.longest)
        hi = bisect_left(self.starts, end)
        return [m for m in self.marks[lo:hi] if m.end > start]


@dataclass(slots=True)
class HighlightState:
    """What the reader chose to see; the pane rebuilds its marks from this and the analysis."""

    layers: set[str] = field(default_factory=lambda: set(LAYERS))
    entity: Entity | None = None  # the selected entity: its mentions stand out, the rest dim
    current_quote: Span | None = None
    matches: list[Span] = field(default_factory=list)
    match: int | None = None  # index into matches
    flash: Span | None = None
    mine: list[tuple[Span, bool]] = field(default_factory=list)  # the reader's own, noted or not


def build_marks(
    analysis: Analysis | None, state: HighlightState, links: Sequence[Link] = ()
) -> Marks:
    """The analysis layers that are on, over the document's links (always underlined); the
    selected entity dims every other highlight."""
    marks = [Mark(link.span.start, link.span.end, "link", 0) for link in links]
    dim = state.entity is not None
    if analysis is not None:
        if "quotes" in state.layers:
            for quote in analysis.quotes:
                cls = "quote-current" if quote.span == state.current_quote else "quote"
                marks.append(Mark(quote.span.start, quote.span.end, "dim" if dim else cls, 1))
        if "times" in state.layers:
            marks.extend(
                Mark(t.span.start, t.span.end, "dim" if dim else "time", 2) for t in analysis.times
            )
        if "entities" in state.layers or dim:
            for entity in analysis.entities:
                if entity == state.entity:
                    cls = "focus"
                elif "entities" not in state.layers:
                    continue
                else:
                    cls = "dim" if dim else ENTITY_CLASS.get(entity.type, "other")
                marks.extend(Mark(m.start, m.end, cls, 3) for m in entity.mentions)
    if "notes" in state.layers:
        marks.extend(user_marks(state))
    return Marks(marks)


def user_marks(state: HighlightState) -> list[Mark]:
    """The reader's own highlights: a background under the analysis colours (a noted one is
    underlined too); rank 2 keeps them clear of the quote marker's rank."""
    return [Mark(s.start, s.end, "mine-note" if noted else "mine", 2) for s, noted in state.mine]


def search_marks(state: HighlightState) -> Marks:
    """The search matches: kept apart so typing a search does not rebuild the analysis layers."""
    return Marks(Mark(s.start, s.end, "match", 5) for s in state.matches)


def spot_marks(state: HighlightState) -> list[Mark]:
    """The single spans that change on every jump (flash, current match): never worth a rebuild."""
    spots = [Mark(state.flash.start, state.flash.end, "flash", 4)] if state.flash else []
    if state.match is not None:
        current = state.matches[state.match]
        spots.append(Mark(current.start, current.end, "match-current", 6))
    return spots
