"""Linking a local speaker mention ("he", "the minister", "Kuleba") to an entity.

The rules prefer no answer to a wrong one: a name links to the entity it is a mention of, a
pronoun to the nearest person (organisation, for "they"/"we"/"it") named before it outside any
quotation, and a title to the nearest entity earlier introduced with that title
("Secretary General of NATO, Jens Stoltenberg" makes "the secretary general" Stoltenberg), or
named right after it ("The prime minister, Keir Starmer, said").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from reader.analysis.entities import is_honorific
from reader.analysis.model import Entity, Speaker
from reader.analysis.quotes.lexicon import (
    COURTESY_TITLES,
    DETERMINERS,
    PERSONAL_PRONOUNS,
    STOPS,
    SUBJECT_PRONOUNS,
)
from reader.document.model import Span

_PRONOUN_REACH = 2000  # characters back to look for a pronoun's antecedent
_NAME_REACH = 20_000  # characters back to look for the full name of a bare surname
_ROLE_REACH = 80
_CLAUSE_BREAK = re.compile(r"[.;:!?\n“”\"(]")
_ROLE_AFTER = re.compile(r"^,\s+((?:[\w’'-]+\s+){0,6}?[\w’'-]+),")
_WORD = re.compile(r"[\w’'-]+")


class Resolver:
    """Entity links for speaker mentions of one document."""

    def __init__(self, text: str, entities: Sequence[Entity], quotes: Sequence[Span]) -> None:
        self._text = text
        starts = [q.start for q in quotes]
        found: list[tuple[int, int, Entity]] = []
        for e in entities:
            if e.type not in ("PERSON", "ORG"):
                continue
            for m in e.mentions:
                i = bisect.bisect_right(starts, m.start) - 1
                if not (i >= 0 and quotes[i].start <= m.start < quotes[i].end):
                    found.append((m.start, m.end, e))
        found.sort(key=lambda t: (t[0], t[1]))
        self._mentions = found
        self._starts = [t[0] for t in found]
        self._roles = self._collect_roles()

    def _collect_roles(self) -> list[tuple[int, frozenset[str], Entity]]:
        """Title words written next to a person's name: "Foreign Minister Kuleba", "X, the senator,"."""
        text, roles = self._text, []
        for start, end, e in self._mentions:
            if e.type != "PERSON":
                continue
            words = _role_before(text[max(0, start - _ROLE_REACH) : start])
            after = _ROLE_AFTER.match(text[end : end + 80])
            if after:
                words |= {w.lower() for w in _WORD.findall(after.group(1))}
            words -= STOPS | DETERMINERS | COURTESY_TITLES
            if words:
                roles.append((start, frozenset(words), e))
        return roles

    def _before(self, pos: int, types: tuple[str, ...], reach: int) -> Entity | None:
        i = bisect.bisect_left(self._starts, pos) - 1
        while i >= 0 and self._mentions[i][0] >= pos - reach:
            if self._mentions[i][1] <= pos and self._mentions[i][2].type in types:
                return self._mentions[i][2]
            i -= 1
        return None

    def _overlapping(self, mention: Span) -> Entity | None:
        i = bisect.bisect_left(self._starts, mention.end) - 1
        while i >= 0 and self._mentions[i][0] >= mention.start - 200:
            start, end, e = self._mentions[i]
            if start < mention.end and mention.start < end:
                return e
            i -= 1
        return None

    def entity(self, mention: Span) -> Entity | None:
        """The entity ``mention`` refers to, or None when the rules are not sure."""
        if not self._mentions:
            return None
        surface = self._text[mention.start : mention.end]
        head = _head(surface, mention)
        found = self._overlapping(head)
        if found:
            return found if _names(found, self._text[head.start : head.end]) else None
        words = [w.lower() for w in _WORD.findall(surface)]
        if not words:
            return None
        if len(words) == 1 and words[0] in SUBJECT_PRONOUNS:
            if words[0] == "who":
                return self._before(mention.start, ("PERSON", "ORG"), 40)
            types = (
                ("PERSON",) if words[0] in PERSONAL_PRONOUNS else ("ORG",)
            )  # "they" is rarely one person
            return self._before(mention.start, types, _PRONOUN_REACH)
        head = words[words.index("of") - 1] if "of" in words[1:] else words[-1]
        for start, role, e in reversed(self._roles):
            appositive = (
                self._text[mention.end : start] == ", "
            )  # "The prime minister, Keir Starmer, said"
            if (start < mention.start or appositive) and head in role:
                return e
        if self._text[mention.start : mention.start + 1].isupper() and words[0] not in DETERMINERS:
            return self._by_surname(words[-1], mention.start)
        return None

    def _by_surname(self, surname: str, pos: int) -> Entity | None:
        """The nearest earlier person whose name ends like a bare name mention ("Lopez")."""
        i = bisect.bisect_left(self._starts, pos) - 1
        while i >= 0 and self._mentions[i][0] >= pos - _NAME_REACH:
            e = self._mentions[i][2]
            if e.type == "PERSON" and any(
                n.lower().split()[-1:] == [surname] for n in (e.name, *e.aliases)
            ):
                return e
            i -= 1
        return None


