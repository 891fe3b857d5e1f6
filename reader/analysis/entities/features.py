"""The tagger's feature function: one list of strings per token, shared by training and tagging.

Features are split in two: static ones (computed for a whole sentence up front, from the words,
the gazetteer and what the rest of the document shows) and the few that depend on the tags already
chosen (``tag_features``), which the decoder adds token by token.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from reader.analysis.entities.gazetteer import Gazetteer

_RUNS = re.compile(r"(.)\1\1+")
START, END = "<s>", "</s>"


@lru_cache(maxsize=65536)
def shape(word: str) -> str:
    """Word shape with runs cut to two: "Halvorsen" → "Xxx", "NATO" → "XX", "U.S." → "X.X.",
    "1996" → "dd"."""
    out = "".join(
        "X" if c.isupper() else "x" if c.islower() else "d" if c.isdigit() else c for c in word
    )
    return _RUNS.sub(r"\1\1", out)


def is_caps_line(words: Sequence[str]) -> bool:
    """A headline set in capitals, where case says nothing about names."""
    letters = [w for w in words if w[:1].isalpha()]
    return bool(letters) and all(w.isupper() for w in letters) and any(len(w) > 1 for w in letters)


@dataclass(frozen=True, slots=True)
class DocContext:
    """How the document writes its words elsewhere: the evidence a single sentence lacks."""

    lower_seen: frozenset[str]  # words written in lower case somewhere
    cap_mid: frozenset[str]  # capitalised words seen inside a (non-headline) sentence
    topic: str = ""  # a wire story's slug ("SOCCER - ..."): in sports, a city is often a team
    # Capitalised word → "p"/"f" if the document ever writes it after/before another name-like
    # word: a person is named in full at least once ("Tom Glavine"), a firm or club often never.
    joined: Mapping[str, str] = field(default_factory=dict)
    scored: frozenset[str] = frozenset()  # capitalised words followed by a bare number: teams
    # Capitalised word → the document-context features of its runs everywhere in the document
    # (``around_features``): what stands around the same name elsewhere ("the X app", "X said").
    around: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


def doc_context(sentences: Sequence[Sequence[str]]) -> DocContext:
    """Collect the document-level evidence of the first pass."""
    lower_seen: set[str] = set()
    cap_mid: set[str] = set()
    for words in sentences:
        caps = is_caps_line(words)
        lower_seen.update(w for w in words if w.islower())
        if not caps:
            cap_mid.update(w for w in words[1:] if w[:1].isupper())
    first = sentences[0] if sentences else ()
    slug = first[0].lower() if len(first) > 2 and first[1] == "-" and is_caps_line(first) else ""
    joined: dict[str, set[str]] = {}
    scored: set[str] = set()
    contexts: dict[str, tuple[Counter[str], Counter[str]]] = {}
    for words in sentences:
        if is_caps_line(words):
            continue
        lower = [w.lower() for w in words]
        for a, b in name_runs(words):
            before, after = context_word(lower, a - 1), context_word(lower, b)
            for w in words[a:b]:
                if w[:1].isupper():
                    left, right = contexts.setdefault(w, (Counter(), Counter()))
                    left[before] += bool(before)
                    right[after] += bool(after)
        name = [
            False,
            *(w[:1].isupper() and w.isalpha() and w.lower() not in lower_seen for w in words),
            False,
        ]
        for i, w in enumerate(words):
            if w[:1].isupper():
                sides = joined.setdefault(w, set())
                sides.update(("p",) * name[i] + ("f",) * name[i + 2])
                if i + 1 < len(words) and words[i + 1].isdigit():
                    scored.add(w)
    return DocContext(
        frozenset(lower_seen),
        frozenset(cap_mid),
        slug,
        {w: "".join(sorted(sides)) for w, sides in joined.items()},
        frozenset(scored),
        {w: around_features(*lr) for w, lr in contexts.items()},
    )


# Lower-case words that join the capitalised words of one name ("Bank of Canada", "A & B").
JOINERS = frozenset(["of", "&", "de", "du", "van", "von", "der", "for"])
AROUND = 3  # the most frequent words kept on each side of a word's runs in the document


def name_runs(words: Sequence[str]) -> list[tuple[int, int]]:
    """``(first, end)`` of each run of capitalised words, a ``JOINERS`` word between two of them
    included: the stretch a name may cover, whatever its words are."""
    out: list[tuple[int, int]] = []
    i, n = 0, len(words)
    while i < n:
        if not words[i][:1].isupper():
            i += 1
            continue
        j = i + 1
        while j < n and (
            words[j][:1].isupper()
            or (words[j] in JOINERS and j + 1 < n and words[j + 1][:1].isupper())
        ):
            j += 1
        out.append((i, j))
        i = j
    return out


def context_word(lower: Sequence[str], i: int) -> str:
    """The lower-cased word at ``i`` if it is a word (not punctuation, not off the sentence)."""
    return lower[i] if 0 <= i < len(lower) and lower[i][:1].isalpha() else ""


def around_features(left: Counter[str], right: Counter[str]) -> tuple[str, ...]:
    """The ``AROUND`` most frequent words before and after a word's runs in a document."""

    def top(c: Counter[str]) -> list[str]:
        return sorted((w for w, k in c.items() if k), key=lambda w: (-c[w], w))[:AROUND]

    return (*("da-=" + w for w in top(left)), *("da+=" + w for w in top(right)))


