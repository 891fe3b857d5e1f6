"""Train the quote speaker ranker (``reader/analysis/models/speakers.json.gz``) on PolNeAR train.

usage (from the repository root):

    python tools/train/speakers.py --train ../shared/corpora/polnear/train \
        --out reader/analysis/models/speakers.json.gz --epochs 8 --folds 5 --cost 2 --seed 1

Each quotation the pipeline finds in a training article is matched (by overlap) to a gold direct
quote, i.e. a quoted segment of an attribution's ``Content``; its candidates (``quotes.candidates``)
are labelled right when they would be shown with the right speaker: their mention overlaps that
attribution's ``Source`` span (for a Source that is a name, also showing that name: its entity's
names hold the Source's surname), or, for a Source that is a name, their entity holds it wherever
their mention stands (another mention of the same person, as a run of quotes gives); for a
Source that is no name ("he", "the senator"), a candidate linked to the one entity that the
candidates overlapping it are linked to is right too, as it would show the same name ("Berg said
he wanted “…”": Berg as well as he); "no speaker" is right when none is. NLTK's
``AveragedPerceptron`` learns to rank them: on a mistake the right candidate's features gain
and the chosen one's lose (classes ``y``/``n``; a feature's weight is ``y - n``).
Cross-validation by article reports accuracy and wrong choices for a range of margins, and the
margin that maximises ``right - cost * wrong`` is written with the weights (or the one
``--margin`` gives): a wrong name costs ``cost`` times a missing one. Below the margin the
rules' candidate keeps its mention but no name (``ranker.choose``). Deterministic for a seed.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from nltk.tag.perceptron import AveragedPerceptron

from reader.analysis.entities import find_entities
from reader.analysis.quotes import find_quotes, ranker
from reader.analysis.quotes.candidates import Candidate
from reader.analysis.quotes.speakers import speaker
from reader.analysis.tokens import tokenize
from reader.document.load import load

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench_quotes import _surname, gold  # the benchmark's reading of the gold annotation

Example = tuple[list[tuple[str, ...]], set[int], set[int]]
"""Candidates' features, indexes of the right ones, and of those that would show a name."""
MARGINS = (0.0, 2.0, 5.0, 10.0, 15.0, 20.0, 25.0, 30.0, 40.0)


def examples(split: Path) -> list[list[Example]]:
    """Per article, one example per quotation that matches a gold quote with a Source."""
    anns: dict[str, Path] = {}
    for a in sorted((split / "attributions").glob("*.ann")):
        anns.setdefault(re.sub(r"_[0-9a-f]{4}\.ann$", "", a.name), a)
    out = []
    for path in sorted((split / "text").glob("*.txt")):
        if path.stem not in anns:
            continue
        doc = load(str(path))
        text = path.read_text(encoding="utf-8")
        if doc.text != text:
            continue  # offsets would not align
        sentences, _ = tokenize(text, doc.blocks)
        entities = find_entities(text, sentences)
        seen: list[Sequence[Candidate]] = []

        def record(
            cands: Sequence[Candidate], seen: list[Sequence[Candidate]] = seen
        ) -> tuple[Candidate, bool]:
            seen.append(cands)
            return ranker.by_rules(cands)

        quotes = find_quotes(text, [b.span for b in doc.blocks], sentences, entities, choose=record)
        gq = gold(text, anns[path.stem])
        doc_examples = []
        for q, cands in zip(quotes, seen):
            src = next((s for g, s in gq if g[0] < q.span.end and q.span.start < g[1] and s), None)
            if src is None:
                continue
            surname = _surname(text[src[0] : src[1]])
            right = {
                k
                for k, c in enumerate(cands)
                if c.mention
                and (
                    (c.mention.start < src[1] and src[0] < c.mention.end)
                    or (surname is not None and c.entity is not None)
                )
                and _names_it(text, c, surname)
            }
            linked = {id(cands[k].entity) for k in right if cands[k].entity is not None}
            if surname is None and len(linked) == 1:
                right |= {k for k, c in enumerate(cands) if id(c.entity) in linked}
            shown = {k for k, c in enumerate(cands) if speaker(text, c.mention, c.entity).name}
            doc_examples.append(([c.features for c in cands], right or {0}, shown))
        out.append(doc_examples)
    return out


def _names_it(text: str, cand: Candidate, surname: str | None) -> bool:
    """Whether a candidate would be shown with the gold Source's name: its entity's names (or
    the name its mention gives) hold the surname of a Source that is a name. A Source that is a
    pronoun or a description has no name to check."""
    if surname is None:
        return True
    names = (cand.entity.name, *cand.entity.aliases) if cand.entity else ()
    shown = speaker(text, cand.mention, cand.entity).name
    return any(surname in n for n in (*names, shown or ""))


