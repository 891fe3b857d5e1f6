"""Pilot tests of what the reader remembers: highlights, notes, resume, marks, the library."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from test_ui import analysed, seed_app, style_at
from textual.widgets import DataTable, TextArea
from ui_fixture import drag_select, seed_analyser, seed_document

from reader.analysis.model import Sentence
from reader.document.model import Span
from reader.store import library, shared
from reader.ui.app import ReaderApp
from reader.ui.highlights import HighlightState, build_marks
from reader.ui.screens.library import LibraryScreen
from reader.ui.screens.note import NoteScreen
from reader.ui.screens.reading import ReadingScreen
from reader.ui.widgets.notes import NoteList

WIDE, NARROW = (160, 45), (80, 24)


async def ready(pilot) -> ReadingScreen:
    """Wait for the reading screen with its sidebar and search bar (no analysis)."""
    for _ in range(200):
        screen = pilot.app.screen
        if isinstance(screen, ReadingScreen) and screen._ready:
            return screen
        await pilot.pause(0.02)
    raise AssertionError("the reading screen never got ready")


def status(screen) -> str:
    return str(screen.query_one("#status-message").render())


async def test_highlight_note_quit_reopen_still_there_and_drawn():
    async with seed_app().run_test(size=NARROW) as pilot:
        screen = await analysed(pilot)
        await pilot.press("right_square_bracket", "h")
        quote = screen.analysis.quotes[0].span
        assert [h.span for h in screen.notes] == [quote]
        await pilot.press("a")
        assert isinstance(pilot.app.screen, NoteScreen)
        await pilot.press(*"check this", "escape")
        assert screen.notes[0].note == "check this"
        assert "Note saved" in status(screen)
    async with seed_app().run_test(size=NARROW) as pilot:
        screen = await analysed(pilot)
        [mark] = screen.notes
        assert (mark.span, mark.note) == (quote, "check this")
        assert style_at(screen.article, quote.start + 2).underline  # a noted highlight
        assert (
            screen.article.style_of("mine-note").bgcolor
            == style_at(screen.article, quote.start + 2).bgcolor
        )
        await pilot.press("A")
        notes = screen.query_one(NoteList)
        assert "check this" in str(notes.get_option_at_index(0).prompt)


async def test_the_layer_toggles_and_the_note_editor_edits_and_cancels():
    async with seed_app().run_test(size=WIDE) as pilot:
        screen = await analysed(pilot)
        await pilot.press("right_square_bracket", "h", "a", *"first", "ctrl+s")
        quote = screen.notes[0].span
        plain = screen.article.style_of("mine-note")
        assert style_at(screen.article, quote.start + 1).bgcolor == plain.bgcolor
        await pilot.press("5")
        assert "notes" not in screen.article.state.layers
        assert style_at(screen.article, quote.start + 1).bgcolor != plain.bgcolor
        await pilot.press("5", "a")
        assert pilot.app.screen.query_one(TextArea).text == "first"
        await pilot.press(*" draft", "ctrl+g")  # cancelled: unchanged
        assert screen.notes[0].note == "first"


def with_sentences(document, progress):
    """The seed analysis plus sentences cut at '. ' (the fixture has none)."""
    result = seed_analyser(document, progress)
    cuts = [0] + [m.end() for m in re.finditer(r"[.!?]\s+", document.text)] + [len(document.text)]
    sentences = tuple(Sentence(Span(a, b), ()) for a, b in pairwise(cuts) if b > a)
    return replace(result, sentences=sentences)


async def test_h_with_nothing_selected_takes_the_sentence_then_the_paragraph():
    app = ReaderApp(document=seed_document(), analyser=with_sentences)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("j")
        screen = await analysed(pilot)
        sentences = [s.span for s in screen.analysis.sentences]
        await pilot.press("h")
        [first] = screen.notes
        assert first.span in sentences and first.span.start >= screen.article.top_offset
        await pilot.press("h")
        [grown] = screen.notes
        block = next(b.span for b in screen.document.blocks if b.span.contains(first.span))
        assert grown.span == block and grown.span != first.span
        await pilot.press("U")  # undo brings the sentence back
        assert [h.span for h in screen.notes] == [first.span]


async def test_next_previous_delete_and_undo():
    async with seed_app().run_test(size=NARROW) as pilot:
        screen = await analysed(pilot)
        quotes = screen.analysis.quotes
        await pilot.press("right_square_bracket", "h", "right_square_bracket", "h", "g")
        assert [h.span for h in screen.notes] == [quotes[0].span, quotes[1].span]
        await pilot.press("escape", "g", "full_stop", "full_stop")
        assert "Highlight 2/2" in status(screen)
        assert screen.article.row_visible(quotes[1].span.start)
        await pilot.press("comma")
        assert "Highlight 1/2" in status(screen)
        await pilot.press("x")
        assert [h.span for h in screen.notes] == [quotes[1].span]
        await pilot.press("U")
        assert [h.span for h in screen.notes] == [quotes[0].span, quotes[1].span]
        await pilot.press("U")
        assert "Nothing to undo" in status(screen)


async def test_resume_returns_to_the_place_and_the_selected_quote():
    async with seed_app().run_test(size=(100, 30)) as pilot:
        screen = await analysed(pilot)
        for _ in range(3):
            await pilot.press("right_square_bracket")
        top = screen.article.top_offset
        assert top > 0
    async with seed_app().run_test(size=NARROW) as pilot:  # another width: same first character
        screen = await analysed(pilot)
        assert screen.article.index.row_of(top) == round(screen.article.scroll_y)
        assert screen.article.state.current_quote == screen.analysis.quotes[2].span
        assert screen.quote_list.highlighted == 2
        assert "where you left off" in status(screen)
    [entry] = shared().read(library.articles)
    assert 0 < entry.progress <= 1


async def test_marks_set_and_return():
    async with seed_app().run_test(size=NARROW) as pilot:
        screen = await analysed(pilot)
        await pilot.press("d", "d")
        here = screen.article.top_offset
        await pilot.press("m", "b", "g")
        assert screen.article.top_offset == 0
        await pilot.press("apostrophe", "b")
        assert screen.article.top_offset == here
        await pilot.press("apostrophe", "apostrophe")  # back to before the jump
        assert screen.article.top_offset == 0
        await pilot.press("apostrophe", "z")
        assert "No mark z" in status(screen)


async def test_library_filters_as_you_type_and_forgets(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, title in (("one.txt", "Harbour reopens"), ("two.txt", "Council budget")):
        (folder / name).write_text(f"{title}\n\nSome text about it.\n", encoding="utf-8")
    app = ReaderApp(library_dirs=[folder], analyser=None)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # opens one.txt
        for _ in range(100):
            if isinstance(app.screen, ReadingScreen):
                break
            await pilot.pause(0.02)
        await pilot.press("L")
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        assert [e.last_read is not None for e in screen.entries] == [True, False]
        assert screen.entries[0].title == "Harbour reopens"
        await pilot.press("slash", *"two", "enter")
        assert [e.source for e in screen.shown] == [str(folder / "two.txt")]
        await pilot.press("slash", "escape")  # Esc in the filter clears it
        assert len(screen.shown) == 2
        await pilot.press("x", "x")
        assert shared().read(library.articles) == []
        table = screen.query_one(DataTable)
        assert table.row_count == 2  # the folder's file is still listed, as never opened
        assert screen.entries[0].last_read is None


async def test_library_rows_fit_80_columns_with_both_dates_labelled(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    long_title = "A very long headline about a harbour that reopened after years of work " * 2
    (folder / "harbour.txt").write_text(f"{long_title}\n\nText.\n", encoding="utf-8")
    app = ReaderApp(library_dirs=[folder], analyser=None)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        await pilot.press("enter", "L")
        await pilot.pause(0.1)
        table = app.screen.query_one(DataTable)
        labels = [str(c.label) for c in table.columns.values()]
        assert labels == ["Last read", "Read", "Marks", "Published", "Title", "Source"]
        assert sum(c.get_render_width(table) for c in table.columns.values()) <= 80
        assert str(table.get_row_at(0)[-1]).endswith("articles/harbour.txt")


async def test_a_second_instance_sees_the_firsts_highlights():
    async with seed_app().run_test(size=WIDE) as one:
        screen = await analysed(one)
        await one.press("right_square_bracket", "h")
        async with seed_app().run_test(size=WIDE) as two:
            other = await analysed(two)
            assert [h.span for h in other.notes] == [screen.notes[0].span]


async def test_an_edited_file_reanchors_its_highlights(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Title\n\nThe bridge closes in May. The ferry runs instead.\n")
    async with ReaderApp(str(path), analyser=None).run_test(size=WIDE) as pilot:
        screen = await ready(pilot)
        await pilot.press("slash", *"ferry runs", "enter", "h")
        assert [h.quote.exact for h in screen.notes] == ["ferry runs"]
    path.write_text("Title\n\nA new first line.\n\nThe bridge closes in May. The ferry runs.\n")
    async with ReaderApp(str(path), analyser=None).run_test(size=WIDE) as pilot:
        screen = await ready(pilot)
        [moved] = screen.notes
        assert screen.document.text[moved.span.start : moved.span.end] == "ferry runs"
        assert not moved.orphaned


def test_your_highlights_are_a_layer_of_their_own():
    state = HighlightState(mine=[(Span(3, 9), True), (Span(20, 30), False)])
    marks = build_marks(None, state)
    assert [(m.start, m.end, m.cls, m.rank) for m in marks.marks] == [
        (3, 9, "mine-note", 2),
        (20, 30, "mine", 2),
    ]
    state.layers.discard("notes")
    assert build_marks(None, state).marks == []


async def test_a_corrupt_store_is_moved_aside_and_said_once(tmp_path, monkeypatch):
    state = tmp_path / "damaged"
    state.mkdir()
    (state / "reader.db").write_bytes(b"\x00garbage" * 500)
    monkeypatch.setenv("READER_STATE_DIR", str(state))
    async with seed_app().run_test(size=WIDE, notifications=True) as pilot:
        screen = await analysed(pilot)
        said: list[str] = []
        for _ in range(200):  # the notification reaches the screen a refresh or two later
            shown = [str(toast.render()) for toast in pilot.app.screen.query("Toast")]
            if said := [message for message in shown if "damaged" in message]:
                break
            await pilot.pause(0.02)
        assert len(said) == 1 and "\n" not in said[0]
        await pilot.press("right_square_bracket", "h")
        assert len(screen.notes) == 1  # and the new store remembers
    assert list(state.glob("reader.db.corrupt-*"))


async def test_export_from_the_app_writes_markdown_and_copies_it(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_STATE_DIR", str(tmp_path / "state"))
    async with seed_app().run_test(size=WIDE) as pilot:
        screen = await analysed(pilot)
        await pilot.press("right_square_bracket", "h", "X")
        [written] = (tmp_path / "state" / "exports").glob("*.md")
        text = written.read_text(encoding="utf-8")
        assert text.startswith(f"# {screen.document.title}\n")
        assert f"> {screen.notes[0].quote.exact}" in text and pilot.app.clipboard == text


async def test_the_place_is_kept_without_an_analysis_too():
    bare = dict(document=seed_document(), analyser=None)
    async with ReaderApp(**bare).run_test(size=NARROW) as pilot:
        screen = await ready(pilot)
        await pilot.press("d", "d", "d")
        top = screen.article.top_offset
    async with ReaderApp(**bare).run_test(size=NARROW) as pilot:
        screen = await ready(pilot)
        await pilot.pause()
        assert screen.article.top_offset == top > 0
    [entry] = shared().read(library.articles)
    assert 0 < entry.progress < 1


async def test_a_and_x_act_on_the_current_quote_not_another_highlight_in_view():
    async with seed_app().run_test(size=WIDE) as pilot:
        screen = await analysed(pilot)
        quotes = screen.analysis.quotes
        await pilot.press("right_square_bracket", "h", "right_square_bracket", "x")
        assert "No highlight here" in status(screen) and len(screen.notes) == 1
        await pilot.press("a", *"second", "escape")
        assert [(h.span, h.note) for h in screen.notes] == [
            (quotes[0].span, ""),
            (quotes[1].span, "second"),
        ]


async def test_after_stepping_to_a_highlight_x_deletes_that_one():
    async with seed_app().run_test(size=WIDE) as pilot:
        screen = await analysed(pilot)
        quotes = screen.analysis.quotes
        await pilot.press("right_square_bracket", "h", "right_square_bracket", "h")
        await pilot.press("right_square_bracket", "comma", "comma", "x")  # back to the first
        assert [h.span for h in screen.notes] == [quotes[1].span]


async def test_a_current_quote_scrolled_away_is_not_what_h_takes():
    async with seed_app().run_test(size=NARROW) as pilot:
        screen = await analysed(pilot)
        await pilot.press("right_square_bracket", "G", "h")
        [mark] = screen.notes
        assert mark.span != screen.analysis.quotes[0].span
        assert screen.article.row_visible(mark.span.start)


async def test_h_highlights_the_mouse_selection():
    async with seed_app().run_test(size=WIDE) as pilot:
        screen = await analysed(pilot)
        article = screen.article
        await drag_select(pilot, article)
        selected = article.selected_span()
        await pilot.press("h")
        assert selected and [h.span for h in screen.notes] == [selected]
        assert article.text_selection is None  # the selection gives way to the highlight
