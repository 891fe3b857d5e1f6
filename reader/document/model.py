"""The canonical document: one text, and every structure as character spans into it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["title", "heading", "paragraph", "blockquote"]


@dataclass(frozen=True, order=True, slots=True)
class Span:
    """Half-open character range ``[start, end)`` into ``Document.text``."""

    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def to_json(self) -> dict[str, int]:
        return {"start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Block:
    """A title, heading or paragraph of the reading text."""

    kind: BlockKind
    span: Span


@dataclass(frozen=True, slots=True)
class Link:
    """A hyperlink of the source (HTML, Markdown): the linked words and where they point."""

    span: Span
    url: str

    def to_json(self) -> dict[str, object]:
        return {**self.span.to_json(), "url": self.url}


@dataclass(frozen=True, slots=True)
class Document:
    """What a loader produces; nothing downstream re-reads the source."""

    text: str
    source: str
    blocks: tuple[Block, ...] = ()
    title: str | None = None
    date: str | None = None  # YYYY-MM-DD from metadata, when the source gives one
    author: str | None = None
    warnings: tuple[str, ...] = field(default=())
    links: tuple[Link, ...] = ()  # in text order

    def block_text(self, block: Block) -> str:
        return self.text[block.span.start : block.span.end]
