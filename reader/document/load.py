"""``load(source)``: dispatch a path, URL or stdin to the right reader and build a ``Document``."""

from __future__ import annotations

import logging
import sys
from dataclasses import replace
from pathlib import Path

from reader.document.decode import decode, normalise
from reader.document.errors import LoadError
from reader.document.fetch import fetch
from reader.document.limits import MAX_BYTES, human_size
from reader.document.markdown import front_matter, iso_date, render
from reader.document.model import Document
from reader.document.structure import detect_blocks

MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


def load(source: str) -> Document:
    """Load a file path, an http(s) URL, or ``-`` (stdin). Raises ``LoadError`` with a one-line message."""
    if source == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise LoadError(f"stdin: more than the {human_size(MAX_BYTES)} limit")
        return from_bytes(data, "-", None)
    if "://" in source:
        if not source.lower().startswith(("http://", "https://")):
            raise LoadError(f"{source}: only http and https URLs are supported")
        data, kind = fetch(source)
        return from_bytes(data, source, kind)
    return from_bytes(_read_file(Path(source)), source, _kind_of(Path(source)))


def _read_file(path: Path) -> bytes:
    try:
        if path.is_dir():
            raise LoadError(f"{path}: is a directory, not an article")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise LoadError(f"{path}: {human_size(size)} is larger than the {human_size(MAX_BYTES)} limit")
        return path.read_bytes()
    except FileNotFoundError:
        raise LoadError(f"{path}: no such file") from None
    except PermissionError:
        raise LoadError(f"{path}: permission denied") from None
    except OSError as err:
        raise LoadError(f"{path}: cannot read ({err.strerror or err})") from None


def _kind_of(path: Path) -> str | None:
    suffix = path.suffix.lower()
    return "markdown" if suffix in MARKDOWN_SUFFIXES else "html" if suffix in HTML_SUFFIXES else None


def _sniff(text: str) -> str:
    head = text.lstrip()[:512].lower()
    if head.startswith(("<!doctype html", "<html")) or ("<body" in head and "<head" in head):
        return "html"
    return "markdown" if text.startswith("---\n") and front_matter(text)[0] else "text"


def from_bytes(data: bytes, source: str, kind: str | None) -> Document:
    """Build the document from raw bytes; ``kind`` is "text", "markdown", "html" or None to sniff."""
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
        reading, blocks, title = render(body, meta.get("title"))
        if not reading.strip():
            raise LoadError(f"{source}: the Markdown file has no text")
        return Document(reading, source, blocks, title, iso_date(meta.get("date")), meta.get("author"),
                        warnings)
    blocks = detect_blocks(text)
    title = next((text[b.span.start : b.span.end] for b in blocks[:1] if b.kind == "title"), None)
    return Document(text, source, blocks, title, warnings=warnings)


def _from_html(html: str, source: str, warnings: tuple[str, ...]) -> Document:
    import trafilatura  # heavy; imported only for HTML

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    options = {"include_comments": False, "include_tables": False, "favor_recall": True}
    body = trafilatura.extract(html, output_format="markdown", include_formatting=True, **options)
    if not body or not body.strip():
        raise LoadError(f"{source}: no article text found in this HTML page")
    meta = trafilatura.extract_metadata(html)
    title = meta.title if meta else None
    reading, blocks, title = render(normalise(body), title)
    quoted = _quoted(trafilatura.extract(html, output_format="xml", **options))
    blocks = tuple(replace(b, kind="blockquote") if b.kind == "paragraph" and
                   " ".join(reading[b.span.start : b.span.end].split()) in quoted else b for b in blocks)
    return Document(reading, source, blocks, title, iso_date(meta.date if meta else None),
                    meta.author if meta else None, warnings)


def _quoted(xml: str | None) -> set[str]:
    """The paragraphs of the page's <blockquote>s, whitespace squashed: trafilatura's Markdown drops
    the blockquote, its XML keeps it as <quote>."""
    from lxml import etree

    if not xml:
        return set()
    root = etree.fromstring(xml.encode("utf-8"))
    found = set()
    for quote in root.iter("quote"):
        parts = quote.findall(".//p") or [quote]
        found |= {" ".join(normalise("".join(p.itertext())).split()) for p in parts}
    return found - {""}