def first_pass_types(
    sentences: Sequence[Sequence[str]], labels: Sequence[Sequence[str]]
) -> dict[str, Counter[str]]:
    """Per lower-cased capitalised word, how often the first pass gave it each type ("O": none)."""
    types: dict[str, Counter[str]] = {}
    for words, tags in zip(sentences, labels):
        for w, t in zip(words, tags):
            if w[:1].isupper():
                types.setdefault(w.lower(), Counter())[t[2:] or "O"] += 1
    return types


NEIGHBOURS = (-2, -1, 1, 2)
# How often unlabelled text capitalises a word inside a sentence, as one letter: "L" almost never
# (a common word), "l" rarely, "m" about half the time, "c" mostly, "C" almost always (a name).
CASE_BOUNDS = ((0.05, "L"), (0.3, "l"), (0.7, "m"), (0.95, "c"), (1.01, "C"))


def case_class(capitalised: int, lower: int) -> str:
    """The ``CASE_BOUNDS`` letter of a word written capitalised and in lower case so many times."""
    ratio = capitalised / (capitalised + lower)
    return next(letter for bound, letter in CASE_BOUNDS if ratio < bound)


def word_features(word: str, classes: Mapping[str, str] | None = None) -> list[str]:
    """What the word itself looks like (the same wherever it stands: cached by the tagger), and
    its distributional classes (``classes``: word → "coarse/fine", learnt from unlabelled text;
    "?" for a word too rare there)."""
    lw = word.lower()
    out = [
        "w=" + word,
        "l=" + lw,
        "s=" + shape(word),
        "p3=" + lw[:3],
        "x2=" + lw[-2:],
        "x3=" + lw[-3:],
        "x4=" + lw[-4:],
    ]
    if classes is not None:
        coarse, _, fine = classes.get(word, "?/?").partition("/")
        out += ["c=" + coarse, "cf=" + fine]
    return out


def neighbour_features(
    word: str, offset: int, classes: Mapping[str, str] | None = None
) -> list[str]:
    """What a token learns from ``word`` standing ``offset`` places away (also cached)."""
    lw, s = (word, word) if word in (START, END) else (word.lower(), shape(word))
    if offset in (-1, 1):
        out = [f"l{offset:+d}={lw}", f"s{offset:+d}={s}"]
        if classes is not None:
            out.append(f"c{offset:+d}=" + classes.get(word, "?/?"))
        return out
    return [f"l{offset:+d}={lw}"]


