"""Mentions → entities, one per referent: surnames and first names join full names, spelling
variants join, acronyms join expansions, short forms join long ones ("US", "U.S.", "United States").

Longer forms are placed first, so "Halvorsen" finds "Ingrid Halvorsen" already there. Two full names
join only when both the surnames and the first names agree (exactly, by initial, or as near
spellings), so "Ingrid Halvorsen" and "Ingrid Lund" stay apart, while "Marta Velikova" and "Marta
Velikowa" (one person, two transliterations) come together. A one-word form joins a person whatever
type the tagger gave it (the tagger types a lone surname from too little context), unless it is a
known place the tagger typed as a place, and so does a surname opening with a particle ("Van der
Berg"); the row's type is the one most of its mentions have. An organisation named by the first
or last words of one other organisation's name, or by the word before its "of", joins it ("Velo"
of "Velo Records", "Grain Council" of "EU Grain Council", "Academy" of "Halden Academy of
Science"), without a say in its type. A name tagged a place as often as an organisation is two
referents (a town and its team): its organisation form joins the place only when it has fewer
mentions.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import chain, islice

from reader.analysis.lexicons import table, words
from reader.analysis.model import Entity, EntityType
from reader.document.model import Span

ACRONYM_SKIP = frozenset(
    ["of", "the", "and", "for", "de", "du", "des", "la", "le", "el", "al", "on", "in", "&", "-"]
)
ACRONYM_TYPES = frozenset({"ORG", "MISC"})  # the tagger often mistakes one for the other
# A near spelling ("Velikowa" for "Velikova") is looked for among the first NEAR people whose
# surname has its initial: articles name few, and a page of thousands of names stays linear in time.
NEAR = 8
PARTS = 4  # an organisation's name is found by its first and last words, up to so many
_SUFFIXES = words("name_suffixes")
PARTICLES = words("name_particles")
_ALIASES = table("entity_aliases")


@dataclass(frozen=True, slots=True)
class Mention:
    """One tagged name in the text, before grouping."""

    span: Span
    type: EntityType
    text: str
    titled: bool = False  # after a person's title ("Senator"): the row is a person's


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
    """One name in two spellings ("Velikova"/"Velikowa"): long enough, same initial, an edit or two
    apart."""
    a, b = a.lower(), b.lower()
    if a == b:
        return True
    limit = 2 if min(len(a), len(b)) >= 7 else 1
    if min(len(a), len(b)) < 5 or a[0] != b[0] or abs(len(a) - len(b)) > limit:
        return False
    return edit_distance(a, b) <= limit


def _first_names_agree(a: str, b: str) -> bool:
    """Equal, an initial of the other, or a long near spelling ("Dmytro"/"Dimitro", not
    "Maria"/"Mario")."""
    a, b = a.rstrip(".").lower(), b.rstrip(".").lower()
    if len(a) == 1 or len(b) == 1:
        return a[:1] == b[:1]
    return a == b or (a[0] == b[0] and min(len(a), len(b)) >= 6 and edit_distance(a, b) <= 2)


def _bare(name: str) -> list[str]:
    """A person's name without a generational suffix: "Carl Smith Jr." → ["Carl", "Smith"]."""
    out = name.split()
    while len(out) > 1 and out[-1].rstrip(".").lower() in _SUFFIXES:
        out.pop()
    return out


def surname_form(form: str) -> bool:
    """A surname opening with a particle, alone ("Van der Berg", "De Souza"): a person's, though
    the tagger may type it a place or a body from its capital letters."""
    words_ = form.split()
    return len(words_) > 1 and words_[0].lower() in PARTICLES and words_[-1][:1].isupper()


def particled(word: str) -> bool:
    """A surname joined to its particle by a hyphen ("al-Rashid", "el-Amin")."""
    particle, _, rest = word.partition("-")
    return particle in PARTICLES and rest[:1].isupper() and rest.isalpha()


