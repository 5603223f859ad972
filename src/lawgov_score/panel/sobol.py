"""Variance-based sensitivity indices as SALib computes them, accumulated chunk by chunk.

Saltelli's design: two N × d matrices A and B — the two halves of N scrambled Sobol' points in
2d dimensions, as SALib's ``sobol.sample`` draws them (:func:`base_samples`) — and, for each
group k of inputs, A_B^(k) (A with the columns of group k taken from B). With the model output
centred on the mean c of all its runs (SALib standardises it, which the indices do not notice
but the first-order estimator's variance does):

.. math::

   V = \\operatorname{Var}[f(A) \\cup f(B)], \\qquad
   S_k = \\frac{1}{N V}\\sum_j \\big(f(B)_j - c\\big)\\,\\big(f(A_B^{(k)})_j - f(A)_j\\big), \\qquad
   S_{T,k} = \\frac{1}{2 N V}\\sum_j \\big(f(A)_j - f(A_B^{(k)})_j\\big)^2

(Saltelli et al. 2010, table 2, and Jansen 1999: SALib's ``sobol.analyze`` estimators).
Confidence intervals come from the bootstrap, as in SALib: the estimators are recomputed on
resamples of the N base samples, and the interval is ± z·sd of the resampled indices at
``conf_level``. Resampling is in its streaming form — each base sample enters each resample a
Poisson(1) number of times (Hanley & MacGibbon 2006) rather than a multinomial one — so that
chunks of model runs can be added as they are made; the two agree as N grows.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from statistics import NormalDist

import numpy as np
from attrs import frozen

from lawgov_score.panel.types import FloatArray

SAMPLINGS = ("sobol", "random")
"""Base samples: scrambled Sobol' points (needs scipy) or pseudo-random uniforms."""
SCIPY_HINT = "scrambled Sobol' points need scipy, which is optional: pip install 'lawgov-score[scipy]'"


def default_sampling() -> str:
    """``"sobol"`` when scipy is installed; otherwise ``"random"``, with a warning that says so."""
    try:
        from scipy.stats import qmc  # noqa: F401
    except ImportError:
        warnings.warn(f"pseudo-random base samples (less accurate Sobol indices): {SCIPY_HINT}", stacklevel=3)
        return "random"
    return "sobol"


def base_samples(n: int, d: int, rng: np.random.Generator, sampling: str = "random") -> tuple[FloatArray, FloatArray]:
    """Two N × d matrices of inputs in [0, 1).

    :param n: base sample size N (a power of 2 keeps the balance of Sobol' points).
    :param d: number of scalar inputs.
    :param rng: the random generator (it scrambles the Sobol' points).
    :param sampling: ``"sobol"``: the first and second halves of N scrambled Sobol' points in 2d
        dimensions, as SALib's ``sobol.sample``; ``"random"``: independent uniforms.
    :returns: ``(A, B)``.
    :raises ImportError: ``"sobol"`` without scipy.
    :raises ValueError: an unknown sampling.
    """
    if sampling == "random":
        both = rng.random((n, 2 * d))
    elif sampling == "sobol":
        try:
            from scipy.stats import qmc
        except ImportError:
            raise ImportError(SCIPY_HINT) from None
        with warnings.catch_warnings():
            # scipy warns when N is not a power of 2; the points are still a good design
            warnings.simplefilter("ignore", UserWarning)
            both = qmc.Sobol(d=2 * d, scramble=True, rng=rng).random(n)
    else:
        raise ValueError(f"unknown sampling {sampling!r}; expected one of {SAMPLINGS}")
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
    """First-order and total indices per input group, with bootstrap standard errors and intervals.

    Arrays have shape ``(groups, *output_shape)``. ``S1_conf`` and ``ST_conf`` are the half-widths
    of the ``conf_level`` intervals (z·se, SALib's ``S1_conf``); NaN without resamples.
    """

    S1: FloatArray
    ST: FloatArray
    S1_se: FloatArray
    ST_se: FloatArray
    variance: FloatArray
    S1_conf: FloatArray
    ST_conf: FloatArray
    conf_level: float
    resamples: int


