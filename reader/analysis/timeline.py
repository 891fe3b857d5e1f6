"""Chronological events from time expressions: the clause each date governs, summarised.

A sentence is cut into clauses at commas, semicolons and colons, and at "and"/"but" before a
verb or a date. A date that opens its sentence ("Months after this statement, Russia invaded …")
dates the clause after the comma; any other date dates its own clause, unless an opening date
already claimed that one, when a date at the clause's end goes to the next clause ("… Georgia
in 2014, captured Crimea"). The summary is the clause's own words minus its dates and quotation
marks, with the sentence's subject lent to a clause that starts with its verb ("Russia captured
Crimea"), and a leading "who" or "he" replaced by whom it stands for ("Helena Costa has run …").
"""

from __future__ import annotations

import bisect
import re
from collections import deque
from collections.abc import Callable, Collection, Sequence
from datetime import date as Date
from typing import Any

from reader.analysis.coref import Coref
from reader.analysis.lexicons import words
from reader.analysis.model import Entity, Event, Sentence, TimeExpr
from reader.analysis.timex import Timex
from reader.document.model import Span

Clause = list[Span]

_CLAUSE_PUNCT = frozenset(",;:")
_PREPOSITIONS = words("date_prepositions")
_AUX = words("verb_markers")
_NO_SPACE_BEFORE = re.compile(r"^(?:[,.;:!?)\]”’%]|’s|'s|n't|n’t)$")
_ANCHORED = re.compile(r"\b(?:after|before|since)\s+(?:the|this|that|these|those)\b", re.I)
_LATER = re.compile(r"\b(?:after|later)\b", re.I)  # "Months after this statement"
_LINKS = frozenset({"and", "but", "then", "that", "when"})
_TRAILING = _LINKS | {"or", "to"}
_MAX_WORDS = 14
_QUOTE_MARKS = frozenset("“”‘’\"'«»")
_POSSESSIVE = frozenset({"’s", "'s"})  # of a dropped date: "Sunday’s broadcast"
_RELATIVES = frozenset({"who", "which"})
_PERSONAL = frozenset({"he", "she"})
_NAME_LINKS = frozenset({"of", "the", "de", "von", "van", "al"})

Namer = Callable[[Span, Clause], "str | None"]
"""Who a pronoun token stands for, given the clause before its own (None: leave it)."""


def _word(text: str, tok: Span) -> str:
    return text[tok.start : tok.end]


def _verbish(word: str) -> bool:
    """An auxiliary or a past-tense form: enough to tell "captured Crimea" starts with its verb."""
    return word.lower() in _AUX or (word.islower() and word.endswith("ed") and len(word) > 4)


def _clauses(
    text: str,
    sent: Sentence,
    time_starts: Collection[int],
    time_ends: Collection[int] = frozenset(),
) -> list[Clause]:
    """The sentence's tokens cut into clauses (punctuation and the linking "and"/"but" dropped);
    "and" between two dates ("between June and September") joins a range, not clauses."""
    out: list[Clause] = [[]]
    toks = sent.tokens
    for i, tok in enumerate(toks):
        word = _word(text, tok)
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if word in _CLAUSE_PUNCT or (
            word in ("and", "but")
            and nxt is not None
            and out[-1]
            and (
                (nxt.start in time_starts and out[-1][-1].end not in time_ends)
                or _verbish(_word(text, nxt))
            )
        ):
            if out[-1]:
                out.append([])
        elif word.strip(".!?…"):
            out[-1].append(tok)
    return [c for c in out if c]


