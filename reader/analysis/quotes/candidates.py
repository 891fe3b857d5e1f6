"""Stage 3: who might have said a quotation, each candidate with the features the ranker scores.

Candidates are the mention the cue rules find (``rule``: "“…,” the minister said"), the subject
of the cue verb nearest before the quotation when it is another mention (``gov``: "… with Berg
warning of “…”"), the speaker of a reporting clause closing the sentence when the rules took
another cue (``final``: "Lee often called it “…”, said Ode"), the names written near
the quotation (its sentence, the one before and the one after), the speaker of the quotation
before it in the same or the previous paragraph (``prev``), and always "no speaker".
Every candidate carries the entity ``coref`` links it to and a few sparse string features:
where it stands, what kind of mention it is, the words around it, the cue verb.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from reader.analysis.coref import Coref, governed, mention_kind
from reader.analysis.lexicons import words
from reader.analysis.model import Entity, Sentence
from reader.analysis.quotes import cues, filters
from reader.analysis.quotes.lexicon import (
    AMBIGUOUS_VERBS,
    JUDGING_VERBS,
    NOT_SPEAKERS,
    SPEECH_VERBS,
)
from reader.analysis.quotes.marks import TURN, Marked
from reader.document.model import Span

_STARTS_SENTENCE = re.compile(r"[\s“‘\"'«(\[]*[A-Z0-9]")
_MENDS = 3  # wrong sentence splits mended per quotation, so the work stays linear
_ADJACENT = re.compile(r"(\s*,[^,]{1,80},)?\s*(\w+ly\s+)?")  # "X, a y, said", "X quickly said"
_FRAME = 400  # characters read back from a sentence end for its reporting clause
_CLAUSES = 4  # commas tried there, so a long sentence stays cheap
_NEAR = 60  # characters between an earlier sentence's cue and the quotation that it introduces
_REACH = 600  # characters either side of a quotation read for names
_NAMES = 8  # names near a quotation kept as candidates, nearest first
_SPACES = re.compile(r"\s*")
_ENDS = re.compile(r"[.!?\n]")
_WORD = re.compile(r"[\w’'-]+|[^\w\s]")
_LEAD = re.compile(r"(?:\b(?:and|but|so|then|also|later|now)|\b[A-Z]\w*ly|“|\")\s*$")  # "and Berg"
_AGENT = re.compile(r"\b(?:by|from|according to)\s+(?:the\s+)?$", re.IGNORECASE)
_CLAUSE_OPEN = frozenset('.,;:!?—–-(“"”')
_CHANNEL_REACH = 60  # characters after a cue read for "in a statement", "on Twitter"
WRITTEN = words("written_channels")


@dataclass(frozen=True, slots=True)
class Doc:
    """What every stage reads about one document, indexed once."""

    text: str
    paragraphs: Sequence[Span]
    para_starts: Sequence[int]
    sent_starts: Sequence[int]
    coref: Coref


def index(
    text: str,
    paragraphs: Sequence[Span],
    sentences: Sequence[Sentence],
    entities: Sequence[Entity],
    marked: Sequence[Marked],
) -> Doc:
    """The document's indexes: sorted paragraph and sentence starts, and coreference."""
    return Doc(
        text,
        paragraphs,
        [p.start for p in paragraphs],
        [s.span.start for s in sentences],
        Coref(text, entities, [m.span for m in marked]),
    )


@dataclass(frozen=True, slots=True)
class Local:
    """A quotation in its place: paragraph, sentence bounds and the cue the rules found."""

    para: int
    sent_start: int
    sent_end: int
    rule: str  # which rule found the cue ("after", "before", ...), "" for none
    found: cues.Cue | None


@dataclass(frozen=True, slots=True)
class Candidate:
    """A possible speaker (``mention`` None: nobody), its entity and the ranker's features."""

    mention: Span | None
    entity: Entity | None
    cue: Span | None
    features: tuple[str, ...]


# --- the cue rules -----------------------------------------------------------------------------


def opens_paragraph(text: str, para_start: int, pos: int) -> bool:
    """Whether only spaces stand between a paragraph's start and ``pos`` (read up to the first
    other character, so a long paragraph costs no more)."""
    spaces = _SPACES.match(text, para_start)
    return spaces is not None and spaces.end() >= pos


def sentence_start(doc: Doc, pos: int, para: Span) -> int:
    """Start of the sentence holding ``pos``, mending splits made inside "(D-Ore.), adding"."""
    starts = doc.sent_starts
    k = bisect.bisect_right(starts, pos) - 1
    for _ in range(_MENDS):
        if k <= 0 or starts[k] <= para.start or _STARTS_SENTENCE.match(doc.text, starts[k]):
            break
        k -= 1
    return max(starts[k] if k >= 0 else para.start, para.start)


