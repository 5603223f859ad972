"""Hostile JSON and CSV inputs and out-of-range options: exit 2 with the file, the place and the
problem — and ``validate`` says "valid" exactly when the scorer will score."""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st
from robust_helpers import ASEM, FRAMEWORK, VALUES_CSV, VALUES_JSON, Run, assert_failed_well, run_quietly
from robust_strategies import BASE_FRAMEWORK, hostile_csv_texts, hostile_frameworks, hostile_json_texts, pipeline_params

from lawgov_score.errors import InputError
from lawgov_score.files import parse_json
from lawgov_score.panel import Panel, PipelineSpec, run_pipeline

PIPELINE = str(ASEM / "asem-pipeline.json")
ASEM_DATA = str(ASEM / "ASEM_iData.csv")


def _framework(change: Callable[[dict], None]) -> str:
    data = json.loads(BASE_TEXT)
    change(data)
    return json.dumps(data, ensure_ascii=False)


def _spec(change: Callable[[dict], None]) -> str:
    data = json.loads(Path(PIPELINE).read_text(encoding="utf-8"))
    change(data)
    return json.dumps(data)


def _normalise(params: dict) -> Callable[[dict], None]:
    def change(spec: dict) -> None:
        next(s for s in spec["steps"] if s["step"] == "normalise")["params"] = params

    return change


BASE_TEXT = json.dumps(BASE_FRAMEWORK, ensure_ascii=False)
DEEP = "[" * 100_000 + "]" * 100_000
FW = "--framework"
CHAIN = [{"code": "n0"}] + [{"code": f"n{i}", "parent": f"n{i - 1}"} for i in range(1, 3000)]

