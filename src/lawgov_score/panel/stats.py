"""Small statistics the coherence checks need, with numpy and the standard library only."""

from __future__ import annotations

import math

import numpy as np

from lawgov_score.panel.types import FloatArray


def _beta_fraction(a: float, b: float, x: float) -> float:
    # continued fraction of the incomplete beta function (modified Lentz, as in Numerical Recipes)
    tiny, eps = 1e-300, 1e-15
    c, d = 1.0, 1.0 - (a + b) * x / (a + 1.0)
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 500):
        for numerator in (m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
                          -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))):
            d = 1.0 + numerator * d
            d = 1.0 / (d if abs(d) > tiny else tiny)
            c = 1.0 + numerator / c
            c = c if abs(c) > tiny else tiny
            h *= d * c
        if abs(d * c - 1.0) < eps:
            break
    return h


def incomplete_beta(a: float, b: float, x: float) -> float:
    """The regularised incomplete beta function :math:`I_x(a, b)`.

    :param a: first shape, > 0.
    :param b: second shape, > 0.
    :param x: in [0, 1].
    :returns: the value in [0, 1].
    """
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    log_front = (math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b)
                 + a * math.log(x) + b * math.log1p(-x))
    if x < (a + 1.0) / (a + b + 2.0):
        return math.exp(log_front) * _beta_fraction(a, b, x) / a
    return 1.0 - math.exp(log_front) * _beta_fraction(b, a, 1.0 - x) / b


def pearson(x: FloatArray, y: FloatArray) -> tuple[float, float, int]:
    """Pearson correlation over the pairs where both are present, with its two-sided p-value.

    The p-value is that of :math:`t = r\\sqrt{(n-2)/(1-r^2)}` with n − 2 degrees of freedom:
    :math:`p = I_{\\nu/(\\nu+t^2)}(\\nu/2, 1/2)`.

    :param x: a vector.
    :param y: a vector of the same length.
    :returns: ``(r, p, n)``; NaN when fewer than 3 pairs or no spread.
    """
    both = ~(np.isnan(x) | np.isnan(y))
    n = int(both.sum())
    if n < 3:
        return math.nan, math.nan, n
    a, b = x[both] - x[both].mean(), y[both] - y[both].mean()
    denominator = math.sqrt(float(a @ a) * float(b @ b))
    if denominator == 0:
        return math.nan, math.nan, n
    r = max(-1.0, min(1.0, float(a @ b) / denominator))
    df = n - 2
    if abs(r) >= 1.0:
        return r, 0.0, n
    t2 = r * r * df / (1.0 - r * r)
    return r, incomplete_beta(df / 2.0, 0.5, df / (df + t2)), n


def cronbach_alpha(items: FloatArray) -> float:
    """Cronbach's alpha of the columns of ``items`` over complete rows.

    .. math:: \\alpha = \\frac{k}{k-1}\\left(1 - \\frac{\\sum_i s_i^2}{s^2_{\\sum_i x_i}}\\right)

    :param items: units × items.
    :returns: alpha; NaN with fewer than 2 items or 2 complete rows.
    """
    complete = items[~np.isnan(items).any(axis=1)]
    k = complete.shape[1]
    if k < 2 or complete.shape[0] < 2:
        return math.nan
    total = float(np.var(complete.sum(axis=1), ddof=1))
    if total == 0:
        return math.nan
    return float(k / (k - 1) * (1 - float(np.var(complete, axis=0, ddof=1).sum()) / total))


def principal_components(items: FloatArray) -> tuple[FloatArray, FloatArray]:
    """PCA of the correlation matrix of the columns, over complete rows.

    :param items: units × items.
    :returns: share of variance explained by each component (descending) and the loadings of
        the first (signed so that they sum to ≥ 0).
    """
    complete = items[~np.isnan(items).any(axis=1)]
    k = complete.shape[1]
    if k == 0 or complete.shape[0] < 3:
        return np.full(k, np.nan), np.full(k, np.nan)
    if k == 1:
        return np.ones(1), np.ones(1)
    spread = complete.std(axis=0, ddof=1)
    spread[spread == 0] = 1.0
    corr = np.corrcoef((complete - complete.mean(axis=0)) / spread, rowvar=False)
    values, vectors = np.linalg.eigh(np.nan_to_num(corr))
    order = np.argsort(values)[::-1]
    values, first = values[order], vectors[:, order[0]]
    if first.sum() < 0:
        first = -first
    return np.clip(values, 0, None) / k, first * math.sqrt(max(values[0], 0.0))
