"""The whole pipeline (load → analyse) on generated texts that mix the hostile shapes: it never
raises, and every span it returns is a valid range of the document's text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.analysis.pipeline import analyse
from reader.document.errors import LoadError
from reader.document.load import from_bytes
from reader.document.model import Span

FRAGMENTS = [
    "Ana Ruiz met the mayor of Porto on Tuesday. ",
    "It rained in May 2008 ",
    "Alder Brook Cedar Dunmore Elkhart Fenwick ",
    '"Fine," said Ana Ruiz. ',
    '" ',
    "“yes” and “no ",
    "’ ",
    "last February, two weeks later, on 3 March 2021, at 8 p.m. ",
    "\n\n",
    "\n",
    "> ",
    "- ",
    "# ",
    "<p>",
    "</p>",
    "\x1b[31m",
    "Mr. ",
    "NATO’s ",
    "KolebaInvited ",
    "x" * 300,
    "word " * 60,
]


def valid(span: Span, n: int) -> bool:
    return 0 <= span.start < span.end <= n


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=120).map("".join),
    st.sampled_from(["text", "markdown", "html", None]),
)
def test_every_span_of_the_analysis_is_valid(text, kind):
    if kind == "html":
        text = f"<html><body><article>{text}</article></body></html>"
    try:
        document = from_bytes(text.encode("utf-8"), "generated", kind)
    except LoadError as err:
        assert "\n" not in str(err)
        return
    result = analyse(document)
    n = len(document.text)
    assert result.errors == ()
    for sentence in result.sentences:
        assert valid(sentence.span, n)
        assert all(sentence.span.contains(t) and t.start < t.end for t in sentence.tokens)
    assert all(0 < b < n for b in result.breaks)
    for entity in result.entities:
        assert entity.mentions and all(valid(m, n) for m in entity.mentions)
    for quote in result.quotes:
        assert (
            valid(quote.span, n) and quote.text == document.text[quote.span.start : quote.span.end]
        )
        for span in (quote.cue, quote.speaker.mention):
            assert span is None or valid(span, n)
    for time in result.times:
        assert valid(time.span, n) and time.text == document.text[time.span.start : time.span.end]
    for event in result.timeline:
        assert valid(event.event, n)
