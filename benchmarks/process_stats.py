"""Whole-process figures of a command with ``/usr/bin/time -v``: wall time, CPU time, peak RSS.

:func:`measure` runs one command; :func:`interleaved` runs several commands round-robin, so that
a load spike on the shared machine falls on every case alike, and :func:`summary` reports the
range (min–max) and the median of each figure over the repeats. ``baseline_env`` runs a command
against another checkout's sources (for before/after comparisons in the same run).
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import tempfile
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

TIME = "/usr/bin/time"
_FIELDS = {
    "wall_s": re.compile(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)"),
    "user_s": re.compile(r"User time \(seconds\): (\S+)"),
    "sys_s": re.compile(r"System time \(seconds\): (\S+)"),
    "peak_rss_mb": re.compile(r"Maximum resident set size \(kbytes\): (\d+)"),
}


def _seconds(clock: str) -> float:
    parts = [float(p) for p in clock.split(":")]
    total = 0.0
    for part in parts:
        total = total * 60 + part
    return total


def measure(command: Sequence[str], env: Mapping[str, str] | None = None,
            expect: int | None = 0) -> dict[str, Any]:
    """Run ``command`` under ``/usr/bin/time -v``.

    :param command: the command and its arguments.
    :param env: the environment (default: this process's).
    :param expect: the exit status it must end with (``None``: any).
    :returns: ``wall_s``, ``cpu_s`` (user + system), ``peak_rss_mb``, ``status``, its standard
        output and the last line of its standard error; ``elapsed_s``, the wall time to the
        microsecond as this process saw it (``wall_s`` has /usr/bin/time's 10 ms steps, too coarse
        for commands of a few tens of milliseconds).
    """
    with tempfile.NamedTemporaryFile("r", suffix=".time", delete=False) as report:
        name = report.name
    try:
        start = time.perf_counter()
        done = subprocess.run([TIME, "-v", "-o", name, *command], capture_output=True, text=True,
                              env=dict(env) if env is not None else None)
        elapsed = time.perf_counter() - start
        text = Path(name).read_text(encoding="utf-8")
    finally:
        os.unlink(name)
    if expect is not None and done.returncode != expect:
        raise RuntimeError(f"{' '.join(command)} exited {done.returncode}: {done.stderr[-2000:]}")
    figures: dict[str, Any] = {}
    for key, pattern in _FIELDS.items():
        match = pattern.search(text)
        if match is None:
            raise RuntimeError(f"/usr/bin/time gave no {key}: {text[-500:]}")
        value = match.group(1)
        figures[key] = _seconds(value) if key == "wall_s" else float(value)
    figures["peak_rss_mb"] /= 1024
    figures["cpu_s"] = figures.pop("user_s") + figures.pop("sys_s")
    figures["elapsed_s"] = elapsed
    figures["status"] = done.returncode
    figures["stdout"] = done.stdout
    figures["stderr"] = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""
    return figures


def interleaved(cases: Mapping[str, tuple[Sequence[str], Mapping[str, str] | None, int | None]],
                repeats: int) -> dict[str, list[dict[str, Any]]]:
    """Run every case once per round, ``repeats`` rounds.

    :param cases: name → ``(command, env, expected status)``.
    :param repeats: the number of rounds.
    :returns: name → one figure dict per round.
    """
    runs: dict[str, list[dict[str, Any]]] = {name: [] for name in cases}
    for _ in range(repeats):
        for name, (command, env, expect) in cases.items():
            runs[name].append(measure(command, env, expect))
    return runs


def summary(runs: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Median and range of each figure over the runs of one case."""
    out: dict[str, Any] = {}
    for key in ("wall_s", "elapsed_s", "cpu_s", "peak_rss_mb"):
        values = [float(r[key]) for r in runs]
        out[key] = {"median": round(statistics.median(values), 4), "min": round(min(values), 4),
                    "max": round(max(values), 4)}
    out["stderr"] = runs[-1]["stderr"]
    return out


def baseline_env(checkout: str | os.PathLike[str]) -> dict[str, str]:
    """An environment whose Python imports lawgov_score from another checkout (``src`` and ``plugins``)."""
    root = Path(checkout).resolve()
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(root / "src"), str(root / "plugins"), env.get("PYTHONPATH", "")])
    return env


def range_text(figure: Mapping[str, float], digits: int = 2) -> str:
    """``1.23–1.45`` for a figure's range."""
    return f"{figure['min']:.{digits}f}–{figure['max']:.{digits}f}"


def print_table(summaries: Mapping[str, Mapping[str, Any]], notes: Mapping[str, str]) -> None:
    """One line per case: the ranges of wall time, CPU time and peak RSS (from :func:`summary`), and a note."""
    width = max(len(k) for k in summaries)
    print(f"{'case':<{width}}  {'wall s':>13}  {'CPU s':>13}  {'peak RSS MB':>13}")
    for key, f in summaries.items():
        print(f"{key:<{width}}  {range_text(f['wall_s']):>13}  {range_text(f['cpu_s']):>13}  "
              f"{range_text(f['peak_rss_mb'], 0):>13}  {notes.get(key, '')}")
