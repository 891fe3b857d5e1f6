"""Lint, format and types are part of the suite, so the README's one test command checks them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHECKS = {
    "ruff check": ["-m", "ruff", "check", "reader", "tests", "tools", ".ci"],
    "ruff format": ["-m", "ruff", "format", "--check", "reader", "tests", "tools", ".ci"],
    "mypy": ["-m", "mypy"],  # files and the core's strict flags are in pyproject.toml
}


@pytest.mark.parametrize("name", CHECKS)
def test_the_code_is_clean(name: str) -> None:
    done = subprocess.run(
        [sys.executable, *CHECKS[name]], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, f"{name} found problems:\n{done.stdout}{done.stderr}"
