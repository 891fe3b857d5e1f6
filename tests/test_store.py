"""The store: schema and migrations, library, positions and marks, highlights, fallbacks."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from functools import partial

import pytest

from reader.document.model import Block, Document, Span
from reader.store import connection, library, open_store, positions, schema, settings
from reader.store import highlights as hl


@pytest.fixture(autouse=True)
def state_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_STATE_DIR", str(tmp_path / "state"))


def doc(text: str, source: str, title: str = "T") -> Document:
    return Document(text, source, (Block("paragraph", Span(0, len(text))),), title, "2024-01-02")


def test_a_new_store_is_at_the_latest_schema_version_in_wal_mode(tmp_path):
    store = open_store(tmp_path / "s")
    assert store.remembers and store.note is None
    assert store.read(schema.user_version) == schema.VERSION == len(schema.MIGRATIONS)
    assert store.read(lambda c: c.execute("PRAGMA journal_mode").fetchone()[0]) == "wal"


def test_migrations_run_forward_from_any_version(tmp_path):
    conn = sqlite3.connect(tmp_path / "x.db", isolation_level=None)
    schema.migrate(conn)
    schema.migrate(conn)  # a second run is a no-op
    assert schema.user_version(conn) == schema.VERSION
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"articles", "positions", "marks", "highlights", "settings", "analyses"} <= tables


def test_the_same_file_is_one_entry_and_new_text_replaces_the_old(tmp_path):
    store = open_store(tmp_path / "s")
    path = tmp_path / "a.txt"
    first = store.write(library.remember, doc("One text.", str(path)), 100.0)
    again = store.write(library.remember, doc("Other text.", str(path)), 200.0)
    assert first.previous_hash is None and again.previous_hash == first.article.content_hash
    [entry] = store.read(library.articles)
    assert (entry.id, entry.first_opened, entry.last_opened) == (first.article.id, 100.0, 200.0)
    assert entry.content_hash == library.content_hash("Other text.")


def test_library_sorts_by_last_read_and_forgets_with_everything_attached(tmp_path):
    store = open_store(tmp_path / "s")
    a = store.write(library.remember, doc("Alpha.", "https://example.com/a"), 1.0).article
    b = store.write(library.remember, doc("Beta.", "https://example.com/b"), 2.0).article
    store.write(hl.add, a.id, "Alpha.", Span(0, 5))
    store.write(positions.set_mark, a.id, "x", 3)
    assert [e.source for e in store.read(library.articles)] == [b.source, a.source]
    assert store.read(library.find, a.source).highlights == 1
    store.write(library.forget, a.id)
    assert [e.source for e in store.read(library.articles)] == [b.source]
    assert store.read(hl.of_article, a.id) == [] and store.read(positions.marks, a.id) == {}


def test_url_and_piped_articles_are_kept_to_reopen_offline(tmp_path):
    store = open_store(tmp_path / "s")
    web = doc("Kept text.", "https://example.com/k")
    store.write(library.remember, web)
    assert store.read(library.kept_document, web.source) == web
    piped = store.write(library.remember, doc("Piped.", "-")).article
    assert piped.source.startswith("stdin:")
    assert store.read(library.kept_document, piped.source).text == "Piped."
    local = tmp_path / "f.txt"
    store.write(library.remember, doc("File.", str(local)))
    assert store.read(library.kept_document, str(local)) is None  # a file is read again


def test_position_selection_and_marks_are_saved_per_article(tmp_path):
    store = open_store(tmp_path / "s")
    art = store.write(library.remember, doc("Text.", "https://example.com/p")).article
    assert store.read(positions.load, art.id) is None
    store.write(positions.save, art.id, positions.Position(120, "quote:q2"))
    store.write(positions.save, art.id, positions.Position(300, None))
    store.write(positions.set_mark, art.id, "a", 10)
    store.write(positions.set_mark, art.id, "a", 20)
    assert store.read(positions.load, art.id) == positions.Position(300, None)
    assert store.read(positions.marks, art.id) == {"a": 20}


def test_highlights_note_delete_and_restore(tmp_path):
    store = open_store(tmp_path / "s")
    text = "The council met on Monday. It voted to close the bridge."
    art = store.write(library.remember, doc(text, "https://example.com/h")).article
    h = store.write(hl.add, art.id, text, Span(27, 56))
    assert h.quote.exact == "It voted to close the bridge." and h.quote.prefix == text[:27]
    store.write(hl.set_note, h.id, "check *this*")
    [saved] = store.read(hl.of_article, art.id)
    assert saved.note == "check *this*" and saved.modified >= saved.created
    store.write(hl.delete, h.id)
    assert store.read(hl.of_article, art.id) == []
    store.write(hl.restore, saved)
    assert store.read(hl.of_article, art.id) == [saved]


def test_changed_text_reanchors_and_orphans_what_is_gone(tmp_path):
    store = open_store(tmp_path / "s")
    text = "First line stays.\nThe vote was close.\nLast line goes away entirely now."
    art = store.write(library.remember, doc(text, "https://example.com/r")).article
    kept = store.write(hl.add, art.id, text, Span(18, 37))
    gone = store.write(hl.add, art.id, text, Span(38, len(text)))
    new = "A new opening paragraph.\nFirst line stays.\nThe vote was close."
    assert store.write(hl.reanchor, art.id, new) == (1, 1)
    moved, orphan = store.read(hl.of_article, art.id)
    assert (moved.id, new[moved.span.start : moved.span.end]) == (kept.id, "The vote was close.")
    assert orphan.id == gone.id and orphan.orphaned and orphan.quote == gone.quote


def test_settings_round_trip(tmp_path):
    store = open_store(tmp_path / "s")
    store.write(settings.put, "theme", "nord")
    store.write(settings.put, "theme", "gruvbox")
    assert store.read(settings.get, "theme") == "gruvbox"


def test_old_json_state_is_imported_once(tmp_path):
    folder = tmp_path / "s"
    folder.mkdir()
    article = tmp_path / "old.txt"
    article.write_text("Old.", encoding="utf-8")
    recent = [
        {"source": str(article), "title": "Old one", "opened": 50.0},
        {"source": "https://example.com/x", "title": "Web"},
        {"source": str(tmp_path / "missing.txt")},
        {"opened": "x"},
        "junk",
    ]
    (folder / "recent.json").write_text(json.dumps(recent), encoding="utf-8")
    (folder / "settings.json").write_text('{"theme": "nord"}', encoding="utf-8")
    store = open_store(folder)
    assert store.note is None
    [entry] = store.read(library.articles)
    assert (entry.source, entry.title, entry.last_opened) == (str(article), "Old one", 50.0)
    assert store.read(settings.get, "theme") == '"nord"'  # values are JSON
    store.write(library.forget, entry.id)
    store.close()
    assert open_store(folder).read(library.articles) == []  # not imported a second time


@pytest.mark.parametrize("content", ["[]", '{"theme": [1]}', "[[[[" * 50, "not json"])
def test_state_files_of_the_wrong_shape_are_ignored(tmp_path, content):
    folder = tmp_path / "s"
    folder.mkdir()
    (folder / "settings.json").write_text(content, encoding="utf-8")
    (folder / "recent.json").write_text(content, encoding="utf-8")
    store = open_store(folder)
    assert store.remembers and store.read(settings.get, "theme") is None
    ignored = "settings.json" if content == "[]" else "settings.json and recent.json"
    assert store.note == f"reader: ignored {ignored} in {folder} (not what reader writes)"


def test_a_corrupt_database_is_moved_aside_and_a_fresh_one_started(tmp_path):
    folder = tmp_path / "s"
    folder.mkdir()
    (folder / "reader.db").write_bytes(b"this is not a database at all" * 100)
    store = open_store(folder)
    assert store.remembers and store.note and "damaged" in store.note and "\n" not in store.note
    [aside] = folder.glob("reader.db.corrupt-*")
    assert aside.read_bytes().startswith(b"this is not a database")
    assert store.read(schema.user_version) == schema.VERSION


def one_highlight_kept(tmp_path):
    """A closed store holding one article with one highlight: its folder and the article."""
    folder = tmp_path / "s"
    store = open_store(folder)
    art = store.write(library.remember, doc("Kept.", "https://example.com/ro")).article
    store.write(hl.add, art.id, "Kept.", Span(0, 4))
    store.close()
    return folder, art


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only folders")
def test_a_read_only_location_still_reads_and_says_it_cannot_remember(tmp_path):
    folder, art = one_highlight_kept(tmp_path)
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    (folder / "reader.db").chmod(stat.S_IRUSR)
    try:
        again = open_store(folder)
        assert not again.remembers and "cannot remember" in again.note
        assert [h.quote.exact for h in again.read(hl.of_article, art.id)] == ["Kept"]
        again.write(hl.add, art.id, "Kept.", Span(0, 5))  # works for the session
        assert len(again.read(hl.of_article, art.id)) == 2
    finally:
        folder.chmod(stat.S_IRWXU)
        (folder / "reader.db").chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_a_missing_unusable_location_falls_back_to_memory(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    store = open_store(blocker / "sub")
    assert not store.remembers and store.note.startswith("reader: cannot remember")
    assert store.read(library.articles) == []


def test_a_database_from_a_newer_reader_is_not_touched(tmp_path):
    folder = tmp_path / "s"
    open_store(folder).close()
    conn = sqlite3.connect(folder / "reader.db")
    conn.execute(f"PRAGMA user_version = {schema.VERSION + 1}")
    conn.close()
    store = open_store(folder)
    assert not store.remembers and "newer reader" in store.note
    assert not list(folder.glob("*.corrupt-*"))


def test_a_location_that_cannot_be_written_is_read_into_memory(tmp_path):
    """What a read-only folder gives (the test runs as any user): the file's content, in memory."""
    folder, art = one_highlight_kept(tmp_path)
    memory = connection._read_only(folder / "reader.db", "not writable")
    assert not memory.remembers and memory.note == "reader: cannot remember anything: not writable"
    assert [h.quote.exact for h in memory.read(hl.of_article, art.id)] == ["Kept"]