def context_features(
    words: Sequence[str],
    doc: DocContext,
    gaz: Gazetteer,
    lex: Gazetteer | None = None,
    toks: Mapping[str, str] | None = None,
    case: Mapping[str, str] | None = None,
    case_at: str = "all",
    classes: Mapping[str, str] | None = None,
) -> list[list[str]]:
    """Features of each token that depend on its sentence and document, not on one word alone.

    ``lex`` is the learned lexicon (the names tagged in the training set, under their usual type,
    matched longest first) and ``toks`` what each capitalised word most often is in the training
    set (a type, or "O" for no name; seen for the token and its neighbours): both learnt by
    ``tools/train/entities.py``, which shows each training document only what the other documents
    say, as unseen text will see it. ``case`` says how unlabelled news text (never the labelled
    sets) writes a word inside sentences (``case_class``): the evidence that "Regardless" at a
    sentence start is a common word while an unseen "Zelvo" is a name.
    """
    lower = [w.lower() for w in words]
    gz = gaz.tags(words, lower)
    lx = lex.tags(words, lower) if lex is not None else None
    xt = (
        None
        if toks is None
        else [toks.get(lw) or "" if w[:1].isupper() else "" for w, lw in zip(words, lower)]
    )
    caps = is_caps_line(words)
    numbers = sum(1 for w in words if w[:1].isdigit())
    table = numbers >= 2 and 3 * numbers >= len(words)  # a results or prices row
    heads = [] if caps else run_heads(words, gz, xt)
    runs = [] if caps else run_features(words, lower, classes)
    pad_l = [START, *lower, END]
    pad_s = [START, *map(shape, words), END]
    pad_g = ["", *gz, ""]
    out: list[list[str]] = []
    for i, w in enumerate(words):
        lw, s = lower[i], pad_s[i + 1]
        f = [
            "b",
            "ss=" + pad_s[i] + "|" + s + "|" + pad_s[i + 2],
            "bl=" + pad_l[i] + "|" + lw,
            "br=" + lw + "|" + pad_l[i + 2],
            "ls=" + pad_l[i] + "|" + s,
            "sl=" + s + "|" + pad_l[i + 2],
        ]
        if gz[i]:
            f.append("g=" + gz[i])
        if pad_g[i]:
            f.append("g-1=" + pad_g[i])
        if pad_g[i + 2]:
            f.append("g+1=" + pad_g[i + 2])
        if lx is not None:
            if lx[i]:
                f.append("x=" + lx[i])
            if i and lx[i - 1]:
                f.append("x-1=" + lx[i - 1])
            if i + 1 < len(lx) and lx[i + 1]:
                f.append("x+1=" + lx[i + 1])
        if xt is not None:
            if i and xt[i - 1]:
                f.append("xt-1=" + xt[i - 1])
            if i + 1 < len(xt) and xt[i + 1]:
                f.append("xt+1=" + xt[i + 1])
        if heads and heads[i]:
            f.append("re=" + heads[i])
        if runs:
            f.extend(runs[i])
        if i == 0:
            f.append("F|" + s)
        if caps:
            f.append("C|" + s)
        if table:
            f.append("T|" + s)
        if w[:1].isupper():
            if xt is not None and xt[i]:
                f.append("xt=" + xt[i])
            if case is not None and (case_at == "all" or i == 0 or caps):
                cr = case.get(lw, "?")
                f.append("cr=" + cr)
                if i == 0 or caps:
                    f.append("Fcr=" + cr)
            if doc.topic:
                f.append("tp=" + doc.topic + "|" + (gz[i] or s))
            if lw in doc.lower_seen:
                f.append("dl")
            key = w if not caps else w.capitalize()
            if (i == 0 or caps) and key in doc.cap_mid:
                f.append("dc")
            joined = doc.joined.get(key)
            if joined is not None:
                f.append("dj=" + joined)
            if key in doc.scored:
                f.append("dn")
            if not caps:
                f.extend(doc.around.get(w, ()))
        out.append(f)
    return out


def run_heads(words: Sequence[str], gz: Sequence[str], xt: Sequence[str] | None) -> list[str]:
    """For each word of a run of capitalised words but its last, what that last word is (its
    gazetteer category, and what training mostly saw it as): a name's head can stand further
    away than the neighbour features reach ("Central Jakarta District Court")."""
    out = [""] * len(words)
    i = 0
    while i < len(words):
        j = i
        while j < len(words) and words[j][:1].isupper():
            j += 1
        if j - i > 1:
            out[i : j - 1] = [gz[j - 1][2:] + "|" + (xt[j - 1] if xt is not None else "")] * (
                j - 1 - i
            )
        i = j + 1
    return out