class SobolAccumulator:
    """Running sums of the estimators and of their bootstrap resamples, so that model runs can be
    added chunk by chunk (the result does not depend on how the runs are split).

    :param groups: number of input groups k.
    :param shape: shape of one model output (``()`` for a scalar, ``(units,)`` for ranks).
    :param resamples: number of bootstrap resamples (0: no intervals).
    :param conf_level: level of the intervals.
    :param rng: generator of the resampling (default: seeded with 0, so results repeat).
    """

    def __init__(self, groups: int, shape: tuple[int, ...] = (), *, resamples: int = 100,
                 conf_level: float = 0.95, rng: np.random.Generator | None = None) -> None:
        if not 0 < conf_level < 1:
            raise ValueError(f"conf_level must be between 0 and 1, got {conf_level!r}")
        self.groups, self.shape, self.resamples, self.conf_level = groups, shape, resamples, conf_level
        self.rng = rng if rng is not None else np.random.default_rng(0)
        self.n = 0
        # per output element: Σ over A ∪ B of f and f², Σ f(A_B) per group (for the mean c of all
        # runs), and per group Σ f(B)(f(A_B) − f(A)), Σ (f(A_B) − f(A)), Σ ½(f(A) − f(A_B))²
        self._sums = _Sums(groups, shape, ())
        self._sum_ab = np.zeros((groups, *shape))
        self._boot = _Sums(groups, shape, (resamples,))
        self._boot_n = np.zeros(resamples)

    def add(self, f_a: FloatArray, f_b: FloatArray, f_ab: FloatArray) -> None:
        """Add a chunk of model runs.

        :param f_a: f(A) for the chunk, shape ``(n, *shape)``.
        :param f_b: f(B), shape ``(n, *shape)``.
        :param f_ab: f(A_B^(k)) for every group, shape ``(groups, n, *shape)``.
        """
        f_a, f_b, f_ab = (np.asarray(x, dtype=np.float64) for x in (f_a, f_b, f_ab))
        m = f_a.shape[0]
        self.n += m
        self._sum_ab += f_ab.sum(1)
        terms = _terms(f_a, f_b, f_ab)
        self._sums.add(terms, None)
        if self.resamples:
            counts = self.rng.poisson(1.0, size=(m, self.resamples)).astype(np.float64)
            self._boot_n += counts.sum(0)
            self._boot.add(terms, counts)

    def result(self, pooled: bool = False) -> SobolIndices:
        """The indices from the runs added so far.

        :param pooled: for a vector output, return the variance-weighted mean over its elements
            (the index of the whole output vector, Gamboa et al. 2014) instead of one per element.
        :returns: the indices.
        """
        n = max(self.n, 1)
        # c: the mean of every run, the centre SALib standardises the output on
        centre = (self._sums.f + self._sum_ab.sum(0)) / (n * (self.groups + 2))
        s1, st, variance = self._sums.indices(np.asarray(float(n)), centre, pooled)
        nan = np.full(s1.shape, np.nan)
        if self.resamples < 2:
            return SobolIndices(s1, st, nan, nan, variance, nan, nan, self.conf_level, self.resamples)
        weight = np.maximum(self._boot_n, 1).reshape(-1, *([1] * len(self.shape)))
        boot_s1, boot_st, _ = self._boot.indices(weight, centre, pooled)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # an output without variance: NaN
            s1_se, st_se = np.std(boot_s1, axis=0, ddof=1), np.std(boot_st, axis=0, ddof=1)
        z = NormalDist().inv_cdf(0.5 + self.conf_level / 2)
        return SobolIndices(s1, st, s1_se, st_se, variance, z * s1_se, z * st_se, self.conf_level,
                            self.resamples)


def _terms(f_a: FloatArray, f_b: FloatArray, f_ab: FloatArray) -> dict[str, FloatArray]:
    # the per-sample terms of every sum, sample axis first: (n, *shape) and (n, groups, *shape)
    diff = np.moveaxis(f_ab - f_a[None], 0, 1)
    return {"f": f_a + f_b, "f2": f_a * f_a + f_b * f_b, "first": f_b[:, None] * diff, "diff": diff,
            "total": 0.5 * diff * diff}


class _Sums:
    """Σ of each term over the samples, plain or weighted by bootstrap counts (one row per resample)."""

    def __init__(self, groups: int, shape: tuple[int, ...], lead: tuple[int, ...]) -> None:
        self.f = np.zeros((*lead, *shape))
        self.f2 = np.zeros((*lead, *shape))
        self.first = np.zeros((*lead, groups, *shape))
        self.diff = np.zeros((*lead, groups, *shape))
        self.total = np.zeros((*lead, groups, *shape))

    def add(self, terms: dict[str, FloatArray], counts: FloatArray | None) -> None:
        for name, values in terms.items():
            total = getattr(self, name)
            if counts is None:
                total += values.sum(0)
            else:
                # (resamples × n) @ (n × everything else): every resample's weighted sum at once
                total += (counts.T @ values.reshape(values.shape[0], -1)).reshape(total.shape)

    def indices(self, n: FloatArray, centre: FloatArray, pooled: bool) -> tuple[FloatArray, FloatArray, FloatArray]:
        """S1, ST and V from the sums over ``n`` samples.

        :param n: the number of samples; for resamples, one per resample shaped to broadcast
            against :attr:`f` (resamples, 1, …).
        :param centre: the mean of all runs, per output element.
        :param pooled: sum numerators and variances over the output elements.
        """
        lead = self.f.ndim - centre.ndim  # 1 with a resample axis in front, else 0
        mean = self.f / (2 * n)
        variance = self.f2 / (2 * n) - mean * mean
        per_group = np.expand_dims(n, lead)  # the group axis sits after the resample axis
        first = (self.first - centre * self.diff) / per_group
        total = self.total / per_group
        if pooled and centre.ndim > 0:
            axes = tuple(range(-centre.ndim, 0))
            variance, first, total = variance.sum(axis=axes), first.sum(axis=axes), total.sum(axis=axes)
        scale = np.expand_dims(variance, lead)
        with np.errstate(divide="ignore", invalid="ignore"):
            inverse = np.where(scale > 0, 1 / np.where(scale > 0, scale, 1), np.nan)
        return first * inverse, total * inverse, np.asarray(variance)


def sobol_indices(f_a: FloatArray, f_b: FloatArray, f_ab: FloatArray, *, resamples: int = 100,
                  conf_level: float = 0.95, seed: int | None = 0) -> SobolIndices:
    """First-order and total Sobol indices from complete sets of model runs.

    :param f_a: f(A), shape ``(N, *shape)``.
    :param f_b: f(B), shape ``(N, *shape)``.
    :param f_ab: f(A_B^(k)), shape ``(groups, N, *shape)``.
    :param resamples: bootstrap resamples for the intervals (0: none).
    :param conf_level: level of the intervals.
    :param seed: seed of the resampling.
    :returns: the indices.
    """
    accumulator = SobolAccumulator(f_ab.shape[0], tuple(f_a.shape[1:]), resamples=resamples,
                                   conf_level=conf_level, rng=np.random.default_rng(seed))
    accumulator.add(f_a, f_b, f_ab)
    return accumulator.result()
