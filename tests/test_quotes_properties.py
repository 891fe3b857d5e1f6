"""Bad input for the quote analyser: it must not crash, must stay linear, and every span it
returns must be valid."""

from __future__ import annotations

import re
import sys
from types import FrameType

from conftest import line_blocks
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.analysis.model import Entity, Sentence
from reader.analysis.quotes import find_quotes
from reader.analysis.tokens import tokenize
from reader.document.model import Block, Span

MARKS = "“”‘’\"'«»‹›„"
PIECES = st.sampled_from(
    [
        *MARKS,
        " ",
        "\n",
        ",",
        ".",
        ":",
        "said",
        "He",
        "the minister",
        "Ana Ruiz",
        "told",
        "according to",
        "don’t",
        "’90s",
        "—",
        "―",
        "(R-Ohio)",
        "=",
        "x",
        "HOST: ",
        "’’",
        "''",
        '. " ',
    ]
)


def paragraphs_of(text: str) -> list[Span]:
    return [b.span for b in line_blocks(text)]


def sentences_of(paragraphs: list[Span]) -> list[Sentence]:
    """Whole paragraphs as sentences, with no tokens: the analyser must not depend on them."""
    return [Sentence(p, ()) for p in paragraphs]


def check(text: str, entities: list[Entity] | None = None) -> None:
    paras = paragraphs_of(text)
    quotes = find_quotes(text, paras, sentences_of(paras), entities or [])
    ids = [q.id for q in quotes]
    assert ids == [f"Q{i + 1}" for i in range(len(quotes))]
    assert [q.span.start for q in quotes] == sorted(q.span.start for q in quotes)
    for q in quotes:
        assert 0 <= q.span.start < q.span.end <= len(text)
        assert q.text == text[q.span.start : q.span.end]
        for span in (q.cue, q.speaker.mention):
            assert span is None or 0 <= span.start < span.end <= len(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, max_size=120).map("".join))
def test_random_marks_and_words(text: str) -> None:
    check(text)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from(MARKS + " a\n.,"), max_size=400))
def test_hundreds_of_unbalanced_marks(text: str) -> None:
    check(text)


@settings(max_examples=50, deadline=None)
@given(
    st.lists(PIECES, max_size=60).map("".join),
    st.lists(st.tuples(st.integers(0, 200), st.integers(1, 20)), max_size=5),
)
def test_random_entities(text: str, raw: list[tuple[int, int]]) -> None:
    mentions = tuple(
        sorted(Span(min(s, len(text)), min(s + n, len(text))) for s, n in raw if s < len(text))
    )
    ents = [
        Entity("E1", "PERSON", "Someone", (), mentions),
        Entity("E2", "ORG", "Group", (), mentions[:1]),
    ]
    check(text, ents)


def test_one_giant_quote() -> None:
    text = "“" + "The council will vote and the city will wait. " * 2000
    paras = paragraphs_of(text)
    [q] = find_quotes(text, paras, sentences_of(paras), [])
    assert q.span == Span(0, len(text.rstrip()))


def test_quote_with_no_speaker_and_heading() -> None:
    check("Title: “Storm Hits The Coast Again”\n“The sea came over the wall in minutes.”\n")


def _lines(text: str, entities: list[Entity] | None = None) -> int:
    """Lines of the analyser's own code run on ``text``: an operation count, not a time."""
    count = 0

    def local(frame: FrameType, event: str, arg: object) -> object:
        nonlocal count
        count += event == "line"
        return local

    def tracer(frame: FrameType, event: str, arg: object) -> object:
        return local if "reader/analysis" in frame.f_code.co_filename else None

    paras = paragraphs_of(text)
    sentences = sentences_of(paras)
    sys.settrace(tracer)
    try:
        find_quotes(text, paras, sentences, entities or [])
    finally:
        sys.settrace(None)
    return count


def _people(text: str) -> list[Entity]:
    """Two people and an organisation, mentioned wherever their names occur."""

    def at(name: str) -> tuple[Span, ...]:
        return tuple(Span(m.start(), m.end()) for m in re.finditer(re.escape(name), text))

    return [
        Entity("E1", "PERSON", "Anna Berg", ("Berg",), at("Anna Berg")),
        Entity("E2", "PERSON", "Tom Ode", ("Ode",), at("Tom Ode")),
        Entity("E3", "ORG", "Harbour Trust", (), at("Harbour Trust")),
    ]


