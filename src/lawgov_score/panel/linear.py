"""The fast path of the aggregation engine: the whole tree as one matrix product.

When every aggregate uses the same built-in mean, no availability threshold is set, no node
deducts points (an adverse indicator's, clipped to 0–100), no value is missing and every node's
children carry some weight, the nested means collapse: each aggregate is
a weighted mean of the indicators with the products of the sibling-normalised weights on their
paths (the indicators' effective weights within that aggregate). The arithmetic mean is linear;
the geometric, harmonic and power means are *quasi-arithmetic* — linear after a transform φ
(log x, 1/x, x^p) and its inverse — so for them the same holds with positive data:

.. math:: y_a = \\varphi^{-1}\\Bigl(\\sum_i E_{ia}\\,\\varphi(x_i)\\Bigr)

so all aggregates of all units come from ``φ(X) @ E`` in one product. Anything else (missing
values whose weights must be renormalised, thresholds, deductions, mixed or plugin aggregators,
a node whose children all have weight 0) takes the general node-by-node path of
:func:`lawgov_score.panel.engine.evaluate`; both give the same scores up to rounding (a
property test checks it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np
from attrs import frozen

from lawgov_score.panel import aggregate
from lawgov_score.panel.types import FloatArray

if TYPE_CHECKING:
    from lawgov_score.panel.engine import Tree

Map = Callable[[FloatArray], FloatArray]


@frozen
class QuasiArithmetic:
    """A mean :math:`\\varphi^{-1}(\\sum_c s_c \\varphi(x_c))` by its φ and φ⁻¹.

    :param positive: the mean's general form treats zero and negative children specially (0 or
        NaN), so the fast path takes only positive data.
    """

    forward: Map
    inverse: Map
    positive: bool


def _identity(x: FloatArray) -> FloatArray:
    return x


def _power(p: float) -> QuasiArithmetic:
    return QuasiArithmetic(lambda x: np.power(x, p), lambda y: np.power(y, 1.0 / p), True)


def mean_of(tree: Tree) -> QuasiArithmetic | None:
    """The quasi-arithmetic mean every aggregate uses, if they all use the same built-in one, with
    no threshold and no deduction.

    :returns: the mean, or ``None`` when the tree has to be evaluated node by node.
    """
    exponents = set()
    for rule in tree.rules:
        func = rule.aggregator.func
        if rule.threshold > 0 or len(rule.deductions):  # a clipped deduction is not linear
            return None
        if func is aggregate.power_mean:
            exponents.add(float(rule.params.get("p", 1.0)))
        elif func in _EXPONENT and not rule.params:
            exponents.add(_EXPONENT[func])
        else:
            return None
    if len(exponents) != 1:
        return None
    p = exponents.pop()
    if p == 1:
        return QuasiArithmetic(_identity, _identity, False)
    if p == 0:
        return QuasiArithmetic(np.log, np.exp, True)
    return _power(p)


# the built-in means as power means: arithmetic p = 1, geometric the limit p → 0, harmonic p = −1
_EXPONENT: dict[Callable[..., FloatArray], float] = {
    aggregate.arithmetic: 1.0, aggregate.geometric: 0.0, aggregate.harmonic: -1.0}


def path_weights(tree: Tree, weights: FloatArray) -> dict[int, FloatArray] | None:
    """Each aggregate's weights on the indicators: products of sibling-normalised weights down its paths.

    :param tree: the compiled tree.
    :param weights: node weights × replicates.
    :returns: aggregate position → (indicators, replicates), or ``None`` when a weight is
        negative or all the children of a node have weight 0 (that node would be missing).
    """
    if (weights < 0).any():
        return None
    n, n_rep = tree.n_indicators, weights.shape[1]
    out: dict[int, FloatArray] = {}
    for rule in tree.rules:
        child_weights = weights[rule.children]
        total = child_weights.sum(axis=0)
        if not (total > 0).all():
            return None
        shares = child_weights / total
        column = np.zeros((n, n_rep))
        for child, share in zip(rule.children.tolist(), shares, strict=True):
            if child < n:
                column[child] += share
            else:
                column += out[child] * share
        out[tree.position(rule.code)] = column
    return out


THREADED_WORK = 2**23
"""Multiply-adds from which a product goes to the (threaded) BLAS matrix product."""


def thin_product(x: FloatArray, w: FloatArray) -> FloatArray:
    """``x @ w`` for a tall ``x`` (units × indicators) and few columns of ``w``.

    A threaded BLAS matrix product can wait milliseconds for its threads on a busy or
    process-parallel machine, which a thin product never earns back (measured on the project's
    2-core machine: 8–16 ms for a product that takes 0.5 ms in one thread). A few columns are
    matrix-vector products; up to :data:`THREADED_WORK` multiply-adds numpy's one-thread loop;
    only larger products use the matrix product.
    """
    if w.shape[1] <= 16:
        return np.column_stack([x @ w[:, j] for j in range(w.shape[1])])
    if x.shape[0] * x.shape[1] * w.shape[1] < THREADED_WORK:
        return np.asarray(np.einsum("uk,kr->ur", x, w), dtype=x.dtype)
    return np.asarray(x @ w, dtype=x.dtype)


@frozen(eq=False)
class LinearTree:
    """A tree with data the fast path takes, φ(data) computed once for many sets of weights.

    :param tree: the compiled tree.
    :param data: units × indicators (normalised), columns as ``tree.codes``.
    :param mean: the mean every aggregate uses.
    :param mapped: φ(data).
    """

    tree: Tree
    data: FloatArray
    mean: QuasiArithmetic
    mapped: FloatArray

    @classmethod
    def of(cls, tree: Tree, data: FloatArray) -> LinearTree | None:
        """The fast form of ``tree`` on ``data``, or ``None`` when the tree's means, thresholds or
        the data (a missing value; a value ≤ 0 for a mean other than the arithmetic) do not allow it."""
        mean = mean_of(tree)
        if mean is None or np.isnan(data).any() or (mean.positive and not (data > 0).all()):
            return None
        with np.errstate(divide="ignore"):
            return cls(tree, data, mean, mean.forward(data))

    def evaluate(self, weights: FloatArray, keep: str = "all") -> dict[str, FloatArray] | None:
        """The scores :func:`~lawgov_score.panel.engine.evaluate` gives, as one product.

        :param weights: node weights × replicates.
        :param keep: ``"all"`` for every node, ``"root"`` for the index only.
        :returns: node code → (units, R) scores (indicators as (units, 1)), or ``None`` when
            these weights leave a node without weight (it would be missing: the general path says so).
        """
        tree = self.tree
        paths = path_weights(tree, weights.astype(np.float64, copy=False))
        if paths is None:
            return None
        wanted = [tree.position(tree.root)] if keep == "root" else sorted(paths)
        n_rep = weights.shape[1]
        # one product for every wanted aggregate and replicate: (units × indicators) @ (indicators × nodes·R)
        stacked = np.concatenate([paths[p] for p in wanted], axis=1).astype(self.data.dtype, copy=False)
        with np.errstate(divide="ignore", over="ignore", invalid="ignore"):
            product = self.mean.inverse(thin_product(self.mapped, stacked))
        scores = {tree.codes[p]: product[:, k * n_rep : (k + 1) * n_rep] for k, p in enumerate(wanted)}
        if keep == "root":
            return scores
        return {**{code: self.data[:, j, None] for j, code in enumerate(tree.codes[: tree.n_indicators])}, **scores}
