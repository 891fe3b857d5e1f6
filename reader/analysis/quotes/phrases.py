"""Noun phrases around a speech verb: who is speaking, as the local mention.

Read forwards from a quotation or a verb ("said the senator"), backwards from a verb
("Berg, the party's nominee, said") or from the start of a clause ("In July, Ode
dismissed …"). Each returns a span of the text, or None when the words are not a subject.
"""

from __future__ import annotations

from reader.analysis.quotes.lexicon import BETWEEN, DETERMINERS, INTRO, STOPS, SUBJECT_PRONOUNS
from reader.analysis.quotes.words import Tok, cue_length
from reader.document.model import Span

SENTENCE_END = frozenset(".!?;")
DASHES = frozenset("―—–-")
_CONJUNCTIONS = frozenset(["but", "and", "so", "yet", "or", "nor"])
_STANDALONE = frozenset(
    ["another", "one", "some", "many", "several", "both", "others"]
)  # "Yet another added"
_VERBISH = frozenset(
    [
        "began",
        "begins",
        "seems",
        "seemed",
        "appears",
        "appeared",
        "made",
        "makes",
        "got",
        "gets",
        "went",
        "goes",
        "came",
        "comes",
        "took",
        "takes",
        "gave",
        "gives",
        "found",
        "finds",
        "kept",
        "keeps",
        "left",
        "leaves",
        "put",
        "puts",
        "ran",
        "runs",
        "saw",
        "sees",
        "held",
        "holds",
    ]
)
_NOT_HEAD = STOPS | INTRO | BETWEEN  # words that cannot start a speaker phrase
_APPOSITIVE = 32  # tokens an appositive or relative clause may run between a name and its verb
_TIME_WORDS = frozenset(["years", "months", "weeks", "days", "hours", "ago", "earlier", "later"])
_OPENING = 30  # tokens an opening phrase may run before its comma
_PREPOSITIONS = frozenset(
    [
        "in",
        "on",
        "at",
        "through",
        "from",
        "with",
        "of",
        "to",
        "for",
        "by",
        "during",
        "after",
        "before",
        "under",
        "over",
        "into",
        "about",
        "across",
        "against",
        "among",
        "between",
    ]
)


def np_forward(toks: list[Tok], i: int, limit: int = 7) -> Span | None:
    """The noun phrase starting at ``i``: a pronoun, a name run or a determiner phrase."""
    if i >= len(toks):
        return None
    first = toks[i]
    if first.word in SUBJECT_PRONOUNS and first.word != "who":
        return Span(first.start, first.end)
    is_name = first.capital and first.word not in DETERMINERS
    if not (is_name or first.word in DETERMINERS) or first.word in _NOT_HEAD:
        return None
    j = i
    while j + 1 < len(toks) and j + 1 - i < limit:
        nxt = toks[j + 1]
        if not nxt.word[:1].isalnum():
            break
        if nxt.word in STOPS and not (
            nxt.word == "of" and j + 2 < len(toks) and toks[j + 2].capital
        ):
            break
        if cue_length(toks, j + 1) or (nxt.word in BETWEEN and not nxt.capital):
            break
        if is_name and not (nxt.capital or nxt.word == "of"):
            role_end = _role_then_name(toks, j + 1)
            if role_end:
                j = role_end  # "KTV host Tom Ode": the name after the role is the speaker
                continue
            if not toks[j].word.endswith(("’s", "'s")):
                break
            is_name = False  # "Anna Berg’s campaign": the possessed noun is the speaker
        if (
            not nxt.capital
            and j > i
            and (nxt.word in _VERBISH or nxt.word.endswith(("ed", "n’t", "n't")))
        ):
            break  # "The agency looked …": the phrase ended at its verb
        j += 1
    return Span(first.start, toks[j].end)


def _role_then_name(toks: list[Tok], k: int) -> int:
    """Index of the first word of a name that follows one to three role nouns from ``k``
    ("host", "press secretary", "campaign spokesman"), or 0 when no name follows."""
    n = 0
    while k + n < len(toks) and n < 3:
        w = toks[k + n]
        if w.capital:
            return k + n if n and w.word not in DETERMINERS and w.word not in _NOT_HEAD else 0
        if (
            not w.raw.isalpha()
            or w.word in STOPS
            or w.word in BETWEEN
            or w.word in _VERBISH
            or w.word.endswith(("ed", "ing", "ly"))
            or cue_length(toks, k + n)
        ):
            return 0
        n += 1
    return 0


def skip_back(toks: list[Tok], i: int) -> int:
    """Index of the last token of the subject before position ``i`` (exclusive), or -1.

    Skips what may sit between a subject and its verb: adverbs, auxiliaries, a day, a
    parenthesis ("(R-Tex.)") and an appositive between commas ("X, the senator, said").
    """
    j = i - 1
    while j >= 0:
        w = toks[j].word
        if w in BETWEEN or (w.endswith("ly") and not toks[j].capital):
            j -= 1
        elif w == ")":
            while j >= 0 and toks[j].word != "(":
                j -= 1
            j -= 1
        elif w == "," and j > 0:
            k = j - 1
            while (
                k >= 0
                and j - k < _APPOSITIVE
                and toks[k].word not in {",", "(", ")"} | SENTENCE_END
            ):
                k -= 1
            if k > 0 and toks[k].word == ",":
                j = k - 1
                if j > 1 and toks[j].word.isdigit() and toks[j - 1].word == ",":
                    j -= 2  # "Ana Ruiz, 45, a nurse from Leeds, told": an age before the appositive
                if toks[j].capital and _in_phrase(toks, j):
                    # "Berg, during a town hall in Dover, Maine, said": the place ends a phrase
                    m = next(
                        (
                            m
                            for m in range(j - 1, max(-1, j - _APPOSITIVE), -1)
                            if toks[m].word in {",", "(", ")"} | SENTENCE_END
                        ),
                        -1,
                    )
                    if m > 0 and toks[m].word == "," and toks[m + 1].word in _PREPOSITIONS:
                        j = m - 1
            else:
                return -1
        else:
            return j
    return -1


