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


def test_rank_needs_no_pipeline_file(scored: Path, tmp_path: Path) -> None:
    """Scored reports are ranked by the built-in pipeline 'reports', chosen by default or by name,
    into a terminal table by default; the HTML page shows the Sobol indices of each assumption."""
    by_file = run_cli("rank", str(scored), "--pipeline", str(PIPELINE), "--format", "json")
    by_name = run_cli("rank", str(scored), "--pipeline", "reports", "--format", "json")
    by_default = run_cli("rank", str(scored), "--format", "json")
    assert by_file.stdout == by_name.stdout == by_default.stdout and by_file.returncode == 0
    table = run_cli("rank", str(scored))
    lines = table.stdout.splitlines()
    assert table.returncode == 0 and lines[0].split()[:4] == ["排名", "单位", "年份", "总分"]
    assert lines[2].split()[0] == "1" and lines[2].split()[1].startswith("深圳市")  # clipped to 100 columns
    page = tmp_path / "rank.html"
    drawn = run_cli("rank", str(scored), "--uncertainty", "32", "--title", "五份报告", "-o", str(page))
    assert drawn.returncode == 0 and "drew seed" in drawn.stderr
    html = page.read_text(encoding="utf-8")
    assert "<title>五份报告" in html and 'id="sensitivity"' in html
    rows = html.split('<table class="sensitivity">')[1].split("</table>")[0]
    assert "<th scope=\"row\">weights</th>" in rows and rows.count("±") == 2  # S1 and ST, each with its error


def test_an_indicator_table_gets_the_indicators_pipeline(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text("单位,年份,a,b\n甲,2023,1,90%\n乙,2023,3,70%\n丙,2023,2,80%\n", encoding="utf-8")
    ranked = run_cli("rank", str(table), "--format", "json")
    assert ranked.returncode == 0, ranked.stderr
    result = json.loads(ranked.stdout)
    assert result["pipeline"]["name"] == "indicators"
    scores = {row["unit"]: row["scores"][result["index"]] for row in result["units"]}
    assert scores == pytest.approx({"甲": 50.0, "乙": 50.0, "丙": 50.0})  # min-max: each best once, worst once