def _targets(text: str, clauses: list[Clause], times: list[TimeExpr]) -> list[int]:
    """The clause each time expression dates (see the module docstring)."""
    starts = [c[0].start for c in clauses]
    # where each clause's first word that is no preposition ends: the clause has words before a
    # date that starts after it
    content = [
        next((x.end for x in c if _word(text, x).lower() not in _PREPOSITIONS), -1) for c in clauses
    ]

    def own(t: TimeExpr) -> int:
        i = bisect.bisect_right(starts, t.span.start) - 1
        return i if i >= 0 and t.span.start <= clauses[i][-1].end else 0

    owns = [own(t) for t in times]
    target: dict[int, int] = {}
    for k, (t, i) in enumerate(zip(times, owns)):
        lead = 0 <= content[i] <= t.span.start
        rest = clauses[i][-1].start >= t.span.end
        if not lead and i + 1 < len(clauses) and (not rest or _ANCHORED.search(t.text)):
            target[k] = i + 1  # an opening date dates the clause after it
    opened = set(target.values())
    claimed = set(opened)
    for k, (t, i) in enumerate(zip(times, owns)):
        if k not in target:
            at_end = clauses[i][-1].start < t.span.end
            moves = i in opened and at_end and i + 1 < len(clauses) and i + 1 not in claimed
            target[k] = i + 1 if moves else i
            claimed.add(target[k])
    return [target[k] for k in range(len(times))]


def _join(text: str, toks: Sequence[Span], first: str | None = None) -> str:
    """The tokens as words; ``first`` replaces the first one (a pronoun's referent)."""
    out = ""
    for k, tok in enumerate(toks):
        word = first if k == 0 and first else _word(text, tok)
        glued = (
            not out
            or _NO_SPACE_BEFORE.match(word)
            or out[-1] in "(["
            or _after_inner_apostrophe(text, tok.start)
        )
        out += word if glued else " " + word
    return out


def _after_inner_apostrophe(text: str, start: int) -> bool:
    """The token follows an apostrophe inside a word ("O’Neill" split in two), not one that
    opens a quotation after a space ("a surge after 'Big Night' sales")."""
    return start >= 2 and text[start - 1] in "’'" and text[start - 2].isalnum()


def _is_mark(text: str, tok: Span) -> bool:
    """A quotation mark standing on its own, not the apostrophe inside "can’t"."""
    inside = text[tok.start - 1 : tok.start].isalnum() and text[tok.end : tok.end + 1].isalnum()
    return _word(text, tok) in _QUOTE_MARKS and not inside


def _summary(
    text: str,
    clause: Clause,
    drops: Sequence[Span],
    subject: Clause,
    previous: Sequence[Span] = (),
    namer: Namer | None = None,
) -> str:
    """The clause in its own words, without its dates (and their prepositions) or quotation
    marks; a leading "who"/"he" gives way to whom it stands for ("Helena Costa has run …")."""
    toks = _without_dates(text, [t for t in clause if not _is_mark(text, t)], drops)
    lo, hi = 0, len(toks)
    while lo < hi and _word(text, toks[lo]).lower() in _LINKS:
        lo += 1
    while hi > lo and _word(text, toks[hi - 1]).lower() in _TRAILING:
        hi -= 1  # what joined two dates ("between June and September")
    toks = toks[lo:hi]
    # A clause opening with its verb ("captured Crimea", "quietly signed …") borrows the subject.
    verb_first = toks and (
        _verbish(_word(text, toks[0]))
        or (
            len(toks) > 1
            and text[toks[0].start].islower()
            and _verbish(_word(text, toks[1]))
            and _word(text, toks[0]) not in _RELATIVES
        )
    )
    if subject and verb_first:
        toks = [t for t in subject if not _is_mark(text, t)] + toks
    first = namer(toks[0], list(previous)) if toks and namer else None
    words = _join(text, toks[:_MAX_WORDS], first) + ("…" if len(toks) > _MAX_WORDS else "")
    return words[:1].upper() + words[1:]


