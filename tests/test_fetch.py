"""Fetching URLs from servers that misbehave: every failure is one printable line, nothing hangs.

Every server here listens on 127.0.0.1 and speaks raw bytes, so it can break HTTP in ways a real
server library would not allow.
"""

from __future__ import annotations

import gzip
import socket
import threading
import time
import zlib
from collections.abc import Callable, Iterator

import pytest
from conftest import SEED

import reader.document.fetch as fetch
from reader.document.errors import LoadError
from reader.document.limits import MAX_BYTES
from reader.document.load import load

Handler = Callable[[socket.socket, bytes], None]
PAGE = b"<html><head><title>A port</title></head><body><p>Ships docked at dawn.</p></body></html>"


def serve(handler: Handler) -> Iterator[str]:
    """A raw TCP server on 127.0.0.1 running ``handler(conn, request)`` per connection."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)
    stop = threading.Event()

    def loop() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            threading.Thread(target=_handle, args=(handler, conn), daemon=True).start()

    threading.Thread(target=loop, daemon=True).start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    stop.set()
    listener.close()


def _handle(handler: Handler, conn: socket.socket) -> None:
    with conn:
        conn.settimeout(10)
        request = b""
        try:
            while b"\r\n\r\n" not in request:
                chunk = conn.recv(4096)
                if not chunk:
                    return
                request += chunk
            handler(conn, request)
        except OSError:
            pass  # the client hung up, as it should on a bad answer


def answer(head: bytes, body: bytes = b"") -> Handler:
    return lambda conn, request: conn.sendall(head + b"\r\n\r\n" + body)


def ok(body: bytes, ctype: bytes = b"text/html", extra: bytes = b"") -> Handler:
    head = b"HTTP/1.1 200 OK\r\nContent-Type: " + ctype + b"\r\nConnection: close"
    head += b"\r\nContent-Length: " + str(len(body)).encode() + extra
    return answer(head, body)


@pytest.fixture
def server(request) -> Iterator[str]:
    yield from serve(request.param)


def failure(url: str) -> str:
    with pytest.raises(LoadError) as err:
        load(url)
    message = str(err.value)
    assert "\n" not in message and "\x1b" not in message and "\x07" not in message
    return message


MALFORMED = {
    "bad status line": answer(b"NONSENSE"),
    "header line is too long": answer(b"HTTP/1.1 200 OK\r\nX-Long: " + b"a" * 70_000),
    "more than 100 headers": answer(
        b"HTTP/1.1 200 OK\r\n" + b"\r\n".join(b"X-%d: y" % i for i in range(150))
    ),
    "badly chunked": answer(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked",
        b"zz\r\nhello\r\n0\r\n\r\n",
    ),
    "cut short": answer(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked",
        b"ff\r\nonly a few bytes",
    ),
    "without answering": lambda conn, request: None,
    "ended early (14 of 5,000 bytes)": answer(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5000",
        b"a short body..",
    ),
}


@pytest.mark.parametrize(
    ("server", "expected"), [(h, e) for e, h in MALFORMED.items()], indirect=["server"]
)
def test_malformed_answers_are_one_line_errors(server, expected):
    assert expected in failure(server + "/page")


def _trickle(conn: socket.socket, request: bytes) -> None:
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 999999\r\n\r\n")
    for _ in range(200):  # a byte at a time, each well within any per-read timeout
        conn.sendall(b"a")
        time.sleep(0.1)


def _trickle_headers(conn: socket.socket, request: bytes) -> None:
    for byte in b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nX-Slow: " + b"a" * 200:
        conn.sendall(bytes([byte]))
        time.sleep(0.1)


@pytest.mark.parametrize("server", [_trickle, _trickle_headers], indirect=True)
def test_a_trickling_server_is_cut_off_at_the_overall_deadline(server, monkeypatch):
    monkeypatch.setattr(fetch, "DEADLINE_S", 1.0)
    assert "no complete answer within 1 s" in failure(server + "/slow")


ESC = b"\x1b]0;owned\x07\x1b[2J"


@pytest.mark.parametrize(
    "server",
    [
        answer(b"HTTP/1.1 404 Not " + ESC + b"Found\r\nContent-Length: 0"),
        answer(b"HTTP/1.1 302 Found\r\nLocation: ftp://evil" + ESC + b"/x\r\nContent-Length: 0"),
        ok(b"body", ctype=b"text/" + ESC + b"x"),
    ],
    indirect=True,
)
def test_what_a_server_says_is_escaped(server):
    message = failure(server + "/page")
    assert "\x1b" not in message and "␛" in message


@pytest.mark.parametrize(
    "server",
    [answer(b"HTTP/1.1 301 Moved\r\nLocation: ftp://127.0.0.1/article.txt\r\nContent-Length: 0")],
    indirect=True,
)
def test_a_redirect_must_stay_on_http(server):
    assert "only http and https" in failure(server + "/page")


def _redirect_to(location: str) -> Handler:
    return answer(f"HTTP/1.1 302 Found\r\nLocation: {location}\r\nContent-Length: 0".encode())


@pytest.mark.parametrize(
    "location",
    ["http://169.254.169.254/latest/meta-data", "http://10.0.0.1/admin", "http://[::1]:631/"],
)
def test_a_public_page_cannot_redirect_to_this_machine_or_a_private_network(monkeypatch, location):
    """The server stands for a public host (its address is classified public here); the
    refusal happens before any connection to the redirect's address is tried."""
    monkeypatch.setattr(fetch, "is_public", lambda address: address == "127.0.0.1")
    for url in serve(_redirect_to(location)):
        assert "refused a redirect" in failure(url + "/page")


