"""The Sobol estimators: SALib's on the same points, the Ishigami function's analytic indices, intervals."""

from __future__ import annotations

import math
import sys

import numpy as np
import pytest

from lawgov_score.panel import Assumptions, Panel, coinr_example_spec, uncertainty
from lawgov_score.panel.sobol import SobolAccumulator, base_samples, default_sampling, mixed, sobol_indices

A, B = 7.0, 0.1
# the Ishigami function's analytic indices (Ishigami & Homma 1990; Sobol' & Levitan 1999)
_V = A**2 / 8 + B * math.pi**4 / 5 + B**2 * math.pi**8 / 18 + 0.5
_V1, _V2, _V13 = 0.5 * (1 + B * math.pi**4 / 5) ** 2, A**2 / 8, B**2 * math.pi**8 * (1 / 18 - 1 / 50)
S1 = np.array([_V1 / _V, _V2 / _V, 0.0])
ST = np.array([(_V1 + _V13) / _V, _V2 / _V, _V13 / _V])
PROBLEM = {"num_vars": 3, "names": ["x1", "x2", "x3"], "bounds": [[-math.pi, math.pi]] * 3}


def ishigami(x: np.ndarray) -> np.ndarray:
    return np.sin(x[:, 0]) + A * np.sin(x[:, 1]) ** 2 + B * x[:, 2] ** 4 * np.sin(x[:, 0])


def on_unit_cube(u: np.ndarray) -> np.ndarray:
    return ishigami(-math.pi + 2 * math.pi * u)


def run(a: np.ndarray, b: np.ndarray, groups: list[list[int]] | None = None, **options: object):
    groups = groups or [[k] for k in range(a.shape[1])]
    f_ab = np.stack([on_unit_cube(mixed(a, b, g)) for g in groups])
    return sobol_indices(on_unit_cube(a), on_unit_cube(b), f_ab, **options)  # type: ignore[arg-type]


