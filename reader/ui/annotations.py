"""The reading screen's memory: resume where the reader left off, marks, and the reader's own
highlights and notes, all kept in the store.  A mixin of `ReadingScreen` (which owns navigation:
``_step``, ``_land``, ``_here``); its handlers run beside the screen's own.

Keys: ``h`` highlights (the mouse selection, else the current quote, match or mention, else the
sentence at the reading position; ``h`` on that sentence again grows it to its paragraph),
``a`` notes, ``x`` deletes, ``U`` undoes once, ``.``/``,`` step through highlights, ``m``/``'``
set and visit marks, ``X`` exports.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from reader.document.model import Document, Span
from reader.english import count
from reader.store import export, library, positions, shared
from reader.store import highlights as hl
from reader.store.location import data_dir
from reader.store.reading import analysis as cached_analysis
from reader.store.reading import open_document
from reader.ui import clipboard
from reader.ui.navigation import Landing
from reader.ui.screens.note import KeyPrompt, NoteScreen
from reader.ui.widgets.article import ArticleView
from reader.ui.widgets.notes import NoteList
from reader.ui.widgets.timeline import TimelineList

if TYPE_CHECKING:
    from reader.analysis.model import Analysis

Analyser = Callable[[Document, Callable[[str, float], None]], "Analysis"]
SAVE_EVERY = 2.0  # seconds between checks that the position changed


def cached(analyser: Analyser | None) -> Analyser | None:
    """``analyser`` behind the store's analysis cache (same text, same analysers: no work)."""
    if analyser is None:
        return None

    def run(document: Document, progress: Callable[[str, float], None]) -> Analysis:
        return cached_analysis(shared(), document, lambda d: analyser(d, progress))[0]

    return run


