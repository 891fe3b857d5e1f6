"""Feeds core: parsing, OPML, discovery, refresh (concurrency, conditional GET, de-duplication),
opening an item.  Every server is a local one on 127.0.0.1 serving what the test generated."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace

import pytest
from feeds_fixture import (
    PARAGRAPHS,
    Page,
    Story,
    article_page,
    atom,
    rss1,
    rss2,
    serve,
    stories,
)

from reader.document.errors import LoadError
from reader.document.load import load
from reader.feeds import opml
from reader.feeds.article import html_text, open_item
from reader.feeds.discover import feed_links
from reader.feeds.follow import export_opml, follow, import_opml
from reader.feeds.parse import FeedSource, looks_like_feed, parse
from reader.feeds.refresh import refresh
from reader.store import feeds as stored
from reader.store import library, open_store


@pytest.fixture(autouse=True)
def state_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_STATE_DIR", str(tmp_path / "state"))


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "store")
    yield s
    s.close()


# -- parsing ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("render", "title"),
    [(rss2, "Harbour Town Gazette"), (atom, "Valley Courier"), (rss1, "Upland Ledger")],
)
def test_rss2_atom_and_rss1_give_titles_links_and_utc_dates(render, title):
    items = [Story("Bridge opens", "http://127.0.0.1/a.html", "g-1", author="Ada Mensah", day=1)]
    parsed = parse(render(items), "http://127.0.0.1/feed")
    assert parsed.title == title and parsed.problem is None
    [entry] = parsed.entries
    assert (entry.title, entry.link) == ("Bridge opens", "http://127.0.0.1/a.html")
    assert entry.published == "2026-03-03T08:00:00Z"
    assert "A short summary" in html_text(entry.summary)


def test_a_truncated_feed_is_read_as_far_as_it_goes():
    whole = rss2(stories(3, "http://127.0.0.1"))
    cut = whole[: whole.index(b"<item>", whole.index(b"Story 1")) + 20]  # inside the third item
    parsed = parse(cut, "http://127.0.0.1/feed")
    assert [e.title for e in parsed.entries][:2] == ["Story 0", "Story 1"]
    assert parsed.problem


def test_a_page_that_is_no_feed_is_a_one_line_error():
    with pytest.raises(LoadError, match="not a news feed") as caught:
        parse(b"just some words, not XML at all", "http://127.0.0.1/x")
    assert "\n" not in str(caught.value)


def test_feed_titles_lose_control_characters():
    feed = rss2([Story("Red \x1b[31malert\x1b[0m", "http://127.0.0.1/a")], title="Bad\x07 Feed")
    parsed = parse(feed, "http://127.0.0.1/f")
    assert parsed.title == "Bad Feed"
    assert "\x1b" not in parsed.entries[0].title


def test_feed_sniffing_sees_rss_atom_and_rdf_but_not_html():
    assert looks_like_feed(rss2([])) and looks_like_feed(atom([])) and looks_like_feed(rss1([]))
    assert looks_like_feed(b"\xef\xbb\xbf<?xml version='1.0'?>\n<!-- c -->\n<rss version='2.0'>")
    assert not looks_like_feed(article_page("A page", PARAGRAPHS))
    assert not looks_like_feed(b"The rss of the matter is plain text.")


# -- OPML, discovery -------------------------------------------------------------------------------


def test_opml_round_trip_keeps_urls_titles_and_sites_and_flattens_folders():
    outlines = [
        opml.Outline("http://127.0.0.1/a.xml", "Alpha & Co", "http://127.0.0.1/"),
        opml.Outline("http://127.0.0.1/b.xml", None, None),
    ]
    assert opml.read(opml.write(outlines).encode(), "x.opml") == [
        outlines[0],
        opml.Outline("http://127.0.0.1/b.xml", "http://127.0.0.1/b.xml", None),  # text= names it
    ]
    nested = (
        b'<opml version="1.0"><body><outline text="News"><outline text="C" xmlUrl="http://h/c"/>'
        b'</outline><outline text="C again" xmlUrl="http://h/c"/></body></opml>'
    )
    assert opml.read(nested, "n.opml") == [opml.Outline("http://h/c", "C")]
    odd = (
        b'<opml version="2.0"><body><outline text="Evil&#x9b;31m Feed" xmlUrl="http://h/e"/>'
        b'<outline text="Local" xmlUrl="file:///etc/passwd"/></body></opml>'
    )
    assert opml.read(odd, "odd.opml") == [opml.Outline("http://h/e", "Evil31m Feed")]
    with pytest.raises(LoadError, match="not an OPML file"):
        opml.read(b"<html><body/></html>", "page.html")
    with pytest.raises(LoadError, match="not an OPML file"):
        opml.read(b"<opml", "broken.opml")


def test_import_and_export_through_the_store(store, tmp_path):
    path = tmp_path / "subs.opml"
    path.write_text(opml.write([opml.Outline("http://127.0.0.1/a.xml", "Alpha")]))
    assert import_opml(store, str(path)) == (1, 0)
    assert import_opml(store, str(path)) == (0, 1)
    assert opml.read(export_opml(store).encode(), "out") == [
        opml.Outline("http://127.0.0.1/a.xml", "Alpha")
    ]


def test_feed_links_are_read_from_link_rel_alternate_and_made_absolute():
    html = (
        '<html><head><link rel="stylesheet" href="s.css"><link rel="alternate" '
        'type="application/rss+xml" href="/news/feed.xml"><link rel="alternate" '
        'type="application/atom+xml" href="https://127.0.0.1/atom"><link rel="alternate" '
        'hreflang="fr" href="/fr/"></head></html>'
    )
    assert feed_links(html, "http://127.0.0.1:9/section/page.html") == [
        "http://127.0.0.1:9/news/feed.xml",
        "https://127.0.0.1/atom",
    ]


def test_following_a_page_follows_the_feed_it_names(store):
    with serve() as site:
        site.pages["/feed.xml"] = Page(rss2(stories(3, site.url(""))))
        site.pages["/"] = Page(
            b'<html><head><link rel="alternate" type="application/rss+xml" href="feed.xml">'
            b"</head><body><p>Front page</p></body></html>",
            "text/html",
        )
        feed, new, created = follow(store, site.url("/"))
    assert (feed.url, feed.title, new, created) == (
        site.url("/feed.xml"),
        "Harbour Town Gazette",
        3,
        True,
    )


def test_following_a_page_without_a_feed_says_so(store):
    with serve() as site:
        site.pages["/"] = Page(article_page("No feed here", PARAGRAPHS), "text/html")
        with pytest.raises(LoadError, match="a web page that names no feed"):
            follow(store, site.url("/"))
    assert store.read(stored.feeds) == []


# -- refresh ---------------------------------------------------------------------------------------


def test_refresh_adds_new_items_once_by_guid_and_keeps_read_flags(store):
    with serve() as site:
        site.pages["/f"] = Page(rss2(stories(3, site.url(""))))
        feed, _, _ = follow(store, site.url("/f"))
        first = store.read(stored.items, feed.id)
        store.write(stored.mark_read, first[0].id)
        # the same guids with new titles and links, and one new story
        again = [
            Story(f"Retitled {i}", site.url(f"/moved-{i}"), s.guid, day=s.day)
            for i, s in enumerate(stories(3, ""))
        ]
        site.pages["/f"] = Page(rss2([Story("Newest", site.url("/n"), "g-new", day=9), *again]))
        [outcome] = refresh(store)
    assert outcome.new == 1 and outcome.error is None
    items = store.read(stored.items, feed.id)
    assert [i.title for i in items] == ["Newest", "Story 0", "Story 1", "Story 2"]
    assert [i.read for i in items] == [False, True, False, False]


def test_items_without_guid_are_known_by_link(store):
    with serve() as site:
        no_guid = [Story(f"Plain {i}", site.url(f"/p{i}")) for i in range(2)]
        site.pages["/f"] = Page(rss2(no_guid))
        feed, new, _ = follow(store, site.url("/f"))
        site.pages["/f"] = Page(rss2([Story("Plain 0, updated", site.url("/p0")), *no_guid[1:]]))
        [outcome] = refresh(store)
    assert (new, outcome.new) == (2, 0)
    assert len(store.read(stored.items, feed.id)) == 2


def test_conditional_get_sends_the_etag_and_a_304_changes_nothing(store):
    with serve() as site:
        site.pages["/f"] = Page(rss2(stories(2, site.url(""))), etag='"v1"')
        follow(store, site.url("/f"))
        [outcome] = refresh(store)
        headers = site.requests[-1][1]
    assert headers.get("If-None-Match") == '"v1"'
    assert outcome.unchanged and outcome.new == 0 and outcome.error is None


def test_conditional_get_sends_last_modified_when_there_is_no_etag(store):
    stamp = "Mon, 02 Mar 2026 08:00:00 GMT"
    with serve() as site:
        site.pages["/f"] = Page(rss2(stories(2, site.url(""))), modified=stamp)
        follow(store, site.url("/f"))
        [outcome] = refresh(store)
        headers = site.requests[-1][1]
    assert headers.get("If-Modified-Since") == stamp and "If-None-Match" not in headers
    assert outcome.unchanged


def test_at_most_two_requests_to_one_server_at_a_time(store):
    with serve() as one, serve() as two:
        for site in (one, two):
            for n in range(6):
                site.pages[f"/f{n}"] = Page(rss2(stories(2, site.url(f"/{n}"))), delay=0.3)
                store.write(stored.add, site.url(f"/f{n}"))
        outcomes = refresh(store, workers=6)
    assert len(outcomes) == 12 and not [o for o in outcomes if o.error]
    assert one.most_active == 2 and two.most_active == 2  # in parallel, and never more than 2
    assert len(store.read(stored.items)) == 24


def test_failures_are_one_line_each_and_do_not_stop_the_others(store):
    with serve() as site:
        site.pages["/good"] = Page(rss2(stories(2, site.url(""))))
        site.pages["/slow"] = Page(rss2(stories(2, site.url(""))), delay=2.0)
        site.pages["/trickle"] = Page(rss2(stories(2, site.url(""))), trickle=0.05)
        site.pages["/garbage"] = Page(b"\x00\x01 not a feed", "application/octet-stream")
        for path in ("/good", "/slow", "/trickle", "/garbage", "/missing"):
            store.write(stored.add, site.url(path))
        progress: list[tuple[int, int]] = []
        outcomes = refresh(store, timeout=0.5, progress=lambda d, t, _: progress.append((d, t)))
    errors = {o.feed.url.rsplit("/", 1)[1]: o.error for o in outcomes}
    assert errors["good"] is None
    assert "no complete answer within 0.5 s" in errors["slow"]
    assert "no complete answer within 0.5 s" in errors["trickle"]
    assert "404" in errors["missing"] and "not a news feed" in errors["garbage"]
    assert all("\n" not in e for e in errors.values() if e)
    assert progress == [(n, 5) for n in range(1, 6)]
    failed = {f.url.rsplit("/", 1)[1]: f.error for f in store.read(stored.feeds)}
    assert failed["good"] is None and failed["missing"]


def test_a_redirecting_feed_is_followed_where_it_went(store):
    with serve() as site:
        site.pages["/old"] = Page(b"", status=301, location=site.url("/new"))
        site.pages["/new"] = Page(atom(stories(2, site.url(""))))
        feed, new, _ = follow(store, site.url("/old"))
    assert (feed.url, new) == (site.url("/new"), 2)


def test_five_thousand_items_are_stored_once_newest_first(store):
    with serve() as site:
        site.pages["/big"] = Page(rss2(stories(5000, site.url(""))))
        feed, new, _ = follow(store, site.url("/big"))
        [outcome] = refresh(store)
    items = store.read(stored.items, feed.id)
    assert (new, outcome.new, len(items)) == (5000, 0, 5000)
    assert items[0].title == "Story 0" and items[-1].title == "Story 4999"
    assert store.read(stored.get, feed.id).unread == 5000


# -- opening items ---------------------------------------------------------------------------------


def test_an_item_opens_as_its_page_is_kept_and_reopens_offline(store):
    with serve() as site:
        site.pages["/f"] = Page(rss2([Story("Bridge", site.url("/story.html"), "g1")]))
        site.pages["/story.html"] = Page(article_page("Footbridge opens", PARAGRAPHS), "text/html")
        feed, _, _ = follow(store, site.url("/f"))
        [item] = store.read(stored.items, feed.id)
        opened = open_item(store, item)
    assert opened.notice is None and "Okafor" in opened.document.text
    assert store.read(stored.items, feed.id)[0].read
    assert store.read(library.kept_document, site.url("/story.html")).text == opened.document.text
    again = open_item(store, item)  # the server is gone
    assert again.document.text == opened.document.text and again.notice is None


def test_an_item_whose_page_is_missing_shows_the_feeds_text_with_a_notice(store):
    with serve() as site:
        summary = "<p>The ferry resumed service.</p><p>Crews worked overnight.</p>"
        site.pages["/f"] = Page(rss2([Story("Ferry back", site.url("/gone.html"), "g2", summary)]))
        feed, _, _ = follow(store, site.url("/f"))
        [item] = store.read(stored.items, feed.id)
        opened = open_item(store, item)
    assert opened.notice and "404" in opened.notice and "feed's own text" in opened.notice
    text = opened.document.text
    assert (
        text.startswith("Ferry back")
        and "The ferry resumed service.\n\nCrews worked overnight." in text
    )
    assert opened.document.title == "Ferry back" and opened.document.date == "2026-03-02"
    assert store.read(stored.items, feed.id)[0].read
    store.write(library.remember, opened.document)  # as the reading screen does with what it shows
    with serve() as again:
        again.pages["/gone.html"] = Page(article_page("Ferry back", PARAGRAPHS), "text/html")
        moved = replace(item, link=again.url("/gone.html"))
        store.write(library.remember, replace(opened.document, source=moved.link))
        reopened = open_item(store, moved)  # the page is back: it is fetched, not the summary
    assert reopened.notice is None and "Okafor" in reopened.document.text


def test_the_loader_says_a_feed_file_or_url_is_a_feed(tmp_path):
    path = tmp_path / "news.xml"
    path.write_bytes(rss2(stories(1, "http://127.0.0.1")))
    with pytest.raises(FeedSource, match="reader feeds add"):
        load(str(path))
    with serve() as site:
        site.pages["/feed.xml"] = Page(rss2(stories(1, "http://127.0.0.1")), "application/rss+xml")
        with pytest.raises(FeedSource, match="is a news feed"):
            load(site.url("/feed.xml"))
        site.pages["/data.xml"] = Page(b"<data>not a feed</data>", "application/xml")
        with pytest.raises(LoadError, match="content type") as caught:
            load(site.url("/data.xml"))
    assert not isinstance(caught.value, FeedSource)


def test_the_feeds_core_never_imports_textual():
    code = (
        "import sys, reader.feeds.commands, reader.feeds.article, reader.store.feeds; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual' or "
        "m.startswith('reader.ui')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_store_from_before_feeds_gains_their_tables_and_keeps_its_articles(tmp_path):
    import sqlite3

    from reader.store import schema

    folder = tmp_path / "old"
    folder.mkdir()
    conn = sqlite3.connect(folder / "reader.db", isolation_level=None)
    for statement in schema._statements(schema.MIGRATIONS[0]):
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.execute(
        "INSERT INTO articles (source, content_hash, first_opened, last_opened)"
        " VALUES ('/tmp/a.txt', '', 1, 1)"
    )
    conn.close()
    store = open_store(folder)
    assert store.read(schema.user_version) == schema.VERSION >= 2
    assert [a.source for a in store.read(library.articles)] == ["/tmp/a.txt"]
    feed, created = store.write(stored.add, "http://127.0.0.1:9/f.xml", "F")
    assert created and store.read(stored.feeds) == [feed]
    store.close()
