"""Properties of the scoring engine: one node's aggregation, and a whole framework scored.

The report engine and the panel's aggregators are twins (``test_engine_twins.py`` checks they
agree), so these properties hold for reports, tables and panels alike.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lawgov_score.model.framework import Dimension, Framework, Indicator, IndicatorGroup
from lawgov_score.scoring.engine import Plan, Scores, aggregate, evaluate
from strategies import children, children_with_gaps, positive_weights, scores


def node(values: list[float | None], ws: list[float], method: str = "arithmetic",
         missing: str = "renormalise") -> tuple[float | None, list[float]]:
    row = [math.nan if v is None else v for v in values]
    value, shares = aggregate(method, row, ws, [True] * len(row), missing)
    return (None if math.isnan(value) else value), shares


@given(children(), st.sampled_from(["arithmetic", "geometric", "harmonic"]))
def test_result_lies_within_children(case: tuple[list[float], list[float]], method: str) -> None:
    """Every method's aggregate lies within [min, max] of its children."""
    values, ws = case
    value, _ = node(values, ws, method)
    assert value is not None
    assert min(values) - 1e-9 <= value <= max(values) + 1e-9


@given(scores, st.lists(positive_weights, min_size=1, max_size=8))
def test_equal_children_give_that_value(c: float, ws: list[float]) -> None:
    """When every child equals c, the aggregate is c."""
    value, _ = node([c] * len(ws), ws)
    assert value == pytest.approx(c, abs=1e-9)


@given(children(), st.floats(min_value=1e-3, max_value=1e3))
def test_scaling_weights_changes_nothing(case: tuple[list[float], list[float]], k: float) -> None:
    """Multiplying every weight by k > 0 leaves the aggregate unchanged."""
    values, ws = case
    assert node(values, [k * w for w in ws])[0] == pytest.approx(node(values, ws)[0], rel=1e-9, abs=1e-9)


@given(children(), st.data(), st.sampled_from(["arithmetic", "geometric", "harmonic"]))
def test_non_decreasing_in_each_child(case: tuple[list[float], list[float]], data: st.DataObject,
                                      method: str) -> None:
    """Raising one child never lowers the aggregate, whatever the method."""
    values, ws = case
    i = data.draw(st.integers(0, len(values) - 1))
    raised = list(values)
    raised[i] = data.draw(st.floats(min_value=values[i], max_value=100))
    before, after = node(values, ws, method)[0], node(raised, ws, method)[0]
    assert before is not None and after is not None
    assert after >= before - 1e-9


@given(children(), st.randoms())
def test_invariant_to_child_order(case: tuple[list[float], list[float]], rnd: object) -> None:
    """Permuting children together with their weights leaves the aggregate unchanged."""
    values, ws = case
    order = list(range(len(values)))
    rnd.shuffle(order)  # type: ignore[attr-defined]
    permuted = node([values[i] for i in order], [ws[i] for i in order])[0]
    assert permuted == pytest.approx(node(values, ws)[0], abs=1e-9)


@given(children_with_gaps())
def test_dropping_missing_equals_renormalising_rest(case: tuple[list[float | None], list[float]]) -> None:
    """Aggregating with missing children equals aggregating only the present ones."""
    values, ws = case
    present = [(v, w) for v, w in zip(values, ws) if v is not None]
    only_present = node([v for v, _ in present], [w for _, w in present])[0]
    assert node(values, ws)[0] == pytest.approx(only_present, abs=1e-9)


@given(children_with_gaps())
def test_effective_weights_sum_to_one(case: tuple[list[float | None], list[float]]) -> None:
    """The effective shares of an aggregate with a value sum to 1, and missing children get 0."""
    values, ws = case
    _, shares = node(values, ws)
    assert math.fsum(shares) == pytest.approx(1.0)
    assert all(share == 0 for share, v in zip(shares, values) if v is None)


def test_missing_policies() -> None:
    """renormalise drops a missing child, fail gives no value."""
    values, ws = [80.0, None, 40.0], [1.0, 1.0, 2.0]
    assert node(values, ws, missing="renormalise")[0] == pytest.approx((80 + 80) / 3)
    assert node(values, ws, missing="fail")[0] is None


def test_no_positive_weight_gives_no_value() -> None:
    """An aggregate with no present child of positive weight has no value."""
    assert node([10.0, 20.0], [0.0, 0.0])[0] is None
    assert node([None, None], [1.0, 1.0])[0] is None


