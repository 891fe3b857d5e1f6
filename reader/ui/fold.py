"""Search folding: what a typed query and the article's typography have in common.

Readers type straight quotes, hyphens and lower case; articles use curly quotes, en and em
dashes and capitals.  Folding maps each character to exactly one character, so an offset in the
folded text is the same offset in the article, and a match found there is a span of the article.
A plain-text article keeps its characters as the file has them (offsets align with the file), so
an accented letter may be written decomposed ("u" + combining diaeresis): the query's pattern
accepts either spelling.
"""

from __future__ import annotations

import re
import unicodedata

_SAME = {
    "'": "\u2018\u2019\u201a\u201b\u2032\u02bc\u0060\u00b4",  # ‘ ’ ‚ ‛ ′ ʼ ` ´
    '"': "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb",  # “ ” „ ‟ ″ « »
    "-": "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u00ad",  # hyphens, dashes, minus, soft hyphen
    " ": "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003",  # no-break and thin spaces
}
_TABLE = {ord(char): plain for plain, chars in _SAME.items() for char in chars}


def _lower(char: str) -> str:
    """Lower case, one character for one (``"İ".lower()`` is two characters: keep it)."""
    low = char.lower()
    return low if len(low) == 1 else char


def fold(text: str) -> str:
    """``text`` with quotes, dashes, spaces and case folded; the same length as ``text``."""
    folded = text.translate(_TABLE)
    lowered = folded.lower()
    return lowered if len(lowered) == len(folded) else "".join(map(_lower, folded))


def pattern(query: str) -> re.Pattern[str]:
    """The folded query as a literal pattern in which each accented letter also matches its
    decomposed spelling ("ü" or "u" + U+0308), however the query itself was typed."""
    parts = []
    for char in fold(unicodedata.normalize("NFC", query)):
        decomposed = unicodedata.normalize("NFD", char)
        parts.append(
            re.escape(char)
            if decomposed == char
            else f"(?:{re.escape(char)}|{re.escape(decomposed)})"
        )
    return re.compile("".join(parts))
