"""Words of the temporal grammar: names, numbers and units, with the TIMEX3 code of each.

Kept apart from the patterns so the grammar reads as grammar and the vocabulary can grow alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from reader.analysis.lexicons import table


def _numbers(name: str) -> dict[str, int]:
    return {word: int(n) for word, n in table(name).items()}


MONTHS = _numbers("months")
WEEKDAYS = _numbers("weekdays")
SEASONS = table("seasons")
PARTS_OF_DAY = {word: "T" + code for word, code in table("day_parts").items()}

UNITS = {
    "second": "S",
    "minute": "M",
    "hour": "H",
    "day": "D",
    "night": "D",
    "week": "W",
    "weekend": "WE",
    "fortnight": "W",
    "month": "M",
    "quarter": "Q",
    "year": "Y",
    "decade": "DE",
    "century": "CE",
    "centurie": "CE",
}
SETS = {
    "daily": "P1D",
    "nightly": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "yearly": "P1Y",
    "hourly": "PT1H",
}

ONES = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
}
# Quantities with no number: "several years" is PXY.
FUZZY = frozenset({"several", "a few", "few", "many", "some", "numerous", "a number of"})


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
