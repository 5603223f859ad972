"""Variance-based sensitivity indices: Saltelli's sampling scheme with the Saltelli (2010)
first-order and Jansen (1999) total-effect estimators, accumulated chunk by chunk.

With two independent sample matrices A and B (N × d) and, for each group k of inputs, the
matrix A_B^(k) (A with the columns of group k taken from B):

.. math::

   V = \\operatorname{Var}[f(A) \\cup f(B)], \\qquad
   S_k = \\frac{1}{N V}\\sum_j f(B)_j\\,\\big(f(A_B^{(k)})_j - f(A)_j\\big), \\qquad
   S_{T,k} = \\frac{1}{2 N V}\\sum_j \\big(f(A)_j - f(A_B^{(k)})_j\\big)^2

These are the estimators SALib's ``sobol.analyze`` uses (Saltelli et al. 2010, table 2).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from attrs import frozen

from lawgov_score.panel.types import FloatArray


def base_samples(n: int, d: int, rng: np.random.Generator) -> tuple[FloatArray, FloatArray]:
    """Two independent N × d matrices of uniform [0, 1) inputs.

    :param n: base sample size N.
    :param d: number of scalar inputs.
    :param rng: the random generator.
    :returns: ``(A, B)``.
    """
    both = rng.random((n, 2 * d))
    return both[:, :d], both[:, d:]


def mixed(a: FloatArray, b: FloatArray, columns: Sequence[int]) -> FloatArray:
    """A_B^(k): a copy of ``a`` whose ``columns`` come from ``b``.

    :param a: matrix A.
    :param b: matrix B.
    :param columns: the inputs of group k.
    :returns: the mixed matrix.
    """
    out = np.array(a, copy=True)
    out[:, list(columns)] = b[:, list(columns)]
    return out


@frozen(eq=False)
class SobolIndices:
    """First-order and total indices per input group, with Monte Carlo standard errors.

    Arrays have shape ``(groups, *output_shape)``.
    """

    S1: FloatArray
    ST: FloatArray
    S1_se: FloatArray
    ST_se: FloatArray
    variance: FloatArray


class SobolAccumulator:
    """Running sums for the estimators, so model runs can be made chunk by chunk.

    :param groups: number of input groups k.
    :param shape: shape of one model output (``()`` for a scalar, ``(units,)`` for ranks).
    """

    def __init__(self, groups: int, shape: tuple[int, ...] = ()) -> None:
        self.groups = groups
        self.n = 0
        self._sum = np.zeros(shape)
        self._sumsq = np.zeros(shape)
        self._first = np.zeros((groups, *shape))
        self._first_sq = np.zeros((groups, *shape))
        self._total = np.zeros((groups, *shape))
        self._total_sq = np.zeros((groups, *shape))

    def add(self, f_a: FloatArray, f_b: FloatArray, f_ab: FloatArray) -> None:
        """Add a chunk of model runs.

        :param f_a: f(A) for the chunk, shape ``(n, *shape)``.
        :param f_b: f(B), shape ``(n, *shape)``.
        :param f_ab: f(A_B^(k)) for every group, shape ``(groups, n, *shape)``.
        """
        f_a, f_b, f_ab = (np.asarray(x, dtype=np.float64) for x in (f_a, f_b, f_ab))
        self.n += f_a.shape[0]
        self._sum += f_a.sum(0) + f_b.sum(0)
        self._sumsq += (f_a * f_a).sum(0) + (f_b * f_b).sum(0)
        first = f_b[None] * (f_ab - f_a[None])
        total = 0.5 * (f_a[None] - f_ab) ** 2
        self._first += first.sum(1)
        self._first_sq += (first * first).sum(1)
        self._total += total.sum(1)
        self._total_sq += (total * total).sum(1)

    def result(self, pooled: bool = False) -> SobolIndices:
        """The indices from the runs added so far.

        :param pooled: for a vector output, return the variance-weighted mean over its elements
            (the index of the whole output vector, Gamboa et al. 2014) instead of one per element.
        :returns: the indices.
        """
        n = max(self.n, 1)
        mean = self._sum / (2 * n)
        variance = self._sumsq / (2 * n) - mean * mean
        first, total = self._first / n, self._total / n
        first_se = np.sqrt(np.maximum(self._first_sq / n - first**2, 0) / n)
        total_se = np.sqrt(np.maximum(self._total_sq / n - total**2, 0) / n)
        if pooled and variance.ndim > 0:
            axes = tuple(range(1, first.ndim))
            v = variance.sum()
            variance = np.asarray(v)
            first, total = first.sum(axes), total.sum(axes)
            first_se = np.sqrt((first_se**2).sum(axes))
            total_se = np.sqrt((total_se**2).sum(axes))
        with np.errstate(divide="ignore", invalid="ignore"):
            scale = np.where(variance > 0, 1 / np.where(variance > 0, variance, 1), np.nan)
        return SobolIndices(first * scale, total * scale, first_se * scale, total_se * scale, variance)


def sobol_indices(f_a: FloatArray, f_b: FloatArray, f_ab: FloatArray) -> SobolIndices:
    """First-order and total Sobol indices from complete sets of model runs.

    :param f_a: f(A), shape ``(N, *shape)``.
    :param f_b: f(B), shape ``(N, *shape)``.
    :param f_ab: f(A_B^(k)), shape ``(groups, N, *shape)``.
    :returns: the indices.
    """
    accumulator = SobolAccumulator(f_ab.shape[0], tuple(f_a.shape[1:]))
    accumulator.add(f_a, f_b, f_ab)
    return accumulator.result()
