"""How a timeline date reads to a person: "24 February 2022" rather than the ISO value "2022-02-24".

The analysis keeps TIMEX3 values (sortable, exact, what the JSON holds); ``Timex.words`` words
them, for the app as for the text report. A value the article never anchored ("XXXX-WXX-2",
Tuesday of an unknown week) is best named by the words the article used for it, which the caller
passes in.
"""

from __future__ import annotations


def describe(value: str, words: str = "", recurring: bool = False) -> str:
    """``value`` in words; ``words`` (the expression as written) stands in for what is unknown."""
    # Imported here: the analysis package loads its models, and the app paints before them.
    from reader.analysis.timex import describe as in_words

    return in_words(value, words, recurring)
