"""Pilot tests of the reading screen: they drive the real app with keys and check what it shows."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Label, OptionList
from ui_fixture import analysed, drag_select, palette_run, seed_app, seed_document, toasts

from reader.document.model import Block, Document, Span
from reader.ui.app import ReaderApp
from reader.ui.screens.help import HelpScreen
from reader.ui.screens.open import OpenScreen
from reader.ui.screens.reading import ReadingScreen
from reader.ui.widgets.article import ArticleView

WIDE, NARROW = (160, 45), (80, 24)


@pytest.fixture(autouse=True)
def state_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_STATE_DIR", str(tmp_path / "state"))


def style_at(article: ArticleView, offset: int):
    """The Rich style the pane paints character ``offset`` with."""
    row = article.index.row_of(offset)
    start = article.index.rows[row].start
    for segment in article._render_row(row):
        meta = segment.style.meta if segment.style else {}
        if "offset" in meta and segment.text != "¦":
            x = meta["offset"][0]
            if start + x <= offset < start + x + len(segment.text):
                return segment.style
    raise AssertionError(f"offset {offset} not rendered")


async def test_text_is_painted_before_analysis():
    app = ReaderApp(document=seed_document(), analyser=None)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        article = app.screen.query_one(ArticleView)
        lines = [article.render_line(y).text for y in range(10)]
        assert any("NATO pledges to support Kyiv" in line for line in lines)
        assert "Analysis is off" in str(
            app.screen.query_one("#entity-list", OptionList).get_option_at_index(0).prompt
        )


async def test_next_and_previous_quote_scroll_and_select():
    async with seed_app().run_test(size=NARROW) as pilot:
        screen = await analysed(pilot)
        quotes = screen.analysis.quotes
        for _ in range(4):
            await pilot.press("right_square_bracket")
        assert screen.article.row_visible(quotes[3].span.start)
        assert screen.article.scroll_y > 0
        assert screen.quote_list.highlighted == 3
        assert "Quote 4/5 — Jens Stoltenberg" in str(screen.query_one("#status-message").render())
        await pilot.press("left_square_bracket")
        assert screen.quote_list.highlighted == 2
        assert screen.article.row_visible(quotes[2].span.start)
        assert screen.article.state.current_quote == quotes[2].span


async def test_quote_navigation_wraps_and_copies_with_speaker():
    async with seed_app().run_test(size=WIDE) as pilot:
        screen = await analysed(pilot)
        await pilot.press("left_square_bracket")  # from the top, "previous" wraps to the last
        assert screen.quote_list.highlighted == 4
        await pilot.press("c")
        assert pilot.app.clipboard.endswith("illegal war.” — Jens Stoltenberg")


async def test_entity_selection_highlights_its_mentions_and_steps_through_them():
    async with seed_app().run_test(size=WIDE) as pilot:
        screen = await analysed(pilot)
        article = screen.article
        await pilot.press("E")  # the Entities view, focused
        entities = screen.query_one("#entity-list", OptionList)
        assert screen.focused is entities
        stoltenberg = next(
            n for n, e in enumerate(entities.entities) if e.name == "Jens Stoltenberg"
        )
        entities.highlighted = stoltenberg
        await pilot.press("enter")
        entity = entities.entities[stoltenberg]
        assert article.state.entity == entity
        first, second = entity.mentions
        assert article.row_visible(first.start)
        focus, dim = article.style_of("focus"), article.style_of("dim")
        assert style_at(article, first.start).bgcolor == focus.bgcolor
        assert style_at(article, second.start).bgcolor == focus.bgcolor
        nato = screen.analysis.entities[3].mentions[0]
        assert style_at(article, nato.start).color == dim.color
        await pilot.press("right_curly_bracket")
        assert "Jens Stoltenberg: mention 2/2" in str(screen.query_one("#status-message").render())
        assert article.row_visible(second.start)
        await pilot.press("escape")
        assert article.state.entity is None


async def test_enter_on_a_sidebar_row_jumps_to_it():
    async with seed_app().run_test(size=NARROW) as pilot:
        screen = await analysed(pilot)
        await pilot.press("T")
        timeline = screen.query_one("#timeline-list", OptionList)
        assert screen.has_class("-overlay") and screen.focused is timeline
        assert str(timeline.get_option_at_index(0).prompt).startswith(
            "April 2008\n"
        )  # dates read as words
        await pilot.press("down", "down", "enter")
        assert timeline.highlighted == 2
        assert screen.article.row_visible(timeline.events[2].event.start)
        await pilot.press("Q", "down", "down", "down", "enter")
        assert screen.article.row_visible(screen.analysis.quotes[3].span.start)
        assert screen.article.state.current_quote == screen.analysis.quotes[3].span


async def test_speaker_filter_limits_quote_navigation():
    async with seed_app().run_test(size=WIDE) as pilot:
        screen = await analysed(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket", "F")
        assert [q.speaker.name for q in screen.quote_list.quotes] == [
            "Dimitro Kuleba",
            "Dimitro Kuleba",
        ]
        await pilot.press("right_square_bracket")
        assert "Quote 2/2 — Dimitro Kuleba" in str(screen.query_one("#status-message").render())
        await pilot.press("F")
        assert len(screen.quote_list.quotes) == 5


async def test_search_highlights_matches_and_n_moves_between_them():
    async with seed_app().run_test(size=NARROW) as pilot:
        screen = await analysed(pilot)
        await pilot.press("slash", *"ukraine", "enter")
        state = screen.article.state
        text = screen.document.text
        assert len(state.matches) == text.lower().count("ukraine")
        assert state.match == 0 and screen.focused is screen.article
        for _ in range(5):
            await pilot.press("n")
        assert state.match == 5
        assert screen.article.row_visible(state.matches[5].start)
        await pilot.press("N")
        assert state.match == 4
        assert (
            style_at(screen.article, state.matches[4].start).bgcolor
            == screen.article.style_of("match-current").bgcolor
        )
        await pilot.press("escape")
        assert state.matches == [] and not screen.has_class("-searching")


async def test_layer_toggles_remove_and_restore_highlights():
    async with seed_app().run_test(size=WIDE) as pilot:
        screen = await analysed(pilot)
        article = screen.article
        nato = screen.analysis.entities[3].mentions[0].start
        when = screen.analysis.times[0].span.start
        assert style_at(article, nato).italic and style_at(article, when).underline
        await pilot.press("1", "3")
        assert not style_at(article, nato).italic and not style_at(article, when).underline
        assert article.state.layers == {"quotes", "breaks", "notes"}
        await pilot.press("1")
        assert style_at(article, nato).italic
        assert "¦" in "".join(article.render_line(y).text for y in range(article.size.height))
        await pilot.press("4")
        assert "¦" not in "".join(article.render_line(y).text for y in range(article.size.height))


async def test_narrow_terminal_collapses_the_sidebar_into_an_overlay():
    async with seed_app().run_test(size=WIDE) as pilot:
        screen = await analysed(pilot)
        sidebar = screen.query_one("#sidebar")
        assert sidebar.display and screen.has_class("-wide")
        await pilot.resize_terminal(*NARROW)
        await pilot.pause()
        assert screen.has_class("-narrow") and not sidebar.display
        article = screen.article
        assert article.region.right <= 80 and article.region.width == 80
        assert all(len(article.render_line(y).text) <= 80 for y in range(article.size.height))
        await pilot.press("s")
        assert sidebar.display and sidebar.region.right == 80
        await pilot.press("escape")
        assert not sidebar.display


async def test_resize_keeps_the_reading_position():
    async with seed_app().run_test(size=WIDE) as pilot:
        screen = await analysed(pilot)
        quote = screen.analysis.quotes[4].span
        for _ in range(5):
            await pilot.press("right_square_bracket")
        await pilot.resize_terminal(*NARROW)
        await pilot.pause()
        assert screen.article.index.width < 80
        top = screen.article.top_offset
        assert top <= quote.start


async def test_help_lists_every_key_and_palette_offers_actions():
    from reader.ui.keys import KEYS

    async with seed_app().run_test(size=WIDE) as pilot:
        await analysed(pilot)
        await pilot.press("question_mark")
        assert isinstance(pilot.app.screen, HelpScreen)
        text = str(pilot.app.screen.query_one("#help-text").render())
        assert all(key.help in text for key in KEYS)
        await pilot.press("escape", "f1")
        assert isinstance(pilot.app.screen, HelpScreen)
        await pilot.press("escape")
        await palette_run(pilot, "next quote")
        assert isinstance(pilot.app.screen, ReadingScreen)
        assert pilot.app.screen.quote_list.highlighted == 0


async def test_analysis_error_becomes_a_notification():
    def broken(document, progress):
        raise RuntimeError("tagger exploded")

    app = ReaderApp(document=seed_document(), analyser=broken)
    async with app.run_test(size=WIDE, notifications=True) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()  # the message, then the toast it raises
        assert "tagger exploded" in toasts(app)
        assert "NATO pledges" in "".join(app.screen.article.render_line(y).text for y in range(3))


async def test_article_text_cannot_inject_styles_or_escapes():
    text = "Title [bold red]x[/] \x1b[31mred\x1b[0m\x07 end"
    document = Document(text, "evil.txt", (Block("paragraph", Span(0, len(text))),), title="[b]T")
    app = ReaderApp(document=document, analyser=None)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        strip = app.screen.article.render_line(0)
        assert (
            "[bold red]x[/]" in strip.text and "\x1b" not in strip.text and "\x07" not in strip.text
        )
        assert not any(s.style and s.style.bold for s in strip if "x" in s.text)


async def test_real_pipeline_fills_the_sidebar():
    app = ReaderApp(document=seed_document())
    async with app.run_test(size=WIDE) as pilot:
        screen = await analysed(pilot)
        assert screen.query_one("#status").has_class("-done")
        assert len(screen.query_one("#entity-list", OptionList).options) >= 1
        timeline = (
            screen.timeline_list
        )  # in the analysis's order: the Georgia war "months after" April 2008
        assert timeline.events == list(screen.analysis.timeline)
        assert [str(timeline.get_option_at_index(n).prompt).split("\n")[0] for n in range(2)] == [
            "April 2008",
            "2008",
        ]


async def test_a_megabyte_article_opens_and_scrolls():
    paragraph = (
        "NATO ministers met in Bucharest on Tuesday and said “more help is coming” to Kyiv. " * 8
    )
    text = "Big\n\n" + "\n\n".join(paragraph for _ in range(1_000_000 // len(paragraph)))
    blocks, pos = [], 0
    for part in text.split("\n\n"):
        blocks.append(Block("paragraph", Span(pos, pos + len(part))))
        pos += len(part) + 2
    app = ReaderApp(document=Document(text, "big.txt", tuple(blocks)), analyser=None)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        article = app.screen.article
        assert len(article.index) > 10_000
        await pilot.press("G")
        assert article.scroll_y == article.max_scroll_y
        assert article.render_line(article.size.height - 1).text.strip()
        await pilot.press("slash", *"bucharest", "enter")
        assert len(article.state.matches) == text.count("Bucharest")


async def test_library_opens_an_article_and_remembers_it(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "seed.txt").write_text(seed_document().text, encoding="utf-8")
    app = ReaderApp(library_dirs=[folder], analyser=None)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        for _ in range(100):
            if isinstance(app.screen, ReadingScreen):
                break
            await pilot.pause(0.02)
        assert app.screen.document.title == "NATO pledges to support Kyiv as long as necessary"
        await pilot.press("L")
        [entry] = app.screen.entries  # the opened file is one row, with when it was read
        assert entry.last_read is not None and entry.article_id is not None
        await pilot.press("escape")
        assert isinstance(app.screen, ReadingScreen)


async def test_open_dialog_keeps_what_was_typed_and_shows_the_error(tmp_path):
    (tmp_path / "other.md").write_text("# Another story\n\nThe council met.\n", encoding="utf-8")
    async with seed_app().run_test(size=WIDE) as pilot:
        await analysed(pilot)
        missing = str(tmp_path / "nope.txt")
        await pilot.press("o", *missing, "enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, OpenScreen)
        assert dialog.query_one("#open-input", Input).value == missing
        message = dialog.query_one("#open-message", Label)
        assert "nope.txt: no such file" in str(message.render()) and message.has_class("-error")
        await pilot.press(*["backspace"] * len("nope.txt"), *"other.md", "enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(pilot.app.screen, ReadingScreen)
        assert pilot.app.screen.document.title == "Another story"


async def test_mouse_selection_is_copied_as_document_text():
    async with seed_app().run_test(size=WIDE) as pilot:
        screen = await analysed(pilot)
        article = screen.article
        await drag_select(pilot, article)
        await pilot.press("c")
        copied = pilot.app.clipboard
        assert copied and copied in screen.document.text and "\n" not in copied


async def test_the_chosen_theme_is_remembered():
    async with seed_app().run_test(size=WIDE) as pilot:
        pilot.app.theme = "ansi-light"
        await pilot.pause()
    async with seed_app().run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert pilot.app.theme == "ansi-light"


async def test_clicking_a_name_selects_its_entity():
    async with seed_app().run_test(size=WIDE) as pilot:
        screen = await analysed(pilot)
        article = screen.article
        putin = screen.analysis.entities[0]
        mention = putin.mentions[0]
        row = article.index.row_of(mention.start)
        x = article._margin + 2 + mention.start - article.index.rows[row].start
        await pilot.click(article, offset=(x + 1, row - round(article.scroll_y)))
        assert article.state.entity == putin
        entities = screen.query_one("#entity-list", OptionList)
        assert entities.highlighted == entities.entities.index(putin)


async def test_tab_moves_focus_between_the_article_and_the_sidebar():
    async with seed_app().run_test(size=WIDE) as pilot:
        screen = await analysed(pilot)
        assert screen.focused is screen.article
        await pilot.press("tab")
        assert screen.focused is screen.query_one("#entity-list")
        await pilot.press("shift+tab")
        assert screen.focused is screen.article


async def test_palette_finds_entities_speakers_and_events_by_name():
    async with seed_app().run_test(size=WIDE) as pilot:
        screen = await analysed(pilot)
        await palette_run(pilot, "quotes by jens")
        assert screen.quote_list.speaker == "Jens Stoltenberg"
        assert [q.speaker.name for q in screen.quote_list.quotes] == ["Jens Stoltenberg"] * 2
        await palette_run(pilot, "quotes by koleba")  # another spelling of "Dimitro Kuleba"
        assert screen.quote_list.speaker == "Dimitro Kuleba"
        await palette_run(pilot, "bucharest")  # the entity, before the event whose summary names it
        assert (
            screen.article.state.entity is not None
            and screen.article.state.entity.name == "Bucharest"
        )
        assert "Bucharest: mention" in str(screen.query_one("#status-message").render())
        await palette_run(pilot, "2014")
        event = next(e for e in screen.timeline_list.events if e.date == "2014")
        assert screen.article.row_visible(event.event.start)
        assert screen.timeline_list.highlighted == screen.timeline_list.events.index(event)


async def test_a_blockquote_is_set_apart_and_listed_as_a_quote():
    from reader.document.load import from_bytes

    document = from_bytes(
        b"Ana Ruiz, the mayor, said:\n\n> We will not stop.\n\nThe council met.\n",
        "x.md",
        "markdown",
    )
    async with ReaderApp(document=document).run_test(size=WIDE) as pilot:
        screen = await analysed(pilot)
        assert [q.text for q in screen.quote_list.quotes] == ["We will not stop."]
        assert screen.quote_list.quotes[0].speaker.name == "Ana Ruiz"
        start = document.text.index("We will")
        assert style_at(screen.article, start).italic
