"""Benchmark quotes and speaker names on real news (``../shared/eval/realnews``), through the API.

usage: python tools/bench_realnews_quotes.py [DIR] [--rules] [-v]

Reports the quote figures of the project's real-news scorer: detection P/R/F1 (gold segments
matched one to one by overlap, at least half of the shorter span), the share of matched quotes
whose speaker is right, the share that shows a wrong name, and the F1 of quotes found with the
right speaker. A speaker is right when its name (or its entity's names) shares a normalised
name or surname with the gold speaker's names, or, for a gold speaker that is not a named
entity, when no name is shown or the name's words are among the gold description's.
``--rules`` switches the ranker off (the cue rules alone choose), to see what it is worth.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

from reader.analysis.model import Entity, Quote
from reader.analysis.pipeline import analyse
from reader.analysis.quotes import find_quotes, ranker
from reader.document.load import load

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "eval" / "realnews"
_TITLES = frozenset(
    (  # noqa: SIM905
        "mr mrs ms dr sen rep gov gen president prime minister secretary sir lord lady prof "
        "professor judge justice chief officer sgt lt col capt st rev pope king queen prince "
        "princess senator governor"
    ).split()
)


def norm(name: str) -> str:
    """A name without case, possessive, leading "the" or titles."""
    s = unicodedata.normalize("NFKC", name).casefold().replace("’", "'").replace("‘", "'")
    s = re.sub(r"[^\w\s&-]", " ", re.sub(r"'s$|'$", "", s.strip()))
    ws = s.split()
    while ws and (ws[0] == "the" or ws[0] in _TITLES):
        ws = ws[1:]
    return " ".join(ws)


def keys(names: list[str]) -> set[str]:
    return {k for k in map(norm, filter(None, names)) if k}


def right(
    gold_q: dict[str, Any], q: Quote, gold_ents: list[dict[str, Any]], ents: dict[str, Entity]
) -> bool:
    name = q.speaker.name
    if gold_q.get("speaker"):
        if not name:
            return False
        g = next(
            (e for e in gold_ents if e["name"] == gold_q["speaker"]), {"name": gold_q["speaker"]}
        )
        gk = keys([g["name"], *g.get("aliases", [])])
        pk = keys([name])
        ent = ents.get(q.speaker.entity or "")
        if ent:
            pk |= keys([ent.name, *ent.aliases])
        last = {k.split()[-1] for k in gk}
        return bool(pk & gk) or any(len(k.split()[-1]) > 2 and k.split()[-1] in last for k in pk)
    if not name:
        return True
    desc = set(re.findall(r"\w+", (gold_q.get("speaker_desc") or "").casefold().replace("’", "'")))
    return bool(desc) and set(re.findall(r"\w+", name.casefold().replace("’", "'"))) <= desc


def spans(text: str, gold: list[dict[str, Any]]) -> list[tuple[int, int] | None]:
    """Each gold segment's first unused occurrence in the text."""
    out: list[tuple[int, int] | None] = []
    used: set[int] = set()
    for g in gold:
        t = g["text"].strip()
        i = text.find(t)
        while i in used:
            i = text.find(t, i + 1)
        used.add(i)
        out.append((i, i + len(t)) if i >= 0 else None)
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("dir", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--rules", action="store_true", help="the cue rules alone, no ranker")
    ap.add_argument("-v", action="store_true", help="list every error")
    args = ap.parse_args()
    manifest = json.loads((args.dir / "manifest.json").read_text())
    c = dict.fromkeys(["gold", "pred", "matched", "right", "wrong"], 0)
    for m in manifest:
        gpath = args.dir / "gold" / f"{m['id']}.json"
        if not gpath.exists():
            continue
        gold = json.loads(gpath.read_text())
        doc = load(str(args.dir / "text" / f"{m['id']}.txt"))
        result = analyse(doc)
        quotes = list(result.quotes)
        if args.rules:
            paras = [b.span for b in doc.blocks]
            quotes = find_quotes(
                doc.text, paras, result.sentences, result.entities, choose=ranker.by_rules
            )
        ents = {e.id: e for e in result.entities}
        gq = gold["quotes"]
        c["gold"] += len(gq)
        c["pred"] += len(quotes)
        pairs = []
        for gi, gs in enumerate(spans(doc.text, gq)):
            for pi, q in enumerate(quotes):
                if gs and min(gs[1], q.span.end) > max(gs[0], q.span.start):
                    ov = min(gs[1], q.span.end) - max(gs[0], q.span.start)
                    pairs.append((ov / max(1, min(gs[1] - gs[0], len(q.span))), gi, pi))
        gdone: set[int] = set()
        pdone: set[int] = set()
        for frac, gi, pi in sorted(pairs, reverse=True):
            if frac < 0.5 or gi in gdone or pi in pdone:
                continue
            gdone.add(gi)
            pdone.add(pi)
            c["matched"] += 1
            ok = right(gq[gi], quotes[pi], gold["entities"], ents)
            c["right"] += ok
            c["wrong"] += not ok and bool(quotes[pi].speaker.name)
            if args.v and not ok:
                who = gq[gi].get("speaker") or gq[gi].get("speaker_desc")
                print(
                    f"  {m['id']}: {gq[gi]['text'][:50]!r}: gold {who!r}, "
                    f"got {quotes[pi].speaker.name!r}"
                )
        if args.v:
            for pi, q in enumerate(quotes):
                if pi not in pdone:
                    print(f"  {m['id']}: extra {q.text[:60]!r}")
            for gi, g in enumerate(gq):
                if gi not in gdone:
                    print(f"  {m['id']}: missed {g['text'][:60]!r}")

    def f1(tp: int) -> tuple[float, float, float]:
        p, r = tp / max(1, c["pred"]), tp / max(1, c["gold"])
        return p, r, 2 * p * r / (p + r) if p + r else 0.0

    qp, qr, qf = f1(c["matched"])
    sp, sr, sf = f1(c["right"])
    print(
        f"gold quotes={c['gold']} predicted={c['pred']} matched={c['matched']} "
        f"detection P={qp:.3f} R={qr:.3f} F1={qf:.3f}"
    )
    print(
        f"speaker right on matched={c['right'] / max(1, c['matched']):.3f} "
        f"wrong name shown={c['wrong'] / max(1, c['matched']):.3f}"
    )
    print(f"REALNEWS quotes+speaker P={sp:.3f} R={sr:.3f} F1={sf:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
