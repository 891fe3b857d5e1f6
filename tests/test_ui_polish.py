"""Pilot tests of issue 16's reading polish: each drives the app with keys, as a reader would."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from textual.widgets import DataTable, Input, OptionList
from ui_fixture import analysed, palette_run, seed_analysis, seed_app, seed_document, status

from reader.analysis.model import Analysis, Event, TimeExpr
from reader.document.load import from_bytes
from reader.document.model import Span
from reader.ui.app import ReaderApp
from reader.ui.screens.help import HelpScreen
from reader.ui.screens.links import LinksScreen

WIDE, NARROW = (160, 45), (80, 24)


@pytest.fixture(autouse=True)
def state_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_STATE_DIR", str(tmp_path / "state"))


async def test_search_finds_curly_apostrophes_from_a_straight_one():
    text = "Harbour news\n\nThe Port Authority\u2019s plan \u2014 a \u201cfresh start\u201d.\n"
    app = ReaderApp(document=from_bytes(text.encode(), "port.txt", "text"), analyser=None)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("slash", *"authority's plan - a \"fresh", "enter")
        [match] = screen.article.state.matches
        assert screen.document.text[match.start : match.end] == (
            "Authority\u2019s plan \u2014 a \u201cfresh"
        )
        assert "Match 1/1" in status(screen)


async def test_next_quote_counts_from_the_view_after_the_reader_scrolls():
    async with seed_app().run_test(size=WIDE) as pilot:
        screen = await analysed(pilot)
        await pilot.press(*["right_square_bracket"] * 3)
        assert screen.quote_list.highlighted == 2
        await pilot.press("g")  # quotes 1-3 are all in view again
        await pilot.press("right_square_bracket")
        assert screen.quote_list.highlighted == 0
        assert "Quote 1/5" in status(screen)
        await pilot.press("right_square_bracket")
        assert screen.quote_list.highlighted == 1
        await pilot.press("j", "right_square_bracket")  # a nudge keeps the current quote
        assert screen.quote_list.highlighted == 2


async def test_events_are_numbered_in_the_order_the_bracket_visits_them():
    document = seed_document()
    analysis = seed_analysis(document)
    first, second, third = analysis.timeline  # in text order; list them in another order
    shuffled = replace(analysis, timeline=(second, third, first))

    app = ReaderApp(document=document, analyser=lambda d, progress: shuffled, flash=0)
    async with app.run_test(size=WIDE) as pilot:
        screen = await analysed(pilot)
        said = []
        for _ in range(3):
            await pilot.press("right_parenthesis")
            said.append(status(screen).split(" — ")[0])
        assert said == ["Event 1/3 in the text", "Event 2/3 in the text", "Event 3/3 in the text"]
        assert screen.timeline_list.highlighted == 1  # the row of the third in the list's order


async def test_a_jump_from_the_narrow_overlay_closes_it_so_the_target_shows():
    async with seed_app().run_test(size=NARROW) as pilot:
        screen = await analysed(pilot)
        await pilot.press("s")
        assert screen.has_class("-overlay")
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert not screen.has_class("-overlay") and not screen.query_one("#sidebar").display
        assert screen.article.row_visible(screen.analysis.quotes[1].span.start)
        assert screen.focused is screen.article


async def moves_with_list_keys(pilot, row: Callable[[], int | None], last: int) -> None:
    """j, k, G and g move the cursor of the focused list (which starts on its first row)."""
    for key, expected in (("j", 1), ("j", 2), ("k", 1), ("G", last), ("g", 0)):
        await pilot.press(key)
        assert row() == expected, key


async def test_focus_in_the_sidebar_shows_and_lists_take_j_k_g_G():
    async with seed_app().run_test(size=WIDE) as pilot:
        screen = await analysed(pilot)
        sidebar = screen.query_one("#sidebar")
        before = sidebar.styles.border_left
        await pilot.press("Q")
        quotes = screen.query_one("#quote-list", OptionList)
        assert screen.focused is quotes and quotes.highlighted == 0
        assert sidebar.styles.border_left != before  # the border lights up
        await moves_with_list_keys(pilot, lambda: quotes.highlighted, last=4)


async def test_library_takes_j_k_g_G(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).write_text(f"Story {name}\n\nText here.\n", encoding="utf-8")
    app = ReaderApp(library_dirs=[folder], analyser=None)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#library-table", DataTable)
        await moves_with_list_keys(pilot, lambda: table.cursor_row, last=2)


async def test_next_mention_with_no_entity_selected_picks_the_first_on_screen():
    async with seed_app().run_test(size=WIDE) as pilot:
        screen = await analysed(pilot)
        assert screen.article.state.entity is None
        first = min(
            (m.start, e.name) for e in screen.analysis.entities for m in e.mentions
        )  # the view is at the top: the first mention of all is on screen
        await pilot.press("right_curly_bracket")
        assert screen.article.state.entity is not None
        assert screen.article.state.entity.name == first[1]
        assert f"{first[1]}: mention 1/" in status(screen)


async def test_palette_finds_an_event_by_its_value_and_by_the_articles_words():
    text = "Harbour news\n\nThe port reopened last March after a strike. Ships wait again.\n"
    document = from_bytes(text.encode(), "port.txt", "text")
    when = Span(text.index("last March"), text.index("last March") + len("last March"))
    clause = Span(text.index("The port"), text.index(" after"))
    analysis = Analysis(
        document=document,
        times=(TimeExpr("t1", when, "last March", "DATE", "2023-03"),),
        timeline=(Event("t1", "2023-03", clause, "The port reopened"),),
    )
    app = ReaderApp(document=document, analyser=lambda d, progress: analysis, flash=0)
    async with app.run_test(size=WIDE) as pilot:
        screen = await analysed(pilot)
        for query in ("2023-03", "last march"):
            screen.timeline_list.highlighted = None
            await palette_run(pilot, query)
            assert screen.timeline_list.highlighted == 0, query
            assert "Event 1/1 in the text — March 2023" in status(screen)


async def test_scrolling_clears_a_stale_status_message():
    async with seed_app().run_test(size=NARROW) as pilot:
        screen = await analysed(pilot)
        await pilot.press("left_square_bracket")
        assert "(wrapped to the last)" in status(screen)
        await pilot.press("k")  # the last quote is at the end: scroll up
        await pilot.pause()
        assert status(screen) == ""


async def test_G_scrolls_the_help_to_its_end():
    async with seed_app().run_test(size=NARROW) as pilot:
        await analysed(pilot)
        await pilot.press("question_mark")
        assert isinstance(pilot.app.screen, HelpScreen)
        body = pilot.app.screen.query_one("#help-body")
        assert body.max_scroll_y > 0
        await pilot.press("G")
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y
        await pilot.press("g")
        await pilot.pause()
        assert body.scroll_y == 0


async def test_text_width_changes_with_angle_brackets_and_is_remembered():
    async with seed_app().run_test(size=WIDE) as pilot:
        screen = await analysed(pilot)
        assert screen.article.index.width == 80
        await pilot.press("less_than_sign", "less_than_sign")
        assert screen.article.index.width == 72
        assert "Text width 72" in status(screen)
        rows = screen.article.index.rows
        assert max(r.end - r.start for r in rows) <= 72
    async with seed_app().run_test(size=WIDE) as pilot:
        screen = await analysed(pilot)
        assert screen.article.index.width == 72
        await pilot.press(*["greater_than_sign"] * 5)
        assert screen.article.index.width == 92


LINKED = (
    b"# Council votes\n\nThe [council](https://example.org/council) met on Tuesday.\n\n"
    b"Its [minutes](minutes.html) are online.\n"
)


async def test_links_are_underlined_listed_and_opened(monkeypatch):
    import webbrowser

    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url))
    document = from_bytes(LINKED, "council.md", "markdown")
    app = ReaderApp(document=document, analyser=None, flash=0)
    asked: list[str] = []
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.pause()
        article = app.screen.article
        council = document.links[0].span
        row = article.index.row_of(council.start) - round(article.scroll_y)
        styled = [s for s in article.render_line(row) if s.text == "council"]
        assert styled and styled[0].style.underline
        app.open_source = asked.append  # what the reader would fetch
        await pilot.press("l")
        assert isinstance(app.screen, LinksScreen)
        rows = app.screen.query_one("#link-list", OptionList)
        assert rows.option_count == 2
        assert "https://example.org/council" in str(rows.get_option_at_index(0).prompt)
        await pilot.press("w")
        assert opened == ["https://example.org/council"]
        await pilot.press("j", "enter")  # a relative link: not something to fetch
        assert isinstance(app.screen, LinksScreen)
        assert "Only http(s) links" in str(app.screen.query_one("#links-help").render())
        await pilot.press("k", "enter")
        await pilot.pause()
        assert asked == ["https://example.org/council"]


async def test_width_is_kept_beside_the_theme():
    async with seed_app().run_test(size=WIDE) as pilot:
        await analysed(pilot)
        pilot.app.theme = "ansi-light"
        await pilot.press("greater_than_sign")
    async with seed_app().run_test(size=WIDE) as pilot:
        screen = await analysed(pilot)
        assert pilot.app.theme == "ansi-light" and screen.article.measure == 84


async def test_search_bar_escape_clears():
    async with seed_app().run_test(size=WIDE) as pilot:
        screen = await analysed(pilot)
        await pilot.press("slash", *"kyiv")
        assert screen.article.state.matches
        await pilot.press("escape")
        assert not screen.article.state.matches
        assert screen.query_one("#search", Input).value == ""
