"""Following a source: a feed URL or file, or a page whose ``<link rel="alternate">`` names one;
OPML import and export."""

from __future__ import annotations

from pathlib import Path

from reader.document.decode import decode
from reader.document.errors import LoadError
from reader.document.limits import MAX_BYTES, human_size
from reader.feeds import http, opml
from reader.feeds.discover import feed_links
from reader.feeds.http import DEADLINE_S
from reader.feeds.parse import Parsed, looks_like_feed, parse
from reader.store import Store
from reader.store import feeds as stored


def is_url(source: str) -> bool:
    return "://" in source


def address(source: str) -> str:
    """How a feed is kept: a URL as given, a file by its absolute path."""
    return source if is_url(source) else str(Path(source).expanduser().resolve())


def fetch(
    url: str, etag: str | None = None, modified: str | None = None, timeout: float = DEADLINE_S
) -> http.Response:
    """A feed's current bytes: over http(s), or from a file (where validators do not apply)."""
    if is_url(url):
        return http.get(url, etag, modified, timeout)
    path = Path(url)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise LoadError(f"{url}: larger than the {human_size(MAX_BYTES)} limit")
        return http.Response(url, 200, path.read_bytes(), "", None, None)
    except FileNotFoundError:
        raise LoadError(f"{url}: no such file") from None
    except OSError as err:
        raise LoadError(f"{url}: cannot read ({err.strerror or err})") from None


def locate(source: str, timeout: float = DEADLINE_S) -> tuple[Parsed, http.Response]:
    """The feed ``source`` is or names, parsed, and the answer it came in."""
    response = fetch(address(source), timeout=timeout)
    if looks_like_feed(response.body[:2048]):
        return parse(response.body, response.url), response
    try:
        page, _ = decode(response.body)
    except LoadError:
        page = ""
    links = feed_links(page, response.url) if "<" in page else []
    if links:
        found = fetch(links[0], timeout=timeout)
        return parse(found.body, found.url), found
    if response.content_type in ("text/html", "application/xhtml+xml"):
        raise LoadError(f"{response.url}: a web page that names no feed (no <link rel=alternate>)")
    return parse(response.body, response.url), response  # a feed after all, or says why not


def follow(store: Store, source: str, timeout: float = DEADLINE_S) -> tuple[stored.Feed, int, bool]:
    """Follow the feed ``source`` is or names, with the items it lists now: the feed, how many
    items were new, and whether the feed was new."""
    parsed, response = locate(source, timeout)
    feed, created = store.write(stored.add, response.url, parsed.title, parsed.site)
    new = store.write(stored.save, feed.id, parsed.entries, parsed.title, parsed.site)
    store.write(stored.checked, feed.id, response.etag, response.modified)
    now = store.read(stored.get, feed.id)
    assert now is not None
    return now, new, created


def import_opml(store: Store, path: str) -> tuple[int, int]:
    """Follow every feed an OPML file lists (fetched at the next refresh); (added, known)."""
    try:
        data = Path(path).read_bytes()
    except OSError as err:
        raise LoadError(f"{path}: cannot read ({err.strerror or err})") from None
    added = known = 0
    for outline in opml.read(data, path):
        _, created = store.write(stored.add, outline.url, outline.title, outline.site)
        added, known = added + created, known + (not created)
    return added, known


def export_opml(store: Store) -> str:
    return opml.write(opml.Outline(f.url, f.title, f.site) for f in store.read(stored.feeds))
