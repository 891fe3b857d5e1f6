"""Durations ("for 14 years"), sets ("every week") and references to the present, past and
future ("now", "recently").
"""

from __future__ import annotations

import re

from reader.analysis.times.lexicon import (
    FUZZY,
    PARTS_OF_DAY,
    SETS,
    UNITS,
    WEEKDAYS,
    alternation,
    number,
)
from reader.analysis.times.parsed import Parsed, Unit, Value
from reader.analysis.times.patterns import (
    APPROX,
    FUZZ,
    MONTH,
    NUM,
    UNIT,
    UNIT_WORDS,
    WEEKDAY,
    dur_value,
    month_number,
    rule,
    word_after,
)


@rule(
    rf"{APPROX}(?:the\s+|another\s+|a(?=\s+(?:few|couple|number)\b)\s+)?"
    rf"(?:(?:past|last|next|first|coming|previous|following|final|"
    rf"remaining|latest|entire|whole|full|same|other|initial|ensuing)\s+)?({NUM}|{FUZZ})\s+"
    rf"(?:(?:more|full|straight|consecutive|long|additional|extra)\s+)?({UNIT})s?(?:\s+and\s+a\s+half)?"
    r"(?:\s+or\s+so)?",
    UNIT_WORDS,
)
def duration(m: re.Match[str], text: str) -> Parsed | None:
    qty = m[1].lower()
    n = None if qty in FUZZY else number(qty)
    if n is None and qty not in FUZZY:
        return None
    if m[0].lower().endswith("and a half") and n is not None:
        n += 0.5
    if n is not None and n > 10000:
        return None
    if m[0].lower() in ("a second", "one second") and _ORDINAL_NOUN.match(text, m.end()):
        return None  # "a second group", "one second thought": the ordinal
    if m[0].lower() == "one day" and _MODAL_BEFORE.search(text, max(0, m.start() - 12), m.start()):
        return Value("FUTURE_REF")  # "it may one day rival Paris": some future day
    if re.match(r"\s*(?:-\s*)?old\b|\s+of\s+age\b", text[m.end() : m.end() + 10], re.I):
        return None  # "52 years old": an age
    if m[0].lower() in (f"a {m[2].lower()}", f"an {m[2].lower()}") and _RATE_BEFORE.search(
        text[max(0, m.start() - 40) : m.start()]
    ):
        return None  # "$500 million a year", "four flights a week": a rate, no period
    return Value(dur_value(n, m[2]), "DURATION")


# A word after "a second" that makes it the ordinal: not a preposition, conjunction or "later".
_ORDINAL_NOUN = re.compile(
    r"\s+(?!(?:ago|later|earlier|before|after|of|or|and|to|too|in|for|at|on|"
    r"when|while|longer|more|less|now|then)\b)[a-z]{3,}",
    re.I,
)
_MODAL_BEFORE = re.compile(r"\b(?:will|would|could|may|might|can|shall|should)\s+$", re.I)
# A quantity just before "a week", "a year" ("$2 million a year", "700 seats a week").
_RATE_BEFORE = re.compile(
    r"(?:\d|\b(?:million|billion|thousand|hundred|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|twelve|dozen)\b)\S*(?:\s+[a-z]+s)?\s+$",
    re.I,
)


@rule(
    r"(?:the\s+)?(past|last|next|coming|previous|following|first|latest)\s+"
    r"(seconds?|minutes?|hours?|days?|nights?|weeks?|months?|quarters?|years?|decades?|centuries)",
    UNIT_WORDS,
)
def duration_unit(m: re.Match[str], text: str) -> Parsed | None:
    plural = m[2].lower().endswith("s") and not m[2].lower().endswith("ss")
    if m[1].lower() == "coming" and not plural:
        return None
    if m[1].lower() == "last" and not plural and not m[0].lower().startswith("the"):
        return None  # "last year" is a date (relunit)
    if (
        m[1].lower() in ("next", "first", "following", "latest")
        and not plural
        and not m[0].lower().startswith("the")
    ):
        return None
    unit = m[2].lower()
    if (
        m[1].lower() in ("past", "last")
        and m[0].lower().startswith("the")
        and unit in ("year", "decade", "century")
    ):
        return Unit(UNITS[unit], -1)  # "over the past year": the year before
    return Value(
        dur_value(None if plural else 1, m[2].rstrip("sS") if plural else m[2]), "DURATION"
    )


@rule(rf"({NUM}|\d+|half)-({UNIT})(?:-(long|old))?", UNIT_WORDS)
def hyphen_duration(m: re.Match[str], text: str) -> Parsed | None:
    if (m[3] and m[3].lower() == "old") or text[m.end() : m.end() + 4].lower() == "-old":
        return None  # an age, not a period
    n = number(m[1])
    return Value(dur_value(n, m[2]), "DURATION") if n else None


@rule(rf"({UNIT})(s?)-long", UNIT_WORDS)
def long_duration(m: re.Match[str], text: str) -> Parsed | None:
    return Value(dur_value(None if m[2] else 1, m[1]), "DURATION")


