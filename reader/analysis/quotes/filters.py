"""Quoted text that is not somebody's words: scare quotes, titles, markup, headline quotes.

Each test looks only at the quotation and the few characters around it, so it is cheap; the
caller decides with the cue it found (a short quote with a speech cue is kept).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from reader.analysis.lexicons import words as lexicon_words
from reader.analysis.quotes.marks import Marked
from reader.document.model import Span

_WORDS = re.compile(r"[\w’'-]+")
_KEY_WORDS = re.compile(r"[\w’']+")
_SENTENCE_BREAK = re.compile(r"[.!?\n]")
_INNER_BREAK = re.compile(r"[.!?][\"”’']?\s+[\"“‘']?[A-Z]")
_MINOR = lexicon_words("title_minor_words")
_SPEECH = lexicon_words("speech_verbs") | lexicon_words("speech_nouns")
_BEFORE_TITLE = lexicon_words("title_lead_words")
_WORKS = lexicon_words("work_nouns")
_WORK_ROLES = lexicon_words("work_roles")
_SCARE_WORDS = 2
# Words that frame a short quotation as words someone used: "used the term “…”", "chants of
# “…”", "casting Ode as an “…”".
_FRAMING = lexicon_words("voice_nouns") | frozenset(
    ["term", "phrase", "word", "words", "slogan", "motto", "catchphrase", "nickname"]
)
# Words that present a quotation as a name: "the nickname of “…”", "dubbed the “…”".
_NAMING = lexicon_words("naming_words") - frozenset(["term", "phrase", "word", "words"])
# "what's called “…”", "the so-called “…”", "is called “…”": a name, not a speaker's words
_PASSIVE_CALLED = frozenset(
    ["what’s", "what's", "so", "is", "was", "are", "were", "been", "being", "it’s", "it's"]
)
_ARTICLES = frozenset(["a", "an", "the"])
_LIST_GAP = re.compile(r",? *(?:and |or )?")
_CAMEL = re.compile(r"[a-z]{2}[A-Z]")
_TITLE_WORDS = 6
_SUBTITLED_WORDS = 12  # “Name: A Longer Subtitle of the Work”
_SPEECH_WINDOW = 200  # characters before a quotation searched for a word reporting speech
_NAME_WORDS = 3  # a quotation repeating a name found elsewhere has at least this many words


def words(inner: str) -> list[str]:
    """The words of a quotation's inside."""
    return _WORDS.findall(inner)


def is_partial(inner: str) -> bool:
    """A fragment inside the writer's sentence: starts in lower case and is not sentences itself."""
    first = next((c for c in inner if c.isalnum()), "")
    return first.islower() and not _INNER_BREAK.search(inner)


def is_scare(inner: str) -> bool:
    """One or two words: a scare quote unless a speech cue comes with it. An exclamation or a
    question ("Tomas!") is somebody speaking."""
    return len(words(inner)) <= _SCARE_WORDS and not inner.rstrip(" ,.”’\"'").endswith(("!", "?"))


def is_framed(text: str, span: Span) -> bool:
    """A short quotation that the sentence presents as words used: after "the term", "the
    phrase", "chants of", or a predicative "as" ("summed her up as “terrible”")."""
    before = [w.lower() for w in _WORDS.findall(text[max(0, span.start - 40) : span.start])][-3:]
    if before and before[-1] in _ARTICLES:
        before = before[:-1]
    if not before:
        return False
    if before[-1] == "as":
        return len(before) >= 2 and before[-2] not in {"such", "so", "as", "known"}
    if before[-1] == "of":
        return len(before) >= 2 and before[-2] in _FRAMING
    return before[-1] in _FRAMING


def is_capitalised(inner: str) -> bool:
    """A few words, each capitalised but the small ones (“Over the Hill”): how titles and names
    are written."""
    ws = words(inner)
    most = _SUBTITLED_WORDS if ": " in inner else _TITLE_WORDS
    return 0 < len(ws) <= most and all(
        w[:1].isupper() or w[:1].isdigit() or w.lower() in _MINOR for w in ws
    )


def is_title(text: str, span: Span, inner: str) -> bool:
    """A capitalised name of a show, book or event after "on", "told", "titled", a possessive or
    a noun naming a work (“Sunday Table”, KTV’s “Early Light”, the podcast “Over the Hill”)."""
    if inner.rstrip(" ,.”’\"'").endswith("!") or is_framed(text, span):
        return False  # “Tomas!”, chants of “Bring Them Home”: somebody speaking
    if not is_capitalised(inner):
        return False
    after = [w.lower() for w in _WORDS.findall(text[span.end : span.end + 30])[:2]]
    if any(w in _WORKS for w in after):
        return True  # his “Straight Up Talk” radio program
    if after[:1] and after[0] in _WORK_ROLES and text[span.end : span.end + 1] == " ":
        return True  # the “Night Shift” star
    before = _WORDS.findall(text[max(0, span.start - 20) : span.start])
    return bool(before) and (
        before[-1].lower() in _BEFORE_TITLE | _WORKS or before[-1].endswith(("’s", "'s"))
    )


