"""Sentences and word tokens as spans, with scraping artefacts (glued words) split.

Punkt runs with a hand-made abbreviation list (NLTK's trained ``punkt_tab`` data cannot be
downloaded here), NLTK's word tokenizer gives token spans, and words glued where a line break was
lost ("VelikovaInvited", "Norwayin") are split without changing the text.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable
from functools import lru_cache

from reader.analysis.lexicons import entries, words
from reader.analysis.model import Sentence
from reader.analysis.nltk_parts import PunktParameters, PunktSentenceTokenizer, WordTokenizer
from reader.analysis.sentences import sentence_spans
from reader.document.model import Block, Span

ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "cmdr",
        "adm",
        "maj",
        "gov",
        "sen",
        "rep",
        "rev",
        "st",
        "jr",
        "sr",
        "pres",
        "supt",
        "atty",
        "sec",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
        "u.s.a",
        "d.c",
        "p.m",
        "a.m",
        "i.e",
        "e.g",
        "vs",
        "etc",
        "approx",
        "dept",
        "est",
        "fig",
        "mt",
        "ft",
        "no",
        "nos",
        "inc",
        "corp",
        "co",
        "ltd",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "ariz",
        "calif",
        "colo",
        "conn",
        "fla",
        "ga",
        "ill",
        "ind",
        "kan",
        "ky",
        "la",
        "md",
        "mass",
        "mich",
        "minn",
        "miss",
        "mo",
        "mont",
        "neb",
        "nev",
        "okla",
        "ore",
        "pa",
        "tenn",
        "tex",
        "va",
        "vt",
        "wash",
        "wis",
        "wyo",
        "del",
        "s.a",
        "n.v",
        "a.g",
        "s.p.a",
        "b.v",
    ]
)

# A lower-case run followed by a capitalised word inside one token: "HalvorsenShe".
_CAMEL = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z])")
_TWO_NAMES = re.compile(r"[A-Z][a-z]+(?=[A-Z][a-z]+$)")  # "TomVinter": where the first one ends
_INITIALS = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")  # "j.r" of "J.R.", as Punkt asks (no last dot)
_CAMEL_WORDS = words("camel_case_words")  # brands written in camel case on purpose
_GLUED_SUFFIXES = entries("glued_suffixes")  # function words glued to a name: "Norwayin"
_NOT_GLUE_AFTER = ("#", "@", "/", ".")  # hashtags, handles, paths and domains are written joined


class _Abbreviations(set[str]):
    """``ABBREVIATIONS`` and any letters joined by full stops: initials written without spaces
    ("J.R. Velm", "A.B.") end no sentence, as Punkt would otherwise end one after them."""

    def __contains__(self, typ: object) -> bool:
        return super().__contains__(typ) or (
            isinstance(typ, str) and _INITIALS.fullmatch(typ) is not None
        )


@lru_cache(maxsize=1)
def _sentence_tokenizer() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = _Abbreviations(ABBREVIATIONS)
    return PunktSentenceTokenizer(params)


@lru_cache(maxsize=1)
def _word_tokenizer() -> WordTokenizer:
    return WordTokenizer()


def split_glued(
    word: str,
    known: Counter[str],
    case: Callable[[str], str],
    first_name: Callable[[str], bool] = lambda part: False,
) -> list[int]:
    """Offsets inside ``word`` where a lost line break glued two words together.

    A split needs evidence, since real pages are full of names written joined on purpose:
    ``known`` counts the document's tokens in lower case, ``case`` gives a word's case class in
    unlabelled text ("" if unseen, "L" for a common lower-case word: ``features.case_class``).
    - "TomHalvorsen": a known ``first_name`` glued to a word the article writes alone;
    - "HalvorsenShe": the part after the cut occurs in the article as a word, and so does the part
      before it, or the part after it is a common word (a sentence start glued to a name); a
      camel-cased brand ("TechCrunch") rarely meets this, and the known ones never split;
    - "quietlySince": two common words joined at a case change;
    - "Norwayin": a function word glued to a word the article writes alone, when the whole is no
      word of its own ("Within" stays whole).
    A word the article writes more than once ("PolitiFact") is a name, not an accident.
    Most words leave at the first, cheap test.
    """
    lower = word.lower()
    if (
        len(word) < 5
        or word.islower()
        or not word[0].isalpha()
        or word in _CAMEL_WORDS
        or known[lower] > 1
    ):
        return []
    if not word[1:].islower():
        two = _TWO_NAMES.match(word)
        if two and first_name(lower[: two.end()]) and known[lower[two.end() :]] > 0:
            return [two.end()]
        cuts = [m.start() for m in _CAMEL.finditer(word)]
        parts = [lower[a:b] for a, b in zip([0, *cuts], [*cuts, len(word)])]
        if cuts and (
            all(case(p) == "L" for p in parts)
            if word[0].islower()
            else all(
                known[right] > 0 and (known[left] > 0 or case(right) == "L")
                for left, right in itertools.pairwise(parts)
            )
        ):
            return cuts
        return []
    if word[0].isupper() and word.isalpha() and not case(lower):
        for suffix in _GLUED_SUFFIXES:
            stem = lower[: -len(suffix)]
            if lower.endswith(suffix) and len(stem) >= 4 and known[stem] > 0:
                return [len(stem)]
    return []


def _raw_tokens(text: str, span: Span) -> list[Span]:
    """NLTK's token spans. The tokenizer knows only straight apostrophes, so it reads a copy with
    curly ones straightened (one character for one: the offsets hold): "Don’t" splits as "Don't"
    does, into "Do" and "n’t", and "Russia’s" into "Russia" and "’s"."""
    chunk = text[span.start : span.end].replace("’", "'")
    out: list[tuple[int, int]] = []
    for a, b in _word_tokenizer().span_tokenize(chunk):
        # "AT&T", "PG&E": an ampersand between capitals, with no space, stays inside the word.
        if (
            len(out) > 1
            and chunk[out[-1][0] : out[-1][1]] == "&"
            and out[-2][1] == out[-1][0]
            and out[-1][1] == a
            and chunk[out[-2][1] - 1].isupper()
            and chunk[a].isupper()
        ):
            out[-2:] = [(out[-2][0], b)]
        else:
            out.append((a, b))
    return [Span(span.start + a, span.start + b) for a, b in out]


def case_class_of(word: str) -> str:
    """The case class of a lower-cased word in the entity model's table ("" if unseen); the
    model loads only when a document has a candidate glued word."""
    from reader.analysis.entities.tagger import get_tagger

    return get_tagger().case_class(word)


def first_name_of(word: str) -> bool:
    """Whether a lower-cased word is a first name on the entity model's gazetteer."""
    from reader.analysis.entities.tagger import get_tagger

    return get_tagger().gazetteer.category([word.capitalize()]) == "FN"


