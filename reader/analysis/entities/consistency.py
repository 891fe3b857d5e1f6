"""Document-wide consistency: a name tagged in one place is tagged wherever it recurs.

The tagger can miss a repeat of a name it found elsewhere ("Velikova" alone, after "Marta Velikova")
when the local context is weak. Here every untagged capitalised repeat of a found name, or of the
surname of a found person, gets the type the name has most often in the document, unless the
document also writes the word in lower case (then it is likely a common word: "May", "Bill"). An
untagged near spelling of a person's surname ("Zelensky" beside "Zelenskiy") becomes a person too.
An organisation's name ending in a head word ("Velo Sound Records") also tags its short form ("Velo
Sound"), and both are tagged where the tagger found only names inside them.
Then ``complete`` joins the fragments of one name that the tagger left apart.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reader.analysis.entities.grouping import NEAR, similar_names
from reader.analysis.entities.tagger import bio_spans

SHORT = 5  # the longest short form of an organisation's name, in words


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


def short_forms(
    names: dict[tuple[str, ...], str],
    head: Callable[[str], bool],
    listed: Callable[[Sequence[str]], bool],
) -> dict[tuple[str, ...], str]:
    """Short forms of organisations' names ending in a ``head`` word: their first two words or
    more, all capitalised ("Velo Sound" of "Velo Sound Records"), unless tagged as another name
    in the document or ``listed`` as one ("New York" of "New York Stock Exchange")."""
    out: dict[tuple[str, ...], str] = {}
    for name, typ in names.items():
        if typ != "ORG" or len(name) < 3 or not head(name[-1]):
            continue
        for k in range(2, min(len(name), SHORT + 1)):
            short = name[:k]
            capitalised = all(w[:1].isupper() and w.isalpha() for w in short)
            if capitalised and short not in names and not listed(short):
                out[short] = "ORG"
    return out


def propagate(
    words: Sequence[Sequence[str]],
    tags: Sequence[list[str]],
    head: Callable[[str], bool],
    listed: Callable[[Sequence[str]], bool],
) -> None:
    """Tag, in place, the untagged repeats of names found elsewhere in the document, and the
    short forms of organisations' names (``short_forms``)."""
    names = known_names(words, tags)
    shorts = short_forms(names, head, listed)
    whole = {n for n, typ in names.items() if typ == "ORG" and len(n) > 1 and head(n[-1])}
    whole |= shorts.keys()
    names |= shorts
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
            for name in by_first.get(ws[i], ()) if ts[i][0] in "OB" else ():
                n = len(name)
                if tuple(ws[i : i + n]) == name and _retaggable(ts, i, n, name in whole):
                    typ = names[name]
                    ts[i : i + n] = ["B-" + typ] + ["I-" + typ] * (n - 1)
                    i += n - 1
                    break
            i += 1


def _retaggable(ts: Sequence[str], i: int, n: int, whole: bool) -> bool:
    """Whether the words at ``i:i+n`` may be tagged as one name found elsewhere: untagged, or,
    when the name is an organisation's whole name or short form (``whole``), partly untagged
    with only names inside it ("Velo" of "Velo Sound" tagged alone, or "Sound Records" without
    its first word)."""
    inside = ts[i : i + n]
    if all(t == "O" for t in inside):
        return True
    return (
        whole
        and "O" in inside
        and inside[0][0] != "I"
        and (i + n == len(ts) or ts[i + n][0] != "I")
    )


@dataclass(frozen=True, slots=True)
class WordTests:
    """What completing a name asks of a word; the caller answers from the model and word lists."""

    head: Callable[[str], bool]  # ends organisation names in training: "Records", "Council"
    of_head: Callable[[str], bool]  # stands before "of" in them: "University", "Ministry"
    first_name: Callable[[str], bool]
    known: Callable[[str], str]  # the type training data gives the word, "" if none
    common: Callable[[str], bool]  # written in lower case in running text: "Prime", "The"
    stop: Callable[[str], bool]  # never inside a name: months, roles, nationalities
    evidence: Callable[[str], bool]  # a name even at a sentence start


def _joins(word: str, tag: str, typ: str, t: WordTests) -> bool:
    """Whether an untagged ``word`` may join a name of type ``typ`` beside it: capitalised (each
    part, when hyphenated: not "Party-led"), letters and ".-'", not a stop word, not known from
    training as a name of another type ("Corsican" after a party's name)."""
    return (
        tag == "O"
        and any(c.islower() for c in word)
        and all(c.isalpha() or c in ".-'" for c in word)
        and all(part[:1].isupper() for part in word.split("-"))
        and not t.stop(word)
        and t.known(word) in ("", "O", typ)
    )


