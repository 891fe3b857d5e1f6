"""Entity lists on real news beside mention-level F1 on CoNLL dev and the held-out EWT split.

    python tools/bench_realnews.py [--eval ../shared/eval] [--corpora ../shared/corpora]

Real news (``realnews/``): every article goes through the app's own path (``load`` then
``analyse``) and its Entities list is judged as ``score_realnews.py`` judges it, row by row: a row
is right when one of its names matches a gold referent's (case, possessives, titles, a leading
"the" and punctuation aside) with the gold type or an alternative one, and it is the first row
for that referent; a second row is a split, a row with another type is a wrong type, a row
matching nothing is spurious, and every gold referent without a right row is missed. MISC is not
counted. Each error class is also shown as a share of the gold referents. CoNLL dev and the EWT
split are scored per mention (exact span and type), EWT over PER/ORG/LOC only. The line to choose
models on is the average of the three F1 figures.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent / "train"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_entities import mention_counts, rebuild
from entities import read_conll, read_ewt, report

from reader.analysis.entities.gazetteer import hand_lists
from reader.analysis.pipeline import analyse
from reader.document.load import load

PLO = {"PER", "ORG", "LOC"}
SHORT = {"PERSON": "PER", "PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
# Words a name is compared without, as the real-news scorer does.
TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "sen",
        "rep",
        "gov",
        "gen",
        "president",
        "prime",
        "minister",
        "secretary",
        "sir",
        "lord",
        "lady",
        "prof",
        "professor",
        "judge",
        "justice",
        "chief",
        "officer",
        "sgt",
        "lt",
        "col",
        "capt",
        "st",
        "rev",
        "pope",
        "king",
        "queen",
        "prince",
        "princess",
        "senator",
        "governor",
    ]
)


def norm(name: str) -> str:
    """A name as the scorer compares it."""
    s = unicodedata.normalize("NFKC", name).casefold().replace("’", "'").replace("‘", "'")
    s = re.sub(r"'s$|'$", "", s.strip())
    words = re.sub(r"[^\w\s&-]", " ", s).split()
    while words and (words[0] == "the" or words[0] in TITLES):
        words = words[1:]
    return " ".join(words)


def names(entity: dict[str, Any]) -> set[str]:
    return {k for k in (norm(n) for n in [entity["name"], *entity.get("aliases", [])]) if k}


def score_list(gold: dict[str, Any], pred: dict[str, Any], c: Counter[str]) -> None:
    """Add one article's row counts to ``c`` (see the module docstring)."""
    golds = gold["entities"]
    gkeys = [names(g) for g in golds]
    credited: set[int] = set()
    for p in pred["entities"]:
        ptype = SHORT[p["type"]]
        if ptype not in PLO:
            continue
        hits = [i for i, gk in enumerate(gkeys) if names(p) & gk]
        ok = [i for i in hits if ptype in (golds[i]["type"], *golds[i].get("alt_types", []))]
        if ok:
            i = next((i for i in ok if i not in credited), ok[0])
            if golds[i]["type"] not in PLO:
                continue  # rightly names a MISC referent: not counted
            c["pred"] += 1
            if i in credited:
                c["split"] += 1
            else:
                credited.add(i)
                c["tp"] += 1
        else:
            c["pred"] += 1
            c["wrong type" if hits else "spurious"] += 1
    plo = [i for i, g in enumerate(golds) if g["type"] in PLO]
    c["gold"] += len(plo)
    c["missed"] += sum(1 for i in plo if i not in credited)


def prf(tp: int, pred: int, gold: int) -> tuple[float, float, float]:
    p, r = tp / pred if pred else 0.0, tp / gold if gold else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def realnews(root: Path) -> float:
    manifest = json.loads((root / "manifest.json").read_text())
    c: Counter[str] = Counter()
    for m in manifest:
        gold_path = root / "gold" / f"{m['id']}.json"
        if gold_path.exists():
            pred = analyse(load(str(root / "text" / f"{m['id']}.txt"))).to_json()
            score_list(json.loads(gold_path.read_text()), pred, c)
    p, r, f = prf(c["tp"], c["pred"], c["gold"])
    print(f"realnews ({root}): gold {c['gold']}, rows {c['pred']}, right {c['tp']}")
    print(f"  list P={p:.3f} R={r:.3f} F1={f:.3f}")
    print(
        "  errors (share of gold): "
        + ", ".join(
            f"{k} {c[k]} ({c[k] / c['gold']:.1%})"
            for k in ("spurious", "wrong type", "split", "missed")
        )
    )
    return f


def mentions(docs: list, types: tuple[str, ...], label: str) -> float:
    """Mention-level exact P/R/F1 of ``docs`` over ``types``, through the app's tokenizer."""
    tp, fp, fn = mention_counts([rebuild(d) for d in docs], types)
    print(f"{label}: {len(docs)} docs")
    return report(tp, fp, fn, print, types)


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--eval", type=Path, default=Path("../shared/eval"))
    ap.add_argument("--corpora", type=Path, default=Path("../shared/corpora"))
    ap.add_argument("--ewt", default="en_ewt-ud-dev.iob2", help="the EWT split held out")
    args = ap.parse_args()
    f_news = realnews(args.eval / "realnews")
    conll = read_conll(args.corpora / "conll2003" / "eng.testa")
    f_conll = mentions(conll, ("PER", "ORG", "LOC", "MISC"), "CoNLL dev (eng.testa)")
    ewt = read_ewt(args.corpora / "extra-ner" / args.ewt, hand_lists()["NAT"])
    f_ewt = mentions(ewt, ("PER", "ORG", "LOC"), f"EWT held out ({args.ewt}, PER/ORG/LOC)")
    print(
        f"F1: realnews {f_news:.3f}  CoNLL dev {f_conll:.3f}  EWT {f_ewt:.3f}  "
        f"average {(f_news + f_conll + f_ewt) / 3:.3f}"
    )


if __name__ == "__main__":
    main()