def _names(entity: Entity, head: str) -> bool:
    """Whether the entity found under a mention is the one it names: a name the tagger cut short
    ("Jim" for "Rep. Jim McDermott", "Le" for "Le Pen") is not; the mention names its speaker better."""
    words = _WORD.findall(head)
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return True
    last = re.sub(r"[’']s$", "", words[-1]).lower()
    return any(
        last in (w.lower() for w in _WORD.findall(n)) for n in (entity.name, *entity.aliases)
    )


def _head(surface: str, mention: Span) -> Span:
    """The part of a mention that names the speaker: "the Secretary General of NATO" is the
    secretary, "Trump’s campaign" the campaign, "Clinton’s spokesman Brian Fallon" Fallon."""
    start, end = 0, len(surface)
    of = surface.find(" of ")
    if of > 0:
        end = of
    owner = max(surface.rfind("’s ", 0, end), surface.rfind("'s ", 0, end))
    if owner > 0:
        start = owner + 3
    return Span(mention.start + start, mention.start + end)


def _role_before(window: str) -> set[str]:
    """Role words just before a name: "Secretary General of NATO, " or "Foreign Minister "."""
    clause = _CLAUSE_BREAK.split(window)[-1]
    if clause.rstrip().endswith(","):
        return {w.lower() for w in _WORD.findall(clause.rstrip()[:-1].split(",")[-1])}
    words = _WORD.findall(clause)
    lead: list[str] = []
    for w in reversed(words):
        if not w[:1].isupper():
            break
        lead.append(w.lower())
    return set(lead)


def speaker(text: str, mention: Span | None, entity: Entity | None) -> Speaker:
    """The Speaker record: the entity's display name, else the mention itself when it is a name."""
    if entity is not None:
        return Speaker(entity.id, entity.name, mention)
    if mention is None:
        return Speaker()
    words = text[mention.start : mention.end].split()
    first = words[0].lower() if words else ""
    is_name = (
        first[:1].isalpha()
        and words[0][:1].isupper()
        and first not in DETERMINERS | SUBJECT_PRONOUNS
    )
    lower = [
        k for k, w in enumerate(words) if w[:1].islower() and w not in ("of", "de", "van", "von")
    ]
    if lower and lower[-1] + 1 < len(words):
        words = words[lower[-1] + 1 :]  # "MSNBC host Chris Matthews" is Chris Matthews
    while len(words) > 1 and is_honorific(words[0]):
        words = words[1:]  # "Rep. Jim McDermott" is Jim McDermott
    return Speaker(None, " ".join(words) if is_name else None, mention)
