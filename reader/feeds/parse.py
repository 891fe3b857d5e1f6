"""A feed's bytes → its title and entries, with ``feedparser``: a malformed feed is read as far as
it goes (and says why it stopped); something that is no feed at all is a one-line error."""

from __future__ import annotations

import calendar
import hashlib
import re
import time
from dataclasses import dataclass
from typing import Any

from reader.document.errors import LoadError

# What a feed's first element looks like, after any XML declaration, comments or doctype.
_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF|RDF)[\s>]", re.IGNORECASE)
_PROLOGUE = re.compile(rb"\A(?:\s|<\?[^>]*\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*", re.DOTALL)


class FeedSource(LoadError):
    """What the article loader raises for a feed: the CLI prints how to follow it, the app opens
    the Feeds view."""

    def __init__(self, source: str) -> None:
        super().__init__(
            f"{source} is a news feed, not an article: follow it with `reader feeds add {source}`"
            f" or open it with `reader {source}`"
        )
        self.source = source


def looks_like_feed(head: bytes) -> bool:
    """Whether these first bytes start an RSS, RSS 1.0 (RDF) or Atom document."""
    head = head.lstrip(b"\xef\xbb\xbf")
    return _ROOT.match(head, _PROLOGUE.match(head).end()) is not None  # type: ignore[union-attr]


@dataclass(frozen=True, slots=True)
class Entry:
    key: str  # guid, else link, else a hash of title and summary: what "seen before" compares
    link: str | None
    title: str
    published: str | None  # ISO 8601, UTC
    author: str | None
    summary: str  # the feed's content, else its summary (HTML as the feed gives it)


@dataclass(frozen=True, slots=True)
class Parsed:
    title: str | None
    site: str | None
    entries: tuple[Entry, ...]
    problem: str | None = None  # set when the feed is malformed and was read only in part


def parse(data: bytes, url: str) -> Parsed:
    """Parse ``data`` fetched from ``url`` (relative links resolve against it)."""
    import feedparser  # imported on first use: the app starts without it

    result = feedparser.parse(data, response_headers={"content-location": url}, sanitize_html=True)
    feed = result.get("feed", {})
    if not result.get("version") and not result.entries:
        why = _why(result)
        raise LoadError(f"{url}: not a news feed{f' ({why})' if why else ''}")
    entries = tuple(_entry(e) for e in result.entries)
    harmless = (feedparser.NonXMLContentType, feedparser.CharacterEncodingOverride)
    malformed = result.get("bozo") and not isinstance(result.get("bozo_exception"), harmless)
    problem = _why(result) if malformed else None
    return Parsed(one_line(feed.get("title")), feed.get("link"), entries, problem)


def _entry(e: Any) -> Entry:
    link = one_line(e.get("link"))
    title = one_line(e.get("title")) or "(untitled)"
    content = e.get("content") or []
    summary = (content[0].get("value") if content else None) or e.get("summary") or ""
    key = e.get("id") or link or hashlib.sha256(f"{title}\n{summary}".encode()).hexdigest()
    return Entry(key, link, title, _iso(e), one_line(e.get("author")), summary)


def _iso(e: Any) -> str | None:
    parsed = e.get("published_parsed") or e.get("updated_parsed") or e.get("created_parsed")
    if not parsed:
        return None
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(calendar.timegm(parsed)))


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def one_line(text: str | None) -> str | None:
    """One line of plain text without control characters: titles and authors are shown on one
    row, and a feed must not send escapes to the terminal."""
    return _CONTROL.sub("", " ".join(text.split())) or None if text else None


def _why(result: Any) -> str | None:
    error = result.get("bozo_exception")
    return " ".join(str(error).split())[:120] if error else None
