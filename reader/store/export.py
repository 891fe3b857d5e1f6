"""Highlights and notes out of the reader: Markdown (for Obsidian, Logseq and the like) and the W3C
Web Annotation data model (TextQuoteSelector + TextPositionSelector, the note as the body).

Optionally the article's detected quotes, with their speakers, come along."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from reader.analysis.model import Quote
from reader.store.highlights import Highlight
from reader.store.library import Article

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # never pass escapes on to a terminal


def clean(text: str) -> str:
    return _CONTROL.sub("", text)


def iso(timestamp: float) -> str:
    return (
        datetime.fromtimestamp(timestamp, UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    )


def _blockquote(text: str) -> str:
    return "\n".join(f"> {line}".rstrip() for line in clean(text).strip().splitlines())


def markdown(article: Article, highlights: list[Highlight], quotes: Sequence[Quote] = ()) -> str:
    """One article: title, source and date, then each highlight as a blockquote, its note below."""
    lines = [
        f"# {clean(article.title or article.source)}",
        "",
        f"- Source: {clean(article.source)}",
    ]
    if article.date:
        lines.append(f"- Date: {article.date}")
    if article.author:
        lines.append(f"- Author: {clean(article.author)}")
    lines.append(f"- Last read: {iso(article.last_opened)[:10]}")
    for h in highlights:
        lines += ["", _blockquote(h.quote.exact)]
        if h.orphaned:
            lines.append("> (no longer found in the article)")
        if h.note.strip():
            lines += ["", clean(h.note).strip()]
    if quotes:
        lines += ["", "## Quotes", ""]
        for q in quotes:
            who = clean(q.speaker.name) if q.speaker.name else "unknown speaker"
            lines += [_blockquote(q.text), f"— {who}", ""]
    return "\n".join(lines).rstrip() + "\n"


def web_annotations(
    article: Article, highlights: list[Highlight], quotes: Sequence[Quote] = ()
) -> list[dict[str, Any]]:
    """Web Annotations: one per highlight (its note the body), then one per detected quote."""
    items = [_highlight(article, h) for h in highlights]
    for q in quotes:
        target = {
            "source": article.source,
            "selector": [
                {"type": "TextQuoteSelector", "exact": q.text},
                {"type": "TextPositionSelector", "start": q.span.start, "end": q.span.end},
            ],
        }
        item: dict[str, Any] = {
            "@context": CONTEXT,
            "id": f"urn:reader:quote:{article.id}:{q.id}",
            "type": "Annotation",
            "motivation": "identifying",
            "creator": {"type": "Software", "name": "reader"},
            "target": target,
        }
        if q.speaker.name:
            body = {"type": "TextualBody", "value": q.speaker.name, "purpose": "identifying"}
            item["body"] = body
        items.append(item)
    return items


def _highlight(article: Article, h: Highlight) -> dict[str, Any]:
    selectors: list[dict[str, Any]] = [
        {
            "type": "TextQuoteSelector",
            "exact": h.quote.exact,
            "prefix": h.quote.prefix,
            "suffix": h.quote.suffix,
        }
    ]
    if not h.orphaned:
        selectors.append({"type": "TextPositionSelector", "start": h.span.start, "end": h.span.end})
    item: dict[str, Any] = {
        "@context": CONTEXT,
        "id": f"urn:reader:highlight:{h.id}",
        "type": "Annotation",
        "motivation": "commenting" if h.note.strip() else "highlighting",
        "created": iso(h.created),
        "modified": iso(h.modified),
        "target": {"source": article.source, "selector": selectors},
    }
    if h.note.strip():
        item["body"] = {
            "type": "TextualBody",
            "value": h.note,
            "format": "text/markdown",
            "purpose": "commenting",
        }
    return item


def collection(label: str, items: list[dict[str, Any]]) -> dict[str, Any]:
    """Every annotation exported, as one W3C AnnotationCollection with a single page."""
    return {
        "@context": CONTEXT,
        "type": "AnnotationCollection",
        "label": label,
        "total": len(items),
        "first": {"type": "AnnotationPage", "items": items},
    }
