"""Title / heading / paragraph detection for plain text, where structure is found, not assumed."""

from __future__ import annotations

import re

from reader.document.model import Block, BlockKind, Span

_LINE = re.compile(r"[^\n]+")
_GROUP = re.compile(r"[^\n]+(?:\n[ \t]*[^\s][^\n]*)*")
_TERMINAL = tuple('.!?,;:"”’)…')


def _looks_like_heading(line: str, max_words: int) -> bool:
    words = line.split()
    return (
        0 < len(words) <= max_words
        and len(line) <= 100
        and not line.rstrip().endswith(_TERMINAL)
        and (line.lstrip()[:1].isupper() or line.lstrip()[:1].isdigit())
    )


def _is_hard_wrapped(text: str) -> bool:
    """True when paragraphs are blank-line separated and their lines wrapped at a fixed width."""
    groups = [g.group() for g in _GROUP.finditer(text)]
    multi = [g for g in groups if "\n" in g]
    if not multi or len(multi) * 3 < len(groups):
        return False
    lines = [len(line) for g in multi for line in g.split("\n")]
    return sorted(lines)[len(lines) // 2] <= 100


def _trimmed(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if end > start else None


def detect_blocks(text: str) -> tuple[Block, ...]:
    """Blocks of ``text``: paragraphs are lines, or blank-line groups when the text is hard-wrapped.

    The first block is the title when it is short and unpunctuated; later short unpunctuated lines
    that are followed by more text are headings.
    """
    pattern = _GROUP if _is_hard_wrapped(text) else _LINE
    spans = [s for m in pattern.finditer(text) if (s := _trimmed(text, m.start(), m.end()))]
    blocks: list[Block] = []
    kind: BlockKind
    for i, span in enumerate(spans):
        chunk = text[span.start : span.end]
        single_line = "\n" not in chunk
        if i == 0 and single_line and len(spans) > 1 and _looks_like_heading(chunk, 25):
            kind = "title"
        elif 0 < i < len(spans) - 1 and single_line and _looks_like_heading(chunk, 12):
            kind = "heading"
        else:
            kind = "paragraph"
        blocks.append(Block(kind, span))
    return tuple(blocks)