def train(data: Sequence[Example], epochs: int, seed: int) -> dict[str, float]:
    """Averaged-perceptron ranking weights."""
    model = AveragedPerceptron()
    model.classes = {"y", "n"}
    order = list(data)
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(order)
        for feats, right, _ in order:
            scores = [_score(model.weights, f) for f in feats]
            guess = max(range(len(feats)), key=lambda k: scores[k])
            if guess in right:
                model.i += 1
                continue
            truth = max(right, key=lambda k: scores[k])
            gain = set(feats[truth]) - set(feats[guess])
            lose = set(feats[guess]) - set(feats[truth])
            model.update("y", "n", sorted(gain))
            model.update("n", "y", sorted(lose))
    model.average_weights()
    return {f: w.get("y", 0.0) - w.get("n", 0.0) for f, w in model.weights.items()}


def _score(weights: dict[str, dict[str, float]], feats: Sequence[str]) -> float:
    total = 0.0
    for f in feats:
        w = weights.get(f)
        if w:
            total += w.get("y", 0.0) - w.get("n", 0.0)
    return total


def evaluate(
    weights: dict[str, float], data: Sequence[Example], margin: float
) -> tuple[int, int, int]:
    """Right mentions of the ranker's own choice, and right and wrong names shown as the app
    shows them (``ranker.choose`` with these weights and ``margin``); an unresolved "he" shows
    no name, so it costs nothing."""
    model = ranker.Model(weights, margin)
    ok = named = wrong = 0
    for feats, right, shown in data:
        cands = [Candidate(None, None, None, fs) for fs in feats]
        ok += _index(cands, ranker.best(model, cands)[0]) in right
        chosen, sure = ranker.choose(model, cands)
        pick = _index(cands, chosen)
        named += sure and pick in shown and pick in right
        wrong += sure and pick in shown and pick not in right
    return ok, named, wrong


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--train", type=Path, default=Path("../shared/corpora/polnear/train"))
    ap.add_argument("--out", type=Path, default=Path("reader/analysis/models/speakers.json.gz"))
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--cost", type=float, default=2.0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument(
        "--margin",
        type=float,
        help="write this margin instead of the one cross-validation prefers (for when several "
        "score alike and the development sets tell them apart)",
    )
    args = ap.parse_args()
    docs = examples(args.train)
    flat = [e for d in docs for e in d]
    base = sum(0 in r or not any(r) for _, r, _ in flat)
    rules = sum(_rules_pick(f) in r for f, r, _ in flat)
    print(f"{len(docs)} articles, {len(flat)} quotes with a gold Source; rules right {rules}")
    totals = {m: [0, 0, 0] for m in MARGINS}
    for k in range(args.folds):
        held = [e for i, d in enumerate(docs) if i % args.folds == k for e in d]
        rest = [e for i, d in enumerate(docs) if i % args.folds != k for e in d]
        weights = train(rest, args.epochs, args.seed)
        for m in MARGINS:
            for i, v in enumerate(evaluate(weights, held, m)):
                totals[m][i] += v
    n = len(flat)
    print(f"cross-validation ({args.folds} folds), {n} quotes; 'none' right for {base}:")
    for m, (ok, named, wrong) in totals.items():
        print(
            f"  margin {m:4.1f}: ranker's mention right {ok / n:.3f}; name shown "
            f"and right {named / n:.3f}, shown and wrong {wrong / n:.3f}"
        )
    best = max(MARGINS, key=lambda m: totals[m][1] - args.cost * totals[m][2])
    margin = best if args.margin is None else args.margin
    weights = train(flat, args.epochs, args.seed)
    kept = {f: round(w, 3) for f, w in sorted(weights.items()) if abs(w) >= 0.001}
    blob = json.dumps({"format": 1, "margin": margin, "weights": kept}, sort_keys=True)
    args.out.write_bytes(gzip.compress(blob.encode(), mtime=0))
    print(f"margin {margin} (cross-validation's best {best}); {len(kept)} features -> {args.out}")
    return 0


def _index(cands: Sequence[Candidate], chosen: Candidate) -> int:
    return next(k for k, c in enumerate(cands) if c is chosen)


def _rules_pick(feats: Sequence[tuple[str, ...]]) -> int:
    """The candidate ``ranker.by_rules`` picks."""
    pick = next((k for k, f in enumerate(feats) if "src=rule" in f), None)
    return (
        pick if pick is not None else next((k for k, f in enumerate(feats) if "src=prev" in f), 0)
    )


if __name__ == "__main__":
    sys.exit(main())
