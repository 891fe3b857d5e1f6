"""Property tests: any bytes either load into a consistent Document or give a one-line LoadError."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis.tokens import tokenize
from reader.document.errors import LoadError
from reader.document.load import from_bytes


def check(doc) -> None:
    n = len(doc.text)
    assert not any(ord(c) < 32 and c not in "\n\t" for c in doc.text)
    ends = 0
    for block in doc.blocks:
        assert ends <= block.span.start < block.span.end <= n
        ends = block.span.end
    sentences, breaks = tokenize(doc.text, doc.blocks)
    for sent in sentences:
        assert all(sent.span.start <= t.start < t.end <= sent.span.end for t in sent.tokens)
    assert all(0 < b < n for b in breaks)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000), st.sampled_from([None, "text", "markdown"]))
def test_any_bytes(data, kind):
    try:
        check(from_bytes(data, "x", kind))
    except LoadError as err:
        assert "\n" not in str(err)


@settings(max_examples=150, deadline=None)
@given(
    st.text(alphabet=st.characters(codec="utf-8"), max_size=2000),
    st.sampled_from([None, "text", "markdown", "html"]),
)
def test_any_text(text, kind):
    try:
        doc = from_bytes(text.encode("utf-8"), "x", kind)
    except LoadError as err:
        assert "\n" not in str(err)
        return
    check(doc)
    if kind == "text" and "\r" not in text and not text.startswith("\ufeff"):
        assert len(doc.text) == len(text)
