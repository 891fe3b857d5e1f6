"""Fetch an article over http(s), treating the server as hostile.

One overall deadline covers name lookup, connect, headers and body (a watchdog shuts the socket
when it passes, so a server that trickles a byte at a time cannot hold us); the body is capped,
counted as read and checked against Content-Length; gzip/deflate are decoded with a cap on the
decoded size; redirects stay on http(s) and may not lead from a public address to this machine or
its private network. Every failure is a ``LoadError`` whose message is made printable.
"""

from __future__ import annotations

import contextlib
import http.client
import ipaddress
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from reader import __version__
from reader.document.errors import LoadError
from reader.document.limits import DEADLINE_S, MAX_BYTES, MAX_REDIRECTS, human_size

KINDS = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "text/markdown": "markdown",
    "text/x-markdown": "markdown",
}
# Feeds are followed, not read as articles; a URL answering with one of these says which it is.
FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
     "text/xml"}
)  # fmt: skip
REDIRECTS = (301, 302, 303, 307, 308)
_CHUNK = 64 * 1024
# zlib window bits: 32 + 15 detects a gzip or zlib header; -15 is raw deflate.
_WBITS = {"gzip": 47, "x-gzip": 47, "deflate": 47}


@dataclass(frozen=True)
class Target:
    """One hop's URL, split into what a connection needs."""

    url: str
    tls: bool
    host: str
    port: int
    path: str

    @property
    def name(self) -> str:
        """The host as a message shows it (with the port when it is not the default)."""
        default = 443 if self.tls else 80
        host = f"[{self.host}]" if ":" in self.host else self.host
        return host if self.port == default else f"{host}:{self.port}"


class Deadline:
    """Seconds left of one overall budget."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def left(self) -> float:
        return self.end - time.monotonic()

    def expired(self) -> bool:
        return self.left() <= 0


def parse(url: str, base: str | None = None) -> Target:
    """``url`` (relative to ``base``, for a redirect) as a ``Target``; only http and https."""
    try:
        url = urljoin(base, url) if base else url
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise LoadError(f"{url}: not a valid URL") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise LoadError(f"{url}: only http and https URLs are supported")
    if not parts.hostname:
        raise LoadError(f"{url}: the URL has no host")
    tls = scheme == "https"
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return Target(url, tls, parts.hostname, port or (443 if tls else 80), path)


def is_public(address: str) -> bool:
    """True for an address on the public internet (not loopback, private, link-local, ...)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global


@dataclass(frozen=True, slots=True)
class Response:
    """What one GET came to, after redirects."""

    url: str
    status: int  # a 2xx, or 304 when the validators sent matched (the body is then empty)
    body: bytes  # decoded (gzip/deflate) and within the size cap
    content_type: str
    etag: str | None
    modified: str | None


def fetch(url: str) -> tuple[bytes, str]:
    """The body of ``url`` and its kind ("html", "text", "markdown", or "feed" for an XML type,
    which the loader confirms from the body)."""
    response = get(url, accept=frozenset(KINDS) | FEED_TYPES)
    return response.body, KINDS.get(response.content_type, "feed")


def get(
    url: str,
    headers: Mapping[str, str] | None = None,
    accept: frozenset[str] | None = None,
    seconds: float | None = None,
) -> Response:
    """GET ``url`` with extra ``headers`` (e.g. validators) within one deadline; a content type
    outside ``accept`` (None: any) is refused before its body is read; ``seconds`` defaults to
    ``DEADLINE_S``."""
    deadline = Deadline(DEADLINE_S if seconds is None else seconds)
    target, seen_public = parse(url), False
    for _ in range(MAX_REDIRECTS + 1):
        addresses = resolve(target, deadline)
        public = all(is_public(a) for a in addresses)
        if seen_public and not public:
            raise LoadError(
                f"{url}: refused a redirect to {target.name}, "
                "an address on this machine or a private network"
            )
        seen_public = seen_public or public
        answer = _exchange(target, addresses, deadline, headers or {}, accept)
        if isinstance(answer, Response):
            return answer
        target = parse(answer, target.url)
    raise LoadError(f"{url}: more than {MAX_REDIRECTS} redirects")