def _in_phrase(toks: list[Tok], j: int) -> bool:
    """Whether the name at ``j`` is the object of a preposition in its comma segment ("in
    Dover")."""
    k = j
    while k > 0 and toks[k - 1].capital:
        k -= 1
    return k > 0 and toks[k - 1].word in _PREPOSITIONS


def np_backward(toks: list[Tok], j: int, lo: int = 0) -> Span | None:
    """The noun phrase ending at token ``j`` (not before token ``lo``): a pronoun, a name, or
    a noun phrase; None for the object of a preposition ("walking through the old park")."""
    if j < lo:
        return None
    head = toks[j]
    if head.word in SUBJECT_PRONOUNS or head.word in _STANDALONE:
        return Span(head.start, head.end)
    if not head.word[:1].isalnum() or head.word in STOPS or head.word in DETERMINERS:
        return None
    k = j
    if head.capital:
        while (
            k > lo
            and toks[k - 1].word not in SUBJECT_PRONOUNS
            and toks[k - 1].word not in INTRO
            and (
                toks[k - 1].capital
                or (toks[k - 1].word == "of" and k > 1 and toks[k - 2].capital)
                or (toks[k - 1].word == "the" and k > 1 and toks[k - 2].word == "of")
            )
        ):
            k -= 1  # "Secretary General of the Agency"
        if k > lo and toks[k - 1].word == "the" and toks[k].word not in SUBJECT_PRONOUNS:
            k -= 1
        return Span(toks[k].start, head.end)
    while k > lo and j - k < 6:
        prev = toks[k - 1]
        if prev.word in DETERMINERS:
            if k > 1 and toks[k - 2].word in _PREPOSITIONS:
                return None
            return Span(prev.start, head.end)
        if (
            not prev.word[:1].isalnum()
            or (prev.word in STOPS and prev.word != "of")
            or prev.word in SUBJECT_PRONOUNS
        ):
            break
        k -= 1
    if k > lo and toks[k - 1].word[:1].isalnum() and toks[k - 1].word not in {"and", "but", "that"}:
        return None  # a bare noun run in mid-clause is not a subject ("late-night tweets")
    return Span(toks[k].start, head.end)


def _clause_start(toks: list[Tok], i: int) -> int:
    """Where the subject may start: after a conjunction ("But"), a dateline ("Washington (AFP)
    –") or an opening phrase ("In July,", "Preceded on stage by …,"); -1 for an opening phrase
    with no comma to end it."""
    lead = 0
    while lead < i and toks[lead].word in _CONJUNCTIONS:
        lead += 1
    head = toks[lead : min(i, lead + _OPENING)]
    close = next((k for k, t in enumerate(head) if t.word == ")"), None)
    if close is not None and close + 1 < len(head) and head[close + 1].word in DASHES:
        return lead + close + 2
    dash = next((k for k, t in enumerate(head[:8]) if t.word in DASHES), None)
    if dash is not None and head[0].raw.isupper() and len(head[0].raw) > 1:
        return lead + dash + 1  # "DOVER, Del. - U.S. District Judge …"
    first = head[0].word if head else ""
    timed = any(t.word in _TIME_WORDS for t in head[1:3])  # "Ten years earlier, she …"
    if (
        first in INTRO
        or first[:1].isdigit()
        or (len(first) > 5 and first.endswith(("ing", "ed")))
        or timed
    ):
        comma = next((k for k, t in enumerate(head) if t.word == ","), None)
        while (
            comma is not None
            and comma + 2 < len(head)
            and head[comma + 2].word == ","
            and head[comma + 1].raw.endswith(".")
        ):
            comma += 2  # "In Rock Hill, S.C., Ode …": a state after the town
        if comma is not None:
            return lead + comma + 1
        return -1 if first in INTRO or first[:1].isdigit() else lead
    return lead


def subject(toks: list[Tok], i: int) -> Span | None:
    """The subject of the clause that token ``i`` is in, read from the clause start.

    Skips a dateline or an opening phrase ("In May, Ode …", "On the radio, she …"); failing
    that, the first subject pronoun before ``i`` ("Since 1999 she has been asked …, and has
    said").
    """
    start = _clause_start(toks, i)
    found = np_forward(toks, start) if 0 <= start < i else None
    if found is None:
        pron = next(
            (t for t in toks[:i] if t.word in SUBJECT_PRONOUNS - {"it", "who", "you"}), None
        )
        found = Span(pron.start, pron.end) if pron else None
    if found is None and start < 0 and i > 1:
        found = np_forward(toks, 1)  # "When Berg later referred to … and said"
    return found


def name_after(toks: list[Tok], i: int) -> Span | None:
    """A name a few words after an inverted verb: "said flood survivor Tom Ode"."""
    for k in range(i, min(len(toks), i + 6)):
        if toks[k].word in {",", ".", ";", ":", "(", "“", '"'} or toks[k].word in STOPS:
            return None
        if toks[k].capital:
            name = np_forward(toks, k)
            return Span(toks[i].start, name.end) if name else None
    return None
