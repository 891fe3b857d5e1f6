"""The reading screen: header, article pane, sidebar, search bar, status line and footer.

It owns navigation: every "jump to the next thing" key goes through `_step` (which span comes
next from where the reader is) and `_land` (scroll, flash, status line).  The analysis runs in a
worker thread and reports back with messages; the text is on screen before it starts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, TabbedContent
from textual.worker import get_current_worker

from reader.document.model import Document, Span
from reader.english import count
from reader.ui import clipboard
from reader.ui.annotations import Annotations
from reader.ui.commands import ArticleCommands
from reader.ui.detached import detached
from reader.ui.fold import fold
from reader.ui.keys import bindings
from reader.ui.navigation import Landing, nearest, origin, step
from reader.ui.screens.links import LinksScreen
from reader.ui.settings import save_setting, setting
from reader.ui.widgets.article import FLASH, MEASURE, ArticleView
from reader.ui.widgets.entities import EntityList
from reader.ui.widgets.header import ArticleHeader
from reader.ui.widgets.legend import Legend
from reader.ui.widgets.lists import SidebarList
from reader.ui.widgets.quotes import QuoteList, speaker_of
from reader.ui.widgets.search import INCREMENTAL_LIMIT, SearchBar, find_all
from reader.ui.widgets.sidebar import Sidebar
from reader.ui.widgets.status import StatusLine
from reader.ui.widgets.timeline import TimelineList

if TYPE_CHECKING:  # the analysis package imports its models; the UI must start without them
    from reader.analysis.model import Analysis, Entity, Event, Quote
    from reader.ui.app import ReaderApp


Analyser = Callable[[Document, Callable[[str, float], None]], "Analysis"]
"""Builds the analysis of a document, reporting (step, fraction done) as it goes."""


def pipeline(document: Document, progress: Callable[[str, float], None]) -> Analysis:
    """The real analysis, imported on first use so the text is painted before its models load."""
    from reader.analysis.pipeline import analyse

    return analyse(document, progress=progress)


class Cancelled(Exception):
    """Raised from the progress callback when nobody waits for the analysis any more."""


@dataclass
class AnalysisProgress(Message):
    step: str
    fraction: float


@dataclass
class AnalysisDone(Message):
    analysis: Analysis


@dataclass
class AnalysisFailed(Message):
    error: str


class ReadingScreen(Annotations, Screen):
    """One article; `Annotations` remembers the place and keeps the reader's highlights."""

    BINDINGS = bindings("reading")
    COMMANDS = {ArticleCommands}

    def __init__(
        self, document: Document, *, analyser: Analyser | None = pipeline, flash: float = FLASH
    ) -> None:
        """``analyser=None`` shows the bare text (and no progress bar); ``flash``: seconds a
        jump target stays lit."""
        super().__init__()
        self.document = document
        self._flash = flash
        self.analysis: Analysis | None = None
        self._analyser = analyser
        self._ready = False  # sidebar and search bar mounted
        self._wrapped = ""  # said by the next status message, as vim does
        self._searched = ""
        self._folded: str | None = None  # the text as search sees it, made on the first search

    def compose(self) -> ComposeResult:
        yield ArticleHeader(id="header")
        with Horizontal(id="body"):
            yield ArticleView(
                self.document, measure=setting("width", MEASURE), flash=self._flash, id="article"
            )
        yield StatusLine(id="status")
        yield Footer(compact=True)

    @property
    def article(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def status(self) -> StatusLine:
        return self.query_one(StatusLine)

    @property
    def quote_list(self) -> QuoteList:
        return self.query_one(QuoteList)

    @property
    def entity_list(self) -> EntityList:
        return self.query_one(EntityList)

    @property
    def timeline_list(self) -> TimelineList:
        return self.query_one(TimelineList)

    def on_mount(self) -> None:
        self.query_one(ArticleHeader).show(self.document)
        self.article.focus()
        for warning in self.document.warnings:
            self.notify(warning, severity="warning", markup=False)
        self.call_after_refresh(self._mount_the_rest)

    async def _mount_the_rest(self) -> None:
        """Sidebar and search bar come after the text is painted: styling their many widgets
        costs more than the text itself.  The analysis starts once they are there to show it."""
        body = self.query_one("#body")
        if not body.is_attached:  # the app quit before its first refresh
            return
        await body.mount(Sidebar(id="sidebar"))
        await self.mount(
            SearchBar(placeholder="Search (Enter to keep, Esc to clear)", id="search"),
            before=self.status,
        )
        if not self.query(Legend):  # the screen went (quit, another article) while mounting
            return
        waiting = "Analysing…" if self._analyser is not None else "Analysis is off"
        for rows in self.query(SidebarList):
            rows.fill([], waiting)
        self._update_legend()
        self.watch(self.app, "theme", self._theme_changed, init=False)
        self.watch(self.article, "scroll_y", self._scrolled, init=False)
        self._ready = True
        self.refresh_bindings()
        if self._analyser is not None:
            self.run_analysis(self._analyser)
        else:
            self.status.done("")

    def _theme_changed(self) -> None:
        self.call_after_refresh(self._update_legend)

    # -- analysis ------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="analysis")
    def run_analysis(self, analyser: Analyser) -> None:
        """Analyse off the UI thread. Once this screen goes (another article, quitting), the
        worker is cancelled: it stops waiting at once and the analysis stops at its next step."""
        worker = get_current_worker()

        def progress(step: str, done: float) -> None:
            if worker.is_cancelled:
                raise Cancelled(step)
            self.post_message(AnalysisProgress(step, done))

        try:
            result = detached(lambda: analyser(self.document, progress), worker)
        except Cancelled:
            return
        except Exception as error:
            self.post_message(AnalysisFailed(f"{type(error).__name__}: {error}"))
        else:
            if result is not None:
                self.post_message(AnalysisDone(result))

    def on_analysis_progress(self, message: AnalysisProgress) -> None:
        self.status.progress(message.step, message.fraction)

    def on_analysis_failed(self, message: AnalysisFailed) -> None:
        self.status.done("analysis failed")
        for rows in self.query(SidebarList):
            rows.fill([], "Analysis failed")
        self.notify(
            f"Analysis failed: {message.error}",
            title="The text is still readable",
            severity="error",
            markup=False,
        )

    def on_analysis_done(self, message: AnalysisDone) -> None:
        self.show_analysis(message.analysis)
        for error in message.analysis.errors:
            self.notify(
                error, title="Part of the analysis failed", severity="warning", markup=False
            )

    def show_analysis(self, analysis: Analysis) -> None:
        """Fill the highlights, sidebar and header from a finished analysis."""
        self.analysis = analysis
        self.article.set_analysis(analysis)
        self.entity_list.show(analysis)
        self.quote_list.show(analysis)
        self.timeline_list.show(analysis)
        self.query_one(ArticleHeader).show(self.document, analysis)
        self.status.done(
            f"{count(analysis.entities, 'entity', 'entities')} · "
            f"{count(analysis.quotes, 'quote')} · {count(analysis.timeline, 'event')}"
            + "".join(f" · {notice}" for notice in analysis.notices)
        )

    # -- where to go next ----------------------------------------------------------------------

    def _step(self, spans: Sequence[Span], forward: bool, what: str) -> int | None:
        """Index of the next (or previous) span from what is on screen, wrapping at the ends."""
        if not spans:
            self.status.say(
                f"No {what}" if self.analysis or what == "search matches" else "Still analysing…"
            )
            return None
        article = self.article
        at, past = origin(article.landing, self._here() is not None, article.top_offset)
        number, wrapped = step([s.start for s in spans], forward, at, past)
        if wrapped:
            self._wrapped = f" (wrapped to the {'first' if forward else 'last'})"
        return number

    def _here(self) -> int | None:
        """Where the last jump landed, while it is still on screen; else None (use the view)."""
        landing = self.article.landing
        if landing is not None and self.article.row_visible(landing.offset):
            return landing.offset
        return None

    def _land(self, span: Span, message: str) -> None:
        """Bring ``span`` to the middle of the screen, flash it, and say where we are.  A jump
        closes the narrow screen's overlay, which would cover where it lands."""
        if self.has_class("-overlay"):
            self.remove_class("-overlay")
            self.article.focus()
        self.article.scroll_to_span(span)
        self.article.landing = Landing(span.start, self.article.scroll_y)
        self.article.flash(span)
        self.status.say(message + self._wrapped)
        self._wrapped = ""

    def _scrolled(self, scroll_y: float) -> None:
        """Scrolling away from where a jump landed makes its message stale: clear it."""
        landing = self.article.landing
        if landing is None or landing.scroll_y != scroll_y:
            self.status.say("")

    # -- quotes --------------------------------------------------------------------------------

    def action_next_quote(self) -> None:
        self._quote_step(True)

    def action_prev_quote(self) -> None:
        self._quote_step(False)

    def _quote_step(self, forward: bool) -> None:
        quotes = self.quote_list.quotes
        number = self._step([q.span for q in quotes], forward, "quotes")
        if number is not None:
            self.goto_quote(number)

    def goto_quote(self, number: int) -> None:
        quote = self.quote_list.quotes[number]
        self.article.state.current_quote = quote.span
        self.article.update_highlights()
        self._reveal("quotes", self.quote_list, number)
        self._land(
            quote.span, f"Quote {number + 1}/{len(self.quote_list.quotes)} — {speaker_of(quote)}"
        )

    def action_filter_speaker(self) -> None:
        """Filter to the speaker of the current quote (or of the highlighted row); again to show
        all."""
        if self.quote_list.speaker is not None:
            self.filter_quotes(None)
            return
        current = self._current_quote()
        if current is None:
            self.status.say("Go to a quote first (] or [), then F")
            return
        self.filter_quotes(speaker_of(current))
        self.quote_list.highlighted = self.quote_list.quotes.index(current)

    def filter_quotes(self, speaker: str | None) -> None:
        """Show only ``speaker``'s quotes, so `]`/`[` step through theirs alone (None: all)."""
        quotes = self.quote_list
        quotes.filter(speaker)
        if speaker is None:
            self.status.say("Showing every speaker's quotes")
            return
        self.show_view("quotes")
        self.status.say(
            f"Only {speaker}'s quotes: {len(quotes.quotes)} — ] and [ step through them"
        )

    def _current_quote(self) -> Quote | None:
        quotes = self.quote_list.quotes
        span = self.article.state.current_quote
        if span is not None:
            return next((q for q in quotes if q.span == span), None)
        if quotes and self.quote_list.highlighted is not None:
            return quotes[self.quote_list.highlighted]
        return None

    # -- entities ------------------------------------------------------------------------------

    def select_entity(self, entity: Entity, jump: bool = True) -> None:
        """Make ``entity`` stand out (its mentions; other highlights dim) and go to a mention."""
        self.article.state.entity = entity
        self.article.update_highlights()
        self.refresh_bindings()
        entities = self.entity_list
        self._reveal("entities", entities, entities.entities.index(entity))
        if jump:
            self._step_mention(entity, True)
        else:
            self.status.say(
                f"{entity.name}: {count(entity.mentions, 'mention')} — }} and {{ step through them"
            )

    def on_article_view_clicked(self, message: ArticleView.Clicked) -> None:
        """A click on a name selects its entity; a click in a quote makes it the current quote."""
        if self.analysis is None:
            return
        at = message.offset
        for entity in self.analysis.entities:
            if any(m.start <= at < m.end for m in entity.mentions):
                self.select_entity(entity, jump=False)
                return
        quotes = self.quote_list.quotes
        number = next((n for n, q in enumerate(quotes) if q.span.start <= at < q.span.end), None)
        if number is not None:
            self.article.landing = Landing(quotes[number].span.start, self.article.scroll_y)
            self.article.state.current_quote = quotes[number].span
            self.article.update_highlights()
            self._reveal("quotes", self.quote_list, number)
            self.status.say(f"Quote {number + 1}/{len(quotes)} — {speaker_of(quotes[number])}")

    def action_next_mention(self) -> None:
        self._mention_step(True)

    def action_prev_mention(self) -> None:
        self._mention_step(False)

    def _mention_step(self, forward: bool) -> None:
        """Step through the selected entity's mentions; with none selected, select the entity
        named first on screen (or nearest to it)."""
        entity = self.article.state.entity
        if entity is None and self.analysis is not None:
            top, bottom = self.article.view_offsets
            mentions = [(m.start, e) for e in self.analysis.entities for m in e.mentions]
            entity = nearest(mentions, top, bottom)
            if entity is not None:
                self.select_entity(entity, jump=False)
        if entity is None:
            self.status.say(
                "No entity to follow yet" if self.analysis is None else "No entities found"
            )
            return
        self._step_mention(entity, forward)

    def _step_mention(self, entity: Entity, forward: bool) -> None:
        mentions = sorted(entity.mentions)
        number = self._step(mentions, forward, f"mentions of {entity.name}")
        if number is not None:
            self._land(mentions[number], f"{entity.name}: mention {number + 1}/{len(mentions)}")

    # -- timeline ------------------------------------------------------------------------------

    def action_next_event(self) -> None:
        self._event_step(True)

    def action_prev_event(self) -> None:
        self._event_step(False)

    def _in_text_order(self) -> list[Event]:
        return sorted(self.timeline_list.events, key=lambda e: e.event.start)

    def _event_step(self, forward: bool) -> None:
        events = self._in_text_order()
        number = self._step([e.event for e in events], forward, "timeline events")
        if number is not None:
            self.goto_event(self.timeline_list.events.index(events[number]))

    def goto_event(self, number: int) -> None:
        """Go to event ``number`` of the (chronological) list; the status numbers it in text
        order, the order `)` visits them in."""
        timeline = self.timeline_list
        event = timeline.events[number]
        order = self._in_text_order()
        self._reveal("timeline", timeline, number)
        self._land(
            event.event,
            f"Event {order.index(event) + 1}/{len(order)} in the text — {timeline.when(event)}",
        )

    # -- sidebar -------------------------------------------------------------------------------

    @on(OptionList.OptionSelected)
    def jump_to_row(self, event: OptionList.OptionSelected) -> None:
        """Enter (or a click) on a sidebar row jumps to it in the article."""
        number = event.option_index
        if isinstance(event.option_list, QuoteList):
            self.goto_quote(number)
        elif isinstance(event.option_list, EntityList):
            self.article.landing = None
            self.select_entity(event.option_list.entities[number])
        elif isinstance(event.option_list, TimelineList):
            self.goto_event(number)

    def _reveal(self, view: str, rows: OptionList, number: int) -> None:
        """Select row ``number`` of a view, and bring the view forward if the sidebar is showing."""
        rows.highlighted = number
        if not self.has_class("-narrow") and not self.has_class("-no-sidebar"):
            self.query_one(Sidebar).show_view(view)

    def action_show_view(self, view: str) -> None:
        self.show_view(view)
        self.query_one(f"#{view} OptionList").focus()

    def show_view(self, view: str) -> None:
        """Bring a sidebar view forward, opening the sidebar if it is hidden."""
        self.query_one(Sidebar).show_view(view)
        if self.has_class("-narrow"):
            self.add_class("-overlay")
        else:
            self.remove_class("-no-sidebar")

    def action_links(self) -> None:
        """List the links; one chosen with Enter opens in reader."""

        def chosen(url: str | None) -> None:
            if url:
                self.app.call_later(cast("ReaderApp", self.app).open_source, url)

        self.app.push_screen(LinksScreen(self.document), chosen)

    def action_toggle_sidebar(self) -> None:
        if self.has_class("-narrow"):
            self.toggle_class("-overlay")
            if self.has_class("-overlay"):
                self.query_one(f"#{self.query_one(TabbedContent).active} OptionList").focus()
            else:
                self.article.focus()
        else:
            self.toggle_class("-no-sidebar")

    # -- highlights ----------------------------------------------------------------------------

    def action_toggle_layer(self, layer: str) -> None:
        layers = self.article.state.layers
        layers.symmetric_difference_update({layer})
        if layer == "breaks" and self.analysis is not None:
            self.article.set_analysis(self.analysis)  # the marks take a cell each: rewrap
        self.article.update_highlights()
        self._update_legend()
        self.status.say(f"{layer.capitalize()} highlights {'on' if layer in layers else 'off'}")

    def action_measure(self, change: int) -> None:
        """Widen or narrow the text by ``change`` cells, and remember the width."""
        article = self.article
        shown = article.set_measure(article.measure + change)
        save_setting("width", article.measure)
        fits = f" ({shown} fit in this window)" if shown < article.measure else ""
        self.status.say(f"Text width {article.measure} columns{fits} — < and > change it")

    def _update_legend(self) -> None:
        classes = ("person", "org", "place", "other", "quote", "time", "break", "mine")
        self.query_one(Legend).show(
            {c: self.article.style_of(c) for c in classes}, self.article.state.layers
        )

    # -- search --------------------------------------------------------------------------------

    def action_search(self) -> None:
        bar = self.query_one(SearchBar)
        self.add_class("-searching")
        bar.focus()

    @on(Input.Changed, "#search")
    def search_as_you_type(self, event: Input.Changed) -> None:
        if len(self.document.text) <= INCREMENTAL_LIMIT or not event.value:
            self.search(event.value)

    @on(Input.Submitted, "#search")
    def keep_search(self, event: Input.Submitted) -> None:
        self.remove_class("-searching")
        self.article.focus()
        if event.value != self._searched:
            self.search(event.value)

    def search(self, query: str) -> None:
        """Highlight every match of ``query`` (see `find_all`) and go to the first one on or
        after the view."""
        self._searched = query
        state = self.article.state
        if self._folded is None:
            self._folded = fold(self.document.text)
        state.matches = find_all(self.document.text, query, self._folded)
        state.match = None
        self.article.update_search()
        self.refresh_bindings()
        if state.matches:
            starts = [m.start for m in state.matches]
            self._goto_match(step(starts, True, self.article.top_offset, False)[0])
        elif query:
            self.status.say(f"Not found: {query}")

    def action_next_match(self) -> None:
        self._match_step(True)

    def action_prev_match(self) -> None:
        self._match_step(False)

    def _match_step(self, forward: bool) -> None:
        number = self._step(self.article.state.matches, forward, "search matches")
        if number is not None:
            self._goto_match(number)

    def _goto_match(self, number: int) -> None:
        state = self.article.state
        state.match = number
        span = state.matches[number]
        found = self.document.text[span.start : span.end]
        self._land(span, f"Match {number + 1}/{len(state.matches)} — {found!r}")

    # -- clearing, copying ---------------------------------------------------------------------

    def action_clear(self) -> None:
        """Esc: close the search and the overlay, and drop matches, entity choice and filter."""
        state = self.article.state
        bar = self.query_one(SearchBar)
        if bar.value:
            bar.value = ""  # its Changed clears the matches
        state.matches, state.match, state.entity, state.current_quote = [], None, None, None
        if self.quote_list.speaker is not None:
            self.quote_list.filter(None)
        self.remove_class("-searching", "-overlay")
        self.article.update_highlights()
        self.article.update_search()
        self.article.focus()
        self.refresh_bindings()
        self.status.say("")

    def action_copy(self) -> None:
        """Copy the mouse selection if there is one, else the current quote with its speaker."""
        selected = self.get_selected_text()
        if selected:
            clipboard.copy(self.app, selected)
            self.notify(f"Copied {len(selected)} characters", timeout=2)
            return
        quote = self._current_quote() if self.article.state.current_quote else None
        if quote is None:
            self.status.say(
                "Nothing to copy: select text with the mouse, or go to a quote (] or [)"
            )
            return
        clipboard.copy(self.app, f"{' '.join(quote.text.split())} — {speaker_of(quote)}")
        self.notify(f"Copied the quote of {speaker_of(quote)}", timeout=2, markup=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide keys from the footer (and the palette) while they cannot do anything."""
        if not self._ready:
            return False
        if action in ("next_match", "prev_match"):
            return bool(self.article.state.matches)
        return True
