"""The analysis of a text, stored by its hash and the analysers' version, so an article opened
again shows everything at once; any change to the analysis code or models recomputes."""

from __future__ import annotations

import gc
import hashlib
import json
import sqlite3
import time
import zlib
from functools import cache
from pathlib import Path
from typing import Any

from reader.analysis.model import (
    Analysis,
    Entity,
    Event,
    Quote,
    Sentence,
    Speaker,
    TimeExpr,
)
from reader.document.model import Document, Span

ANALYSIS_DIR = Path(__file__).resolve().parents[1] / "analysis"
FORMAT = "2"  # of the stored data below
MAX_ENTRIES = 200  # analyses kept; the oldest stored go first


@cache
def analysers_version() -> str:
    """A hash of every file of the analysis package: its code, models and word lists."""
    digest = hashlib.sha256(FORMAT.encode())
    for path in sorted(ANALYSIS_DIR.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(ANALYSIS_DIR)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def key(document: Document) -> str:
    """The hash of what the analysers read: the text and its blocks (a new loader may cut the
    same text into other paragraphs)."""
    digest = hashlib.sha256(document.text.encode("utf-8", "surrogatepass"))
    digest.update(repr([(b.kind, b.span.start, b.span.end) for b in document.blocks]).encode())
    return digest.hexdigest()


def get(conn: sqlite3.Connection, document: Document) -> Analysis | None:
    row = conn.execute(
        "SELECT data FROM analyses WHERE content_hash = ? AND version = ?",
        (key(document), analysers_version()),
    ).fetchone()
    if row is None:
        return None
    collecting = gc.isenabled()
    gc.disable()  # hundreds of thousands of small objects: collections would double the time
    try:
        return decode(json.loads(zlib.decompress(row[0])), document)
    except (ValueError, KeyError, TypeError, zlib.error):
        return None  # a damaged entry is recomputed
    finally:
        if collecting:
            gc.enable()


def pack(analysis: Analysis) -> bytes | None:
    """The stored form (compressed JSON), or None for an analysis not worth keeping (an analyser
    failed: try again next time).  Done outside the write transaction: it is the slow part."""
    if analysis.errors:
        return None
    return zlib.compress(json.dumps(encode(analysis), separators=(",", ":")).encode(), 6)


def put(conn: sqlite3.Connection, document: Document, data: bytes) -> None:
    """Keep ``data`` (from ``pack``), replacing what older analysers stored for the same text."""
    digest = key(document)
    conn.execute("DELETE FROM analyses WHERE content_hash = ?", (digest,))
    conn.execute(
        "INSERT INTO analyses (content_hash, version, data, created) VALUES (?, ?, ?, ?)",
        (digest, analysers_version(), data, time.time()),
    )
    conn.execute(
        "DELETE FROM analyses WHERE rowid NOT IN"
        " (SELECT rowid FROM analyses ORDER BY created DESC, rowid DESC LIMIT ?)",
        (MAX_ENTRIES,),
    )


def _span(span: Span | None) -> list[int] | None:
    return None if span is None else [span.start, span.end]


def _unspan(data: list[int] | None) -> Span | None:
    return None if data is None else Span(data[0], data[1])


def encode(a: Analysis) -> dict[str, Any]:
    """What the analysis is read for (its JSON form, the views, export), spans as [start, end]
    pairs.  Left out: the document (the text the hash names), the timings, and the sentences'
    word tokens, which only the analysers use while they run (they are four fifths of the objects
    to rebuild)."""
    return {
        "sentences": [[s.span.start, s.span.end] for s in a.sentences],
        "breaks": list(a.breaks),
        "entities": [
            [e.id, e.type, e.name, list(e.aliases), [_span(m) for m in e.mentions]]
            for e in a.entities
        ],
        "quotes": [
            [
                q.id,
                _span(q.span),
                q.text,
                q.speaker.entity,
                q.speaker.name,
                _span(q.speaker.mention),
                _span(q.cue),
                q.partial,
            ]
            for q in a.quotes
        ],
        "times": [[t.id, _span(t.span), t.text, t.type, t.value] for t in a.times],
        "timeline": [[e.time, e.date, _span(e.event), e.summary, e.undated] for e in a.timeline],
        "date": a.date,
        "date_source": a.date_source,
    }


def decode(data: dict[str, Any], document: Document) -> Analysis:
    return Analysis(
        document=document,
        sentences=tuple(Sentence(Span(s, e), ()) for s, e in data["sentences"]),
        breaks=tuple(data["breaks"]),
        entities=tuple(
            Entity(i, kind, name, tuple(aliases), tuple(Span(*m) for m in mentions))
            for i, kind, name, aliases, mentions in data["entities"]
        ),
        quotes=tuple(
            Quote(i, Span(*span), text, Speaker(ent, name, _unspan(mention)), _unspan(cue), part)
            for i, span, text, ent, name, mention, cue, part in data["quotes"]
        ),
        times=tuple(
            TimeExpr(i, Span(*span), text, kind, value)
            for i, span, text, kind, value in data["times"]
        ),
        timeline=tuple(
            Event(time, date, Span(*span), summary, undated)
            for time, date, span, summary, undated in data["timeline"]
        ),
        date=data["date"],
        date_source=data["date_source"],
    )
