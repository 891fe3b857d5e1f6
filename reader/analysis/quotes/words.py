"""Tokens of a few words of context, and which of them are speech cues.

The cue analyser reads only short windows around each quotation, so a small regular
expression tokenizer is enough (and keeps the work linear); it keeps "Sen." and "U.S." whole.
"""

from __future__ import annotations

import re
from itertools import islice
from typing import NamedTuple

from reader.analysis.quotes.lexicon import (
    AMBIGUOUS_VERBS,
    AUXILIARIES,
    DETERMINERS,
    JUDGING_VERBS,
    SPEECH_VERBS,
    STOPS,
    SUBJECT_PRONOUNS,
)

_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}|(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev|St|Jr"
    r"|Sr|Pres|Adm|Maj|[A-Z])\.(?=\s+[A-Z])|\w+(?:[’'\-]\w+)*|[^\w\s]"
)
_FUNCTION = STOPS | DETERMINERS
_SHOT = frozenset(
    ["shot", "shoots", "fired", "fires", "hit", "hits", "snapped", "snaps", "pushed", "pushes"]
)
_PREPOSITIONS = frozenset(
    ["in", "on", "at", "from", "with", "by", "of", "to", "for", "via", "through", "into"]
)
_ADJECTIVAL = frozenset(
    [
        "the",
        "a",
        "an",
        "his",
        "her",
        "their",
        "its",
        "our",
        "in",
        "of",
        "for",
        "with",
        "by",
        "on",
        "at",
        "from",
        "widely",
    ]
)


class Tok(NamedTuple):
    """A word or punctuation token: its offsets, lower-cased text and text as written (a named
    tuple, as thousands are made per article)."""

    start: int
    end: int
    word: str
    raw: str

    @property
    def capital(self) -> bool:
        return self.raw[:1].isupper()


def tokens(text: str, lo: int, hi: int, limit: int | None = None) -> list[Tok]:
    """Word and punctuation tokens of ``text[lo:hi]``, at most ``limit`` of them."""
    found = islice(_TOKEN.finditer(text, lo, hi), limit)
    return [Tok(m.start(), m.end(), m.group().lower(), m.group()) for m in found]


def is_verb(w: str) -> bool:
    """Whether ``w`` is a speech or judging verb, its -ing form included ("stressing")."""
    if w in SPEECH_VERBS or w in JUDGING_VERBS:
        return True
    stem = w[:-3] if w.endswith("ing") else ""
    return bool(stem) and any(
        f in SPEECH_VERBS or f in JUDGING_VERBS for f in (stem, stem + "e", stem[:-1])
    )


def _phrasal(toks: list[Tok], i: int) -> int:
    """Length of a two-word cue at ``i`` ("according to", "shot back", "went on:"), else 0."""
    w = toks[i].word
    nxt = toks[i + 1].word if i + 1 < len(toks) else ""
    if (w, nxt) == ("according", "to") or (
        w in ("call", "calls", "called", "calling") and nxt == "on"
    ):
        return 2
    if w in _SHOT and nxt == "back":
        return 2  # "Berg shot back", "fired back Ode"
    if w in ("went", "goes") and nxt == "on":
        after = toks[i + 2].word if i + 2 < len(toks) else ":"
        return 2 if after in (":", ",", "“", '"') else 0  # "She went on: “…”", not "went on to win"
    if (w in ("point", "points", "pointed") and nxt == "out") or (
        w in ("put", "puts") and nxt == "it"
    ):
        return 2
    return 0


def _inverted(prev: Tok | None, nxt: Tok | None) -> bool:
    """An ambiguous form right after a quotation and before its subject: “…,” writes Ann Lee."""
    return (
        (prev is None or prev.word == ",")
        and nxt is not None
        and (nxt.word in DETERMINERS or nxt.capital)
    )


