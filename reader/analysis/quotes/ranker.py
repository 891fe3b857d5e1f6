"""Stage 4: choose a quotation's speaker, and decide with a learned ranker whether to name it.

The weights (``models/speakers.json.gz``) come from an averaged perceptron trained on PolNeAR
train by ``tools/train/speakers.py`` to rank every candidate against "no speaker". A candidate's
score is the sum of its features' weights. The cue rules' candidate is the speaker mention (as the
ranker's own first choice, it did worse on both development sets: see models/README.md); it is
named only when the ranker scores it above "no speaker" by the model's ``margin``: a wrong name
costs the reader more than none, and an unsure choice keeps its mention (the phrase the text
gives) without claiming who it is. Where the rules find nobody, the ranker's best candidate
speaks when it clears the same margin. The subject of the verb nearest before the quotation
(the ``gov`` candidate) or of a reporting clause closing its sentence (``final``) overrides the
rules' when the ranker scores it higher: in a nested report the verb the rules take is often not
the one that governs the quotation.
"""

from __future__ import annotations

import gzip
import json
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from reader.analysis.quotes.candidates import Candidate

Chooser = Callable[[Sequence[Candidate]], tuple[Candidate, bool]]
"""A candidate, and whether it is sure enough to be named."""
MODEL = "speakers.json.gz"
_LOCK = threading.Lock()


@dataclass(frozen=True, slots=True)
class Model:
    """Feature weights and the margin the best candidate must keep over "no speaker"."""

    weights: Mapping[str, float]
    margin: float


def score(model: Model, cand: Candidate) -> float:
    return sum(model.weights.get(f, 0.0) for f in cand.features)


def best(model: Model, cands: Sequence[Candidate]) -> tuple[Candidate, bool]:
    """The ranker's own best candidate ("no speaker" is always ``cands[0]``), and whether it
    beats "no speaker" by the margin."""
    scores = [score(model, c) for c in cands]
    k = max(range(len(cands)), key=lambda k: scores[k])
    return cands[k], scores[k] - scores[0] > model.margin


def choose(model: Model, cands: Sequence[Candidate]) -> tuple[Candidate, bool]:
    """The rules' candidate, and whether the ranker puts it above "no speaker" by the margin;
    where the rules find nobody, the ranker's best candidate when it is that sure. The subject
    of the cue verb nearest before the quotation, or of a reporting clause closing its sentence,
    replaces the rules' candidate when it scores higher: in "Ode said Lee called it “…”" or "Lee
    called it “…”, said Ode" the rules take the other verb."""
    found, _ = by_rules(cands)
    for other in (c for c in cands if "src=gov" in c.features or "src=final" in c.features):
        if found is not cands[0] and score(model, other) > score(model, found):
            found = other
    if found is not cands[0]:
        return found, score(model, found) - score(model, cands[0]) > model.margin
    guess, sure = best(model, cands)
    return (guess, True) if sure else (cands[0], True)


def by_rules(cands: Sequence[Candidate]) -> tuple[Candidate, bool]:
    """The hand rules alone (the ranker switched off): the cue's mention, else the previous
    quotation's speaker, else nobody."""
    for source in ("src=rule", "src=prev"):
        found = next((c for c in cands if source in c.features), None)
        if found is not None:
            return found, True
    return cands[0], True


def read(data: bytes) -> Model:
    """A model from its gzip'd JSON form (``format`` 1)."""
    obj = json.loads(gzip.decompress(data))
    if obj.get("format") != 1:
        raise ValueError(f"{MODEL}: unknown format {obj.get('format')!r}")
    return Model(dict(obj["weights"]), float(obj["margin"]))


@cache
def _shipped() -> Model:
    return read((resources.files("reader.analysis.models") / MODEL).read_bytes())


def shipped() -> Model:
    """The shipped model, loaded once per process."""
    with _LOCK:
        return _shipped()


def ranked(cands: Sequence[Candidate]) -> tuple[Candidate, bool]:
    """The shipped ranker's choice."""
    return choose(shipped(), cands)
