"""Ranks: higher score is better, ties share the lowest rank ("min" method), vectorised."""

from __future__ import annotations

import numpy as np

from lawgov_score.panel.types import FloatArray


def rank_rows(scores: FloatArray, rtol: float = 1e-10) -> FloatArray:
    """Rank the units of every row of a replicates × units matrix (see :func:`rank_scores`).

    Working along rows keeps every sort on contiguous memory.

    :param scores: (R, units).
    :param rtol: the tolerance under which scores are tied.
    :returns: ranks (R, units) as floats, NaN where the score is missing.
    """
    s = np.ascontiguousarray(scores, dtype=np.float64)
    n_rep, n = s.shape
    negated = -s
    order = np.argsort(negated, axis=1)  # NaN sorts last
    ordered = np.take_along_axis(negated, order, axis=1)
    new_group = np.ones(ordered.shape, dtype=bool)
    gap = ordered[:, 1:] - ordered[:, :-1]
    new_group[:, 1:] = ~(gap <= rtol * np.maximum(np.abs(ordered[:, :-1]), 1.0))
    # number the tie groups over the flattened matrix (each row starts a group), then give every
    # element the position of its group's first element: 1-D operations, fast on large matrices
    flat = new_group.ravel()
    group = np.cumsum(flat) - 1
    starts = np.flatnonzero(flat)
    within_row = starts[group].reshape(n_rep, n) - (np.arange(n_rep) * n)[:, None]
    sorted_ranks = within_row.astype(np.float64) + 1.0
    ranks: FloatArray = np.empty_like(sorted_ranks)
    ranks[np.arange(n_rep)[:, None], order] = sorted_ranks
    ranks[np.isnan(s)] = np.nan
    return ranks


def rank_scores(scores: FloatArray, rtol: float = 1e-10) -> FloatArray:
    """Rank units (rows) in every column: 1 for the highest score, tied units share the best rank.

    A unit's rank is one plus the number of units with a clearly higher score. Scores closer
    than ``rtol`` (relative, at least absolute for scores below 1) count as tied, so that two
    computations of the same score that differ only by floating-point rounding (for instance a
    matrix product evaluated in a different block order) never swap two units. Missing scores
    (NaN) get no rank (NaN) and do not count.

    :param scores: (units,) or (units, R).
    :param rtol: the tolerance under which scores are tied.
    :returns: ranks of the same shape, as floats.
    """
    s = np.asarray(scores, dtype=np.float64)
    ranks = rank_rows(s[None, :] if s.ndim == 1 else s.T, rtol)
    out: FloatArray = ranks[0] if s.ndim == 1 else ranks.T
    return out
