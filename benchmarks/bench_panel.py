"""Benchmarks of the panel engine, whole processes measured side by side.

Cases (each run in its own process under ``/usr/bin/time -v``, interleaved, ``--repeats`` rounds):

* ``uncertainty-3000`` / ``uncertainty-10000``: rank intervals of 3,000 (10,000) units × 100
  indicators × 10,000 replicates, weights ±25 % on all 110 weights, imputation (mean, median),
  normalisation (min-max 1–100, percentile, rank), aggregation (arithmetic, geometric) and
  leave-one-out varying — wall time, CPU time and peak RSS of the whole process;
* ``sobol-3000``: the same with Sobol indices, N = 1,500 (10,500 model runs);
* ``loop``: the vectorised engine against a plain loop that rebuilds the pipeline for every
  replicate (300 units × 30 indicators × 3,000 replicates), as a ratio of times in one process;
* ``pipeline``: ``run_pipeline`` on 3,000 × 100 (mean imputation, min-max, arithmetic means,
  ranks of the index) against a plain pandas computation of the same index, and against the
  same in plain numpy, calls interleaved in one process, as ratios of median times.

``--baseline DIR`` runs every case a second time against the sources of another checkout
(``DIR/src``, e.g. the commit before a change), interleaved with the current ones, for
before/after figures from the same run. Usage::

    python benchmarks/bench_panel.py [--repeats 3] [--baseline DIR] [--cases uncertainty-3000,pipeline]

Prints a table of ranges (min–max over the rounds), then all figures as JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
from process_stats import baseline_env, interleaved, print_table, summary

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
SEED = 2024


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


def pandas_index(panel: Panel) -> Any:
    """The index of :data:`SPEC` computed with pandas: mean imputation, min-max 1–100, weighted
    means of each dimension's indicators and of the dimensions, and the ranks of the index."""
    import pandas as pd

    hierarchy = panel.hierarchy
    assert hierarchy is not None
    frame = pd.DataFrame(panel.values, index=list(panel.units), columns=list(panel.indicators))
    frame = frame.fillna(frame.mean())
    low, high = frame.min(), frame.max()
    normalised = 1 + 99 * (frame - low) / (high - low)
    parent = pd.Series({c: hierarchy.node(c).parent for c in panel.indicators})
    weight = pd.Series({c: hierarchy.node(c).weight for c in panel.indicators})
    dimensions = (normalised * weight).T.groupby(parent).sum().T / weight.groupby(parent).sum()
    dimension_weight = pd.Series({d: hierarchy.node(d).weight for d in dimensions.columns})
    index = (dimensions * dimension_weight).sum(axis=1) / dimension_weight.sum()
    return index.rank(ascending=False, method="min")


def numpy_index(panel: Panel) -> Any:
    """The same index in plain numpy, the leanest form a script would take: fill, scale, one
    product per level, and the ranks (1 + the number of higher scores) by one sort."""
    hierarchy = panel.hierarchy
    assert hierarchy is not None
    x = np.array(panel.values, copy=True)
    gaps = np.isnan(x)
    x[gaps] = np.broadcast_to(np.nanmean(x, axis=0), x.shape)[gaps]
    low, high = x.min(axis=0), x.max(axis=0)
    normalised = 1 + 99 * (x - low) / (high - low)
    dimensions = list(dict.fromkeys(hierarchy.node(c).parent for c in panel.indicators))
    shares = np.zeros((len(panel.indicators), len(dimensions)))
    for i, code in enumerate(panel.indicators):
        shares[i, dimensions.index(hierarchy.node(code).parent)] = hierarchy.node(code).weight
    shares /= shares.sum(axis=0)
    top = np.array([hierarchy.node(d).weight for d in dimensions])
    index = (normalised @ shares) @ (top / top.sum())
    ordered = np.sort(index)[::-1]
    return 1.0 + np.searchsorted(-ordered, -index, side="left")


# -- the cases, each run in a child process --------------------------------------------------------

def case_uncertainty(units: int, sobol: bool) -> dict[str, Any]:
    panel = synthetic_panel(units, 100, 10)
    start = time.perf_counter()
    if sobol:
        result = uncertainty(panel, SPEC, n=1500, seed=SEED, assumptions=ASSUMPTIONS)
    else:
        result = uncertainty(panel, SPEC, n=10_000, seed=SEED, assumptions=ASSUMPTIONS, sobol=False)
    figures: dict[str, Any] = {"seconds_in_process": round(time.perf_counter() - start, 2), "runs": result.runs,
                               "median_rank_first_units": result.median_rank[:3].tolist()}
    if sobol:
        figures["S1"] = dict(zip(result.assumptions, np.round(result.S1, 3).tolist(), strict=True))
        figures["ST"] = dict(zip(result.assumptions, np.round(result.ST, 3).tolist(), strict=True))
        conf = getattr(result, "S1_conf", None)
        if conf is not None:
            figures["S1_conf"] = dict(zip(result.assumptions, np.round(conf, 3).tolist(), strict=True))
    return figures