def test_a_store_that_stops_taking_writes_carries_on_in_memory(tmp_path, monkeypatch):
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 50)
    store = open_store(tmp_path / "s")
    art = store.write(library.remember, doc("Text.", "https://example.com/l")).article
    other = sqlite3.connect(tmp_path / "s" / "reader.db", isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another program holds the file
    store.write(positions.set_mark, art.id, "q", 2)
    other.execute("ROLLBACK")
    assert not store.remembers and "cannot remember changes" in store.note
    assert store.read(positions.marks, art.id) == {"q": 2}
    assert store.read(library.find, art.source) is not None


def test_a_url_that_cannot_be_fetched_reopens_from_the_kept_copy(tmp_path):
    import http.server
    import threading

    from reader.document.errors import LoadError
    from reader.store.reading import load_remembered, open_document

    (tmp_path / "page.txt").write_text("Harbour news\n\nThe harbour reopened.\n", encoding="utf-8")
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    url = f"http://127.0.0.1:{server.server_port}/page.txt"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    store = open_store(tmp_path / "s")
    try:
        fetched, note = load_remembered(store, url)
        assert note is None and "harbour reopened" in fetched.text
        open_document(store, fetched)
    finally:
        server.shutdown()
        server.server_close()
    kept, note = load_remembered(store, url)
    assert kept.text == fetched.text and "copy kept" in note
    with pytest.raises(LoadError):
        load_remembered(store, f"http://127.0.0.1:{server.server_port}/never-read.txt")
