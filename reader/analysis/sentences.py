"""Sentence spans in linear time, however long a line is.

NLTK runs every regular expression under a wall-clock timeout, so Punkt (and the word tokenizer
after it) on a multi-megabyte line trips it and the sentences are lost. A block longer than
``PIECE`` characters is first cut into pieces of at most ``PIECE`` characters at the last likely
sentence end inside the window ("." "?" or "!" then a space), else at the last space, else
anywhere; Punkt then sees one bounded piece at a time. Each cut looks at one window only, so the
whole is linear; ordinary paragraphs are shorter than a piece and are never cut.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from reader.document.model import Span

PIECE = 5000  # characters: longer than nearly every real paragraph
_ENDS = (". ", "? ", "! ", '." ', '?" ', '!" ', ".” ", "?” ", "!” ", ".\n", "?\n", "!\n")

Splitter = Callable[[str], Iterable[tuple[int, int]]]
"""Punkt's ``span_tokenize``: (start, end) pairs of the sentences of a string."""


def pieces(text: str, span: Span, limit: int = PIECE) -> Iterator[Span]:
    """``span`` cut into consecutive pieces of at most ``limit`` characters."""
    start, end = span.start, span.end
    while end - start > limit:
        cut = _cut(text, start, start + limit)
        yield Span(start, cut)
        start = cut
    yield Span(start, end)


def _cut(text: str, start: int, stop: int) -> int:
    """Where to end a piece that starts at ``start`` and may not pass ``stop``."""
    low = start + (stop - start) // 2  # a cut never makes a piece shorter than half a window
    end = max(text.rfind(mark, low, stop) + len(mark) for mark in _ENDS)
    if end > low:
        return end
    space = max(text.rfind(" ", low, stop), text.rfind("\n", low, stop))
    return space + 1 if space >= low else stop


def sentence_spans(text: str, span: Span, split: Splitter) -> Iterator[Span]:
    """The sentences of ``text[span]``, ``split`` running on one bounded piece at a time."""
    for piece in pieces(text, span):
        chunk = text[piece.start : piece.end]
        for a, b in split(chunk):
            yield Span(piece.start + a, piece.start + b)
