"""The article pane: a Line API `ScrollView` that renders only the rows on screen.

Rows come from a `WrapIndex` (rebuilt when the width changes), styles from `Marks` (rebuilt when
a highlight changes) and each rendered row is kept in an LRU cache.  Text goes in as plain
strings inside `Segment`s, never as markup, and control characters are replaced first.
Every text segment carries an ``offset`` meta so Textual's mouse selection maps to characters.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip

from reader.document.escape import CONTROL_PICTURES
from reader.document.model import Document, Span
from reader.ui.highlights import HighlightState, Marks, build_marks, search_marks, spot_marks
from reader.ui.keys import bindings
from reader.ui.navigation import Landing
from reader.ui.wrap import GAP, WrapIndex

if TYPE_CHECKING:  # the analysis package imports its models; the UI must start without them
    from reader.analysis.model import Analysis

MEASURE = 80
"""Longest row in cells by default: a comfortable reading measure (`<` and `>` change it)."""
MEASURES = range(30, 201)
"""The measures a reader may choose."""
FLASH = 0.6
"""Seconds a jump target stays lit (0: not at all)."""
GUTTER = 2
"""Cells left of the text for the quote marker."""

# The loader already made controls visible; this is defence in depth for any Document, and lays
# the tabs and newlines of a hard-wrapped paragraph out as spaces.
_SAFE = CONTROL_PICTURES | {0x09: " ", 0x0A: " ", 0x0D: " "}


def sanitize(text: str) -> str:
    """Same length, nothing a terminal would interpret."""
    return text.translate(_SAFE)


class ArticleView(ScrollView, can_focus=True):
    """The article text, wrapped to a centred measure, with highlight layers."""

    BINDINGS = bindings("article")
    COMPONENT_CLASSES = {
        f"article--{name}"
        for name in (
            "title",
            "heading",
            "paragraph",
            "blockquote",
            "person",
            "org",
            "place",
            "other",
            "quote",
            "quote-current",
            "quote-marker",
            "quote-marker-current",
            "time",
            "break",
            "match",
            "match-current",
            "flash",
            "focus",
            "dim",
            "link",
            "mine",
            "mine-note",
        )
    }

    def __init__(
        self,
        document: Document,
        *,
        measure: int = MEASURE,
        flash: float = FLASH,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.document = document
        self.measure = min(max(measure, MEASURES.start), MEASURES.stop - 1)
        self.flash_seconds = flash
        self.landing: Landing | None = None  # where the last jump landed; g and G forget it
        self.analysis: Analysis | None = None
        self.state = HighlightState()
        self._marks = build_marks(None, self.state, document.links)
        self._search = Marks()
        self._index: WrapIndex | None = None
        self._margin = 0
        self._cache: LRUCache[int, Strip] = LRUCache(1024)
        self._styles: dict[str, Style] = {}
        self._breaks: tuple[int, ...] = ()

    # -- content -------------------------------------------------------------------------------

    def set_analysis(self, analysis: Analysis) -> None:
        """Show what the analysis found; glued-word marks take a cell, so the text is rewrapped."""
        self.analysis = analysis
        self._breaks = tuple(sorted(analysis.breaks))
        self._rewrap(force=True)
        self.update_highlights()

    def update_highlights(self) -> None:
        """Rebuild the analysis marks after a change to the layers, entity or current quote."""
        self._marks = build_marks(self.analysis, self.state, self.document.links)
        self._repaint()

    def update_search(self) -> None:
        """Rebuild the search marks after a change to `state.matches`."""
        self._search = search_marks(self.state)
        self._repaint()

    def _repaint(self) -> None:
        self._cache.clear()
        self.refresh()

    @property
    def index(self) -> WrapIndex:
        if self._index is None:
            self._rewrap()
        assert self._index is not None
        return self._index

    def _rewrap(self, force: bool = False) -> None:
        """Wrap for the current width, keeping the first visible character at the top."""
        width = max(1, self.size.width - self.styles.scrollbar_size_vertical)
        measure = max(10, min(self.measure, width - GUTTER - 1))
        self._margin = max(0, (width - measure - GUTTER) // 2)
        self._cache.clear()
        if not force and self._index is not None and self._index.width == measure:
            self.virtual_size = Size(width, len(self._index))
            return
        top = self.top_offset if self._index is not None else 0
        breaks = self._breaks if "breaks" in self.state.layers else ()
        self._index = WrapIndex(self.document.text, self.document.blocks, measure, breaks)
        self.virtual_size = Size(width, len(self._index))
        if top:
            self.scroll_to(y=self._index.row_of(top), animate=False, immediate=True)

    def on_resize(self) -> None:
        self._rewrap()

    def set_measure(self, measure: int) -> int:
        """Wrap to ``measure`` cells (within `MEASURES`); the measure shown, which a narrow
        pane may cap."""
        self.measure = min(max(measure, MEASURES.start), MEASURES.stop - 1)
        self._rewrap()
        return self.index.width

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._cache.clear()

    # -- positions -----------------------------------------------------------------------------

    @property
    def top_offset(self) -> int:
        """The first character on screen."""
        rows = self.index.rows
        return rows[min(len(rows) - 1, round(self.scroll_y))].start if rows else 0

    @property
    def view_offsets(self) -> tuple[int, int]:
        """The first character on screen and the first one below it."""
        rows = self.index.rows
        below = round(self.scroll_y) + self.scrollable_content_region.height
        return self.top_offset, rows[below].start if below < len(rows) else len(self.document.text)

    def row_visible(self, offset: int) -> bool:
        row = self.index.row_of(offset)
        return self.scroll_y <= row < self.scroll_y + self.scrollable_content_region.height

    def scroll_to_span(self, span: Span) -> None:
        """Put ``span`` in the middle of the screen (its start, when it is taller than that)."""
        first, last = (
            self.index.row_of(span.start),
            self.index.row_of(max(span.start, span.end - 1)),
        )
        height = self.scrollable_content_region.height
        middle = (first + last) // 2 if last - first < height else first + height // 2
        self.scroll_to(y=max(0, middle - height // 2), animate=False, immediate=True)

    def flash(self, span: Span) -> None:
        """Briefly light up ``span`` so the eye finds where a jump landed."""
        if self.flash_seconds <= 0:
            return
        self.state.flash = span
        self._repaint()

        def unflash() -> None:
            if self.state.flash == span:
                self.state.flash = None
                self._repaint()

        self.set_timer(self.flash_seconds, unflash)

    @dataclass
    class Clicked(Message):
        """The reader clicked character ``offset`` of the text (not a drag to select)."""

        offset: int

    def on_click(self, event: events.Click) -> None:
        meta = event.style.meta if event.style else {}
        if "offset" in meta and self.text_selection is None:
            x, row = meta["offset"]
            self.post_message(self.Clicked(self.index.rows[row].start + x))

    # -- scrolling (immediate, like less) -------------------------------------------------------

    def action_scroll_lines(self, lines: int) -> None:
        self.scroll_to(y=self.scroll_y + lines, animate=False)

    def action_scroll_pages(self, pages: float) -> None:
        height = self.scrollable_content_region.height
        step = int(height * pages) if abs(pages) < 1 else int((height - 2) * pages)
        self.scroll_to(y=self.scroll_y + step, animate=False)

    def action_scroll_top(self) -> None:
        self.landing = None  # "next" now counts from the start
        self.scroll_to(y=0, animate=False)

    def action_scroll_bottom(self) -> None:
        self.landing = None
        self.scroll_to(y=self.max_scroll_y, animate=False)

    # -- selection -----------------------------------------------------------------------------

    def _char_at(self, row: int, x: int) -> int:
        rows = self.index.rows
        if not rows:
            return 0
        item = rows[min(max(row, 0), len(rows) - 1)]
        return min(item.start + max(x, 0), item.end) if row < len(rows) else item.end

    def _span_of(self, selection: Selection) -> Span:
        start = self._char_at(*selection.start.transpose) if selection.start else 0
        end = self._char_at(*selection.end.transpose) if selection.end else len(self.document.text)
        return Span(start, max(start, end))

    def selected_span(self) -> Span | None:
        """The characters under the mouse selection, if there is one."""
        selection = self.text_selection
        span = self._span_of(selection) if selection is not None else None
        return span if span else None

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """The selected characters of the document (not of the wrapped rows): copy keeps the
        text."""
        span = self._span_of(selection)
        return self.document.text[span.start : span.end], "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        self._cache.clear()
        self.refresh()

    # -- rendering -----------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        row = round(self.scroll_y) + y
        width = self.size.width
        if row >= len(self.index):
            return Strip.blank(width, self.base_style)
        strip = self._cache.get(row)
        if strip is None:
            strip = self._cache[row] = self._render_row(row).crop_extend(0, width, self.base_style)
        return strip

    @property
    def base_style(self) -> Style:
        """The pane's own style (Textual computes `rich_style` afresh on every call: cache it)."""
        if (style := self._styles.get("")) is None:
            style = self._styles[""] = self.rich_style
        return style

    def style_of(self, cls: str) -> Style:
        """The style of a highlight class, from the `.article--<cls>` rule of the theme's CSS.

        Translucent colours (``$primary 12%``) are blended over the pane's background here,
        because a partial Rich style has no alpha channel.
        """
        if (style := self._styles.get(cls)) is None:
            rules = self.get_component_styles(f"article--{cls}")
            background = self.background_colors[1]
            bg = background + rules.background if rules.has_rule("background") else None
            fg = (bg or background) + rules.color if rules.has_rule("color") else None
            if fg and rules.auto_color:  # `color: auto`: black or white, whichever reads on bg
                fg = (bg or background).get_contrast_text(rules.color.a)
            style = Style(
                color=fg.rich_color if fg else None, bgcolor=bg.rich_color if bg else None
            )
            style = self._styles[cls] = style + rules.text_style
        return style

    def _render_row(self, y: int) -> Strip:
        row = self.index.rows[y]
        base = self.base_style
        segments = [Segment(" " * self._margin, base)]
        if row.block == GAP:
            return Strip(segments, self._margin)
        marks = self._marks.between(row.start, row.end) + self._search.between(row.start, row.end)
        marks += [m for m in spot_marks(self.state) if m.start < row.end and m.end > row.start]
        marks.sort(key=lambda m: m.rank)
        quoted = [m for m in marks if m.rank == 1]
        if quoted:
            current = any(m.cls == "quote-current" for m in quoted)
            marker = self.style_of("quote-marker-current" if current else "quote-marker")
            segments.append(Segment("▌ ", base + marker))
        else:
            segments.append(Segment(" " * GUTTER, base))
        kind = self.document.blocks[row.block].kind
        block_style = base + self.style_of(kind)
        cuts = {row.start, row.end}
        for mark in marks:
            cuts.update(c for c in (mark.start, mark.end) if row.start < c < row.end)
        breaks = self._breaks_in(row.start, row.end)
        cuts.update(breaks)
        selected = self._selected_range(y, row.start, row.end)
        if selected:
            cuts.update(selected)
        text = self.document.text
        selection_style = (
            self.screen.get_component_rich_style("screen--selection") if selected else None
        )
        cells = self._margin + GUTTER
        for a, b in pairwise(sorted(cuts)):
            meta = Style.from_meta({"offset": (a - row.start, y)})
            if a in breaks:
                segments.append(Segment("¦", block_style + self.style_of("break") + meta))
                cells += 1
            style = block_style
            for mark in marks:
                if mark.start <= a and b <= mark.end:
                    style += self.style_of(mark.cls)
            if selected and selected[0] <= a and b <= selected[1]:
                style += selection_style
            piece = sanitize(text[a:b])
            segments.append(Segment(piece, style + meta))
            cells += Segment(piece).cell_length
        return Strip(segments, cells)

    def _breaks_in(self, start: int, end: int) -> set[int]:
        if "breaks" not in self.state.layers:
            return set()
        breaks = self._breaks
        return set(breaks[bisect_right(breaks, start) : bisect_left(breaks, end)])

    def _selected_range(self, y: int, start: int, end: int) -> tuple[int, int] | None:
        selection = self.text_selection
        if selection is None or (span := selection.get_span(y)) is None:
            return None
        a, b = span
        return start + min(a, end - start), end if b == -1 else start + min(b, end - start)