def _without_dates(text: str, toks: list[Span], drops: Sequence[Span]) -> list[Span]:
    """``toks`` without the dates in ``drops`` (sorted, apart), the preposition just before each
    ("in", "on") and a possessive just after ("Sunday’s broadcast"): one pass over both."""
    out: list[Span] = []
    ends = {d.end for d in drops}
    j, reached = 0, -1  # the date being passed, and the last one whose preposition was seen to
    for t in toks:
        while j < len(drops) and t.start >= drops[j].end:
            if reached < j:
                _drop_preposition(text, out, drops[j])
            j += 1
        if j < len(drops) and t.end > drops[j].start and reached < j:
            _drop_preposition(text, out, drops[j])
            reached = j
        inside = j < len(drops) and drops[j].contains(t)
        if not inside and not (t.start in ends and _word(text, t) in _POSSESSIVE):
            out.append(t)
    for k in range(max(j, reached + 1), len(drops)):  # dates after the clause's last word
        _drop_preposition(text, out, drops[k])
    return out


def _drop_preposition(text: str, out: list[Span], date: Span) -> None:
    """Remove the preposition that ends ``out`` right before ``date`` ("in" of "in May")."""
    if out and out[-1].end <= date.start and _is_preposition(text, out[-1]):
        out.pop()


def _is_preposition(text: str, tok: Span) -> bool:
    return _word(text, tok).lower() in _PREPOSITIONS


def _namer(text: str, entities: Sequence[Entity]) -> Namer:
    """Resolves "who"/"which" to the name that ends the clause before ("Helena Costa, who …")
    and "he"/"she" to whom the quotes' coreference says they stand for (``coref.Coref``)."""
    coref = Coref(text, entities)

    def name(tok: Span, previous: Clause) -> str | None:
        word = _word(text, tok).lower()
        if word in _RELATIVES:
            return _trailing_name(text, previous)
        if word in _PERSONAL:
            found = coref.resolve(tok)
            return found.name if found is not None else None
        return None

    return name


def _trailing_name(text: str, clause: Clause) -> str | None:
    """The capitalised name that ends ``clause`` ("said Councillor Priya Shah"), if any."""
    k = len(clause)
    while k > 0 and (
        text[clause[k - 1].start].isupper()
        or (
            k > 1
            and _word(text, clause[k - 1]) in _NAME_LINKS
            and text[clause[k - 2].start].isupper()
        )
    ):
        k -= 1
    while k < len(clause) and not text[clause[k].start].isupper():
        k += 1
    return _join(text, clause[k:]) if k < len(clause) else None


def _subject(text: str, clauses: list[Clause]) -> Clause:
    """The tokens before the sentence's first verb (a short subject only; an opening adverbial
    clause has no verb and is passed over). When that verb opens a later clause, the subject is
    the short first clause that an aside cut off ("The deal, signed on Wednesday, raises …")."""
    for k, clause in enumerate(clauses):
        for i, tok in enumerate(clause):
            if _verbish(_word(text, tok)):
                if i == 0 and k > 0 and _is_subject(text, clauses[0]):
                    return clauses[0]
                return clause[:i] if 0 < i <= 4 else []
    return []


def _is_subject(text: str, clause: Clause) -> bool:
    """A short verbless noun phrase opening the sentence ("The last strike at the port")."""
    first = _word(text, clause[0])
    return len(clause) <= 6 and first[:1].isupper() and first.lower() not in _PREPOSITIONS | _LINKS


def _interval(value: str) -> tuple[Date, Date] | None:
    """First and last day a TIMEX3 value covers; None for values with no calendar year."""
    t = Timex.parse(value)
    return t.interval() if t else None


def _sentence_events(
    text: str, sent: Sentence, times: list[TimeExpr], time_starts: set[int], namer: Namer
) -> list[tuple[TimeExpr, Span, str]]:
    """Each of the sentence's dated ``times`` (in text order) with the clause it dates and that
    clause's summary, made once per clause however many dates it holds."""
    clauses = _clauses(text, sent, time_starts, {t.span.end for t in times})
    if not clauses:
        return []
    targets = _targets(text, clauses, times)
    subject = _subject(text, clauses)
    starts = [t.span.start for t in times]
    ends = [t.span.end for t in times]
    summaries: dict[int, str] = {}
    out = []
    for t, i in zip(times, targets):
        clause = clauses[i]
        span = Span(clause[0].start, clause[-1].end)
        if i not in summaries:
            lo, hi = bisect.bisect_right(ends, span.start), bisect.bisect_left(starts, span.end)
            drops = [x.span for x in times[lo:hi]]
            previous = clauses[i - 1] if i > 0 else []
            lent = subject if i > 0 else []
            summaries[i] = _summary(text, clause, drops, lent, previous, namer)
        out.append((t, span, summaries[i]))
    return out


