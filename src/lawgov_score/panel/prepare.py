"""Data preparation before normalisation: denomination, screening and imputation."""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import Any

import numpy as np

from lawgov_score.panel.types import BoolArray, FloatArray

IMPUTATION_METHODS = ("mean", "median", "group_mean", "group_median", "available_case", "none")


def denominate(values: FloatArray, denominators: FloatArray, scale: FloatArray | float = 1.0) -> FloatArray:
    """Divide each indicator by a unit's denominator (per capita, per GDP, ...).

    .. math:: x'_{ui} = s_i \\, x_{ui} / d_{ui}

    :param values: units × indicators.
    :param denominators: units × indicators; 1 where an indicator is not denominated.
    :param scale: factor ``s`` (scalar or one per indicator), e.g. 1000 for "per thousand".
    :returns: the denominated matrix; a zero or missing denominator gives NaN.
    """
    with np.errstate(divide="ignore", invalid="ignore"):
        out = values * np.asarray(scale, dtype=np.float64) / denominators
    out[~np.isfinite(out)] = np.nan
    return out


def availability(values: FloatArray) -> FloatArray:
    """Share of non-missing indicators of each unit.

    :param values: units × indicators.
    :returns: one share in [0, 1] per unit.
    """
    if values.shape[1] == 0:
        return np.ones(values.shape[0])
    return np.asarray(np.mean(~np.isnan(values), axis=1), dtype=np.float64)


def screen(values: FloatArray, threshold: float) -> BoolArray:
    """Which units have enough data to be kept.

    :param values: units × indicators.
    :param threshold: minimum share of indicators present, in [0, 1].
    :returns: a boolean mask of the units kept (share ≥ threshold).
    """
    kept: BoolArray = availability(values) >= threshold - 1e-12
    return kept


def _fill(values: FloatArray, rows: BoolArray | None, statistic: str) -> None:
    # fill the gaps of the given rows (None: all) with their column's statistic, in place
    block = values if rows is None else values[rows]
    with warnings.catch_warnings():
        # an all-missing column has no mean: it stays missing, which is the honest answer
        warnings.simplefilter("ignore", RuntimeWarning)
        centre = np.nanmedian(block, axis=0) if statistic == "median" else np.nanmean(block, axis=0)
    if rows is None:
        np.copyto(values, np.broadcast_to(centre, values.shape), where=np.isnan(values))
    else:
        values[rows] = np.where(np.isnan(block), centre, block)


def impute(values: FloatArray, method: str, groups: Sequence[Any] | None = None) -> FloatArray:
    """Fill missing values of each indicator.

    - ``mean`` / ``median``: the indicator's mean or median over all units;
    - ``group_mean`` / ``group_median``: over the units of the same group (COINr's ``i_mean_grp``);
      a group with no value of an indicator keeps it missing;
    - ``available_case`` / ``none``: nothing is filled; aggregation then uses the values present
      and renormalises the weights (the World Justice Project's practice).

    :param values: units × indicators, NaN for missing.
    :param method: one of :data:`IMPUTATION_METHODS`.
    :param groups: group label of each unit (required for the group methods).
    :returns: a new matrix.
    :raises ValueError: unknown method, or a group method without groups.
    """
    if method not in IMPUTATION_METHODS:
        raise ValueError(f"unknown imputation method {method!r}; expected one of {IMPUTATION_METHODS}")
    out = np.array(values, dtype=np.float64, copy=True)
    if method in ("available_case", "none") or not np.isnan(out).any():
        return out
    statistic = "median" if method.endswith("median") else "mean"
    if method.startswith("group"):
        if groups is None:
            raise ValueError(f"imputation {method!r} needs a group column")
        labels = np.array([str(g) for g in groups])
        for label in np.unique(labels):
            _fill(out, labels == label, statistic)
    else:
        _fill(out, None, statistic)
    return out