def sentence_end(doc: Doc, pos: int, para: Span) -> int:
    """Where the sentence holding ``pos`` ends: the next sentence's start, within the paragraph."""
    k = bisect.bisect_right(doc.sent_starts, pos)
    return min(doc.sent_starts[k], para.end) if k < len(doc.sent_starts) else para.end


def _ends_clause(text: str, q: Marked) -> bool:
    """Whether the quotation ends a clause of its own (“…,” / “…?” / “…” —), so that a cue
    after it reports it."""
    inner_end = q.span.end - 1 if q.closed else q.span.end
    last = text[inner_end - 1 : inner_end]
    follows = text[q.span.end : q.span.end + 2].lstrip()[:1]
    first = next((c for c in text[q.span.start : inner_end] if c.isalpha()), "")
    return (last in {",", "?", "!", "—", "-"} or follows in {",", "―", "—"}) and not first.islower()


def _after_closed(text: str, q: Marked, lo: int, para: Span) -> cues.Cue | None:
    """A cue after a closed quotation that ends a sentence; not when an earlier quotation of
    the paragraph sits before it (“…,” X said. “…” Y added that …: the next verb is Y's)."""
    if not q.closed:
        return None
    found = cues.after(text, q.span.end, para.end)
    if found and found.cue and lo > para.start and text[q.span.end - 2 : q.span.end - 1] == ".":
        return None
    return found


def final_clause(text: str, end: int, sent_end: int) -> cues.Cue | None:
    """A reporting clause that closes the sentence after more of the writer's words
    ("… appeals to “…” voters, said Tom Ode, a pollster."): it reports the whole sentence.
    Only a speaker and its verb side by side count, read from the last few commas."""
    lo = max(end, sent_end - _FRAME)
    commas = [m.start() for m in re.finditer(",", text[lo:sent_end])][: -_CLAUSES - 1 : -1]
    for comma in commas:
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


def _earlier(text: str, q: Marked, lo: int, sent_start: int) -> cues.Cue | None:
    """A cue in the sentence before, just before the quotation ("X said. “…”")."""
    if sent_start <= lo:
        return None
    found = cues.before(text, lo, lo, sent_start)
    return found if found and found.cue and q.span.start - found.cue.end <= _NEAR else None


def turn(text: str, q: Marked) -> cues.Cue | None:
    """A transcript turn quoted whole ("“HOST: Well, …"): the label names the speaker."""
    label = TURN.match(text, q.span.start + 1, q.span.end)
    return cues.Cue(None, Span(label.start(1), label.end(1))) if label else None


def introduced(doc: Doc, para: Span) -> cues.Cue | None:
    """The cue of a paragraph that ends with a colon and introduces the next ("He said:")."""
    if not doc.text[para.start : para.end].rstrip().endswith(":"):
        return None
    k = bisect.bisect_right(doc.sent_starts, para.end - 1) - 1
    lo = max(para.start, doc.sent_starts[k] if k >= 0 else para.start)
    return cues.before(doc.text, lo, lo, para.end)


def reliable(text: str, found: cues.Cue | None) -> cues.Cue | None:
    """The sentence subject guessed for a quotation with no cue, or None when that subject
    cannot be a speaker: "it"/"you", an opening word ("Immediately"), a quantifier ("Nothing")
    or a lone adverb or participle. Better no speaker than a wrong one."""
    if found is None or found.mention is None:
        return found
    ws = text[found.mention.start : found.mention.end].split()
    first = ws[0].lower() if ws else ""
    if first in NOT_SPEAKERS or (len(ws) == 1 and first.endswith(("ly", "ing", "ed"))):
        return None
    return found


