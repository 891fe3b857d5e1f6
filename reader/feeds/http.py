"""The feeds' one door to the network: a conditional GET through the article fetcher
(``reader.document.fetch.get``), so feeds keep its deadline, size cap, gzip decoding, printable
errors and redirect rules (http(s) only; never from a public host to this machine's network)."""

from __future__ import annotations

from reader.document.fetch import Response
from reader.document.fetch import get as fetch_get
from reader.document.limits import DEADLINE_S

__all__ = ["DEADLINE_S", "Response", "get"]
ACCEPT = "application/rss+xml, application/atom+xml, application/xml, text/xml, */*;q=0.1"


def get(
    url: str, etag: str | None = None, modified: str | None = None, timeout: float = DEADLINE_S
) -> Response:
    """GET ``url``; with ``etag``/``modified`` from an earlier answer, an unchanged resource is a
    304 with no body.  Raises ``LoadError`` (one line) on any failure."""
    headers = {"Accept": ACCEPT}
    if etag:
        headers["If-None-Match"] = etag
    if modified:
        headers["If-Modified-Since"] = modified
    return fetch_get(url, headers, seconds=timeout)
