"""Temporal expressions (TIMEX3) and the document date."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.analysis.model import Sentence, TimeExpr


@dataclass(frozen=True, slots=True)
class TimeResult:
    times: list[TimeExpr]
    date: str | None  # the document date inferred from the text, when no anchor was given


def find_times(text: str, sentences: Sequence[Sentence], anchor: str | None) -> TimeResult:
    """Time expressions normalised against ``anchor`` (placeholder until the tagger lands)."""
    return TimeResult([], None)