def _suffix(name: str) -> str:
    """A person's generational suffix, lower case without its dot ("jr"), or "" (what ``_bare``
    leaves out)."""
    return " ".join(w.rstrip(".").lower() for w in name.split()[len(_bare(name)) :])


def _same_person(form: str, known: str) -> bool:
    """Whether person name ``form`` can refer to the one written ``known`` (at least as long):
    same surname and agreeing first names, or the end of it ("De Santis" of "Marco De Santis");
    never when both have a generational suffix and not the same one (father and son: "Jr."
    and "Sr.")."""
    if _suffix(form) and _suffix(known) and _suffix(form) != _suffix(known):
        return False
    f, k = _bare(form), _bare(known)
    if len(f) < len(k) and [w.lower() for w in k[-len(f) :]] == [w.lower() for w in f]:
        return True
    if not similar_names(f[-1], k[-1]):
        return False
    return len(f) == 1 or len(k) == 1 or _first_names_agree(f[0], k[0])


def key(form: str) -> str:
    """What a non-person form is compared by: lower case, no dots in initials, no leading "the",
    short forms by the name they stand for ("U.S." and "US" → "united states")."""
    words_ = form.split()
    if len(words_) > 1 and words_[0].lower() == "the":
        words_ = words_[1:]
    low = " ".join(w.replace(".", "") if w.isupper() else w for w in words_).lower()
    return _ALIASES.get(low, low)


def acronym(name: str) -> str:
    """Initials of a multi-word name: "North Atlantic Treaty Organization" → "NATO"."""
    words = [w for w in name.split() if w.lower() not in ACRONYM_SKIP]
    return "".join(w[0] for w in words if w[0].isupper()) if len(words) > 1 else ""


class _Index:
    """Where an unseen form may find its cluster: people by their surname's initial, first names,
    acronyms of expansions, and the compared key of every form."""

    def __init__(self) -> None:
        # Clusters by id (insertion ordered, no duplicates), per key.
        self.people: dict[str, dict[int, _Cluster]] = {}  # by the surname's initial
        self.surnames: dict[str, dict[int, _Cluster]] = {}  # by the surname
        self.first: dict[str, dict[int, _Cluster]] = {}  # by the first name
        self.acronyms: dict[str, _Cluster] = {}
        self.keys: dict[str, _Cluster] = {}
        # Organisations by the first and last words of their names ("Velo" of "Velo Records").
        self.parts: dict[str, dict[int, _Cluster]] = {}

    def home(self, form: str, typ: EntityType, place: bool, count: int) -> _Cluster | None:
        """The cluster an unseen form joins, if any (forms arrive longest first)."""
        single = len(form.split()) == 1
        if (
            typ == "PERSON"
            or (single and not (place and typ == "LOC") and form[:1].isupper())
            or surname_form(form)
        ):
            last = _bare(form)[-1].lower()
            exact = islice(self.surnames.get(last, {}).values(), NEAR)
            near = islice(self.people.get(last[0], {}).values(), NEAR)
            for c in chain(exact, near):
                names = [k for k, t in c.forms if t == "PERSON"]
                full = [k for k in names if len(k.split()) > 1]
                same = typ == "PERSON" or any(
                    _bare(k)[-1].lower() == last for k in full
                )  # another type joins by the very surname only
                if full and same and all(_same_person(form, k) for k in full):
                    return c
                if typ == "PERSON" and not full and any(_same_person(form, k) for k in names):
                    return c
            owners = self.first.get(form, {})
            if single and len(owners) == 1:  # a first name used alone: one person has it
                return next(iter(owners.values()))
        found = self.keys.get(key(form))
        if found is not None and (
            {found.type, typ} != {"LOC", "ORG"}
            or count < found.votes.total()
            or all(f.lower() != form.lower() for f, _ in islice(found.forms, NEAR))
        ):  # a town and its team, named alike, stay apart when both are named as often
            return found
        if typ in ACRONYM_TYPES and form.isupper() and form.isalpha():
            return self.acronyms.get(form)
        return None

    def whole(self, form: str, typ: EntityType) -> _Cluster | None:
        """The one organisation whose name starts or ends with organisation ``form`` ("Velo" of
        "Velo Records", "Grain Council" of "EU Grain Council"), a place's name too when tagged an
        organisation ("Halden" of "FC Halden", the town's team); not a MISC form, which would
        bring its type ("Iraqi" of "Iraqi Airways")."""
        owners = self.parts.get(key(form), {}) if typ == "ORG" else {}
        return next(iter(owners.values())) if len(owners) == 1 else None

    def add(self, form: str, typ: EntityType, c: _Cluster) -> None:
        """Index ``form`` of cluster ``c``."""
        self.keys.setdefault(key(form), c)
        if typ == "PERSON":
            bare = _bare(form)
            self.people.setdefault(bare[-1][0].lower(), {})[id(c)] = c
            self.surnames.setdefault(bare[-1].lower(), {})[id(c)] = c
            if len(bare) > 1:
                self.first.setdefault(bare[0], {})[id(c)] = c
        if typ in ACRONYM_TYPES and (initials := acronym(form)):
            self.acronyms.setdefault(initials, c)
        words_ = key(form).split()
        if typ == "ORG" and len(words_) > 1:
            for k in range(1, min(len(words_), PARTS + 1)):
                for part in (words_[:k], words_[-k:]):
                    self.parts.setdefault(" ".join(part), {})[id(c)] = c
            if "of" in words_[1:-1]:  # "Academy" of "Halden Academy of Sciences"
                head = words_[words_.index("of") - 1]
                self.parts.setdefault(head, {})[id(c)] = c


