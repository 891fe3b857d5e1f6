"""Sentences and tokens: spans into the text, glued words split without changing the text."""

from __future__ import annotations

import itertools
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
    for prev, sent in itertools.pairwise(sentences):
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


def test_initials_written_without_spaces_end_no_sentence():
    from reader.document.load import from_bytes

    doc = from_bytes(b"The club signed T.J. Velmar and A.B.C. Ode. Both start today.", "x", None)
    sentences, _ = tokenize(doc.text, doc.blocks)
    assert [doc.text[s.span.start : s.span.end] for s in sentences] == [
        "The club signed T.J. Velmar and A.B.C. Ode.",
        "Both start today.",
    ]
    words = [doc.text[t.start : t.end] for t in sentences[0].tokens]
    assert "T.J." in words and "A.B.C." in words


def case(word: str) -> str:
    """A stand-in case table: these few words are common lower-case words."""
    return "L" if word in {"within", "invited", "he", "since", "personally", "crunch"} else ""


def test_camel_case_names_are_not_split():
    known = Counter({"koleba": 1, "invited": 1, "tech": 1})
    for word in ("McDonald", "YouTube", "iPhone", "DeSantis", "PowerPoint", "MacArthur", "Georgia"):
        assert split_glued(word, known, case) == []
    assert split_glued("TechCrunch", known, case) == []  # a brand: "crunch" is nowhere else


def test_glued_words_need_evidence():
    known = Counter({"koleba": 1, "invited": 1, "he": 3, "georgia": 1, "nora": 1, "vinter": 1})
    assert split_glued("KolebaInvited", known, case) == [6]  # both parts occur as words
    assert split_glued("KolebaInvited", Counter(), case) == []  # nothing says so
    assert split_glued("StoneHe", known, case) == [5]  # a common word glued to a name
    assert split_glued("NoraVinter", known, case) == [4]
    assert split_glued("personallySince", Counter(), case) == [10]  # two common words
    assert split_glued("Georgiain", known, case) == [7]
    assert split_glued("Berlin", Counter({"berl": 0}), case) == []
    assert split_glued("Within", Counter({"with": 4, "in": 9}), case) == []  # a word of its own
    # a short first name glued to a surname the article writes alone
    assert split_glued("TomVinter", known, case, lambda w: w == "tom") == [3]
    assert split_glued("TomVinter", known, case) == []  # "Tom" is no name known
    assert split_glued("NowThis", Counter({"this": 5}), case, lambda w: w == "tom") == []


def test_a_camel_cased_word_written_twice_is_a_name():
    known = Counter({"politifact": 2, "politi": 1, "fact": 1})
    assert split_glued("PolitiFact", known, case) == []
    known["politifact"] = 1
    assert split_glued("PolitiFact", known, case) == [6]  # once, and both parts occur: a lost break


def test_hashtags_and_handles_are_not_glued_words():
    from reader.document.load import from_bytes

    doc = from_bytes(
        b"Nora Vinter wrote #NoraVinter and @NoraVinter about Nora and Vinter.", "x", None
    )
    _, breaks = tokenize(doc.text, doc.blocks)
    assert breaks == []
    doc = from_bytes(b"Nora Vinter spoke. Later NoraVinter was seen.", "x", None)
    assert tokenize(doc.text, doc.blocks)[1] == [doc.text.index("Vinter was")]


def test_curly_and_straight_apostrophes_tokenize_alike():
    from reader.document.load import from_bytes

    def words(raw: str) -> list[str]:
        doc = from_bytes(raw.encode(), "x", None)
        sents, _ = tokenize(doc.text, doc.blocks)
        return [doc.text[t.start : t.end].replace("’", "'") for s in sents for t in s.tokens]

    for text in ("Don't go to Norland's shore, we can't.", "It's Ada's turn; she'd won."):
        assert words(text) == words(text.replace("'", "’"))
    assert words("Don’t stop.")[:2] == ["Do", "n't"]


def test_an_ampersand_between_capitals_stays_inside_the_word():
    from reader.document.load import from_bytes

    doc = from_bytes(b"Shares of KL&M rose, and Ada & Bo met at R & D.", "x", None)
    sents, _ = tokenize(doc.text, doc.blocks)
    words = [doc.text[t.start : t.end] for s in sents for t in s.tokens]
    assert "KL&M" in words and words.count("&") == 2
