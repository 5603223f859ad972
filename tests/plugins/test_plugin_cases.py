"""Each built-in dimension reads the variety of real reports: excerpt in, indicator values out.

The cases live in ``tests/data/plugin_cases/d01.json`` … ``d10.json``, one list per dimension:
``{"name", "text", "expect": {indicator id: value or null}, "note"}`` and, for a known fault
outside the plugin, ``"xfail": "<reason>"``. Each excerpt is read with :func:`lawgov_score.read`
and assessed by its dimension's plugin alone. Rates are fractions, 万/亿 are expanded, and
``null`` means the indicator must have no value (not found): no observation, or — for a scored
effort count, which the plugin sets to 0 when the report does not state it — a 0 without evidence.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from lawgov_score import read
from lawgov_score.model.observation import Observation
from lawgov_score.scoring import Scorer

CASES = Path(__file__).resolve().parents[1] / "data" / "plugin_cases"


def _load() -> list[Any]:
    params = []
    for path in sorted(CASES.glob("d*.json")):
        code = f"D{int(path.stem[1:])}"
        for case in json.loads(path.read_text(encoding="utf-8")):
            params.append(pytest.param(code, case, id=f"{path.stem}-{case['name']}"))
    return params


@pytest.fixture(scope="module")
def scorer() -> Scorer:
    return Scorer.create()


def test_case_files_are_well_formed() -> None:
    """Each file holds 5–8 uniquely named cases, each a multi-line text with expectations and a note."""
    files = sorted(CASES.glob("d*.json"))
    assert [path.stem for path in files] == [f"d{n:02d}" for n in range(1, 11)]
    for path in files:
        cases = json.loads(path.read_text(encoding="utf-8"))
        assert 5 <= len(cases) <= 8, path.name
        assert len({case["name"] for case in cases}) == len(cases), path.name
        prefix = f"d{int(path.stem[1:])}."
        for case in cases:
            assert set(case) <= {"name", "text", "expect", "note", "xfail"}, case["name"]
            # A str with a line break is read as text, never as a path.
            assert case["note"] and "\n" in case["text"], case["name"]
            assert case["expect"] and all(key.startswith(prefix) for key in case["expect"]), case["name"]


def _value(observation: Observation, kind: str) -> float | None:
    """The observed value, or ``None`` for a metric not found (a scored effort is then 0 without evidence)."""
    if kind == "metric" and observation.value == 0 and not observation.evidence:
        return None
    return observation.value


@pytest.mark.parametrize(("code", "case"), _load())
def test_plugin_reads_case(scorer: Scorer, code: str, case: dict[str, Any]) -> None:
    dimension = next(d for d in scorer.framework.dimensions if d.code == code)
    kinds = {indicator.id: indicator.kind for indicator in dimension.indicators}
    assert set(case["expect"]) <= set(kinds), "unknown indicator id"
    document = read(text=case["text"], plugin_manager=scorer.plugin_manager, dimensions=scorer.framework.dimensions)
    observations = scorer.plugins[code].assess(document, dimension)
    found = {obs.indicator: _value(obs, kinds[obs.indicator]) for obs in observations}
    got = {indicator: found.get(indicator) for indicator in case["expect"]}
    if "xfail" in case and got != pytest.approx(case["expect"]):
        pytest.xfail(case["xfail"])
    assert got == pytest.approx(case["expect"]), case["note"]
    if "xfail" in case:
        pytest.fail(f"passes now: remove its xfail ({case['xfail']})")
