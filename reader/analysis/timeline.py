"""Chronological events from time expressions: the clause each date governs, summarised.

A sentence is cut into clauses at commas, semicolons and colons, and at "and"/"but" before a
verb or a date. A date that opens its sentence ("Months after this statement, Russia invaded …")
dates the clause after the comma; any other date dates its own clause, unless an opening date
already claimed that one, when a date at the clause's end goes to the next clause ("… Georgia
in 2014, captured Crimea"). The summary is the clause's own words minus its dates, with the
sentence's subject lent to a clause that starts with its verb ("Russia captured Crimea").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date as Date

from reader.analysis.model import Event, Sentence, TimeExpr
from reader.document.model import Span

Clause = list[Span]

_CLAUSE_PUNCT = frozenset(",;:")
_PREPOSITIONS = frozenset("in on at since by until till during from for of as around about early "
                          "late".split())
_AUX = frozenset("""is are was were be been has have had will would shall can could may might must
do does did said says""".split())
_NO_SPACE_BEFORE = re.compile(r"^(?:[,.;:!?)\]”’%]|’s|'s|n't|n’t)$")
_ANCHORED = re.compile(r"\b(?:after|before|since)\s+(?:the|this|that|these|those)\b", re.I)
_LATER = re.compile(r"\b(?:after|later)\b", re.I)  # "Months after this statement"
_LINKS = frozenset({"and", "but", "then", "that", "when"})
_MAX_WORDS = 14


def _word(text: str, tok: Span) -> str:
    return text[tok.start : tok.end]


def _verbish(word: str) -> bool:
    """An auxiliary or a past-tense form: enough to tell "captured Crimea" starts with its verb."""
    return word.lower() in _AUX or (word.islower() and word.endswith("ed") and len(word) > 4)


def _clauses(text: str, sent: Sentence, time_starts: set[int]) -> list[Clause]:
    """The sentence's tokens cut into clauses (punctuation and the linking "and"/"but" dropped)."""
    out: list[Clause] = [[]]
    toks = sent.tokens
    for i, tok in enumerate(toks):
        word = _word(text, tok)
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if word in _CLAUSE_PUNCT or (word in ("and", "but") and nxt is not None and out[-1] and (
                nxt.start in time_starts or _verbish(_word(text, nxt)))):
            if out[-1]:
                out.append([])
        elif word.strip(".!?…"):
            out[-1].append(tok)
    return [c for c in out if c]


def _targets(text: str, clauses: list[Clause], times: list[TimeExpr]) -> list[int]:
    """The clause each time expression dates (see the module docstring)."""
    own = [next((i for i, c in enumerate(clauses) if c[0].start <= t.span.start <= c[-1].end), 0)
           for t in times]
    target: dict[int, int] = {}
    for k, (t, i) in enumerate(zip(times, own)):
        lead = [x for x in clauses[i] if x.end <= t.span.start and _word(text, x).lower() not in _PREPOSITIONS]
        rest = [x for x in clauses[i] if x.start >= t.span.end]
        if not lead and i + 1 < len(clauses) and (not rest or _ANCHORED.search(t.text)):
            target[k] = i + 1  # an opening date dates the clause after it
    claimed = set(target.values())
    for k, (t, i) in enumerate(zip(times, own)):
        if k not in target:
            at_end = not [x for x in clauses[i] if x.start >= t.span.end]
            moves = i in claimed and at_end and i + 1 < len(clauses) and i + 1 not in claimed
            target[k] = i + 1 if moves else i
            claimed.add(target[k])
    return [target[k] for k in range(len(times))]


def _join(text: str, toks: Sequence[Span]) -> str:
    out = ""
    for tok in toks:
        word = _word(text, tok)
        out += word if not out or _NO_SPACE_BEFORE.match(word) else " " + word
    return out


def _summary(text: str, clause: Clause, drops: Sequence[Span], subject: Clause) -> str:
    """The clause in its own words, without its dates (and their prepositions)."""
    toks = list(clause)
    for drop in drops:
        before = [i for i, t in enumerate(toks) if t.end <= drop.start]
        toks = [t for t in toks if not drop.contains(t)]
        if before and _word(text, toks[before[-1]]).lower() in _PREPOSITIONS and (
                before[-1] + 1 == len(toks) or toks[before[-1] + 1].start >= drop.end):
            del toks[before[-1]]
    while toks and _word(text, toks[0]).lower() in _LINKS:
        toks = toks[1:]
    # A clause opening with its verb ("captured Crimea", "ruthlessly attacked …") borrows the subject.
    verb_first = toks and (_verbish(_word(text, toks[0])) or (
        len(toks) > 1 and text[toks[0].start].islower() and _verbish(_word(text, toks[1]))))
    if subject and verb_first:
        toks = list(subject) + toks
    words = _join(text, toks[:_MAX_WORDS]) + ("…" if len(toks) > _MAX_WORDS else "")
    return words[:1].upper() + words[1:]


