"""Benchmark feeds (not a test): refresh time for 50 feeds x 50 items from local servers, and the
time to open an item (fetch + extract + first paint).

    .venv/bin/python tools/bench_feeds.py

Servers run on 127.0.0.1 in this process and serve generated feeds (tests/feeds_fixture.py).
"One server" is where the per-host limit (2 at a time) binds; "five servers" lets the pool work.
The second refresh is all conditional GETs answered 304.  Opening an item is timed from Enter in
the Feeds view (the real app, headless, 160x45, analysis off) to the first row of the article
painted, for 5 items whose pages have not been read before, and again for those items once kept.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from feeds_fixture import PARAGRAPHS, Page, Site, article_page, rss2, serve, stories

FEEDS, ITEMS, SERVERS = 50, 50, 5


def fill(site: Site, feeds: range) -> None:
    page = article_page("Footbridge opens", PARAGRAPHS * 12)
    for n in feeds:
        base = site.url(f"/f{n}")
        site.pages[f"/f{n}.xml"] = Page(
            rss2(stories(ITEMS, base, f"Feed {n} story")), etag=f'"{n}"'
        )
        for i in range(ITEMS):
            site.pages[f"/f{n}/story-{i}.html"] = Page(page, "text/html")


def bench_refresh(servers: int) -> None:
    from reader.feeds.refresh import refresh
    from reader.store import feeds as stored
    from reader.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp))
        sites = [serve() for _ in range(servers)]
        entered = [s.__enter__() for s in sites]
        per = FEEDS // servers
        for k, site in enumerate(entered):
            fill(site, range(k * per, (k + 1) * per))
            for n in range(k * per, (k + 1) * per):
                store.write(stored.add, site.url(f"/f{n}.xml"))
        timings = []
        for _ in range(2):
            t0 = time.perf_counter()
            outcomes = refresh(store)
            timings.append(time.perf_counter() - t0)
            assert not [o for o in outcomes if o.error]
        total = len(store.read(stored.items))
        for s in sites:
            s.__exit__(None, None, None)
        store.close()
    label = "one server" if servers == 1 else f"{servers} servers"
    print(
        f"refresh {FEEDS} feeds x {ITEMS} items, {label}: first {timings[0]:.2f} s "
        f"({total} items stored), again (all 304) {timings[1]:.2f} s"
    )


def bench_open() -> None:
    from reader.feeds.follow import follow
    from reader.store import open_store
    from reader.ui.app import ReaderApp
    from reader.ui.screens.feeds import FeedsScreen
    from reader.ui.widgets.article import ArticleView

    painted: list[float] = []
    render_line = ArticleView.render_line

    def timed(self, y):  # type: ignore[no-untyped-def]
        if not painted:
            painted.append(time.perf_counter())
        return render_line(self, y)

    ArticleView.render_line = timed  # type: ignore[method-assign]

    async def drive(app: ReaderApp, rounds: int) -> list[float]:
        out = []
        async with app.run_test(size=(160, 45)) as pilot:
            await pilot.press("I")
            for n in range(rounds):
                await pilot.press("I")
                screen = app.screen
                assert isinstance(screen, FeedsScreen)
                screen.query_one("DataTable").move_cursor(row=n)
                painted.clear()
                t0 = time.perf_counter()
                await pilot.press("enter")
                while not painted:
                    await pilot.pause(0.001)
                out.append(painted[0] - t0)
        return out

    with tempfile.TemporaryDirectory() as tmp, serve() as site:
        os.environ["READER_STATE_DIR"] = tmp
        fill(site, range(1))
        store = open_store()
        follow(store, site.url("/f0.xml"))
        store.close()
        fresh = asyncio.run(drive(ReaderApp(analyser=None, library_dirs=[]), 5))
        kept = asyncio.run(drive(ReaderApp(analyser=None, library_dirs=[]), 5))
    ms = [statistics.median(fresh) * 1000, fresh[0] * 1000, statistics.median(kept) * 1000]
    print(
        f"open an item (Enter to first paint, 160x45): fetched {ms[0]:.0f} ms median"
        f" (first {ms[1]:.0f} ms), kept copy {ms[2]:.0f} ms median"
    )


def main() -> None:
    bench_refresh(1)
    bench_refresh(SERVERS)
    bench_open()


if __name__ == "__main__":
    main()
