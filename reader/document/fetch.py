"""Fetch an article over http(s): timeout, size cap and content type checked before parsing."""

from __future__ import annotations

from urllib.error import HTTPError, URLError
from urllib.request import Request, urlopen

from reader import __version__
from reader.document.errors import LoadError
from reader.document.limits import MAX_BYTES, TIMEOUT_S, human_size

KINDS = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "text/markdown": "markdown",
    "text/x-markdown": "markdown",
}


def fetch(url: str) -> tuple[bytes, str]:
    """The body of ``url`` and its kind ("html", "text" or "markdown")."""
    request = Request(url, headers={"User-Agent": f"reader/{__version__}"})
    try:
        with urlopen(request, timeout=TIMEOUT_S) as response:
            ctype = response.headers.get_content_type()
            kind = KINDS.get(ctype)
            if kind is None:
                raise LoadError(f"{url}: unsupported content type {ctype} (expected HTML or text)")
            data = response.read(MAX_BYTES + 1)
    except HTTPError as err:
        raise LoadError(f"{url}: the server answered {err.code} {err.reason}") from None
    except URLError as err:
        raise LoadError(f"cannot reach {url}: {err.reason}") from None
    except TimeoutError:
        raise LoadError(f"{url}: no answer within {TIMEOUT_S:g} s") from None
    except (ValueError, OSError) as err:
        raise LoadError(f"cannot fetch {url}: {err}") from None
    if len(data) > MAX_BYTES:
        raise LoadError(f"{url}: page is larger than the {human_size(MAX_BYTES)} limit")
    return data, kind
