"""``reader feeds …`` and ``reader analyse`` on a feed, driven through ``reader.cli.main``."""

from __future__ import annotations

import json

import pytest
from feeds_fixture import PARAGRAPHS, Page, Story, article_page, rss2, serve, stories

from reader.cli import main

KEYS = ["feed", "feed_title", "title", "link", "published", "author", "read"]


@pytest.fixture(autouse=True)
def state_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_STATE_DIR", str(tmp_path / "state"))


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(["feeds", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_add_list_items_and_remove(capsys):
    with serve() as site:
        site.pages["/feed.xml"] = Page(
            rss2(
                [
                    Story("Older", site.url("/1.html"), "1", author="Ada Mensah", day=1),
                    Story("Newer", site.url("/2.html"), "2", day=4),
                ]
            )
        )
        status, out, _ = run(capsys, "add", site.url("/feed.xml"))
        assert status == 0
        assert out == f"Following Harbour Town Gazette <{site.url('/feed.xml')}>: 2 new items\n"
        status, out, _ = run(capsys, "add", site.url("/feed.xml"))
        assert out.startswith("Already following Harbour Town Gazette")
    status, out, _ = run(capsys)
    assert out.split() == [
        "1",
        "2",
        "unread",
        "of",
        "2",
        "Harbour",
        "Town",
        "Gazette",
        f"<{site.url('/feed.xml')}>",
    ]
    status, out, _ = run(capsys, "items", "--format", "json")
    rows = [json.loads(line) for line in out.splitlines()]
    assert [list(r) for r in rows] == [KEYS, KEYS]
    assert [r["title"] for r in rows] == ["Newer", "Older"]
    assert rows[1] == {
        "feed": site.url("/feed.xml"),
        "feed_title": "Harbour Town Gazette",
        "title": "Older",
        "link": site.url("/1.html"),
        "published": "2026-03-03T08:00:00Z",
        "author": "Ada Mensah",
        "read": False,
    }
    status, out, _ = run(capsys, "items", "Harbour Town Gazette")
    assert out.splitlines()[0].startswith("* 2026-03-06  Harbour Town Gazette  Newer")
    status, out, _ = run(capsys, "remove", "1")
    assert status == 0 and out.startswith("No longer following Harbour Town Gazette")
    assert run(capsys, "items")[1] == ""


def test_unknown_feeds_and_non_feeds_are_one_line_errors(capsys):
    status, _, err = run(capsys, "remove", "Nowhere News")
    assert (
        status == 1
        and err == "reader: no feed 'Nowhere News' is followed (`reader feeds` lists them)\n"
    )
    with serve() as site:
        site.pages["/page.html"] = Page(article_page("Just a page", PARAGRAPHS), "text/html")
        status, _, err = run(capsys, "add", site.url("/page.html"))
    assert status == 1 and err.count("\n") == 1 and "a web page that names no feed" in err


def test_refresh_prints_one_line_per_failed_feed_and_exits_1(capsys):
    with serve() as site:
        site.pages["/a.xml"] = Page(rss2(stories(3, site.url("/a"))))
        site.pages["/b.xml"] = Page(rss2(stories(1, site.url("/b"), "B")))
        run(capsys, "add", site.url("/a.xml"))
        run(capsys, "add", site.url("/b.xml"))
        site.pages["/a.xml"] = Page(
            rss2(
                [Story("Fresh", site.url("/a/fresh"), "fresh", day=9), *stories(3, site.url("/a"))]
            )
        )
        del site.pages["/b.xml"]
        status, out, err = run(capsys, "refresh")
    assert status == 1
    assert out == "1 of 2 feeds refreshed, 1 new item, 1 failed\n"
    assert (
        err.count("\n") == 1 and "404" in err and err.startswith("reader: Harbour Town Gazette: ")
    )
    status, out, _ = run(capsys, "items", "--unread", "--format", "json")
    assert len(out.splitlines()) == 5


def test_opml_export_then_import_elsewhere(capsys, tmp_path, monkeypatch):
    with serve() as site:
        site.pages["/a.xml"] = Page(rss2(stories(1, site.url("/a"))))
        run(capsys, "add", site.url("/a.xml"))
    status, exported, _ = run(capsys, "export")
    assert status == 0 and exported.startswith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">'
    )
    path = tmp_path / "subs.opml"
    path.write_text(exported)
    monkeypatch.setenv("READER_STATE_DIR", str(tmp_path / "elsewhere"))
    status, out, _ = run(capsys, "import", str(path))
    assert status == 0 and out.startswith("Following 1 new feed (0 already followed)")
    assert run(capsys, "export")[1].split("<body>")[1] == exported.split("<body>")[1]


def test_analyse_on_a_feed_says_how_to_follow_it(capsys, tmp_path):
    path = tmp_path / "news.xml"
    path.write_bytes(rss2(stories(2, "http://127.0.0.1")))
    assert main(["analyse", str(path)]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1
    assert f"is a news feed, not an article: follow it with `reader feeds add {path}`" in err
