"""Mentions → entities: surnames join full names, spelling variants join, acronyms join expansions.

Longer forms are placed first, so "Putin" finds "Vladimir Putin" already there. Two full names join
only when both the surnames and the first names agree (exactly, by initial, or as near spellings),
so "Jens Stoltenberg" and "Jens Weidmann" stay apart, while "Dmytro Kuleba" and "Dimitro Koleba"
(one person, two transliterations) come together.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from reader.analysis.model import Entity, EntityType
from reader.document.model import Span

ACRONYM_SKIP = frozenset(["of", "the", "and", "for", "de", "du", "des", "la", "le", "el", "al", "on", "in", "&", "-"])
ACRONYM_TYPES = frozenset({"ORG", "MISC"})  # the tagger often mistakes one for the other


@dataclass(frozen=True, slots=True)
class Mention:
    """One tagged name in the text, before grouping."""

    span: Span
    type: EntityType
    text: str


@dataclass(slots=True)
class _Cluster:
    type: EntityType
    forms: list[tuple[str, EntityType]] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    votes: Counter[EntityType] = field(default_factory=Counter)


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (small strings only: surnames)."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def similar_names(a: str, b: str) -> bool:
    """One name in two spellings ("Kuleba"/"Koleba"): long enough, same initial, an edit or two apart."""
    a, b = a.lower(), b.lower()
    if a == b:
        return True
    limit = 2 if min(len(a), len(b)) >= 7 else 1
    if min(len(a), len(b)) < 5 or a[0] != b[0] or abs(len(a) - len(b)) > limit:
        return False
    return edit_distance(a, b) <= limit


def _first_names_agree(a: str, b: str) -> bool:
    """Equal, an initial of the other, or a long near spelling ("Dmytro"/"Dimitro", not "Maria"/"Mario")."""
    a, b = a.rstrip(".").lower(), b.rstrip(".").lower()
    if len(a) == 1 or len(b) == 1:
        return a[:1] == b[:1]
    return a == b or (a[0] == b[0] and min(len(a), len(b)) >= 6 and edit_distance(a, b) <= 2)


def _same_person(form: str, known: str) -> bool:
    """Whether person name ``form`` can refer to the one written ``known`` (at least as long)."""
    f, k = form.split(), known.split()
    if not similar_names(f[-1], k[-1]):
        return False
    return len(f) == 1 or len(k) == 1 or _first_names_agree(f[0], k[0])


def acronym(name: str) -> str:
    """Initials of a multi-word name: "North Atlantic Treaty Organization" → "NATO"."""
    words = [w for w in name.split() if w.lower() not in ACRONYM_SKIP]
    return "".join(w[0] for w in words if w[0].isupper()) if len(words) > 1 else ""


def _home(
    form: str, typ: EntityType, people: dict[str, list[_Cluster]], acronyms: dict[str, _Cluster]
) -> _Cluster | None:
    """The cluster an unseen form joins, if any (forms arrive longest first)."""
    if typ == "PERSON":
        for c in people.get(form.split()[-1][0].lower(), ()):
            names = [k for k, _ in c.forms]
            full = [k for k in names if len(k.split()) > 1]
            if all(_same_person(form, k) for k in full) and any(
                _same_person(form, k) for k in names
            ):
                return c
    elif typ in ACRONYM_TYPES and form.isupper() and form.isalpha():
        return acronyms.get(form)
    return None


def group(mentions: Sequence[Mention]) -> list[Entity]:
    """Cluster mentions into entities, sorted by first mention and numbered E1, E2…

    An entity takes the type most of its mentions have: an acronym can join an expansion the tagger
    typed differently ("European Central Bank" as MISC, "ECB" twice as ORG: one ORG).
    """
    by_form: dict[tuple[str, EntityType], list[Span]] = {}
    for m in sorted(mentions, key=lambda m: m.span):
        by_form.setdefault((" ".join(m.text.split()), m.type), []).append(m.span)
    clusters: list[_Cluster] = []
    people: dict[str, list[_Cluster]] = {}  # by the surname's initial
    acronyms: dict[str, _Cluster] = {}
    for key in sorted(by_form, key=lambda k: (-len(k[0].split()), -len(k[0]), by_form[k][0])):
        form, typ = key
        home = _home(form, typ, people, acronyms)
        if home is None:
            home = _Cluster(typ)
            clusters.append(home)
            if typ == "PERSON":
                people.setdefault(form.split()[-1][0].lower(), []).append(home)
        if typ in ACRONYM_TYPES and (initials := acronym(form)):
            acronyms.setdefault(initials, home)
        home.forms.append(key)
        home.mentions.extend(by_form[key])
        home.votes[typ] += len(by_form[key])
    entities = []
    for c in sorted(clusters, key=lambda c: min(c.mentions)):
        firsts = {k: min(by_form[k]) for k in c.forms}
        name = max(firsts, key=lambda k: (len(k[0].split()), len(k[0]), -firsts[k].start))[0]
        typ = max(c.votes, key=lambda t: (c.votes[t], t == c.type))
        aliases = sorted(
            {f for f, _ in c.forms if f != name},
            key=lambda f: min(firsts[k] for k in c.forms if k[0] == f),
        )
        entities.append(
            Entity(
                id=f"E{len(entities) + 1}",
                type=typ,
                name=name,
                aliases=tuple(aliases),
                mentions=tuple(sorted(c.mentions)),
            )
        )
    return entities
