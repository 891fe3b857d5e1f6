"""Sentence splitting in bounded pieces: a line of any length keeps its sentences and entities."""

from __future__ import annotations

import itertools

from conftest import ARTICLES
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis.entities import find_entities
from reader.analysis.nltk_parts import NLTKWordTokenizer, WordTokenizer
from reader.analysis.sentences import PIECE, pieces
from reader.analysis.tokens import tokenize
from reader.document.model import Block, Span

SENTENCE = "Ana Ruiz met the mayor of Porto on Tuesday. "


def test_a_five_megabyte_line_is_cut_at_sentence_ends_into_bounded_pieces():
    """NLTK's regex timeout is never reached: Punkt sees pieces of at most ``PIECE`` characters."""
    line = SENTENCE * 120_000  # 5.3 MB on one line
    cuts = list(pieces(line, Span(0, len(line))))
    assert cuts[0].start == 0 and cuts[-1].end == len(line)
    assert all(a.end == b.start for a, b in itertools.pairwise(cuts))
    assert all(len(c) <= PIECE for c in cuts)
    assert all(line[c.end - 2 : c.end] == ". " for c in cuts[:-1])


def test_text_with_no_sentence_end_or_no_space_is_still_cut():
    words = "word " * 3_000
    assert all(words[c.end - 1] == " " for c in list(pieces(words, Span(0, len(words))))[:-1])
    spaceless = "x" * 12_001
    assert [len(c) for c in pieces(spaceless, Span(0, 12_001))] == [PIECE, PIECE, 2_001]


def test_a_long_line_keeps_its_sentences_and_entities():
    line = SENTENCE * 2_000
    sentences, _ = tokenize(line, (Block("paragraph", Span(0, len(line))),))
    assert len(sentences) == 2_000
    assert {line[s.span.start : s.span.end] for s in sentences} == {SENTENCE.strip()}
    names = {e.name for e in find_entities(line, sentences)}
    assert {"Ana Ruiz", "Porto"} <= names


PIECES = [
    *"ab A.,;:'\"“”‘’()[]{}<>-–—?!$%&@#0 1\t`…",
    "can",
    "not",
    "n't",
    "'s",
    "gonna",
    "--",
    "``",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_the_word_tokenizer_on_the_standard_engine_gives_nltks_tokens(text):
    assert list(WordTokenizer().span_tokenize(text)) == list(
        NLTKWordTokenizer().span_tokenize(text)
    )


def test_the_word_tokenizer_agrees_with_nltk_on_the_sample_articles():
    for path in ARTICLES.iterdir():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                assert list(WordTokenizer().span_tokenize(line)) == list(
                    NLTKWordTokenizer().span_tokenize(line)
                )