def _subject(text: str, clauses: list[Clause]) -> Clause:
    """The tokens before the sentence's first verb (a short subject only; an opening adverbial
    clause has no verb and is passed over)."""
    for clause in clauses:
        for i, tok in enumerate(clause):
            if _verbish(_word(text, tok)):
                return clause[:i] if 0 < i <= 4 else []
    return []


def _interval(value: str) -> tuple[Date, Date] | None:
    """First and last day a TIMEX3 value covers; None for values with no calendar year."""
    m = re.match(r"(\d{4})(?:-(?:(\d\d)(?:-(\d\d))?|W(\d\d)|Q(\d)|(SP|SU|FA|WI)|H([12])))?", value)
    try:
        if m is None:
            decade = re.fullmatch(r"\d{2,3}", value)  # "199" (the 1990s), "19" (the 20th century)
            if not decade:
                return None
            size = 10 ** (4 - len(value))
            return Date(max(int(value) * size, 1), 1, 1), Date(int(value) * size + size - 1, 12, 31)
        y = int(m[1])
        if m[3]:
            return Date(y, int(m[2]), int(m[3])), Date(y, int(m[2]), int(m[3]))
        first, months = ((int(m[2]), 1) if m[2] else (3 * int(m[5]) - 2, 3) if m[5] else
                         ({"SP": 3, "SU": 6, "FA": 9, "WI": 12}[m[6]], 3) if m[6] else
                         (6 * int(m[7]) - 5, 6) if m[7] else (1, 12))
        if m[4]:
            start = Date.fromisocalendar(y, int(m[4]), 1)
            return start, Date.fromordinal(start.toordinal() + 6)
        k = y * 12 + first - 1 + months
        end = Date(k // 12, k % 12 + 1, 1).toordinal() - 1 if k // 12 <= 9999 else Date.max.toordinal()
        return Date(y, first, 1), Date.fromordinal(end)
    except ValueError:
        return None


def _sentence_events(text: str, sent: Sentence, times: list[TimeExpr],
                     time_starts: set[int]) -> list[tuple[TimeExpr, Span, str]]:
    clauses = _clauses(text, sent, time_starts)
    if not clauses:
        return []
    targets = _targets(text, clauses, times)
    subject = _subject(text, clauses)
    out = []
    for t, i in zip(times, targets):
        clause = clauses[i]
        span = Span(clause[0].start, clause[-1].end)
        drops = [x.span for x in times if span.overlaps(x.span)]
        out.append((t, span, _summary(text, clause, drops, subject if i > 0 else [])))
    return out


def _lead_event(text: str, sentences: Sequence[Sentence], date: str) -> Event | None:
    """"Now" when no expression dates the document: the first clause of its first long sentence."""
    lead = next((s for s in sentences if len(s.tokens) >= 8), sentences[0] if sentences else None)
    clause = next(iter(_clauses(text, lead, set())), None) if lead else None
    if not clause:
        return None
    return Event("", date, Span(clause[0].start, clause[-1].end), _summary(text, clause, [], []))


def build_timeline(text: str, sentences: Sequence[Sentence], times: Sequence[TimeExpr],
                   date: str | None) -> list[Event]:
    """Events in chronological order, coarser dates before finer ones within the same period,
    the document date as "now" (time "") after what its period covers, undated ones last.

    An expression that counts forward ("Months after this statement", value 2008) begins after
    the finer dates of its period mentioned before it ("April 2008"), so it sorts after them.

    The first expression whose value is the document date itself becomes the "now" event.
    """
    dated = [t for t in times if t.type in ("DATE", "TIME") and not t.value.endswith("_REF")]
    starts = {t.span.start for t in dated}
    keyed: list[tuple[tuple, Event]] = []
    now = _interval(date) if date else None
    has_now = False
    seen: list[tuple[Date, Date]] = []  # intervals of the dated expressions read so far
    for sent in sentences:
        mine = [t for t in dated if sent.span.start <= t.span.start < sent.span.end]
        for t, span, summary in _sentence_events(text, sent, mine, starts) if mine else ():
            interval = _interval(t.value)
            if interval:
                seen.append(interval)
            if now and t.value == date and not has_now:
                has_now = True
                keyed.append(((0, now[1], 1, 0), Event("", t.value, span, summary)))
            elif interval:
                begin = interval[0]
                if _LATER.search(t.text):
                    inside = [iv[1] for iv in seen if interval[0] <= iv[0] and iv[1] < interval[1]]
                    begin = max(inside, default=begin)
                key = (0, begin, -(interval[1] - interval[0]).days, t.span.start)
                keyed.append((key, Event(t.id, t.value, span, summary)))
            else:
                keyed.append(((1, t.span.start), Event(t.id, t.value, span, summary, undated=True)))
    if now and date and not has_now and (lead := _lead_event(text, sentences, date)):
        keyed.append(((0, now[1], 1, 0), lead))
    return [e for _, e in sorted(keyed, key=lambda x: x[0])]
