"""Entity post-processing judged on the training documents: does a rule pay its way there too?

    python tools/bench_entities_train.py [--corpora ../shared/corpora] [--limit N]

The tagger has seen these documents, so the figures flatter it; what they show is whether a change
to the passes after it (trimming, completion, grouping, dropping) helps or hurts on text other than
the dev sets. For CoNLL train, wikigold and the EWT split trained on, two figures each: mention
F1 (exact span and type, as ``bench_entities.py``) and list F1, scored as ``bench_realnews.py``
scores real news, against gold lists built from the gold mentions: one referent per distinct name
and type, a one-word person name joining the longer person name it ends. These lists know no
other grouping, so a rule that rightly joins "Rangers" to "Texas Rangers" shows there as a miss:
for grouping rules, mention F1 (where a row's type reaches every mention) is the check.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent / "train"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_entities import rebuild
from bench_realnews import PLO, SHORT, norm, prf, score_list
from entities import read_conll, read_ewt

from reader.analysis.entities import find_entities
from reader.analysis.entities.gazetteer import hand_lists
from reader.analysis.tokens import tokenize
from reader.document.model import Block, Span

LONG = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}


def gold_list(text: str, gold: set[tuple[int, int, str]]) -> dict[str, Any]:
    """Gold referents of one document: distinct (name, type), surnames joining full names."""
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for a, b, typ in sorted(gold, key=lambda s: (s[0] - s[1], s)):  # ties by place: runs agree
        name = text[a:b]
        k = (norm(name), typ)
        if k in found or not k[0]:
            continue
        if typ == "PER" and " " not in k[0]:
            full = next(
                (e for (n, t), e in found.items() if t == "PER" and n.endswith(" " + k[0])), None
            )
            if full is not None:
                full["aliases"].append(name)
                continue
        found[k] = {"name": name, "type": typ, "aliases": []}
    return {"entities": list(found.values())}


def score(docs: list, types: tuple[str, ...], label: str) -> tuple[float, float]:
    """Print and return mention F1 and list F1 of ``docs``."""
    tp = fp = fn = 0
    c: Counter[str] = Counter()
    for text, gold in (rebuild(d) for d in docs):
        gold = {s for s in gold if s[2] in types}
        entities = find_entities(text, tokenize(text, [Block("paragraph", Span(0, len(text)))])[0])
        pred = {(m.start, m.end, SHORT[e.type]) for e in entities for m in e.mentions}
        pred = {s for s in pred if s[2] in types}
        tp, fp, fn = tp + len(pred & gold), fp + len(pred - gold), fn + len(gold - pred)
        rows = [
            {"name": e.name, "aliases": list(e.aliases), "type": e.type}
            for e in entities
            if SHORT[e.type] in types
        ]
        score_list(gold_list(text, {s for s in gold if s[2] in PLO}), {"entities": rows}, c)
    f_m = prf(tp, tp + fp, tp + fn)[2]
    f_l = prf(c["tp"], c["pred"], c["gold"])[2]
    errors = ", ".join(
        f"{k} {c[k] / c['gold']:.1%}" for k in ("spurious", "wrong type", "split", "missed")
    )
    print(f"{label}: mention F1 {f_m:.3f}  list F1 {f_l:.3f}  ({errors})")
    return f_m, f_l


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--corpora", type=Path, default=Path("../shared/corpora"))
    ap.add_argument("--limit", type=int, default=0, help="documents per set (0: all)")
    args = ap.parse_args()
    c = args.corpora
    sets = [
        ("CoNLL train", read_conll(c / "conll2003" / "eng.train"), ("PER", "ORG", "LOC", "MISC")),
        ("wikigold", read_conll(c / "extra-ner" / "wikigold.conll"), ("PER", "ORG", "LOC", "MISC")),
        (
            "EWT test",
            read_ewt(c / "extra-ner" / "en_ewt-ud-test.iob2", hand_lists()["NAT"]),
            ("PER", "ORG", "LOC"),
        ),
    ]
    for label, docs, types in sets:
        score(docs[: args.limit] if args.limit else docs, types, label)


if __name__ == "__main__":
    main()
