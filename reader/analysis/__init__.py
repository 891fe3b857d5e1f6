"""Document → Analysis. Plain Python: nothing under this package may import Textual.

``analyse`` is imported on first use, so that reading the data model (``reader.analysis.model``:
the store, the UI) does not load every analyser and its regular expressions at start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reader.analysis.model import Analysis

if TYPE_CHECKING:
    from reader.analysis.pipeline import analyse

__all__ = ["Analysis", "analyse"]


def __getattr__(name: str) -> Any:
    if name == "analyse":
        from reader.analysis.pipeline import analyse

        return analyse
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