def _framework(aggregation: str = "arithmetic") -> Framework:
    group = IndicatorGroup("g", "组", weight=3.0, aggregation=aggregation)
    first = Dimension("A", "甲", groups=[group], indicators=[
        Indicator("a.rate", "率", unit="%", goalposts=(0.5, 1.0), group="g"),
        Indicator("a.count", "数", unit="次", goalposts=(0, 50), scale="log", group="g"),
        Indicator("a.outcome", "成效", kind="outcome", unit="%", goalposts=(0.0, 0.2), direction=-1,
                  missing_score=0.0),
        Indicator("a.adverse", "不利", kind="adverse", weight=0.0),
        Indicator("a.legislation", "立法", goalposts=(0, 1), applies_to=("city",)),
    ])
    second = Dimension("B", "乙", indicators=[Indicator("b.value", "值", goalposts=(0, 10))])
    return Framework("test", "1", dimensions=[first, second])


def _scores(raw: dict[str, float], level: str | None = None, aggregation: str = "arithmetic") -> tuple[Plan, Scores]:
    plan = Plan.of(_framework(aggregation))
    row = [raw.get(ind.id, math.nan) for ind in plan.indicators]
    return plan, evaluate(plan, row, plan.applicable(level))


def test_contributions_add_up_to_the_overall() -> None:
    """The shares of a dimension's scored indicators sum to 1, and share × score add up to its base."""
    plan, scores = _scores({"a.rate": 0.9, "a.count": 10, "a.outcome": 0.05, "a.legislation": 1, "b.value": 4})
    first = [i for i, d in enumerate(plan.dimension_of) if d == 0 and not plan.adverse[i]]
    used = [i for i in first if not math.isnan(scores.indicator_scores[i])]
    assert math.fsum(scores.shares[i] for i in used) == pytest.approx(1.0)
    assert math.fsum(scores.shares[i] * scores.indicator_scores[i] for i in used) == pytest.approx(
        scores.dimension_base[0])


def test_a_log_scale_gives_each_doubling_the_same() -> None:
    """On a log scale from 0 to 50, going from 5 to 11 adds as much as from 11 to 23 (log(1 + x) doubles)."""
    plan, low = _scores({"a.count": 5})
    _, mid = _scores({"a.count": 11})
    _, high = _scores({"a.count": 23})
    i = [ind.id for ind in plan.indicators].index("a.count")
    a, b, c = (x.indicator_scores[i] for x in (low, mid, high))
    assert b - a == pytest.approx(c - b, rel=1e-9)


def test_an_undisclosed_outcome_scores_its_missing_score() -> None:
    """An outcome the report does not state scores 0, not the mean of the others."""
    plan, scores = _scores({"a.rate": 1.0, "a.count": 50})
    i = [ind.id for ind in plan.indicators].index("a.outcome")
    assert scores.indicator_scores[i] == 0.0


def test_deductions_are_taken_off_and_clipped() -> None:
    """Adverse points come off the dimension's aggregate, never below 0."""
    _, none = _scores({"a.rate": 1.0, "a.count": 50, "a.outcome": 0.0, "a.adverse": 0})
    _, some = _scores({"a.rate": 1.0, "a.count": 50, "a.outcome": 0.0, "a.adverse": 12})
    _, many = _scores({"a.rate": 1.0, "a.count": 50, "a.outcome": 0.0, "a.adverse": 500})
    assert some.dimension_scores[0] == pytest.approx(none.dimension_scores[0] - 12)
    assert many.dimension_scores[0] == 0.0


def test_an_indicator_that_does_not_apply_takes_no_part() -> None:
    """A city-only indicator counts for a city and is left out for a county, not counted as 0."""
    _, city = _scores({"a.rate": 1.0, "a.legislation": 0.0}, level="city")
    _, county = _scores({"a.rate": 1.0, "a.legislation": 0.0}, level="county")
    assert county.dimension_base[0] > city.dimension_base[0]


@pytest.mark.parametrize("method", ["geometric", "harmonic"])
def test_a_framework_chooses_the_aggregation_of_a_node(method: str) -> None:
    """A group aggregated geometrically or harmonically scores below its arithmetic mean when children differ."""
    _, arithmetic = _scores({"a.rate": 1.0, "a.count": 1})
    _, other = _scores({"a.rate": 1.0, "a.count": 1}, aggregation=method)
    assert other.group_scores[0] < arithmetic.group_scores[0]