def group(
    mentions: Sequence[Mention], is_place: Callable[[str], bool] = lambda form: False
) -> list[Entity]:
    """Cluster mentions into entities, sorted by first mention and numbered E1, E2…

    An entity takes the type most of its mentions have: an acronym can join an expansion the tagger
    typed differently ("European Central Bank" as MISC, "ECB" twice as ORG: one ORG), a lone
    surname typed as a place joins the person, and a full name tagged as a person makes it one.
    ``is_place`` tells a known place name ("Washington" stays a place beside "George Washington").
    """
    by_form: dict[tuple[str, EntityType], list[Span]] = {}
    titled = set()
    for m in sorted(mentions, key=lambda m: m.span):
        by_form.setdefault((" ".join(m.text.split()), m.type), []).append(m.span)
        if m.titled:
            titled.add(m.span)
    clusters: list[_Cluster] = []
    index = _Index()
    for k in sorted(by_form, key=lambda k: (-len(k[0].split()), -len(k[0]), by_form[k][0])):
        form, typ = k
        place = is_place(form)
        if (
            typ != "LOC"
            and form.isupper()
            and (full := key(form)) in _ALIASES.values()
            and is_place(full.title())
        ):
            typ = "LOC"  # an abbreviated place name: "US" is "United States" ("EU" is no place)
        home = index.home(form, typ, place, len(by_form[k]))
        vote = typ
        if home is None and (home := index.whole(form, typ)) is not None:
            vote = home.type  # a part of a name does not type the whole
        if home is None:
            home = _Cluster(typ)
            clusters.append(home)
        index.add(form, typ, home)
        home.forms.append(k)
        home.mentions.extend(by_form[k])
        home.votes[vote] += len(by_form[k])
    entities: list[Entity] = []
    for c in sorted(clusters, key=lambda c: min(c.mentions)):
        firsts = {k: min(by_form[k]) for k in c.forms}
        name = max(  # the longest form, as running text writes it rather than a headline
            firsts,
            key=lambda k: (len(k[0].split()), len(k[0]), not k[0].isupper(), -firsts[k].start),
        )[0]
        typ = max(c.votes, key=lambda t: (c.votes[t], t == c.type))
        if any(t == "PERSON" and " " in f for f, t in c.forms) or titled.intersection(c.mentions):
            typ = "PERSON"  # a full name tagged as a person, or a title before a name, outweighs
            # a lone surname's type
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
