"""The UI's pure parts: the wrap index, highlight marks, text sanitising, the library and dates."""

from __future__ import annotations

import pytest
from conftest import line_blocks as blocks_of
from ui_fixture import seed_analysis, seed_document

from reader.document.model import Block, Document, Span
from reader.store import library as store_library
from reader.store import shared
from reader.store.location import data_dir
from reader.ui import library
from reader.ui.dates import describe
from reader.ui.highlights import HighlightState, build_marks
from reader.ui.settings import save_setting, setting
from reader.ui.widgets.article import sanitize
from reader.ui.wrap import GAP, WrapIndex


@pytest.mark.parametrize("width", [10, 33, 72, 80])
def test_wrap_rows_fit_cover_the_text_and_bisect_back(width):
    document = seed_document()
    index = WrapIndex(document.text, document.blocks, width)
    text_rows = [r for r in index.rows if r.block != GAP]
    assert all(r.end - r.start <= width for r in text_rows)
    squeeze = lambda parts: "".join("".join(parts).split())  # noqa: E731 - long words are cut mid-word
    assert squeeze(document.text[r.start : r.end] for r in text_rows) == squeeze(
        map(document.block_text, document.blocks)
    )
    for number, row in enumerate(index.rows):
        if row.block != GAP and row.end > row.start:
            assert index.row_of(row.start) == number and index.row_of(row.end - 1) == number


def test_wrap_leaves_a_cell_for_each_glued_word_mark():
    text = "aaaa bbbbcccc dddd"
    plain = WrapIndex(text, blocks_of(text), 13)
    marked = WrapIndex(text, blocks_of(text), 13, breaks=(9,))
    assert [text[r.start : r.end] for r in plain.rows] == ["aaaa bbbbcccc", "dddd"]
    assert [text[r.start : r.end] for r in marked.rows] == ["aaaa", "bbbbcccc", "dddd"]


def test_wide_characters_wrap_by_cells():
    text = "日本語の文章 " * 10
    index = WrapIndex(text, blocks_of(text), 20)
    assert all(2 * (r.end - r.start) <= 20 for r in index.rows)
    assert len(index) > 3


def test_marks_follow_layers_and_the_selected_entity():
    analysis = seed_analysis(seed_document())
    state = HighlightState()
    nato = analysis.entities[3]
    classes = {m.cls for m in build_marks(analysis, state).marks}
    assert {"person", "org", "place", "other", "quote", "time"} <= classes
    state.layers.discard("entities")
    assert not {"person", "org"} & {m.cls for m in build_marks(analysis, state).marks}
    state.entity = nato
    marks = build_marks(analysis, state)
    assert {m.cls for m in marks.marks} == {"focus", "dim"}
    first = nato.mentions[0]
    assert [m.cls for m in marks.between(first.start, first.end)] == ["focus"]


def test_marks_between_finds_long_marks_that_start_earlier():
    analysis = seed_analysis(seed_document())
    quote = analysis.quotes[3].span  # several rows long
    marks = build_marks(analysis, HighlightState())
    middle = (quote.start + quote.end) // 2
    assert any(m.cls == "quote" for m in marks.between(middle, middle + 5))


def test_sanitize_keeps_length_and_drops_control_characters():
    text = "a\x1b[31mb\x07\tc\x9bd"
    clean = sanitize(text)
    assert len(clean) == len(text)
    assert not any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 for c in clean)


def _doc(path, title: str) -> Document:
    text = f"{title}\n\nText."
    return Document(text, str(path), (Block("paragraph", Span(0, len(text))),), title)


def test_library_lists_remembered_articles_last_read_first_one_row_each(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_STATE_DIR", str(tmp_path / "state"))
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    for path in (first, second):
        path.write_text("x", encoding="utf-8")
    store = shared()
    store.write(store_library.remember, _doc(first, "Alpha"), 1.0)
    store.write(store_library.remember, _doc(second, "Beta"), 2.0)
    store.write(store_library.remember, _doc(first, "Alpha"), 3.0)
    store.write(store_library.remember, _doc("https://example.com/x", "Example"), 4.0)
    entries = library.entries(dirs=[tmp_path])  # the folder holds a.txt and b.txt again
    assert [e.title for e in entries] == ["Example", "Alpha", "Beta"]
    assert entries[1].last_read == "1970-01-01" and entries[1].published is None


def test_library_lists_article_folders_with_the_documents_titles_and_dates(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_STATE_DIR", str(tmp_path / "state"))
    (tmp_path / "one.md").write_text(
        "---\ntitle: The headline\ndate: 2024-03-14\n---\n\nBody text here.\n"
    )
    (tmp_path / "skip.bin").write_bytes(b"\0")
    [entry] = library.entries(dirs=[tmp_path])
    assert (entry.title, entry.last_read) == ("one.md", None)
    assert (library.describe(entry).title, library.describe(entry).published) == (
        "The headline",
        "2024-03-14",
    )


def test_the_store_lives_in_the_user_data_dir_unless_overridden(monkeypatch, tmp_path):
    monkeypatch.delenv("READER_STATE_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert data_dir() == tmp_path / "reader"
    monkeypatch.setenv("READER_STATE_DIR", str(tmp_path / "elsewhere"))
    assert data_dir() == tmp_path / "elsewhere"


def test_settings_keep_their_type_and_ignore_the_wrong_one(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_STATE_DIR", str(tmp_path))
    assert setting("theme", "") == ""
    save_setting("theme", "ansi-dark")
    save_setting("measure", 72)
    assert (setting("theme", ""), setting("measure", 80)) == ("ansi-dark", 72)
    assert setting("theme", 3) == 3  # a str where an int is wanted reads as the default


def test_search_is_literal_and_case_insensitive():
    from reader.ui.widgets.search import find_all

    assert find_all("a.b A.B axb", "a.b") == [Span(0, 3), Span(4, 7)]
    assert find_all("text", "") == []


@pytest.mark.parametrize(
    ("value", "words", "expected"),
    [
        ("2022", "", "2022"),
        ("2008-04", "April 2008", "April 2008"),
        ("2022-02-24", "", "24 February 2022"),
        ("2022-W08", "", "week 8 of 2022"),
        ("2022-Q1", "", "Q1 2022"),
        ("2022-SU", "", "summer 2022"),
        ("2022-H2", "", "second half of 2022"),
        ("198", "the 1980s", "the 1980s"),
        ("19", "", "the 1900s"),
        ("2022-02-24T10:30", "", "24 February 2022, 10:30"),
        ("2022-02-24TEV", "", "24 February 2022, evening"),
        ("2023-10-06T24:00", "midnight", "6 October 2023, midnight"),
        ("PAST_REF", "", "the past"),
        ("XXXX-WXX-2", "on  Tuesday", "on Tuesday"),  # never anchored: the article's own words
        ("XXXX-XX-XX", "", "date not given"),
    ],
)
def test_timeline_dates_read_as_words(value: str, words: str, expected: str) -> None:
    assert describe(value, words) == expected
