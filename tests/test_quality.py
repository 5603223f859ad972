"""The code stays ruff clean and mypy clean (strict), as the project's standards require."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from paths import ROOT


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_ruff_is_clean() -> None:
    """`ruff check` finds nothing in the library, the plugins, the tests, the benchmarks and the docs."""
    result = run(sys.executable, "-m", "ruff", "check", "src", "plugins", "tests", "benchmarks", "docs")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_clean(tmp_path: Path) -> None:
    """`mypy` (strict, configured in pyproject.toml) finds nothing in the library and the plugins."""
    result = run(sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "mypy-cache"))
    assert result.returncode == 0, result.stdout + result.stderr
