"""Coreference for one document: which entity a mention ("he", "the minister", "Berg") names.

One helper for every analyser that must turn a local phrase into a person or organisation (the
speaker of a quote, the actor of a timeline event). The rules prefer no answer to a wrong one:

- a name links to the entity it is a mention of, or to the nearest earlier person whose surname
  it is ("Berg" after "Anna Berg");
- a pronoun to the subject of its sentence (or of the sentence before): its first compatible
  entity that no preposition governs ("of the Trust"); a sentence opened by the same pronoun is
  followed back ("He left. Later he said"); for a person, else the nearest compatible entity
  named before it outside quotations. "he", "she", "I" are persons (of the gender the text shows,
  when it shows one; an entity of another type the text calls "he" too), "they", "we", "it"
  organisations, and only a subject; "who" only the name right before it;
- a role noun ("the minister") to the nearest person earlier written with that role word
  ("Foreign Minister Anna Berg", "Anna Berg, the minister,") or named right after it ("The
  minister, Anna Berg, said"); a noun that is no role ("the patient") to nobody;
- "the company" (a short organisation noun) to the body last named with that noun ("the
  committee" after "the Harbour Committee", "the record label" after "Ode Records"), whatever
  type the tagger gave it, else to the organisation that is the subject nearby;
  "the statement" to who last issued one ("X said in a statement", "a statement from X");
  "the 52-year-old" to the person that is the subject nearby, else the last one named;
- a name in a byline ("By Anna Berg") is no antecedent.

Usage::

    coref = Coref(text, entities, skip=[quote spans])
    entity = coref.resolve(Span(start, end))      # Entity or None
    kind = mention_kind(text, Span(start, end))   # "name", "pronoun", "role" or "other"

Every lookup is a bisect over sorted offsets or a dict lookup over a bounded window, so a
document with thousands of mentions resolves each one in (amortised) constant time.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Sequence
from functools import cache
from typing import Literal

from reader.analysis.entities import is_honorific
from reader.analysis.lexicons import words
from reader.analysis.model import Entity
from reader.analysis.tokens import case_class_of
from reader.document.model import Span

MentionKind = Literal["name", "pronoun", "role", "other"]

PRONOUNS: dict[str, tuple[str, ...]] = {
    "he": ("PERSON",),
    "she": ("PERSON",),
    "i": ("PERSON",),
    "who": ("PERSON", "ORG"),
    "they": ("ORG",),  # "they" is rarely one person
    "we": ("ORG",),
    "it": ("ORG",),
}
_GENDER: dict[str, str] = {
    "he": "m", "him": "m", "his": "m", "himself": "m",
    "she": "f", "her": "f", "hers": "f", "herself": "f",
}  # fmt: skip
_TITLE_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "lady": "f"}
_GENDERED = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")  # subjects: "her" is often someone else
_PRONOUN_WINDOW = re.compile(r"[.!?;“”\"\n]")  # a sentence end or a quotation ends the window
_GENDER_REACH = 150
_SUBJECT_REACH = 600  # characters back read for the pronoun's sentence and the one before
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+(?=[\"“‘']?[A-Z])")
_PREPOSITIONS = frozenset(
    ["in", "on", "at", "with", "by", "from", "to", "for", "of", "about", "against", "than"]
)
_OPENING = re.compile(r"[\s“‘\"']*(\w+)\b")  # a sentence's first word
_CHAIN = 3  # sentences opened by the same pronoun followed back at most
_BY = re.compile(r"\s*(?:[Bb]y|BY|[Ww]ritten by|[Rr]eporting by)\s+[^\n.]*$")
_BYLINE = 80  # a byline is one short line
_AGE = re.compile(r"\d+-year-old")
_THE = re.compile(r"\b[Tt]he\s+$")
_WRITTEN_NOUN = re.compile(r"\b(?:statement|letter|post|tweet|release|email|memo)s?\b", re.I)
_FROM = re.compile(r"\s+(?:from|by|of)\s+(?:the\s+)?")  # "a statement from the Trust"
_OPENING_PHRASE = re.compile(r"[\s“‘\"']*((?:[\w’'-]+)(?:\s+[a-z][\w-]*){0,2})\b")
_PRONOUN_REACH = 2000  # characters back to look for a pronoun's antecedent
_WHO_GAP = re.compile(r"\s*,?\s*")  # "X, who said": the name sits right before
_NAME_REACH = 20_000  # characters back to look for the full name of a bare surname
_STEPS = 64  # mentions walked back at most, so a text dense with names stays linear
_ROLE_REACH = 80  # characters before a name read for its role words
_ROLE_WORDS = 6  # a longer phrase before "…, Anna Berg" is a clause, not her title
_CLAUSE_BREAK = re.compile(r"[.;:!?\n“”\"(]")
_ROLE_AFTER = re.compile(r",\s+((?:[\w’'-]+\s+){0,6}?[\w’'-]+),")
_WORD = re.compile(r"[\w’'-]+")
_DETERMINERS = frozenset(["the", "a", "an", "his", "her", "their", "its", "our", "this", "that"])


@cache
def _not_role_words() -> frozenset[str]:
    """Words beside a name that say nothing of a role: "the", "of", "Mr"."""
    return words("stop_words") | words("determiners") | words("courtesy_titles")


def _common_word(lower: str) -> bool:
    """A word alone that is no name: a stop word or title, or one that running text writes in
    lower case (its case class in the entity model), capitalised only as a sentence's first."""
    return lower in _not_role_words() or case_class_of(lower) in ("L", "l")


