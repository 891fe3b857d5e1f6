"""The analysis cache and the exports (Markdown, W3C Web Annotations)."""

from __future__ import annotations

import dataclasses
import json

import pytest

from reader.analysis import analyse
from reader.document.load import load
from reader.document.model import Span
from reader.store import cache, export, library, open_store, reading
from reader.store import highlights as hl
from tests.conftest import SEED


@pytest.fixture(scope="module")
def seed_analysis():
    return analyse(load(str(SEED)))


def without_tokens(analysis):
    """What the cache gives back: the analysis less its timings and the sentences' tokens."""
    sentences = tuple(dataclasses.replace(s, tokens=()) for s in analysis.sentences)
    return dataclasses.replace(analysis, timings_ms={}, sentences=sentences)


def test_a_cached_analysis_comes_back_equal(tmp_path, seed_analysis):
    store = open_store(tmp_path)
    doc = seed_analysis.document
    assert store.read(cache.get, doc) is None
    store.write(cache.put, doc, cache.pack(seed_analysis))
    kept = store.read(cache.get, doc)
    assert kept == without_tokens(seed_analysis)
    assert kept.to_json() == dataclasses.replace(seed_analysis, timings_ms={}).to_json()


def test_another_analysers_version_misses_and_replaces(tmp_path, seed_analysis, monkeypatch):
    store = open_store(tmp_path)
    doc = seed_analysis.document
    store.write(cache.put, doc, cache.pack(seed_analysis))
    monkeypatch.setattr(cache, "analysers_version", lambda: "a-newer-model")
    assert store.read(cache.get, doc) is None
    store.write(cache.put, doc, cache.pack(seed_analysis))
    rows = store.read(lambda c: c.execute("SELECT version FROM analyses").fetchall())
    assert rows == [("a-newer-model",)]


def test_an_analysis_with_errors_is_not_kept(tmp_path, seed_analysis):
    store = open_store(tmp_path)
    failed = dataclasses.replace(seed_analysis, errors=("quotes: ValueError: x",))
    assert cache.pack(failed) is None
    analysis, hit = reading.analysis(store, seed_analysis.document, lambda d: failed)
    assert (analysis, hit) == (failed, False)
    assert store.read(cache.get, seed_analysis.document) is None


def _saved(tmp_path, seed_analysis):
    store = open_store(tmp_path)
    doc = seed_analysis.document
    art = store.write(library.remember, doc).article
    store.write(library.set_date, art.id, seed_analysis.date)
    first = seed_analysis.quotes[0].span
    store.write(hl.add, art.id, doc.text, first, "check *this*")
    store.write(hl.add, art.id, doc.text, Span(first.end + 1, first.end + 30))
    return store, store.read(library.find, art.source)


def test_markdown_export_has_the_article_then_each_highlight_and_note(tmp_path, seed_analysis):
    store, art = _saved(tmp_path, seed_analysis)
    marks = store.read(hl.of_article, art.id)
    text = export.markdown(art, marks)
    assert text.startswith(f"# {art.title}\n\n- Source: {art.source}\n")
    assert f"- Date: {art.date}" in text
    assert f"\n> {marks[0].quote.exact}\n\ncheck *this*\n" in text
    assert "\n> " + marks[1].quote.exact.strip().replace("\n", "\n> ") + "\n" in text
    assert "## Quotes" not in text
    with_quotes = export.markdown(art, marks, seed_analysis.quotes)
    q = seed_analysis.quotes[0]
    assert "## Quotes" in with_quotes and f"— {q.speaker.name}" in with_quotes


def test_web_annotation_export_uses_quote_and_position_selectors(tmp_path, seed_analysis):
    store, art = _saved(tmp_path, seed_analysis)
    marks = store.read(hl.of_article, art.id)
    items = export.web_annotations(art, marks)
    data = json.loads(json.dumps(export.collection("x", items)))
    assert data["type"] == "AnnotationCollection" and data["total"] == 2
    noted, plain = data["first"]["items"]
    assert noted["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert noted["motivation"] == "commenting" and plain["motivation"] == "highlighting"
    assert noted["body"] == {
        "type": "TextualBody",
        "value": "check *this*",
        "format": "text/markdown",
        "purpose": "commenting",
    }
    quote_sel, position = noted["target"]["selector"]
    assert quote_sel["type"] == "TextQuoteSelector" and quote_sel["exact"] == marks[0].quote.exact
    assert position == {"type": "TextPositionSelector", **marks[0].span.to_json()}
    assert noted["created"].endswith("Z") and "body" not in plain
    speakers = export.web_annotations(art, [], seed_analysis.quotes)
    assert len(speakers) == len(seed_analysis.quotes)
    assert speakers[0]["motivation"] == "identifying"


def test_exports_drop_terminal_escapes_from_article_text():
    assert export.clean("a\x1b]0;title\x07b\x1b[2Jc\nd") == "a]0;titleb[2Jc\nd"


def test_the_second_opening_reads_the_cache_instead_of_analysing(tmp_path, seed_analysis):
    store, calls = open_store(tmp_path), []

    def counting(document):
        calls.append(document)
        return seed_analysis

    first, hit = reading.analysis(store, seed_analysis.document, counting)
    again, second_hit = reading.analysis(store, seed_analysis.document, counting)
    assert (hit, second_hit, len(calls)) == (False, True, 1)
    assert again == without_tokens(first)


def test_the_cache_keeps_only_the_latest_analyses(tmp_path, seed_analysis, monkeypatch):
    monkeypatch.setattr(cache, "MAX_ENTRIES", 2)
    store = open_store(tmp_path)
    docs = [
        dataclasses.replace(seed_analysis.document, text=seed_analysis.document.text + " " * n)
        for n in range(3)
    ]
    data = cache.pack(seed_analysis)
    for doc in docs:
        store.write(cache.put, doc, data)
    assert [store.read(cache.get, doc) is not None for doc in docs] == [False, True, True]