def rule_cue(
    doc: Doc, q: Marked, lo: int, n: int, sent_start: int, sent_end: int, holes: Sequence[Span]
) -> tuple[str, cues.Cue | None]:
    """The cue the rules find for a quotation, and which rule found it, tried in order: a
    transcript label; a cue right after it when it ends a clause; the first cue of its sentence
    before it; a cue after it; a reporting clause closing its sentence; a cue just before its
    sentence; the previous paragraph's "X said:"."""
    text, para = doc.text, doc.paragraphs[n]
    clause = _ends_clause(text, q)
    steps: tuple[tuple[str, Callable[[], cues.Cue | None]], ...] = (
        ("turn", lambda: turn(text, q)),
        ("after", lambda: cues.after(text, q.span.end, para.end) if clause else None),
        ("manner", lambda: cues.manner(text, q.span.end, para.end) if clause else None),
        (
            "before",
            lambda: cues.before(text, sent_start, max(para.start, sent_start), q.span.start, holes),
        ),
        ("after-sentence", lambda: _after_closed(text, q, lo, para)),
        ("final", lambda: final_clause(text, q.span.end, sent_end)),
        ("earlier", lambda: _earlier(text, q, lo, sent_start)),
        (
            "introduced",
            lambda: (
                introduced(doc, doc.paragraphs[n - 1])
                if n and opens_paragraph(text, para.start, q.span.start)
                else None
            ),
        ),
    )
    for name, step in steps:
        found = step()
        if found is not None:
            return name, found
    return "", None


def later_cue(doc: Doc, later: Sequence[Marked], para: Span) -> cues.Cue | None:
    """The cue right after a later quotation of the same sentence that ends a clause: in
    "The plan is “costly” and, in any case, “we will not sign it,” Berg said" the reporting
    clause at the end reports both quotations."""
    for m in later:
        inner_end = m.span.end - 1 if m.closed else m.span.end
        ends = doc.text[inner_end - 1 : inner_end] in {",", "?", "!"}
        if ends or doc.text[m.span.end : m.span.end + 1] == ",":
            found = cues.after(doc.text, m.span.end, para.end)
            if found is not None and found.cue is not None and found.mention is not None:
                return found
    return None


def fallback_cue(
    doc: Doc, q: Marked, sent_start: int, holes: Sequence[Span], later: Sequence[Marked] = ()
) -> tuple[str, cues.Cue | None]:
    """No cue: a name before the colon that opens the quotation, else the cue after a later
    quotation of its sentence (``later``), else the subject of its sentence when that can
    speak."""
    labelled = cues.labelled(doc.text, sent_start, q.span.start)
    if labelled:
        return "labelled", labelled
    para = doc.paragraphs[bisect.bisect_right(doc.para_starts, q.span.start) - 1]
    found = later_cue(doc, later, para)
    if found:
        return "later", found
    subject = reliable(doc.text, cues.writer_subject(doc.text, sent_start, q.span.start, holes))
    return ("subject", subject) if subject else ("", None)


# --- candidates and their features ----------------------------------------------------------------


def _bucket(n: int, edges: Sequence[int] = (0, 5, 15, 40, 100, 250)) -> str:
    return str(next((e for e in edges if n <= e), "far"))


def _words_around(text: str, span: Span) -> tuple[str, str, str]:
    """The word before a mention and the two after it, lower case."""
    before = _WORD.findall(text[max(0, span.start - 30) : span.start])
    after = _WORD.findall(text[span.end : span.end + 40])[:2]
    after += [""] * (2 - len(after))
    return (before[-1].lower() if before else "^", after[0].lower(), after[1].lower())


def _where(doc: Doc, q: Marked, local: Local, span: Span) -> str:
    """Where a mention stands relative to its quotation's sentence."""
    if span.end <= q.span.start:
        if span.start >= local.sent_start:
            return "sent-before"
        k = bisect.bisect_right(doc.sent_starts, local.sent_start - 1) - 1
        prev_start = doc.sent_starts[k] if k >= 0 else 0
        return "prev-sent" if span.start >= prev_start else "earlier"
    if span.start >= q.span.end:
        same = span.start < local.sent_end or not _ENDS.search(doc.text, q.span.end, span.start)
        return "sent-after" if same else "next-sent"  # “…?” said Berg: one sentence
    return "inside"


def _adjacency(text: str, span: Span, cue: Span | None) -> str:
    """How a mention stands to its cue verb: side by side ("Berg said", "said Berg"), a few
    words apart, across an apposition ("Berg, the minister, said") or further."""
    if cue is None:
        return "-"
    order = "m<c" if span.end <= cue.start else "c<m"
    between = text[span.end : cue.start] if order == "m<c" else text[cue.end : span.start]
    if not between.strip():
        return order + ":tight"
    if "," in between:
        return order + ":comma"
    return order + (":near" if len(between.split()) <= 2 else ":far")


def _role(text: str, span: Span) -> str:
    """A shallow syntactic role: the agent after "by", "from" or "according to" ("a statement
    from Berg", who may be the speaker), the object of another preposition ("with Berg"), an
    owner ("Berg's plan"), the start of a clause (likely its subject), or another place (an
    object)."""
    if governed(text, span.start):
        return "agent" if _AGENT.search(text, max(0, span.start - 24), span.start) else "prep"
    if text[span.end : span.end + 2] in ("'s", "’s"):
        return "poss"
    before = text[max(0, span.start - 40) : span.start].rstrip()
    before = _LEAD.sub("", before)
    if not before or before[-1] in _CLAUSE_OPEN:
        return "clause"
    return "object"


