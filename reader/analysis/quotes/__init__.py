"""Direct quotes and their speakers.

``marks`` finds the quoted spans, ``cues`` the speech cue and local speaker mention around each,
``speakers`` links that mention to an entity. Everything is a pure function of its arguments.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace

from reader.analysis.model import Entity, Quote, Sentence, Speaker
from reader.analysis.quotes import cues, filters
from reader.analysis.quotes.lexicon import NOT_SPEAKERS
from reader.analysis.quotes.marks import TURN, Marked, find_marked
from reader.analysis.quotes.speakers import Resolver, speaker
from reader.document.model import Span

__all__ = ["find_quotes"]

_STARTS_SENTENCE = re.compile(r"[\s“‘\"'«(\[]*[A-Z0-9]")
_MENDS = 3  # wrong sentence splits mended per quotation, so the work stays linear
_ADJACENT = re.compile(r"(\s*,[^,]{1,80},)?\s*(\w+ly\s+)?")  # "X, a y, said", "X quickly said"
_FRAME = 400  # characters read back from a sentence end for its reporting clause
_CLAUSES = 4  # commas tried there, so a long sentence stays cheap
_NEAR = 60  # characters between an earlier sentence's cue and the quotation that it introduces


def _find_cue(
    text: str, q: Marked, lo: int, sent_start: int, sent_end: int, para: Span, holes: Sequence[Span]
) -> cues.Cue | None:
    """The cue of one quotation: right after it when it ends a clause, else the first cue of its
    sentence before it, else a reporting clause closing its sentence, else one just before its
    sentence ("X said. “…”").

    A fragment that goes on the writer's sentence ("X said that “most people …,” she said")
    takes the cue before it: the sentence reports it first.
    """
    inner_end = q.span.end - 1 if q.closed else q.span.end
    ends_clause = text[inner_end - 1 : inner_end] in {",", "?", "!", "—", "-"} or text[
        q.span.end : q.span.end + 2
    ].lstrip()[:1] in {",", "―", "—"}
    first = next((c for c in text[q.span.start : inner_end] if c.isalpha()), "")
    found = None
    if ends_clause and not first.islower():
        found = cues.after(text, q.span.end, para.end) or cues.manner(text, q.span.end, para.end)
    found = found or cues.before(text, sent_start, max(para.start, sent_start), q.span.start, holes)
    if found is None and q.closed:
        found = cues.after(text, q.span.end, para.end)
        if found and found.cue and lo > para.start and text[inner_end - 1 : inner_end] == ".":
            found = None  # “…,” X said. “…” Y added that …: the next sentence's verb is not its cue
    if found is None:
        found = _final_clause(text, q.span.end, sent_end)
    if found is None and sent_start > lo:
        earlier = cues.before(text, lo, lo, sent_start)
        if earlier and earlier.cue and q.span.start - earlier.cue.end <= _NEAR:
            found = earlier
    return found


def _final_clause(text: str, end: int, sent_end: int) -> cues.Cue | None:
    """A reporting clause that closes the sentence after more of the writer's words
    ("… appeals to “…” voters, said Alan Abramowitz, a demographer."): it reports the whole
    sentence. Only a speaker and its verb side by side count, read from the last few commas."""
    lo = max(end, sent_end - _FRAME)
    for comma in [m.start() for m in re.finditer(",", text[lo:sent_end])][: -_CLAUSES - 1 : -1]:
        found = cues.after(text, lo + comma, sent_end)
        if (
            found
            and found.cue
            and found.mention
            and (
                found.cue.start < found.mention.start
                or _ADJACENT.fullmatch(text, found.mention.end, found.cue.start)
            )
        ):
            return found
    return None


def _sentence_end(sent_starts: Sequence[int], pos: int, para: Span) -> int:
    """Where the sentence holding ``pos`` ends: the next sentence's start, within the paragraph."""
    k = bisect.bisect_right(sent_starts, pos)
    return min(sent_starts[k], para.end) if k < len(sent_starts) else para.end


def _turn(text: str, q: Marked) -> cues.Cue | None:
    """A transcript turn quoted whole ("“PENCE: Well, …"): the label names the speaker."""
    label = TURN.match(text, q.span.start + 1, q.span.end)
    return cues.Cue(None, Span(label.start(1), label.end(1))) if label else None


def _sentence_start(text: str, sent_starts: Sequence[int], pos: int, para: Span) -> int:
    """Start of the sentence holding ``pos``, mending splits made inside "(D-Ill.), noting"."""
    k = bisect.bisect_right(sent_starts, pos) - 1
    for _ in range(_MENDS):
        if k <= 0 or sent_starts[k] <= para.start or _STARTS_SENTENCE.match(text, sent_starts[k]):
            break
        k -= 1
    return max(sent_starts[k] if k >= 0 else para.start, para.start)


def _introduced(text: str, para: Span, sent_starts: Sequence[int]) -> cues.Cue | None:
    """The cue of a paragraph that ends with a colon and introduces the next ("He said:")."""
    if not text[para.start : para.end].rstrip().endswith(":"):
        return None
    k = bisect.bisect_right(sent_starts, para.end - 1) - 1
    lo = max(para.start, sent_starts[k] if k >= 0 else para.start)
    return cues.before(text, lo, lo, para.end)


