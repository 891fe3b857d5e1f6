"""Named entities: tagging, consistency passes and grouping of mentions into entities.

Pure and thread-safe: the model loads once, lazily, behind a lock (``tagger.get_tagger``).
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.analysis.entities.consistency import propagate
from reader.analysis.entities.gazetteer import HONORIFICS, NOT_ALONE
from reader.analysis.entities.grouping import Mention, group
from reader.analysis.entities.tagger import bio_spans, get_tagger
from reader.analysis.model import Entity, EntityType, Sentence
from reader.document.model import Span

TYPES: dict[str, EntityType] = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
# Tokens a mention never starts or ends with: possessive endings and bare punctuation.
_EDGE = frozenset({"'s", "’s", "'S", "’S", "'", "’"})
# Capitalised at the start of a sentence, these words never begin a name (none does in CoNLL).
_NOT_FIRST = frozenset(
    ["since", "thus", "that", "this", "these", "those", "then", "when", "while", "although", "though", "because", "however", "moreover", "meanwhile", "therefore", "also", "yet", "still", "months", "years", "weeks", "days", "hours", "decades", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "hundred", "hundreds", "thousands", "millions", "dozens", "several", "many", "few", "his", "her", "their", "its", "our", "my", "your", "we", "they", "he", "she", "it", "you", "who", "what", "which", "where", "why", "how", "after", "before", "during"]
)
# Words that make a name a place whatever the tagger thought: "River Ouse", "Lake Geneva", "Rhone
# Glacier" ("Gulf War" and "Faroe Islands", a football team, stay what the tagger said).
_PLACE_FIRST = frozenset(["river", "lake", "mount"])
_PLACE_LAST = frozenset(
    ["river", "lake", "sea", "ocean", "mountains", "valley", "strait", "peninsula", "desert", "canal", "creek", "glacier"]
)
# Words no name ends with: "Summit of Heads of State and" lost its last word, not these.
_NOT_LAST = frozenset(["and", "of", "the", "for", "&", "de", "in", "on", "at", "to"])


def is_honorific(word: str) -> bool:
    """Whether ``word`` is an honorific that may stand before a name ("Sen.", "Councillor")."""
    return word.lower().rstrip(".") in HONORIFICS


def lines(text: str, sentences: Sequence[Sentence]) -> list[list[Span]]:
    """Token runs to tag: sentences, cut where a line break falls between tokens (headline,
    dateline, list item); a run without letters that the sentence splitter cut off (an opening
    quote, a list number "1 .") joins the sentence after it."""
    out: list[list[Span]] = []
    current: list[Span] = []
    for sent in sentences:
        for k, tok in enumerate(sent.tokens):
            if current and (
                "\n" in text[current[-1].end : tok.start]
                or (k == 0 and any(c.isalpha() for t in current for c in text[t.start : t.end]))
            ):
                out.append(current)
                current = []
            current.append(tok)
    if current:
        out.append(current)
    return out


def _title_case(words: Sequence[str]) -> bool:
    """A headline in Title Case ("Biden And Scholz Pledge More Help"), where case says little."""
    long = [w for w in words if w.isalpha() and len(w) >= 4]
    return (
        len(long) >= 3
        and all(w[0].isupper() for w in long)
        and not any(c.isdigit() or c == "," for w in words for c in w)
    )


def _trim(text: str, toks: Sequence[Span], person: bool = False) -> Span | None:
    """The mention's span without possessive endings or punctuation at its edges (but with a
    closing bracket whose opening one it holds), and for a person without a leading title."""

    def bare(t: Span) -> bool:
        word = text[t.start : t.end]
        return word in _EDGE or not any(c.isalnum() for c in word)

    def closes(k: int) -> bool:  # a bracket closing one the mention opened: "Mladost ( BJ )"
        return text[toks[k].start : toks[k].end] == ")" and any(
            text[t.start : t.end] == "(" for t in toks[a:k]
        )

    a, b = 0, len(toks)
    while a < b and (
        bare(toks[a])
        or text[toks[a].start : toks[a].end].lower() in _NOT_FIRST
        or (person
        and b - a > 1
        and is_honorific(text[toks[a].start : toks[a].end]))
    ):
        a += 1
    while b > a and (
        (bare(toks[b - 1])
        and not closes(b - 1))
        or text[toks[b - 1].start : toks[b - 1].end] in _NOT_LAST
    ):
        b -= 1
    if a == b or (person and b - a == 1 and is_honorific(text[toks[a].start : toks[a].end])):
        return None  # nothing left, or a title alone ("Councillor" tagged apart from the name after it)
    end = toks[b - 1].end
    if text[end - 2 : end] in ("'s", "’s") and end - 2 > toks[a].start:
        end -= 2
    return Span(toks[a].start, end)


def is_place(name: str, typ: EntityType) -> bool:
    """Whether a name the tagger typed otherwise is a river, lake or mountain ("River Ouse" as an
    organisation, "Ouse River" as a person); "River Phoenix" the actor keeps the type it was given."""
    words = name.lower().split()
    return len(words) > 1 and (
        (typ == "ORG"
        and words[0] in _PLACE_FIRST)
        or (typ in ("ORG", "PERSON")
        and words[-1] in _PLACE_LAST)
    )


def find_entities(text: str, sentences: Sequence[Sentence]) -> list[Entity]:
    """Entities of ``text`` sorted by first mention, with ids E1, E2… in that order."""
    toks = lines(text, sentences)
    words = [[text[t.start : t.end] for t in line] for line in toks]
    if words and _title_case(words[0]):  # tag a Title Case headline as the capitals it resembles
        words[0] = [w.upper() for w in words[0]]
    tags = get_tagger().tag(words)
    propagate(words, tags)
    mentions = []
    for line, ts in zip(toks, tags):
        for a, b, typ in bio_spans(ts):
            span = _trim(text, line[a:b], typ == "PER")
            if span is not None and text[span.start : span.end] not in NOT_ALONE:
                surface = text[span.start : span.end]
                mentions.append(
                    Mention(span, "LOC" if is_place(surface, TYPES[typ]) else TYPES[typ], surface)
                )
    return group(mentions)