def test_redirects_between_addresses_the_user_chose_are_followed():
    for target in serve(ok(PAGE)):
        for url in serve(_redirect_to(target + "/final")):
            assert load(url + "/start").title == "A port"


def test_redirect_loops_end():
    holder: list[str] = []
    for url in serve(lambda conn, request: _redirect_to(holder[0] + "/again")(conn, request)):
        holder.append(url)
        assert "more than 5 redirects" in failure(url + "/loop")


def _compressed(body: bytes, coding: bytes) -> Handler:
    return ok(body, ctype=b"text/html", extra=b"\r\nContent-Encoding: " + coding)


def test_gzip_and_deflate_pages_are_decoded():
    raw_deflate = zlib.compressobj(wbits=-15)
    bodies = {
        b"gzip": gzip.compress(PAGE),
        b"deflate": zlib.compress(PAGE),
        b"x-gzip": gzip.compress(PAGE),
    }
    bodies_raw = raw_deflate.compress(PAGE) + raw_deflate.flush()
    for coding, body in [*bodies.items(), (b"deflate", bodies_raw)]:
        for url in serve(_compressed(body, coding)):
            assert load(url + "/page").title == "A port"


def test_a_compression_bomb_is_refused():
    bomb = gzip.compress(b"\0" * (MAX_BYTES + 1024 * 1024), compresslevel=9)
    assert len(bomb) < 100_000
    for url in serve(_compressed(bomb, b"gzip")):
        assert "decompresses to more than the 20 MiB limit" in failure(url + "/page")
    for url in serve(_compressed(b"not gzip at all", b"gzip")):
        assert "corrupt" in failure(url + "/page")
    for url in serve(_compressed(PAGE, b"br")):
        assert "unsupported content encoding br" in failure(url + "/page")


def test_urls_are_fetched_and_checked(seed_text):
    for url in serve(ok(SEED.read_bytes(), ctype=b"text/plain; charset=utf-8")):
        assert load(f"{url}/article").text == seed_text
    for url in serve(ok(b"\x89PNG\r\n", ctype=b"image/png")):
        assert "unsupported content type image/png" in failure(f"{url}/image")
    for url in serve(answer(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0")):
        assert "the server answered 404 Not Found" in failure(f"{url}/missing")


def test_unreachable_and_invalid_urls():
    assert (
        failure("http://127.0.0.1:9/article") == "could not reach 127.0.0.1:9 (connection refused)"
    )
    assert failure("ftp://example.com/article.txt").endswith(
        "only http and https URLs are supported"
    )
    assert failure("http://[::1").endswith("not a valid URL")
    assert (
        failure("http://example.invalid/news") == "could not reach example.invalid (name not found)"
    )
