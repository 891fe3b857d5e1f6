"""Re-anchoring highlights after the text changes (Hypothesis edits texts around them)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.document.model import Span
from reader.store.anchor import CONTEXT, FUZZY_MIN, place, quote

WORDS = st.text(alphabet="abcdefgh ", min_size=0, max_size=300)
UPPER = ["Kelm", "Lorq", "Mast", "Nuro", "Pilk", "Quent", "Rosk", "Stal", "Trop", "Oxen"]
MARKED = st.lists(st.sampled_from(UPPER), min_size=2, max_size=12).map(" ".join)  # not in WORDS


@given(before=WORDS, exact=MARKED, after=WORDS, added=WORDS, dropped=st.integers(0, 200))
@settings(max_examples=200, deadline=None)
def test_edits_outside_a_highlight_move_it_with_its_text(before, exact, after, added, dropped):
    text = before + exact + after
    old = Span(len(before), len(before) + len(exact))
    cut = min(dropped, len(before))
    new_before = added + before[cut:]
    new = new_before + exact + after + added
    span = place(new, quote(text, old), old)
    assert span == Span(len(new_before), len(new_before) + len(exact))


@given(before=WORDS, exact=MARKED, after=WORDS, copies=st.integers(1, 3))
@settings(max_examples=100, deadline=None)
def test_of_several_copies_the_one_with_the_same_surroundings_wins(before, exact, after, copies):
    """Other copies of the quote appear earlier, with other surroundings; the original is found."""
    head = "".join(f"x{i}" + exact + f"y{i}" for i in range(copies))
    text = before + "<" + exact + ">" + after
    old = Span(len(before) + 1, len(before) + 1 + len(exact))
    new = head + text
    span = place(new, quote(text, old), Span(0, 0))
    assert span == Span(len(head) + old.start, len(head) + old.end)


@given(
    before=WORDS,
    exact=st.lists(st.sampled_from(UPPER), min_size=5, max_size=10, unique=True).map(" ".join),
    after=WORDS,
    where=st.integers(0, 10_000),
    swap=st.sampled_from("klmnopqrst"),
)
@settings(max_examples=200, deadline=None)
def test_a_small_edit_inside_a_highlight_is_matched_fuzzily(before, exact, after, where, swap):
    """Prose, not a phrase repeated over and over (difflib's matching is greedy)."""
    text = before + exact + after
    old = Span(len(before), len(before) + len(exact))
    i = where % len(exact)
    edited = exact[:i] + swap + exact[i + 1 :]
    new = "zz " + before + edited + after
    span = place(new, quote(text, old), old)
    assert span is not None
    assert span.overlaps(Span(len(before) + 3, len(before) + 3 + len(edited)))
    assert len(span) >= FUZZY_MIN * len(exact)


@given(before=WORDS, exact=MARKED, after=WORDS)
@settings(max_examples=100, deadline=None)
def test_a_highlight_whose_text_is_gone_is_orphaned(before, exact, after):
    text = before + exact + after
    old = Span(len(before), len(before) + len(exact))
    assert place(before + after, quote(text, old), old) is None


def test_a_quote_keeps_context_characters_either_side():
    text = "a" * 50 + "HIGHLIGHT" + "b" * 50
    q = quote(text, Span(50, 59))
    assert (q.exact, q.prefix, q.suffix) == ("HIGHLIGHT", "a" * CONTEXT, "b" * CONTEXT)


def test_a_moved_paragraph_is_found_far_from_where_it_was():
    text = "intro. " * 40 + "The bridge will close in the spring for repairs." + " outro." * 40
    old = Span(280, 280 + 48)
    moved = "The bridge will close in spring for repairs." + " outro." * 40 + " intro." * 40
    span = place(moved, quote(text, old), old)
    assert span is not None and moved[span.start : span.end].startswith("The bridge")
