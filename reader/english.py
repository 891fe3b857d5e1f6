"""English wording shared by the text report and the app: "1 quote", "5 quotes"."""

from __future__ import annotations

from collections.abc import Sized


def count(items: Sized, one: str, many: str = "") -> str:
    """How many ``items``, with the noun in the right number (``many``: ``one`` + "s")."""
    return f"{len(items)} {one if len(items) == 1 else many or one + 's'}"
