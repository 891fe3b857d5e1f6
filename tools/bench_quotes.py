"""Benchmark the quote analyser on PolNeAR (brat standoff), with the official scorer's metrics.

usage: python tools/bench_quotes.py [SPLIT_DIR] [--misses N] [--rules] [--no-filters]
       python tools/bench_quotes.py --speed

``--rules`` switches the speaker ranker off (the cue rules alone name the speaker), to see what
it is worth; ``--no-filters`` switches the filter stage off (every quotation kept). ``--speed``
measures instead the quotes' share of the analysis time on the 1 MB benchmark article and the
growth exponent of the quotes step (100 to 800 KB) on normal prose and on adversarial shapes
(hundreds of quotes in one paragraph, a transcript, unbalanced marks, one long line), and checks
every span on a 5 MB single line.

Gold direct quotes are the quoted segments (an opening mark to its closing mark) inside each
attribution's ``Content`` span, with that attribution's ``Source`` span as the speaker mention.
Predictions are matched one to one by overlap; "exact" compares spans after trimming marks,
spaces and punctuation. Also prints what share of the whole analysis time quotes take, and how
many unmatched predictions lie inside annotated ``Content`` that gives them no gold quote of
their own (a ``Content2`` span of an attribution, content that starts after its mark as in
transcript turns, or mixed marks that the gold rule pairs differently), and how often
``speaker.name`` holds the surname of a gold ``Source`` that is a name: a check of the entity
link, which the official scorer does not make.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
import time
from pathlib import Path

from reader.analysis.model import Quote, Sentence
from reader.analysis.pipeline import analyse
from reader.analysis.quotes import find_quotes, ranker
from reader.analysis.tokens import tokenize
from reader.document.load import from_bytes, load
from reader.document.model import Document, Span

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_foundation import make_article

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "polnear" / "dev"
CLOSERS = {"“": "”", '"': '"'}
TRIM = " \t\n\"'“”‘’«».,;:!?—–-"

Pair = tuple[tuple[int, int], tuple[int, int] | None]


def _segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, i = [], start
    while i < end:
        if text[i] in CLOSERS:
            j = text.find(CLOSERS[text[i]], i + 1, end + 2)
            j = end if j < 0 else j + 1
            out.append((i, min(j, len(text))))
            i = j
        else:
            i += 1
    return out


def gold(text: str, ann: Path) -> list[Pair]:
    """Direct quotes and their Source spans from one annotation file."""
    spans: dict[str, tuple[str, int, int]] = {}
    events: list[dict[str, str]] = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        if line.startswith("T") and line.count("\t") >= 2:  # a text may run over lines
            tid, info, _ = line.split("\t", 2)
            kind, ranges = info.split(" ", 1)
            parts = [tuple(map(int, r.split())) for r in ranges.split(";")]
            spans[tid] = (kind, parts[0][0], parts[-1][1])
        elif line.startswith("E"):
            events.append(dict(a.split(":", 1) for a in line.split("\t")[1].split()))
    out: list[Pair] = []
    for ev in events:
        content, source = spans.get(ev.get("Content", "")), spans.get(ev.get("Source", ""))
        if content:
            for seg in _segments(text, content[1], content[2]):
                out.append((seg, (source[1], source[2]) if source else None))
    return out


_OWNER_ROLE = re.compile(r"[’']s(?:\s+[a-z][\w-]*)+\s*$")  # "Ann Lee's campaign chairman"


def _surname(source: str) -> str | None:
    """The last capitalised word of a gold Source that is a name ("Sen. Ann Lee (D-Ky.), who …" →
    "Lee", "Ann Lee of the Trust" → "Lee", "Ann Lee's lawyer, Tom Ode" → "Ode"); None for pronouns
    and descriptions ("he", "the senator")."""
    parts = re.split(r"[,(]", source)
    head = parts[0]
    if len(parts) > 1 and _OWNER_ROLE.search(head) and parts[1].strip()[:1].isupper():
        head = parts[1]  # "Ann Lee's lawyer, Tom Ode" is Ode
    owner, of, _ = head.partition(" of ")
    if of and sum(w[:1].isupper() for w in owner.split()) >= 2:
        head = owner  # "Ann Lee of the Harbour Trust" is Lee; "Secretary of State Ann Lee" too
    words = re.findall(r"[\w’'.-]+", head)
    if (
        not words
        or not words[0][:1].isupper()
        or words[0].lower() in {"the", "a", "an", "he", "she", "they", "it", "we", "i", "who"}
    ):
        return None
    caps = [w for w in words if w[:1].isupper()]
    return re.sub(r"[’']s$", "", caps[-1]).rstrip(".") if caps else None


def annotated(ann: Path) -> list[tuple[int, int]]:
    """Every ``Content`` span of an annotation file, linked as ``Content`` or not."""
    out = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        if line.startswith("T") and line.count("\t") >= 2:
            kind, ranges = line.split("\t", 2)[1].split(" ", 1)
            if kind == "Content":
                parts = [tuple(map(int, r.split())) for r in ranges.split(";")]
                out.append((parts[0][0], parts[-1][1]))
    return out


def run(
    doc: Document, rules: bool = False, filtering: bool = True
) -> tuple[list[Quote], float, float]:
    """Quotes, their time and the whole analysis time (ms). When another analyser is broken
    mid-development, quotes still run, on the sentences alone and with no entities."""
    t0 = time.perf_counter()
    try:
        result = analyse(doc)
    except Exception as exc:
        print(
            f"warning: full analysis failed ({exc!r}); quotes run without entities", file=sys.stderr
        )
        sentences, _ = tokenize(doc.text, doc.blocks)
        t1 = time.perf_counter()
        quotes = find_quotes(doc.text, [b.span for b in doc.blocks], sentences, [])
        return quotes, (time.perf_counter() - t1) * 1000, (time.perf_counter() - t0) * 1000
    quotes = list(result.quotes)
    if rules or not filtering:
        paras = [b.span for b in doc.blocks]
        choose = ranker.by_rules if rules else None
        quotes = find_quotes(
            doc.text, paras, result.sentences, result.entities, choose=choose, filtering=filtering
        )
    return quotes, result.timings_ms.get("quotes", 0.0), (time.perf_counter() - t0) * 1000


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in TRIM:
        s += 1
    while e > s and text[e - 1] in TRIM:
        e -= 1
    return s, e


def _overlap(a, b) -> bool:
    return bool(a and b and a[0] < b[1] and b[0] < a[1])


SHAPES = {
    "prose": lambda n: make_article(n),
    "one paragraph of quotes": lambda n: ("“We agree,” Ann Lee said. “No,” he said. " * n)[:n],
    "transcript": lambda n: ("HOST: Why now?\nANN LEE: “Because,” she said, “we can.”\n" * n)[:n],
    "unbalanced marks": lambda n: ("“ a ” ‘ b \" c ' d « " * n)[:n],
    "one long line": lambda n: make_article(n).replace("\n", " "),
}


def _quotes_ms(text: str) -> tuple[float, float, int]:
    """The quotes step's and the whole analysis's time (ms) on ``text``, and the quotes found."""
    doc = from_bytes(text.encode(), "bench", "text")
    result = analyse(doc)
    return result.timings_ms.get("quotes", 0.0), sum(result.timings_ms.values()), len(result.quotes)


def _sentences(text: str) -> list[Sentence]:
    """Sentences, or none when the splitter fails on the shape (its regex timeout on one long
    line): quotes must still run."""
    try:
        return tokenize(text, from_bytes(text.encode(), "bench", "text").blocks)[0]
    except Exception as err:
        print(f"  (sentence splitter failed: {type(err).__name__}; quotes run without sentences)")
        return []


def speed() -> int:
    """Quotes' share of the analysis time and their growth exponent (not a test)."""
    q_ms, all_ms, n = _quotes_ms(make_article(1_000_000))
    share = 100 * q_ms / all_ms
    print(f"1 MB article: quotes {q_ms:.0f} ms of {all_ms:.0f} ms ({share:.1f}%), {n} quotes")
    for name, make in SHAPES.items():
        sizes = [100_000, 200_000, 400_000, 800_000]
        times = []
        for size in sizes:
            text = make(size)
            paras = [b.span for b in from_bytes(text.encode(), "bench", "text").blocks]
            sentences = _sentences(text)
            t0 = time.perf_counter()
            find_quotes(text, paras, sentences, [])
            times.append(time.perf_counter() - t0)
        k = math.log(times[-1] / times[0]) / math.log(sizes[-1] / sizes[0])
        ms = " ".join(f"{t * 1000:.0f}" for t in times)
        print(f"{name}: quotes {ms} ms at 100-800 KB; growth exponent {k:.2f}")
    line = make_article(5_000_000).replace("\n", " ")
    paras = [Span(0, len(line))]
    sentences = _sentences(line)
    t0 = time.perf_counter()
    found = find_quotes(line, paras, sentences, [])
    ok = all(0 <= q.span.start < q.span.end <= len(line) for q in found)
    took = time.perf_counter() - t0
    print(f"5 MB single line: {len(found)} quotes in {took:.1f} s, spans valid: {ok}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("split", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--misses", type=int, default=0, help="print up to N wrong speakers/spans")
    ap.add_argument("--rules", action="store_true", help="the cue rules alone name speakers")
    ap.add_argument("--no-filters", action="store_true", help="keep every quotation")
    ap.add_argument("--speed", action="store_true", help="time and growth, not accuracy")
    args = ap.parse_args()
    if args.speed:
        return speed()
    if not (args.split / "text").is_dir():
        sys.exit(f"no PolNeAR split at {args.split} (see ../shared/corpora/README.md)")
    anns: dict[str, Path] = {}
    for a in sorted((args.split / "attributions").glob("*.ann")):
        anns.setdefault(re.sub(r"_[0-9a-f]{4}\.ann$", "", a.name), a)
    texts = [t for t in sorted((args.split / "text").glob("*.txt")) if t.stem in anns]
    n_pred = n_gold = m_pred = m_gold = exact = spk_total = spk_ok = 0
    unread = 0  # unmatched predictions inside annotated content that the gold rule skips
    named = named_ok = (
        0  # quotes whose gold Source is a name, and those whose speaker.name holds it
    )
    total_ms = quotes_ms = 0.0
    misses: list[str] = []
    for path in texts:
        doc = load(str(path))  # as `reader analyse` reads it
        text = path.read_text(encoding="utf-8")
        if doc.text != text:
            print(
                f"warning: {path.name}: analysed text differs from file; offsets may not align",
                file=sys.stderr,
            )
        quotes, q_ms, all_ms = run(doc, args.rules, not args.no_filters)
        total_ms += all_ms
        quotes_ms += q_ms
        pred = [
            (
                (q.span.start, q.span.end),
                (q.speaker.mention.start, q.speaker.mention.end) if q.speaker.mention else None,
            )
            for q in quotes
        ]
        names = [q.speaker.name or "" for q in quotes]
        gq = gold(text, anns[path.stem])
        n_pred += len(pred)
        n_gold += len(gq)
        used: set[int] = set()
        for gs, gsrc in gq:
            hit = next(
                (i for i, (ps, _) in enumerate(pred) if i not in used and _overlap(gs, ps)), None
            )
            if hit is None:
                misses.append(f"MISSED {path.stem}: {text[gs[0] : gs[1]][:90]!r}")
                continue
            used.add(hit)
            m_gold += 1
            ps, psrc = pred[hit]
            if _trim(text, *gs) == _trim(text, *ps):
                exact += 1
            else:
                misses.append(
                    f"SPAN {path.stem}: gold {text[gs[0] : gs[1]][:70]!r} "
                    f"pred {text[ps[0] : ps[1]][:70]!r}"
                )
            if gsrc and (surname := _surname(text[gsrc[0] : gsrc[1]])):
                named += 1
                named_ok += surname in names[hit]
            if gsrc:
                spk_total += 1
                ok = _overlap(gsrc, psrc)
                spk_ok += ok
                if not ok:
                    ctx = text[max(0, min(gs[0], gsrc[0]) - 40) : max(gs[1], gsrc[1]) + 40].replace(
                        "\n", " | "
                    )
                    got = text[psrc[0] : psrc[1]] if psrc else None
                    misses.append(
                        f"SPEAKER {path.stem}: gold {text[gsrc[0] : gsrc[1]]!r} "
                        f"got {got!r}\n    {ctx}"
                    )
        contents = annotated(anns[path.stem])
        for i, (ps, _) in enumerate(pred):
            if i not in used:
                inside = any(_overlap(c, ps) for c in contents)
                unread += inside
                misses.append(
                    f"EXTRA{' (in unread content)' if inside else ''} {path.stem}: "
                    f"{text[ps[0] : ps[1]][:90]!r}"
                )
        m_pred += len(used)
    p = m_pred / n_pred if n_pred else 0.0
    r = m_gold / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    pe = exact / n_pred if n_pred else 0.0
    re_ = exact / n_gold if n_gold else 0.0
    fe = 2 * pe * re_ / (pe + re_) if pe + re_ else 0.0
    acc = spk_ok / spk_total if spk_total else 0.0
    for line in misses[: args.misses]:
        print(line)
    print(f"docs={len(texts)} gold={n_gold} pred={n_pred} exact F1={fe:.3f}")
    print(f"speaker mention accuracy={acc:.3f} ({spk_ok}/{spk_total})")
    print(
        f"speaker name: holds the surname of a gold Source that is a name in {named_ok}/{named} "
        f"({named_ok / named if named else 0:.3f})"
    )
    print(f"QUOTES overlap P={p:.3f} R={r:.3f} F1={f:.3f} speaker={acc:.3f}")
    p2 = m_pred / (n_pred - unread) if n_pred > unread else 0.0
    print(
        f"unmatched predictions: {n_pred - m_pred}, {unread} of them inside annotated Content "
        f"that gives them no gold quote of their own; without those P={p2:.3f} "
        f"F1={2 * p2 * r / (p2 + r) if p2 + r else 0:.3f}"
    )
    print(
        f"time: quotes {quotes_ms:.0f} ms of {total_ms:.0f} ms analysis "
        f"({100 * quotes_ms / total_ms if total_ms else 0:.1f}%)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
