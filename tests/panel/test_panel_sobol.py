"""The Sobol estimators recover the Ishigami function's analytic indices."""

from __future__ import annotations

import math

import numpy as np
import pytest

from lawgov_score.panel.sobol import SobolAccumulator, base_samples, mixed, sobol_indices

A, B = 7.0, 0.1
S1 = (0.3139, 0.4424, 0.0)
ST = (0.5576, 0.4424, 0.2437)


def ishigami(u: np.ndarray) -> np.ndarray:
    x = -math.pi + 2 * math.pi * u
    return np.sin(x[:, 0]) + A * np.sin(x[:, 1]) ** 2 + B * x[:, 2] ** 4 * np.sin(x[:, 0])


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_ishigami_within_monte_carlo_error(seed: int) -> None:
    rng = np.random.default_rng(seed)
    a, b = base_samples(10_000, 3, rng)
    f_ab = np.stack([ishigami(mixed(a, b, [k])) for k in range(3)])
    indices = sobol_indices(ishigami(a), ishigami(b), f_ab)
    for k in range(3):
        # 4 standard errors (a one-in-15,000 miss per index), plus the rounding of the analytic values
        assert abs(indices.S1[k] - S1[k]) < 4 * indices.S1_se[k] + 1e-4
        assert abs(indices.ST[k] - ST[k]) < 4 * indices.ST_se[k] + 1e-4
    assert np.all(indices.S1_se < 0.02) and np.all(indices.ST_se < 0.02)


def test_accumulating_in_chunks_equals_one_pass() -> None:
    rng = np.random.default_rng(7)
    a, b = base_samples(2_000, 3, rng)
    f_a, f_b = ishigami(a), ishigami(b)
    f_ab = np.stack([ishigami(mixed(a, b, [k])) for k in range(3)])
    whole = sobol_indices(f_a, f_b, f_ab)
    accumulator = SobolAccumulator(3)
    for start in range(0, 2_000, 300):
        chunk = slice(start, start + 300)
        accumulator.add(f_a[chunk], f_b[chunk], f_ab[:, chunk])
    parts = accumulator.result()
    assert np.allclose(parts.S1, whole.S1) and np.allclose(parts.ST, whole.ST)


def test_grouped_inputs_and_pooled_vector_output() -> None:
    rng = np.random.default_rng(3)
    a, b = base_samples(4_000, 3, rng)
    # x1 and x3 as one group: their joint first-order index is S1 + S3 + S13 = ST1 + S3 ... = 1 - S2
    groups = [(0, 2), (1,)]
    f_ab = np.stack([ishigami(mixed(a, b, g)) for g in groups])
    grouped = sobol_indices(ishigami(a), ishigami(b), f_ab)
    assert grouped.S1[0] == pytest.approx(1 - 0.4424, abs=0.06)
    # a vector output of two identical copies pools to the same indices
    stacked = SobolAccumulator(2, (2,))
    twice = f_ab[..., None].repeat(2, -1)
    stacked.add(np.column_stack([ishigami(a)] * 2), np.column_stack([ishigami(b)] * 2), twice)
    pooled = stacked.result(pooled=True)
    assert np.allclose(pooled.S1, grouped.S1) and np.allclose(pooled.ST, grouped.ST)
