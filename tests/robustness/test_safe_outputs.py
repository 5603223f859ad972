"""Outputs that cannot harm the program that opens them: no CSV cell a spreadsheet would run as a
formula, no NaN or infinity in JSON, no byte that is not UTF-8."""

from __future__ import annotations

import csv
import io
import json
import math
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from robust_helpers import FRAMEWORK, SEED_TEXT, Run

from lawgov_score.output_text import FORMULA_STARTS, csv_text, json_text, spreadsheet_safe

HOSTILE_NAMES = ["=HYPERLINK(\"http://x\",\"y\")", "+1+cmd", "-2+3", "@SUM(A1:A2)", "\tx", "\r=1", "甲县"]


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+cmd", "'+cmd"),
        ("-x", "'-x"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("-0.5", "-0.5"),
        ("+3", "+3"),
        ("1e-06", "1e-06"),
        ("-1.5E+10", "-1.5E+10"),
        ("-", "'-"),
        ("--1", "'--1"),
        ("-inf", "'-inf"),
        ("甲县", "甲县"),
        (-0.5, -0.5),
        (None, None),
    ],
)
def test_the_owasp_rule(cell: object, written: object) -> None:
    assert spreadsheet_safe(cell) == written


@given(st.text(max_size=12))
def test_no_cell_starts_a_formula(text: str) -> None:
    """Any text comes out unchanged or behind one quote, and never starts with a formula sign
    unless it is a plain number."""
    safe = spreadsheet_safe(text)
    assert safe in (text, "'" + text)
    if safe.startswith(FORMULA_STARTS):
        float(safe)  # a number, which a spreadsheet reads as one


def _unit_file(tmp_path: Path) -> Path:
    observations = [
        {"unit": name, "year": 2023, "indicator": "p1.online_rate", "value": 0.9} for name in HOSTILE_NAMES
    ]
    observations.append({"unit": "甲县", "year": 2024, "indicator": "p6.loss_rate", "value": -0.5})
    path = tmp_path / "values.json"
    path.write_text(json.dumps({"observations": observations}, ensure_ascii=False), encoding="utf-8")
    return path


def _cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))


def test_score_table_csv_neutralises_formulas(tmp_path: Path, cli: Callable[..., Run]) -> None:
    run = cli("score-table", str(_unit_file(tmp_path)), "--framework", str(FRAMEWORK), "--format", "csv")
    assert run.status == 0, run.err
    rows = _cells(run.out)
    units = {row[0] for row in rows[1:]}
    assert units == {spreadsheet_safe(name) for name in HOSTILE_NAMES}
    assert all(not cell.startswith(FORMULA_STARTS) or _number(cell) for row in rows for cell in row)
    raw = rows[0].index("raw")
    assert any(row[raw] == "-0.5" for row in rows)  # a negative raw value stays a number


def _number(cell: str) -> bool:
    try:
        return math.isfinite(float(cell))
    except ValueError:
        return False


def test_rank_csv_neutralises_formulas(tmp_path: Path, cli: Callable[..., Run]) -> None:
    table = tmp_path / "t.csv"
    with table.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows([["unit", "a", "b"], *([name, i, 10 - i] for i, name in enumerate(HOSTILE_NAMES))])
    spec = tmp_path / "spec.json"
    spec.write_text('{"steps": [{"step": "normalise", "method": "minmax"}]}', encoding="utf-8")
    run = cli("rank", str(table), "--pipeline", str(spec), "--format", "csv")
    assert run.status == 0, run.err
    rows = _cells(run.out)
    # The reader of tables trims the spaces, tabs and line breaks around a cell.
    assert {row[0] for row in rows[1:]} == {spreadsheet_safe(name.strip()) for name in HOSTILE_NAMES}
    assert all(not cell.startswith(FORMULA_STARTS) or _number(cell) for row in rows for cell in row)


def test_every_csv_writer_goes_through_the_rule() -> None:
    """The text of a CSV document puts the quote before a formula, and only there."""
    text = csv_text(["unit", "value"], [["=1+1", -0.5], ["ok", "-0.25"]])
    assert _cells(text) == [["unit", "value"], ["'=1+1", "-0.5"], ["ok", "-0.25"]]


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_json_never_holds_nan_or_infinity(bad: float) -> None:
    with pytest.raises(ValueError, match="Out of range float values are not JSON compliant"):
        json_text({"score": bad})


def test_a_file_name_that_is_not_utf8_is_escaped_in_every_output(tmp_path: Path, cli: Callable[..., Run]) -> None:
    """A report named with bytes that are not UTF-8 (a lone surrogate once decoded) is scored; its
    name is written as a ``\\uDCxx`` escape, which JSON reads back as the same name."""
    name = os.fsdecode(b"report-\xff.txt")
    report = tmp_path / name
    report.write_text(SEED_TEXT, encoding="utf-8")
    for fmt in ("json", "csv", "md", "html", "table"):
        out = tmp_path / f"out.{fmt}"
        run = cli("score", str(report), "--format", fmt, "-o", str(out))
        assert run.status == 0, run.err
        out.read_bytes().decode("utf-8")  # every byte is UTF-8
    [written] = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["assessments"]
    assert written["provenance"]["source"] == str(report)
    run = cli("score", str(report), "--format", "json")  # on stdout too
    assert run.status == 0 and json.loads(run.out)["assessments"][0]["provenance"]["source"] == str(report)


def test_rank_json_has_null_for_what_has_no_score(tmp_path: Path, cli: Callable[..., Run]) -> None:
    """A unit without data has no score and no rank: ``null``, never ``NaN``."""
    table = tmp_path / "t.csv"
    table.write_text("unit,a,b\nA,1,2\nB,,\nC,3,1\n", encoding="utf-8")
    spec = tmp_path / "spec.json"
    spec.write_text('{"steps": []}', encoding="utf-8")
    run = cli("rank", str(table), "--pipeline", str(spec), "--format", "json")
    document = json.loads(run.out, parse_constant=lambda c: pytest.fail(f"{c} in the JSON"))
    b = next(u for u in document["units"] if u["unit"] == "B")
    assert b["scores"][document["index"]] is None and b["ranks"][document["index"]] is None
