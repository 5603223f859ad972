"""The documented way to declare a report-reading dimension as data works as the docs say."""

from __future__ import annotations

import importlib.util

import pytest

from lawgov_score.reading.document import read
from paths import ROOT


def load_example() -> object:
    path = ROOT / "docs" / "examples" / "hotline_dimension.py"
    spec = importlib.util.spec_from_file_location("hotline_dimension", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_documented_hotline_dimension_reads_a_report() -> None:
    """Task, disclosure, MetricRule and FlagRule all find their evidence in a short report."""
    example = load_example()
    dimension = example.HOTLINE  # type: ignore[attr-defined]
    text = "一、优化12345热线\n完成热线归并,受理诉求12.6万件,12345热线办结率99.2%,开展满意度回访。\n"
    document = read(text=text, dimensions=[dimension])
    found = {o.indicator: o for o in example.HotlineDimension().assess(document, dimension)}  # type: ignore[attr-defined]
    assert {key: o.value for key, o in found.items()} == pytest.approx(
        {"s2.task.merge": 1.0, "s2.quantified_facts": 2.0, "s2.completion_rate": 0.992, "s2.satisfaction_survey": 1.0,
         "s2.outcomes_disclosed": 1.0, "s2.adverse": 0.0}
    )
    assert found["s2.task.merge"].grade == "substantiated"  # two figures in two statements
    assert found["s2.completion_rate"].evidence[0].quote == text[text.index("12345热线办结率") :].split(",")[0]


def test_flag_rule_not_stated_is_zero() -> None:
    """A yes/no item the report does not mention is 0, with the rule saying so."""
    example = load_example()
    dimension = example.HOTLINE  # type: ignore[attr-defined]
    document = read(text="一、优化12345热线\n完成热线归并。\n", dimensions=[dimension])
    found = {o.indicator: o for o in example.HotlineDimension().assess(document, dimension)}  # type: ignore[attr-defined]
    assert found["s2.satisfaction_survey"].value == 0 and "not shown" in found["s2.satisfaction_survey"].rule
    assert found["s2.task.merge"].grade == "mentioned" and found["s2.task.merge"].value == 0.25  # named, no figure
    assert "s2.completion_rate" not in found  # an outcome not disclosed: the scorer gives it 0
