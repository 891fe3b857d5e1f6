"""Pure parts of the reading polish: search folding, where "next" starts, links in the loaders,
and settings that keep each other."""

from __future__ import annotations

import json

import pytest

from reader.document.load import from_bytes
from reader.document.model import Span
from reader.ui.fold import fold
from reader.ui.navigation import Landing, nearest, origin, step
from reader.ui.widgets.search import find_all


@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("The Alliance\u2019s plan", "alliance's"),  # curly apostrophe, typed straight
        ("He said \u201cnever\u201d twice", '"never"'),
        ("in 2019\u20132021 alone", "2019-2021"),  # en dash
        ("a well\u2014known fact", "well-known"),  # em dash
        ("fifty\u00a0kilometres", "fifty kilometres"),  # no-break space
        ("GEPR\u00dcFT", "gepr\u00fcft"),  # case beyond ASCII
    ],
)
def test_search_folds_typography_and_case(text: str, query: str) -> None:
    [match] = find_all(text, query)
    assert fold(text[match.start : match.end]) == fold(query)


def test_fold_keeps_every_offset():
    text = "\u0130stanbul \u201cQ\u201d \u2014 Stra\u00dfe \u2019s"  # "İ".lower() is two characters
    assert len(fold(text)) == len(text)
    assert find_all(text, "stanbul") == [Span(1, 8)]


@pytest.mark.parametrize("query", ["gepr\u00fcft", "gepru\u0308ft", "GEPR\u00dcFT"])
def test_composed_and_decomposed_letters_find_each_other(query: str) -> None:
    composed, decomposed = "Das Gesetz wurde gepr\u00fcft.", "Das Gesetz wurde gepru\u0308ft."
    assert find_all(composed, query) == [Span(17, 24)]
    assert find_all(decomposed, query) == [Span(17, 25)]  # offsets of the text as it is


def test_pages_are_composed_and_plain_text_keeps_the_files_characters():
    decomposed = "Das Gesetz wurde gepru\u0308ft.\n\nEin zweiter Absatz.\n".encode()
    assert "gepr\u00fcft" in from_bytes(decomposed, "x.md", "markdown").text
    assert "gepru\u0308ft" in from_bytes(decomposed, "x.txt", "text").text  # offsets = the file


def test_next_counts_from_the_current_one_while_it_is_on_screen_else_from_the_view():
    starts = [10, 50, 90, 130]
    landed = Landing(offset=90, scroll_y=12.0)
    assert origin(landed, True, top=40) == (90, True)
    assert origin(landed, False, top=140) == (140, False)  # scrolled away: the view counts
    assert origin(None, False, top=0) == (0, False)
    assert step(starts, True, 0, past=False) == (0, False)
    assert step(starts, True, 90, past=True) == (3, False)
    assert step(starts, True, 90, past=False) == (2, False)  # the first one at the view top
    assert step(starts, False, 90, past=True) == (1, False)
    assert step(starts, True, 130, past=True) == (0, True)
    assert step(starts, False, 5, past=False) == (3, True)


def test_nearest_prefers_what_is_on_screen():
    items = [(5, "above"), (40, "first on screen"), (60, "second on screen"), (300, "below")]
    assert nearest(items, top=30, bottom=100) == "first on screen"
    assert nearest(items[:1] + items[3:], top=30, bottom=100) == "above"
    assert nearest(items[3:], top=30, bottom=100) == "below"
    assert nearest([], top=0, bottom=10) is None


def test_markdown_links_are_spans_of_the_reading_text():
    document = from_bytes(
        b"# Budget day\n\nThe [council](https://example.org/c) met.\n\n"
        b"- read [the *minutes*](https://example.org/m)\n",
        "x.md",
        "markdown",
    )
    words = [(document.text[link.span.start : link.span.end], link.url) for link in document.links]
    assert words == [
        ("council", "https://example.org/c"),
        ("the minutes", "https://example.org/m"),
    ]


def test_html_links_are_kept_and_resolved_against_the_page():
    html = (
        b"<html><head><title>Budget day</title></head><body><article><h1>Budget day</h1>"
        b"<p>The council met on <a href='https://example.org/minutes'>Tuesday evening</a> and "
        b"voted on a budget that had been argued over for most of the year by its members.</p>"
        b"<p>See <a href='/about'>our page</a> for more about how the council works and who "
        b"sits on it, and for the record of every vote it has taken this year.</p>"
        b"</article></body></html>"
    )
    document = from_bytes(html, "https://news.example.com/a/b.html", "html")
    words = [(document.text[link.span.start : link.span.end], link.url) for link in document.links]
    assert words == [
        ("Tuesday evening", "https://example.org/minutes"),
        ("our page", "https://news.example.com/about"),
    ]


def test_links_are_in_the_json(tmp_path):
    from reader.analysis.model import Analysis

    document = from_bytes(b"A [page](https://example.org/p) here.\n", "x.md", "markdown")
    data = Analysis(document=document).to_json()
    assert data["links"] == [{"start": 2, "end": 6, "url": "https://example.org/p"}]


def test_settings_keep_each_other(tmp_path, monkeypatch):
    from reader.ui.settings import save_setting, setting

    monkeypatch.setenv("READER_STATE_DIR", str(tmp_path))
    save_setting("theme", "ansi-dark")
    save_setting("width", 72)
    assert (setting("theme", ""), setting("width", 80)) == ("ansi-dark", 72)
    from reader.store import settings, shared

    shared().write(settings.put, "width", json.dumps("wide"))
    assert setting("width", 80) == 80  # a value of the wrong type reads as the default
