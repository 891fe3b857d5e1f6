"""Speech cues around a quotation and the local mention of who speaks.

Shallow patterns over a few words of context, no parser: news attribution is formulaic
(“…,” X said / said X / X said: “…” / X called it “…” / according to X / “…” ― X), and the
mention only has to be the local phrase (a name, "the senator", "he"); linking it to an entity
is ``speakers``' job. When a sentence holds several cues the first one wins: in "X said that Y
called it “…”" the quotation is reported by X.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.analysis.quotes.lexicon import (
    DETERMINERS,
    INTRO,
    JUDGING_VERBS,
    NO_INVERSION,
    SUBJECT_PRONOUNS,
)
from reader.analysis.quotes.phrases import (
    DASHES,
    SENTENCE_END,
    name_after,
    np_backward,
    np_forward,
    skip_back,
    subject,
)
from reader.analysis.quotes.words import Tok, cue_length, tokens
from reader.document.model import Span

_NOT_INVERTED = NO_INVERSION | JUDGING_VERBS
_QUOTE_MARKS = frozenset('“”‘’"«»')
_WINDOW = 240  # characters of context read after a quotation
_AFTER_TOKENS = 34  # tokens read after it: a speaker phrase and verb, or a comma clause
_FRAME = 400  # characters read before a quotation, so a sentence-less text stays linear
_NOT_NAMES = (
    frozenset(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
        ]
    )
    | INTRO
)
_PLACE_PREPOSITIONS = frozenset(
    ["in", "on", "at", "to", "of", "for", "with", "by", "during", "since", "into", "near"]
)
_PASSIVE = frozenset(["was", "were", "is", "are", "been", "being", "be"])  # "was asked by X"


@dataclass(frozen=True, slots=True)
class Cue:
    """A speech cue (verb or phrase; None for a dash byline) and the local speaker mention."""

    cue: Span | None
    mention: Span | None


def _sentence_end(toks: list[Tok], j: int) -> bool:
    """Whether token ``j`` ends a sentence ("R-Ky.," and "(D-Wis.)" do not)."""
    if toks[j].word not in SENTENCE_END:
        return False
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    return nxt is None or not (nxt.word in {",", ")"} or nxt.word[:1].islower())


def _byline(toks: list[Tok], i: int) -> Cue | None:
    """`“…” ― Ann Lee`: a dash and a name, no verb."""
    if i + 1 < len(toks) and toks[i + 1].capital and toks[i + 1].word not in DETERMINERS:
        mention = np_forward(toks, i + 1)
        return Cue(None, mention) if mention else None
    return None


def _inverted_cue(toks: list[Tok], i: int, n: int) -> Cue | None:
    """`“…,” said Ann Lee` / `“…,” according to Ann Lee`: the verb first, then its subject
    (not "told reporters", whose object is the listener)."""
    cue = Span(toks[i].start, toks[i + n - 1].end)
    mention = np_forward(toks, i + n) or name_after(toks, i + n)
    inverted = toks[i].word == "according" or toks[i].word not in _NOT_INVERTED
    return Cue(cue, mention) if inverted and mention else None


def _first_verb(toks: list[Tok], i: int) -> tuple[int, int]:
    """The first finite cue verb after token ``i`` in the sentence, outside parentheses, and its
    length; (-1, 0) when the sentence or a quotation mark comes first."""
    depth = 0
    for j in range(i + 1, min(len(toks), i + 30)):
        w = toks[j].word
        depth += (w == "(") - (w == ")")
        if depth <= 0 and (_sentence_end(toks, j) or w in _QUOTE_MARKS):
            return -1, 0
        n = cue_length(toks, j) if depth <= 0 else 0
        if n and w != "according" and not w.endswith("ing"):
            return j, n  # "“…” campaign dubbing them": a participle has no subject of its own
    return -1, 0


def _subject_before(toks: list[Tok], i: int, j: int, n: int) -> Cue | None:
    """The subject of the ``n``-token verb at ``j``: the phrase right after the quotation, a
    name after an inverted verb ("…" for X, said Ode), or the noun phrase before the verb when
    it runs from the quotation or from a comma."""
    cue = Span(toks[j].start, toks[j + n - 1].end)
    mention = np_forward(toks, i)
    if mention is not None and mention.end <= cue.start:
        return Cue(cue, mention)
    if toks[j - 1].word == "," and toks[j].word not in _NOT_INVERTED:
        return Cue(cue, np_forward(toks, j + n) or name_after(toks, j + n))
    mention = np_backward(toks, skip_back(toks, j))
    if mention is None:
        return None
    m = _index(toks, mention.start)
    comma = max((k for k in range(i, m) if toks[k].word == ","), default=i - 1)
    if all(t.word[:1].isalnum() for t in toks[comma + 1 : m]):
        return Cue(cue, mention)
    return None


def after(text: str, end: int, hi: int) -> Cue | None:
    """A cue after a quotation, in its sentence, in steps: a dash byline (`“…” ― X`), an
    inverted verb (`“…,” said X`), else the sentence's first verb and its subject
    (`“…,” X said`)."""
    toks = tokens(text, end, min(hi, end + _WINDOW), _AFTER_TOKENS)
    i = 1 if toks and toks[0].word == "," else 0
    if i >= len(toks):
        return None
    if toks[i].word in DASHES:
        return _byline(toks, i)
    n = cue_length(toks, i)
    if n:
        return _inverted_cue(toks, i, n)
    j, n = _first_verb(toks, i)
    if j < 0:
        return None
    return _subject_before(toks, i, j, n)


def manner(text: str, end: int, hi: int) -> Cue | None:
    """`“…,” he shrugged.`: right after a quotation that ends a clause, a speaker and a past-tense
    verb the lexicon does not know, closing the sentence, still report it (shrugged, chuckled)."""
    toks = tokens(text, end, min(hi, end + _WINDOW), 12)
    i = 1 if toks and toks[0].word == "," else 0
    mention = np_forward(toks, i, limit=4)
    if mention is None:
        return None
    j = next((k for k, t in enumerate(toks) if t.start >= mention.end), len(toks))
    verb = toks[j] if j < len(toks) else None
    rest = toks[j + 1 :]
    if verb is None or not (
        verb.raw.islower() and verb.word.isalpha() and verb.word.endswith("ed")
    ):
        return None
    if rest and rest[0].word.endswith("ly"):
        rest = rest[1:]  # "she sighed wearily."
    if rest and not (rest[0].word in SENTENCE_END or rest[0].word == ","):
        return None
    return Cue(Span(verb.start, verb.end), mention)


def _index(toks: list[Tok], start: int) -> int:
    return next(k for k, t in enumerate(toks) if t.start == start)


def _outside(toks: list[Tok], holes: Sequence[Span]) -> list[Tok]:
    if not holes:
        return toks
    return [t for t in toks if not any(h.start <= t.start < h.end for h in holes)]


def _in_intro(toks: list[Tok], i: int) -> bool:
    """Whether token ``i`` sits in an opening phrase ("Claiming …, Berg told the radio that")."""
    if not toks or not (toks[0].word in INTRO or toks[0].word.endswith("ing")):
        return False
    return any(t.word == "," for t in toks[i + 1 :]) and not any(t.word == "," for t in toks[:i])


def _main_cue(toks: list[Tok], found: list[int]) -> int:
    """Of the cues found, the one that reports the quotation: not in an opening phrase or a
    relative clause that a later cue follows, a finite verb before a participle."""
    main = [k for k in found if toks[k].word == "according" or not _in_intro(toks, k)] or found
    main = [k for k in main if not _relative(toks, k, main)] or main
    return next((k for k in main if not toks[k].word.endswith("ing")), main[0])


def _special_subject(toks: list[Tok], i: int, n: int) -> Span | None:
    """Who speaks when the verb's own subject does not: "according to X", a passive agent
    ("X was asked by host Y “…”": Y), or the subject around "what … called" ("X denounced what
    she called a “reckless gamble”": X)."""
    if toks[i].word == "according":
        return np_forward(toks, i + n) or name_after(toks, i + n)
    if i and toks[i - 1].word in _PASSIVE and i + n < len(toks) and toks[i + n].word == "by":
        agent = np_forward(toks, i + n + 1) or name_after(toks, i + n + 1)
        if agent:
            return agent
    if (i >= 2 and toks[i - 2].word == "what") or (i >= 1 and toks[i - 1].word == "what"):
        return subject(toks, i - 2 if toks[i - 1].word != "what" else i - 1)
    return None


def _verb_subject(toks: list[Tok], i: int, n: int, first: int) -> Span | None:
    """The phrase before the verb at ``i`` ("… – Ode saying he was “…”" for a participle), or
    after it when it is inverted ("said Berg: “…”")."""
    participle = toks[i].word.endswith("ing")
    if (
        participle
        and i > first
        and toks[i - 1].capital
        and toks[i - 1].word.isalpha()
        and toks[i - 1].word not in _NOT_NAMES
    ):
        return np_backward(toks, i - 1, first)
    mention = None if participle else np_backward(toks, skip_back(toks, i), first)
    inverted = i == first or (
        toks[i - 1].word == "," and i + n < len(toks) and toks[i + n].word not in SUBJECT_PRONOUNS
    )
    if mention is None and inverted and not participle and toks[i].word not in _NOT_INVERTED:
        mention = np_forward(toks, i + n) or name_after(toks, i + n)
    return mention


def before(
    text: str,
    sent_lo: int,
    lo: int,
    start: int,
    holes: Sequence[Span] = (),
    nearest: bool = False,
) -> Cue | None:
    """The first cue in ``text[lo:start]`` before a quotation, with its subject, in steps: the
    cues of the frame, the main one, a special subject (according to, by, what … called), the
    verb's own subject, else the clause's subject.

    ``sent_lo`` is where the sentence starts (at or before ``lo``): an elided subject
    ("… and has said that “…”") is read from there. Words inside ``holes`` (earlier quotations
    of the sentence) are not the writer's and are skipped. ``nearest``: the last cue before the
    quotation instead of the main one (the verb that governs a fragment: "… with Berg warning
    of “…”").
    """
    sent_lo, lo = max(sent_lo, start - _FRAME), max(lo, start - _FRAME)
    frame = _outside(tokens(text, lo, start), holes)
    if not any(cue_length(frame, k) for k in range(len(frame))):
        return None
    toks = _outside(tokens(text, sent_lo, lo), holes) + frame if sent_lo < lo else frame
    first = len(toks) - len(frame)
    found = [k for k in range(first, len(toks)) if cue_length(toks, k)]
    if not found:
        return None
    i = found[-1] if nearest else _main_cue(toks, found)
    n = cue_length(toks, i)
    cue = Span(toks[i].start, toks[i + n - 1].end)
    special = _special_subject(toks, i, n)
    if special is not None or toks[i].word == "according":
        return Cue(cue, special)
    return Cue(cue, _verb_subject(toks, i, n, first) or subject(toks, i))


def _relative(toks: list[Tok], k: int, main: list[int]) -> bool:
    """Whether the cue at ``k`` sits in a relative clause ("Ode, who says …, posted") that a
    later cue of the sentence follows."""
    if not (k and toks[k - 1].word in {"who", "which"} and k >= 2 and toks[k - 2].word == ","):
        return False
    return any(m > k and any(t.word == "," for t in toks[k:m]) for m in main)


def labelled(text: str, sent_lo: int, start: int) -> Cue | None:
    """No verb, but a name right before the colon that opens the quotation: a byline
    ("… TOO EARLY - Ann Lee: “…”", "More from Lee and Diaz: “…”") names who speaks."""
    toks = tokens(text, max(sent_lo, start - _FRAME), start)
    if len(toks) < 2 or toks[-1].word != ":":
        return None
    head = toks[-2]
    if (
        not (head.capital and head.word.isalpha())
        or (head.raw.isupper() and len(head.raw) > 3)
        or head.word in _NOT_NAMES
    ):
        return None  # a headline in capitals, a month or a weekday is no speaker
    mention = np_backward(toks, len(toks) - 2)
    if mention is None:
        return None
    k = _index(toks, mention.start)
    return None if k and toks[k - 1].word in _PLACE_PREPOSITIONS else Cue(None, mention)


def writer_subject(text: str, sent_lo: int, start: int, holes: Sequence[Span] = ()) -> Cue | None:
    """No cue, but a quotation inside a sentence: its subject is the best local guess
    ("Berg has painted her rival as a “garden slug”")."""
    toks = _outside(tokens(text, max(sent_lo, start - _FRAME), start), holes)
    if len(toks) < 3:
        return None
    mention = subject(toks, len(toks))
    return Cue(None, mention) if mention else None