def case_loop(repeats: int = 3) -> dict[str, Any]:
    small = synthetic_panel(300, 30, 6, seed=1)
    # the vectorised run is short, so one load spike distorts it: keep the best of a few repeats
    # (as timeit does); the loop runs long enough to average spikes out
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        uncertainty(small, SPEC, n=3000, seed=SEED, assumptions=ASSUMPTIONS, sobol=False)
        times.append(time.perf_counter() - start)
    looped = plain_loop(small, 3000, SEED)
    return {"vectorised_s": [round(t, 3) for t in times], "loop_s": round(looped, 3),
            "speedup": round(looped / min(times), 1), "speedup_worst_repeat": round(looped / max(times), 1)}


def case_pipeline(calls: int = 30) -> dict[str, Any]:
    panel = synthetic_panel(3000, 100, 10)
    engine = run_pipeline(panel, SPEC)
    assert np.array_equal(engine.rank("Index"), pandas_index(panel).to_numpy()), "the indices differ"
    assert np.array_equal(engine.rank("Index"), numpy_index(panel)), "the indices differ"
    calls_of = {"run_pipeline": lambda: run_pipeline(panel, SPEC), "pandas": lambda: pandas_index(panel),
                "numpy": lambda: numpy_index(panel)}
    times: dict[str, list[float]] = {name: [] for name in calls_of}
    for _ in range(calls):
        for name, call in calls_of.items():
            start = time.perf_counter()
            call()
            times[name].append(time.perf_counter() - start)
    medians = {name: float(np.median(t)) for name, t in times.items()}
    best = {name: min(t) for name, t in times.items()}
    return {"median_ms": {k: round(v * 1e3, 2) for k, v in medians.items()},
            "best_ms": {k: round(v * 1e3, 2) for k, v in best.items()},
            "ratio_of_medians": round(medians["run_pipeline"] / medians["pandas"], 2),
            "ratio_of_best": round(best["run_pipeline"] / best["pandas"], 2),
            "ratio_to_numpy_of_medians": round(medians["run_pipeline"] / medians["numpy"], 2)}


CASES = {
    "uncertainty-3000": lambda: case_uncertainty(3000, sobol=False),
    "uncertainty-10000": lambda: case_uncertainty(10_000, sobol=False),
    "sobol-3000": lambda: case_uncertainty(3000, sobol=True),
    "loop": case_loop,
    "pipeline": case_pipeline,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", default=",".join(CASES), help="comma-separated, of: " + ", ".join(CASES))
    parser.add_argument("--repeats", type=int, default=3, help="rounds of every case")
    parser.add_argument("--baseline", metavar="DIR", help="also run every case against DIR/src (before/after)")
    parser.add_argument("--case", help=argparse.SUPPRESS)  # the child process of one case
    args = parser.parse_args(argv)
    if args.case:
        print(json.dumps(CASES[args.case]()))
        return 0
    names = [name.strip() for name in args.cases.split(",") if name.strip()]
    unknown = [name for name in names if name not in CASES]
    if unknown:
        parser.error(f"unknown cases {unknown}")
    me = [sys.executable, str(Path(__file__).resolve())]
    variants = {"current": None} | ({"baseline": baseline_env(args.baseline)} if args.baseline else {})
    runs = interleaved({f"{name} [{variant}]": ([*me, "--case", name], env, 0)
                        for name in names for variant, env in variants.items()}, args.repeats)
    figures: dict[str, Any] = {"python": sys.version.split()[0], "numpy": np.__version__, "repeats": args.repeats}
    for key, rounds in runs.items():
        figures[key] = {**summary(rounds), "rounds": [json.loads(r["stdout"]) for r in rounds]}
    shown = ("seconds_in_process", "speedup", "ratio_of_medians")
    print_table({key: figures[key] for key in runs},
                {key: str([{k: v for k, v in r.items() if k in shown} for r in figures[key]["rounds"]])
                 for key in runs})
    print(json.dumps(figures, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
