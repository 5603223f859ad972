"""Outlier treatment: the skewness/kurtosis rule, winsorisation, then a log transform (COINr)."""

from __future__ import annotations

import math
from typing import Literal

import numpy as np
from attrs import frozen

from lawgov_score.panel.types import FloatArray

WinCount = Literal["coinr", "cumulative"]


def skewness(x: FloatArray) -> float:
    """Sample skewness of the "type 2" kind (Excel's ``SKEW``, ``e1071`` type 2), NaN ignored.

    .. math:: G_1 = \\frac{\\sqrt{n(n-1)}}{n-2}\\,\\frac{m_3}{m_2^{3/2}}

    :param x: a vector.
    :returns: the skewness; NaN with fewer than 3 values or no spread.
    """
    v = x[~np.isnan(x)]
    n = v.size
    if n < 3:
        return math.nan
    d = v - v.mean()
    m2 = float(np.sum(d * d))
    if m2 == 0:
        return math.nan
    g1 = math.sqrt(n) * float(np.sum(d**3)) / m2**1.5
    return float(g1 * math.sqrt(n * (n - 1)) / (n - 2))


def kurtosis(x: FloatArray) -> float:
    """Sample excess kurtosis of the "type 2" kind (Excel's ``KURT``), NaN ignored.

    .. math:: G_2 = \\frac{n-1}{(n-2)(n-3)}\\left((n+1)\\left(\\frac{n\\,m_4}{m_2^2}-3\\right)+6\\right)

    :param x: a vector.
    :returns: the excess kurtosis; NaN with fewer than 4 values or no spread.
    """
    v = x[~np.isnan(x)]
    n = v.size
    if n < 4:
        return math.nan
    d = v - v.mean()
    m2 = float(np.sum(d * d))
    if m2 == 0:
        return math.nan
    r = n * float(np.sum(d**4)) / m2**2
    return float(((n + 1) * (r - 3) + 6) * (n - 1) / ((n - 2) * (n - 3)))


def passes(x: FloatArray, skew_threshold: float = 2.0, kurtosis_threshold: float = 3.5) -> bool:
    """The JRC/COINr outlier rule: ``|skew| < 2`` OR ``kurtosis < 3.5`` (undefined statistics pass).

    :param x: a vector.
    :param skew_threshold: threshold on absolute skewness.
    :param kurtosis_threshold: threshold on excess kurtosis.
    :returns: ``True`` if the vector needs no treatment.
    """
    skew, kurt = skewness(x), kurtosis(x)
    if math.isnan(skew) or math.isnan(kurt):
        return True
    return abs(skew) < skew_threshold or kurt < kurtosis_threshold


def winsorise(
    x: FloatArray,
    winmax: int = 5,
    skew_threshold: float = 2.0,
    kurtosis_threshold: float = 3.5,
    count: WinCount = "coinr",
) -> tuple[FloatArray, int]:
    """Winsorise on the skewed side until the vector passes :func:`passes`.

    Each step replaces every point tied at the extreme (the maximum if skewness ≥ 0, else the
    minimum) by the next value inwards. With ``count="coinr"`` the stopping counter is, as in
    COINr's ``winsorise()``, the number of points replaced in the *last* step (so untied steps
    continue until the rule passes); ``"cumulative"`` counts every point replaced.

    :param x: a vector (NaN kept).
    :param winmax: the maximum count of winsorised points.
    :param skew_threshold: see :func:`passes`.
    :param kurtosis_threshold: see :func:`passes`.
    :param count: how the counter compared with ``winmax`` is kept.
    :returns: the treated copy and the number of points changed.
    """
    out = np.array(x, dtype=np.float64, copy=True)
    present = ~np.isnan(out)
    changed = np.zeros(out.shape, dtype=bool)
    counter = 0
    while not passes(out, skew_threshold, kurtosis_threshold) and counter < winmax:
        values = out[present]
        high = skewness(out) >= 0
        extreme = values.max() if high else values.min()
        tied = present & (out == extreme)
        rest = out[present & ~tied]
        if rest.size == 0:
            break
        out[tied] = rest.max() if high else rest.min()
        changed |= tied
        step = int(tied.sum())
        counter = step if count == "coinr" else counter + step
    return out, int(changed.sum())


def log_ct(x: FloatArray) -> FloatArray:
    """COINr's "COIN Tool" log: :math:`\\ln(x - \\min x + 0.01(\\max x - \\min x))`.

    :param x: a vector (NaN kept).
    :returns: the transformed copy.
    """
    low, high = np.nanmin(x), np.nanmax(x)
    with np.errstate(divide="ignore"):
        return np.asarray(np.log(x - low + 0.01 * (high - low)), dtype=np.float64)


@frozen
class Treatment:
    """What was done to one indicator: ``"none"``, ``"winsorised"``, ``"log"`` or ``"failed"``."""

    indicator: str
    action: str
    points: int
    skew: float
    kurtosis: float


def treat_matrix(
    values: FloatArray,
    codes: tuple[str, ...],
    winmax: int = 5,
    skew_threshold: float = 2.0,
    kurtosis_threshold: float = 3.5,
    fallback: Literal["log_ct", "none"] = "log_ct",
    count: WinCount = "coinr",
    exclude: frozenset[str] = frozenset(),
) -> tuple[FloatArray, list[Treatment]]:
    """Apply the two-stage outlier treatment to every indicator column (COINr's ``Treat`` defaults).

    A column failing the rule is winsorised; if it still fails, the fallback transform is
    applied to the *original* column instead.

    :param values: units × indicators.
    :param codes: indicator code of each column.
    :param winmax: see :func:`winsorise`.
    :param skew_threshold: see :func:`passes`.
    :param kurtosis_threshold: see :func:`passes`.
    :param fallback: ``log_ct`` or ``none``.
    :param count: see :func:`winsorise`.
    :param exclude: indicators left untreated.
    :returns: the treated matrix and one :class:`Treatment` per column.
    """
    out = np.array(values, dtype=np.float64, copy=True)
    report: list[Treatment] = []
    for j, code in enumerate(codes):
        column = out[:, j]
        action, points = "none", 0
        if code not in exclude and not passes(column, skew_threshold, kurtosis_threshold):
            treated, points = winsorise(column, winmax, skew_threshold, kurtosis_threshold, count)
            action = "winsorised"
            if not passes(treated, skew_threshold, kurtosis_threshold):
                if fallback == "log_ct":
                    treated, action, points = log_ct(column), "log", int(np.sum(~np.isnan(column)))
                else:
                    action = "failed"
            out[:, j] = treated
        report.append(Treatment(code, action, points, skewness(out[:, j]), kurtosis(out[:, j])))
    return out, report
