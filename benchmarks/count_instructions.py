"""Instructions per scoring of the seed, counted by valgrind (deterministic on a shared machine).

Wall-clock ratios swing by tens of percent between rounds when other jobs share the machine; the
number of instructions executed does not. For this checkout and, with ``--baseline DIR``, another
one (its own ``.venv``), the script runs a small program under ``valgrind --tool=callgrind`` twice —
warm-up only, and warm-up plus ``--runs`` scorings — and reports the difference per scoring, for
reading the seed's text, assessing a read document, and both, and the ratio of the two checkouts.

Every per-document cache (sentence view, analysis, audit, rules) is cleared before each scoring,
so each costs what a new report costs. Needs ``valgrind`` (Debian: ``apt install valgrind``).

Usage: ``python benchmarks/count_instructions.py [--baseline ../baseline] [--runs 10]``.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_3ed9f38cde86c434.txt"
CACHED = ("view_of", "analyse_report", "adverse_of", "audit_of", "found_by_rules")

# Runs inside whichever checkout is measured: only what both the old and the new API have.
PROGRAM = r'''
import importlib, pkgutil, sys
import lawgov_score
from lawgov_score.reading.document import read
from lawgov_score.scoring import Scorer, score_document

runs, mode, seed, cached = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4].split(",")
text = open(seed, encoding="utf-8").read()
scorer = Scorer.create()
dimensions = scorer.framework.dimensions
caches = []
for info in pkgutil.walk_packages(lawgov_score.__path__, "lawgov_score."):
    if not info.name.startswith(("lawgov_score.assess", "lawgov_score.report_view", "lawgov_score.audit")):
        continue
    module = importlib.import_module(info.name)
    caches += [f for f in vars(module).values() if getattr(f, "__name__", "") in cached
               and getattr(f, "__module__", "") == info.name and hasattr(f, "cache_clear")]


def read_seed():
    try:
        return read(text=text, plugin_manager=scorer.plugin_manager, dimensions=dimensions)
    except TypeError:  # before read(text=...) a string was the text itself
        return read(text, plugin_manager=scorer.plugin_manager, dimensions=dimensions)


document = read_seed()
score_document(document, scorer)  # warm: compiled patterns, term indexes
for _ in range(runs):
    for cache in caches:
        cache.cache_clear()
    if mode == "read":
        read_seed()
    else:
        score_document(document if mode == "assess" else read_seed(), scorer)
'''


def instructions(python: Path, runs: int, mode: str) -> int:
    """Instructions valgrind counts for the program with ``runs`` scorings."""
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", str(python), "-c", PROGRAM,
         str(runs), mode, str(SEED), ",".join(CACHED)],
        capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"{python} failed:\n{done.stderr[-2000:]}")
    found = re.search(r"Collected\s*:\s*(\d+)", done.stderr)
    if not found:
        raise SystemExit(f"valgrind printed no instruction count:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def per_scoring(python: Path, runs: int, mode: str) -> float:
    return (instructions(python, runs, mode) - instructions(python, 0, mode)) / runs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--baseline", type=Path, help="another checkout with its own .venv")
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    if not shutil.which("valgrind"):
        raise SystemExit("valgrind is not installed (Debian: apt install valgrind)")
    trees = {"this checkout": Path(sys.executable)}
    if args.baseline:
        trees["baseline"] = args.baseline.resolve() / ".venv" / "bin" / "python"
    for mode, label in (("read", "read the seed"), ("assess", "assess a read seed"), ("both", "read and assess")):
        counts = {name: per_scoring(python, args.runs, mode) for name, python in trees.items()}
        line = "  ".join(f"{name} {count / 1e6:7.1f} M" for name, count in counts.items())
        if args.baseline:
            line += f"  ratio {counts['this checkout'] / counts['baseline']:.2f}×"
        print(f"{label:20} {line}")


if __name__ == "__main__":
    main()
