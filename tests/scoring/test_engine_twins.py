"""A report's scoring and the panel's pipeline agree: on the same framework and values, the same scores.

Both use the panel's normaliser and aggregators, but the report's tree is compiled by the scoring
engine (:class:`lawgov_score.scoring.engine.Plan`) and the panel's by
:meth:`~lawgov_score.panel.Hierarchy.from_framework` and the pipeline: these properties make sure
the two compilations compute the same scores — the goalposts pipeline on raw values, and the
built-in pipeline ``reports`` on scored assessments (what ``lawgov-score rank`` does with them).
"""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lawgov_score.model.framework import Framework
from lawgov_score.model.observation import Observation, Unit
from lawgov_score.panel import Hierarchy, Panel, PipelineSpec, run_pipeline
from lawgov_score.panel.data import UnitValues
from lawgov_score.panel.pipelines import pipeline_path
from lawgov_score.panel.results import PanelResult
from lawgov_score.scoring import Scorer
from lawgov_score.scoring.engine import Plan, evaluate
from strategies import frameworks, raw_values

REPORTS_PIPELINE = PipelineSpec.from_dict(json.loads(pipeline_path("reports").read_text("utf-8")))
GOALPOSTS_PIPELINE = PipelineSpec.from_dict({"steps": [
    {"step": "normalise", "method": "goalposts"},
    {"step": "weight", "set": "framework"},
    {"step": "aggregate", "method": "arithmetic"},
]})
LEVELS = st.sampled_from([None, "city", "county", "township"])


@pytest.fixture(scope="module")
def scorer() -> Scorer:
    return Scorer.create()


def panel_score(result: PanelResult, row: int, code: str) -> float | None:
    value = float(result.score(code)[row])
    return None if math.isnan(value) else value


def same(report: float | None, panel: float | None) -> bool:
    if report is None or panel is None:
        return report is None and panel is None
    return abs(report - panel) <= 1e-9


@given(st.data())
def test_panel_engine_scores_raw_values_as_the_report_engine(data: st.DataObject) -> None:
    """On raw values, the panel's goalposts pipeline gives every indicator, group, dimension and
    overall score the report's scoring gives (to 1e-9), for every aggregation method."""
    framework = data.draw(frameworks(extras=False))
    units = data.draw(st.lists(raw_values(framework), min_size=1, max_size=4))
    plan = Plan.of(framework)
    rows = [UnitValues(f"u{n}", 2023, values, {}) for n, values in enumerate(units)]
    result = run_pipeline(Panel.from_units(rows, hierarchy=Hierarchy.from_framework(framework)), GOALPOSTS_PIPELINE)
    raw = np.array([[values.get(ind.id, math.nan) for ind in plan.indicators] for values in units])
    scores = evaluate(plan, raw, plan.applicable([None] * len(units)))
    for row in range(len(units)):
        for indicator, score in zip(plan.indicators, scores.indicator_scores[row]):
            assert same(_value(score), panel_score(result, row, indicator.id)), indicator.id
        for code, group_score in zip(group_codes(framework), scores.group_scores[row], strict=True):
            assert same(_value(group_score), panel_score(result, row, code)), code
        for dimension, score in zip(framework.dimensions, scores.dimension_scores[row]):
            assert same(_value(score), panel_score(result, row, dimension.code)), dimension.code
        assert same(_value(scores.overall[row]), panel_score(result, row, framework.id))


@pytest.mark.filterwarnings("ignore:overflow encountered:RuntimeWarning")  # the panel's 1/x of a tiny score
@given(st.data())
def test_ranking_assessments_reproduces_their_scores(scorer: Scorer, data: st.DataObject) -> None:
    """Scored assessments ranked with the pipeline ``reports`` get back every dimension,
    group and overall score (to 1e-9): with credits, missing scores, adverse points, indicators that
    apply to some levels only, lower-is-better indicators, each missing-data policy the panel can
    follow and every aggregation."""
    policy = data.draw(st.sampled_from(["renormalise", "zero"]))
    framework: Framework = data.draw(frameworks(missing=policy))
    units = data.draw(st.lists(st.tuples(raw_values(framework), LEVELS), min_size=1, max_size=4))
    credits = st.sampled_from([1.0, 0.85, 0.5]) | st.floats(0, 1)
    groups = [(Unit(f"u{n}", 2023, level=level),
               {key: Observation(key, value, credit=data.draw(credits)) for key, value in values.items()})
              for n, (values, level) in enumerate(units)]
    assessments = scorer.with_framework(framework).assess_table(groups, "0" * 64, None)
    result = run_pipeline(Panel.from_assessments(assessments, hierarchy=Hierarchy.from_framework(framework)),
                          REPORTS_PIPELINE)
    for row, assessment in enumerate(assessments):
        assert same(assessment.overall, panel_score(result, row, framework.id))
        for dimension in assessment.dimensions:
            assert same(dimension.score, panel_score(result, row, dimension.code)), dimension.code
            for group in dimension.groups:
                code = f"{dimension.code}/{group.id}"
                if code in result.codes:  # a group of unscored indicators only is no node of the panel
                    assert same(group.score, panel_score(result, row, code)), code




def test_ranking_keeps_the_score_of_a_lower_is_better_indicator(scorer: Scorer) -> None:
    """A litigation loss rate of 5% (goalposts 0–20%, lower is better) scores 75 in the report and
    in its ranking alike."""
    key = "d7.litigation_loss_rate"
    [assessment] = scorer.assess_table([(Unit("u", 2023), {key: Observation(key, 0.05)})], "0" * 64, None)
    result = run_pipeline(Panel.from_assessments([assessment], hierarchy=Hierarchy.from_framework(scorer.framework)),
                          REPORTS_PIPELINE)
    [d7] = [d for d in assessment.dimensions if d.code == "D7"]
    assert d7.score == pytest.approx(18.75)
    assert float(result.score("D7")[0]) == pytest.approx(d7.score, abs=1e-9)


def _value(number: float) -> float | None:
    return None if math.isnan(number) else float(number)


def group_codes(framework: Framework) -> list[str]:
    """The panel's code of each group of the report engine's plan, in the plan's order."""
    return [f"{dimension.code}/{group.id}" for dimension in framework.dimensions for group in dimension.groups
            if any(ind.group == group.id and ind.kind != "adverse" for ind in dimension.indicators)]
