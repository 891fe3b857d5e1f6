"""Direct quotes and their speakers."""

from __future__ import annotations

from collections.abc import Sequence

from reader.analysis.model import Entity, Quote, Sentence
from reader.document.model import Span


def find_quotes(text: str, paragraphs: Sequence[Span], sentences: Sequence[Sentence],
                entities: Sequence[Entity]) -> list[Quote]:
    """Quotes in reading order (placeholder until the quote analyser lands)."""
    return []