def _role_nouns() -> frozenset[str]:
    return words("role_nouns")


def _org_nouns() -> frozenset[str]:
    return words("organisation_nouns")


def _written() -> frozenset[str]:
    return words("written_channels")


def mention_kind(text: str, mention: Span) -> MentionKind:
    """What sort of phrase a mention is: a pronoun, a role noun phrase, a name, or other."""
    ws = _WORD.findall(text[mention.start : mention.end])
    if not ws:
        return "other"
    if len(ws) == 1 and ws[0].lower() in PRONOUNS:
        return "pronoun"
    head = _head_word([w.lower() for w in ws])
    if ws[0].lower() in _DETERMINERS and (head in _role_nouns() or head in _org_nouns()):
        return "role"
    if ws[0][:1].isupper() and ws[0].lower() not in _DETERMINERS:
        return "name"
    return "other"


def _head_word(ws: list[str]) -> str:
    """The noun a phrase is about: "the secretary of state" is a secretary."""
    return ws[ws.index("of") - 1] if "of" in ws[1:] else ws[-1]


class Coref:
    """Entity links for the mentions of one document (PERSON and ORG entities only).

    ``skip`` are spans (quotations) whose words are not the writer's: a name inside a quotation
    is no antecedent for a pronoun outside it.
    """

    def __init__(self, text: str, entities: Sequence[Entity], skip: Sequence[Span] = ()) -> None:
        self._text = text
        self._skip, self._skip_starts = skip, [q.start for q in skip]
        found: list[tuple[int, int, Entity]] = []
        for e in entities:
            if e.type not in ("PERSON", "ORG"):
                continue
            for m in e.mentions:
                if not (self._quoted(m.start) or byline(text, m)):
                    found.append((m.start, m.end, e))
        found.sort(key=lambda t: (t[0], t[1]))
        self._mentions = found
        self._starts = [t[0] for t in found]
        self._roles: dict[str, list[tuple[int, Entity]]] = defaultdict(list)
        self._role_at: dict[int, frozenset[str]] = {}
        self._surnames: dict[str, list[tuple[int, Entity]]] = defaultdict(list)
        self._name_words: dict[str, list[tuple[int, Entity]]] = defaultdict(list)
        surnames: dict[str, set[str]] = {}  # per entity, once: a name may have many spellings
        name_words: dict[str, set[str]] = {}
        for start, _, e in found:
            if e.id not in name_words:
                name_words[e.id] = _name_words(e)
            for w in name_words[e.id]:
                self._name_words[w].append((start, e))
        for start, end, e in found:
            if e.type != "PERSON":
                continue
            role = self._role_words(start, end)
            for w in role:
                self._roles[w].append((start, e))
            if role:
                self._role_at[start] = role
            if e.id not in surnames:
                names = (e.name, *e.aliases)
                surnames[e.id] = {n.lower().split()[-1] for n in names if n.split()}
            for surname in surnames[e.id]:
                self._surnames[surname].append((start, e))
        self._gender = _genders(text, found, skip)

    def _role_words(self, start: int, end: int) -> frozenset[str]:
        """Title words written next to a person's name: "Foreign Minister Berg", "Berg, the
        minister,"."""
        text = self._text
        found = _role_before(text[max(0, start - _ROLE_REACH) : start])
        after = _ROLE_AFTER.match(text, end, min(len(text), end + 80))
        if after:
            found |= {w.lower() for w in _WORD.findall(after.group(1))}
        return frozenset(found - _not_role_words())

    def near(self, lo: int, hi: int) -> list[tuple[Span, Entity]]:
        """Named mentions (outside ``skip``) that start in ``[lo, hi)``, in text order."""
        i, j = bisect.bisect_left(self._starts, lo), bisect.bisect_left(self._starts, hi)
        return [(Span(s, e), ent) for s, e, ent in self._mentions[i:j]]

    def resolve(self, mention: Span) -> Entity | None:
        """The entity ``mention`` refers to, or None when the rules are not sure."""
        if not self._mentions:
            return None
        surface = self._text[mention.start : mention.end]
        head = _head(surface, mention)
        found = self._overlapping(head) or self._named_last(mention)
        if found:
            return found if _names(found, self._text[head.start : head.end]) else None
        ws = [w.lower() for w in _WORD.findall(surface)]
        if not ws:
            return None
        if len(ws) == 1 and ws[0] in PRONOUNS:
            if ws[0] == "who":
                return self._who(mention.start)
            return self._pronoun(mention.start, ws[0], _CHAIN)
        noun = _head_word(ws)
        if ws[0] in _DETERMINERS and _AGE.fullmatch(noun):  # "the 52-year-old"
            return self._person(mention.start)
        if ws[0] in _DETERMINERS and noun in _written():  # "the statement read"
            return self._author(mention.start)
        if ws[0] in _DETERMINERS and noun in _org_nouns() and noun not in _role_nouns():
            return self._organisation(surface, mention.start)
        if ws[0] in _DETERMINERS:
            return self._by_role(noun, mention) if noun in _role_nouns() else None
        if surface[:1].isupper():
            return self._by_surname(ws[-1], mention.start) or self._by_role(noun, mention)
        return None

    def _by_role(self, noun: str, mention: Span) -> Entity | None:
        """The person last written with this role word, or named right after the role ("The
        minister, Anna Berg, said"). An organisation noun ("the company") is not linked to the
        nearest organisation: on real news that names the wrong one as often as the right one."""
        after = mention.end + 2
        if self._text[mention.end : after] == ", " and noun in self._role_at.get(after, ()):
            k = bisect.bisect_left(self._starts, after)
            return self._mentions[k][2]
        seen = self._roles.get(noun)
        if seen:
            k = bisect.bisect_left(seen, mention.start, key=lambda t: t[0]) - 1
            if k >= 0:
                return seen[k][1]
        return None

    def _named_last(self, mention: Span) -> Entity | None:
        """A person named at the end of a longer mention: "Secretary of State Anna Berg"."""
        for span, e in reversed(self.near(mention.start, mention.end)):
            if e.type == "PERSON" and mention.end - span.end <= 2:
                return e
        return None

    def gender(self, entity: Entity) -> str | None:
        """ "m" or "f" when the text shows a person's gender (a title, the pronoun after a
        mention), else None."""
        return self._gender.get(entity.id)

    def _organisation(self, surface: str, pos: int) -> Entity | None:
        """ "The company", "the record label": the nearest body named earlier with that noun
        ("the committee" after "the Harbour Committee", "the production company" after "Ode
        Productions"), whatever type the tagger gave it, else the organisation that is the
        subject of its sentence or the one before. A capitalised word ("the French ministry")
        or a longer phrase names another body."""
        ws = surface.split()
        if len(ws) > 3 or any(w[:1].isupper() for w in ws[1:]):
            return None
        named = self._named_with([_stem(w) for w in ws[1:]], pos)
        return named or self._subject(pos, ("ORG",), None, "it", 0)

    def _named_with(self, keys: list[str], pos: int) -> Entity | None:
        """The entity last mentioned before ``pos`` whose name holds the phrase's head noun
        (its last word) or ends with one of its modifiers ("production" for "… Productions")."""
        best: tuple[int, Entity] | None = None
        for k, key in enumerate(keys):
            seen = self._name_words.get(key if k == len(keys) - 1 else "$" + key)
            if not seen:
                continue
            i = bisect.bisect_left(seen, pos, key=lambda t: t[0]) - 1
            while i >= 0 and seen[i][1].type == "PERSON" and seen[i][1].id in self._gender:
                i -= 1  # a person the text calls "he" is no body, though named "Banks"
            if i < 0 or seen[i][0] < pos - _NAME_REACH:
                continue
            if best is None or seen[i][0] > best[0]:
                best = seen[i]
        return best[1] if best else None

    def _person(self, pos: int) -> Entity | None:
        """A person described, not named ("the 52-year-old"): the subject of its sentence or the
        one before, else the last person named."""
        found = self._subject(pos, ("PERSON",), None, "", 0)
        return found if found is not None else self._before(pos, ("PERSON",), None)

    def _quoted(self, pos: int) -> bool:
        """Whether ``pos`` falls inside a quotation (or another span to skip)."""
        i = bisect.bisect_right(self._skip_starts, pos) - 1
        return i >= 0 and self._skip[i].start <= pos < self._skip[i].end

    def _author(self, pos: int, chain: int = _CHAIN) -> Entity | None:
        """Who wrote "the statement": the one last said to have issued a statement ("Harbour
        Trust said in a statement", "a statement from the Trust", "The company denied it in a
        statement"): a name right after "from"/"by", else the subject of that sentence; an
        earlier "the statement" is followed back, ``chain`` times."""
        lo = max(0, pos - _PRONOUN_REACH)
        found = [
            m for m in _WRITTEN_NOUN.finditer(self._text, lo, pos) if not self._quoted(m.start())
        ]
        if not found:
            return None
        last = found[-1]
        if _THE.search(self._text, max(0, last.start() - 4), last.start()):
            return self._author(last.start(), chain - 1) if chain else None
        by = _FROM.match(self._text, last.end(), pos)
        if by:
            named = self.near(by.end(), by.end() + 1)
            if named and named[0][1].type in ("PERSON", "ORG"):
                return named[0][1]
        lo = max(lo, last.start() - _SUBJECT_REACH)
        ends = [m.end() for m in _SENTENCE_END.finditer(self._text, lo, last.start())]
        start = ends[-1] if ends else lo
        opening = _OPENING_PHRASE.match(self._text, start, last.start())
        if opening:
            words = opening.group(1).split()
            first = words[0].lower()
            if first in PRONOUNS and first != "who":
                return self._pronoun(opening.start(1), first, 0)
            org = next((k for k, w in enumerate(words) if w.lower() in _org_nouns()), 0)
            if first in _DETERMINERS and org:
                return self._organisation(" ".join(words[: org + 1]), opening.start(1))
        for span, e in self.near(start, last.start())[:_STEPS]:
            if e.type in ("PERSON", "ORG") and not governed(self._text, span.start):
                return e
        return None

    def _pronoun(self, pos: int, word: str, chain: int) -> Entity | None:
        """A personal pronoun's entity: the subject of its sentence or the one before, else, for
        a person, the nearest compatible one before it."""
        types, gender = PRONOUNS[word], _GENDER.get(word)
        found = self._subject(pos, types, gender, word, chain)
        if found is not None or "PERSON" not in types:
            return found  # "they", "we", "it": the subject or nobody, never the last name
        return self._before(pos, types, gender)

    def _subject(
        self, pos: int, types: tuple[str, ...], gender: str | None, word: str, chain: int
    ) -> Entity | None:
        """The subject of the pronoun's sentence, else of the sentence before: its first named
        entity of ``types`` that no preposition governs and whose gender does not clash ("Berg
        met Ode in May, and she said": Berg). A sentence opened by the same pronoun ("He left.
        Later he said") has that pronoun for subject: it is followed back, ``chain`` times."""
        window = self._text[max(0, pos - _SUBJECT_REACH) : pos]
        ends = [m.end() for m in _SENTENCE_END.finditer(window)]
        base = max(0, pos - _SUBJECT_REACH)
        bounds = [base + e for e in ends[-2:]]
        starts = [base, *bounds][-2:]
        for lo, hi in ((starts[-1], pos), (starts[0], starts[-1])):
            opening = _OPENING.match(self._text, lo, hi)
            if chain and opening and opening.group(1).lower() == word:
                return self._pronoun(opening.start(1), word, chain - 1)
            for span, e in self.near(lo, hi)[:_STEPS]:
                if not self._fits(e, types, gender) or span.end > pos:
                    continue
                if governed(self._text, span.start):
                    continue
                shown = self._gender.get(e.id)
                if gender is None or shown in (None, gender):
                    return e
        return None

    def _who(self, pos: int) -> Entity | None:
        """The name "who" follows ("Anna Berg, who said"), not one further back ("a Trust
        officer who said" is no Trust)."""
        i = bisect.bisect_left(self._starts, pos) - 1
        if i < 0:
            return None
        _, end, e = self._mentions[i]
        return e if end <= pos and _WHO_GAP.fullmatch(self._text, end, pos) else None

    def _fits(self, e: Entity, types: tuple[str, ...], gender: str | None) -> bool:
        """Whether an entity can be what a pronoun of ``types`` and ``gender`` stands for: one of
        those types, or, for "he"/"she", any entity the text itself gives that gender (a person
        the tagger took for an organisation is still "he")."""
        return e.type in types or (gender is not None and self._gender.get(e.id) == gender)

    def _before(self, pos: int, types: tuple[str, ...], gender: str | None) -> Entity | None:
        """The nearest entity of ``types`` before ``pos``; for a gendered pronoun, the nearest
        person the text shows with that gender, else the nearest whose gender it does not show."""
        i = bisect.bisect_left(self._starts, pos) - 1
        stop = max(-1, i - _STEPS)
        unknown = None
        while i > stop and self._mentions[i][0] >= pos - _PRONOUN_REACH:
            _, end, e = self._mentions[i]
            if end <= pos and self._fits(e, types, gender):
                shown = self._gender.get(e.id)
                if gender is None or shown == gender:
                    return e
                if shown is None and unknown is None:
                    unknown = e
            i -= 1
        return unknown

    def _overlapping(self, mention: Span) -> Entity | None:
        i = bisect.bisect_left(self._starts, mention.end) - 1
        stop = max(-1, i - _STEPS)
        while i > stop and self._mentions[i][0] >= mention.start - 200:
            start, end, e = self._mentions[i]
            if start < mention.end and mention.start < end:
                return e
            i -= 1
        return None

    def _by_surname(self, surname: str, pos: int) -> Entity | None:
        """The nearest earlier person whose name ends like a bare name mention ("Berg")."""
        seen = self._surnames.get(surname)
        if not seen:
            return None
        k = bisect.bisect_left(seen, pos, key=lambda t: t[0]) - 1
        return seen[k][1] if k >= 0 and seen[k][0] >= pos - _NAME_REACH else None


