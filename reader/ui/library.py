"""What the library lists: every article the store remembers (last read first), then the
bundled articles not opened yet.  One row per article: a file is known by its absolute path."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from reader.store import Store, library, shared

ROOT_ARTICLES = Path(__file__).resolve().parents[2] / "articles"
SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}


def article_dirs() -> list[Path]:
    """The repository's articles/ (editable install) and ./articles, each once."""
    found: dict[Path, Path] = {}
    for folder in (ROOT_ARTICLES, Path.cwd() / "articles"):
        if folder.is_dir():
            found.setdefault(folder.resolve(), folder)
    return list(found.values())


@dataclass(frozen=True, slots=True)
class Entry:
    source: str  # path or URL, what `load` takes (a remembered one: absolute, or the store's key)
    title: str
    published: str | None  # YYYY-MM-DD, when the article says
    last_read: str | None  # YYYY-MM-DD; None for an article never opened
    progress: float = 0.0
    highlights: int = 0
    article_id: int | None = None  # the store's row


def _day(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp, UTC).date().isoformat()


def describe(entry: Entry) -> Entry:
    """``entry`` with the title and date its document gives (slow for HTML: off the UI thread)."""
    if entry.article_id is not None or "://" in entry.source:
        return entry
    from reader.document.errors import LoadError
    from reader.document.load import load

    try:
        document = load(entry.source)
    except LoadError:
        return entry
    return replace(
        entry, title=document.title or entry.title, published=document.date or entry.published
    )


def entries(dirs: list[Path] | None = None, store: Store | None = None) -> list[Entry]:
    """Remembered articles, last read first, then the articles folders' other files by name."""
    store = shared() if store is None else store
    found = [
        Entry(
            a.source,
            a.title or Path(a.source).name,
            a.date,
            _day(a.last_opened),
            a.progress,
            a.highlights,
            a.id,
        )
        for a in store.read(library.articles)
    ]
    known = {e.source for e in found}
    for folder in article_dirs() if dirs is None else dirs:
        for path in sorted(folder.iterdir()):
            new = path.is_file() and str(path.resolve()) not in known
            if path.suffix.lower() in SUFFIXES and new:
                found.append(Entry(str(path), path.name, None, None))
    return found
