"""Properties of the weighted arithmetic aggregation (indicator → dimension → overall)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lawgov_score.aggregate import weighted_mean
from strategies import children, children_with_gaps, positive_weights, scores


@given(children())
def test_result_lies_within_children(case: tuple[list[float], list[float]]) -> None:
    """The aggregate lies within [min, max] of its children."""
    values, ws = case
    value = weighted_mean(values, ws).value
    assert value is not None
    assert min(values) <= value <= max(values)


@given(scores, st.lists(positive_weights, min_size=1, max_size=8))
def test_equal_children_give_that_value(c: float, ws: list[float]) -> None:
    """When every child equals c, the aggregate is c."""
    assert weighted_mean([c] * len(ws), ws).value == pytest.approx(c, abs=1e-9)


@given(children(), st.floats(min_value=1e-3, max_value=1e3))
def test_scaling_weights_changes_nothing(case: tuple[list[float], list[float]], k: float) -> None:
    """Multiplying every weight by k > 0 leaves the aggregate unchanged."""
    values, ws = case
    before = weighted_mean(values, ws).value
    after = weighted_mean(values, [k * w for w in ws]).value
    assert after == pytest.approx(before, rel=1e-9, abs=1e-9)


@given(children(), st.data())
def test_non_decreasing_in_each_child(case: tuple[list[float], list[float]], data: st.DataObject) -> None:
    """Raising one child never lowers the aggregate."""
    values, ws = case
    i = data.draw(st.integers(0, len(values) - 1))
    raised = list(values)
    raised[i] = data.draw(st.floats(min_value=values[i], max_value=100))
    before, after = weighted_mean(values, ws).value, weighted_mean(raised, ws).value
    assert before is not None and after is not None
    assert after >= before - 1e-9


@given(children(), st.randoms())
def test_invariant_to_child_order(case: tuple[list[float], list[float]], rnd: object) -> None:
    """Permuting children together with their weights leaves the aggregate unchanged."""
    values, ws = case
    order = list(range(len(values)))
    rnd.shuffle(order)  # type: ignore[attr-defined]
    permuted = weighted_mean([values[i] for i in order], [ws[i] for i in order]).value
    assert permuted == pytest.approx(weighted_mean(values, ws).value, abs=1e-9)


@given(children_with_gaps())
def test_dropping_missing_equals_renormalising_rest(case: tuple[list[float | None], list[float]]) -> None:
    """Aggregating with missing children equals aggregating only the present ones."""
    values, ws = case
    present = [(v, w) for v, w in zip(values, ws) if v is not None]
    with_gaps = weighted_mean(values, ws)
    only_present = weighted_mean([v for v, _ in present], [w for _, w in present])
    assert with_gaps.value == pytest.approx(only_present.value, abs=1e-9)
    assert with_gaps.missing == tuple(i for i, v in enumerate(values) if v is None)


@given(children_with_gaps())
def test_effective_weights_sum_to_one(case: tuple[list[float | None], list[float]]) -> None:
    """The effective weights of an aggregate with a value sum to 1, and missing children get 0."""
    values, ws = case
    result = weighted_mean(values, ws)
    assert math.fsum(result.weights) == pytest.approx(1.0)
    assert all(result.weights[i] == 0 for i in result.missing)


def test_missing_policies() -> None:
    """renormalise drops a missing child, zero counts it as 0, fail gives no value."""
    values, ws = [80.0, None, 40.0], [1.0, 1.0, 2.0]
    assert weighted_mean(values, ws, "renormalise").value == pytest.approx((80 + 80) / 3)
    assert weighted_mean(values, ws, "zero").value == pytest.approx((80 + 0 + 80) / 4)
    assert weighted_mean(values, ws, "fail").value is None


def test_no_positive_weight_gives_no_value() -> None:
    """An aggregate with no present child of positive weight has no value."""
    assert weighted_mean([10.0, 20.0], [0.0, 0.0]).value is None
    assert weighted_mean([None, None], [1.0, 1.0]).value is None


@pytest.mark.parametrize("bad", [-1.0, math.nan, math.inf])
def test_bad_weights_are_rejected(bad: float) -> None:
    """Negative, NaN and infinite weights are errors that name the weight."""
    with pytest.raises(ValueError, match="weight 1"):
        weighted_mean([1.0, 2.0], [1.0, bad])
