"""Markdown → reading text: front matter read as metadata, markup removed, blocks kept as spans."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reader.document.model import Block, BlockKind, Link, Span

if TYPE_CHECKING:
    from markdown_it.token import Token

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# markdown-it drops whatever is nested deeper than its ``maxNesting``: 5,000 nested ">" would
# leave no text at all. Deeper quote markers and indentation are flattened first, which keeps
# every word (deeper items become siblings) within a nesting markdown-it can parse.
MAX_QUOTE_DEPTH = 20
MAX_INDENT = 40  # spaces: about 20 levels of nested lists
MAX_NESTING = 100  # markdown-it's: above quote depth + two tokens per list level
_DEEP_QUOTE = re.compile(rf"^(?: {{0,3}}> ?){{{MAX_QUOTE_DEPTH + 1},}}+", re.M)
_DEEP_INDENT = re.compile(rf"^[ \t]{{{MAX_INDENT + 1},}}+", re.M)


@dataclass
class _Builder:
    """Appends blocks separated by blank lines, recording each block's span."""

    parts: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    size: int = 0

    def add(self, kind: BlockKind, content: str, links: _Links = ()) -> None:
        """Append a block; ``links`` are (start, end, url) offsets into ``content``."""
        lead = len(content) - len(content.lstrip())
        content = content.strip()
        if not content:
            return
        if self.parts:
            self.parts.append("\n\n")
            self.size += 2
        for start, end, url in links:
            start, end = max(start - lead, 0), min(end - lead, len(content))
            if end > start:
                self.links.append(Link(Span(self.size + start, self.size + end), url))
        self.blocks.append(Block(kind, Span(self.size, self.size + len(content))))
        self.parts.append(content)
        self.size += len(content)


def front_matter(source: str) -> tuple[dict[str, str], str]:
    """Split simple ``key: value`` front matter from the body (no YAML dependency needed)."""
    match = _FRONT_MATTER.match(source)
    if not match:
        return {}, source
    meta = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip() and not key.startswith((" ", "\t", "-")):
            meta[key.strip().lower()] = value.strip().strip("'\"")
    return meta, source[match.end() :]


def iso_date(value: str | None) -> str | None:
    """The YYYY-MM-DD at the start of ``value``, if it has one."""
    match = _ISO_DATE.search(value or "")
    return match.group() if match else None


def flatten(markdown: str) -> str:
    """``markdown`` with quotes deeper than ``MAX_QUOTE_DEPTH`` and indentation deeper than
    ``MAX_INDENT`` cut back to those depths."""
    markdown = _DEEP_QUOTE.sub("> " * MAX_QUOTE_DEPTH, markdown)
    return _DEEP_INDENT.sub(" " * MAX_INDENT, markdown)


_Links = Sequence[tuple[int, int, str]]


def _inline(token: Token, offset: int = 0) -> tuple[str, list[tuple[int, int, str]]]:
    """The text of an inline token, and its links as (start, end, url) from ``offset`` on."""
    out, links, opened, size = [], [], [], offset
    for child in token.children or []:
        piece = ""
        if child.type in ("text", "code_inline", "image"):
            piece = child.content
        elif child.type == "softbreak":
            piece = " "
        elif child.type == "hardbreak":
            piece = "\n"
        elif child.type == "link_open":
            opened.append((size, str(child.attrGet("href") or "")))
        elif child.type == "link_close" and opened:
            start, url = opened.pop()
            if url and size > start:
                links.append((start, size, url))
        out.append(piece)
        size += len(piece)
    return "".join(out), links


def render(
    markdown: str, title: str | None = None
) -> tuple[str, tuple[Block, ...], str | None, tuple[Link, ...]]:
    """Reading text, blocks and links of ``markdown``; returns (text, blocks, title, links).

    ``title`` (from metadata) opens the text unless the body opens with the same heading; without
    one, a leading level-1 heading becomes the title.
    """
    from markdown_it import MarkdownIt  # not needed for plain text, which is most input

    markdown = unicodedata.normalize("NFC", markdown)  # a page's "u" + "¨" reads as "ü"
    parser = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable("table")
    tokens = parser.parse(flatten(markdown))
    out = _Builder()
    title = title.strip() if title else None
    if title:
        out.add("title", title)
    kind: BlockKind = "paragraph"
    prefix, in_list, quoted = "", 0, 0
    for tok in tokens:
        if tok.type in ("blockquote_open", "blockquote_close"):
            quoted += 1 if tok.type == "blockquote_open" else -1
        elif tok.type == "heading_open":
            kind = "title" if tok.tag == "h1" and not out.blocks else "heading"
        elif tok.type in ("bullet_list_open", "ordered_list_open"):
            in_list += 1
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            in_list -= 1
        elif tok.type == "list_item_open":
            prefix = f"{tok.info}. " if tok.info else "• "
        elif tok.type == "inline":
            lead = prefix if in_list else ""
            content, links = _inline(tok, len(lead))
            if kind == "heading" and len(out.blocks) == 1 and content.strip() == title:
                pass  # the body repeats the front-matter title
            elif kind == "title":
                title = content.strip()
                out.add("title", content, links)
            else:
                block: BlockKind = "blockquote" if quoted and kind == "paragraph" else kind
                out.add(block, lead + content, links)
            kind, prefix = "paragraph", ""
        elif tok.type in ("fence", "code_block"):
            out.add("paragraph", tok.content)
    return "".join(out.parts), tuple(out.blocks), title, tuple(out.links)