def _completed(
    ws: Sequence[str], ts: Sequence[str], a: int, b: int, typ: str, t: WordTests
) -> tuple[int, int, str] | None:
    """The span and type name ``ws[a:b]`` completes to, or None if it stays as it is."""
    end = b  # words known as organisations' may lead on to a head: "Halden Police Department"
    while end < len(ws) and any(_joins(ws[end], ts[end], k, t) for k in (typ, "ORG")):
        end += 1
    while end > b and t.common(ws[end - 1]) and not t.head(ws[end - 1]):
        end -= 1
    start = a
    while (
        start > 0
        and _joins(ws[start - 1], ts[start - 1], typ, t)
        and not t.common(ws[start - 1])
        and (start > 1 or t.evidence(ws[0]))
        and (typ != "PER" or t.first_name(ws[start - 1]))
    ):
        start -= 1
    grown = t.head(ws[end - 1]) and (end > b or typ == "ORG")
    if grown and start > 0 and ts[start - 1][2:] in ("PER", "ORG", "LOC"):
        start -= 1  # the name before it too: "Westfield Magistrates Court"
        while ts[start][0] == "I":
            start -= 1
    if not grown:
        if end > b and all(len(w) == 2 and w.endswith(".") for w in ws[a:b]):
            return a, end, typ  # initials are never all of a name: "J. R. Ostrander"
        if typ == "PER" and start < a and end == b:
            return start, end, "PER"  # "Tom Reyes" from "Reyes"
        if typ != "ORG":
            return None  # a name and a word is rarely all of a name: "Lisbon Tram"
        start, end = a, b  # nor "Acme Pro"
    if t.of_head(ws[end - 1]):
        end = _of_name(ws, ts, end, t)
    return (start, end, "ORG") if (start, end) != (a, b) else None


def _of_name(ws: Sequence[str], ts: Sequence[str], end: int, t: WordTests) -> int:
    """Where an organisation's name ending in an ``of_head`` word at ``end`` ends with "of" and
    the name after it ("University of Lund", "Court of Petty Appeals"): one place or organisation
    tagged, or capitalised words."""
    k = end + 1
    if k >= len(ws) or ws[end] != "of":
        return end
    if ts[k] in ("B-LOC", "B-ORG"):
        k += 1
        while k < len(ws) and ts[k][0] == "I":
            k += 1
        return k
    while k < len(ws) and _joins(ws[k], ts[k], "ORG", t):
        k += 1
    return k if k > end + 1 else end


def complete(words: Sequence[Sequence[str]], tags: Sequence[list[str]], t: WordTests) -> None:
    """Complete, in place, tagged names over the untagged capitalised words of their run.

    A capitalised word the tagger left out of a name splits it into fragments ("Harwell Keck
    Observatory" as "Harwell" and "Observatory"). A tagged person, organisation or place grows over
    the capitalised words beside it (``_joins``; common words only inside, never at a sentence
    start without evidence) when the run then ends in an organisation's head word: it becomes
    an organisation, with a name tagged just before it ("Westfield Magistrates Court"), and with
    "of" and the name after it when its last word often stands before "of" in organisations'
    names ("University of Lund"). A person also grows to the left over first names, and initials
    tagged alone over the words after them.
    """
    for ws, ts in zip(words, tags):
        for a, b, typ in bio_spans(ts):
            fresh = ts[a] == "B-" + typ  # not grown over by a name before it
            found = _completed(ws, ts, a, b, typ, t) if typ != "MISC" and fresh else None
            if found is not None:
                start, end, new = found
                ts[start:end] = ["B-" + new] + ["I-" + new] * (end - start - 1)


def bracketed(
    words: Sequence[Sequence[str]], tags: Sequence[list[str]], stop: Callable[[str], bool]
) -> None:
    """Tag, in place, an untagged word of two to five capitals alone in brackets as an
    organisation, right after an organisation's name (its acronym: "Grain Council of Halden
    ( GCH )") or after the places of a dateline (its agency: "HALDEN , Norway ( VNA ) —"); not a
    ``stop`` word ("( SEP )")."""
    for ws, ts in zip(words, tags):
        ends = {b: typ for _, b, typ in bio_spans(ts)}  # the type of the name ending at each end
        dateline = True  # only places and commas so far
        for i in range(2, len(ws) - 1):
            dateline = dateline and (ts[i - 2][2:] == "LOC" or ws[i - 2] == ",")
            w, before = ws[i], ends.get(i - 1, "")
            if (
                ts[i] == "O"
                and ws[i - 1] == "("
                and ws[i + 1] == ")"
                and (before == "ORG" or (before == "LOC" and dateline))
                and 2 <= len(w) <= 5
                and w.isalpha()
                and w.isupper()
                and not stop(w)
            ):
                ts[i] = "B-ORG"


def acronym_names(words: Sequence[Sequence[str]], tags: Sequence[list[str]], t: WordTests) -> None:
    """Grow, in place, an organisation tagged as one word in capitals over the capitalised words
    after it ("VTC Sound Reports", "GBN Sports"): an acronym opens a longer name more often than
    it stands beside another. Not over a stop word ("VTC Chairman") nor the words before one
    ("VTC Farm Commissioner"), nor a common word training always leaves outside names ("VTC
    Results"); a word known as another kind of name ends no such name ("VTC Velonian")."""
    for ws, ts in zip(words, tags):
        for a, b, typ in bio_spans(ts):
            if typ != "ORG" or b - a != 1 or not (ws[a].isupper() and ws[a].isalpha()):
                continue
            end = b
            while (
                end < len(ws)
                and ts[end] == "O"
                and ws[end].isalpha()
                and ws[end][:1].isupper()
                and not ws[end].isupper()
                and not t.stop(ws[end])
                and t.known(ws[end]) in ("", "O", "ORG", "MISC")
                and not (t.known(ws[end]) == "O" and t.common(ws[end]))
            ):
                end += 1
            while end > b and t.known(ws[end - 1]) == "MISC":
                end -= 1
            role = end < len(ws) and ws[end][:1].isupper() and t.stop(ws[end])
            if not role:  # "VTC Farm Commissioner": words before a title or role are its own
                ts[b:end] = ["I-ORG"] * (end - b)
