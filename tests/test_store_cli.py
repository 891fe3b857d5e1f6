"""`reader library` and `reader export` on a store in a temporary folder."""

from __future__ import annotations

import json

import pytest

from reader.cli import main
from reader.document.load import load
from reader.document.model import Span
from reader.store import highlights as hl
from reader.store import open_store
from reader.store.reading import open_document
from tests.conftest import SEED


@pytest.fixture(autouse=True)
def state_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("COLUMNS", "80")


@pytest.fixture
def marked():
    store = open_store()
    document = load(str(SEED))
    article = open_document(store, document).article
    store.write(hl.add, article.id, document.text, Span(60, 120), "check this")
    store.close()
    return document


def test_library_lists_each_article_once_in_80_columns(marked, capsys):
    open_document(open_store(), marked)  # opened a second time: still one row
    assert main(["library"]) == 0
    header, row = capsys.readouterr().out.splitlines()
    assert header.split() == ["Last", "read", "Read", "Marks", "Title", "Source"]
    assert len(row) <= 80 and row.endswith("articles/nato-kyiv-bucharest.txt")
    assert row.split()[1:3] == ["0%", "1"]


def test_library_json_has_both_dates_and_the_counts(marked, capsys):
    assert main(["library", "--format", "json"]) == 0
    [row] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert row["source"] == str(SEED) and row["highlights"] == 1
    assert row["title"] == marked.title and row["last_read"].endswith("Z")
    assert {"date", "first_opened", "progress"} <= row.keys()


def test_export_markdown_and_json(marked, capsys):
    assert main(["export", str(SEED)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"# {marked.title}\n")
    assert f"> {marked.text[60:120]}\n\ncheck this\n" in out
    assert main(["export", "--all", "--format", "json", "--with-quotes"]) == 0
    data = json.loads(capsys.readouterr().out)
    kinds = [item["motivation"] for item in data["first"]["items"]]
    assert kinds[0] == "commenting" and kinds.count("identifying") >= 1


def test_export_of_an_unknown_source_says_so_in_one_line(capsys):
    assert main(["export", "nowhere.txt"]) == 1
    assert capsys.readouterr().err == "reader: nowhere.txt: not in the library (open it first)\n"
    with pytest.raises(SystemExit) as exit_:
        main(["export"])
    assert exit_.value.code == 2
