"""Building blocks of the temporal grammar, and the ``Rule`` each of its rules is.

Every rule is a regular expression built from these pieces plus a reader that turns a match into
a ``Parsed`` (or rejects it: "May" the name, "March" the verb, "Sunday Times", "$2014").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from reader.analysis.times.lexicon import (
    FUZZY,
    MONTHS,
    ONES,
    PARTS_OF_DAY,
    TENS,
    UNITS,
    WEEKDAYS,
    alternation,
)
from reader.analysis.times.parsed import Parsed


def _cap(words: list[str]) -> str:
    """Case-sensitive alternation of capitalised and upper-case forms (names are proper nouns)."""
    forms = {w.capitalize() for w in words} | {w.upper() for w in words}
    return "(?-i:" + alternation(forms) + ")"


_FULL_MONTHS = [w for w in MONTHS if len(w) > 4 or w in ("may", "june", "july")]
_ABBR_MONTHS = [w for w in MONTHS if w not in _FULL_MONTHS]
MONTH = rf"(?:{_cap(_FULL_MONTHS)}|{_cap(_ABBR_MONTHS)}(?:\.|(?=\s+\d)))"
_FULL_DAYS = [w for w in WEEKDAYS if len(w) > 5]
WEEKDAY = rf"(?:{_cap(_FULL_DAYS)}|{_cap([w for w in WEEKDAYS if w not in _FULL_DAYS])}\.)"
NUMW = (
    rf"(?:(?:{alternation(TENS)})(?:[- ](?:{alternation([w for w in ONES if ONES[w] < 10])}))?"
    rf"|{alternation(ONES)}|a dozen|dozen|a hundred|hundred)"
)
NUM = rf"(?:\d+(?:\.\d+)?(?: 1/2)?|{NUMW}(?:\s+and\s+a\s+half)?|half\s+an?|an?)"
FUZZ = rf"(?:{alternation(FUZZY)}|a couple of|couple of)"
UNIT = (
    r"(?:second|minute|hour|day|night|weekend|week|fortnight|month|quarter|year|decade|"
    r"centur(?:y|ie))"
)
APPROX = (
    r"(?:(?:around|approximately|nearly|almost|roughly|some|more than|less than|"
    r"fewer than|at least|at most|up to|no more than|no less than|under|upwards of|close to|"
    r"(?:well\s+)?over(?=\s+an?\s))\s+)?"
)
DMOD = (
    r"(?:(?:early|late|mid|middle)(?:\s*-\s*|\s+)|the\s+(?:end|beginning|start|middle|"
    r"first\s+half|second\s+half|turn)\s+of\s+)?"
)
DAYN = r"(\d{1,2})(?:st|nd|rd|th)?"
YEAR = r"((?:1[0-9]|20|21)\d\d)"
TZ = r"(?:\s+(?-i:EDT|EST|CDT|CST|MDT|MST|PDT|PST|GMT|UTC|BST|CET|CEST)|\s+local\s+time)?"
DAYPART = rf"(?:\s+({alternation(PARTS_OF_DAY)}))?"


def word_before(text: str, start: int) -> str:
    m = re.search(r"([\w'-]+)\W*$", text[max(0, start - 30) : start])
    return m[1] if m else ""


def word_after(text: str, end: int) -> str:
    m = re.match(r"\s*([\w'-]+)", text[end : end + 30])
    return m[1] if m else ""


def piece(pattern: str, s: str, group: int = 0) -> str:
    """A part of ``s`` that the rule's own match guarantees is there ("" if not)."""
    m = re.search(pattern, s, re.I)
    return m[group] if m else ""


def month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


Reader = Callable[[re.Match[str], str], Parsed | None]
MONTH_WORDS = frozenset(MONTHS)
UNIT_WORDS = frozenset(UNITS) | {"centurie"}
REACH_BEFORE = 48  # characters a match may start before its trigger token


@dataclass(frozen=True, slots=True)
class Rule:
    """A pattern (case-insensitive, whole words), the trigger keys one of which every match
    contains (see ``grammar``: lower-case words, singulars, number shapes), and the reader that
    turns a match into a ``Parsed`` or rejects it. The pattern is only tried near trigger
    tokens, which keeps the tagger a small share of the analysis."""

    pattern: re.Pattern[str]
    trigger: frozenset[str]
    read: Reader


def rule(pattern: str, trigger: Iterable[str]) -> Callable[[Reader], Rule]:
    """Makes the decorated reader a ``Rule`` for ``pattern``; ``grammar.RULES`` lists the rules
    in the order that breaks ties between equally long matches."""

    def make(fn: Reader) -> Rule:
        compiled = re.compile(rf"(?<![\w$€£.-]){pattern}(?![\w]|-\w|[.,]\d)", re.I)
        return Rule(compiled, frozenset(trigger), fn)

    return make


# Half of a unit, written in the next smaller one (keyed by clock unit or not, and unit code).
_HALF = {
    (False, "Y"): "6M",
    (False, "M"): "15D",
    (False, "D"): "T12H",
    (True, "H"): "30M",
    (True, "M"): "30S",
}


def dur_value(n: float | None, unit: str) -> str:
    """The TIMEX3 duration of ``n`` units (None: an unknown number, "PXY")."""
    code = UNITS.get(unit.lower().rstrip("s"), "Y")
    if code == "WE":
        code = "W"
    if unit.lower().startswith("fortnight"):
        n = None if n is None else 2 * n
    if code in ("DE", "CE"):
        n = None if n is None else n * (10 if code == "DE" else 100)
        code = "Y"
    clock = unit.lower().rstrip("s") in ("second", "minute", "hour")
    half = _HALF.get((clock, code))
    if n is not None and n != int(n) and n * 2 == int(n * 2) and half:
        whole = f"{int(n)}{code}" if n >= 1 else ""  # "5 1/2 hours" is PT5H30M: whole numbers only
        return ("PT" if clock else "P") + whole + half
    amount = "X" if n is None else (f"{n:g}" if n != int(n) else str(int(n)))
    return ("PT" if clock else "P") + amount + code
