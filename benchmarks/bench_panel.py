"""Benchmark of the panel engine's uncertainty analysis.

(a) wall time and peak memory of a Monte Carlo over 3,000 units × 100 indicators × 10,000
    replicates (weights ±25 %, imputation, normalisation, aggregation, leave-one-out);
(b) the vectorised engine against a plain loop that rebuilds the pipeline for every replicate,
    on a size the loop can finish, reported as a ratio of time per replicate.

Usage: ``python benchmarks/bench_panel.py [--units 3000 --indicators 100 --replicates 10000]``.
Prints a table, then the figures as JSON.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import sys
import time
from typing import Any

import numpy as np

from lawgov_score.panel import Assumptions, Hierarchy, Node, Panel, PipelineSpec, Step, run_pipeline, uncertainty
from lawgov_score.panel.monte_carlo import _choice
from lawgov_score.panel.ranking import rank_scores

ASSUMPTIONS = Assumptions(
    weights=0.25,
    imputation=("mean", "median"),
    normalisation=({"method": "minmax", "params": {"low": 1, "high": 100}},
                   {"method": "percentile", "params": {"low": 1, "high": 100}},
                   {"method": "rank"}),
    aggregation=("arithmetic", "geometric"),
    leave_one_out=True,
)
SPEC = PipelineSpec(steps=(
    Step("impute", {"method": "mean"}),
    Step("normalise", {"method": "minmax", "params": {"low": 1, "high": 100}}),
    Step("aggregate", {"method": "arithmetic"}),
))


def synthetic_panel(units: int, indicators: int, dimensions: int, seed: int = 0) -> Panel:
    """A skewed random panel with 2 % missing values, indicators split evenly over dimensions."""
    rng = np.random.default_rng(seed)
    values = rng.lognormal(sigma=0.8, size=(units, indicators))
    values[rng.random(values.shape) < 0.02] = np.nan
    per = max(1, indicators // dimensions)
    nodes = [Node("Index")] + [Node(f"D{d}", "Index") for d in range(dimensions)]
    nodes += [Node(f"i{j}", f"D{min(j // per, dimensions - 1)}") for j in range(indicators)]
    return Panel(values, [f"u{i}" for i in range(units)], [f"i{j}" for j in range(indicators)],
                 [2024] * units, {}, Hierarchy(nodes))


def plain_loop(panel: Panel, replicates: int, seed: int) -> float:
    """Rebuild and run the whole pipeline once per replicate, as a straightforward script would."""
    rng = np.random.default_rng(seed)
    hierarchy = panel.hierarchy
    assert hierarchy is not None
    perturbed = [c for c in hierarchy.codes if c != hierarchy.root]
    start = time.perf_counter()
    for _ in range(replicates):
        u = rng.random(len(perturbed) + 4)
        weights = {c: hierarchy.node(c).weight * (1 + 0.25 * (2 * u[i] - 1)) for i, c in enumerate(perturbed)}
        left = int(_choice(u[-1:], len(hierarchy.indicators) + 1)[0]) - 1
        if left >= 0:
            weights[hierarchy.indicators[left]] = 0.0
        spec = PipelineSpec(
            steps=(
                Step("impute", {"method": ASSUMPTIONS.imputation[int(_choice(u[-4:-3], 2)[0])]}),
                Step("normalise", dict(ASSUMPTIONS.normalisation[int(_choice(u[-3:-2], 3)[0])])),
                Step("weight", {"set": "replicate"}),
                Step("aggregate", {"method": ASSUMPTIONS.aggregation[int(_choice(u[-2:-1], 2)[0])]}),
            ),
            weight_sets={"replicate": weights},
        )
        rank_scores(run_pipeline(panel, spec).score("Index"))
    return time.perf_counter() - start


def peak_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports kB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--units", type=int, default=3000)
    parser.add_argument("--indicators", type=int, default=100)
    parser.add_argument("--dimensions", type=int, default=10)
    parser.add_argument("--replicates", type=int, default=10_000)
    parser.add_argument("--sobol-n", type=int, default=1_500, help="base sample of the Sobol run (0 skips it)")
    parser.add_argument("--loop-units", type=int, default=300)
    parser.add_argument("--loop-indicators", type=int, default=30)
    parser.add_argument("--loop-replicates", type=int, default=3000)
    parser.add_argument("--repeats", type=int, default=3, help="repeats of the short vectorised run (best kept)")
    parser.add_argument("--dtype", choices=("float64", "float32"), default="float64")
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args(argv)
    dtype = np.float32 if args.dtype == "float32" else np.float64
    figures: dict[str, Any] = {"python": sys.version.split()[0], "numpy": np.__version__,
                               "machine": platform.machine(), "dtype": args.dtype}

    panel = synthetic_panel(args.units, args.indicators, args.dimensions)
    start = time.perf_counter()
    big = uncertainty(panel, SPEC, n=args.replicates, seed=args.seed, assumptions=ASSUMPTIONS, sobol=False,
                      dtype=dtype)
    figures["large"] = {"units": args.units, "indicators": args.indicators, "replicates": big.runs,
                        "seconds": round(time.perf_counter() - start, 2), "peak_rss_mb": round(peak_mb())}
    if args.sobol_n:
        start = time.perf_counter()
        sob = uncertainty(panel, SPEC, n=args.sobol_n, seed=args.seed, assumptions=ASSUMPTIONS, dtype=dtype)
        figures["large_sobol"] = {"base_n": args.sobol_n, "runs": sob.runs,
                                  "seconds": round(time.perf_counter() - start, 2),
                                  "peak_rss_mb": round(peak_mb()),
                                  "S1": dict(zip(sob.assumptions, np.round(sob.S1, 3).tolist(), strict=True)),
                                  "ST": dict(zip(sob.assumptions, np.round(sob.ST, 3).tolist(), strict=True))}

    small = synthetic_panel(args.loop_units, args.loop_indicators, max(1, args.loop_indicators // 5), seed=1)
    # the vectorised run is short, so one load spike on a shared machine distorts it: take the
    # best of a few repeats (as timeit does); the loop runs long enough to average spikes out
    repeats = []
    for _ in range(args.repeats):
        start = time.perf_counter()
        uncertainty(small, SPEC, n=args.loop_replicates, seed=args.seed, assumptions=ASSUMPTIONS, sobol=False)
        repeats.append(time.perf_counter() - start)
    vectorised = min(repeats)
    looped = plain_loop(small, args.loop_replicates, args.seed)
    figures["loop_comparison"] = {"units": args.loop_units, "indicators": args.loop_indicators,
                                  "replicates": args.loop_replicates, "vectorised_s": round(vectorised, 3),
                                  "vectorised_repeats_s": [round(r, 3) for r in repeats],
                                  "loop_s": round(looped, 3), "speedup": round(looped / vectorised, 1),
                                  "speedup_worst_repeat": round(looped / max(repeats), 1)}

    rows = [("large: units × indicators × replicates", f"{args.units} × {args.indicators} × {big.runs}"),
            ("large: wall time (s)", figures["large"]["seconds"]),
            ("large: peak RSS (MB)", figures["large"]["peak_rss_mb"])]
    if args.sobol_n:
        rows += [("Sobol: runs N(k+2)", figures["large_sobol"]["runs"]),
                 ("Sobol: wall time (s)", figures["large_sobol"]["seconds"])]
    rows += [("loop size", f"{args.loop_units} × {args.loop_indicators} × {args.loop_replicates}"),
             ("vectorised, best of repeats (s)", figures["loop_comparison"]["vectorised_s"]),
             ("plain loop (s)", figures["loop_comparison"]["loop_s"]),
             ("speed-up", f"{figures['loop_comparison']['speedup']}×")]
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        print(f"{key:<{width}}  {value}")
    print(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
