"""End-to-end command timings against baselines measured in the same run.

* ``lawgov-score plugins`` against ``python -c "import attrs, pluggy, jsonschema"`` (target < 2×).

``lawgov-score score`` on the seed is measured by ``bench_startup.py`` (interleaved rounds, peak RSS).

Each command runs ``--repeat`` times after one warm-up; the median wall time is reported.
Usage: ``python benchmarks/bench_cli.py [--repeat 15] [--json]``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence


def wall_time(command: Sequence[str], repeat: int) -> float:
    """Median wall time of ``command`` in seconds (one untimed warm-up run first)."""
    subprocess.run(command, check=True, capture_output=True)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


CASES = {
    "plugins": (
        [sys.executable, "-m", "lawgov_score", "plugins"],
        [sys.executable, "-c", "import attrs, pluggy, jsonschema"],
        2.0,
    ),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("cases", nargs="*", metavar="CASE", help=f"which of {', '.join(CASES)} (default: all)")
    args = parser.parse_args()
    results = {}
    for name in args.cases or list(CASES):
        if name not in CASES:
            parser.error(f"unknown case {name!r}")
        command, baseline, target = CASES[name]
        measured, base = wall_time(command, args.repeat), wall_time(baseline, args.repeat)
        results[name] = {"seconds": measured, "baseline_seconds": base, "ratio": measured / base, "target": target}
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        for name, r in results.items():
            verdict = "ok" if r["ratio"] <= r["target"] else "OVER TARGET"
            print(
                f"{name:8s} {r['seconds'] * 1000:7.1f} ms  baseline {r['baseline_seconds'] * 1000:7.1f} ms  "
                f"ratio {r['ratio']:.2f}× (target ≤ {r['target']}×) {verdict}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
