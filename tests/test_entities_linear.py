"""Linear time on hostile input: a page of thousands of distinct capitalised words.

No timing here: the guard counts the Python and C function calls that tokenizing and finding
entities make (``sys.setprofile``) on a text and on one twice as long; a super-linear step (a scan
over every name seen so far for every new name) shows as a ratio well above two.
"""

from __future__ import annotations

import sys
from itertools import product

from reader.analysis.entities import find_entities
from reader.analysis.tokens import tokenize
from reader.document.model import Block, Span

SYLLABLES = ["ka", "lo", "ren", "vi", "mu", "sel", "dar", "po", "ti", "nak", "ber", "sho"]


def invented_names(n: int) -> list[str]:
    """``n`` distinct capitalised words made of invented syllables ("Kalorenvi")."""
    out = []
    for parts in product(SYLLABLES, repeat=4):
        out.append("".join(parts).capitalize())
        if len(out) == n:
            return out
    raise ValueError(n)


def page(n: int) -> str:
    """A page of ``n`` capitalised words: people, places and firms no list knows."""
    names = invented_names(n)
    lines = []
    for k in range(0, n - 3, 4):
        a, b, c, d = names[k : k + 4]
        lines.append(f"{a} {b} met {c} in {d} on Tuesday, and {b} said so.")
    return "\n".join(lines) + "\n"


def calls(text: str) -> int:
    """Function calls made while tokenizing ``text`` and finding its entities."""
    blocks = [Block("paragraph", Span(0, len(text)))]
    find_entities(text, tokenize(text, blocks)[0])  # warm up: model loading is not counted
    count = 0

    def profile(frame, event, arg):
        nonlocal count
        count += event in ("call", "c_call")

    sys.setprofile(profile)
    try:
        find_entities(text, tokenize(text, blocks)[0])
    finally:
        sys.setprofile(None)
    return count


def test_entities_stay_linear_in_the_number_of_distinct_names():
    small, large = calls(page(1200)), calls(page(2400))
    assert large / small < 2.3, (small, large)


def test_hostile_page_gives_valid_spans():
    text = page(400)
    entities = find_entities(text, tokenize(text, [Block("paragraph", Span(0, len(text)))])[0])
    assert entities
    for e in entities:
        for m in e.mentions:
            assert 0 <= m.start < m.end <= len(text) and text[m.start : m.end].strip()
