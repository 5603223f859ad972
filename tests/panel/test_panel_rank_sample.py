"""Rank quantiles from the compact replicate ranks equal those of the units² rank histogram they replace."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from panel_strategies import two_level_panels

from lawgov_score.panel import Assumptions, Panel, PipelineSpec, Step, uncertainty
from lawgov_score.panel.rank_sample import RankSample

SHARES = (0.5, 0.05, 0.95)
SAMPLED = Assumptions(weights=0.25, normalisation=({"method": "minmax"}, {"method": "rank"}),
                      aggregation=("arithmetic", "geometric"), leave_one_out=True)


def histogram_quantiles(ranks: np.ndarray, shares: tuple[float, ...]) -> list[np.ndarray]:
    """The previous implementation: a units × units histogram of ranks, then cumulative counts."""
    n_units = ranks.shape[1]
    valid = ~np.isnan(ranks)
    offsets = np.arange(n_units) * n_units
    cells = (offsets[None, :] + np.where(valid, ranks, 1) - 1).astype(np.int64)[valid]
    counts = np.bincount(cells, minlength=n_units * n_units).reshape(n_units, n_units)
    total = counts.sum(axis=1, keepdims=True)
    cumulative = np.cumsum(counts, axis=1)
    out = []
    for share in shares:
        reached = cumulative >= np.ceil(share * total - 1e-9)
        first = np.argmax(reached & (cumulative > 0), axis=1).astype(np.float64) + 1
        first[total[:, 0] == 0] = np.nan
        out.append(first)
    return out


@st.composite
def rank_chunks(draw: st.DrawFn) -> tuple[np.ndarray, list[int]]:
    """Replicates × units ranks in 1..units, some missing, and a split of the replicates into chunks."""
    units = draw(st.integers(1, 9))
    replicates = draw(st.integers(1, 40))
    ranks = draw(hnp.arrays(np.float64, (replicates, units), elements=st.integers(1, units).map(float)))
    if draw(st.booleans()):
        missing = draw(hnp.arrays(np.bool_, ranks.shape))
        ranks[missing] = np.nan
    cuts = sorted(draw(st.lists(st.integers(1, replicates), max_size=4, unique=True)))
    return ranks, cuts


@settings(max_examples=60, deadline=None)
@given(rank_chunks(), st.lists(st.floats(0, 1), min_size=1, max_size=4), st.integers(1, 200))
def test_quantiles_equal_the_histogram(chunks: tuple[np.ndarray, list[int]], shares: list[float],
                                       block_bytes: int) -> None:
    """For any ranks (missing ones included), added in any chunks and sorted in blocks of any size,
    the quantiles equal the histogram's."""
    ranks, cuts = chunks
    sample = RankSample(ranks.shape[1], ranks.shape[0])
    for part in np.split(ranks, cuts):
        sample.add(part)
    got = sample.quantiles(shares, block_bytes=block_bytes)
    for mine, theirs in zip(got, histogram_quantiles(ranks, tuple(shares)), strict=True):
        assert np.array_equal(mine, theirs, equal_nan=True)
    assert np.array_equal(sample.replicates(), ranks, equal_nan=True)


@settings(max_examples=10, deadline=None)
@given(two_level_panels(), st.integers(0, 2**16), st.booleans())
def test_uncertainty_intervals_are_the_histogram_quantiles(panel: Panel, seed: int, sobol: bool) -> None:
    """The median and 5–95 % ranks of an uncertainty run are the histogram quantiles of its replicates."""
    spec = PipelineSpec(steps=(Step("normalise", {"method": "minmax", "params": {"low": 1, "high": 100}}),))
    result = uncertainty(panel, spec, n=24, seed=seed, assumptions=SAMPLED, sobol=sobol, keep_ranks=True)
    assert result.replicate_ranks is not None
    expected = histogram_quantiles(result.replicate_ranks, SHARES)
    for mine, theirs in zip((result.median_rank, result.rank_p05, result.rank_p95), expected, strict=True):
        assert np.array_equal(mine, theirs, equal_nan=True)


def test_many_units_use_four_bytes() -> None:
    sample = RankSample(70_000, 3)
    ranks = np.tile(np.arange(1, 70_001, dtype=np.float64), (3, 1))
    ranks[1] = ranks[1][::-1]
    sample.add(ranks)
    median, low = sample.quantiles((0.5, 0.0))
    assert np.array_equal(low, np.minimum(ranks[0], ranks[1]))
    assert np.array_equal(median, np.sort(ranks, axis=0)[1])
