"""BIO decoding with the shipped averaged-perceptron weights, in one or two passes: greedy in
the first, a small beam in the second.

Speed comes from two tricks. Each feature's weights over the nine BIO classes are packed into one
Python int, a 32-bit lane per class (offset to stay positive), so scoring a token is one C-level
``sum`` of ints and the lanes are read back only for the argmax. And the features that depend on a
single word (its own, or a neighbour's at a given offset) are summed once per word and cached, so a
token costs a handful of dict look-ups. The second pass sees what the first pass said about the
same words elsewhere in the document.
"""

from __future__ import annotations

import base64
import gzip
import json
import threading
from collections.abc import Mapping, Sequence
from itertools import repeat
from math import exp, log
from pathlib import Path
from typing import Any

from reader.analysis.entities.features import (
    END,
    NEIGHBOURS,
    START,
    context_features,
    doc_context,
    first_pass_types,
    neighbour_features,
    second_pass_features,
    shape,
    tag_features,
    tag_shape_prefix,
    tag_word_prefix,
    word_features,
)
from reader.analysis.entities.gazetteer import Gazetteer

MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "ner.json.gz"
FORMAT = 7
LANE = 32
OFFSET = 1 << 24  # added to every weight so lanes never borrow from each other
MASK = (1 << LANE) - 1
CACHE_LIMIT = 200_000  # words per cache before it is emptied
BEAM = 2  # tag sequences the second pass keeps while decoding (the first decodes greedily)
TEMP = 2000  # softmax temperature over one token's lanes (weights are 100 times the perceptron's)
CUT = 7000  # a tag this far behind the best is dropped (about 3% of the best one's chance)


