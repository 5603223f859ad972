"""Normalisers: bring indicators onto a common scale, column by column, NaN kept.

Every normaliser takes a units × indicators matrix whose direction has already been applied
(so higher is always better) and keyword parameters from the pipeline spec, and returns a
matrix of the same shape.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from lawgov_score.panel.types import FloatArray

Normaliser = Callable[..., FloatArray]


def apply_direction(values: FloatArray, directions: Sequence[int] | FloatArray) -> FloatArray:
    """Multiply each column by its direction, so that higher is better everywhere.

    :param values: units × indicators.
    :param directions: ``1`` or ``-1`` per indicator.
    :returns: the oriented matrix.
    """
    return np.asarray(values * np.asarray(directions, dtype=np.float64), dtype=np.float64)


def _quiet(func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN columns stay NaN
        return func(*args, **kwargs)


def minmax(x: FloatArray, low: float = 0.0, high: float = 100.0) -> FloatArray:
    """Min-max to ``[low, high]``.

    .. math:: y = l + (h - l)\\,\\frac{x - \\min x}{\\max x - \\min x}

    A constant column maps to the middle of the range.

    :param x: units × indicators.
    :param low: the value of the worst unit.
    :param high: the value of the best unit.
    :returns: the normalised matrix.
    """
    # fmin/fmax skip NaN in one pass (an all-NaN column gives NaN) without nanmin's copy
    lo, hi = np.fmin.reduce(x, axis=0), np.fmax.reduce(x, axis=0)
    span = hi - lo
    varying = span > 0
    with np.errstate(divide="ignore", invalid="ignore"):
        unit = (x - lo) / np.where(varying, span, 1.0)
    if not varying.all():
        constant = ~varying & ~np.isnan(span)
        unit[:, constant] = np.where(np.isnan(x[:, constant]), np.nan, 0.5)
    return np.asarray(low + (high - low) * unit, dtype=np.float64)


def zscore(x: FloatArray, mean: float = 0.0, sd: float = 1.0) -> FloatArray:
    """Standardise each column (sample standard deviation), then rescale.

    .. math:: y = \\mu' + \\sigma' \\, (x - \\bar x) / s_x

    :param x: units × indicators.
    :param mean: the mean ``μ'`` of the output.
    :param sd: the standard deviation ``σ'`` of the output.
    :returns: the normalised matrix; a constant column gives ``mean``.
    """
    centre = _quiet(np.nanmean, x, axis=0)
    spread = _quiet(np.nanstd, x, axis=0, ddof=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.where(spread > 0, (x - centre) / np.where(spread > 0, spread, 1.0), 0.0)
    z[np.isnan(x)] = np.nan
    return np.asarray(mean + sd * z, dtype=np.float64)


def goalposts(
    x: FloatArray, goalposts: FloatArray, low: float = 0.0, high: float = 100.0, truncate: bool = True
) -> FloatArray:
    """Fixed goalposts: ``(g_lo, g_hi)`` per indicator map to ``[low, high]``, truncated outside.

    .. math:: y = l + (h - l)\\,\\mathrm{clip}\\left(\\frac{x - g_{lo}}{g_{hi} - g_{lo}}, 0, 1\\right)

    A unit's score depends only on its own value, so scores are comparable across years and
    do not change when other units are added or removed.

    :param x: units × indicators (direction applied).
    :param goalposts: indicators × 2 array of ``(g_lo, g_hi)``, oriented like ``x``.
    :param low: the score at ``g_lo``.
    :param high: the score at ``g_hi``.
    :param truncate: clip values outside the goalposts.
    :returns: the normalised matrix.
    """
    posts = np.asarray(goalposts, dtype=np.float64).reshape(-1, 2)
    unit = (x - posts[:, 0]) / (posts[:, 1] - posts[:, 0])
    if truncate:
        unit = np.clip(unit, 0.0, 1.0)
    return np.asarray(low + (high - low) * unit, dtype=np.float64)


def _column_ranks(column: FloatArray, ties: str) -> FloatArray:
    out = np.full(column.shape, np.nan)
    present = ~np.isnan(column)
    _, inverse, counts = np.unique(column[present], return_inverse=True, return_counts=True)
    below = np.cumsum(counts) - counts
    out[present] = below[inverse] + ((counts[inverse] + 1) / 2 if ties == "average" else 0)
    return out


def rank(x: FloatArray) -> FloatArray:
    """Rank of each unit within its column, 1 for the lowest value, ties averaged (COINr ``n_rank``).

    :param x: units × indicators.
    :returns: the ranks as floats, NaN kept.
    """
    return np.column_stack([_column_ranks(x[:, j], "average") for j in range(x.shape[1])]).reshape(x.shape)


def percentile(x: FloatArray, low: float = 0.0, high: float = 100.0) -> FloatArray:
    """Percentile rank: the share of the other units with a strictly lower value, scaled to the range.

    .. math:: y = l + (h - l)\\,\\frac{\\#\\{v : x_v < x_u\\}}{n - 1}

    :param x: units × indicators.
    :param low: score of the lowest unit.
    :param high: score of a unit above all others.
    :returns: the normalised matrix.
    """
    below = np.column_stack([_column_ranks(x[:, j], "min") for j in range(x.shape[1])]).reshape(x.shape)
    n = np.sum(~np.isnan(x), axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(n > 1, below / np.maximum(n - 1, 1), 0.5)
    share[np.isnan(x)] = np.nan
    return np.asarray(low + (high - low) * share, dtype=np.float64)


def target(
    x: FloatArray, targets: FloatArray, low: float = 0.0, high: float = 100.0, cap: bool = True
) -> FloatArray:
    """Distance to target: the worst unit scores ``low``, a unit at the target ``high``.

    .. math:: y = l + (h - l)\\,\\min\\left(\\frac{x - \\min x}{t - \\min x}, 1\\right)

    :param x: units × indicators (direction applied).
    :param targets: one target per indicator, oriented like ``x``.
    :param low: score of the worst unit.
    :param high: score at (or beyond, when capped) the target.
    :param cap: cap scores beyond the target at ``high``.
    :returns: the normalised matrix.
    """
    lo = _quiet(np.nanmin, x, axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        unit = (x - lo) / (np.asarray(targets, dtype=np.float64) - lo)
    if cap:
        unit = np.minimum(unit, 1.0)
    return np.asarray(low + (high - low) * unit, dtype=np.float64)


def identity(x: FloatArray) -> FloatArray:
    """No normalisation: the values are scores already (a scored report's indicator scores).

    :param x: units × indicators.
    :returns: the same matrix.
    """
    return np.asarray(x, dtype=np.float64)


BUILTIN_NORMALISERS: dict[str, Normaliser] = {
    "none": identity,
    "minmax": minmax,
    "zscore": zscore,
    "goalposts": goalposts,
    "rank": rank,
    "percentile": percentile,
    "target": target,
}
"""Built-in normalisers by the name a pipeline spec uses."""
