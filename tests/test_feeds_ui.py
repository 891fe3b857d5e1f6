"""Pilot tests of the Feeds view: it lists what the store holds, refreshes in a worker, opens items
through the loader (or the feed's own text), marks them read, and steps to the next item."""

from __future__ import annotations

import pytest
from feeds_fixture import PARAGRAPHS, Page, Story, article_page, rss2, serve
from textual.widgets import DataTable, OptionList
from ui_fixture import toasts

from reader.feeds.follow import follow
from reader.store import feeds as stored
from reader.store import open_store
from reader.ui.app import ReaderApp
from reader.ui.screens.feeds import FeedsScreen
from reader.ui.screens.reading import ReadingScreen

SIZE = (140, 36)


@pytest.fixture(autouse=True)
def state_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_STATE_DIR", str(tmp_path / "state"))


@pytest.fixture
def site():
    with serve() as s:
        s.pages["/story-a.html"] = Page(article_page("Footbridge opens", PARAGRAPHS), "text/html")
        s.pages["/feed.xml"] = Page(
            rss2(
                [
                    Story("Footbridge opens", s.url("/story-a.html"), "a", day=3),
                    Story(
                        "Ferry back", s.url("/gone.html"), "b", "<p>Ferries run again.</p>", day=2
                    ),
                ]
            )
        )
        store = open_store()
        follow(store, s.url("/feed.xml"))
        store.close()
        yield s


async def until(pilot, check, what: str):
    for _ in range(500):
        if check():
            await pilot.pause()
            return
        await pilot.pause(0.02)
    raise AssertionError(f"never happened: {what}")


def titles(screen: FeedsScreen) -> list[tuple[str, bool]]:
    """Each row's title and whether it is painted bold (unread)."""
    table = screen.query_one(DataTable)
    rows = [table.get_row_at(n) for n in range(table.row_count)]
    return [(str(title), bool(title.style) and "bold" in str(title.style)) for *_, title in rows]


def prompts(screen: FeedsScreen) -> list[str]:
    options = screen.query_one("#feeds-list", OptionList)
    return [str(options.get_option_at_index(n).prompt) for n in range(options.option_count)]


async def test_feeds_view_reads_an_item_marks_it_read_and_steps_to_the_next(site):
    app = ReaderApp(analyser=None, library_dirs=[])
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("I")
        screen = app.screen
        assert isinstance(screen, FeedsScreen)
        assert titles(screen) == [("Footbridge opens", True), ("Ferry back", True)]
        assert prompts(screen) == ["All feeds  2", "Harbour Town Gazette  2"]

        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ReadingScreen), "the article opened")
        assert "Mayor Lena Okafor opened the new footbridge" in app.screen.document.text
        assert app.screen.document.date == "2026-03-05"  # the feed's date for the item

        await pilot.press("J")  # the next item: its page is a 404
        await until(
            pilot,
            lambda: isinstance(app.screen, ReadingScreen) and "Ferries" in app.screen.document.text,
            "the next item opened",
        )
        await until(pilot, lambda: "feed's own text" in toasts(app), "the notice shown")
        assert len(app.screen_stack) == 4  # the default screen, library, feeds, one reading screen

        await pilot.press("I")
        assert app.screen is screen
        assert titles(screen) == [("Footbridge opens", False), ("Ferry back", False)]
        assert prompts(screen) == ["All feeds", "Harbour Town Gazette"]
        await pilot.press("m")  # the cursor is on the last item read
        assert titles(screen)[1] == ("Ferry back", True)


async def test_r_refreshes_in_a_worker_and_adds_the_new_items(site):
    app = ReaderApp(analyser=None, library_dirs=[])
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("I")
        screen = app.screen
        site.pages["/feed.xml"] = Page(
            rss2([Story("Library reopens", site.url("/c.html"), "c", day=5)]), delay=0.2
        )
        await pilot.press("r")
        await until(pilot, lambda: len(titles(screen)) == 3, "the new item listed")
        assert titles(screen)[0] == ("Library reopens", True)
        await until(pilot, lambda: "1 new item from 1 feed" in toasts(app), "the refresh said")

        del site.pages["/feed.xml"]
        await pilot.press("r")
        await until(pilot, lambda: "!" in prompts(screen)[1], "the failure marked")
        await pilot.press("shift+tab", "down")  # the feed list, then the feed
        note = str(screen.query_one("#feeds-note").render())
        assert note.startswith("Its last refresh failed: ") and "404" in note


async def test_a_feed_url_given_to_the_app_opens_the_feeds_view_following_it(tmp_path):
    with serve() as s:
        s.pages["/other.xml"] = Page(rss2([Story("Dam inspected", s.url("/d.html"), "d")]))
        app = ReaderApp(s.url("/other.xml"), analyser=None, library_dirs=[])
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await until(pilot, lambda: isinstance(app.screen, FeedsScreen), "the feeds view")
            await until(pilot, lambda: titles(app.screen) == [("Dam inspected", True)], "its items")
    store = open_store()
    assert [f.url for f in store.read(stored.feeds)] == [s.url("/other.xml")]
    store.close()


async def test_leaving_the_view_during_a_refresh_is_harmless(site):
    app = ReaderApp(analyser=None, library_dirs=[])
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("I")
        screen = app.screen
        site.pages["/feed.xml"] = Page(site.pages["/feed.xml"].body, delay=0.5)
        await pilot.press("r", "escape")
        assert not isinstance(app.screen, FeedsScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running and screen not in app.screen_stack


async def test_a_feed_file_opens_the_view_following_it(tmp_path):
    path = tmp_path / "local.xml"
    path.write_bytes(rss2([Story("Orchard harvest", "http://127.0.0.1:9/o.html", "o")]))
    app = ReaderApp(feed=str(path), analyser=None, library_dirs=[])
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await until(pilot, lambda: isinstance(app.screen, FeedsScreen), "the feeds view")
        await until(pilot, lambda: titles(app.screen) == [("Orchard harvest", True)], "its items")
        assert "Harbour Town Gazette" in prompts(app.screen)[1]


async def test_a_long_list_is_built_a_chunk_at_a_time_as_the_cursor_goes_down():
    from feeds_fixture import stories

    from reader.feeds.parse import parse
    from reader.ui.screens.feeds import CHUNK

    store = open_store()
    feed, _ = store.write(stored.add, "http://127.0.0.1:9/long.xml")
    parsed = parse(rss2(stories(2 * CHUNK + 50, "http://127.0.0.1:9")), feed.url)
    store.write(stored.save, feed.id, parsed.entries, parsed.title)
    store.close()
    app = ReaderApp(analyser=None, library_dirs=[])
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("I")
        table = app.screen.query_one(DataTable)
        assert table.row_count == CHUNK and len(app.screen.items) == 2 * CHUNK + 50
        await pilot.press("ctrl+end")
        assert table.row_count == 2 * CHUNK
        await pilot.press("ctrl+end")
        assert table.row_count == 2 * CHUNK + 50
        assert str(table.get_row_at(2 * CHUNK + 49)[-1]) == f"Story {2 * CHUNK + 49}"