def tokenize(text: str, blocks: Iterable[Block]) -> tuple[list[Sentence], list[int]]:
    """Split each block into sentences and tokens.

    Returns the sentences and the offsets of glued-word breaks. A break before a capitalised
    common word ("quietlySince") also ends the sentence, since the lost line break ended one
    there; a name glued to a name ("NoraVinter") stays in its sentence.
    """
    punkt = _sentence_tokenizer()
    raw: list[tuple[Span, list[Span]]] = []
    for block in blocks:
        for sent in sentence_spans(text, block.span, punkt.span_tokenize):
            raw.append((sent, _raw_tokens(text, sent)))
    known = Counter(text[t.start : t.end].lower() for _, toks in raw for t in toks)

    sentences: list[Sentence] = []
    breaks: list[int] = []
    for sent, toks in raw:
        start, current = sent.start, []
        for tok in toks:
            word = text[tok.start : tok.end]
            piece_start = tok.start
            glue = text[tok.start - 1 : tok.start] not in _NOT_GLUE_AFTER
            cuts = split_glued(word, known, case_class_of, first_name_of) if glue else []
            for cut, end in zip(cuts, [*cuts[1:], len(word)]):
                breaks.append(tok.start + cut)
                current.append(Span(piece_start, tok.start + cut))
                piece_start = tok.start + cut
                if word[cut].isupper() and case_class_of(word[cut:end].lower()) == "L":
                    # a common word glued at a capital ("HalvorsenShe"): a sentence ended here
                    sentences.append(Sentence(Span(start, piece_start), tuple(current)))
                    start, current = piece_start, []
            current.append(Span(piece_start, tok.end))
        sentences.append(Sentence(Span(start, sent.end), tuple(current)))
    return sentences, breaks
