"""Scoring the seed in process, against one regex scan of its text — and against another checkout.

Reports, each as the median of ``--repeat`` runs after a warm-up, and as a ratio to a single
``re.compile(r"\\d+(?:\\.\\d+)?").findall(text)`` over the same text (the yardstick):

* read: decode, normalise, outline, facts, dimensions, metadata (``lawgov_score.read``);
* assess: the dimension plugins, scoring and the audit on the read document;
* both: what ``lawgov_score.score_report`` does per report once the library is loaded;
* table: ``Scorer.assess_table`` of 1,000 units with a value for four in five indicators (the
  scoring of ``score_table`` and ``score-table``, file reading left out).

Every per-document cache (the sentence view, the analysis, the audit) is cleared before each
run, so each run costs what a new report costs.

With ``--baseline DIR`` (a checkout of another version with its own ``.venv``, e.g. made by
``git worktree add ../baseline v1-methodology-baseline``) the same measurement runs in that
checkout's interpreter and in this one, alternately for ``--rounds`` rounds, and the ratio of the
two is reported per round: the machine is shared, so only figures from the same run compare.

Usage: ``python benchmarks/bench_score.py [--repeat 50] [--json] [--baseline DIR --rounds 5]``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_3ed9f38cde86c434.txt"

# Runs inside whichever checkout is measured: it uses only what both the old and the new API have.
MEASURE = r'''
import importlib, json, pkgutil, re, statistics, sys, time
import lawgov_score
from lawgov_score.reading.document import read
from lawgov_score.scoring import Scorer, score_document

text = open(sys.argv[1], encoding="utf-8").read()
repeat = int(sys.argv[2])
scorer = Scorer.create()
dimensions = scorer.framework.dimensions

def read_text():
    try:
        return read(text=text, plugin_manager=scorer.plugin_manager, dimensions=dimensions)
    except TypeError:  # the first API took the text itself
        return read(text, plugin_manager=scorer.plugin_manager, dimensions=dimensions)

PER_DOCUMENT = {"view_of", "analyse_report", "adverse_of", "audit_of", "found_by_rules"}
caches = []
for info in pkgutil.walk_packages(lawgov_score.__path__, "lawgov_score."):
    if info.name.startswith(("lawgov_score.assess", "lawgov_score.report_view", "lawgov_score.audit")):
        module = importlib.import_module(info.name)
        # Only the caches keyed by a document: compiled patterns and term indexes are built once
        # per process, as they are in use.
        caches += [f for f in vars(module).values() if callable(getattr(f, "cache_clear", None))
                   and getattr(f, "__module__", "") == info.name and getattr(f, "__name__", "") in PER_DOCUMENT]

def clear():
    for cache in caches:
        cache.cache_clear()

def median(action, n):
    clear(); action()
    times = []
    for _ in range(n):
        clear()
        start = time.perf_counter(); action(); times.append(time.perf_counter() - start)
    return statistics.median(times)

def table_units(count):
    import random
    from lawgov_score.model.observation import Observation, Unit
    rnd = random.Random(1)
    units = []
    for n in range(count):
        observations = {}
        for dimension in scorer.framework.dimensions:
            for ind in dimension.indicators:
                if rnd.random() < 0.8:
                    low, high = ind.goalposts or (0.0, 1.0)
                    observations[ind.id] = Observation(ind.id, rnd.uniform(low, high))
        units.append((Unit(f"unit {n}", 2023, level=rnd.choice(["city", "county", None])), observations))
    return units

document = read_text()
units = table_units(1000)
numbers = re.compile(r"\d+(?:\.\d+)?")
out = {"regex_scan_seconds": median(lambda: numbers.findall(text), repeat * 20), "characters": len(text),
       "read": median(read_text, repeat), "assess": median(lambda: score_document(document, scorer), repeat),
       "read_and_assess": median(lambda: score_document(read_text(), scorer), repeat),
       "table": median(lambda: scorer.assess_table(units, "0" * 64, None), max(1, repeat // 10))}
print(json.dumps(out))
'''


def measure(python: str, cwd: Path, repeat: int) -> dict[str, float]:
    """One measurement in the interpreter ``python`` of the checkout at ``cwd``."""
    done = subprocess.run([python, "-c", MEASURE, str(SEED), str(repeat)], cwd=cwd, capture_output=True,
                          text=True, check=True)
    result: dict[str, float] = json.loads(done.stdout)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--baseline", type=Path, help="another checkout with its own .venv, measured alternately")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    here = measure(sys.executable, ROOT, args.repeat)
    if args.baseline is None:
        if args.json:
            print(json.dumps(here, indent=2))
            return 0
        scan = here["regex_scan_seconds"]
        print(f"regex scan       {scan * 1e6:8.1f} µs  ({int(here['characters'])} characters)")
        for name in ("read", "assess", "read_and_assess"):
            print(f"{name:16s} {here[name] * 1e3:8.2f} ms  {here[name] / scan:7.1f}× the scan")
        print(f"{'table':16s} {here['table']:8.2f} s   (1,000 units)")
        return 0
    python = str(args.baseline / ".venv" / "bin" / "python")
    rows = []
    for _ in range(args.rounds):
        base = measure(python, args.baseline, args.repeat)
        now = measure(sys.executable, ROOT, args.repeat)
        rows.append({name: (now[name], base[name]) for name in ("read", "assess", "read_and_assess", "table")})
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    for name in ("read", "assess", "read_and_assess", "table"):
        ratios = [row[name][0] / row[name][1] for row in rows]
        now_ms = [row[name][0] * 1e3 for row in rows]
        base_ms = [row[name][1] * 1e3 for row in rows]
        print(f"{name:16s} now {min(now_ms):6.2f}–{max(now_ms):6.2f} ms, baseline {min(base_ms):6.2f}–"
              f"{max(base_ms):6.2f} ms: {min(ratios):.2f}–{max(ratios):.2f}× (median {statistics.median(ratios):.2f}×)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
