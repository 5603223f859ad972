"""Time the HTML report of a 100-unit panel (target: written in under 2 s).

Two cases:

* ``assessments``: 100 units scored with ``score_table`` on the installed framework (D1–D10 and
  all their indicators), random values within each indicator's goalposts, every unit in two
  years for half of them (so the year-on-year section is exercised) — ``render_html`` with
  the per-unit detail of every indicator;
* ``panel``: a panel engine result of 100 units × 10 dimensions × 100 indicators with rank
  intervals — ``render_panel_html``.

Each case is rendered and written ``--repeat`` times after one warm-up; the median is printed.
Usage: ``python benchmarks/bench_html.py [--units 100] [--repeat 5] [--json]``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np

from lawgov_score.cli.output import write_output
from lawgov_score.model.observation import Observation, Unit
from lawgov_score.panel.results import PanelResult
from lawgov_score.render.html import render_html
from lawgov_score.render.panel import render_panel_html
from lawgov_score.scoring import Scorer, score_table


def assessments_case(units: int) -> Callable[[], str]:
    """``render_html`` of ``units`` assessments (half of the units seen in two years)."""
    scorer = Scorer.create()
    rng = np.random.default_rng(0)
    groups = []
    for k in range(units):
        year = 2023 if k < units // 2 else 2022
        name = f"测试市{k % (units // 2 + units % 2):03d}区人民政府"
        observations = []
        for dimension in scorer.framework.dimensions:
            for indicator in dimension.indicators:
                if indicator.goalposts is None or rng.random() < 0.15:
                    continue
                low, high = indicator.goalposts
                observations.append(Observation(indicator.id, float(rng.uniform(low, high)), indicator.unit))
        groups.append((Unit(name, year), observations))
    assessments, ranking = score_table(groups, scorer.framework, pm=scorer.plugin_manager)
    return lambda: render_html([(a, None) for a in assessments], ranking)


def panel_case(units: int) -> Callable[[], str]:
    """``render_panel_html`` of a synthetic panel result with an uncertainty analysis."""
    dims = [f"D{k}" for k in range(1, 11)]
    indicators = [f"{d.lower()}.i{j}" for d in dims for j in range(10)]
    codes = (*indicators, *dims, "INDEX")
    parents = (*[i.split(".")[0].upper() for i in indicators], *["INDEX"] * len(dims), None)
    rng = np.random.default_rng(0)
    scores = rng.uniform(0, 100, size=(units, len(codes)))
    ranks = np.argsort(np.argsort(-scores, axis=0), axis=0).astype(float) + 1
    result = PanelResult(
        units=[f"U{k:03d}" for k in range(units)], years=[2023] * units, codes=codes, parents=parents,
        n_indicators=len(indicators), scores=scores, ranks=ranks, effective_weights=dict.fromkeys(codes, 0.1),
        contribution_codes=tuple(dims), contributions=scores[:, len(indicators):-1] / 10,
    )
    nominal = ranks[:, -1]
    analysis = SimpleNamespace(units=result.units, years=result.years, median_rank=nominal,
                               rank_p05=np.maximum(nominal - 3, 1), rank_p95=np.minimum(nominal + 3, units))
    names = {u: f"测试市{k:03d}" for k, u in enumerate(result.units)}
    return lambda: render_panel_html(result, analysis, names=names)


def timed(render: Callable[[], str], repeat: int) -> tuple[float, int]:
    """Median seconds to render and write the page atomically, and its size in bytes."""
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "panel.html"
        write_output(render(), target)  # warm-up: templates compiled, imports done
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            write_output(render(), target)
            times.append(time.perf_counter() - start)
        return statistics.median(times), target.stat().st_size


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--units", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    figures: dict[str, Any] = {}
    for name, build in (("assessments", assessments_case), ("panel", panel_case)):
        seconds, size = timed(build(args.units), args.repeat)
        figures[name] = {"units": args.units, "seconds": round(seconds, 3), "bytes": size, "target": 2.0}
        if not args.json:
            verdict = "ok" if seconds < 2.0 else "SLOW"
            print(f"{name:12s} {args.units} units: {seconds:.3f} s (median of {args.repeat}), "
                  f"{size / 1e6:.2f} MB  [target < 2 s: {verdict}]")
    if args.json:
        print(json.dumps(figures, indent=2))
    return 0 if all(f["seconds"] < 2.0 for f in figures.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
