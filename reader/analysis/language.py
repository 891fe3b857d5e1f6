"""Is the article English? A cheap test on function words, so non-English pages say so.

The analysers read English: on a German page every capitalised noun would become an "entity".
The test counts, among the first ``SAMPLE`` words, how many are on each language's list of
function words (``lexicons/language_words.txt``). English prose has about 40% of its words on the
English list; a page is taken as English unless another language's list holds clearly more of its
words and English holds few (under ``ENGLISH_MIN``). Too few words to tell (a caption, a table):
English, the default. Linear in the sample, independent of the article's length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from reader.analysis.lexicons import entries

SAMPLE = 2000  # words read from the start of the article
MIN_WORDS = 40  # fewer words than this: no verdict (English)
ENGLISH_MIN = 0.15  # share of English function words below which English is doubted
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class Language:
    """The verdict: an ISO 639-1 code and the language's English name."""

    code: str
    name: str

    @property
    def english(self) -> bool:
        return self.code == "en"


ENGLISH = Language("en", "English")


@cache
def _lists() -> tuple[tuple[Language, frozenset[str]], ...]:
    out = []
    for line in entries("language_words"):
        code, name, words = line.split("\t")
        out.append((Language(code, name), frozenset(words.split())))
    return tuple(out)


def shares(text: str) -> dict[str, float]:
    """Share of the sample's words on each language's function-word list, by language code."""
    sample = [m.group().lower() for _, m in zip(range(SAMPLE), _WORD.finditer(text))]
    if not sample:
        return {}
    return {lang.code: sum(w in words for w in sample) / len(sample) for lang, words in _lists()}


def detect(text: str) -> Language:
    """The article's language: English unless the function words clearly say otherwise."""
    if sum(1 for _, _m in zip(range(MIN_WORDS), _WORD.finditer(text))) < MIN_WORDS:
        return ENGLISH
    share = shares(text)
    best = max(_lists(), key=lambda pair: share[pair[0].code])[0]
    if best.english or share["en"] >= ENGLISH_MIN or share[best.code] < 2 * share["en"]:
        return ENGLISH
    return best
