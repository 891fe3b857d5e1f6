"""Quoted text that is not somebody's words: scare quotes, titles, markup, headline quotes.

Each test looks only at the quotation and the few characters around it, so it is cheap; the
caller decides with the cue it found (a short quote with a speech cue is kept).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from reader.analysis.quotes.marks import Marked
from reader.document.model import Span

_WORDS = re.compile(r"[\w’'-]+")
_INNER_BREAK = re.compile(r"[.!?][\"”’']?\s+[\"“‘']?[A-Z]")
_MINOR = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "in",
        "on",
        "at",
        "to",
        "for",
        "with",
        "by",
        "from",
        "de",
        "la",
        "is",
        "it",
        "my",
        "your",
        "our",
    ]
)
_BEFORE_TITLE = frozenset(
    ["on", "to", "told", "in", "at", "during", "from", "with", "via", "of", "titled", "entitled"]
)
# Nouns that name a work, so the capitalised words quoted after them are its title: the movie “…”.
_WORKS = frozenset(
    [
        "book",
        "books",
        "film",
        "films",
        "movie",
        "movies",
        "show",
        "shows",
        "series",
        "song",
        "songs",
        "album",
        "albums",
        "program",
        "programs",
        "programme",
        "programmes",
        "podcast",
        "podcasts",
        "documentary",
        "novel",
        "memoir",
        "play",
        "musical",
        "column",
        "essay",
        "poem",
        "ad",
        "ads",
        "video",
        "videos",
        "sitcom",
        "episode",
        "magazine",
        "newspaper",
        "website",
        "blog",
        "report",
    ]
)
_SCARE_WORDS = 2
# Words that frame a short quotation as someone's words: "used the term “…”", "chants of “…”",
# "casting Ode as an “…”".
_NAMING_NOUNS = frozenset(
    [
        "term",
        "phrase",
        "word",
        "words",
        "slogan",
        "motto",
        "catchphrase",
        "nickname",
        "label",
        "chant",
        "chants",
        "cry",
        "cries",
        "shouts",
        "calls",
    ]
)
_ARTICLES = frozenset(["a", "an", "the"])
_TITLE_WORDS = 6


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
        return len(before) >= 2 and before[-2] in _NAMING_NOUNS
    return before[-1] in _NAMING_NOUNS


def is_title(text: str, span: Span, inner: str) -> bool:
    """A capitalised name of a show, book or event after "on", "told", "titled", a possessive or
    a noun naming a work (“Sunday Table”, KTV’s “Early Light”, the podcast “Over the Hill”)."""
    ws = words(inner)
    if inner.rstrip(" ,.”’\"'").endswith("!") or is_framed(text, span):
        return False  # “Tomas!”, chants of “Bring Them Home”: somebody speaking
    if (
        not ws
        or len(ws) > _TITLE_WORDS
        or not all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _MINOR for w in ws)
    ):
        return False
    after = [w.lower() for w in _WORDS.findall(text[span.end : span.end + 30])[:2]]
    if any(w in _WORKS for w in after):
        return True  # his “Straight Up Talk” radio program
    before = _WORDS.findall(text[max(0, span.start - 20) : span.start])
    return bool(before) and (
        before[-1].lower() in _BEFORE_TITLE | _WORKS or before[-1].endswith(("’s", "'s"))
    )


def is_markup(text: str, span: Span, inner: str) -> bool:
    """An attribute value (tweet-id="…") or a quotation with no letters in it."""
    return text[span.start - 1 : span.start] == "=" or not any(c.isalpha() for c in inner)


def is_headline(text: str, para: Span) -> bool:
    """A title-case line: quotes in it are headline quotes, whose speaker the text does not give."""
    ws = [
        w for w in _WORDS.findall(text[para.start : min(para.end, para.start + 400)]) if len(w) > 3
    ]
    return len(ws) >= 3 and sum(w[:1].isupper() for w in ws) >= 0.8 * len(ws)


def noise(
    text: str, paragraphs: Sequence[Span], para_starts: Sequence[int], marked: Sequence[Marked]
) -> list[bool]:
    """For each quotation, whether it is markup, a title, or a single-quoted quote in a text
    that quotes with double marks (a headline or scare quote, by US convention)."""
    singles = sum(text[m.span.start] == "‘" for m in marked)
    double_style = 0 < len(marked) - singles >= singles
    out = []
    for q in marked:
        inner = text[q.span.start + 1 : q.span.end - 1 if q.closed else q.span.end]
        para = paragraphs[bisect.bisect_right(para_starts, q.span.start) - 1]
        out.append(
            is_markup(text, q.span, inner)
            or is_title(text, q.span, inner)
            or (text[q.span.start] == "‘" and (double_style or is_headline(text, para)))
        )
    return out


def is_unattributed(text: str, span: Span, inner: str, follows_quote: bool) -> bool:
    """A scare quote with no cue: not framed as words used ("the term “…”") and not inside
    a sentence that an earlier quotation started."""
    return is_scare(inner) and not is_framed(text, span) and not follows_quote
