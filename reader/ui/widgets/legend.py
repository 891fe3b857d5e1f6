"""The legend: what each highlight style means, drawn with the article's own styles."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.widgets import Static

LAYER_KEYS = (  # (key, layer, [(class, label)])
    (
        "1",
        "entities",
        [("person", "person"), ("org", "organisation"), ("place", "place"), ("other", "other")],
    ),
    ("2", "quotes", [("quote", "quote")]),
    ("3", "times", [("time", "time")]),
    ("4", "breaks", [("break", "¦ glued words")]),
    ("5", "notes", [("mine", "your highlights")]),
)


class Legend(Static):
    """One line per layer, prefixed by the number key that toggles it; hidden layers show as off."""

    def show(self, styles: dict[str, Style], layers: set[str]) -> None:
        text = Text()
        for key, layer, samples in LAYER_KEYS:
            on = layer in layers
            text.append(f"{key} ", "bold" if on else "dim")
            for cls, label in samples:
                text.append(label, styles[cls] if on else Style(dim=True, strike=True))
                text.append(" ")
            if not on:
                text.append("(off)", "dim")
            text.append("\n")
        text.rstrip()
        self.update(text)
