"""The feeds' one door to the network: ``get`` (a conditional GET).

Everything the feeds package fetches (feeds, pages searched for a feed link) goes through here, so
it can be pointed at the article fetcher's code; it keeps that fetcher's limits
(``reader.document.limits``): one overall deadline, a size cap, http(s) redirects only.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from urllib.error import HTTPError, URLError
from urllib.request import HTTPRedirectHandler, Request, build_opener

from reader import __version__
from reader.document.errors import LoadError
from reader.document.limits import MAX_BYTES, human_size
from reader.document.limits import TIMEOUT_S as DEADLINE_S  # one overall deadline per request

MAX_REDIRECTS = 5
_CHUNK = 64 * 1024
_UNSAFE = re.compile(r"[^\x20-\x7e]")  # what a server says is shown as plain printable ASCII


@dataclass(frozen=True, slots=True)
class Response:
    url: str  # after redirects
    status: int  # 200, or 304 when the validators matched (body empty)
    body: bytes
    content_type: str
    etag: str | None
    modified: str | None


class _Redirects(HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        if not newurl.lower().startswith(("http://", "https://")):
            raise LoadError(f"{req.full_url}: redirected to a non-http address")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_OPENER = build_opener(_Redirects)


def get(
    url: str, etag: str | None = None, modified: str | None = None, timeout: float = DEADLINE_S
) -> Response:
    """GET ``url``; with ``etag``/``modified`` from an earlier answer, an unchanged resource is a
    304 with no body.  Raises ``LoadError`` (one line) on any failure."""
    if not url.lower().startswith(("http://", "https://")):
        raise LoadError(f"{url}: only http and https URLs are supported")
    headers = {"User-Agent": f"reader/{__version__}", "Accept-Encoding": "identity"}
    if etag:
        headers["If-None-Match"] = etag
    if modified:
        headers["If-Modified-Since"] = modified
    deadline = time.monotonic() + timeout
    try:
        with _OPENER.open(Request(url, headers=headers), timeout=timeout) as response:
            body = _read(response, deadline, url, timeout)
            return Response(
                response.geturl(),
                response.status,
                body,
                response.headers.get_content_type(),
                response.headers.get("ETag"),
                response.headers.get("Last-Modified"),
            )
    except HTTPError as err:
        if err.code == 304:
            return Response(url, 304, b"", "", etag, modified)
        raise LoadError(f"{url}: the server answered {err.code} {_safe(err.reason)}") from None
    except URLError as err:
        raise LoadError(f"cannot reach {url}: {_safe(err.reason)}") from None
    except TimeoutError:
        raise LoadError(f"{url}: no answer within {timeout:g} s") from None
    except (ValueError, OSError) as err:
        raise LoadError(f"cannot fetch {url}: {_safe(err)}") from None


def _read(response, deadline: float, url: str, timeout: float) -> bytes:  # type: ignore[no-untyped-def]
    """The body, within the size cap and the overall deadline (a server may trickle bytes)."""
    parts: list[bytes] = []
    size = 0
    while chunk := response.read1(_CHUNK):  # what has arrived: a trickle cannot outlast us
        parts.append(chunk)
        size += len(chunk)
        if size > MAX_BYTES:
            raise LoadError(f"{url}: larger than the {human_size(MAX_BYTES)} limit")
        if time.monotonic() > deadline:
            raise LoadError(f"{url}: no complete answer within {timeout:g} s")
    return b"".join(parts)


def _safe(reason: object) -> str:
    return _UNSAFE.sub("?", str(reason))[:120]