def _written(text: str, cue: Span | None, end: int) -> bool:
    """Whether the cue's clause says the words were written or posted ("said in a statement")."""
    if cue is None:
        return False
    words = _WORD.findall(text[cue.start : min(end, cue.end + _CHANNEL_REACH)].lower())
    return any(w in WRITTEN for w in words)


def verb_class(text: str, cue: Span | None) -> str:
    """What kind of verb the cue is: one that only reports speech ("said"), one that may be a
    noun too ("comments", "states"), one of judging ("called it"), or none: the ranker learns
    how far each vouches for its subject, a rare verb sharing what its class has learnt."""
    if cue is None:
        return "-"
    verb = text[cue.start : cue.end].split()[0].lower()
    if verb in JUDGING_VERBS:
        return "judge"
    if verb in AMBIGUOUS_VERBS:
        return "ambiguous"
    return "speech" if verb in SPEECH_VERBS else "other"


@dataclass(frozen=True, slots=True)
class Shared:
    """What every candidate of one quotation shares: whether it opens its paragraph, whether
    its cue says the words were written, whether it is a partial quotation (a few words in
    the writer's sentence, starting in lower case), and who is the subject of the verb nearest
    before it (which governs a fragment, though the sentence's main cue may be another's)."""

    first: bool
    written: bool
    partial: bool
    governor: cues.Cue | None  # the cue nearest before the quotation in its sentence


def features(
    doc: Doc,
    q: Marked,
    local: Local,
    source: str,
    span: Span,
    entity: Entity | None,
    prev_entity: Entity | None,
    cue: Span | None,
    spoke: int,
    shared: Shared,
) -> tuple[str, ...]:
    """The features of one candidate speaker: its source, kind, entity type, place, distance,
    the words around it and the cue verb."""
    text = doc.text
    kind = mention_kind(text, span)
    etype = entity.type if entity else "none"
    where = _where(doc, q, local, span)
    gap = q.span.start - span.end if span.end <= q.span.start else span.start - q.span.end
    w0, w1, w2 = _words_around(text, span)
    verb = text[cue.start : cue.end].split()[0].lower() if cue else "-"
    syn = _role(text, span)
    adj = _adjacency(text, span, cue)
    g = shared.governor.mention if shared.governor else None
    gov = g is not None and g.start < span.end and span.start < g.end
    out = [
        f"src={source}",
        f"kind={kind}",
        f"etype={etype}",
        f"where={where}",
        f"gap={_bucket(gap)}",
        f"src+kind={source}+{kind}",
        f"src+etype={source}+{etype}",
        f"where+etype={where}+{etype}",
        f"where+kind={where}+{kind}",
        f"w-1={w0}",
        f"w+1={w1}",
        f"w+1+2={w1}+{w2}",
        f"speech+1={w1 in SPEECH_VERBS or w2 in SPEECH_VERBS}",
        f"speech-1={w0 in SPEECH_VERBS}",
        f"cue={verb}",
        f"rule={local.rule}",
        f"src+rule={source}+{local.rule}",
        f"same-prev={prev_entity is not None and entity is prev_entity}",
        f"para-start={shared.first}",
        f"adj={adj}",
        f"adj+kind={adj}+{kind}",
        f"syn={syn}",
        f"syn+where={syn}+{where}",
        f"written+etype={shared.written}+{etype}",
        f"vclass+adj+etype={verb_class(text, cue)}+{adj}+{etype}",
        f"partial+where+syn={shared.partial}+{where}+{syn}",
        f"gov+partial+src={gov}+{shared.partial}+{source}",
        f"gov+etype+kind={gov}+{etype}+{kind}",
    ]
    if entity is not None:
        out.append(f"mentions={_bucket(len(entity.mentions), (1, 2, 4, 8))}")
        out.append(f"spoke={_bucket(spoke, (0, 1, 3))}")
        out.append(f"src+spoke={source}+{_bucket(spoke, (0, 1, 3))}")
    return tuple(out)


