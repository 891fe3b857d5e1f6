"""One table of every key: the bindings, the footer, the help screen and the palette all read it.

Scheme: reading keys are the ones `less` and vim users already have in their fingers (j/k,
space/b, d/u, g/G, / with n/N).  "Jump to the next thing" uses the closing bracket and "previous"
the opening one, so one pattern covers all three structures: `]`/`[` quotes, `}`/`{` mentions of
the selected entity, `)`/`(` timeline events; `.`/`,` (the unshifted `>`/`<`) step through the
reader's own highlights.  None of them collides with a less/vim reading key.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from textual.binding import Binding

Scope = Literal["article", "reading", "app"]


@dataclass(frozen=True, slots=True)
class Key:
    """One user action: where it is bound, its keys, and how it is described."""

    id: str
    scope: Scope  # article pane, reading screen, or the whole app
    keys: str  # Textual key names, comma separated; the first is the one shown
    action: str
    label: str  # short, for the footer and help
    help: str  # a sentence, for the help screen and command palette
    group: str
    footer: bool = False
    palette: bool = True
    display: str | None = None


KEYS: tuple[Key, ...] = (
    # Reading (article pane)
    Key(
        "scroll.down",
        "article",
        "j,down",
        "scroll_lines(1)",
        "Line down",
        "Scroll one line down",
        "Reading",
        palette=False,
        display="j ↓",
    ),
    Key(
        "scroll.up",
        "article",
        "k,up",
        "scroll_lines(-1)",
        "Line up",
        "Scroll one line up",
        "Reading",
        palette=False,
        display="k ↑",
    ),
    Key(
        "page.down",
        "article",
        "space,pagedown,f",
        "scroll_pages(1)",
        "Page down",
        "Scroll one page down",
        "Reading",
        palette=False,
        display="space PgDn f",
    ),
    Key(
        "page.up",
        "article",
        "b,pageup",
        "scroll_pages(-1)",
        "Page up",
        "Scroll one page up",
        "Reading",
        palette=False,
        display="b PgUp",
    ),
    Key(
        "half.down",
        "article",
        "d",
        "scroll_pages(0.5)",
        "Half page down",
        "Scroll half a page down",
        "Reading",
        palette=False,
    ),
    Key(
        "half.up",
        "article",
        "u",
        "scroll_pages(-0.5)",
        "Half page up",
        "Scroll half a page up",
        "Reading",
        palette=False,
    ),
    Key(
        "top",
        "article",
        "g,home",
        "scroll_top",
        "Top",
        "Go to the start of the article",
        "Reading",
        display="g Home",
    ),
    Key(
        "bottom",
        "article",
        "G,end",
        "scroll_bottom",
        "Bottom",
        "Go to the end of the article",
        "Reading",
        display="G End",
    ),
    # Navigate (reading screen: work from the sidebar too)
    Key(
        "quote.next",
        "reading",
        "right_square_bracket",
        "next_quote",
        "Next quote",
        "Jump to the next quote",
        "Navigate",
        footer=True,
        display="]",
    ),
    Key(
        "quote.prev",
        "reading",
        "left_square_bracket",
        "prev_quote",
        "Prev quote",
        "Jump to the previous quote",
        "Navigate",
        display="[",
    ),
    Key(
        "mention.next",
        "reading",
        "right_curly_bracket",
        "next_mention",
        "Next mention",
        "Jump to the next mention of the selected entity",
        "Navigate",
        footer=True,
        display="}",
    ),
    Key(
        "mention.prev",
        "reading",
        "left_curly_bracket",
        "prev_mention",
        "Prev mention",
        "Jump to the previous mention of the selected entity",
        "Navigate",
        display="{",
    ),
    Key(
        "event.next",
        "reading",
        "right_parenthesis",
        "next_event",
        "Next event",
        "Jump to the next timeline event",
        "Navigate",
        display=")",
    ),
    Key(
        "event.prev",
        "reading",
        "left_parenthesis",
        "prev_event",
        "Prev event",
        "Jump to the previous timeline event",
        "Navigate",
        display="(",
    ),
    Key(
        "search",
        "reading",
        "slash",
        "search",
        "Search",
        "Search the article",
        "Search",
        footer=True,
        display="/",
    ),
    Key(
        "search.next",
        "reading",
        "n",
        "next_match",
        "Next match",
        "Go to the next search match",
        "Search",
        footer=True,
    ),
    Key(
        "search.prev",
        "reading",
        "N",
        "prev_match",
        "Prev match",
        "Go to the previous search match",
        "Search",
    ),
    Key(
        "clear",
        "reading",
        "escape",
        "clear",
        "Clear",
        "Clear the search, the selected entity and the speaker filter",
        "Search",
        display="Esc",
    ),
    # Highlights
    Key(
        "layer.entities",
        "reading",
        "1",
        "toggle_layer('entities')",
        "Entities",
        "Toggle the entity highlights",
        "Highlights",
    ),
    Key(
        "layer.quotes",
        "reading",
        "2",
        "toggle_layer('quotes')",
        "Quotes",
        "Toggle the quote highlights",
        "Highlights",
    ),
    Key(
        "layer.times",
        "reading",
        "3",
        "toggle_layer('times')",
        "Times",
        "Toggle the time-expression highlights",
        "Highlights",
    ),
    Key(
        "layer.breaks",
        "reading",
        "4",
        "toggle_layer('breaks')",
        "Breaks",
        "Toggle the marks where lost line breaks glued words",
        "Highlights",
    ),
    Key(
        "layer.notes",
        "reading",
        "5",
        "toggle_layer('notes')",
        "Yours",
        "Toggle your own highlights",
        "Highlights",
    ),
    # Your highlights, notes and marks (kept between sessions)
    Key(
        "highlight",
        "reading",
        "h",
        "highlight",
        "Highlight",
        "Highlight the selection, current quote, match or mention; else the sentence in view "
        "(again: its paragraph)",
        "Notes",
        footer=True,
    ),
    Key(
        "note",
        "reading",
        "a",
        "note",
        "Note",
        "Add or edit the note of the highlight here (Markdown; makes a highlight if needed)",
        "Notes",
    ),
    Key(
        "highlight.next",
        "reading",
        "full_stop",
        "next_highlight",
        "Next highlight",
        "Jump to your next highlight (. and , are the unshifted > and <)",
        "Notes",
        display=".",
    ),
    Key(
        "highlight.prev",
        "reading",
        "comma",
        "prev_highlight",
        "Prev highlight",
        "Jump to your previous highlight",
        "Notes",
        display=",",
    ),
    Key(
        "highlight.delete",
        "reading",
        "x",
        "delete_highlight",
        "Delete",
        "Delete the highlight here, with its note",
        "Notes",
    ),
    Key(
        "undo",
        "reading",
        "U",
        "undo",
        "Undo",
        "Undo the last highlight, note or delete",
        "Notes",
    ),
    Key(
        "mark.set",
        "reading",
        "m",
        "set_mark",
        "Set mark",
        "Set a mark here: m then a letter",
        "Notes",
        display="m+letter",
    ),
    Key(
        "mark.go",
        "reading",
        "apostrophe",
        "goto_mark",
        "Go to mark",
        "Go back to a mark: ' then its letter ('' back to before the last jump to a mark)",
        "Notes",
        display="'+letter",
    ),
    Key(
        "export",
        "reading",
        "X",
        "export",
        "Export",
        "Export this article's highlights and notes as Markdown (a file; the path is shown)",
        "Notes",
    ),
    # Sidebar
    Key(
        "sidebar",
        "reading",
        "s",
        "toggle_sidebar",
        "Sidebar",
        "Show or hide the sidebar",
        "Sidebar",
        footer=True,
    ),
    Key(
        "view.entities",
        "reading",
        "E",
        "show_view('entities')",
        "Entities view",
        "Show the Entities view",
        "Sidebar",
    ),
    Key(
        "view.quotes",
        "reading",
        "Q",
        "show_view('quotes')",
        "Quotes view",
        "Show the Quotes view",
        "Sidebar",
    ),
    Key(
        "view.timeline",
        "reading",
        "T",
        "show_view('timeline')",
        "Timeline view",
        "Show the Timeline view",
        "Sidebar",
    ),
    Key(
        "view.notes",
        "reading",
        "A",
        "show_view('notes')",
        "Notes view",
        "Show the Notes view: your highlights and notes",
        "Sidebar",
    ),
    Key(
        "filter",
        "reading",
        "F",
        "filter_speaker",
        "Filter speaker",
        "Show only the quotes of the current quote's speaker (again to show all)",
        "Sidebar",
    ),
    Key(
        "focus.next",
        "app",
        "tab",
        "app.focus_next",
        "Next pane",
        "Move focus between the article and the sidebar",
        "Sidebar",
        palette=False,
        display="Tab",
    ),
    Key(
        "focus.prev",
        "app",
        "shift+tab",
        "app.focus_previous",
        "Prev pane",
        "Move focus back",
        "Sidebar",
        palette=False,
        display="⇧Tab",
    ),
    # App
    Key(
        "copy",
        "reading",
        "c,y",
        "copy",
        "Copy",
        "Copy the mouse selection, or the current quote with its speaker",
        "App",
        display="c y",
    ),
    Key("open", "app", "o", "open", "Open", "Open a file or URL", "App"),
    Key("library", "app", "L", "library", "Library", "Show the library of articles", "App"),
    Key(
        "theme",
        "app",
        "ctrl+t",
        "change_theme",
        "Theme",
        "Switch the colour theme",
        "App",
        display="^t",
    ),
    Key(
        "palette",
        "app",
        "ctrl+p",
        "command_palette",
        "Commands",
        "Open the command palette: actions, and the article's entities, speakers and events by name",
        "App",
        palette=False,
        display="^p",
    ),
    Key(
        "help",
        "app",
        "question_mark,f1",
        "help",
        "Help",
        "Show every key",
        "App",
        footer=True,
        display="? F1",
    ),
    Key("quit", "app", "q", "quit", "Quit", "Quit reader", "App", footer=True),
)


def bindings(scope: Scope) -> list[Binding]:
    """The Textual bindings of one scope, with ids so users can remap them in a keymap."""
    return [
        Binding(
            k.keys, k.action, k.label, show=k.footer, key_display=k.display, id=k.id, tooltip=k.help
        )
        for k in KEYS
        if k.scope == scope
    ]