def is_named(text: str, span: Span) -> bool:
    """A quotation the sentence presents as a name: after "dubbed", "nicknamed", "titled", "the
    nickname of", "the hashtag", or a passive "called" ("a fault what's called “…”")."""
    window = _SENTENCE_BREAK.split(text[max(0, span.start - 40) : span.start])[-1]
    before = [w.lower() for w in _WORDS.findall(window)][-3:]
    while before and before[-1] in _ARTICLES | {"of"}:
        before = before[:-1]
    if not before:
        return False
    if before[-1] == "called":
        return len(before) >= 2 and before[-2] in _PASSIVE_CALLED
    return before[-1] in _NAMING


def name_key(inner: str) -> str:
    """A quotation's words without case, punctuation or hyphens, to find the same name quoted
    again (“hay-fever lung” and “hay fever lung”)."""
    return " ".join(w.lower().replace("’", "'") for w in _KEY_WORDS.findall(inner))


def is_markup(text: str, span: Span, inner: str) -> bool:
    """An attribute value (tweet-id="…") or a quotation with no letters in it."""
    return text[span.start - 1 : span.start] == "=" or not any(c.isalpha() for c in inner)


def is_handle(inner: str) -> bool:
    """One word joined from several with a capital inside (“safeStreetsNow”, “newsCheckUK”): an
    account or a campaign's name, not words anybody said."""
    word = inner.strip(" ,.;:!?”’\"'")
    return not any(c.isspace() for c in word) and _CAMEL.search(word) is not None


def is_headline(text: str, para: Span) -> bool:
    """A title-case line: quotes in it are headline quotes, whose speaker the text does not give."""
    ws = [
        w for w in _WORDS.findall(text[para.start : min(para.end, para.start + 400)]) if len(w) > 3
    ]
    return len(ws) >= 3 and sum(w[:1].isupper() for w in ws) >= 0.8 * len(ws)


def noise(
    text: str, paragraphs: Sequence[Span], para_starts: Sequence[int], marked: Sequence[Marked]
) -> list[bool]:
    """For each quotation, whether it is markup, a title or a name (or listed right after a
    title: “A,” “B” and “C”), a single-quoted quote in a text that quotes with double marks (a
    headline or scare quote, by US convention), or the same words as a title or name quoted
    elsewhere in the text (a campaign's slogan, repeated)."""
    singles = sum(text[m.span.start] == "‘" for m in marked)
    double_style = 0 < len(marked) - singles >= singles
    out: list[bool] = []
    names: set[str] = set()
    parts: set[str] = set()  # runs of words inside those names
    keys: list[str] = []
    capitals: list[bool] = []
    titled = False  # the quotation before was a title: a list of titles goes on
    for j, q in enumerate(marked):
        inner = text[q.span.start + 1 : q.span.end - 1 if q.closed else q.span.end]
        para = paragraphs[bisect.bisect_right(para_starts, q.span.start) - 1]
        capitals.append(is_capitalised(inner))
        listed = (
            titled
            and capitals[-1]
            and _LIST_GAP.fullmatch(text, marked[j - 1].span.end, q.span.start) is not None
        )
        titled = listed or is_title(text, q.span, inner)
        named = titled or is_named(text, q.span)
        keys.append(name_key(inner))
        if named and len(keys[-1].split()) >= _NAME_WORDS:
            names.add(keys[-1])
            parts |= _runs(keys[-1].split())
        out.append(
            named
            or is_markup(text, q.span, inner)
            or is_handle(inner)
            or (text[q.span.start] == "‘" and (double_style or is_headline(text, para)))
        )
    return [
        flag or key in names or (cap and key in parts)
        for flag, key, cap in zip(out, keys, capitals, strict=True)
    ]


def _runs(ws: list[str]) -> set[str]:
    """The runs of at least ``_NAME_WORDS`` words inside a short name (“Fix It” is not one)."""
    if len(ws) > _TITLE_WORDS:
        return set()
    n = len(ws)
    return {" ".join(ws[i:j]) for i in range(n) for j in range(i + _NAME_WORDS, n + 1)}


def is_unattributed(text: str, span: Span, inner: str, vouched: bool) -> bool:
    """A scare quote with no cue: not framed as words used ("the term “…”") and not vouched
    for by its sentence (``vouched``: an earlier or a longer quotation shares the sentence, or
    the sentence reports speech before it)."""
    return is_scare(inner) and not is_framed(text, span) and not vouched


def longer_follows(text: str, marked: Sequence[Marked], j: int, sent_end: int) -> bool:
    """Whether a quotation of more than a scare quote's few words follows the ``j``-th in its
    sentence: the words before it are the same speaker's ("…“so slow” and “we will not wait
    another year,” Berg said")."""
    if j + 1 >= len(marked) or marked[j + 1].span.start >= sent_end:
        return False
    nxt = marked[j + 1]
    return not is_scare(text[nxt.span.start + 1 : nxt.span.end - 1 if nxt.closed else nxt.span.end])


def spoken_before(text: str, start: int, end: int) -> bool:
    """Whether the sentence before a quotation (from ``start`` to ``end``) reports speech ("his
    claim that the pair were “old friends”", "she told the jury it was “routine”"): a short
    quotation there is the speaker's words, not a scare quote."""
    lo = max(start, end - _SPEECH_WINDOW)  # bounded: a sentence of many quotes stays linear
    return any(w.lower() in _SPEECH for w in _WORDS.findall(text, lo, end))
