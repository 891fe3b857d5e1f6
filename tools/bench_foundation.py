"""Benchmark the foundation: load and sentence/token throughput on a ~1 MB article.

usage: python tools/bench_foundation.py [SIZE_MB]   (prints figures; not a test)
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from reader.analysis.tokens import tokenize
from reader.document.load import load

ROOT = Path(__file__).resolve().parents[1]


def make_article(size: int) -> str:
    """A long article made by repeating the sample articles' paragraphs."""
    parts = [
        ROOT.joinpath("articles", "nato-kyiv-bucharest.txt").read_text(encoding="utf-8"),
        ROOT.joinpath("articles", "glacier-study.txt").read_text(encoding="utf-8"),
    ]
    body, i = ["A long article for benchmarks\n"], 0
    while sum(map(len, body)) < size:
        body.append(parts[i % 2].split("\n", 1)[1])
        i += 1
    return "".join(body)


def main() -> None:
    size = int(float(sys.argv[1] if len(sys.argv) > 1 else 1) * 1_000_000)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        f.write(make_article(size))
    t0 = time.perf_counter()
    doc = load(f.name)
    t1 = time.perf_counter()
    tokenize("Warm up.", ())  # build the tokenizers before timing
    t2 = time.perf_counter()
    sentences, breaks = tokenize(doc.text, doc.blocks)
    t3 = time.perf_counter()
    n_tokens = sum(len(s.tokens) for s in sentences)
    print(f"text: {len(doc.text):,} chars, {len(doc.blocks):,} blocks")
    print(f"load: {(t1 - t0) * 1000:.0f} ms")
    print(
        f"sentences+tokens: {(t3 - t2) * 1000:.0f} ms for {len(sentences):,} sentences, "
        f"{n_tokens:,} tokens "
        f"({n_tokens / (t3 - t2):,.0f} tokens/s, {len(doc.text) / (t3 - t2) / 1e6:.2f} MB/s); "
        f"{len(breaks)} glued-word breaks"
    )
    Path(f.name).unlink()


if __name__ == "__main__":
    main()