def resolve(target: Target, deadline: Deadline) -> list[str]:
    """The addresses of ``target.host``, looked up in a thread so the deadline holds."""
    found: list[object] = []
    lookup = threading.Thread(
        target=lambda: found.append(_getaddrinfo(target.host, target.port)), daemon=True
    )
    lookup.start()
    lookup.join(max(deadline.left(), 0))
    if not found:
        raise _timeout(target, deadline)
    result = found[0]
    if isinstance(result, socket.gaierror):
        why = (
            "name not found"
            if result.errno in (socket.EAI_NONAME, getattr(socket, "EAI_NODATA", None))
            else f"name lookup failed: {result.strerror or result}"
        )
        raise LoadError(f"could not reach {target.name} ({why})")
    if isinstance(result, BaseException):
        raise LoadError(f"could not reach {target.name} ({result})")
    if not result:
        raise LoadError(f"could not reach {target.name} (name not found)")
    assert isinstance(result, list)
    return result


def _getaddrinfo(host: str, port: int) -> list[str] | BaseException:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as err:
        return err
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def _timeout(target: Target, deadline: Deadline) -> LoadError:
    return LoadError(f"{target.url}: no complete answer within {deadline.seconds:g} s")


class _Connection(http.client.HTTPConnection):
    """An HTTP(S) connection to addresses already resolved (and checked) by ``fetch``."""

    def __init__(self, target: Target, addresses: list[str], deadline: Deadline) -> None:
        super().__init__(target.host, target.port, timeout=max(deadline.left(), 0.001))
        self.default_port = 443 if target.tls else 80
        self._target, self._addresses, self._deadline = target, addresses, deadline

    def connect(self) -> None:
        error: OSError = ConnectionError("no address")
        for address in self._addresses:
            try:
                sock = socket.create_connection(
                    (address, self._target.port), timeout=max(self._deadline.left(), 0.001)
                )
                break
            except OSError as err:
                error = err
        else:
            raise error
        if self._target.tls:
            sock = ssl.create_default_context().wrap_socket(sock, server_hostname=self._target.host)
        self.sock = sock


def _exchange(
    target: Target,
    addresses: list[str],
    deadline: Deadline,
    headers: Mapping[str, str],
    accept: frozenset[str] | None,
) -> Response | str:
    """One request: the answer, or the next hop's Location."""
    conn = _Connection(target, addresses, deadline)
    watchdog = threading.Timer(max(deadline.left(), 0), _shut, (conn,))
    watchdog.daemon = True
    watchdog.start()
    try:
        conn.request(
            "GET",
            target.path,
            headers={
                "User-Agent": f"reader/{__version__}",
                "Accept-Encoding": "gzip, deflate",
                "Accept": "text/html, text/plain, text/markdown;q=0.9, */*;q=0.1",
                **headers,
            },
        )
        response = conn.getresponse()
        answer = _answer(target, response, accept)
        if deadline.expired():  # the watchdog's shutdown ends a body early, like a short EOF
            raise _timeout(target, deadline)
        return answer
    except Exception as err:
        # The watchdog's shutdown looks like an early end of the answer: say what happened.
        if deadline.expired() or isinstance(err, TimeoutError):
            raise _timeout(target, deadline) from None
        if isinstance(err, LoadError):
            raise
        raise LoadError(_describe(target, err)) from None
    finally:
        watchdog.cancel()
        conn.close()


def _shut(conn: _Connection) -> None:
    """Called by the watchdog: wake whatever read is blocked on the socket."""
    sock = conn.sock
    if sock is not None:
        with contextlib.suppress(OSError):
            socket.socket.shutdown(sock, socket.SHUT_RDWR)