def _genders(
    text: str, mentions: Sequence[tuple[int, int, Entity]], skip: Sequence[Span]
) -> dict[str, str]:
    """Each entity's gender as the text shows it, whatever its tagged type: a courtesy title
    before a mention ("Ms. Berg"), and the first "he" or "she" after a mention in its sentence,
    before any other name or quotation ("Berg said she …"); the majority wins, ties show
    nothing."""
    votes: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for k, (start, end, e) in enumerate(mentions):
        if e.type != "PERSON" and governed(text, start):
            continue  # "a doctor at the Infirmary, he said": the pronoun is the doctor's
        title = _WORD.findall(text[max(0, start - 6) : start])
        if title and title[-1].lower() in _TITLE_GENDER:
            votes[e.id][_TITLE_GENDER[title[-1].lower()] == "f"] += 1
        stop = mentions[k + 1][0] if k + 1 < len(mentions) else len(text)
        window = _PRONOUN_WINDOW.split(text[end : min(stop, end + _GENDER_REACH)])[0]
        pronoun = _GENDERED.search(window)
        if pronoun:
            votes[e.id][_GENDER[pronoun.group().lower()] == "f"] += 1
    return {eid: "m" if m > f else "f" for eid, (m, f) in votes.items() if m != f}


def _stem(word: str) -> str:
    """A name word as an organisation noun matches it: lower case, no plural "s"."""
    w = word.lower()
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w


