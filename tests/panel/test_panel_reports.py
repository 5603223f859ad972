"""Scored reports ranked by the panel engine: the workflow ``score --format json`` → ``rank``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from paths import DATA, ROOT, SEED

PIPELINE = ROOT / "src" / "lawgov_score" / "panel" / "pipelines" / "reports.json"


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "lawgov_score", *args], capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def scored(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("reports")
    (folder / "seed.txt").write_bytes(SEED.read_bytes())
    for report in sorted((DATA / "reports").glob("*.txt")):
        (folder / report.name).write_bytes(report.read_bytes())
    out = folder / "assessments.json"
    result = run_cli("score", str(folder), "--format", "json", "-o", str(out))
    assert result.returncode == 0, result.stderr
    return out


def test_fixed_goalposts_pipeline_reproduces_the_report_scores(scored: Path) -> None:
    """With framework goalposts, framework weights and available-case aggregation, the panel
    engine's index equals each report's own overall score: two independent implementations agree."""
    assessments = json.loads(scored.read_text(encoding="utf-8"))["assessments"]
    ranked = run_cli("rank", str(scored), "--pipeline", str(PIPELINE), "--format", "json")
    assert ranked.returncode == 0, ranked.stderr
    result = json.loads(ranked.stdout)
    index = result["index"]
    engine = {row["unit"]: row["scores"][index] for row in result["units"]}
    scorer = {a["unit"]["name"]: a["overall"] for a in assessments}
    assert engine == pytest.approx(scorer, abs=1e-9)
    for row in result["units"]:
        dimensions = {d["code"]: d["score"] for a in assessments if a["unit"]["name"] == row["unit"]
                      for d in a["dimensions"]}
        assert {code: row["scores"][code] for code in dimensions} == pytest.approx(dimensions, abs=1e-9)


def test_rank_with_uncertainty_from_scored_reports(scored: Path) -> None:
    """Scored reports go straight into the uncertainty analysis; the data-rich seed ranks first."""
    ranked = run_cli("rank", str(scored), "--pipeline", str(PIPELINE), "--uncertainty", "200", "--seed", "3",
                     "--format", "csv")
    assert ranked.returncode == 0, ranked.stderr
    header, *rows = ranked.stdout.splitlines()
    columns = header.split(",")
    seed = dict(zip(columns, next(row for row in rows if row.startswith("深圳市宝安区人民政府,")).split(",")))
    assert seed["cn-outline-2021-2025.rank"] == "1"
    assert int(float(seed["rank.p05"])) <= int(float(seed["rank.median"])) <= int(float(seed["rank.p95"]))
