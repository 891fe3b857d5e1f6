"""Chronological events from time expressions."""

from __future__ import annotations

from collections.abc import Sequence

from reader.analysis.model import Event, Sentence, TimeExpr


def build_timeline(text: str, sentences: Sequence[Sentence], times: Sequence[TimeExpr],
                   date: str | None) -> list[Event]:
    """Events in chronological order (placeholder until the timeline lands)."""
    return []