def none_features(
    doc: Doc, q: Marked, local: Local, has_prev: bool, rule_entity: Entity | None
) -> tuple[str, ...]:
    """The features of "no speaker": what the rules found, and how sure they can be."""
    inner = doc.text[q.span.start : q.span.end]
    first = opens_paragraph(doc.text, doc.paragraphs[local.para].start, q.span.start)
    mention = local.found.mention if local.found else None
    kind = mention_kind(doc.text, mention) if mention else "-"
    partial = next((c for c in inner if c.isalpha()), "").islower()
    vclass = verb_class(doc.text, local.found.cue if local.found else None)
    adj = _adjacency(doc.text, mention, local.found.cue) if mention and local.found else "-"
    return (
        "NONE",
        f"NONE rule={local.rule}",
        f"NONE partial={partial}",
        f"NONE len={_bucket(len(inner.split()), (2, 5, 12, 30))}",
        f"NONE prev={has_prev}",
        f"NONE para-start={first}",
        f"NONE rule+kind={local.rule}+{kind}",
        f"NONE rule+etype={local.rule}+{rule_entity.type if rule_entity else 'none'}",
        f"NONE adj+kind={adj}+{kind}",
        f"NONE vclass+partial={vclass}+{partial}",
        f"NONE vclass+adj={vclass}+{adj}",
    )


def _governor(doc: Doc, q: Marked, local: Local) -> cues.Cue | None:
    """The cue nearest before a quotation in its sentence, and its subject."""
    lo = max(doc.paragraphs[local.para].start, local.sent_start)
    return cues.before(doc.text, lo, lo, q.span.start, nearest=True)


def gather(
    doc: Doc,
    q: Marked,
    local: Local,
    prev: tuple[Span, Entity | None] | None,
    spoken: Mapping[str, int],
) -> list[Candidate]:
    """Every candidate speaker of a quotation, "no speaker" first. ``spoken`` counts the
    quotations each entity is a cue's speaker of in the document."""
    prev_entity = prev[1] if prev else None
    own = local.found is not None and local.found.cue is not None

    def spoke(entity: Entity | None, source: str) -> int:
        if entity is None:
            return 0
        return spoken.get(entity.id, 0) - (own and source == "rule")

    shared = Shared(
        opens_paragraph(doc.text, doc.paragraphs[local.para].start, q.span.start),
        _written(doc.text, local.found.cue if local.found else None, local.sent_end),
        filters.is_partial(doc.text[q.span.start + 1 : q.span.end]),
        _governor(doc, q, local),
    )
    out: list[Candidate] = []
    seen: list[Span] = []
    rule_entity = None
    if local.found is not None and local.found.mention is not None:
        m = local.found.mention
        rule_entity = doc.coref.resolve(m)
        feats = features(
            doc,
            q,
            local,
            "rule",
            m,
            rule_entity,
            prev_entity,
            local.found.cue,
            spoke(rule_entity, "rule"),
            shared,
        )
        out.append(Candidate(m, rule_entity, local.found.cue, feats))
        seen.append(m)
    none = none_features(doc, q, local, prev is not None, rule_entity)
    out.insert(0, Candidate(None, None, None, none))
    closing = final_clause(doc.text, q.span.end, local.sent_end) if local.rule != "final" else None
    # The governing verb's subject is scored without its cue, the closing clause's with it.
    for source, found, scored_cue in (
        ("gov", shared.governor, None),
        ("final", closing, closing.cue if closing else None),
    ):
        subject = found.mention if found else None
        if found is None or subject is None or any(subject.overlaps(o) for o in seen):
            continue
        entity = doc.coref.resolve(subject)
        feats = features(
            doc,
            q,
            local,
            source,
            subject,
            entity,
            prev_entity,
            scored_cue,
            spoke(entity, source),
            shared,
        )
        out.append(Candidate(subject, entity, found.cue, feats))
        seen.append(subject)
    if prev is not None:
        feats = features(
            doc,
            q,
            local,
            "prev",
            prev[0],
            prev[1],
            prev_entity,
            None,
            spoke(prev[1], "prev"),
            shared,
        )
        agree = rule_entity is not None and rule_entity is prev[1]
        out.append(Candidate(prev[0], prev[1], None, (*feats, f"agree-rule={agree}")))
    lo = max(0, q.span.start - _REACH)
    near = [
        (s, e)
        for s, e in doc.coref.near(lo, q.span.end + _REACH)
        if not (q.span.start <= s.start < q.span.end) and not any(s.overlaps(o) for o in seen)
    ]
    near.sort(key=lambda t: abs(t[0].start - q.span.start))
    for span, entity in near[:_NAMES]:
        feats = features(
            doc, q, local, "near", span, entity, prev_entity, None, spoke(entity, "near"), shared
        )
        agree = rule_entity is not None and rule_entity is entity
        out.append(Candidate(span, entity, None, (*feats, f"agree-rule={agree}")))
    return out
