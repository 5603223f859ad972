"""Scoring the seed in process, against one regex scan of its text, measured in the same run.

Reports, each as the median of ``--repeat`` runs after a warm-up, and as a ratio to a single
``re.compile(r"\\d+(?:\\.\\d+)?").findall(text)`` over the same text (the issue's yardstick):

* read: decode, normalise, outline, facts, dimensions, metadata (``lawgov_score.read``);
* assess: the ten plugins, aggregation and the audit on the read document;
* both: what ``lawgov_score.score_report`` does per report once the library is loaded.

Usage: ``python benchmarks/bench_score.py [--repeat 50] [--json]``.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from lawgov_score.assess.view import view_of
from lawgov_score.reading.document import read
from lawgov_score.scoring import Scorer, score_document

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_3ed9f38cde86c434.txt"
NUMBERS = re.compile(r"\d+(?:\.\d+)?")


def median_time(action: Callable[[], object], repeat: int) -> float:
    action()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    text = SEED.read_text(encoding="utf-8")
    scorer = Scorer.create()
    dimensions = scorer.framework.dimensions
    document = read(text=text, plugin_manager=scorer.plugin_manager, dimensions=dimensions)

    def assess() -> None:
        view_of.cache_clear()  # measure the sentence view too, as a new document would need it
        score_document(document, scorer)

    def both() -> None:
        score_document(read(text=text, plugin_manager=scorer.plugin_manager, dimensions=dimensions), scorer)

    scan = median_time(lambda: NUMBERS.findall(text), args.repeat * 20)
    results = {"regex_scan_seconds": scan, "characters": len(text)}
    for name, action in (("read", lambda: read(text=text, plugin_manager=scorer.plugin_manager, dimensions=dimensions)),
                         ("assess", assess), ("read_and_assess", both)):
        seconds = median_time(action, args.repeat)
        results[name] = {"seconds": seconds, "ratio_to_scan": seconds / scan}
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        print(f"regex scan       {scan * 1e6:8.1f} µs  ({len(text)} characters)")
        for name in ("read", "assess", "read_and_assess"):
            r = results[name]
            assert isinstance(r, dict)
            print(f"{name:16s} {r['seconds'] * 1e3:8.2f} ms  {r['ratio_to_scan']:7.1f}× the scan")
    return 0


if __name__ == "__main__":
    sys.exit(main())
