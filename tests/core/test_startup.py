"""What the command line imports: only what a command needs.

Start-up is most of the time of ``lawgov-score score REPORT`` (``benchmarks/bench_startup.py``).
Scoring needs numpy (the one engine, :mod:`lawgov_score.scoring.engine`), but neither jsonschema
(≈ 40 ms, for validating files: outputs are validated in the tests and with ``--validate``) nor
importlib.metadata (≈ 20 ms; the entry points are read without it); reading a report
(``extract``) needs no numpy either. Each run is a new interpreter, as a user's is.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from paths import SEED

RUN = """
import json, sys
sys.argv = ["lawgov-score", *sys.argv[1:]]
from lawgov_score.cli import main
status = main()
print(json.dumps({"status": status, "modules": sorted(sys.modules)}))
"""


def imported_by(*args: str) -> set[str]:
    done = subprocess.run([sys.executable, "-c", RUN, *args], capture_output=True, text=True, check=True)
    result = json.loads(done.stdout.splitlines()[-1])
    assert result["status"] == 0, done.stderr
    return set(result["modules"])


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "table", "md"])
def test_scoring_a_report_imports_no_schema_checker_and_no_metadata_scan(fmt: str, tmp_path: Path) -> None:
    """``lawgov-score score SEED --format FMT`` imports neither jsonschema nor importlib.metadata."""
    modules = imported_by("score", str(SEED), "--format", fmt, "-o", str(tmp_path / f"seed.{fmt}"))
    assert not {"jsonschema", "importlib.metadata"} & modules


def test_reading_a_report_imports_no_numpy_and_no_schema_checker(tmp_path: Path) -> None:
    modules = imported_by("extract", str(SEED), "-o", str(tmp_path / "seed.json"))
    assert not {"numpy", "jsonschema", "importlib.metadata"} & modules


def test_listing_plugins_scans_no_distribution_metadata() -> None:
    assert "importlib.metadata" not in imported_by("plugins")
