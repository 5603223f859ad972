"""Start-up: ``lawgov-score score SEED`` as a whole process, against ``python -c "import lawgov_score"``.

Cases, each a new process under ``/usr/bin/time -v`` (CPU time, peak RSS; the wall time as this
process measured it, to the microsecond), run
round-robin for ``--rounds`` rounds after one unrecorded warm-up round, so that a load spike on
the shared machine falls on every case alike:

* ``pass``: ``python -c pass`` (the interpreter alone);
* ``import``: ``python -c "import lawgov_score"`` (the baseline of the target);
* ``score json`` / ``score table``: ``lawgov-score score SEED --format json|table -o FILE``.

The target (issue 13) is ``score json`` at most 4× ``import``; the ratio is taken round by round
(both measured within seconds of each other) and reported as its range and median.

Bytecode is compiled first (``compileall`` of ``src`` and ``plugins``) as an installed wheel has
it: with ``PYTHONDONTWRITEBYTECODE`` set, as on the project's machine, every run would otherwise
compile our modules from source. ``--baseline DIR`` measures another checkout's sources (e.g.
``git worktree add ../before main``) in the same rounds, through this environment's interpreter.

Usage: ``python benchmarks/bench_startup.py [--rounds 15] [--baseline DIR] [--json]``.
"""

from __future__ import annotations

import argparse
import compileall
import json
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

from process_stats import baseline_env, interleaved, summary

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_3ed9f38cde86c434.txt"
TARGET = 4.0
CLI = str(Path(sys.executable).parent / "lawgov-score")


def cases(out: Path, env: dict[str, str] | None, tag: str) -> dict[str, tuple[list[str], dict[str, str] | None, int]]:
    """The commands of one checkout (``tag`` is added to each name)."""
    python = sys.executable
    return {
        f"pass{tag}": ([python, "-c", "pass"], env, 0),
        f"import{tag}": ([python, "-c", "import lawgov_score"], env, 0),
        f"score json{tag}": ([CLI, "score", str(SEED), "--format", "json", "-o", str(out / "seed.json")], env, 0),
        f"score table{tag}": ([CLI, "score", str(SEED), "--format", "table", "-o", str(out / "seed.txt")], env, 0),
    }


def ratios(runs: dict[str, list[dict[str, Any]]], case: str, base: str) -> dict[str, float]:
    """Round-by-round wall-time ratio of ``case`` to ``base``: min, median, max."""
    values = [a["elapsed_s"] / b["elapsed_s"] for a, b in zip(runs[case], runs[base])]
    return {"min": min(values), "median": statistics.median(values), "max": max(values)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--baseline", type=Path, help="another checkout, measured in the same rounds")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    checkouts = [(ROOT, None, "")]
    if args.baseline is not None:
        checkouts.append((args.baseline.resolve(), baseline_env(args.baseline), " (baseline)"))
    for root, _, _ in checkouts:
        for folder in ("src", "plugins"):
            compileall.compile_dir(str(root / folder), quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        plan: dict[str, tuple[list[str], dict[str, str] | None, int]] = {}
        for _, env, tag in checkouts:
            plan.update(cases(Path(tmp), env, tag))
        interleaved(plan, 1)  # warm the file cache
        runs = interleaved(plan, args.rounds)
    summaries = {name: summary(r) for name, r in runs.items()}
    results: dict[str, Any] = {"rounds": args.rounds, "target": TARGET, "cases": summaries, "ratios": {}}
    for _, _, tag in checkouts:
        for case in ("pass", "score json", "score table"):
            results["ratios"][f"{case}{tag}"] = ratios(runs, f"{case}{tag}", f"import{tag}")
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    width = max(len(name) for name in summaries)
    print(f"{'case':<{width}}  {'wall ms: min–max (median)':>27}  {'CPU ms':>11}  {'peak RSS MB':>11}  ratio to import")
    for name, figures in summaries.items():
        wall, cpu, rss = figures["elapsed_s"], figures["cpu_s"], figures["peak_rss_mb"]
        ratio = results["ratios"].get(name)
        ratio_text = f"{ratio['min']:.2f}–{ratio['max']:.2f}× (median {ratio['median']:.2f}×)" if ratio else ""
        print(f"{name:<{width}}  {wall['min'] * 1e3:7.1f}–{wall['max'] * 1e3:7.1f} ({wall['median'] * 1e3:7.1f})  "
              f"{cpu['min'] * 1e3:4.0f}–{cpu['max'] * 1e3:4.0f}  {rss['min']:5.1f}–{rss['max']:5.1f}  {ratio_text}")
    score = results["ratios"]["score json"]
    verdict = "met" if score["median"] <= TARGET else "NOT met"
    print(f"target: score json ≤ {TARGET:g}× import — median {score['median']:.2f}× over {args.rounds} rounds: "
          f"{verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