def test_same_points_same_indices_as_salib() -> None:
    """On SALib's own sample, our estimators give SALib's S1 and ST, and intervals of the same width."""
    salib_sample = pytest.importorskip("SALib.sample.sobol")
    salib_analyze = pytest.importorskip("SALib.analyze.sobol")
    n = 2**12
    x = salib_sample.sample(PROBLEM, n, calc_second_order=False, seed=11)
    y = ishigami(x)
    theirs = salib_analyze.analyze(PROBLEM, y, calc_second_order=False, num_resamples=400, seed=11)
    runs = y.reshape(n, 5)  # SALib's rows: A, A_B^(1), A_B^(2), A_B^(3), B for each base sample
    ours = sobol_indices(runs[:, 0], runs[:, 4], runs[:, 1:4].T, resamples=400, seed=11)
    np.testing.assert_allclose(ours.S1, theirs["S1"], rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(ours.ST, theirs["ST"], rtol=1e-9, atol=1e-12)
    # different resampling draws (and Poisson counts): the widths agree within resampling noise
    assert np.all(np.abs(ours.S1_conf / theirs["S1_conf"] - 1) < 0.3)
    assert np.all(np.abs(ours.ST_conf / theirs["ST_conf"] - 1) < 0.3)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_ishigami_from_scrambled_sobol_points(seed: int) -> None:
    """At N = 2^13 each index is within 0.02 of the analytic one and inside its stated 95 % interval."""
    pytest.importorskip("scipy.stats")
    indices = run(*base_samples(2**13, 3, np.random.default_rng(seed), "sobol"), seed=seed)
    assert np.all(np.abs(indices.S1 - S1) < 0.02) and np.all(np.abs(indices.ST - ST) < 0.02)
    assert np.all(np.abs(indices.S1 - S1) <= indices.S1_conf) and np.all(np.abs(indices.ST - ST) <= indices.ST_conf)
    assert np.all(indices.S1_conf < 0.05) and indices.conf_level == 0.95 and indices.resamples == 100


@pytest.mark.parametrize("sampling", ["sobol", "random"])
def test_stated_intervals_cover_the_analytic_indices_over_seeds(sampling: str) -> None:
    """Over 20 seeds at N = 2^10, each stated 95 % interval covers its analytic index at least
    18 times (90 %), with Sobol' points (where the bootstrap is conservative) and with
    pseudo-random samples (where its independence assumption holds)."""
    if sampling == "sobol":
        pytest.importorskip("scipy.stats")
    covered = np.zeros(6)
    for seed in range(20):
        indices = run(*base_samples(2**10, 3, np.random.default_rng(seed), sampling), seed=seed)
        covered += np.concatenate([np.abs(indices.S1 - S1) <= indices.S1_conf,
                                   np.abs(indices.ST - ST) <= indices.ST_conf])
    assert np.all(covered >= 18), covered


def test_accumulating_in_chunks_equals_one_pass() -> None:
    """Splitting the runs into chunks changes neither the indices nor the bootstrap intervals."""
    a, b = base_samples(2_000, 3, np.random.default_rng(7))
    f_a, f_b = on_unit_cube(a), on_unit_cube(b)
    f_ab = np.stack([on_unit_cube(mixed(a, b, [k])) for k in range(3)])
    whole = sobol_indices(f_a, f_b, f_ab, seed=5)
    accumulator = SobolAccumulator(3, rng=np.random.default_rng(5))
    for start in range(0, 2_000, 300):
        chunk = slice(start, start + 300)
        accumulator.add(f_a[chunk], f_b[chunk], f_ab[:, chunk])
    parts = accumulator.result()
    for name in ("S1", "ST", "S1_se", "ST_se", "S1_conf"):
        np.testing.assert_allclose(getattr(parts, name), getattr(whole, name), rtol=1e-9)


def test_grouped_inputs_and_pooled_vector_output() -> None:
    a, b = base_samples(4_000, 3, np.random.default_rng(3))
    # x1 and x3 as one group: their joint first-order index is S1 + S3 + S13 = 1 - S2
    groups = [[0, 2], [1]]
    grouped = run(a, b, groups)
    assert grouped.S1[0] == pytest.approx(1 - S1[1], abs=0.06)
    # a vector output of two identical copies pools to the same indices and intervals
    f_ab = np.stack([on_unit_cube(mixed(a, b, g)) for g in groups])
    stacked = SobolAccumulator(2, (2,), rng=np.random.default_rng(0))
    stacked.add(np.column_stack([on_unit_cube(a)] * 2), np.column_stack([on_unit_cube(b)] * 2),
                f_ab[..., None].repeat(2, -1))
    pooled, single = stacked.result(pooled=True), run(a, b, groups, seed=0)
    for name in ("S1", "ST", "S1_se", "ST_se"):
        np.testing.assert_allclose(getattr(pooled, name), getattr(single, name), rtol=1e-9)
    per_element = stacked.result()
    assert per_element.S1.shape == (2, 2) and np.allclose(per_element.S1[:, 0], per_element.S1[:, 1])


def test_without_scipy_the_samples_are_pseudo_random_and_say_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "scipy.stats", None)  # makes `from scipy.stats import qmc` fail
    with pytest.warns(UserWarning, match=r"pip install 'lawgov-score\[scipy\]'"):
        assert default_sampling() == "random"
    with pytest.raises(ImportError, match="scipy"):
        base_samples(8, 2, np.random.default_rng(0), "sobol")
    with pytest.raises(ValueError, match="unknown sampling"):
        base_samples(8, 2, np.random.default_rng(0), "latin")


def test_uncertainty_records_its_sampling_and_falls_back_without_scipy(asem_panel: Panel,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    spec, vary = coinr_example_spec(), Assumptions(aggregation=("arithmetic", "geometric"))
    quasi = uncertainty(asem_panel, spec, n=16, seed=2, assumptions=vary)
    assert quasi.sampling == "sobol" and quasi.to_dict()["sampling"] == "sobol"
    assert quasi.S1_conf is not None and np.all(np.isfinite(quasi.S1_conf)) and quasi.S1_conf[0] > 0
    monkeypatch.setitem(sys.modules, "scipy.stats", None)
    with pytest.warns(UserWarning, match="pseudo-random base samples"):
        fallback = uncertainty(asem_panel, spec, n=16, seed=2, assumptions=vary)
    assert fallback.sampling == "random"
    # the same seed and sampling give the same result, with or without scipy installed
    monkeypatch.undo()
    again = uncertainty(asem_panel, spec, n=16, seed=2, assumptions=vary, sampling="random")
    assert again.to_dict() == fallback.to_dict()
