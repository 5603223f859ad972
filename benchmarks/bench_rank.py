"""``lawgov-score rank`` of 1,000 scored assessments, whole processes measured side by side.

The assessments are edited copies of the seed scored once into ``benchmarks/.cache/``
(:mod:`assessment_corpus`). Cases, each run under ``/usr/bin/time -v``, interleaved, ``--repeats``
rounds, ranked with the built-in pipeline ``reports``:

* ``jsonl``: the JSON Lines file (one assessment per line, what ``score --format jsonl`` writes);
* ``json``: the same assessments as one ``{"assessments": [...]}`` document;
* ``jsonl --validate``: JSON Lines with the full schema check of input and output;
* ``duplicate``: JSON Lines whose last line repeats the third assessment: time to the error.

``--baseline DIR`` also runs the JSON and duplicate cases against another checkout's sources
(the version before JSON Lines existed reads only JSON). Usage::

    python benchmarks/bench_rank.py [--count 1000] [--repeats 3] [--baseline DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from assessment_corpus import build
from process_stats import baseline_env, interleaved, print_table, summary

PIPELINE = "reports"  # the built-in pipeline for scored reports


def measure_cases(lines: Path, document: Path, work: Path, args: argparse.Namespace) -> dict[str, Any]:
    """Run the cases on the corpus, with the duplicate files and the output in ``work``."""
    duplicate_lines = work / "duplicate.jsonl"
    text = lines.read_text(encoding="utf-8")
    duplicate_lines.write_text(text + text.splitlines()[2] + "\n", encoding="utf-8")
    duplicate_json = work / "duplicate.json"
    data = json.loads(document.read_text(encoding="utf-8"))
    data["assessments"].append(data["assessments"][2])
    duplicate_json.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    def rank(source: Path, *extra: str) -> list[str]:
        return [sys.executable, "-m", "lawgov_score", "rank", str(source), "--pipeline", str(PIPELINE),
                "-o", str(work / "out.json"), *extra]

    cases: dict[str, tuple[list[str], dict[str, str] | None, int | None]] = {
        "jsonl [current]": (rank(lines), None, 0),
        "json [current]": (rank(document), None, 0),
        "jsonl --validate [current]": (rank(lines, "--validate"), None, 0),
        "duplicate jsonl [current]": (rank(duplicate_lines), None, 2),
    }
    if args.baseline:
        env = baseline_env(args.baseline)
        cases["json [baseline]"] = (rank(document), env, 0)
        cases["duplicate json [baseline]"] = (rank(duplicate_json), env, 2)
    runs = interleaved(cases, args.repeats)
    figures: dict[str, Any] = {"assessments": args.count, "file_mb": round(lines.stat().st_size / 2**20, 1),
                               "repeats": args.repeats}
    for key, rounds in runs.items():
        figures[key] = summary(rounds)
    print_table({key: figures[key] for key in runs}, {key: figures[key]["stderr"][:100] for key in runs})
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--baseline", metavar="DIR", help="also run against DIR/src (before/after)")
    args = parser.parse_args()
    lines, document = build(args.count)
    with tempfile.TemporaryDirectory(prefix="bench-rank-") as folder:
        figures = measure_cases(lines, document, Path(folder), args)
    print(json.dumps(figures, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
