"""Benchmark the entity analyser on CoNLL-2003: accuracy, speed, NLTK's stock NE chunker beside it.

    NLTK_DATA=../shared/nltk_data python tools/bench_entities.py [--conll FILE] [--limit N]
        [--no-stock]

Documents are rebuilt as the official scorer builds them (sentences one per line, tokens joined by
spaces) and go through the real path: ``tokenize`` then ``find_entities``. Accuracy is entity-level
exact match (span and type) over all mentions, per type and overall. Speed counts whitespace tokens
per second on one core, tokenizing included; the stock pipeline (``pos_tag`` + ``ne_chunk``) runs on
the same tokens in the same process. It needs the stock NLTK models (and numpy), which the app never
uses.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "train"))

from entities import read_conll, report

from reader.analysis.entities import find_entities
from reader.analysis.entities.tagger import MODEL_PATH, get_tagger
from reader.analysis.tokens import tokenize
from reader.document.model import Block, Span

SHORT = {"PERSON": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}


def rebuild(doc) -> tuple[str, set[tuple[int, int, str]]]:
    """Text of a CoNLL document and its gold entity spans (character offsets)."""
    lines, gold, pos = [], set(), 0
    for words, tags in doc:
        starts = []
        for w in words:
            starts.append(pos)
            pos += len(w) + 1
        lines.append(" ".join(words))
        entity = None
        for i, (w, t) in enumerate(zip(words, tags)):
            if t[0] in "BO" and entity:
                gold.add(tuple(entity))
                entity = None
            if t[0] == "B":
                entity = [starts[i], starts[i] + len(w), t[2:]]
            elif t[0] == "I":
                entity[1] = starts[i] + len(w)
        if entity:
            gold.add(tuple(entity))
    return "\n".join(lines) + "\n", gold


def mention_counts(
    docs: list[tuple[str, set[tuple[int, int, str]]]], types: tuple[str, ...]
) -> tuple[Counter, Counter, Counter]:
    """True positives, false positives and misses per type, over ``types`` only."""
    tp, fp, fn = Counter(), Counter(), Counter()
    for text, gold in docs:
        entities = find_entities(text, tokenize(text, [Block("paragraph", Span(0, len(text)))])[0])
        pred = {(m.start, m.end, SHORT[e.type]) for e in entities for m in e.mentions}
        pred = {s for s in pred if s[2] in types}
        gold = {s for s in gold if s[2] in types}
        for s in pred & gold:
            tp[s[2]] += 1
        for s in pred - gold:
            fp[s[2]] += 1
        for s in gold - pred:
            fn[s[2]] += 1
    return tp, fp, fn


def hostile_page(size: int = 1_000_000, seed: int = 1) -> str:
    """About ``size`` characters of sentences made of invented capitalised words (50,000 or more
    of them in 1 MB): the worst case for anything that compares names with names."""
    rng = random.Random(seed)
    parts = ["ka", "lo", "ren", "vi", "mu", "sel", "dar", "po", "ti", "nak", "ber", "sho", "ul"]
    lines, total = [], 0
    while total < size:
        a, b, c = ("".join(rng.choices(parts, k=3)).capitalize() for _ in range(3))
        line = f"{a} {b} told {c} that {a} would visit {b} Harbour on Friday.\n"
        lines.append(line)
        total += len(line)
    return "".join(lines)


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 1e6


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--conll", type=Path, default=Path("../shared/corpora/conll2003/eng.testa"))
    ap.add_argument("--limit", type=int)
    ap.add_argument("--no-stock", action="store_true", help="skip NLTK's stock chunker")
    ap.add_argument("--hostile", action="store_true", help="also time a 1 MB page of names")
    args = ap.parse_args()
    docs = [rebuild(d) for d in read_conll(args.conll)[: args.limit]]
    n_tokens = sum(len(text.split()) for text, _ in docs)

    rss0, t0 = rss_mb(), time.perf_counter()
    get_tagger()
    print(
        f"model {MODEL_PATH.stat().st_size / 1e6:.2f} MB, load {time.perf_counter() - t0:.3f}s, "
        f"+{rss_mb() - rss0:.0f} MB RSS"
    )

    t0 = time.process_time()
    tp, fp, fn = mention_counts(docs, ("PER", "ORG", "LOC", "MISC"))
    ours = time.process_time() - t0
    print(f"{args.conll.name}: {len(docs)} docs, {n_tokens} tokens")
    report(tp, fp, fn, print)
    print(f"ours:  {n_tokens / ours:,.0f} tokens/s (tokenize + find_entities, CPU time)")
    if args.hostile:
        text = hostile_page()
        capitalised = sum(1 for w in text.split() if w[:1].isupper())
        t0 = time.process_time()
        found = find_entities(text, tokenize(text, [Block("paragraph", Span(0, len(text)))])[0])
        print(
            f"hostile page: {len(text) / 1e6:.1f} MB, {capitalised:,} capitalised words, "
            f"{len(found):,} entities in {time.process_time() - t0:.1f}s (CPU time)"
        )
    if not args.no_stock:
        from nltk.chunk import ne_chunker
        from nltk.tag import PerceptronTagger

        # Loaded once, outside the timing (``ne_chunk`` itself reloads its model on every call).
        tagger, chunker = PerceptronTagger(), ne_chunker(fmt="binary")
        t0 = time.process_time()
        for text, _ in docs:
            for sent in tokenize(text, [Block("paragraph", Span(0, len(text)))])[0]:
                words = [text[t.start : t.end] for t in sent.tokens]
                if words:
                    chunker.parse(tagger.tag(words))
        stock = time.process_time() - t0
        print(
            f"stock: {n_tokens / stock:,.0f} tokens/s (tokenize + pos_tag + ne_chunk(binary=True))"
        )
        print(f"speed-up: {stock / ours:.1f}x")


if __name__ == "__main__":
    main()