class Annotations:
    """Mixed into `ReadingScreen`; ``self`` is the screen."""

    notes: list[hl.Highlight]
    document: Document  # the screen's (declared for the closures below)
    status: Any
    _memory: Any = None  # the store's Article for this document, or None while opening

    # -- opening, resuming, saving -------------------------------------------------------------

    def on_mount(self: Any) -> None:
        store = shared()
        opened = open_document(store, self.document)
        self._memory = opened.article
        self._view: ArticleView = self.article
        self._undo: tuple[hl.Highlight | None, int | None] | None = None
        self._before_jump: int | None = None
        saved = store.read(positions.load, opened.article.id)
        self._saved = saved  # the place to go back to, until `_resume` has been there
        self._restore = saved.selection if saved else None  # until the analysis arrives
        self._progress = opened.article.progress
        self._show_notes()
        self.call_after_refresh(self._resume)
        self.set_interval(SAVE_EVERY, self.save_position)

    def on_unmount(self: Any) -> None:
        self.save_position()

    def _resume(self: Any) -> None:
        saved, self._saved = self._saved, None
        if saved is not None and saved.offset:
            self._show_top(saved.offset)
            self.status.say("Back where you left off — g goes to the top")

    def _show_top(self: Any, offset: int) -> None:
        """Scroll so the row of ``offset`` is the first in view (forced: before the first layout
        the pane does not know yet that it can scroll)."""
        row = self.article.index.row_of(min(offset, len(self.document.text)))
        self.article.scroll_to(y=row, animate=False, immediate=True, force=True)

    def on_analysis_done(self: Any, message: Any) -> None:
        """Bring back the quote / entity / event selected last time, without moving the text."""
        analysis = message.analysis
        if analysis.date and self._memory is not None:
            shared().write(library.set_date, self._memory.id, analysis.date)
        kind, _, value = (self._restore or "").partition(":")
        self._restore = None
        if kind == "quote" and value.isdigit() and int(value) < len(analysis.quotes):
            quote = analysis.quotes[int(value)]
            self.article.state.current_quote = quote.span
            self.article.update_highlights()
            self._reveal("quotes", self.quote_list, self.quote_list.quotes.index(quote))
        elif kind == "entity":
            entity = next((e for e in analysis.entities if e.id == value), None)
            if entity is not None:
                self.select_entity(entity, jump=False)
        elif kind == "event" and value.isdigit() and int(value) < len(self.timeline_list.events):
            self._reveal("timeline", self.timeline_list, int(value))

    def _selection(self: Any) -> str | None:
        """What is selected, by number in the analysis (no queries: called on unmount too)."""
        state, found = self._view.state, self.analysis
        if found is None:
            return None
        spans = [q.span for q in found.quotes]
        if state.current_quote in spans:
            return f"quote:{spans.index(state.current_quote)}"
        if state.entity is not None:
            return f"entity:{state.entity.id}"
        timeline = self.query(TimelineList)
        if timeline and timeline.first().highlighted is not None:
            return f"event:{timeline.first().highlighted}"
        return None

    def save_position(self: Any) -> None:
        """Keep the first character in view, the selection and the progress (when they changed)."""
        if self._memory is None or self._saved is not None:
            return  # not resumed yet: the top is not where the reader is
        view = self._view  # kept: on unmount the screen's children are already gone
        rows = view.index.rows
        if not rows:
            return
        selection = self._selection() if self._restore is None else self._restore
        position = positions.Position(view.top_offset, selection)
        bottom = rows[min(len(rows) - 1, round(view.scroll_y) + view.size.height)]
        self._progress = progress = max(
            self._progress, bottom.end / max(1, len(self.document.text))
        )
        if (position, progress) == getattr(self, "_last_saved", None):
            return
        self._last_saved = (position, progress)

        def save(conn: Any) -> None:
            positions.save(conn, self._memory.id, position)
            library.set_progress(conn, self._memory.id, progress)

        shared().write(save)

    # -- the reader's highlights ---------------------------------------------------------------

    def _show_notes(self: Any) -> None:
        """Reload the highlights, redraw their layer and the Notes view."""
        self.notes = shared().read(hl.of_article, self._memory.id)
        self.article.state.mine = [(h.span, bool(h.note)) for h in self.notes if not h.orphaned]
        self.article.update_highlights()
        for view in self.query(NoteList):
            view.show(self.notes)

    def _article_id(self: Any) -> int:
        """The article's row; one forgotten from the library while open is remembered again."""
        store = shared()
        if store.read(library.find, self._memory.source) is None:
            self._memory = open_document(store, self.document).article
        return int(self._memory.id)

    def _placed(self: Any) -> list[hl.Highlight]:
        return [h for h in self.notes if not h.orphaned]

    def _target(self: Any) -> Span | None:
        """What ``h`` highlights: the selection, else the current quote, match or mention while
        it is on screen (scrolled away, it is no longer what the reader looks at)."""
        state = self.article.state
        if (span := self.article.selected_span()) is not None:
            return span
        current = [state.current_quote]
        if state.match is not None and state.matches:
            current.append(state.matches[state.match])
        if state.entity is not None and (here := self._here()) is not None:
            current.append(next((m for m in state.entity.mentions if m.start == here), None))
        return next((s for s in current if s is not None and self._on_screen(s)), None)

    def _on_screen(self: Any, span: Span) -> bool:
        view = self.article
        return view.row_visible(span.start) or view.row_visible(max(span.start, span.end - 1))

    def _sentence_here(self: Any) -> Span:
        """The sentence at the reading position: under the cursor, else the first that starts in
        view (a paragraph while there are no sentences: the analysis runs, or is off)."""
        found = self.analysis.sentences if self.analysis is not None else ()
        spans = [s.span for s in found] or self._paragraphs()
        here = self._here()
        n = _containing(spans, here if here is not None else self.article.top_offset)
        if here is None and spans[n].start < self.article.top_offset and n + 1 < len(spans):
            n += 1  # the first one wholly in view
        return spans[n]

    def _paragraphs(self: Any) -> list[Span]:
        return [b.span for b in self.document.blocks] or [Span(0, len(self.document.text))]

    def _paragraph_of(self: Any, at: int) -> Span:
        paragraphs = self._paragraphs()
        return paragraphs[_containing(paragraphs, at)]

    def action_highlight(self: Any) -> None:
        span = self._target()
        if span is not None:
            if any(h.span == span for h in self._placed()):
                self.status.say("Already highlighted — a adds a note, x deletes")
            else:
                self._add(span)
            return
        sentence = self._sentence_here()
        same = next((h for h in self._placed() if h.span == sentence), None)
        paragraph = self._paragraph_of(sentence.start)
        if same is None:
            self._add(sentence, said="Sentence highlighted — h again: its paragraph")
        elif paragraph == sentence:
            self.status.say("Already highlighted — a adds a note, x deletes")
        else:  # h again on a highlighted sentence: grow it to the paragraph
            self._replace(same, paragraph)

    def _add(self: Any, span: Span, said: str = "Highlighted — a adds a note") -> hl.Highlight:
        made = shared().write(hl.add, self._article_id(), self.document.text, span)
        self._undo = (None, made.id)
        self.article.landing = Landing(span.start, self.article.scroll_y)
        if self.article.text_selection is not None:
            self.clear_selection()
        self._show_notes()
        self.status.say(said)
        return made

    def _replace(self: Any, old: hl.Highlight, span: Span) -> None:
        article, text = self._article_id(), self.document.text

        def swap(conn: Any) -> hl.Highlight:
            hl.delete(conn, old.id)
            return hl.add(conn, article, text, span, old.note)

        made = shared().write(swap)
        self._undo = (old, made.id)
        self.article.landing = Landing(span.start, self.article.scroll_y)
        self._show_notes()
        self.status.say("Highlighted the paragraph")

    def _chosen(self: Any) -> tuple[Span | None, hl.Highlight | None]:
        """What ``a`` and ``x`` act on: the highlight where the last jump landed; else the
        current quote, match, mention or selection (and its highlight, if it has one); else the
        first highlight in view."""
        here = self._here()
        if here is not None:
            found = next((h for h in self._placed() if h.span.start <= here < h.span.end), None)
            if found is not None:
                return found.span, found
        span = self._target()
        if span is not None:
            return span, next((h for h in self._placed() if h.span == span), None)
        top = self.article.top_offset
        in_view = (
            h for h in self._placed() if h.span.end > top and self.article.row_visible(h.span.start)
        )
        return None, next(in_view, None)

    def action_note(self: Any) -> None:
        span, target = self._chosen()
        if target is None:
            target = self._add(span or self._sentence_here())

        def done(text: str | None) -> None:
            if text is None or text == target.note:
                return
            shared().write(hl.set_note, target.id, text)
            self._undo = (target, target.id)
            self._show_notes()
            self.status.say("Note saved" if text else "Note removed")

        self.app.push_screen(NoteScreen(target.quote.exact, target.note), done)

    def action_delete_highlight(self: Any) -> None:
        _, target = self._chosen()
        if target is None:
            self.status.say("No highlight here — . and , step to one")
            return
        shared().write(hl.delete, target.id)
        self._undo = (target, None)
        self._show_notes()
        self.status.say("Highlight deleted — U brings it back")

    def action_undo(self: Any) -> None:
        if self._undo is None:
            self.status.say("Nothing to undo")
            return
        before, after = self._undo
        self._undo = None

        def undo(conn: Any) -> None:
            if after is not None:
                hl.delete(conn, after)
            if before is not None:
                hl.restore(conn, replace(before, article_id=article))

        article = self._article_id()
        shared().write(undo)
        self._show_notes()
        self.status.say("Undone")

    def action_next_highlight(self: Any) -> None:
        self._highlight_step(True)

    def action_prev_highlight(self: Any) -> None:
        self._highlight_step(False)

    def _highlight_step(self: Any, forward: bool) -> None:
        placed = self._placed()
        number = self._step([h.span for h in placed], forward, "highlights of yours")
        if number is not None:
            self.goto_highlight(placed[number])

    def goto_highlight(self: Any, h: hl.Highlight) -> None:
        self._before_jump = self.article.top_offset
        placed = self._placed()
        note = " ".join(h.note.split())
        said = f" — {note[:60]}" if note else ""
        self._reveal("notes", self.query_one(NoteList), self.notes.index(h))
        self._land(h.span, f"Highlight {placed.index(h) + 1}/{len(placed)}{said}")

    def on_option_list_option_selected(self: Any, event: Any) -> None:
        if isinstance(event.option_list, NoteList) and event.option_index < len(self.notes):
            chosen = self.notes[event.option_index]
            if chosen.orphaned:
                self.status.say("Orphaned: its text is no longer in the article")
            else:
                self.goto_highlight(chosen)

    # -- marks ---------------------------------------------------------------------------------

    def action_set_mark(self: Any) -> None:
        def set_mark(letter: str | None) -> None:
            if letter and letter != "'":
                here = self._here()
                at = here if here is not None else self.article.top_offset
                shared().write(positions.set_mark, self._article_id(), letter, at)
                self.status.say(f"Mark {letter} set — '{letter} comes back here")

        self.app.push_screen(KeyPrompt("Mark: press a letter"), set_mark)

    def action_goto_mark(self: Any) -> None:
        def go(letter: str | None) -> None:
            if letter is None:
                return
            if letter == "'":
                offset = self._before_jump
            else:
                offset = shared().read(positions.marks, self._memory.id).get(letter)
            if offset is None:
                self.status.say(f"No mark {letter}" if letter != "'" else "No jump to go back from")
                return
            self._before_jump = self.article.top_offset
            self._show_top(offset)
            self.status.say(f"Mark {letter}" if letter != "'" else "Back")

        self.app.push_screen(KeyPrompt("Go to mark: press its letter"), go)

    # -- export --------------------------------------------------------------------------------

    def action_export(self: Any) -> None:
        """This article's highlights as Markdown: to a file in the store's folder, and copied."""
        store = shared()
        article = store.read(library.find, self._memory.source) or self._memory
        text = export.markdown(article, self.notes)
        name = "".join(c if c.isalnum() else "-" for c in (article.title or "article").lower())
        path = data_dir() / "exports" / f"{name.strip('-')[:60] or 'article'}.md"
        clipboard.copy(self.app, text)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        except OSError as error:
            self.notify(f"Copied; could not write {path}: {error.strerror}", severity="warning")
            return
        self.notify(
            f"Exported {count(self.notes, 'highlight')} to {path} (and copied)", markup=False
        )


def _containing(spans: list[Span], at: int) -> int:
    """Index of the span that holds ``at`` (or the next one; the last after the end)."""
    return min(bisect_left([s.end for s in spans], at + 1), len(spans) - 1)
