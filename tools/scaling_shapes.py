"""Texts of a given size in the shapes that once made an analyser super-linear.

Shared by tools/bench_scaling.py (times at 100-800 KB) and tests/test_linearity.py (operation
counts at a few KB). Every name and sentence is invented.
"""

from __future__ import annotations

import random

from bench_foundation import make_article

SYLLABLES = ["al", "ber", "cor", "dan", "el", "fin", "gor", "hal", "is", "jor", "kel", "lun"]


def _prose(size: int) -> str:
    """The sample articles repeated, cut at the last sentence end before ``size``."""
    text = make_article(size)
    return text[: text.rfind(". ", 0, size) + 1]


def _repeat(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit))


def _capitalised(size: int) -> str:
    rng = random.Random(7)
    words = [
        "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).title()
        for _ in range(3000)
    ]
    out, total = [], 0
    while total < size:
        line = " ".join(rng.choice(words) for _ in range(12)) + "\n"
        out.append(line)
        total += len(line)
    return "".join(out)


def _names(size: int) -> str:
    """A roster: every sentence names new people, so the entities to group grow with the text."""
    rng = random.Random(3)

    def word() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(3)).title()

    out, total = [], 0
    while total < size:
        out.append(f"{word()} {word()} met {word()} {word()} on Monday. ")
        total += len(out[-1])
    return "".join(out)


SHAPES = {
    "prose": lambda n: (_prose(n), "text"),
    "dates": lambda n: (_repeat("It rained in May 2008 ", n), "text"),
    "capitalised": lambda n: (_capitalised(n), "text"),
    "names": lambda n: (_names(n), "text"),
    "quotes": lambda n: (_repeat('"Fine," said Ana Ruiz. "No" and “yes” and " then ', n), "text"),
    "one-line": lambda n: (_prose(n).replace("\n", " "), "text"),
    "short-paragraphs": lambda n: (_repeat("Ana Ruiz spoke on Monday.\n\n", n), "text"),
    "html-paragraphs": lambda n: (
        "<html><body>" + _repeat("<p>Ana spoke.</p>", n) + "</body></html>",
        "html",
    ),
}
