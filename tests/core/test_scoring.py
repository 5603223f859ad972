"""Scoring observations: normalisation, weights, missing data, failures and ranks."""

from __future__ import annotations

import math

import pluggy
import pytest
from fake_dimensions import Duplicate, WellBehaved, WithCrash

from lawgov_score.errors import PluginError, StrictModeError
from lawgov_score.model.observation import Observation, Unit
from lawgov_score.plugins import get_plugin_manager
from lawgov_score.scoring import rank, score_report, score_table

FULL = [
    Observation("x1.rate", 0.9),  # (0.9 - 0.5) / 0.5 → 80
    Observation("x1.count", 50.0),  # 50 / 100 → 50
    Observation("x2.loss_rate", 0.05),  # 1 - 0.05 / 0.2 → 75
    Observation("x2.disputed", 0.3),  # reported, not scored
]


def test_scores_follow_goalposts_and_weights(bare_pm: pluggy.PluginManager) -> None:
    """Goalposts, direction and weights give the hand-computed scores; contributions sum to the overall."""
    bare_pm.register(WellBehaved())
    [assessment], _ = score_table([(Unit("甲区", 2023), FULL)], pm=bare_pm)
    x1, x2 = assessment.dimensions
    assert x1.score == pytest.approx((80 * 1 + 50 * 3) / 4)
    assert x2.score == pytest.approx(75)
    assert assessment.overall == pytest.approx((57.5 + 75) / 2)
    assert assessment.status == "complete"
    disputed = x2.indicators[1]
    assert disputed.status == "unscored" and disputed.raw == 0.3 and disputed.score is None
    assert "direction is disputed" in disputed.rule
    contributions = [i.contribution for d in assessment.dimensions for i in d.indicators if i.contribution is not None]
    assert math.fsum(contributions) == pytest.approx(assessment.overall)
    assert assessment.metrics == {"x1.rate": 0.9, "x1.count": 50.0, "x2.loss_rate": 0.05, "x2.disputed": 0.3}


def test_missing_indicator_is_dropped_and_said(bare_pm: pluggy.PluginManager) -> None:
    """A missing indicator is dropped, the rest renormalised, and the assessment says so."""
    bare_pm.register(WellBehaved())
    [assessment], _ = score_table([(Unit("乙区"), [Observation("x1.rate", 1.0)])], pm=bare_pm)
    x1, x2 = assessment.dimensions
    assert x1.score == 100 and x1.status == "partial" and x1.coverage == pytest.approx(0.25)
    assert x2.status == "no_evidence" and x2.score is None
    assert assessment.overall == 100
    assert assessment.status == "partial"
    assert any(w.code == "overall.dimension_missing" and "X2" in w.message for w in assessment.warnings)
    assert any(w.code == "indicator.missing" and "x1.count" in w.message and "renormalised" in w.message
               for w in assessment.warnings)


REPORT = "2023年,丙区扎实推进法治政府建设。\n一、推进依法行政\n全年办理行政复议案件120件。\n"


def test_failing_dimension_is_recorded_not_reweighted(bare_pm: pluggy.PluginManager) -> None:
    """A dimension that raises while reading a report is a recorded failure and the overall is
    withheld, not re-weighted."""
    bare_pm.register(WellBehaved())
    bare_pm.register(WithCrash())
    assessment = score_report(text=REPORT, pm=bare_pm, force=True)
    failed = assessment.dimension("X3")
    assert failed.status == "failed"
    assert assessment.overall is None and assessment.status == "incomplete"
    [failure] = assessment.failures
    assert failure.dimension == "X3" and failure.error == "RuntimeError"
    assert assessment.dimension("X1").status == "no_evidence"  # the others are still assessed


def test_strict_turns_failure_into_error(bare_pm: pluggy.PluginManager) -> None:
    """--strict turns a failing dimension into an error."""
    bare_pm.register(WithCrash())
    with pytest.raises(StrictModeError, match="X3"):
        score_report(text=REPORT, pm=bare_pm, strict=True, force=True)


def test_duplicate_dimension_codes_are_an_error(bare_pm: pluggy.PluginManager) -> None:
    """Two plugins declaring the same dimension code is an error naming both."""
    bare_pm.register(WellBehaved())
    bare_pm.register(Duplicate())
    with pytest.raises(PluginError, match="X1 is provided twice"):
        score_table([(Unit("甲区"), FULL)], pm=bare_pm)


def test_scores_do_not_depend_on_plugin_load_order() -> None:
    """Registering the same plugins in another order gives identical assessments."""
    results = []
    for order in ([WellBehaved, WithCrash], [WithCrash, WellBehaved]):
        pm = get_plugin_manager(autoload=False)
        for plugin in order:
            pm.register(plugin())
        results.append(score_report(text=REPORT, pm=pm, force=True))
    assert results[0] == results[1]


def test_ranks_share_lowest_rank_on_ties(bare_pm: pluggy.PluginManager) -> None:
    """Tied units share the lowest rank; unscored units have none; input order does not matter."""
    bare_pm.register(WellBehaved())
    units = [
        (Unit("甲"), [Observation("x1.rate", 1.0)]),
        (Unit("乙"), [Observation("x1.rate", 0.75)]),
        (Unit("丙"), [Observation("x1.rate", 1.0)]),
        (Unit("丁"), []),
    ]
    assessments, ranking = score_table(units, pm=bare_pm)
    assert [(r.unit, r.rank) for r in ranking] == [("丙", 1), ("甲", 1), ("乙", 3), ("丁", None)]
    assert rank(list(reversed(assessments))) == ranking
