"""Distributional word classes for the entity tagger, learnt from unlabelled text.

Each word seen often enough is described by the words written just before and just after it
(counts over the most frequent context words), reduced to a few dimensions and grouped by
spherical k-means, then the groups themselves are grouped again: a word gets a fine and a coarse
class. Words used alike share a class whether or not the labelled sets ever named them ("Zelvo
said" and "the Zelvo app" put an unseen firm near the firms). Deterministic for a given seed.
Training only (needs numpy); the tagger reads the classes from the model file.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np

_TOKEN = re.compile(r"[A-Za-z]\.(?:[A-Za-z]\.)+|\w+(?:[-&]\w+)*|['’]\w*|[^\w\s]")
EDGE = "<e>"  # the context word at either end of a line


def text_sentences(texts: Iterable[str]) -> list[list[str]]:
    """Lines of unlabelled text as word lists (a rough tokenizer: classes need no more)."""
    out = []
    for text in texts:
        for line in text.splitlines():
            words = _TOKEN.findall(line)
            if words:
                out.append(words)
    return out


def _context_matrix(
    sentences: Sequence[Sequence[str]], vocab: dict[str, int], contexts: dict[str, int]
) -> np.ndarray:
    """Per vocabulary word, counts of each context word before it, then after it."""
    n = len(contexts)
    m = np.zeros((len(vocab), 2 * n), dtype=np.float32)
    for words in sentences:
        lower = [EDGE, *(w.lower() for w in words), EDGE]
        for i, w in enumerate(words):
            row = vocab.get(w)
            if row is None:
                continue
            left, right = contexts.get(lower[i]), contexts.get(lower[i + 2])
            if left is not None:
                m[row, left] += 1
            if right is not None:
                m[row, n + right] += 1
    return m


def _kmeans(x: np.ndarray, k: int, rng: np.random.Generator, iters: int) -> np.ndarray:
    """Spherical k-means (rows of ``x`` have unit length), k-means++ start; each row's class."""
    centres = [x[rng.integers(len(x))]]
    dist = 1.0 - x @ centres[0]
    for _ in range(1, k):
        p = np.maximum(dist, 0) ** 2
        centres.append(x[rng.choice(len(x), p=p / p.sum())])
        dist = np.minimum(dist, 1.0 - x @ centres[-1])
    c = np.array(centres)
    for _ in range(iters):
        label = np.argmax(x @ c.T, axis=1)
        for j in range(k):
            members = x[label == j]
            if len(members):
                s = members.sum(axis=0)
                c[j] = s / (np.linalg.norm(s) or 1.0)
    return np.argmax(x @ c.T, axis=1)


def _unit(x: np.ndarray) -> np.ndarray:
    return x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-9)


def word_classes(
    sentences: Sequence[Sequence[str]],
    k: int,
    coarse: int,
    min_count: int = 5,
    contexts: int = 600,
    dims: int = 60,
    seed: int = 1,
    iters: int = 15,
) -> dict[str, str]:
    """Each word seen ``min_count`` times → "coarse/fine" class ids, as written (case kept:
    "Turkey" and "turkey" are used apart). Capitalised words are grouped among themselves
    (``k`` classes, ``coarse`` groups, ids "C…"), so that their classes tell kinds of names
    apart rather than names from common nouns; the other words get as many classes ("l…")."""
    counts = Counter(w for words in sentences for w in words)
    frequent = sorted(
        (w for w, c in counts.items() if c >= min_count), key=lambda w: (-counts[w], w)
    )
    lower = Counter(w.lower() for words in sentences for w in words)
    ctx_words = [EDGE, *sorted(lower, key=lambda w: (-lower[w], w))[: contexts - 1]]
    vocab = {w: i for i, w in enumerate(frequent)}
    m = _context_matrix(sentences, vocab, {w: i for i, w in enumerate(ctx_words)})
    x = _unit(np.sqrt(m, dtype=np.float64))
    x -= x.mean(axis=0)
    _, vecs = np.linalg.eigh(x.T @ x)
    x = _unit(x @ vecs[:, -dims:])
    rng = np.random.default_rng(seed)
    out: dict[str, str] = {}
    for tag in ("C", "l"):
        rows = [i for i, w in enumerate(frequent) if w[:1].isupper() == (tag == "C")]
        sub = x[rows]
        fine = _kmeans(sub, k, rng, iters)
        centres = _unit(
            np.array(
                [sub[fine == j].sum(axis=0) if (fine == j).any() else sub[0] for j in range(k)]
            )
        )
        top = _kmeans(centres, coarse, rng, iters)
        out.update({frequent[i]: f"{tag}{top[fine[n]]}/{tag}{fine[n]}" for n, i in enumerate(rows)})
    return out
