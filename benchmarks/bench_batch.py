"""``lawgov-score score FOLDER --format jsonl`` over a folder of distinct reports, whole processes.

The folder holds ``--count`` edited copies of the seed (:func:`assessment_corpus.edited_copy`:
each its own unit, its counts scaled), written once to ``benchmarks/.cache/reports-N/``. Cases,
each under ``/usr/bin/time -v``, interleaved, ``--repeats`` rounds:

* ``regex peer``: read every file and run one regex of numbers with measure words over it (the
  yardstick of issue 13: a one-pass scan of what the scorer extracts, file reading included);
* ``jobs 1``: ``score FOLDER --format jsonl -o OUT --jobs 1`` (in one process);
* ``jobs 2``: the same with ``--jobs 2`` (a pool of two worker processes).

Reported: wall time, CPU time (the process and the workers it waited for) and CPU per report,
peak RSS (of the largest single process), and the ratios jobs 1 / peer (target ≤ 40×) and the
throughput of jobs 2 over jobs 1 (target ≥ 1.7×). ``--only-jobs1`` runs just ``jobs 1`` once
(for the peak RSS of 10,000 reports). ``--phases`` times the steps of one report in process.

Usage: ``python benchmarks/bench_batch.py [--count 1000] [--repeats 3] [--phases]``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from assessment_corpus import CACHE, SEED, edited_copy
from process_stats import interleaved, print_table, summary

# Numbers with the measure words reports count in: the one pass a reader of figures must make.
PEER = r"""
import re, sys
from pathlib import Path
FIGURE = re.compile(r"\d+(?:\.\d+)?\s*(?:%|件|次|个|人次|人|项|家|场|份|条|部|篇|批|户|名|起|天|小时|万元|亿元|元"
                    r"|平方米|公里)")
found = 0
for path in sorted(Path(sys.argv[1]).glob("*.txt")):
    found += len(FIGURE.findall(path.read_text(encoding="utf-8")))
print(found)
"""


def folder(count: int) -> Path:
    """``count`` edited copies of the seed, one file each, written once."""
    target = CACHE / f"reports-{count}"
    if target.is_dir() and len(list(target.glob("*.txt"))) == count:
        return target
    target.mkdir(parents=True, exist_ok=True)
    seed = SEED.read_text(encoding="utf-8")
    for index in range(count):
        (target / f"report-{index:06d}.txt").write_text(edited_copy(seed, index), encoding="utf-8")
    return target


def score(reports: Path, out: Path, jobs: int) -> list[str]:
    # ``-q``: the warning summary is not what is measured; the output file is removed before each run
    return [sys.executable, "-c", f"import os, sys; os.path.exists({str(out)!r}) and os.unlink({str(out)!r}); "
            "from lawgov_score.cli import main; sys.exit(main(sys.argv[1:]))",
            "-q", "score", str(reports), "--format", "jsonl", "-o", str(out), "--jobs", str(jobs)]


def measure_cases(reports: Path, work: Path, count: int, args: argparse.Namespace) -> dict[str, Any]:
    cases: dict[str, tuple[list[str], dict[str, str] | None, int | None]] = {
        "regex peer": ([sys.executable, "-c", PEER, str(reports)], None, 0),
        "jobs 1": (score(reports, work / "jobs1.jsonl", 1), None, 0),
    }
    if not args.only_jobs1:
        cases["jobs 2"] = (score(reports, work / "jobs2.jsonl", 2), None, 0)
    runs = interleaved(cases, 1 if args.only_jobs1 else args.repeats)
    figures: dict[str, Any] = {"reports": count, "repeats": args.repeats, "cores": os.cpu_count()}
    for key, rounds in runs.items():
        figures[key] = summary(rounds)
        cpu = [r["cpu_s"] / count * 1e3 for r in rounds]
        figures[key]["cpu_ms_per_report"] = {"median": round(statistics.median(cpu), 2), "min": round(min(cpu), 2),
                                             "max": round(max(cpu), 2)}
    peer = [r["wall_s"] for r in runs["regex peer"]]
    one = [r["wall_s"] for r in runs["jobs 1"]]
    figures["jobs 1 / peer (wall, per round)"] = [round(a / b, 1) for a, b in zip(one, peer)]
    if "jobs 2" in runs:
        two = [r["wall_s"] for r in runs["jobs 2"]]
        figures["jobs 2 throughput / jobs 1 (per round)"] = [round(a / b, 2) for a, b in zip(one, two)]
    print_table({key: figures[key] for key in runs}, {key: f"{figures[key]['cpu_ms_per_report']['median']} ms CPU "
                                                        "a report" for key in runs})
    return figures


def phases(count: int) -> dict[str, float]:
    """Milliseconds per report of each step, in process, with one warm scorer (medians)."""
    from lawgov_score.batch.worker import Settings, new_scorer
    from lawgov_score.reading.document import read_data
    from lawgov_score.reading.report_check import require_report
    from lawgov_score.render.assessments import json_line
    from lawgov_score.scoring import score_document

    scorer = new_scorer(Settings())
    seed = SEED.read_text(encoding="utf-8")
    steps: dict[str, list[float]] = {"read": [], "check": [], "assess": [], "serialise": [], "write": []}
    with tempfile.TemporaryFile("w", encoding="utf-8") as sink:
        for index in range(count):
            data = edited_copy(seed, index).encode("utf-8")
            t0 = time.perf_counter()
            document = read_data(data, f"report-{index}.txt", plugin_manager=scorer.plugin_manager,
                                 dimensions=scorer.framework.dimensions)
            t1 = time.perf_counter()
            require_report(document)
            t2 = time.perf_counter()
            assessment = score_document(document, scorer)
            t3 = time.perf_counter()
            line = json_line(assessment)
            t4 = time.perf_counter()
            sink.write(line)
            t5 = time.perf_counter()
            for key, seconds in zip(steps, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4)):
                steps[key].append(seconds * 1e3)
    return {key: round(statistics.median(values[3:]), 2) for key, values in steps.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--only-jobs1", action="store_true", help="one run of jobs 1 and the peer (peak RSS)")
    parser.add_argument("--phases", action="store_true", help="time the steps of one report in process")
    args = parser.parse_args()
    if args.phases:
        print(json.dumps(phases(min(args.count, 60)), indent=2))
        return 0
    reports = folder(args.count)
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as work:
        figures = measure_cases(reports, Path(work), args.count, args)
    print(json.dumps(figures, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