# case → ({file name: text}, the command's argv (file names as given), words of the message)
CASES: dict[str, tuple[dict[str, str], tuple[str, ...], str]] = {
    "framework nested 100,000 deep": (
        {"fw.json": DEEP},
        ("validate", "fw.json"),
        "fw.json: the JSON's nesting depth is 100,000, above the limit of 200",
    ),
    "framework nested 300 deep": (
        {"fw.json": "[" * 300 + "]" * 300},
        ("validate", "fw.json"),
        "nesting depth (at $[0][0]",
    ),
    "observations nested deep": (
        {"v.json": '{"observations": ' + DEEP + "}"},
        ("score-table", "v.json", FW, str(FRAMEWORK)),
        "v.json: the JSON's nesting depth is 100,001",
    ),
    "pipeline nested deep": (
        {"p.json": DEEP},
        ("rank", ASEM_DATA, "--pipeline", "p.json"),
        "p.json: the JSON's nesting depth",
    ),
    "a weight of 1e400": (
        {"fw.json": BASE_TEXT.replace('"weight": 12', '"weight": 1e400')},
        ("validate", "fw.json"),
        "fw.json: $.dimensions[0].weight: the number is too large for a float",
    ),
    "1e400 when scoring": (
        {"fw.json": BASE_TEXT.replace('"weight": 12', '"weight": 1e400')},
        ("score-table", str(VALUES_CSV), FW, "fw.json"),
        "$.dimensions[0].weight: the number is too large",
    ),
    "an integer of 400 digits": (
        {"fw.json": BASE_TEXT.replace('"weight": 12', '"weight": ' + "9" * 400)},
        ("validate", "fw.json"),
        "$.dimensions[0].weight: the number is too large",
    ),
    "an integer of 5,000 digits": (
        {"fw.json": BASE_TEXT.replace('"weight": 12', '"weight": ' + "9" * 5000)},
        ("validate", "fw.json"),
        "$.dimensions[0].weight: the number is too large",
    ),
    "NaN": (
        {"fw.json": BASE_TEXT.replace('"weight": 12', '"weight": NaN')},
        ("validate", "fw.json"),
        "NaN is not a number JSON allows",
    ),
    "dimension weights overflow": (
        {"fw.json": _framework(lambda d: [x.update(weight=1e308) for x in d["dimensions"]])},
        ("validate", "fw.json"),
        "fw.json: $.dimensions: the dimension weights sum to more than a float can hold",
    ),
    "overflow when scoring": (
        {"fw.json": _framework(lambda d: [x.update(weight=1e308) for x in d["dimensions"]])},
        ("score-table", str(VALUES_CSV), FW, "fw.json"),
        "the dimension weights sum to more than a float can hold",
    ),
    "indicator weights overflow": (
        {
            "fw.json": _framework(
                lambda d: (
                    d["dimensions"][5]["indicators"][1].update(weight=1e308, direction=1)
                    or d["dimensions"][5]["indicators"][0].update(weight=1e308)
                )
            )
        },
        ("validate", "fw.json"),
        "$.dimensions[5].indicators: the indicator weights of dimension 'P6' sum to more",
    ),
    "goalposts too far apart": (
        {"fw.json": _framework(lambda d: d["dimensions"][0]["indicators"][0].update(goalposts=[-1e308, 1e308]))},
        ("validate", "fw.json"),
        "indicator 'p1.online_rate': the goalposts [-1e+308, 1e+308] are too far apart",
    ),
    "a lone surrogate in a title": (
        {"fw.json": BASE_TEXT.replace('"title_zh": "政府职能依法全面履行"', '"title_zh": "\\ud800"')},
        ("validate", "fw.json"),
        "fw.json: $.dimensions[0].title_zh: the string holds a lone surrogate",
    ),
    "a lone surrogate in a key": (
        {"fw.json": BASE_TEXT.replace('"kind": "framework"', '"kind": "framework", "\\udc80": 1')},
        ("validate", "fw.json"),
        "fw.json: $: a key holds a lone surrogate",
    ),
    "a lone surrogate in a unit": (
        {"v.json": VALUES_JSON.read_text(encoding="utf-8").replace('"甲县"', '"\\udc80"', 1)},
        ("score-table", "v.json", FW, str(FRAMEWORK), "--format", "csv"),
        "the string holds a lone surrogate",
    ),
    "a dimension given twice": (
        {"fw.json": _framework(lambda d: d["dimensions"].append(json.loads(json.dumps(d["dimensions"][0]))))},
        ("validate", "fw.json"),
        "fw.json: $.dimensions[8].code: dimension 'P1' is given twice (first at $.dimensions[0])",
    ),
    "a dimension twice when scoring": (
        {"fw.json": _framework(lambda d: d["dimensions"].append(json.loads(json.dumps(d["dimensions"][0]))))},
        ("score-table", str(VALUES_CSV), FW, "fw.json"),
        "dimension 'P1' is given twice",
    ),
    "an indicator given twice": (
        {
            "fw.json": _framework(
                lambda d: d["dimensions"][0]["indicators"].append(dict(d["dimensions"][0]["indicators"][0]))
            )
        },
        ("validate", "fw.json"),
        "$.dimensions[0].indicators[1].id: indicator 'p1.online_rate' is given twice",
    ),
    "an indicator in two dimensions": (
        {
            "fw.json": _framework(
                lambda d: d["dimensions"][1]["indicators"].append(dict(d["dimensions"][0]["indicators"][0]))
            )
        },
        ("validate", "fw.json"),
        "indicator 'p1.online_rate' is in two dimensions, P1 and P2",
    ),
    "two dimensions when scoring": (
        {
            "fw.json": _framework(
                lambda d: d["dimensions"][1]["indicators"].append(dict(d["dimensions"][0]["indicators"][0]))
            )
        },
        ("score-table", str(VALUES_CSV), FW, "fw.json"),
        "is in two dimensions",
    ),
    "a normaliser's unknown parameter": (
        {"p.json": _spec(_normalise({"low": 0, "lo": 1}))},
        ("rank", ASEM_DATA, "--pipeline", "p.json"),
        "p.json: $.steps[4].params: normaliser 'minmax': unknown parameter(s) 'lo'; this method takes: high, low",
    ),
    "a normaliser's parameter of the wrong type": (
        {"p.json": _spec(_normalise({"low": "zero"}))},
        ("validate", "p.json"),
        "normaliser 'minmax': parameter 'low' must be float, got 'zero'",
    ),
    "an aggregator's unknown parameter": (
        {
            "p.json": _spec(
                lambda s: next(x for x in s["steps"] if x["step"] == "aggregate").update(
                    method="power", params={"q": 2}
                )
            )
        },
        ("rank", ASEM_DATA, "--pipeline", "p.json"),
        "aggregator 'power': unknown parameter(s) 'q'; this method takes: p",
    ),
    "a hierarchy 3,000 deep": (
        {"p.json": json.dumps({"hierarchy": CHAIN, "steps": []}), "t.csv": "unit,n2999\nA,1\nB,2\n"},
        ("rank", "t.csv", "--pipeline", "p.json"),
        "p.json: $.hierarchy: the hierarchy's depth (down to node 'n2999') is 3,000, above the limit of 100",
    ),
    "hierarchy weights overflow": (
        {
            "p.json": json.dumps(
                {
                    "hierarchy": [
                        {"code": "I"},
                        {"code": "a", "parent": "I", "weight": 1e308},
                        {"code": "b", "parent": "I", "weight": 1e308},
                    ],
                    "steps": [],
                }
            ),
            "t.csv": "unit,a,b\nA,1,2\n",
        },
        ("rank", "t.csv", "--pipeline", "p.json"),
        "the weights of the children of 'I' sum to more than a float can hold",
    ),
    "a weight set that overflows": (
        {
            "p.json": json.dumps(
                {"weight_sets": {"x": {"a": 1e308, "b": 1e308}}, "steps": [{"step": "weight", "set": "x"}]}
            ),
            "t.csv": "unit,a,b\nA,1,2\n",
        },
        ("rank", "t.csv", "--pipeline", "p.json"),
        "p.json: $.weight_sets.x: the weights of set 'x' sum to more than a float can hold",
    ),
    "an unknown method to vary": (
        {},
        ("rank", ASEM_DATA, "--pipeline", PIPELINE, "--uncertainty", "4", "--normalisations", "minmax,bogus"),
        "--normalisations: unknown method(s) 'bogus'; known: goalposts, minmax",
    ),
    "a short row in rank": (
        {"t.csv": "unit,a,b\nX,1,2\nY,3\n", "p.json": '{"steps": []}'},
        ("rank", "t.csv", "--pipeline", "p.json"),
        "t.csv: row 3: 2 cells, fewer than the 3 columns of the header",
    ),
    "a long row in rank": (
        {"t.csv": "unit,a,b\nX,1,2,3\n", "p.json": '{"steps": []}'},
        ("rank", "t.csv", "--pipeline", "p.json"),
        "t.csv: row 2: 4 cells, more than the 3 columns",
    ),
    "a column twice in rank": (
        {"t.csv": "unit,a,a\nX,1,2\n", "p.json": '{"steps": []}'},
        ("rank", "t.csv", "--pipeline", "p.json"),
        "t.csv: row 1: column 'a' appears twice in the header",
    ),
    "--explain of no dimension": (
        {},
        ("score-table", str(VALUES_CSV), FW, str(FRAMEWORK), "--explain", "ZZ"),
        "--explain: the framework has no dimension 'ZZ'; its dimensions are P1, P2, P3, P4, P5, P6, P7, P8",
    ),
    "--uncertainty beyond memory": (
        {},
        ("rank", ASEM_DATA, "--pipeline", PIPELINE, "--uncertainty", "1000000000"),
        "--uncertainty: the memory 1,000,000,000 base samples would need",
    ),
    "--uncertainty -1": (
        {},
        ("rank", ASEM_DATA, "--pipeline", PIPELINE, "--uncertainty", "-1"),
        "argument --uncertainty: must be a whole number ≥ 0, got '-1'",
    ),
    "--seed -1": (
        {},
        ("rank", ASEM_DATA, "--pipeline", PIPELINE, "--seed", "-1"),
        "argument --seed: must be a whole number ≥ 0",
    ),
    **{
        f"--perturb-weights {value}": (
            {},
            ("rank", ASEM_DATA, "--pipeline", PIPELINE, "--perturb-weights", value),
            f"must be a number from 0 up to (not including) 1, got '{value}'",
        )
        for value in ("-1", "nan", "inf", "5", "1")
    },
    "a folder as input": ({}, ("validate", "."), ".: is a folder, not a file"),
    "/dev/zero as input": ({}, ("score-table", "/dev/zero", FW, str(FRAMEWORK)), "/dev/zero: is a device, not a file"),
    "/dev/urandom as input": ({}, ("validate", "/dev/urandom"), "/dev/urandom: is a device, not a file"),
    "a missing file": ({}, ("rank", "nothing.csv", "--pipeline", PIPELINE), "nothing.csv: no such file"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_hostile_input_is_refused_with_its_place(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Callable[..., Run]
) -> None:
    files, argv, message = CASES[case]
    monkeypatch.chdir(tmp_path)
    for name, text in files.items():
        Path(name).write_text(text, encoding="utf-8", errors="surrogatepass")
    before = sorted(os.listdir(tmp_path))
    assert_failed_well(cli(*argv, *(("-o", "out") if argv[0] != "validate" else ())), message)
    assert sorted(os.listdir(tmp_path)) == before


def test_a_fifo_as_input_is_refused_without_waiting(tmp_path: Path, cli: Callable[..., Run]) -> None:
    fifo = tmp_path / "values.csv"
    os.mkfifo(fifo)
    started = time.monotonic()
    assert_failed_well(cli("score-table", str(fifo), FW, str(FRAMEWORK)), "is a FIFO, not a file")
    assert time.monotonic() - started < 10


# limit → (variable value, file name and text, argv, words of the message): each limit lowered, met, named
LOWERED: dict[str, tuple[str, str, str, tuple[str, ...], str]] = {
    "file_bytes": (
        "100",
        "fw.json",
        BASE_TEXT,
        ("validate", "fw.json"),
        "the file's size in bytes is",
    ),
    "json_depth": (
        "3",
        "fw.json",
        BASE_TEXT,
        ("validate", "fw.json"),
        "above the limit of 3 (raise it with LAWGOV_SCORE_MAX_JSON_DEPTH=N",
    ),
    "csv_field_chars": (
        "1000",
        "v.csv",
        "unit,indicator,value\n" + "甲" * 2000 + ",p1.online_rate,1\n",
        ("score-table", "v.csv", FW, str(FRAMEWORK)),
        "a field's length (at row 2) is 2,000, above the limit of 1,000",
    ),
    "hierarchy_depth": (
        "3",
        "p.json",
        json.dumps({"hierarchy": CHAIN[:5], "steps": []}),
        ("validate", "p.json"),
        "the hierarchy's depth (down to node 'n4') is 5, above the limit of 3",
    ),
    "uncertainty_bytes": (
        "1000",
        "t.csv",
        "unit,a,b\nA,1,2\nB,2,1\n",
        ("rank", "t.csv", "--pipeline", "flat.json", "--uncertainty", "10"),
        "LAWGOV_SCORE_MAX_UNCERTAINTY_BYTES",
    ),
}


@pytest.mark.parametrize("limit", list(LOWERED))
def test_each_limit_is_named_with_how_to_raise_it(
    limit: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Callable[..., Run]
) -> None:
    value, name, text, argv, message = LOWERED[limit]
    monkeypatch.chdir(tmp_path)
    Path(name).write_text(text, encoding="utf-8")
    Path("flat.json").write_text('{"steps": []}', encoding="utf-8")
    monkeypatch.setenv(f"LAWGOV_SCORE_MAX_{limit.upper()}", value)
    assert_failed_well(cli(*argv), message)
    monkeypatch.setenv(f"LAWGOV_SCORE_MAX_{limit.upper()}", "0")  # 0: no limit
    assert message not in cli(*argv).err


def test_a_csv_field_over_the_csv_modules_own_limit_is_read(tmp_path: Path, cli: Callable[..., Run]) -> None:
    """200,000 characters in one field (the csv module refuses 131,072) are within our limit."""
    values = tmp_path / "v.csv"
    values.write_text("unit,indicator,value\n" + "甲" * 200_000 + ",p1.online_rate,1\n", encoding="utf-8")
    assert cli("score-table", str(values), FW, str(FRAMEWORK), "--format", "json").status == 0


def test_a_malformed_limit_setting_is_named(monkeypatch: pytest.MonkeyPatch, cli: Callable[..., Run]) -> None:
    monkeypatch.setenv("LAWGOV_SCORE_MAX_JSON_DEPTH", "deep")
    assert_failed_well(cli("validate", str(FRAMEWORK)), "LAWGOV_SCORE_MAX_JSON_DEPTH: must be a whole number")


@settings(max_examples=40)
@given(hostile_frameworks())
def test_valid_means_it_will_score(text: str) -> None:
    """For a framework file with things changed, ``validate VALUES --framework FILE`` says valid
    exactly when ``score-table VALUES --framework FILE`` scores; neither ever ends in a traceback."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fw.json"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        statuses = []
        for command in ("validate", "score-table"):
            status, err = run_quietly(command, str(VALUES_CSV), FW, str(path))
            assert "Traceback" not in err and "internal error" not in err, err
            statuses.append(status)
        assert statuses[0] == statuses[1] and statuses[0] in (0, 2), (statuses, text)
        event(f"both exit {statuses[0]}")


@settings(max_examples=60)
@given(hostile_json_texts())
def test_any_json_text_is_read_or_refused(text: str) -> None:
    """Whatever the text, reading it returns data or raises an InputError naming the file — no
    RecursionError, no infinity, no other exception."""
    try:
        data = parse_json(text, "x.json")
    except InputError as error:
        assert error.source == "x.json"
        event(f"refused: {error.message.split(':')[0].split(' (')[0][:40]}")
        return
    json.dumps(data, allow_nan=False)  # raises if an infinity got in
    event("read")


@settings(max_examples=40)
@given(hostile_csv_texts())
def test_any_csv_of_values_is_scored_or_refused(text: str) -> None:
    """Any table of values: scored (exit 0) or refused with a message (exit 2), never exit 1."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "v.csv"
        path.write_text(text, encoding="utf-8")
        spec = Path(folder) / "spec.json"
        spec.write_text('{"steps": [{"step": "normalise", "method": "minmax"}]}', encoding="utf-8")
        for command in (("score-table", str(path), FW, str(FRAMEWORK)), ("rank", str(path), "--pipeline", str(spec))):
            status, err = run_quietly(*command)
            assert status in (0, 2) and "Traceback" not in err, err
            event(f"{command[0]} exit {status}")


@settings(max_examples=60)
@given(method=st.sampled_from(["minmax", "zscore", "percentile", "rank"]), params=pipeline_params)
def test_a_pipeline_that_validates_runs(method: str, params: dict) -> None:
    """A normalise step whose parameters pass the check runs; one whose parameters would make
    the method fail is refused, with its JSON path, before anything runs."""
    document = {"steps": [{"step": "normalise", "method": method, "params": params}]}
    try:
        spec = PipelineSpec.from_dict(document, source="p.json")
    except InputError as error:
        assert "$.steps[0].params" in str(error) or "$.steps[0]" in str(error)
        event("refused")
        return
    event("accepted")
    panel = Panel(np.array([[1.0, 2.0], [3.0, 5.0], [2.0, 2.0]]), ["A", "B", "C"], ["a", "b"], [None] * 3)
    result = run_pipeline(panel, spec)
    assert result.scores.shape[0] == 3
