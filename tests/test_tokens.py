"""Sentences and tokens: spans into the text, glued words split without changing the text."""

from __future__ import annotations

from collections import Counter

from conftest import SEED

from reader.analysis.tokens import split_glued, tokenize
from reader.document.load import load


def test_glued_words_split_and_end_sentences_where_a_line_break_was_lost():
    doc = load(str(SEED))
    sentences, breaks = tokenize(doc.text, doc.blocks)
    starts = {doc.text[s.span.start : s.span.start + 12] for s in sentences}
    assert {"Invited to B", "He replied t", "Since April "} <= starts
    glued = {doc.text[b - 2 : b + 2] for b in breaks}
    assert glued == {"lySi", "baIn", "rgHe", "iain"}
    tokens = [doc.text[t.start : t.end] for s in sentences for t in s.tokens]
    assert "Georgia" in tokens and "Koleba" in tokens and "Stoltenberg" in tokens
    assert "Russia’s" not in tokens and "’s" in tokens


def test_every_token_lies_inside_its_sentence_and_sentences_are_ordered():
    doc = load(str(SEED))
    sentences, _ = tokenize(doc.text, doc.blocks)
    for prev, sent in zip(sentences, sentences[1:]):
        assert prev.span.end <= sent.span.start
    for sent in sentences:
        assert all(sent.span.start <= t.start < t.end <= sent.span.end for t in sent.tokens)


def test_abbreviations_do_not_end_sentences():
    from reader.document.load import from_bytes

    doc = from_bytes(
        b"Mr. Smith met Gen. Jones in the U.S. capital on Jan. 5. They talked.", "x", None
    )
    sentences, _ = tokenize(doc.text, doc.blocks)
    assert [doc.text[s.span.start : s.span.end] for s in sentences] == [
        "Mr. Smith met Gen. Jones in the U.S. capital on Jan. 5.",
        "They talked.",
    ]
    doc = from_bytes(b"Shares of Cofinec S.A. plunged. Del. Stacey Plaskett spoke.", "x", None)
    sentences, _ = tokenize(doc.text, doc.blocks)
    assert [doc.text[s.span.start : s.span.end] for s in sentences] == [
        "Shares of Cofinec S.A. plunged.",
        "Del. Stacey Plaskett spoke.",
    ]


def test_camel_case_names_are_not_split():
    known = Counter()
    for word in ("McDonald", "YouTube", "iPhone", "DeSantis", "PowerPoint", "MacArthur", "Georgia"):
        assert split_glued(word, known) == []
    assert split_glued("KolebaInvited", known) == [6]
    assert split_glued("Georgiain", Counter({"Georgia": 1})) == [7]
    assert split_glued("Berlin", Counter({"Berl": 0})) == []


def test_a_camel_cased_word_written_twice_is_a_name():
    assert split_glued("PolitiFact", Counter({"PolitiFact": 2})) == []
    assert split_glued("PolitiFact", Counter({"PolitiFact": 1})) == [
        6
    ]  # once: it could be a lost break
