"""What the analysers find, as frozen dataclasses over ``Span``s, and its schema-1 JSON form."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from reader.document.model import Block, Document, Span

SCHEMA_VERSION = 1

EntityType = Literal["PERSON", "ORG", "LOC", "MISC"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
DateSource = Literal["metadata", "option", "inferred"]


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence and its word tokens, all as spans of the document text."""

    span: Span
    tokens: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Entity:
    """One person, organisation, place or other named thing, with every mention of it."""

    id: str
    type: EntityType
    name: str
    aliases: tuple[str, ...]
    mentions: tuple[Span, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "name": self.name,
            "aliases": list(self.aliases),
            "mentions": [m.to_json() for m in self.mentions],
        }


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who said a quote: the local mention, and the entity it resolves to when known."""

    entity: str | None = None
    name: str | None = None
    mention: Span | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "entity": self.entity,
            "name": self.name,
            "mention": self.mention.to_json() if self.mention else None,
        }


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation (marks included in ``span``)."""

    id: str
    span: Span
    text: str
    speaker: Speaker = field(default_factory=Speaker)
    cue: Span | None = None
    partial: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            **self.span.to_json(),
            "text": self.text,
            "speaker": self.speaker.to_json(),
            "cue": self.cue.to_json() if self.cue else None,
            "partial": self.partial,
        }


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A TIMEX3-style temporal expression with its normalised value."""

    id: str
    span: Span
    text: str
    type: TimeType
    value: str

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            **self.span.to_json(),
            "text": self.text,
            "type": self.type,
            "value": self.value,
        }


@dataclass(frozen=True, slots=True)
class Event:
    """A dated event of the timeline: the clause a time expression dates."""

    time: str  # TimeExpr.id, or "" for the document date itself
    date: str
    event: Span
    summary: str
    undated: bool = False  # relative expression that could not be anchored

    def to_json(self) -> dict[str, Any]:
        return {
            "time": self.time,
            "date": self.date,
            "event": self.event.to_json(),
            "summary": self.summary,
            "undated": self.undated,
        }


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the core found in one document; the UI only renders this."""

    document: Document
    sentences: tuple[Sentence, ...] = ()
    breaks: tuple[int, ...] = ()  # offsets where a lost line break glued two words
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    timeline: tuple[Event, ...] = ()
    date: str | None = None
    date_source: DateSource | None = None
    timings_ms: dict[str, float] = field(default_factory=dict)
    errors: tuple[str, ...] = ()  # analysers that failed on this document, and why
    language: str = "en"  # ISO 639-1 code of the article's language (``analysis.language``)
    notices: tuple[str, ...] = ()  # what the reader should know about the findings (not failures)

    def to_json(self) -> dict[str, Any]:
        doc = self.document
        return {
            "schema": SCHEMA_VERSION,
            "source": doc.source,
            "title": doc.title,
            "author": doc.author,
            "date": self.date,
            "date_source": self.date_source,
            "text": doc.text,
            "blocks": [_block_json(b) for b in doc.blocks],
            "links": [link.to_json() for link in doc.links],
            "sentences": [s.span.to_json() for s in self.sentences],
            "breaks": list(self.breaks),
            "entities": [e.to_json() for e in self.entities],
            "quotes": [q.to_json() for q in self.quotes],
            "times": [t.to_json() for t in self.times],
            "timeline": [e.to_json() for e in self.timeline],
            "timings_ms": {k: round(v, 2) for k, v in self.timings_ms.items()},
            "errors": list(self.errors),
            "language": self.language,
            "notices": list(self.notices),
        }


def _block_json(block: Block) -> dict[str, Any]:
    """Schema 1 knows title, heading and paragraph: a blockquote is a paragraph flagged as one."""
    if block.kind == "blockquote":
        return {"kind": "paragraph", "blockquote": True, **block.span.to_json()}
    return {"kind": block.kind, **block.span.to_json()}