def _noun_of_subject(toks: list[Tok], i: int) -> bool:
    """ "Local state media called …": the form is a noun of the subject, whose verb follows."""
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    return (
        nxt is not None
        and nxt.raw.isalpha()
        and nxt.raw.islower()
        and i + 2 < len(toks)
        and is_verb(toks[i + 2].word)
        and nxt.word not in _FUNCTION
        and nxt.word not in SUBJECT_PRONOUNS
    )


def _has_subject(toks: list[Tok], i: int) -> bool:
    """Whether a subject stands right before the form at ``i``: a name, a pronoun, an auxiliary,
    "and", or a short determiner phrase ("the letter reads", "the review panel writes")."""
    if not i:
        return False
    prev = toks[i - 1]
    if prev.word not in _FUNCTION and _object_phrase(toks, i - 1):
        return False
    named = prev.capital and prev.word not in _FUNCTION
    described = any(
        i >= k
        and toks[i - k].word in DETERMINERS
        and all(t.word.isalpha() and t.word not in _FUNCTION for t in toks[i - k + 1 : i])
        for k in (2, 3)
    )
    return (
        named
        or described
        or prev.word in SUBJECT_PRONOUNS
        or prev.word in AUXILIARIES
        or prev.word == "and"
    )


def _object_phrase(toks: list[Tok], j: int) -> bool:
    """Whether the words ending at ``j`` are inside "a …" or a preposition's phrase ("in a
    Blogsite post", "on the Chronicle report"): the noun after them is no verb."""
    k = j
    while k > 0 and j - k < 3 and toks[k - 1].word.isalpha() and toks[k - 1].word not in _FUNCTION:
        k -= 1
    before = toks[k - 1].word if k else ""
    earlier = toks[k - 2].word if k > 1 else ""
    return before in ("a", "an") or (before in DETERMINERS and earlier in _PREPOSITIONS)


def _ambiguous_cue(toks: list[Tok], i: int) -> bool:
    """Whether a form that is a noun as often as a verb ("tweets", "reports") is a verb here."""
    prev = toks[i - 1] if i else None
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if _inverted(prev, nxt):
        return True
    return not _noun_of_subject(toks, i) and _has_subject(toks, i)


def _naming(toks: list[Tok], i: int) -> bool:
    """ "A consulting firm called Gavex": naming, not speech."""
    w = toks[i].word
    return (
        w in ("called", "named")
        and 0 < i < len(toks) - 1
        and toks[i + 1].capital
        and not (toks[i - 1].capital or toks[i - 1].word in SUBJECT_PRONOUNS)
        and not _names_then_labels(toks, i + 1)
    )


def cue_length(toks: list[Tok], i: int) -> int:
    """Length in tokens of the speech cue starting at ``i`` (0 when there is none), in steps:
    a two-word cue; a speech verb that is not a capitalised name ("the Free State"); a form
    that is a noun as often as a verb only in a verb's place; not naming ("a firm called X");
    not a participle used as an adjective ("the reported cases")."""
    two = _phrasal(toks, i)
    if two:
        return two
    w = toks[i].word
    if not is_verb(w) or (i and toks[i].capital and toks[i - 1].word not in '.!?:;"“”'):
        return 0
    ambiguous = w in AMBIGUOUS_VERBS or (w in JUDGING_VERBS and not w.endswith(("ed", "ing")))
    if ambiguous and not _ambiguous_cue(toks, i):
        return 0
    if _naming(toks, i):
        return 0
    if i and toks[i - 1].word in _ADJECTIVAL and w.endswith("ed"):
        return 0
    if i and toks[i - 1].word == "being":
        return 0  # "That being said, “…”": a passive participle reports nobody's words
    return 1


def _names_then_labels(toks: list[Tok], i: int) -> bool:
    """Whether the name at ``i`` is followed by a label ("…, called Ode a “windbag”")."""
    j = i
    while j < len(toks) and toks[j].capital:
        j += 1
    if j < len(toks) and toks[j].word in ("a", "an", "the"):
        return True
    return len(toks) - j <= 2 and all(
        t.word.isalpha() for t in toks[j:]
    )  # "called Maine’s plan “…”"
