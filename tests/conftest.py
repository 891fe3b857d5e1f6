"""Shared fixtures: the repository's sample articles and the corpora folder (when present)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.document.model import Block, Span

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "articles"
SEED = ARTICLES / "nato-kyiv-bucharest.txt"
CORPORA = ROOT.parent / "shared" / "corpora"


@pytest.fixture(autouse=True)
def private_store(tmp_path_factory, monkeypatch):
    """No test reads or writes the user's own store (subprocesses inherit this too)."""
    monkeypatch.setenv("READER_STATE_DIR", str(tmp_path_factory.mktemp("state")))


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def needs_corpora(sub: str) -> Path:
    """Path of a corpus under ``../shared/corpora``; skips the calling test where it is absent."""
    path = CORPORA / sub
    if not path.exists():
        pytest.skip(f"corpus {sub} not available")
    return path


def line_blocks(text: str) -> tuple[Block, ...]:
    """One paragraph block per non-empty line: the simplest structure the analysers can be given."""
    blocks, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            blocks.append(Block("paragraph", Span(pos, pos + len(line))))
        pos += len(line) + 1
    return tuple(blocks)