def _is_noise(text: str, q: Marked, inner: str, para: Span, double_style: bool) -> bool:
    """Markup, a title, or a single-quoted quote in a text that quotes with double marks (a
    headline or scare quote, by US convention): not somebody's words."""
    return (
        filters.is_markup(text, q.span, inner)
        or filters.is_title(text, q.span, inner)
        or (text[q.span.start] == "‘"
        and (double_style or filters.is_headline(text, para)))
    )


def _reliable(text: str, found: cues.Cue | None) -> cues.Cue | None:
    """The sentence subject guessed for a quotation with no cue, or None when that subject
    cannot be a speaker: "it"/"you", an opening word ("Immediately", "Based on …"), a quantifier
    ("Nothing", "Each …") or a lone adverb or participle. Better no speaker than a wrong one."""
    if found is None or found.mention is None:
        return found
    words = text[found.mention.start : found.mention.end].split()
    first = words[0].lower() if words else ""
    if first in NOT_SPEAKERS or (len(words) == 1 and first.endswith(("ly", "ing", "ed"))):
        return None
    return found


def _blockquotes(
    text: str,
    paragraphs: Sequence[Span],
    blocks: Sequence[Span],
    marked: Sequence[Marked],
    sent_starts: Sequence[int],
    resolver: Resolver,
) -> list[Quote]:
    """A blockquote with no quotation marks of its own is quoted whole (HTML and Markdown set
    quotations apart so); the paragraph before it names the speaker ("Anna Berg said:"), and a
    blockquote right after another continues it."""
    starts = [p.start for p in paragraphs]
    marked_starts = [m.span.start for m in marked]
    out: list[Quote] = []
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
        n = bisect.bisect_right(starts, block.start) - 1
        found = _introduced(text, paragraphs[n - 1], sent_starts) if n > 0 else None
        if found is not None and found.mention is not None:
            spk = speaker(text, found.mention, resolver.entity(found.mention))
        elif out and n > 0 and out[-1].span.end >= paragraphs[n - 1].start:
            spk = out[-1].speaker
        else:
            spk = Speaker()
        out.append(
            Quote(
                id="",
                span=span,
                text=text[span.start : span.end],
                speaker=spk,
                cue=found.cue if found else None,
            )
        )
    return out


def find_quotes(
    text: str,
    paragraphs: Sequence[Span],
    sentences: Sequence[Sentence],
    entities: Sequence[Entity],
    blockquotes: Sequence[Span] = (),
) -> list[Quote]:
    """Quotes in reading order, ids Q1.., each with its speaker when the text makes it clear.

    A quotation with no cue of its own takes, in order: a name just before the colon that opens
    it ("… - Ann Lee: “…”"), the subject of its sentence when it is a fragment of the writer's
    sentence and that subject can speak (not "It", "Nothing", "Immediately"), else the speaker
    of the quote before it when that one is in the same or the previous paragraph (a paragraph
    of quotes continuing), else nobody. ``blockquotes`` are the spans of blocks the source set
    apart as quotations.
    """
    paragraphs = sorted(paragraphs) or [Span(0, len(text))]
    marked = find_marked(text, paragraphs)
    singles = sum(text[m.span.start] == "‘" for m in marked)
    double_style = 0 < len(marked) - singles >= singles
    resolver = Resolver(text, entities, [m.span for m in marked])
    sent_starts = [s.span.start for s in sentences]
    para_starts = [p.start for p in paragraphs]
    out: list[Quote] = []
    prev: Quote | None = None
    prev_para = -2
    for j, q in enumerate(marked):
        n = bisect.bisect_right(para_starts, q.span.start) - 1
        para = paragraphs[n]
        inner = text[q.span.start + 1 : q.span.end - 1 if q.closed else q.span.end]
        if _is_noise(text, q, inner, para, double_style):
            continue
        sent_start = _sentence_start(text, sent_starts, q.span.start, para)
        lo = max(para.start, prev.span.end) if prev and prev_para == n else para.start
        holes = [m.span for m in marked[max(0, j - 8) : j] if m.span.start >= sent_start]
        sent_end = _sentence_end(sent_starts, q.span.end, para)
        found = _turn(text, q) or _find_cue(text, q, lo, sent_start, sent_end, para, holes)
        if found is None and n and not text[para.start : q.span.start].strip():
            found = _introduced(text, paragraphs[n - 1], sent_starts)
        if (
            found is None
            and filters.is_scare(inner)
            and not filters.is_framed(text, q.span)
            and not (prev and prev.span.end > sent_start)
        ):
            continue
        found = (
            found
            or cues.labelled(text, sent_start, q.span.start)
            or _reliable(text, cues.writer_subject(text, sent_start, q.span.start, holes))
        )
        if found is not None:
            mention = found.mention
            spk = speaker(text, mention, resolver.entity(mention) if mention else None)
        elif prev is not None and prev_para >= n - 1:
            spk = prev.speaker
        else:
            spk = Speaker()
        quote = Quote(
            id=f"Q{len(out) + 1}",
            span=q.span,
            text=text[q.span.start : q.span.end],
            speaker=spk,
            cue=found.cue if found else None,
            partial=filters.is_partial(inner),
        )
        out.append(quote)
        prev, prev_para = quote, bisect.bisect_right(para_starts, q.span.end - 1) - 1
    if blockquotes:
        out = sorted(
            out + _blockquotes(text, paragraphs, blockquotes, marked, sent_starts, resolver),
            key=lambda q: q.span.start,
        )
        out = [replace(q, id=f"Q{k}") for k, q in enumerate(out, 1)]
    return out