def run_features(
    words: Sequence[str], lower: Sequence[str], classes: Mapping[str, str] | None = None
) -> list[list[str]]:
    """For each word of a ``name_runs`` run, what the whole run shows: its place in the run,
    its first and last word (the head: "Productions", "Observatory") and the words around it
    ("shares of", "CEO of", "the ... app", "... told"), which a long name puts out of the
    neighbour features' reach; with ``classes``, also the word classes of the head and of the
    words around (an unseen "startup" where training saw "company")."""
    out: list[list[str]] = [[] for _ in words]

    def cls(i: int) -> str:
        return classes.get(words[i], "?") if classes is not None and 0 <= i < len(words) else "-"

    for a, b in name_runs(words):
        n = min(b - a, 4)
        around = [
            "rb=" + context_word(lower, a - 1),
            "rb2=" + context_word(lower, a - 2) + "|" + context_word(lower, a - 1),
            "ra=" + context_word(lower, b),
            "ra2=" + context_word(lower, b) + "|" + context_word(lower, b + 1),
        ]
        if classes is not None:
            around += ["rbc=" + cls(a - 1), "rac=" + cls(b)]
        for i in range(a, b):
            f = out[i]
            f.append(f"rp={min(i - a, 3)}/{n}")
            if i > a:
                f.append("rf=" + lower[a])
            if i < b - 1:
                f.append("rh=" + lower[b - 1])
                if classes is not None:
                    f.append("rhc=" + cls(b - 1))
            f.extend(around)
    return out


def sentence_features(
    words: Sequence[str], out: list[list[str]], classes: Mapping[str, str] | None = None
) -> list[list[str]]:
    """All static features of each token of one sentence (as training sees them): its
    ``context_features`` (``out``, extended in place) and those of the words themselves."""
    padded = [START, START, *words, END, END]
    for i, f in enumerate(out):
        f.extend(word_features(words[i], classes))
        for off in NEIGHBOURS:
            f.extend(neighbour_features(padded[i + 2 + off], off, classes))
    return out


def second_pass_features(
    words: Sequence[str], types: Mapping[str, Counter[str]], own: Sequence[str]
) -> list[list[str]]:
    """Per token, the type the first pass gave the same word elsewhere in the document most often
    ("d2", "d2a" when unanimous; apart for headlines and sentence starts, where case says least),
    and the same for its neighbours (boundaries: "Niall Quinn")."""
    best: list[str] = []
    for w, tag in zip(words, own):
        seen = types.get(w.lower()) if w[:1].isupper() else None
        if not seen:
            best.append("")
            continue
        others = [(c - (t == (tag[2:] or "O")), t) for t, c in seen.items()]
        top = max(others)
        best.append(
            top[1] + ("!" if sum(c for c, _ in others) == top[0] else "") if top[0] > 0 else ""
        )
    where = "C" if is_caps_line(words) else "F"
    pad = ["", *best, ""]
    out: list[list[str]] = []
    for i, b in enumerate(best):
        f = ["d2=" + b.rstrip("!")] if b else []
        if b.endswith("!"):
            f.append("d2a=" + b[:-1])
        if b and (where == "C" or i == 0):
            f.append(where + "d2=" + b.rstrip("!"))
        if pad[i]:
            f.append("d2-1=" + pad[i].rstrip("!"))
        if pad[i + 2]:
            f.append("d2+1=" + pad[i + 2].rstrip("!"))
        out.append(f)
    return out


def tag_features(prev: str, prev2: str) -> tuple[str, str]:
    """Features of the tags already chosen for the two previous tokens."""
    return "t1=" + prev, "t2=" + prev2 + "|" + prev


def tag_word_prefix(prev: str) -> str:
    """The previous tag joined with the current (lower-cased) word: this prefix + the word."""
    return "t1l=" + prev + "|"


def tag_shape_prefix(prev: str) -> str:
    """The previous tag joined with the current word's shape: this prefix + the shape."""
    return "t1s=" + prev + "|"
