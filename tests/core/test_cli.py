"""The command line: subcommands, output formats, exit codes and error messages."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from lawgov_score.cli import main
from paths import DATA

FRAMEWORK = str(DATA / "frameworks" / "ningxia-2015-style.json")
VALUES = str(DATA / "observations" / "provincial-long.csv")


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The real command, in a subprocess, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "lawgov_score", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


def test_plugins_lists_the_ten_dimensions(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plugins", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    by_name = {row["name"]: row for row in rows}
    assert [by_name[f"d{i:02d}"]["dimensions"] for i in range(1, 11)] == [[f"D{i}"] for i in range(1, 11)]
    assert all(row["distribution"] == "lawgov-score" and row["error"] is None for row in rows)


def test_disable_plugin_by_option_and_environment(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--disable-plugin", "d06", "framework", "--format", "json"]) == 0
    codes = [d["code"] for d in json.loads(capsys.readouterr().out)["dimensions"]]
    assert "D6" not in codes and len(codes) == 9
    result = run_cli("framework", "--format", "json", env={"LAWGOV_SCORE_DISABLE_PLUGINS": "d06,d07"})
    codes = [d["code"] for d in json.loads(result.stdout)["dimensions"]]
    assert codes == ["D1", "D2", "D3", "D4", "D5", "D8", "D9", "D10"]


def test_framework_table_shows_titles_weights_and_indicators(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["framework"]) == 0
    out = capsys.readouterr().out
    assert "D7" in out and "健全社会矛盾纠纷行政预防调处化解体系" in out and "weight 1 (10.0%)" in out
    assert "goalposts" in out


def test_score_table_ranks_units(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score-table", VALUES, "--framework", FRAMEWORK, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [entry["unit"] for entry in data["ranking"]] == ["甲县", "乙县"]
    assert data["assessments"][0]["provenance"]["framework_id"] == "provincial-8"


@pytest.mark.parametrize("fmt", ["table", "csv", "md"])
def test_score_table_formats(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score-table", VALUES, "--framework", FRAMEWORK, "--format", fmt]) == 0
    assert "甲县" in capsys.readouterr().out


def test_bad_input_exits_2_without_traceback_or_partial_file(tmp_path: Path) -> None:
    bad = tmp_path / "values.csv"
    bad.write_text("unit,year,indicator,value\n甲县,2023,p1.online_rate,nan\n", encoding="utf-8")
    out = tmp_path / "out.json"
    result = run_cli("score-table", str(bad), "--framework", FRAMEWORK, "-o", str(out))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert f'{bad}: row 2, column "value": ' in result.stderr
    assert not out.exists() and list(tmp_path.iterdir()) == [bad]


def test_validate_lists_every_error_with_its_path(tmp_path: Path) -> None:
    path = tmp_path / "fw.json"
    path.write_text(
        json.dumps(
            {
                "kind": "framework",
                "id": "x",
                "dimensions": [
                    {"code": "A", "weight": -2},
                    {"code": "B", "indicators": [{"id": "b", "kind": "guess"}]},
                ],
            }
        ),
        encoding="utf-8",
    )
    result = run_cli("validate", str(path))
    assert result.returncode == 2
    assert f"{path}: $.dimensions[0].weight: -2 is less than the minimum of 0" in result.stderr
    assert f"{path}: $.dimensions[1].indicators[0].kind: 'guess' is not one of" in result.stderr


def test_validate_accepts_good_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", FRAMEWORK]) == 0
    assert main(["validate", str(DATA / "observations" / "provincial.json")]) == 0
    assert (
        main(["score-table", VALUES, "--framework", FRAMEWORK, "--format", "json", "-o", str(tmp_path / "a.json")]) == 0
    )
    assert main(["validate", str(tmp_path / "a.json")]) == 0
    assert "valid assessment file" in capsys.readouterr().err


def test_validate_cannot_tell_kind(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text("[1, 2]", encoding="utf-8")
    result = run_cli("validate", str(path), "--kind", "framework")
    assert result.returncode == 2 and "$: [1, 2] is not of type 'object'" in result.stderr


def test_version_and_module_entry() -> None:
    result = run_cli("--version")
    assert result.returncode == 0 and "lawgov-score 0.1.0" in result.stdout


def test_validate_observations_against_a_framework(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--framework checks the indicator ids of a CSV or JSON observations file against that framework."""
    for values in (VALUES, str(DATA / "observations" / "provincial.json")):
        assert main(["validate", values, "--framework", FRAMEWORK]) == 0
        assert "valid observations file for framework provincial-8" in capsys.readouterr().err
    bad = tmp_path / "values.csv"
    bad.write_text("unit,indicator,value\n甲县,p1.unknown,1\n", encoding="utf-8")
    result = run_cli("validate", str(bad), "--framework", FRAMEWORK)
    assert result.returncode == 2 and "unknown indicator 'p1.unknown'" in result.stderr


def test_help_is_plain_text() -> None:
    """Subcommand help carries no reST markup."""
    for command in ("score", "score-table", "rank", "validate", "framework", "plugins", "extract"):
        result = run_cli(command, "--help")
        assert result.returncode == 0 and "``" not in result.stdout, command


def test_score_a_folder_of_reports(tmp_path: Path, seed_path: Path) -> None:
    """A folder stands for the reports below it; an unreadable one stops the run unless --keep-going."""
    folder = tmp_path / "reports"
    (folder / "2023").mkdir(parents=True)
    (folder / "2023" / "seed.txt").write_bytes(seed_path.read_bytes())
    county = "2023年,本县扎实推进法治政府建设。\n一、加强行政复议工作\n全年办理行政复议案件120件,办结115件。\n"
    (folder / "county.txt").write_text(county, encoding="utf-8")
    (folder / "notes.csv").write_text("not a report\n", encoding="utf-8")  # not matched by the default globs
    result = run_cli("score", str(folder), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert [a["provenance"]["source"] for a in json.loads(result.stdout)["assessments"]] == [
        str(folder / "2023" / "seed.txt"), str(folder / "county.txt")
    ]
    (folder / "empty.txt").write_bytes(b"")
    out = tmp_path / "out.json"
    stopped = run_cli("score", str(folder), "-o", str(out))
    assert stopped.returncode == 2 and "empty.txt" in stopped.stderr and not out.exists()
    kept = run_cli("score", str(folder), "--keep-going", "--format", "json", "-o", str(out))
    assert kept.returncode == 2 and "left out" in kept.stderr and "empty.txt" in kept.stderr
    assert len(json.loads(out.read_text(encoding="utf-8"))["assessments"]) == 2
