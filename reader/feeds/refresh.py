"""Refresh feeds concurrently: a small thread pool, at most ``PER_HOST`` requests to one server at
a time, conditional GETs (an unchanged feed costs a 304), one outcome per feed."""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from itertools import chain, zip_longest
from urllib.parse import urlsplit

from reader.document.errors import LoadError
from reader.feeds.follow import fetch
from reader.feeds.http import DEADLINE_S
from reader.feeds.parse import parse
from reader.store import Store
from reader.store import feeds as stored

WORKERS = 6
PER_HOST = 2


@dataclass(frozen=True, slots=True)
class Outcome:
    feed: stored.Feed
    new: int = 0
    unchanged: bool = False  # the server answered 304
    error: str | None = None  # the refresh failed: why, in one line
    problem: str | None = None  # the feed is malformed and was read only in part

    def say(self, what: str) -> str:
        """``what`` (which names the URL) prefixed with the feed's title, if it has one."""
        return f"{self.feed.title}: {what}" if self.feed.title else what

    @property
    def failure(self) -> str:
        """Why the refresh failed, as one line for the reader."""
        return self.say(self.error or "")


Progress = Callable[[int, int, Outcome], None]
"""Called after each feed with (feeds done, feeds in all, its outcome)."""


def refresh(
    store: Store,
    feeds: Sequence[stored.Feed] | None = None,
    progress: Progress | None = None,
    *,
    workers: int = WORKERS,
    per_host: int = PER_HOST,
    timeout: float = DEADLINE_S,
) -> list[Outcome]:
    """Refresh ``feeds`` (default: all followed); the outcomes in the order they finished."""
    feeds = store.read(stored.feeds) if feeds is None else feeds
    hosts: dict[str, list[stored.Feed]] = defaultdict(list)
    for feed in feeds:
        hosts[_host(feed.url)].append(feed)
    gates = {host: threading.BoundedSemaphore(per_host) for host in hosts}
    # one server's feeds spread through the queue, so waiting threads do not pile up on it
    order = [f for f in chain.from_iterable(zip_longest(*hosts.values())) if f is not None]

    def one(feed: stored.Feed) -> Outcome:
        with gates[_host(feed.url)]:
            return _refresh_one(store, feed, timeout)

    outcomes: list[Outcome] = []
    with ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="feeds") as pool:
        for future in as_completed([pool.submit(one, f) for f in order]):
            outcomes.append(future.result())
            if progress is not None:
                progress(len(outcomes), len(order), outcomes[-1])
    return outcomes


def _host(url: str) -> str:
    return urlsplit(url).netloc.lower() or "file"


def _refresh_one(store: Store, feed: stored.Feed, timeout: float) -> Outcome:
    try:
        response = fetch(feed.url, feed.etag, feed.modified, timeout)
        if response.status == 304:
            store.write(stored.checked, feed.id, feed.etag, feed.modified)
            return Outcome(feed, unchanged=True)
        parsed = parse(response.body, response.url)
    except LoadError as error:
        store.write(stored.failed, feed.id, str(error))
        return Outcome(feed, error=str(error))
    new = store.write(stored.save, feed.id, parsed.entries, parsed.title, parsed.site)
    store.write(stored.checked, feed.id, response.etag, response.modified)
    return Outcome(feed, new=new, problem=parsed.problem)
