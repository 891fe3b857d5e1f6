"""The analysis core stays plain Python: importing it must not pull in Textual."""

from __future__ import annotations

import subprocess
import sys


def test_core_never_imports_textual():
    code = (
        "import sys, reader.analysis, reader.document.load, reader.cli, reader.report; "
        "import reader.store.reading, reader.store.export, reader.store.cache, reader.library_cli; "
        "from reader.analysis import analyse; from reader.document.load import load; "
        "analyse(load('articles/nato-kyiv-bucharest.txt')); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'reader.ui')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=__file__.rsplit("/tests/", 1)[0],
    )
    assert out.stdout.strip() == "[]"