def _answer(
    target: Target, response: http.client.HTTPResponse, accept: frozenset[str] | None
) -> Response | str:
    status, reason, found = response.status, response.reason, response.headers
    if status in REDIRECTS:
        location = found.get("Location")
        if not location:
            raise LoadError(f"{target.url}: the server answered {status} with no Location")
        return location
    ctype = found.get_content_type()
    if status == 304:
        return Response(target.url, 304, b"", ctype, found.get("ETag"), found.get("Last-Modified"))
    if not 200 <= status < 300:
        raise LoadError(f"{target.url}: the server answered {status} {reason}")
    if accept is not None and ctype not in accept:
        raise LoadError(f"{target.url}: unsupported content type {ctype} (expected HTML or text)")
    coding = (found.get("Content-Encoding") or "identity").strip().lower()
    if coding not in _WBITS and coding != "identity":
        raise LoadError(f"{target.url}: unsupported content encoding {coding}")
    raw = _read_body(target, response)
    body = raw if coding == "identity" else _decode(target, raw, _WBITS[coding])
    return Response(target.url, status, body, ctype, found.get("ETag"), found.get("Last-Modified"))


def _read_body(target: Target, response: http.client.HTTPResponse) -> bytes:
    """The body as sent, at most ``MAX_BYTES``, and no shorter than its Content-Length."""
    parts, total = [], 0
    while chunk := response.read(_CHUNK):
        total += len(chunk)
        if total > MAX_BYTES:
            raise LoadError(f"{target.url}: page is larger than the {human_size(MAX_BYTES)} limit")
        parts.append(chunk)
    declared = response.headers.get("Content-Length")
    if not response.chunked and declared and declared.strip().isdigit() and total < int(declared):
        raise LoadError(
            f"{target.url}: the page ended early ({total:,} of {int(declared):,} bytes)"
        )
    return b"".join(parts)


def _decode(target: Target, raw: bytes, wbits: int) -> bytes:
    """Inflate ``raw`` (gzip, zlib or raw deflate) to at most ``MAX_BYTES``; a bomb is refused."""
    for bits in (wbits, -15):
        inflater = zlib.decompressobj(bits)
        try:
            data = inflater.decompress(raw, MAX_BYTES + 1)
        except zlib.error:
            continue
        if len(data) > MAX_BYTES or inflater.unconsumed_tail:
            raise LoadError(
                f"{target.url}: the page decompresses to more than the "
                f"{human_size(MAX_BYTES)} limit"
            )
        return data
    raise LoadError(f"{target.url}: the compressed page is corrupt")


_MALFORMED = {
    http.client.RemoteDisconnected: "the server closed the connection without answering",
    http.client.BadStatusLine: "a bad status line",
    http.client.LineTooLong: "a header line is too long",
    http.client.IncompleteRead: "the body is cut short or badly chunked",
}


def _describe(target: Target, err: Exception) -> str:
    """A one-line message for any failure of one exchange."""
    for kind, what in _MALFORMED.items():
        if isinstance(err, kind):
            return f"{target.url}: malformed answer from the server ({what})"
    if isinstance(err, http.client.HTTPException):
        return f"{target.url}: malformed answer from the server ({err})"
    if isinstance(err, ValueError):
        return f"{target.url}: malformed answer from the server (bad chunked encoding)"
    if isinstance(err, ssl.SSLCertVerificationError):
        return f"could not reach {target.name} (certificate not valid: {err.verify_message})"
    if isinstance(err, ssl.SSLError):
        return f"could not reach {target.name} (TLS error: {err.reason or err})"
    if isinstance(err, ConnectionRefusedError):
        return f"could not reach {target.name} (connection refused)"
    if isinstance(err, OSError):
        return f"could not reach {target.name} ({err.strerror or err})"
    return f"{target.url}: {type(err).__name__}: {err}"
