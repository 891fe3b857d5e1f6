"""Local servers (127.0.0.1 only) and the invented feeds and pages the feeds tests serve."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

BASE_DAY = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


@dataclass
class Page:
    body: bytes
    ctype: str = "application/rss+xml"
    status: int = 200
    delay: float = 0.0  # seconds before answering
    trickle: float = 0.0  # seconds between bytes of the body (a server that never quite stops)
    location: str | None = None  # for redirects
    etag: str | None = None
    modified: str | None = None  # Last-Modified


@dataclass
class Site:
    """What a server serves, and what it saw."""

    pages: dict[str, Page] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    active: int = 0
    most_active: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    port: int = 0

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            with site.lock:
                site.requests.append((self.path, dict(self.headers)))
                site.active += 1
                site.most_active = max(site.most_active, site.active)
            try:
                self._answer()
            finally:
                with site.lock:
                    site.active -= 1

        def _answer(self) -> None:
            page = site.pages.get(self.path)
            if page is None:
                self.send_error(404, "Not Found")
                return
            time.sleep(page.delay)
            if (page.etag and self.headers.get("If-None-Match") == page.etag) or (
                page.modified and self.headers.get("If-Modified-Since") == page.modified
            ):
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(page.status)
            self.send_header("Content-Type", page.ctype)
            self.send_header("Content-Length", str(len(page.body)))
            if page.etag:
                self.send_header("ETag", page.etag)
            if page.modified:
                self.send_header("Last-Modified", page.modified)
            if page.location:
                self.send_header("Location", page.location)
            self.end_headers()
            if not page.trickle:
                self.wfile.write(page.body)
                return
            try:
                for byte in page.body:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(page.trickle)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up, as it should

    return Handler


@contextmanager
def serve(site: Site | None = None) -> Iterator[Site]:
    site = site or Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    site.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()


@dataclass(frozen=True)
class Story:
    title: str
    link: str
    guid: str | None = None
    summary: str = "A short summary of the story."
    author: str | None = None
    day: int = 0  # days after BASE_DAY


def stories(n: int, base: str, prefix: str = "Story") -> list[Story]:
    """``n`` invented stories, newest first, linking to ``base``/story-N.html."""
    return [
        Story(
            f"{prefix} {i}",
            f"{base}/story-{i}.html",
            f"tag:example.test,2026:{prefix}-{i}",
            day=n - i,
        )
        for i in range(n)
    ]


def _iso(s: Story) -> str:
    return (BASE_DAY + timedelta(days=s.day)).strftime("%Y-%m-%dT%H:%M:%SZ")


def _rss2_item(s: Story) -> str:
    guid = f'<guid isPermaLink="false">{escape(s.guid)}</guid>' if s.guid else ""
    author = f"<author>{escape(s.author)}</author>" if s.author else ""
    when = format_datetime(BASE_DAY + timedelta(days=s.day))
    return (
        f"<item><title>{escape(s.title)}</title><link>{escape(s.link)}</link>{guid}"
        f"<pubDate>{when}</pubDate>{author}<description>{escape(s.summary)}</description></item>"
    )


def _atom_entry(s: Story) -> str:
    return (
        f'<entry><title>{escape(s.title)}</title><link href="{escape(s.link)}"/>'
        f"<id>{escape(s.guid or s.link)}</id><updated>{_iso(s)}</updated>"
        f"<author><name>{escape(s.author or 'Desk')}</name></author>"
        f'<content type="html">{escape("<p>" + s.summary + "</p>")}</content></entry>'
    )


def _rss1_item(s: Story) -> str:
    return (
        f'<item rdf:about="{escape(s.link)}"><title>{escape(s.title)}</title>'
        f"<link>{escape(s.link)}</link><description>{escape(s.summary)}</description>"
        f"<dc:date>{_iso(s)}</dc:date></item>"
    )


def rss2(items: list[Story], title: str = "Harbour Town Gazette") -> bytes:
    head = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>http://127.0.0.1/</link>"
        "<description>Invented news</description>"
    )
    return (head + "".join(map(_rss2_item, items)) + "</channel></rss>").encode()


def atom(items: list[Story], title: str = "Valley Courier") -> bytes:
    head = (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{escape(title)}</title><id>urn:example:courier</id>"
        "<updated>2026-03-02T08:00:00Z</updated>"
    )
    return (head + "".join(map(_atom_entry, items)) + "</feed>").encode()


def rss1(items: list[Story], title: str = "Upland Ledger") -> bytes:
    head = (
        '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
        ' xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f'<channel rdf:about="http://127.0.0.1/"><title>{escape(title)}</title>'
        "<link>http://127.0.0.1/</link><description>Invented</description></channel>"
    )
    return (head + "".join(map(_rss1_item, items)) + "</rdf:RDF>").encode()


def article_page(title: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head><title>{escape(title)}</title></head><body>"
        f"<nav>Home · World · Sport</nav><article><h1>{escape(title)}</h1>{body}</article>"
        "<footer>© Invented News</footer></body></html>"
    ).encode()


PARAGRAPHS = [
    "Mayor Lena Okafor opened the new footbridge over the Tarn river on Monday morning.",
    '"This bridge joins two halves of one town," Okafor said to a crowd of several hundred.',
    "The council approved the project in 2023 after a long debate about its cost.",
    "Engineers from Brightwater Works said the deck would carry bicycles from next spring.",
]
