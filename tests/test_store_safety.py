"""Nothing lost: a writer killed mid-loop keeps every committed highlight; two instances at once."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from reader.document.model import Span
from reader.store import highlights as hl
from reader.store import library, open_store

ROOT = Path(__file__).resolve().parents[1]

WRITER = """
import sys
from pathlib import Path
from reader.document.model import Block, Document, Span
from reader.store import library, open_store
from reader.store import highlights as hl

text = "One sentence to mark. " * 200
store = open_store(Path(sys.argv[1]))
doc = Document(text, "https://example.com/shared", (Block("paragraph", Span(0, len(text))),))
article = store.write(library.remember, doc).article
for n in range(int(sys.argv[2])):
    h = store.write(hl.add, article.id, text, Span(n % 100, n % 100 + 8), f"note {n}")
    print(h.id, flush=True)
"""


def writer(folder: Path, count: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(folder), str(count)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )


def saved_ids(folder: Path) -> set[int]:
    store = open_store(folder)
    article = store.read(library.find, "https://example.com/shared")
    return {h.id for h in store.read(hl.of_article, article.id)} if article else set()


def test_kill_9_mid_loop_loses_no_committed_highlight(tmp_path):
    proc = writer(tmp_path, 1_000_000)
    assert proc.stdout is not None
    reported = [int(proc.stdout.readline()) for _ in range(200)]
    os.kill(proc.pid, signal.SIGKILL)
    reported += [int(line) for line in proc.stdout.read().split()]
    proc.wait()
    survived = saved_ids(tmp_path)
    assert set(reported) <= survived  # every highlight reported as saved is there
    assert len(survived) - len(reported) <= 1  # at most the one committed as it was killed
    conn = sqlite3.connect(tmp_path / "reader.db")
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_two_instances_write_at_once_and_see_each_others_highlights(tmp_path):
    first, second = writer(tmp_path, 150), writer(tmp_path, 150)
    outputs = [p.communicate()[0].split() for p in (first, second)]
    assert [p.returncode for p in (first, second)] == [0, 0]
    assert all(len(out) == 150 for out in outputs)
    assert saved_ids(tmp_path) == {int(i) for out in outputs for i in out}
    assert open_store(tmp_path).remembers  # neither fell back to memory


def test_a_second_instance_sees_the_firsts_highlights_on_reopen(tmp_path):
    one, two = open_store(tmp_path), open_store(tmp_path)
    text = "A shared article."
    doc = library.document_from_json(
        {"text": text, "source": "https://example.com/s", "blocks": [["paragraph", 0, len(text)]]}
    )
    art = one.write(library.remember, doc).article
    one.write(hl.add, art.id, text, Span(2, 8), "from one")
    art_two = two.write(library.remember, doc).article
    assert [h.note for h in two.read(hl.of_article, art_two.id)] == ["from one"]