UNIT = (
    "Anna Berg, the minister, met the Harbour Trust. “We will build,” the minister said. "
    "Tom Ode said: “No.” “Yes,” she said, and the Trust called it “a start”. "
)


def test_linear_in_paragraphs_of_quotes_names_and_roles() -> None:
    small, big = (UNIT + "\n") * 20, (UNIT + "\n") * 80
    ratio = _lines(big, _people(big)) / _lines(small, _people(small))
    assert ratio < 4 * 1.2  # four times the text, about four times the work


def test_linear_with_hundreds_of_quotes_in_one_paragraph() -> None:
    small, big = UNIT * 20, UNIT * 80
    ratio = _lines(big, _people(big)) / _lines(small, _people(small))
    assert ratio < 4 * 1.2


def test_a_5_mb_single_line_has_valid_spans() -> None:
    text = "The council met and “we will rebuild,” the mayor said; “the plan” ‘waits. " * 70_000
    check(text)


def test_unbalanced_marks_in_one_long_paragraph() -> None:
    text = "“ " * 20_000 + "” " * 20_000 + '" ' * 20_000
    check(text)


@settings(max_examples=60, deadline=None)
@given(st.lists(PIECES, max_size=80).map("".join))
def test_with_the_real_sentence_splitter(text: str) -> None:
    paras = paragraphs_of(text)
    sentences, _ = tokenize(text, [Block("paragraph", p) for p in paras])
    quotes = find_quotes(text, paras, sentences, [])
    for q in quotes:
        assert (
            0 <= q.span.start < q.span.end <= len(text)
            and q.text == text[q.span.start : q.span.end]
        )


def test_many_tiny_lowercase_sentences_stay_linear() -> None:
    text = "“a, b said.” x " * 5_000
    paras = paragraphs_of(text)
    sentences = [Sentence(Span(i, min(i + 5, len(text))), ()) for i in range(0, len(text), 5)]
    quotes = find_quotes(text, paras, sentences, [])
    assert len(quotes) == 5_000


def test_a_question_and_answer_transcript() -> None:
    text = "Q: Why now?\nA: “Because we can,” she said.\nQ: And then?\nA: We wait.\n" * 200
    check(text)


def test_quotes_inside_quotes_and_an_unclosed_last_quote() -> None:
    text = "“She said ‘no’ and he said “yes” and ‘maybe “later”’,” Ann Lee said.\n" * 50
    check(text + "The last word: “and then nothing")
    paras = paragraphs_of(text)
    quotes = find_quotes(text, paras, sentences_of(paras), [])
    assert len(quotes) == 50


def test_linear_on_a_transcript_and_on_unbalanced_marks() -> None:
    for unit in (
        "HOST: Why now?\nANN LEE: “Because,” she said, “we can.”\n",
        "“ a ” ‘ b \" c ' d « ",
    ):
        assert _lines(unit * 800) / _lines(unit * 200) < 4 * 1.2


def test_a_quotation_continued_over_hundreds_of_paragraphs() -> None:
    """One quotation reopened paragraph after paragraph: one quote a paragraph, each with the
    speaker of the first, and the work grows with the text."""
    text = (
        "Anna Berg said: “It starts here.\n"
        + "“It goes on, and on.\n" * 400
        + "“It ends here, at last.”"
    )
    check(text, _people(text))
    paras = paragraphs_of(text)
    quotes = find_quotes(text, paras, sentences_of(paras), _people(text))
    assert len(quotes) == 402 and {q.speaker.name for q in quotes} == {"Anna Berg"}
    small, big = "“It goes on, and on.\n" * 200, "“It goes on, and on.\n" * 800
    assert (
        _lines("Anna Berg said: “Yes.\n" + big) / _lines("Anna Berg said: “Yes.\n" + small)
        < 4 * 1.2
    )


def test_linear_on_one_long_line_with_mixed_marks() -> None:
    unit = '“We rebuild,’’ Anna Berg said. " The plan," she said; “it waits’’ and ‘so’ do we. '
    assert (
        _lines(unit * 800, _people(unit * 800)) / _lines(unit * 200, _people(unit * 200)) < 4 * 1.2
    )


def test_linear_on_one_sentence_of_scare_quotes() -> None:
    """Hundreds of cue-less short quotations in one sentence: each looks back a bounded way."""
    unit = "the “odd” and “new” plans, "
    line = "The claim was that " + unit * 200, "The claim was that " + unit * 800
    assert _lines(line[1]) / _lines(line[0]) < 4 * 1.2