def encode_pass(weights: Mapping[str, Sequence[int]]) -> dict[str, str]:
    """One pass's integer weights as the model file stores them: the feature names, one a line,
    and base64 of each feature's lanes (class weight + OFFSET, 4 bytes little-endian per class).

    Weights stay under 2^20 in size, so each feature adds between 15 and 17 times 2^20 to a lane,
    and a lane stays between 0 and 2^32 for any token of fewer than 240 features (about 70 now).
    """
    if any(abs(w) >= 1 << 20 for v in weights.values() for w in v):
        raise ValueError("weight too large for its lane")
    names = sorted(weights)
    lanes = b"".join((w + OFFSET).to_bytes(LANE // 8, "little") for f in names for w in weights[f])
    return {"features": "\n".join(names), "weights": base64.b64encode(lanes).decode("ascii")}


class _Pass:
    """One pass's weights, with a per-word cache of the single-word feature sums."""

    def __init__(
        self,
        data: Mapping[str, str],
        classes: Sequence[str],
        words: Mapping[str, str] | None = None,
    ) -> None:
        self.words = words  # word → distributional class, for the word features
        blob, size = base64.b64decode(data["weights"]), LANE // 8 * len(classes)
        frombytes = int.from_bytes
        self.weights = dict(
            zip(
                data["features"].split("\n"),
                [frombytes(blob[k : k + size], "little") for k in range(0, len(blob), size)],
            )
        )
        self._cache: dict[str, tuple[int, ...]] = {}
        states = (START, *classes)
        # The previous-tags score of every (tag before last, last tag) pair, summed once here.
        self.history = {
            (p2, p1): self.score(tag_features(p1, p2)) for p2 in states for p1 in states
        }

    def score(self, feats: Sequence[str]) -> int:
        return sum(map(self.weights.get, feats, repeat(0)))

    def _word(self, word: str) -> tuple[int, ...]:
        """Scores ``word`` lends a token when it is that token, or its neighbour at each offset."""
        parts = (
            self.score(word_features(word, self.words)),
            *(self.score(neighbour_features(word, off, self.words)) for off in NEIGHBOURS),
        )
        if len(self._cache) >= CACHE_LIMIT:
            self._cache.clear()
        self._cache[word] = parts
        return parts

    def static(self, words: Sequence[str], ctx: Sequence[Sequence[str]]) -> list[int]:
        """Score of each token from everything but the previous tags."""
        cached, fill, get = self._cache.get, self._word, self.weights.get
        vals = [cached(w) or fill(w) for w in (START, START, *words, END, END)]
        # NEIGHBOURS is (-2, -1, 1, 2): a token's word two to its left uses that word's part 1, etc.
        return [
            b[1] + c[2] + a[0] + d[3] + e[4] + sum(map(get, fs, repeat(0)))
            for b, c, a, d, e, fs in zip(vals, vals[1:], vals[2:], vals[3:], vals[4:], ctx)
        ]


class Tagger:
    """BIO tags (PER, ORG, LOC, MISC) for the sentences of one document."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        if data.get("format") != FORMAT:
            raise ValueError(f"unsupported entity model format {data.get('format')!r}")
        self.classes: tuple[str, ...] = tuple(data["classes"])
        self.gazetteer = Gazetteer(
            {cat: names.split("\n") for cat, names in data["gazetteer"].items()}
        )
        # The learned lexicon: names tagged in the training set, under their usual type (optional).
        lexicon = data.get("lexicon")
        self.lexicon = (
            Gazetteer({t: names.split("\n") for t, names in lexicon.items()}) if lexicon else None
        )
        tokens = data.get("tokens")  # capitalised words, by what they most often are in training
        self.tokens = {w: t for t, ws in tokens.items() for w in ws.split("\n")} if tokens else None
        case = data.get("case")  # how unlabelled text writes words inside sentences (optional)
        self.case = {w: c for c, ws in case.items() for w in ws.split("\n")} if case else None
        # Where the case classes are features: "all" capitalised words, only at a sentence "start"
        # (or in capitals), or "none" (the table then serves the glued-word and common-word tests).
        self.case_at: str = data.get("case_features", "all")
        # Distributional word classes learnt from unlabelled text (optional): "coarse/fine" → words.
        clusters = data.get("clusters")
        self.clusters = (
            {w: k for k, ws in clusters.items() for w in ws.split("\n")} if clusters else None
        )
        self.passes = [_Pass(p, self.classes, self.clusters) for p in data["passes"]]
        self._prefix = {c: tag_word_prefix(c) for c in (START, *self.classes)}
        self._shape_prefix = {c: tag_shape_prefix(c) for c in (START, *self.classes)}
        self._allowed = {
            prev: [(LANE * k, c) for k, c in enumerate(self.classes) if follows(prev, c)]
            for prev in (START, *self.classes)
        }

    def case_class(self, lower: str) -> str:
        """How unlabelled text writes ``lower`` in sentences (``features.case_class``), or ""."""
        return self.case.get(lower, "") if self.case else ""

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> Tagger:
        with gzip.open(path) as f:
            return cls(json.loads(f.read()))

    def tag(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """One BIO tag per word, sentence by sentence."""
        doc = doc_context(sentences)
        ctx = [
            context_features(
                words,
                doc,
                self.gazetteer,
                self.lexicon,
                self.tokens,
                self.case if self.case_at != "none" else None,
                self.case_at,
                self.clusters,
            )
            for words in sentences
        ]
        keys = [[(w.lower(), shape(w)) for w in words] for words in sentences]  # for both passes
        first = self.passes[0]
        labels = [
            self.decode(first, k, first.static(words, c))
            for words, k, c in zip(sentences, keys, ctx)
        ]
        if len(self.passes) > 1:
            types = first_pass_types(sentences, labels)
            second = self.passes[1]
            for words, c, own in zip(sentences, ctx, labels):
                for f, extra in zip(c, second_pass_features(words, types, own)):
                    f.extend(extra)
            labels = [
                self.decode(second, k, second.static(words, c), BEAM)
                for words, k, c in zip(sentences, keys, ctx)
            ]
        return labels

    def decode(
        self, p: _Pass, keys: Sequence[tuple[str, str]], static: Sequence[int], width: int = 1
    ) -> list[str]:
        """Beam search left to right over well-formed tag sequences, keeping the ``width`` best
        partial sequences; ``keys`` holds each word lower-cased and its shape, which meet the
        previous tag in features.

        The perceptron was trained greedily, so its raw scores compare tags for one token, not
        sequences with different pasts: each step's scores are normalised over the tags allowed
        there (a softmax at temperature TEMP), and a sequence scores the sum of its steps. Tags
        more than CUT behind are dropped, so a token where one tag stands clear costs a greedy
        step; sequences ending in the same two tags score alike from there on, so the best stays.
        """
        get, history, prefix, allowed = p.weights.get, p.history, self._prefix, self._allowed
        sprefix = self._shape_prefix
        # (score, tag before last, last tag, tags so far as nested pairs)
        beam: list[tuple[float, str, str, Any]] = [(0.0, START, START, None)]
        for (lw, shp), score in zip(keys, static):
            totals = [
                score + history[p2, p1] + get(prefix[p1] + lw, 0) + get(sprefix[p1] + shp, 0)
                for _, p2, p1, _ in beam
            ]
            if len(beam) == 1:
                _, _, prev, back = beam[0]
                top = second = -1
                for shift, tag in allowed[prev]:
                    lane = (totals[0] >> shift) & MASK
                    if lane > top:
                        top, second, choice = lane, top, tag
                    elif lane > second:
                        second = lane
                if width == 1 or top - second >= CUT:  # the greedy step: no rival within reach
                    beam = [(0.0, prev, choice, (back, choice))]
                    continue
            best: dict[tuple[str, str], tuple[float, str, str, Any]] = {}
            for (so_far, _, prev, back), total in zip(beam, totals):
                lanes = [((total >> shift) & MASK, tag) for shift, tag in allowed[prev]]
                top = max(lanes)[0]
                near = [(v - top, tag) for v, tag in lanes if top - v < CUT]
                norm = so_far - TEMP * log(sum(exp(v / TEMP) for v, _ in near))
                for v, tag in near:
                    old = best.get((prev, tag))
                    if old is None or norm + v > old[0]:
                        best[prev, tag] = (norm + v, prev, tag, (back, tag))
            ranked = sorted(best.values(), key=_first, reverse=True)
            beam = [h for h in ranked[:width] if h[0] > ranked[0][0] - CUT]
        out: list[str] = []
        back = beam[0][3]
        while back is not None:
            back, tag = back
            out.append(tag)
        out.reverse()
        return out


def _first(item: tuple[float, str, str, Any]) -> float:
    return item[0]


_lock = threading.Lock()
_tagger: Tagger | None = None


def get_tagger() -> Tagger:
    """The shipped tagger, loaded on first use (once, even when threads race)."""
    global _tagger
    if _tagger is None:
        with _lock:
            if _tagger is None:
                _tagger = Tagger.load()
    return _tagger


def follows(prev: str, tag: str) -> bool:
    """Whether ``tag`` may follow ``prev`` in BIO: an inside tag only continues its own type."""
    return tag[0] != "I" or (prev[0] in "BI" and prev[2:] == tag[2:])


def bio_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """``(first, end, type)`` token ranges of the entities in a BIO tag sequence."""
    out: list[tuple[int, int, str]] = []
    for i, tag in enumerate(tags):
        if tag[0] == "B" or (
            tag[0] == "I" and (not out or out[-1][1] != i or out[-1][2] != tag[2:])
        ):
            out.append((i, i + 1, tag[2:]))
        elif tag[0] == "I":
            out[-1] = (out[-1][0], i + 1, tag[2:])
    return out
