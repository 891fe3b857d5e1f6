"""Direct quotes and their speakers, as a short pipeline of named stages.

1. ``marks``: quotation spans from quotation marks;
2. ``filters``: drop what is not somebody's words (titles, markup, slogans, scare quotes);
3. ``candidates``: the cue rules' mention, the nearest cue verb's subject, nearby names, the
   previous quote's speaker and "no speaker", each with features;
4. ``ranker``: a learned linear ranker chooses one, and says whether it is sure (``by_rules``
   switches it off);
5. ``speakers``: the chosen mention becomes a Speaker named after its entity (via ``coref``),
   when the ranker is sure; a paragraph continuing a quotation keeps that quotation's speaker.

``find_quotes(filtering=False)`` and ``choose=ranker.by_rules`` switch stages 2 and 4 off, so a
benchmark can see what each is worth.

Everything is a pure function of its arguments, linear in the length of the text.
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from reader.analysis.model import Entity, Quote, Sentence, Speaker
from reader.analysis.quotes import candidates, filters, ranker
from reader.analysis.quotes.candidates import Doc, Local
from reader.analysis.quotes.marks import Marked, find_marked
from reader.analysis.quotes.speakers import speaker
from reader.document.model import Span

__all__ = ["find_quotes"]

_HOLES = 8  # earlier quotations of a sentence skipped when its cue is read
_LATER = 3  # later quotations of a sentence that may close it with a cue


def _blockquotes(
    doc: Doc, blocks: Sequence[Span], marked: Sequence[Marked], out: Sequence[Quote]
) -> list[Quote]:
    """A blockquote with no quotation marks of its own is quoted whole (HTML and Markdown set
    quotations apart so); the paragraph before it names the speaker ("Anna Berg said:"), and a
    blockquote right after another continues it."""
    text, paragraphs = doc.text, doc.paragraphs
    marked_starts = [m.span.start for m in marked]
    found_quotes: list[Quote] = []
    for block in sorted(blocks):
        k = bisect.bisect_left(marked_starts, block.start)
        if k < len(marked_starts) and marked_starts[k] < block.end:
            continue  # its own marks say what is quoted
        inner = text[block.start : block.end]
        span = Span(
            block.start + len(inner) - len(inner.lstrip()),
            block.end - len(inner) + len(inner.rstrip()),
        )
        if span.start >= span.end:
            continue
        n = bisect.bisect_right(doc.para_starts, block.start) - 1
        found = candidates.introduced(doc, paragraphs[n - 1]) if n > 0 else None
        if found is not None and found.mention is not None:
            spk = speaker(text, found.mention, doc.coref.resolve(found.mention))
        elif found_quotes and n > 0 and found_quotes[-1].span.end >= paragraphs[n - 1].start:
            spk = found_quotes[-1].speaker
        else:
            spk = Speaker()
        cue = found.cue if found else None
        found_quotes.append(Quote("", span, text[span.start : span.end], spk, cue))
    return found_quotes


def locate(
    doc: Doc, marked: Sequence[Marked], j: int, prev_end: int, prev_para: int
) -> tuple[Local, Sequence[Span]]:
    """A quotation's paragraph, sentence and the cue the rules find for it; ``prev_end`` is
    where the quotation kept before it ends (-1: none)."""
    q = marked[j]
    n = bisect.bisect_right(doc.para_starts, q.span.start) - 1
    para = doc.paragraphs[n]
    sent_start = candidates.sentence_start(doc, q.span.start, para)
    sent_end = candidates.sentence_end(doc, q.span.end, para)
    lo = max(para.start, prev_end) if prev_para == n else para.start
    holes = [m.span for m in marked[max(0, j - _HOLES) : j] if m.span.start >= sent_start]
    rule, found = candidates.rule_cue(doc, q, lo, n, sent_start, sent_end, holes)
    return Local(n, sent_start, sent_end, rule, found), holes


Pick = tuple[Span, Entity | None]


@dataclass(frozen=True, slots=True)
class Placed:
    """A kept quotation, its place and cue, and the rules' speaker of the quotation before it
    when that one is in the same or the previous paragraph."""

    q: Marked
    local: Local
    last: Pick | None


def place(
    doc: Doc, marked: Sequence[Marked], noise: Sequence[bool], scare: bool = True
) -> list[Placed]:
    """Stage 3a: the quotations that are somebody's words, each with the cue the rules find;
    ``scare``: drop a scare quote that has no cue (the filter stage's last test).

    The rules' speaker runs on from quotation to quotation: the cue's mention, else the
    previous quotation's speaker (a paragraph of quotes continuing), else nobody."""
    text = doc.text
    out: list[Placed] = []
    prev_end, prev_para = -1, -2
    pick: Pick | None = None
    for j, q in enumerate(marked):
        if noise[j]:
            continue
        local, holes = locate(doc, marked, j, prev_end, prev_para)
        inner = text[q.span.start + 1 : q.span.end - 1 if q.closed else q.span.end]
        if local.found is None:
            vouched = (
                prev_end > local.sent_start
                or filters.longer_follows(text, marked, j, local.sent_end)
                or filters.spoken_before(text, local.sent_start, q.span.start)
            )
            if scare and filters.is_unattributed(text, q.span, inner, vouched):
                continue
            later = [m for m in marked[j + 1 : j + 1 + _LATER] if m.span.start < local.sent_end]
            rule, found = candidates.fallback_cue(doc, q, local.sent_start, holes, later)
            local = replace(local, rule=rule, found=found)
        last = pick if pick is not None and prev_para >= local.para - 1 else None
        out.append(Placed(q, local, last))
        if local.found is not None and local.found.mention is not None:
            pick = (local.found.mention, doc.coref.resolve(local.found.mention))
        elif last is None:
            pick = None
        prev_end = q.span.end
        prev_para = bisect.bisect_right(doc.para_starts, q.span.end - 1) - 1
    return out


def spoken(doc: Doc, placed: Sequence[Placed]) -> Counter[str]:
    """How many quotations of the document each entity is named the speaker of by a cue
    ("Berg said"): someone quoted often is a likely speaker of the quotes around."""
    out: Counter[str] = Counter()
    for p in placed:
        found = p.local.found
        if found is not None and found.cue is not None and found.mention is not None:
            entity = doc.coref.resolve(found.mention)
            if entity is not None:
                out[entity.id] += 1
    return out


def find_quotes(
    text: str,
    paragraphs: Sequence[Span],
    sentences: Sequence[Sentence],
    entities: Sequence[Entity],
    blockquotes: Sequence[Span] = (),
    choose: ranker.Chooser | None = None,
    filtering: bool = True,
) -> list[Quote]:
    """Quotes in reading order, ids Q1.., each with its speaker when the text makes it clear.

    ``blockquotes`` are the spans of blocks the source set apart as quotations; ``choose``
    replaces the shipped ranker (``ranker.by_rules``, or a model in training); ``filtering``
    False switches the filter stage off (every quotation is kept), to see what it is worth.
    """
    choose = choose or ranker.ranked
    paragraphs = sorted(paragraphs) or [Span(0, len(text))]
    marked = find_marked(text, paragraphs)
    doc = candidates.index(text, paragraphs, sentences, entities, marked)
    noise = (
        filters.noise(text, paragraphs, doc.para_starts, marked)
        if filtering
        else [False] * len(marked)
    )
    placed = place(doc, marked, noise, filtering)
    counts = spoken(doc, placed)
    before = {b.span.start: a.span for a, b in itertools.pairwise(marked)}
    out: list[Quote] = []
    for p in placed:
        inner = text[p.q.span.start + 1 : p.q.span.end - 1 if p.q.closed else p.q.span.end]
        if p.q.continues and out and out[-1].span == before[p.q.span.start]:
            spk, cue = out[-1].speaker, out[-1].cue  # the same quotation, a paragraph on
        else:
            best, sure = choose(candidates.gather(doc, p.q, p.local, p.last, counts))
            spk, cue = speaker(text, best.mention, best.entity, sure), best.cue
        out.append(
            Quote(
                id=f"Q{len(out) + 1}",
                span=p.q.span,
                text=text[p.q.span.start : p.q.span.end],
                speaker=spk,
                cue=cue,
                partial=filters.is_partial(inner),
            )
        )
    if blockquotes:
        out = sorted(out + _blockquotes(doc, blockquotes, marked, out), key=lambda q: q.span.start)
        out = [replace(q, id=f"Q{k}") for k, q in enumerate(out, 1)]
    return out
