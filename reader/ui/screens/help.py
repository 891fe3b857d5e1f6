"""The help screen: every key, grouped, straight from the key table (so it cannot go stale)."""

from __future__ import annotations

from itertools import groupby

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.ui.keys import KEYS

INTRO = (
    "Brackets jump: ] [ quotes, } { mentions of the selected entity, ) ( timeline events. "
    "Reading keys are less/vim's. Enter on a sidebar row jumps to it."
)


def help_text() -> Content:
    lines: list[Content] = [Content(INTRO), Content("")]
    for group, keys in groupby(
        sorted(KEYS, key=lambda k: _GROUPS.index(k.group)), key=lambda k: k.group
    ):
        lines.append(Content.styled(group, "bold underline"))
        for key in keys:
            shown = key.display or " ".join(key.keys.split(","))
            lines.append(Content.assemble((f"  {shown:<14}", "bold"), key.help))
        lines.append(Content(""))
    lines.append(Content.styled("j k g G space b scroll; Esc, q or ? closes this screen.", "dim"))
    return Content("\n").join(lines)


_GROUPS = list(dict.fromkeys(k.group for k in KEYS))


class HelpBody(VerticalScroll):
    """The help text, scrolled with the reading keys."""

    BINDINGS = [
        Binding("j", "scroll_down", show=False),
        Binding("k", "scroll_up", show=False),
        Binding("g", "scroll_home", show=False),
        Binding("G", "scroll_end", show=False),
        Binding("space,f", "page_down", show=False),
        Binding("b", "page_up", show=False),
    ]


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss", "Close", id="help.close")]

    def compose(self) -> ComposeResult:
        with HelpBody(id="help-body") as body:
            body.border_title = "Keys"
            yield Static(help_text(), id="help-text")
