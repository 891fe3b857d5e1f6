"""A web page names its feeds with ``<link rel="alternate" type="application/rss+xml" href=…>``."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urljoin

FEED_TYPES = {
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/feed+xml",
    "application/xml",
    "text/xml",
}


class _Links(HTMLParser):
    def __init__(self, base: str) -> None:
        super().__init__(convert_charrefs=True)
        self.base = base
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "base" and (href := dict(attrs).get("href")):
            self.base = urljoin(self.base, href.strip())
        if tag != "link":
            return
        a = {k: (v or "") for k, v in attrs}
        rel = a.get("rel", "").lower().split()
        kind = a.get("type", "").lower().split(";")[0].strip()
        href = a.get("href", "").strip()
        if "alternate" in rel and kind in FEED_TYPES and href:
            url = urljoin(self.base, href)
            if url.lower().startswith(("http://", "https://")) and url not in self.found:
                self.found.append(url)


def feed_links(html: str, base: str) -> list[str]:
    """The feeds ``html`` (fetched from ``base``) links to, absolute, in page order."""
    parser = _Links(base)
    parser.feed(html)
    parser.close()
    return parser.found
