"""Aggregators: combine child scores into a parent score, for many weight replicates at once.

Built-in aggregators work on a stack of children ``x`` of shape (children, units, R′) — R′ is 1
when every replicate shares the same child scores, or R — and weights ``w`` of shape
(children, R). They return (units, R). Missing children (NaN) are dropped and the remaining
weights renormalised ("available-case"). A plugin aggregator has the simpler form of
:func:`lawgov_score.hookspecs.lawgov_score_register_aggregators` and is wrapped by
:func:`vectorise`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from attrs import frozen

from lawgov_score.panel.types import FloatArray


def _sum(values: FloatArray, weights: FloatArray) -> FloatArray:
    # one pass over the children; a BLAS product only for one replicate (a matrix-vector
    # product): a threaded BLAS spends milliseconds per call on products this thin
    if values.shape[2] == 1 and weights.shape[1] == 1:
        return np.asarray(values[:, :, 0].T @ weights, dtype=values.dtype)
    subscripts = "cu,cr->ur" if values.shape[2] == 1 else "cur,cr->ur"
    return np.asarray(np.einsum(subscripts, values[:, :, 0] if values.shape[2] == 1 else values, weights),
                      dtype=values.dtype)


def _sum_present(values: FloatArray, weights: FloatArray) -> tuple[FloatArray, bool]:
    # the weighted sum with NaN as 0, and whether any child was missing; a missing child makes
    # its unit's plain sum NaN, so only the (smaller) result needs checking for the common case
    out = _sum(values, weights)
    if not np.isnan(out).any():
        return out, False
    missing = np.isnan(values)
    return _sum(np.where(missing, 0, values), weights), bool(missing.any())


def weighted_sum(values: FloatArray, weights: FloatArray) -> FloatArray:
    """``Σ_c w_cr · v_cur`` for every unit u and replicate r, NaN treated as 0.

    :param values: (children, units, 1 or R).
    :param weights: (children, R).
    :returns: (units, R).
    """
    return _sum_present(values, weights)[0]


def present_weight(values: FloatArray, weights: FloatArray) -> FloatArray:
    """Sum of the weights of the children present, for each unit and replicate.

    :param values: (children, units, 1 or R).
    :param weights: (children, R).
    :returns: (units, R).
    """
    missing = np.isnan(values)
    if not missing.any():
        return _all_present(values, weights)
    return _sum((~missing).astype(values.dtype), weights)


def _all_present(values: FloatArray, weights: FloatArray) -> FloatArray:
    # every child present: the weight sums are the same for every unit
    return np.broadcast_to(weights.sum(axis=0, dtype=values.dtype), (values.shape[1], weights.shape[1]))


def _ratio(num: FloatArray, den: FloatArray) -> FloatArray:
    with np.errstate(divide="ignore", invalid="ignore"):
        out = num / den
    out[np.broadcast_to(den <= 0, out.shape)] = np.nan
    return out


def _hits(values: FloatArray, weights: FloatArray, condition: Any) -> Any:
    # a child with positive weight meets the condition (e.g. is zero) for this unit and replicate
    if not condition.any():
        return np.zeros((values.shape[1], weights.shape[1]), dtype=bool)
    return weighted_sum(condition.astype(values.dtype), weights) > 0


def arithmetic(values: FloatArray, weights: FloatArray) -> FloatArray:
    """Weighted arithmetic mean over the children present: :math:`\\sum w_c x_c / \\sum w_c`.

    :param values: (children, units, 1 or R).
    :param weights: (children, R).
    :returns: (units, R).
    """
    total, missing = _sum_present(values, weights)
    return _ratio(total, present_weight(values, weights) if missing else _all_present(values, weights))


def geometric(values: FloatArray, weights: FloatArray) -> FloatArray:
    """Weighted geometric mean :math:`\\prod x_c^{w_c / \\sum w}`; 0 if a child is 0, NaN if one is negative.

    :param values: (children, units, 1 or R).
    :param weights: (children, R).
    :returns: (units, R).
    """
    with np.errstate(divide="ignore", invalid="ignore"):
        logs = np.where(values > 0, np.log(np.where(values > 0, values, 1)), np.where(np.isnan(values), np.nan, 0))
    out = np.exp(_ratio(weighted_sum(logs, weights), present_weight(values, weights)))
    out[_hits(values, weights, values == 0)] = 0
    out[_hits(values, weights, values < 0)] = np.nan
    return np.asarray(out, dtype=values.dtype)


def harmonic(values: FloatArray, weights: FloatArray) -> FloatArray:
    """Weighted harmonic mean :math:`\\sum w_c / \\sum (w_c / x_c)`; 0 if a child is 0, NaN if negative.

    :param values: (children, units, 1 or R).
    :param weights: (children, R).
    :returns: (units, R).
    """
    with np.errstate(divide="ignore", invalid="ignore"):
        inverse = np.where(values > 0, 1 / np.where(values > 0, values, 1), np.where(np.isnan(values), np.nan, 0))
    out = _ratio(present_weight(values, weights), weighted_sum(inverse, weights))
    out[_hits(values, weights, values == 0)] = 0
    out[_hits(values, weights, values < 0)] = np.nan
    return np.asarray(out, dtype=values.dtype)


def power_mean(values: FloatArray, weights: FloatArray, p: float = 1.0) -> FloatArray:
    """Generalised (power) mean :math:`(\\sum w_c x_c^p / \\sum w_c)^{1/p}`.

    ``p = 1`` is the arithmetic mean, ``p → 0`` the geometric, ``p = -1`` the harmonic. For
    ``p ≠ 1`` children must be ≥ 0 (a negative child gives NaN).

    :param values: (children, units, 1 or R).
    :param weights: (children, R).
    :param p: the exponent.
    :returns: (units, R).
    """
    if p == 0:
        return geometric(values, weights)
    if p == 1:
        return arithmetic(values, weights)
    with np.errstate(divide="ignore", invalid="ignore"):
        powered = np.where(values > 0, np.where(values > 0, values, 1) ** p, np.where(np.isnan(values), np.nan, 0))
    out = _ratio(weighted_sum(powered, weights), present_weight(values, weights)) ** (1.0 / p)
    if p < 0:
        out[_hits(values, weights, values == 0)] = 0
    out[_hits(values, weights, values < 0)] = np.nan
    return np.asarray(out, dtype=values.dtype)


def copeland_scores(x: FloatArray, w: FloatArray) -> FloatArray:
    """Copeland scores of units from a units × children matrix and weights.

    Unit a beats b when the children on which a is better carry more weight than those on
    which b is better; its score is wins minus losses, so scores sum to 0. Missing values do
    not vote.

    :param x: (units, children).
    :param w: (children,).
    :returns: one score per unit.
    """
    n = x.shape[0]
    margin = np.zeros((n, n))
    for c in range(x.shape[1]):
        column = x[:, c]
        diff = np.sign(column[:, None] - column[None, :])
        margin += w[c] * np.nan_to_num(diff, nan=0.0)
    return np.asarray(np.sign(margin).sum(axis=1), dtype=np.float64)


def copeland(values: FloatArray, weights: FloatArray) -> FloatArray:
    """Copeland (pairwise majority) aggregation, replicate by replicate (O(units²) each).

    :param values: (children, units, 1 or R).
    :param weights: (children, R).
    :returns: (units, R).
    """
    n_rep = weights.shape[1]
    out = np.empty((values.shape[1], n_rep), dtype=values.dtype)
    for r in range(n_rep):
        x = values[:, :, 0 if values.shape[2] == 1 else r].T
        out[:, r] = copeland_scores(x, weights[:, r])
    return out


def deduct(aggregate: FloatArray, points: FloatArray | float) -> FloatArray:
    """An aggregate less the points of its deduction children, kept within 0–100 (NaN stays NaN).

    :param aggregate: (units, R) scores on 0–100.
    :param points: the points to take off, broadcastable to ``aggregate``.
    :returns: the reduced scores.
    """
    return np.asarray(np.where(np.isnan(aggregate), np.nan, np.clip(aggregate - points, 0.0, 100.0)), dtype=np.float64)


@frozen
class Aggregator:
    """A named aggregator in the engine's vectorised form (see the module docstring)."""

    name: str
    func: Callable[..., FloatArray]

    def __call__(self, values: FloatArray, weights: FloatArray, **params: Any) -> FloatArray:
        """Aggregate ``values`` (children, units, R′) with ``weights`` (children, R) to (units, R)."""
        return self.func(values, weights, **params)


def vectorise(name: str, func: Callable[..., Any]) -> Aggregator:
    """Wrap a plugin aggregator ``f(x: units × children, w: children, **params) -> units``.

    :param name: the method name.
    :param func: the plugin's function.
    :returns: an aggregator that calls it once per replicate.
    """

    def call(values: FloatArray, weights: FloatArray, **params: Any) -> FloatArray:
        out = np.empty((values.shape[1], weights.shape[1]), dtype=values.dtype)
        for r in range(weights.shape[1]):
            x = values[:, :, 0 if values.shape[2] == 1 else r].T
            out[:, r] = np.asarray(func(x, weights[:, r], **params), dtype=np.float64)
        return out

    return Aggregator(name, call)


BUILTIN_AGGREGATORS: dict[str, Aggregator] = {
    "arithmetic": Aggregator("arithmetic", arithmetic),
    "geometric": Aggregator("geometric", geometric),
    "harmonic": Aggregator("harmonic", harmonic),
    "power": Aggregator("power", power_mean),
    "copeland": Aggregator("copeland", copeland),
}
"""Built-in aggregators by the name a pipeline spec uses."""
