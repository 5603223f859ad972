"""Time each output format of ``score`` for many assessments, as ratios to the JSON output
rendered in the same run (the baseline every format is compared with).

The assessments are the seed's, renamed so each is a unit of its own (the renderers do not know
they are copies); each format is rendered ``--repeat`` times, the formats interleaved round by
round so that the load of the shared machine falls on all of them alike; the range over the
rounds is printed.

Usage: ``python benchmarks/bench_outputs.py [--units 100] [--repeat 3]``.
"""

from __future__ import annotations

import argparse
import time

from attrs import evolve

from lawgov_score.render.assessments import Options, render
from lawgov_score.scoring import rank, score_report
from lawgov_score.seeds import seed_path

FORMATS = ("json", "csv", "xlsx", "table", "md", "html")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    seed = score_report(seed_path())
    assessments = [evolve(seed, unit=evolve(seed.unit, name=f"{seed.unit.name}{i}")) for i in range(args.units)]
    ranking = rank(assessments)
    times: dict[str, list[float]] = {fmt: [] for fmt in FORMATS}
    for fmt in FORMATS:  # warm-up: imports, templates
        render(assessments[:2], ranking[:2], fmt, Options(width=120))
    for _ in range(args.repeat):
        for fmt in FORMATS:
            start = time.perf_counter()
            render(assessments, ranking, fmt, Options(width=120))
            times[fmt].append(time.perf_counter() - start)
    base = times["json"]
    print(f"{args.units} assessments, {args.repeat} rounds; seconds (min–max) and ratio to JSON (min–max)")
    for fmt in FORMATS:
        ratios = [t / b for t, b in zip(times[fmt], base)]
        print(f"{fmt:6} {min(times[fmt]):7.3f}–{max(times[fmt]):7.3f} s   {min(ratios):5.2f}–{max(ratios):5.2f}×")


if __name__ == "__main__":
    main()