@rule(
    r"(?<=\bfor\s)(years|months|decades|weeks|days|hours|minutes|centuries)(?:\s+and\s+\1)?",
    UNIT_WORDS,
)
def bare_units(m: re.Match[str], text: str) -> Parsed | None:
    unit = m[1].rstrip("s") if m[1] != "centuries" else "century"
    return Value(dur_value(None, unit), "DURATION")


@rule(
    rf"(?:every|each|per)\s+(?:other\s+)?(?:({NUM})\s+)?(?:({UNIT})s?|({WEEKDAY})|({MONTH})|(morning|night|evening))",
    {"every", "each", "per"},
)
def every(m: re.Match[str], text: str) -> Parsed | None:
    if m[3]:
        return Value(f"XXXX-WXX-{WEEKDAYS[m[3].lower().rstrip('.')]}", "SET")
    if m[4]:
        return Value(f"XXXX-{month_number(m[4]):02d}", "SET")
    if m[5]:
        return Value(f"XXXX-XX-XXT{PARTS_OF_DAY[m[5].lower()][1:]}", "SET")
    n = number(m[1]) if m[1] else 1
    return Value(dur_value(n or 1, m[2]), "SET")


_DAY_NAMES = [w for w in WEEKDAYS if len(w) > 5]  # full names: "Fridays", not "Fris"


@rule(rf"(?-i:({alternation(w.capitalize() for w in _DAY_NAMES)})s)", frozenset(_DAY_NAMES))
def weekdays(m: re.Match[str], text: str) -> Parsed | None:
    """ "On Fridays": every Friday."""
    return Value(f"XXXX-WXX-{WEEKDAYS[m[1].lower()]}", "SET")


@rule(
    rf"(?:({alternation(SETS)})|(?:once|twice|(?:{NUM})\s+times)\s+(?:a|an|per|each)\s+({UNIT}))",
    frozenset(SETS) | {"once", "twice", "times"},
)
def set_word(m: re.Match[str], text: str) -> Parsed | None:
    if m[1]:
        return Value(SETS[m[1].lower()], "SET")
    return Value(dur_value(1, m[2]), "SET")


# Words that may follow the noun "the future" / "the past" ("in the future, the …").
_FUNCTION_WORDS = frozenset(
    [
        "is",
        "was",
        "will",
        "would",
        "and",
        "or",
        "but",
        "in",
        "to",
        "for",
        "as",
        "that",
        "when",
        "with",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "you",
        "this",
        "these",
        "there",
        "has",
        "have",
        "had",
        "could",
        "can",
        "may",
        "might",
        "must",
        "should",
    ]
)


@rule(
    r"((?:right\s+)?now|currently|presently|at\s+present|at\s+the\s+moment|nowadays|these\s+days|"
    r"the\s+present|recently|lately|formerly|the\s+past|the\s+(?:near\s+|distant\s+)?future|current|"
    r"as\s+soon\s+as\s+possible|for\s+the\s+time\s+being|the\s+(?:near|short|long)\s+term)",
    {
        "now",
        "currently",
        "presently",
        "present",
        "moment",
        "nowadays",
        "days",
        "recently",
        "lately",
        "formerly",
        "past",
        "future",
        "current",
        "soon",
        "being",
        "term",
    },
)
def reference(m: re.Match[str], text: str) -> Parsed | None:
    w = re.sub(r"\s+", " ", m[1].lower())
    after = word_after(text, m.end()).lower()
    if w == "current" and (
        after.rstrip("s") in UNITS
        or after in ("account", "accounts", "events", "affairs", "of", "-", "and")
    ):
        return None
    if w == "now" and after in ("that",):
        return None
    if w in ("the past", "the future") and (
        after == "of" or (after.isalpha() and after.islower() and after not in _FUNCTION_WORDS)
    ):
        return None  # "the future alliance": an adjective, no time
    if (
        w.endswith("now")
        or w in ("currently", "presently", "nowadays", "current")
        or any(k in w for k in ("present", "moment", "these", "being"))
    ):
        return Value("PRESENT_REF")
    value = "FUTURE_REF" if any(k in w for k in ("future", "soon", "term")) else "PAST_REF"
    return Value(value)


@rule(
    r"(?:the\s+)?(recent|coming|past\s+few|last\s+few|next\s+few|past\s+several|last\s+several)\s+"
    r"(days|weeks|months|years|decades|quarters)(?:\s+and\s+(?:days|weeks|months|years))?",
    {"recent", "coming", "few", "several"},
)
def reference_units(m: re.Match[str], text: str) -> Parsed | None:
    if m[1].lower() in ("past several", "last several") or " and " in m[0].lower():
        return Value("PAST_REF")
    return Value(dur_value(None, m[2][:-1]), "DURATION")


@rule(r"the\s+(days|weeks|months|years)\s+ahead", {"ahead"})
def units_ahead(m: re.Match[str], text: str) -> Parsed | None:
    """ "In the weeks ahead", read as "in the coming weeks"."""
    return Value(dur_value(None, m[1][:-1]), "DURATION")
