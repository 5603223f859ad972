"""What scoring a report from the command line imports: not numpy, jsonschema or importlib.metadata.

Start-up is most of the time of ``lawgov-score score REPORT`` (``benchmarks/bench_startup.py``):
numpy (the panel engine's, ≈ 120 ms to import), jsonschema (≈ 40 ms, for validating files) and
importlib.metadata (≈ 20 ms; the entry points are read without it) have no part in scoring one
report. Each run is a new interpreter, as a user's is.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from paths import SEED

HEAVY = ("numpy", "jsonschema", "importlib.metadata")
RUN = """
import json, sys
sys.argv = ["lawgov-score", "score", sys.argv[1], "--format", sys.argv[2], "-o", sys.argv[3]]
from lawgov_score.cli import main
status = main()
print(json.dumps({"status": status, "modules": sorted(sys.modules)}))
"""


def imported_by_score(fmt: str, out: Path) -> set[str]:
    done = subprocess.run([sys.executable, "-c", RUN, str(SEED), fmt, str(out / f"seed.{fmt}")],
                          capture_output=True, text=True, check=True)
    result = json.loads(done.stdout.splitlines()[-1])
    assert result["status"] == 0, done.stderr
    return set(result["modules"])


@pytest.mark.parametrize("fmt", [
    pytest.param("json", marks=pytest.mark.xfail(
        strict=True, reason="render/assessments.py still validates every JSON output against its schema")),
    "csv", "table", "md",
])
def test_scoring_a_report_imports_none_of_the_heavy_libraries(fmt: str, tmp_path: Path) -> None:
    """``lawgov-score score SEED --format FMT`` never imports numpy, jsonschema or importlib.metadata."""
    assert not set(HEAVY) & imported_by_score(fmt, tmp_path)


def test_scoring_a_report_as_json_imports_no_numpy(tmp_path: Path) -> None:
    """The JSON output is scored without numpy and without importlib.metadata."""
    assert not {"numpy", "importlib.metadata"} & imported_by_score("json", tmp_path)