def _lead_event(text: str, sentences: Sequence[Sentence], date: str) -> Event | None:
    """ "Now" when no expression dates the document: the first clause of its first long sentence."""
    lead = next((s for s in sentences if len(s.tokens) >= 8), sentences[0] if sentences else None)
    clause = next(iter(_clauses(text, lead, set())), None) if lead else None
    if not clause:
        return None
    return Event("", date, Span(clause[0].start, clause[-1].end), _summary(text, clause, [], []))


def build_timeline(
    text: str,
    sentences: Sequence[Sentence],
    times: Sequence[TimeExpr],
    date: str | None,
    entities: Sequence[Entity] = (),
) -> list[Event]:
    """Events in chronological order, coarser dates before finer ones within the same period,
    the document date as "now" (time "") after what its period covers, undated ones last.

    An expression that counts forward ("Months after this statement", value 2008) begins after
    the finer dates of its period mentioned before it ("April 2008"), so it sorts after them.

    The first expression whose value is the document date itself becomes the "now" event.
    ``entities`` name the people that "he" and "she" stand for in the summaries.
    """
    namer = _namer(text, entities)
    dated = [t for t in times if t.type in ("DATE", "TIME") and not t.value.endswith("_REF")]
    starts = {t.span.start for t in dated}
    keyed: list[tuple[tuple[Any, ...], Event]] = []
    now = _interval(date) if date else None
    has_now = False
    seen = _Seen()
    for sent, mine in _by_sentence(sentences, dated):
        for t, span, summary in _sentence_events(text, sent, mine, starts, namer):
            interval = _interval(t.value)
            if now and t.value == date and not has_now:
                has_now = True
                keyed.append(((0, now[1], 1, 0), Event("", t.value, span, summary)))
            elif interval:
                begin = seen.latest_end_inside(*interval) if _LATER.search(t.text) else None
                key = (0, begin or interval[0], -(interval[1] - interval[0]).days, t.span.start)
                keyed.append((key, Event(t.id, t.value, span, summary)))
            else:
                keyed.append(((1, t.span.start), Event(t.id, t.value, span, summary, undated=True)))
            if interval:
                seen.add(*interval)
    if now and date and not has_now and (lead := _lead_event(text, sentences, date)):
        keyed.append(((0, now[1], 1, 0), lead))
    return [e for _, e in sorted(keyed, key=lambda x: x[0])]


def _by_sentence(
    sentences: Sequence[Sentence], times: Sequence[TimeExpr]
) -> list[tuple[Sentence, list[TimeExpr]]]:
    """The sentences that hold some of ``times`` (in text order), each with its own."""
    starts = [s.span.start for s in sentences]
    groups: dict[int, list[TimeExpr]] = {}
    for t in times:
        k = bisect.bisect_right(starts, t.span.start) - 1
        if k >= 0 and t.span.start < sentences[k].span.end:
            groups.setdefault(k, []).append(t)
    return [(sentences[k], mine) for k, mine in sorted(groups.items())]


class _Seen:
    """The intervals of the latest dates read, for "months after" to begin after the finer
    dates of its period named before it. Only the last ``REACH`` are kept: a bound on the work
    per query, far beyond how far back a reader relates "months after this" to a date."""

    REACH = 256

    def __init__(self) -> None:
        self.recent: deque[tuple[Date, Date]] = deque(maxlen=self.REACH)

    def add(self, first: Date, last: Date) -> None:
        self.recent.append((first, last))

    def latest_end_inside(self, first: Date, last: Date) -> Date | None:
        """The latest last day of a recent interval inside [first, last) that ends before it."""
        return max((e for s, e in self.recent if first <= s and e < last), default=None)
