"""Sentences and word tokens as spans, with scraping artefacts (glued words) split.

Punkt runs with a hand-made abbreviation list (NLTK's trained ``punkt_tab`` data cannot be
downloaded here), NLTK's word tokenizer gives token spans, and words glued where a line break was
lost ("KolebaInvited", "Georgiain") are split without changing the text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from reader.analysis.model import Sentence
from reader.analysis.nltk_parts import PunktParameters, PunktSentenceTokenizer, WordTokenizer
from reader.analysis.sentences import sentence_spans
from reader.document.model import Block, Span

ABBREVIATIONS = frozenset(
    ["mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "maj", "gov", "sen", "rep", "rev", "st", "jr", "sr", "pres", "supt", "atty", "sec", "u.s", "u.k", "u.n", "e.u", "u.s.a", "d.c", "p.m", "a.m", "i.e", "e.g", "vs", "etc", "approx", "dept", "est", "fig", "mt", "ft", "no", "nos", "inc", "corp", "co", "ltd", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "ariz", "calif", "colo", "conn", "fla", "ga", "ill", "ind", "kan", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo", "del", "s.a", "n.v", "a.g", "s.p.a", "b.v"]
)

# A lower-case run followed by a capitalised word inside one token: "StoltenbergHe".
_CAMEL = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z])")
# Brands and names that are written in camel case on purpose.
_CAMEL_WORDS = frozenset(
    ["PowerPoint", "JavaScript", "HuffPost", "BuzzFeed", "WhatsApp", "LinkedIn", "BlackRock", "SoftBank", "WikiLeaks", "GoFundMe", "FaceTime", "AirPods", "MasterCard", "DreamWorks", "HarperCollins", "MySpace", "StarCraft", "SolarWinds", "CrowdStrike", "PlayStation", "GlaxoSmithKline", "ExxonMobil", "PricewaterhouseCoopers", "SmackDown", "WordPress", "SoundCloud", "DoorDash", "OnlyFans", "ChatGPT", "OpenAI", "DeepMind", "GitHub", "SharePoint", "TripAdvisor", "CinemaScope", "HubSpot"]
)
# Function words that a lost space glued to the end of a name: "Georgiain 2014".
_GLUED_SUFFIXES = ("and", "the", "from", "with", "for", "in", "on", "at", "of", "to", "by")


@lru_cache(maxsize=1)
def _sentence_tokenizer() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    return PunktSentenceTokenizer(params)


@lru_cache(maxsize=1)
def _word_tokenizer() -> WordTokenizer:
    return WordTokenizer()


def split_glued(word: str, known: Counter[str]) -> list[int]:
    """Offsets inside ``word`` where a lost line break glued two words together.

    ``known`` counts the document's tokens: "Georgiain" splits only because "Georgia" occurs on
    its own elsewhere in the same article, and a camel-cased word the article writes more than
    once ("PolitiFact") is a name, not an accident. Most words leave at the first, cheap test.
    """
    if (
        len(word) < 5
        or word.islower()
        or not word[0].isalpha()
        or word in _CAMEL_WORDS
        or known[word] > 1
    ):
        return []
    if not word[1:].islower():
        cuts = [m.start() for m in _CAMEL.finditer(word)]
        if cuts:
            return cuts
    if word[0].isupper() and word.isalpha():
        for suffix in _GLUED_SUFFIXES:
            stem = word[: -len(suffix)]
            if word.endswith(suffix) and len(stem) >= 4 and known[stem] > 0:
                return [len(stem)]
    return []


def _raw_tokens(text: str, span: Span) -> list[Span]:
    """NLTK's token spans, with a curly possessive ("Russia’s") kept as one "’s" token."""
    chunk = text[span.start : span.end]
    if "’" not in chunk:
        return [
            Span(span.start + a, span.start + b) for a, b in _word_tokenizer().span_tokenize(chunk)
        ]
    out: list[Span] = []
    for a, b in _word_tokenizer().span_tokenize(chunk):
        tok = Span(span.start + a, span.start + b)
        prev = out[-1] if out else None
        if (
            prev
            and prev.end == tok.start
            and text[prev.start : prev.end] == "’"
            and text[tok.start : tok.end] in ("s", "S")
        ):
            out[-1] = Span(prev.start, tok.end)
        else:
            out.append(tok)
    return out


def tokenize(text: str, blocks: Iterable[Block]) -> tuple[list[Sentence], list[int]]:
    """Split each block into sentences and tokens.

    Returns the sentences and the offsets of glued-word breaks. A break inside a camel-cased token
    ("personallySince") also ends the sentence, since the lost line break ended one there.
    """
    punkt = _sentence_tokenizer()
    raw: list[tuple[Span, list[Span]]] = []
    for block in blocks:
        for sent in sentence_spans(text, block.span, punkt.span_tokenize):
            raw.append((sent, _raw_tokens(text, sent)))
    known = Counter(text[t.start : t.end] for _, toks in raw for t in toks)

    sentences: list[Sentence] = []
    breaks: list[int] = []
    for sent, toks in raw:
        start, current = sent.start, []
        for tok in toks:
            word = text[tok.start : tok.end]
            piece_start = tok.start
            for cut in split_glued(word, known):
                breaks.append(tok.start + cut)
                current.append(Span(piece_start, tok.start + cut))
                piece_start = tok.start + cut
                if word[cut].isupper():  # camel-case glue: a sentence ended here
                    sentences.append(Sentence(Span(start, piece_start), tuple(current)))
                    start, current = piece_start, []
            current.append(Span(piece_start, tok.end))
        sentences.append(Sentence(Span(start, sent.end), tuple(current)))
    return sentences, breaks