def _name_words(entity: Entity) -> set[str]:
    """The keys an organisation noun finds an entity by: every word of its names that is an
    organisation noun ("Harbour Committee": "committee"), and its names' last words marked
    "$" ("Ode Productions": "$production"), which a modifier ("the production company") may
    name."""
    out: set[str] = set()
    for name in (entity.name, *entity.aliases):
        ws = [_stem(w) for w in _WORD.findall(name)]
        out |= {w for w in ws if w in _org_nouns()}
        if len(ws) > 1:
            out.add("$" + ws[-1])
    return out


def byline(text: str, mention: Span) -> bool:
    """Whether a name stands in a byline ("By Ann Lee and Tom Ode", "Reporting by Ann Lee"), a
    short line of its own: the writer of the article is no antecedent and no speaker."""
    line_start = text.rfind("\n", max(0, mention.start - _BYLINE), mention.start) + 1
    if line_start == 0 and mention.start > _BYLINE:
        return False  # a long line
    line_end = text.find("\n", mention.end, mention.end + _BYLINE)
    if line_end < 0 and len(text) - mention.end > _BYLINE:
        return False
    return _BY.match(text, line_start, mention.start) is not None


def governed(text: str, start: int) -> bool:
    """Whether a preposition governs the name at ``start`` ("of the Trust", "with Berg")."""
    before = [w.lower() for w in _WORD.findall(text[max(0, start - 24) : start])]
    while before and before[-1] in _DETERMINERS:
        before.pop()
    return bool(before) and before[-1] in _PREPOSITIONS


