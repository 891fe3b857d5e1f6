"""``reader library`` and ``reader export``: what the reader remembers, from the command line."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

from reader.document.errors import LoadError
from reader.store import Store, export, library, open_store
from reader.store import highlights as hl
from reader.store.export import clean, iso
from reader.store.library import clip_left
from reader.store.reading import analysis, open_document


def _store() -> Store:
    store = open_store()
    if store.note:
        print(store.note, file=sys.stderr)
    return store


def library_command(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="reader library", description="List every article opened, last read first."
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    args = parser.parse_args(argv)
    entries = _store().read(library.articles)
    if args.format == "json":
        for e in entries:
            row = {
                "source": e.source,
                "title": e.title,
                "date": e.date,
                "author": e.author,
                "first_opened": iso(e.first_opened),
                "last_read": iso(e.last_opened),
                "progress": round(e.progress, 3),
                "highlights": e.highlights,
            }
            print(json.dumps(row, ensure_ascii=False))
        return 0
    width = shutil.get_terminal_size((80, 24)).columns
    if entries:
        print("\n".join(clean(line) for line in library_lines(entries, width)))
    else:
        print("The library is empty: open an article with `reader SOURCE`.", file=sys.stderr)
    return 0


def library_lines(entries: list[library.Article], width: int) -> list[str]:
    """A header, then ``2024-05-01   45%      3  Title…  source`` per article: the titles give
    way so the sources show, up to half the width."""
    rows = [("Last read", "Read", "Marks", "Title", "Source")] + [
        (
            iso(e.last_opened)[:10],
            f"{round(e.progress * 100)}%",
            str(e.highlights),
            e.title or "(untitled)",
            library.short(e.source),
        )
        for e in entries
    ]
    head = 10 + 2 + 4 + 2 + 5 + 2
    source = min(max(len(r[4]) for r in rows), max(16, width - head - 22))
    title = max(20, width - head - source - 2)
    return [
        _clip(f"{d:<10}  {p:>4}  {m:>5}  {_clip(t, title):<{title}}  {clip_left(s, source)}", width)
        for d, p, m, t, s in rows
    ]


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def export_command(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="reader export",
        description="Print your highlights and notes: Markdown, or W3C Web Annotations (JSON).",
    )
    parser.add_argument("sources", nargs="*", metavar="SOURCE", help="articles in the library")
    parser.add_argument("--all", action="store_true", help="every article with highlights")
    parser.add_argument("--format", choices=("markdown", "json"), default="markdown")
    parser.add_argument(
        "--with-quotes", action="store_true", help="add the quotes found, with their speakers"
    )
    args = parser.parse_args(argv)
    if not args.sources and not args.all:
        parser.error("name one or more SOURCEs, or --all")
    store = _store()
    chosen, status = [], 0
    if args.all:
        chosen = [a for a in store.read(library.articles) if a.highlights]
    for source in args.sources:
        found = store.read(library.find, _key(source))
        if found is None:
            print(f"reader: {source}: not in the library (open it first)", file=sys.stderr)
            status = 1
        else:
            chosen.append(found)
    parts, items = [], []
    for article in chosen:
        quotes = _quotes(store, article) if args.with_quotes else []
        article = store.read(library.find, article.source) or article  # after any re-anchoring
        marks = store.read(hl.of_article, article.id)
        parts.append(export.markdown(article, marks, quotes))
        items += export.web_annotations(article, marks, quotes)
    if args.format == "json":
        print(json.dumps(export.collection("reader export", items), ensure_ascii=False, indent=1))
    elif parts:
        print("\n".join(parts), end="")
    return status


def _key(source: str) -> str:
    return source if "://" in source or source.startswith("stdin:") else str(Path(source).resolve())


def _quotes(store: Store, article: library.Article) -> list:
    """The article's quotes: its kept copy or its file, analysed (or from the cache)."""
    from reader.analysis import analyse
    from reader.document.load import load

    document = store.read(library.kept_document, article.source)
    if document is None:
        try:
            document = load(article.source)
        except LoadError as error:
            print(f"reader: {error} (exporting without quotes)", file=sys.stderr)
            return []
        open_document(store, document)
    return list(analysis(store, document, analyse)[0].quotes)
