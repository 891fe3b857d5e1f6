"""A readable plain-text summary of an analysis (``reader analyse --format text``)."""

from __future__ import annotations

from reader.analysis.model import Analysis
from reader.analysis.timex import describe
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
        f"{len(doc.text):,} characters, {count(doc.blocks, 'block')}, "
        f"{count(analysis.sentences, 'sentence')}",
        "",
    ]
    lines += [f"note: {n}" for n in analysis.notices] + ([""] if analysis.notices else [])
    lines.append(f"Entities ({len(analysis.entities)})")
    lines += [f"  {e.type:<6} {e.name}  ×{len(e.mentions)}" for e in analysis.entities]
    lines += ["", f"Quotes ({len(analysis.quotes)})"]
    for q in analysis.quotes:
        lines.append(f"  {q.speaker.name or 'unknown'}: {_clip(q.text)}")
    written = {t.id: t.text for t in analysis.times}
    lines += ["", f"Timeline ({len(analysis.timeline)})"]
    for e in analysis.timeline:
        when = describe(e.date, written.get(e.time, ""))  # the words the app shows
        lines.append(f"  {when:<24} {_clip(e.summary, 70)}")
    recurring = [
        describe(t.value, t.text, recurring=True) for t in analysis.times if t.type == "SET"
    ]
    if recurring:
        lines += ["", f"Recurring ({len(recurring)})"]
        lines += [f"  {when}" for when in dict.fromkeys(recurring)]
    return "\n".join(lines)