def _names(entity: Entity, head: str) -> bool:
    """Whether the entity found under a mention is the one it names: a name the tagger cut short
    ("Jim" for "Rep. Jim Hale") is not; the mention names its speaker better."""
    ws = _WORD.findall(head)
    if len(ws) < 2 or not all(w[:1].isupper() for w in ws):
        return True
    last = re.sub(r"[’']s$", "", ws[-1]).lower()
    names = (entity.name, *entity.aliases)
    return any(last in (w.lower() for w in _WORD.findall(n)) for n in names)


def _head(surface: str, mention: Span) -> Span:
    """The part of a mention that names someone: "the Secretary General of the Alliance" is the
    secretary, "Berg’s campaign" the campaign, "Berg’s spokesman Tom Ode" Ode."""
    start, end = 0, len(surface)
    of = surface.find(" of ")
    if of > 0:
        end = of
    owner = max(surface.rfind("’s ", 0, end), surface.rfind("'s ", 0, end))
    if owner > 0:
        start = owner + 3
    return Span(mention.start + start, mention.start + end)


def _role_before(window: str) -> set[str]:
    """Role words just before a name: "Secretary General of the League, " or "Foreign Minister "."""
    clause = _CLAUSE_BREAK.split(window)[-1]
    if clause.rstrip().endswith(","):
        found = _WORD.findall(clause.rstrip()[:-1].split(",")[-1])
        return {w.lower() for w in found} if len(found) <= _ROLE_WORDS else set()
    lead: list[str] = []
    for w in reversed(_WORD.findall(clause)):
        if not w[:1].isupper():
            break
        lead.append(w.lower())
    return set(lead)


def display_name(text: str, mention: Span) -> str | None:
    """A name as a reader wants it from a mention no entity backs: "TV host Tom Ode" is Tom Ode,
    "Rep. Tom Ode" Tom Ode, "the Harbour Trust" Harbour Trust; None when the mention is not a
    name."""
    ws = text[mention.start : mention.end].split()
    kind = mention_kind(text, mention)
    if kind == "other" and len(ws) > 1 and ws[0].lower() == "the":
        if not all(w[:1].isupper() for w in ws[1:]):
            return None
        ws = ws[1:]  # "the Harbour Trust"
    elif kind != "name":
        return None
    lower = [k for k, w in enumerate(ws) if w[:1].islower() and w not in ("of", "de", "van", "von")]
    if lower and lower[-1] + 1 < len(ws):
        ws = ws[lower[-1] + 1 :]
    while len(ws) > 1 and is_honorific(ws[0]):
        ws = ws[1:]
    if ws[-1][:1].islower() or (len(ws) == 1 and _common_word(ws[0].lower())):
        return None  # "One nurse said", "Some called it “…”", "Lately, …": no name
    return " ".join(ws)
