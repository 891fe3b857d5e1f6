"""The common base of the sidebar views."""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.ui.keys import bindings


class SidebarList(OptionList):
    """An option list whose rows stand for article positions, and which says why it is empty.
    j/k/g/G move in it as in the article (the "list" keys)."""

    BINDINGS = bindings("list")

    def fill(self, prompts: list[Content], empty: str) -> None:
        """Replace the rows; option ids are row numbers, so ``highlighted`` indexes the items."""
        self.clear_options()
        if prompts:
            self.add_options(Option(prompt, id=str(n)) for n, prompt in enumerate(prompts))
        else:
            self.add_option(Option(empty, disabled=True))

    def on_focus(self, event: events.Focus) -> None:
        """Arriving in a view puts the cursor on its first row, so Enter works straight away."""
        if (
            self.highlighted is None
            and self.option_count
            and not self.get_option_at_index(0).disabled
        ):
            self.highlighted = 0
