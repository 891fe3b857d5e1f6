"""The wrap index: the article as rows of (block, start, end) character offsets for one width.

Plain Python over `str.rfind`, so a 1 MB article wraps in milliseconds; rows keep offsets into
the document text (never copies), which is what lets search, selection and highlights map a
character to a row with one `bisect`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import NamedTuple

from rich.cells import get_character_cell_size

from reader.document.model import Block

GAP = -1
"""Block number of the blank row between two blocks."""

# Characters that are not exactly one cell wide: East Asian wide, emoji, combining marks.
_NOT_ONE_CELL = re.compile(
    "[\u0300-\u036f\u1100-\u115f\u200b-\u200f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff"
    "\ufe00-\ufe0f\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U0001f000-\U0001faff\U00020000-\U0003fffd]"
)
_SPACE = " \t\n\r\f\v"


class Row(NamedTuple):
    block: int  # index into Document.blocks, or GAP
    start: int
    end: int


class WrapIndex:
    """Rows of the blocks of ``text`` wrapped to ``width`` cells, a blank row between blocks."""

    def __init__(
        self, text: str, blocks: Sequence[Block], width: int, breaks: Sequence[int] = ()
    ) -> None:
        self.width = width = max(1, width)
        self._breaks = breaks
        rows: list[Row] = []
        for number, block in enumerate(blocks):
            if rows:
                rows.append(Row(GAP, rows[-1].end, rows[-1].end))
            start, end = block.span.start, block.span.end
            if _NOT_ONE_CELL.search(text, start, end):
                spans = _wrap_cells(text, start, end, width)
            else:
                spans = self._wrap(text, start, end, width)
            rows.extend(Row(number, a, b) for a, b in spans)
        self.rows = rows
        self.starts = [row.start for row in rows]

    def __len__(self) -> int:
        return len(self.rows)

    def row_of(self, offset: int) -> int:
        """The row showing character ``offset`` (the nearest row when it falls between blocks)."""
        return max(0, bisect_right(self.starts, offset) - 1)

    def _wrap(self, text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
        """Greedy wrap at spaces; a glued-word mark takes a cell, so rows with one wrap shorter."""
        rows = []
        pos = start
        while pos < end:
            limit = pos + width
            if self._breaks:
                limit -= bisect_left(self._breaks, min(limit, end)) - bisect_right(
                    self._breaks, pos
                )
            if limit >= end:
                rows.append((pos, end))
                break
            cut = max(text.rfind(" ", pos, limit + 1), text.rfind("\n", pos, limit + 1))
            if cut > pos:
                rows.append((pos, cut))
                pos = cut + 1
            else:
                rows.append((pos, limit))
                pos = limit
            while pos < end and text[pos] in _SPACE:
                pos += 1
        return rows or [(start, start)]


def _wrap_cells(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """The slow path for wide and zero-width characters: count cells one character at a time."""
    rows = []
    row_start, cells, last_space = start, 0, -1
    pos = start
    while pos < end:
        char = text[pos]
        size = get_character_cell_size(char)
        if char in _SPACE:
            last_space = pos
        if cells + size > width and pos > row_start:
            if last_space > row_start:
                rows.append((row_start, last_space))
                pos = last_space + 1
            else:
                rows.append((row_start, pos))
            while pos < end and text[pos] in _SPACE:
                pos += 1
            row_start, cells, last_space = pos, 0, -1
            continue
        cells += size
        pos += 1
    if row_start < end or not rows:
        rows.append((row_start, end))
    return rows
