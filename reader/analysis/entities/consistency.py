"""Document-wide consistency: a name tagged in one place is tagged wherever it recurs.

The tagger can miss a repeat of a name it found elsewhere ("Velikova" alone, after "Marta Velikova")
when the local context is weak. Here every untagged capitalised repeat of a found name, or of the
surname of a found person, gets the type the name has most often in the document, unless the
document also writes the word in lower case (then it is likely a common word: "May", "Bill"). An
untagged near spelling of a person's surname ("Zelensky" beside "Zelenskiy") becomes a person too.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from reader.analysis.entities.grouping import NEAR, similar_names
from reader.analysis.entities.tagger import bio_spans


def known_names(
    words: Sequence[Sequence[str]], tags: Sequence[Sequence[str]]
) -> dict[tuple[str, ...], str]:
    """Each tagged name (and each person's surname) with its most frequent type."""
    seen: dict[tuple[str, ...], Counter[str]] = {}
    for ws, ts in zip(words, tags):
        for a, b, typ in bio_spans(ts):
            seen.setdefault(tuple(ws[a:b]), Counter())[typ] += 1
            if typ == "PER" and b - a > 1:
                seen.setdefault((ws[b - 1],), Counter())[typ] += 1
    return {name: c.most_common(1)[0][0] for name, c in seen.items()}


def propagate(words: Sequence[Sequence[str]], tags: Sequence[list[str]]) -> None:
    """Tag, in place, the untagged repeats of names found elsewhere in the document."""
    names = known_names(words, tags)
    lower = {w for ws in words for w in ws if w.islower()}
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for name in sorted(names, key=len, reverse=True):
        if name[0][:1].isupper() and (len(name) > 1 or name[0].lower() not in lower):
            by_first.setdefault(name[0], []).append(name)
    last = dict.fromkeys(n[-1] for n, typ in names.items() if typ == "PER" and len(n[-1]) >= 5)
    surnames: dict[str, list[str]] = {}  # a person's last name, by its initial
    for surname in last:
        surnames.setdefault(surname[0], []).append(surname)
    # Bounded, so that a page of thousands of names stays linear in time.
    surnames = {k: v[:NEAR] for k, v in surnames.items()}
    by_first = {k: v[:NEAR] for k, v in by_first.items()}
    for ws, ts in zip(words, tags):
        i = 0
        while i < len(ws):
            w = ws[i]
            if (
                ts[i] == "O"
                and w[:1].isupper()
                and w.lower() not in lower
                and any(similar_names(w, s) for s in surnames.get(w[0], ()))
            ):
                ts[i] = "B-PER"  # a spelling variant of a person's name: "Zelensky", "Zelenskiy"
                i += 1
                continue
            for name in by_first.get(ws[i], ()) if ts[i] == "O" else ():
                n = len(name)
                if tuple(ws[i : i + n]) == name and all(t == "O" for t in ts[i : i + n]):
                    typ = names[name]
                    ts[i : i + n] = ["B-" + typ] + ["I-" + typ] * (n - 1)
                    i += n - 1
                    break
            i += 1
