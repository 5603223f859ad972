"""Hypothesis properties of the normalisers, aggregators and the uncertainty analysis."""

from __future__ import annotations

import numpy as np
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from panel_strategies import matrices, positive_children, two_level_panels

from lawgov_score.panel import Assumptions, Panel, PipelineSpec, Step, run_pipeline, uncertainty
from lawgov_score.panel.aggregate import arithmetic, copeland_scores, geometric, harmonic
from lawgov_score.panel.normalise import apply_direction, goalposts, minmax
from lawgov_score.panel.ranking import rank_scores

MINMAX = PipelineSpec(steps=(Step("normalise", {"method": "minmax", "params": {"low": 1, "high": 100}}),))
FEW = settings(max_examples=25, deadline=None)


@FEW
@given(matrices(), st.floats(0.01, 100), st.floats(-100, 100), st.floats(-50, 50), st.floats(1, 50))
def test_minmax_range_and_affine_invariance(x: np.ndarray, a: float, b: float, low: float, width: float) -> None:
    """Min-max output lies within [low, high] and is unchanged by x → a·x + b with a > 0."""
    high = low + width
    out = minmax(x, low, high)
    assert np.all(out >= low - 1e-9) and np.all(out <= high + 1e-9)
    spread = x.max(axis=0) - x.min(axis=0)
    assume(np.all((spread == 0) | (spread > 1e-6 * np.maximum(1, np.abs(x).max(axis=0)))))
    assert np.allclose(minmax(a * x + b, low, high), out, atol=1e-6 * width)


@FEW
@given(matrices())
def test_direction_minus_one_mirrors(x: np.ndarray) -> None:
    """With direction −1, min-max scores mirror those of direction +1: y₋ = low + high − y₊."""
    directions = -np.ones(x.shape[1])
    up = minmax(x, 0, 100)
    down = minmax(apply_direction(x, directions), 0, 100)
    spread = x.max(axis=0) - x.min(axis=0)
    varying = spread > 0
    assert np.allclose(down[:, varying], 100 - up[:, varying], atol=1e-6)


@FEW
@given(matrices(min_rows=2), st.integers(0, 1000))
def test_goalposts_do_not_depend_on_other_units(x: np.ndarray, seed: int) -> None:
    """Fixed goalposts with truncation give every unit the same score whatever the other units are."""
    posts = np.column_stack([np.full(x.shape[1], -10.0), np.full(x.shape[1], 10.0)])
    full = goalposts(x, posts)
    others = np.random.default_rng(seed).normal(scale=100, size=x.shape)
    mixed = np.vstack([x[:1], others[1:]])
    assert np.array_equal(goalposts(mixed, posts)[0], full[0])
    assert np.all((full >= 0) & (full <= 100))


@FEW
@given(positive_children())
def test_harmonic_geometric_arithmetic_order(sample: tuple[np.ndarray, np.ndarray]) -> None:
    """For positive inputs, the weighted harmonic ≤ geometric ≤ arithmetic mean."""
    values, weights = sample
    h, g, a = harmonic(values, weights), geometric(values, weights), arithmetic(values, weights)
    assert np.all(h <= g * (1 + 1e-9)) and np.all(g <= a * (1 + 1e-9))


@FEW
@given(matrices(max_cols=4, elements=st.integers(0, 5).map(float)),
       st.lists(st.floats(0.1, 5), min_size=4, max_size=4))
def test_copeland_scores_sum_to_zero(x: np.ndarray, w: list[float]) -> None:
    """Copeland scores (wins minus losses) of all units sum to 0."""
    assert copeland_scores(x, np.array(w[: x.shape[1]])).sum() == 0


@FEW
@given(matrices(elements=st.integers(-3, 3).map(float)))
def test_ranks_ties_share_lowest(x: np.ndarray) -> None:
    """A unit's rank is one plus the number of units with a higher score (ties share the best rank)."""
    ranks = rank_scores(x)
    expected = 1 + (x[None, :, :] > x[:, None, :]).sum(axis=1)
    assert np.array_equal(ranks, expected)


SAMPLED = Assumptions(weights=0.25, imputation=("mean", "median"),
                      normalisation=({"method": "minmax", "params": {"low": 1, "high": 100}},
                                     {"method": "rank"}, {"method": "percentile", "params": {"low": 1}}),
                      aggregation=("arithmetic", "geometric", "harmonic"), leave_one_out=True)


@settings(max_examples=15, deadline=None)
@given(two_level_panels(dominant=True), st.integers(0, 2**16))
def test_dominant_unit_ranks_first_everywhere(panel: Panel, seed: int) -> None:
    """A unit that dominates all others on every indicator ranks 1 under every sampled assumption."""
    result = uncertainty(panel, MINMAX, n=16, seed=seed, assumptions=SAMPLED, keep_ranks=True)
    best = result.units.index("best")
    assert result.replicate_ranks is not None
    assert np.all(result.replicate_ranks[:, best] == 1)
    assert result.nominal_rank[best] == 1


@settings(max_examples=15, deadline=None)
@given(two_level_panels(), st.integers(0, 2**16))
def test_zero_perturbation_returns_nominal_ranks(panel: Panel, seed: int) -> None:
    """With a zero weight perturbation and no other assumption, every replicate has the nominal ranks."""
    result = uncertainty(panel, MINMAX, n=8, seed=seed, assumptions=Assumptions(weights=0.0),
                         sobol=False, keep_ranks=True)
    nominal = run_pipeline(panel, MINMAX).rank("Index")
    assert result.replicate_ranks is not None
    assert np.array_equal(result.replicate_ranks, np.broadcast_to(nominal, result.replicate_ranks.shape))
    assert np.array_equal(result.median_rank, nominal)


@settings(max_examples=10, deadline=None)
@given(two_level_panels(), st.integers(0, 2**16))
def test_same_seed_same_result(panel: Panel, seed: int) -> None:
    """The same seed gives identical rank intervals and Sobol indices."""
    runs = [uncertainty(panel, MINMAX, n=12, seed=seed, assumptions=SAMPLED) for _ in range(2)]
    first, second = (r.to_dict() for r in runs)
    assert first == second


@settings(max_examples=5, deadline=None)
@given(two_level_panels())
def test_a_run_without_a_seed_records_the_one_it_drew(panel: Panel) -> None:
    """Without a seed, one is drawn and recorded, and running again with it repeats the run."""
    drawn = uncertainty(panel, MINMAX, n=12, assumptions=SAMPLED)
    assert isinstance(drawn.seed, int) and drawn.to_dict()["seed"] == drawn.seed
    assert uncertainty(panel, MINMAX, n=12, seed=drawn.seed, assumptions=SAMPLED).to_dict() == drawn.to_dict()
