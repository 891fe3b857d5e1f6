"""What the library lists: the bundled articles and the recently opened files (a small JSON),
and the other small state files (the theme).

State lives in ``$READER_STATE_DIR``, else ``$XDG_STATE_HOME/reader``, else ``~/.local/state/reader``.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

ROOT_ARTICLES = Path(__file__).resolve().parents[2] / "articles"
SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}
MAX_RECENT = 20


def state_dir() -> Path:
    if env := os.environ.get("READER_STATE_DIR"):
        return Path(env)
    base = os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state"
    return Path(base) / "reader"


def article_dirs() -> list[Path]:
    """The repository's articles/ (editable install) and ./articles, each once."""
    dirs = [ROOT_ARTICLES, Path.cwd() / "articles"]
    seen: set[Path] = set()
    return [d for d in dirs if d.is_dir() and not (d.resolve() in seen or seen.add(d.resolve()))]


@dataclass(frozen=True, slots=True)
class Entry:
    source: str  # path or URL, what `load` takes
    title: str
    date: str  # YYYY-MM-DD: published (once described), else opened (recent) or modified (file)
    size: int | None  # bytes; None for URLs
    recent: bool = False


def _day(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp, UTC).date().isoformat()


def _file_entry(
    path: Path, title: str | None = None, recent: bool = False, opened: float | None = None
) -> Entry:
    stat = path.stat()
    return Entry(str(path), title or path.name, _day(opened or stat.st_mtime), stat.st_size, recent)


def describe(entry: Entry) -> Entry:
    """``entry`` with the title and date its document gives (slow for HTML: call it off the UI thread)."""
    if entry.recent or entry.size is None:
        return entry
    from reader.document.errors import LoadError
    from reader.document.load import load

    try:
        document = load(entry.source)
    except LoadError:
        return entry
    return replace(entry, title=document.title or entry.title, date=document.date or entry.date)


def entries(dirs: list[Path] | None = None) -> list[Entry]:
    """Recent files first (newest first), then the articles folders by name."""
    found = []
    for item in load_recent():
        source, title, opened = (
            item["source"],
            item.get("title") or item["source"],
            item.get("opened", 0.0),
        )
        if "://" in source:
            found.append(Entry(source, title, _day(opened), None, True))
        elif Path(source).is_file():
            found.append(_file_entry(Path(source), title, True, opened))
    for folder in article_dirs() if dirs is None else dirs:
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() in SUFFIXES and path.is_file():
                found.append(_file_entry(path))
    return found


def read_state(name: str, default):
    """A JSON file of the state folder, or ``default`` when it is missing or unreadable."""
    try:
        return json.loads((state_dir() / name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return default


def write_state(name: str, data) -> None:
    """Replace a JSON file of the state folder atomically; a read-only home must not break reading."""
    folder = state_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f"{name}.tmp"
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        tmp.replace(folder / name)
    except OSError:
        pass


def load_recent() -> list[dict]:
    data = read_state("recent.json", [])
    return (
        [d for d in data if isinstance(d, dict) and isinstance(d.get("source"), str)]
        if isinstance(data, list)
        else []
    )


def remember(source: str, title: str | None) -> None:
    """Put ``source`` at the top of the recent list."""
    if source == "-":
        return
    if "://" not in source:
        source = str(Path(source).resolve())
    recent = [d for d in load_recent() if d["source"] != source]
    recent.insert(0, {"source": source, "title": title, "opened": time.time()})
    write_state("recent.json", recent[:MAX_RECENT])
