"""Sobol indices of the Ishigami function: accuracy and intervals against SALib, over seeds.

For each of ``--seeds`` seeds, at N = ``2^--log2n`` base samples (N·(d + 2) model runs), the
first-order and total indices of the three inputs are estimated

* by this library with scrambled Sobol' base samples (``sampling="sobol"``, the default),
* by this library with pseudo-random base samples (``sampling="random"``, the fallback without scipy),
* by SALib (``sobol.sample`` + ``sobol.analyze``, its defaults: scrambled Sobol' points, 100 resamples),

and compared with the analytic indices: the mean and largest absolute error over the six
indices and the seeds, the share of seeds whose stated 95 % interval covers the analytic index,
and the ratio of the stated standard error (half-width / 1.96) to the spread of the estimates
across seeds. ``--baseline DIR`` also runs this library's code from another checkout (an
earlier version, which drew pseudo-random samples and reported analytic standard errors: its
interval is taken as ± 1.96 se). Usage::

    python benchmarks/bench_sobol.py [--seeds 20] [--log2n 13] [--baseline DIR]
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
from process_stats import baseline_env

A, B = 7.0, 0.1
_V = A**2 / 8 + B * math.pi**4 / 5 + B**2 * math.pi**8 / 18 + 0.5
_V1, _V2, _V13 = 0.5 * (1 + B * math.pi**4 / 5) ** 2, A**2 / 8, B**2 * math.pi**8 * (1 / 18 - 1 / 50)
ANALYTIC = np.array([_V1 / _V, _V2 / _V, 0.0, (_V1 + _V13) / _V, _V2 / _V, _V13 / _V])  # S1 then ST
PROBLEM = {"num_vars": 3, "names": ["x1", "x2", "x3"], "bounds": [[-math.pi, math.pi]] * 3}


def ishigami(x: np.ndarray) -> np.ndarray:
    return np.sin(x[:, 0]) + A * np.sin(x[:, 1]) ** 2 + B * x[:, 2] ** 4 * np.sin(x[:, 0])


def on_cube(u: np.ndarray) -> np.ndarray:
    return ishigami(-math.pi + 2 * math.pi * u)


def ours(n: int, seed: int, sampling: str | None) -> tuple[np.ndarray, np.ndarray]:
    """Estimates and stated half-widths (S1 then ST) of whichever lawgov_score is importable."""
    from lawgov_score.panel.sobol import base_samples, mixed, sobol_indices

    rng = np.random.default_rng(seed)
    a, b = base_samples(n, 3, rng, sampling) if sampling else base_samples(n, 3, rng)
    f_ab = np.stack([on_cube(mixed(a, b, [k])) for k in range(3)])
    indices = sobol_indices(on_cube(a), on_cube(b), f_ab)
    conf = getattr(indices, "S1_conf", None)
    if conf is None:  # an earlier version: analytic standard errors only
        half = 1.96 * np.concatenate([indices.S1_se, indices.ST_se])
    else:
        half = np.concatenate([indices.S1_conf, indices.ST_conf])
    return np.concatenate([indices.S1, indices.ST]), half


def salib(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    from SALib.analyze import sobol as analyze
    from SALib.sample import sobol as sample

    x = sample.sample(PROBLEM, n, calc_second_order=False, seed=seed)
    si = analyze.analyze(PROBLEM, ishigami(x), calc_second_order=False, seed=seed)
    return np.concatenate([si["S1"], si["ST"]]), np.concatenate([si["S1_conf"], si["ST_conf"]])


def evaluate(method: str, n: int, seeds: int) -> dict[str, Any]:
    """Run one method over the seeds and summarise its errors and intervals."""
    start = time.perf_counter()
    estimates, halves = [], []
    for seed in range(seeds):
        if method == "salib":
            est, half = salib(n, seed)
        else:
            est, half = ours(n, seed, None if method == "this library" else method.split()[-1])
        estimates.append(est)
        halves.append(half)
    est, half = np.array(estimates), np.array(halves)
    error = np.abs(est - ANALYTIC)
    spread = est.std(axis=0, ddof=1)
    return {
        "mean_abs_error": float(error.mean()), "max_abs_error": float(error.max()),
        "coverage": (error <= half).mean(axis=0).round(3).tolist(),
        "min_coverage": float((error <= half).mean(axis=0).min()),
        "stated_se_over_spread": (half.mean(axis=0) / 1.96 / spread).round(2).tolist(),
        "seconds": round(time.perf_counter() - start, 2),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", type=int, default=20)
    parser.add_argument("--log2n", type=int, default=13)
    parser.add_argument("--baseline", metavar="DIR", help="also run this library from DIR/src")
    parser.add_argument("--method", help=argparse.SUPPRESS)  # child process: one method
    args = parser.parse_args()
    n = 2**args.log2n
    if args.method:
        print(json.dumps(evaluate(args.method, n, args.seeds)))
        return 0
    methods = {"this library, sampling=sobol": ("sampling sobol", None),
               "this library, sampling=random": ("sampling random", None),
               "SALib": ("salib", None)}
    if args.baseline:
        methods["baseline checkout"] = ("this library", baseline_env(args.baseline))
    me = [sys.executable, str(Path(__file__).resolve()), "--seeds", str(args.seeds), "--log2n", str(args.log2n)]
    results = {}
    for name, (method, env) in methods.items():
        done = subprocess.run([*me, "--method", method], capture_output=True, text=True, env=env, check=True)
        results[name] = json.loads(done.stdout)
    reference = results["SALib"]["mean_abs_error"]
    for figures in results.values():
        figures["error_vs_salib"] = round(figures["mean_abs_error"] / reference, 2)
    print(f"Ishigami, N = 2^{args.log2n} = {n}, {args.seeds} seeds; indices S1 1-3, ST 1-3")
    for name, f in results.items():
        print(f"{name:32s} mean |error| {f['mean_abs_error']:.5f} ({f['error_vs_salib']}× SALib), "
              f"max {f['max_abs_error']:.4f}, 95% coverage ≥ {f['min_coverage']:.2f}, "
              f"stated se / spread {min(f['stated_se_over_spread'])}–{max(f['stated_se_over_spread'])}")
    print(json.dumps({"n": n, "seeds": args.seeds, **results}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
