"""Words of the temporal grammar: names, numbers and units, with the TIMEX3 code of each.

Read from the lexicon files (``reader/analysis/lexicons``), so the vocabulary can grow without
touching the grammar.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from reader.analysis.lexicons import table, words


def _numbers(name: str) -> dict[str, int]:
    return {word: int(n) for word, n in table(name).items()}


MONTHS = _numbers("months")
WEEKDAYS = _numbers("weekdays")
SEASONS = table("seasons")
PARTS_OF_DAY = {word: "T" + code for word, code in table("day_parts").items()}

UNITS = table("time_units")
SETS = table("set_words")
_NUMBERS = _numbers("number_words")
ONES = {w: n for w, n in _NUMBERS.items() if n < 20}
TENS = {w: n for w, n in _NUMBERS.items() if n >= 20}
ORDINALS = _numbers("ordinal_words")
FUZZY = words("fuzzy_quantities")


def alternation(words: Iterable[object]) -> str:
    """A regex alternation, longest words first so "sept" wins over "sep"."""
    return "|".join(sorted((re.escape(str(w)) for w in words), key=len, reverse=True))


def number(word: str) -> float | None:
    """The value of a numeral written in digits or words ("14", "fourteen", "twenty-four",
    "a", "5 1/2", "two and a half", "half a"); None for fuzzy quantities ("several")."""
    w = re.sub(r"\s+", " ", word.lower().replace(",", "").strip())
    if w in ("a", "an", "one", "a single", "single"):
        return 1
    if w in ("half", "half a", "half an"):
        return 0.5
    half = w.endswith(" 1/2") or w.endswith(" and a half")
    w = w.removesuffix(" 1/2").removesuffix(" and a half")
    try:
        return float(w) + 0.5 * half
    except ValueError:
        pass
    if w in ("a dozen", "dozen"):
        return 12
    if w in ("a couple of", "couple of", "a couple"):
        return 2
    if w in ("a hundred", "hundred", "one hundred"):
        return 100
    total = 0
    for part in re.split(r"[- ]+", w):
        if part in ONES:
            total += ONES[part]
        elif part in TENS:
            total += TENS[part]
        else:
            return None
    return total + 0.5 * half if total else None


def word_year(phrase: str) -> int | None:
    """A year spelled out: "nineteen ninety-six" → 1996, "two thousand" → 2000."""
    w = phrase.lower().replace("-", " ").split()
    if w[:2] == ["two", "thousand"]:
        rest = [x for x in w[2:] if x != "and"]
        n = number(" ".join(rest)) if rest else 0
        return None if n is None else 2000 + int(n)
    if len(w) >= 2 and w[0] in ONES and ONES[w[0]] >= 10:
        n = number(" ".join(w[1:]))
        if n is not None and 10 <= n < 100:
            return ONES[w[0]] * 100 + int(n)
    return None
