"""Named entities: tagging, consistency passes and grouping of mentions into entities."""

from __future__ import annotations

from collections.abc import Sequence

from reader.analysis.model import Entity, Sentence


def find_entities(text: str, sentences: Sequence[Sentence]) -> list[Entity]:
    """Entities of ``text`` sorted by first mention (placeholder until the tagger lands)."""
    return []
