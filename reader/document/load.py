"""``load(source)``: dispatch a path, URL or stdin to the right reader and build a ``Document``."""

from __future__ import annotations

import logging
import os
import stat
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from reader.document.decode import decode, normalise
from reader.document.errors import LoadError
from reader.document.limits import MAX_BYTES, human_size
from reader.document.markdown import front_matter, iso_date, render
from reader.document.model import Document
from reader.document.structure import detect_blocks
from reader.feeds.parse import FeedSource, looks_like_feed

MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


def load(source: str) -> Document:
    """Load a file path, an http(s) URL, or ``-`` (stdin); ``LoadError`` has a one-line message."""
    if source == "-":
        data = _read_capped(sys.stdin.buffer.read, MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise LoadError(f"stdin: more than the {human_size(MAX_BYTES)} limit")
        return from_bytes(data, "-", None)
    if "://" in source:
        if not source.lower().startswith(("http://", "https://")):
            raise LoadError(f"{source}: only http and https URLs are supported")
        from reader.document.fetch import fetch  # http.client and ssl only for URLs

        data, kind = fetch(source)
        if kind != "feed":
            return from_bytes(data, source, kind)
        if not looks_like_feed(data[:2048]):
            raise LoadError(
                f"{source}: unsupported content type (XML, but not a news feed; "
                "expected HTML or text)"
            )
        raise FeedSource(source)
    return from_bytes(_read_file(Path(source)), source, _kind_of(Path(source)))


_NOT_REGULAR = (
    (stat.S_ISDIR, "is a directory, not an article"),
    (stat.S_ISFIFO, "is a named pipe, not a file"),
    (stat.S_ISCHR, "is a device, not a file"),
    (stat.S_ISBLK, "is a device, not a file"),
    (stat.S_ISSOCK, "is a socket, not a file"),
)


def _read_file(path: Path) -> bytes:
    """The bytes of a regular file (after symlinks), at most ``MAX_BYTES`` counted as read.

    Opened non-blocking so a FIFO with no writer cannot hang us before its type is checked; the
    cap counts bytes read, not the size ``stat`` promised, so a growing file cannot pass it.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        raise LoadError(f"{path}: no such file") from None
    except PermissionError:
        raise LoadError(f"{path}: permission denied") from None
    except OSError as err:
        raise LoadError(f"{path}: cannot open ({err.strerror or err})") from None
    try:
        status = os.fstat(fd)
        for test, what in _NOT_REGULAR:
            if test(status.st_mode):
                raise LoadError(f"{path}: {what}")
        if not stat.S_ISREG(status.st_mode):
            raise LoadError(f"{path}: not a regular file")
        if status.st_size > MAX_BYTES:
            raise LoadError(
                f"{path}: {human_size(status.st_size)} is larger than the "
                f"{human_size(MAX_BYTES)} limit"
            )
        data = _read_capped(lambda n: os.read(fd, n), MAX_BYTES + 1)
    except OSError as err:
        raise LoadError(f"{path}: cannot read ({err.strerror or err})") from None
    finally:
        os.close(fd)
    if len(data) > MAX_BYTES:
        raise LoadError(f"{path}: grew past the {human_size(MAX_BYTES)} limit while being read")
    return data


def _read_capped(read: Callable[[int], bytes], cap: int) -> bytes:
    """Up to ``cap`` bytes from ``read``, counting what each call returns."""
    parts, total = [], 0
    while total < cap:
        chunk = read(min(1 << 20, cap - total))
        if not chunk:
            break
        parts.append(chunk)
        total += len(chunk)
    return b"".join(parts)


def _kind_of(path: Path) -> str | None:
    suffix = path.suffix.lower()
    return (
        "markdown" if suffix in MARKDOWN_SUFFIXES else "html" if suffix in HTML_SUFFIXES else None
    )


def _sniff(text: str) -> str:
    head = text.lstrip()[:512].lower()
    if head.startswith(("<!doctype html", "<html")) or ("<body" in head and "<head" in head):
        return "html"
    return "markdown" if text.startswith("---\n") and front_matter(text)[0] else "text"


def from_bytes(data: bytes, source: str, kind: str | None) -> Document:
    """The document of raw bytes; ``kind`` is "text", "markdown", "html" or None to sniff."""
    if looks_like_feed(data[:2048]):
        raise FeedSource(source)
    try:
        text, encoding = decode(data)
    except LoadError as err:
        raise LoadError(f"{source}: {err}") from None
    text = normalise(text)
    if not text.strip():
        raise LoadError(f"{source}: the file is empty")
    warnings = () if encoding == "utf-8" else (f"decoded as {encoding}",)
    kind = kind or _sniff(text)
    if kind == "html":
        return _from_html(text, source, warnings)
    if kind == "markdown":
        meta, body = front_matter(text)
        reading, blocks, title, links = render(body, meta.get("title"))
        if not reading.strip():
            raise LoadError(f"{source}: the Markdown file has no text")
        return Document(
            reading,
            source,
            blocks,
            title,
            iso_date(meta.get("date")),
            meta.get("author"),
            warnings,
            links,
        )
    blocks = detect_blocks(text)
    title = next((text[b.span.start : b.span.end] for b in blocks[:1] if b.kind == "title"), None)
    return Document(text, source, blocks, title, warnings=warnings)


def _from_html(html: str, source: str, warnings: tuple[str, ...]) -> Document:
    """The page's main text and metadata, in one trafilatura pass: its XML keeps the blockquotes,
    which its Markdown rendering (what ``render`` reads) drops."""
    import trafilatura  # heavy; imported only for HTML
    from trafilatura.xml import xmltotxt

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    page: Any = trafilatura.bare_extraction(  # its Document (or None), read by attribute
        html,
        include_formatting=True,
        include_comments=False,
        include_tables=False,
        include_links=True,  # as Markdown links, which `render` turns into Document.links
        url=source if "://" in source else None,  # resolves relative links
        favor_recall=True,
        with_metadata=True,
    )
    body = (
        xmltotxt(page.body, include_formatting=True)
        if page is not None and page.body is not None
        else ""
    )
    if not body.strip():
        raise LoadError(f"{source}: no article text found in this HTML page")
    reading, blocks, title, links = render(normalise(body), page.title)
    quoted = _quoted(page.body)
    blocks = tuple(
        replace(b, kind="blockquote")
        if b.kind == "paragraph" and " ".join(reading[b.span.start : b.span.end].split()) in quoted
        else b
        for b in blocks
    )
    return Document(
        reading, source, blocks, title, iso_date(page.date), page.author, warnings, links
    )


def _quoted(body: Any) -> set[str]:
    """The paragraphs of the page's <blockquote>s (trafilatura's <quote>), whitespace squashed."""
    found = set()
    for quote in body.iter("quote"):
        parts = quote.findall(".//p") or [quote]
        found |= {" ".join(normalise("".join(p.itertext())).split()) for p in parts}
    return found - {""}
