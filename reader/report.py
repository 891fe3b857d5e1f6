"""A readable plain-text summary of an analysis (``reader analyse --format text``)."""

from __future__ import annotations

from reader.analysis.model import Analysis
from reader.english import count


def _clip(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def summary(analysis: Analysis) -> str:
    doc = analysis.document
    date = analysis.date or "unknown"
    if analysis.date_source == "inferred":
        date += " (inferred)"
    lines = [
        doc.title or doc.source,
        f"source: {doc.source}   date: {date}   author: {doc.author or '-'}",
        f"{len(doc.text):,} characters, {count(doc.blocks, 'block')}, {count(analysis.sentences, 'sentence')}",
        "",
    ]
    lines += [f"note: {n}" for n in analysis.notices] + ([""] if analysis.notices else [])
    lines.append(f"Entities ({len(analysis.entities)})")
    lines += [f"  {e.type:<6} {e.name}  ×{len(e.mentions)}" for e in analysis.entities]
    lines += ["", f"Quotes ({len(analysis.quotes)})"]
    for q in analysis.quotes:
        lines.append(f"  {q.speaker.name or 'unknown'}: {_clip(q.text)}")
    lines += ["", f"Timeline ({len(analysis.timeline)})"]
    lines += [f"  {e.date:<10} {_clip(e.summary, 70)}" for e in analysis.timeline]
    return "\n".join(lines)
