"""The ``rank`` subcommand: ASEM from the command line, formats, errors, no partial output."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from lawgov_score.cli import parse
from lawgov_score.errors import InputError
from lawgov_score.schemas import validate

ASEM = Path(__file__).resolve().parents[1] / "data" / "coinr-asem"


def run(*argv: str) -> int:
    args = parse(["rank", *argv])
    status: int = args.func(args)
    return status


def test_asem_json_with_uncertainty_and_coherence(tmp_path: Path) -> None:
    out = tmp_path / "asem.json"
    status = run(str(ASEM / "ASEM_iData.csv"), "--pipeline", str(ASEM / "asem-pipeline.json"),
                 "--uncertainty", "20", "--seed", "5", "--coherence", "--aggregations", "arithmetic,geometric",
                 "--leave-one-out", "-o", str(out))
    assert status == 0
    document = json.loads(out.read_text(encoding="utf-8"))
    validate(document, "panel-result")
    che = next(u for u in document["units"] if u["unit"] == "CHE")
    assert round(che["scores"]["Index"], 2) == 68.38 and che["ranks"]["Index"] == 1
    assert document["uncertainty"]["seed"] == 5
    assert document["uncertainty"]["sampling"] == "sobol" and document["uncertainty"]["resamples"] == 100
    assert all(a["S1_conf"] is not None and a["S1_conf"] > 0 for a in document["uncertainty"]["assumptions"])
    names = [a["name"] for a in document["uncertainty"]["assumptions"]]
    assert names == ["weights", "aggregation", "leave_one_out"]
    assert len(document["uncertainty"]["units"]) == 51


def test_asem_csv(tmp_path: Path) -> None:
    out = tmp_path / "asem.csv"
    run(str(ASEM / "ASEM_iData.csv"), "--pipeline", str(ASEM / "asem-pipeline.json"), "--format", "csv",
        "--uncertainty", "10", "--seed", "1", "-o", str(out))
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    india = next(r for r in rows if r["unit"] == "IND")
    assert round(float(india["Index"]), 2) == 39.79 and india["Index.rank"] == "45"
    assert "rank.p95" in rows[0]


def test_observations_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    observations = {
        "observations": [
            {"unit": u, "year": 2023, "indicator": i, "value": v}
            for u, values in {"A": (1, 100), "B": (2, 50), "C": (3, None)}.items()
            for i, v in zip(("cases", "staff"), values, strict=True)
        ],
        "units": [{"name": "A", "population": 10}, {"name": "B", "population": 20}, {"name": "C", "population": 5}],
    }
    source = tmp_path / "obs.json"
    source.write_text(json.dumps(observations), encoding="utf-8")
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps({"steps": [
        {"step": "denominate", "by": {"cases": "population"}},
        {"step": "impute", "method": "available_case"},
        {"step": "normalise", "method": "minmax"}]}), encoding="utf-8")
    assert run(str(source), "--pipeline", str(spec), "--format", "json") == 0
    document = json.loads(capsys.readouterr().out)
    ranks = {u["unit"]: u["ranks"]["Index"] for u in document["units"]}
    assert ranks == {"C": 1, "A": 2, "B": 3}


def test_bad_spec_names_file_and_path_and_writes_nothing(tmp_path: Path) -> None:
    spec = tmp_path / "bad.json"
    spec.write_text(json.dumps({"steps": [{"step": "normalise", "method": 3}]}), encoding="utf-8")
    out = tmp_path / "out.json"
    with pytest.raises(InputError) as caught:
        run(str(ASEM / "ASEM_iData.csv"), "--pipeline", str(spec), "-o", str(out))
    assert "bad.json: $.steps[0].method" in str(caught.value)
    assert not out.exists()


def test_bad_cell_names_row_and_column(tmp_path: Path) -> None:
    table = tmp_path / "wide.csv"
    table.write_text("unit,a,b\nX,1,2\nY,oops,3\n", encoding="utf-8")
    spec = tmp_path / "spec.json"
    nodes = [{"code": "I"}, {"code": "a", "parent": "I"}, {"code": "b", "parent": "I"}]
    spec.write_text(json.dumps({"hierarchy": nodes, "steps": []}), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        run(str(table), "--pipeline", str(spec))
    assert caught.value.source == str(table)
    assert caught.value.location == 'row 3, column "a"'


def test_invalid_json_has_line(tmp_path: Path) -> None:
    spec = tmp_path / "spec.json"
    spec.write_text('{"steps": [\n  oops]}', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        run(str(ASEM / "ASEM_iData.csv"), "--pipeline", str(spec))
    assert caught.value.location == "line 2, column 3"
