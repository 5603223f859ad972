"""Resuming a run into a JSON Lines output: what is there is skipped, a cut-off line dropped,
stale assessments moved aside and scored again, and Ctrl-C leaving nothing half-written."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from lawgov_score.cli import main

FRAMEWORK = {"kind": "framework", "id": "d7-double", "version": "1", "dimensions": [{"code": "D7", "weight": 2}]}


def lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def sources(path: Path) -> list[object]:
    return [a["provenance"]["source"] for a in lines(path)]  # type: ignore[index]


def test_resume_skips_what_is_there_and_scores_again_after_a_framework_change(
    reports: Callable[..., list[Path]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = reports(3)
    out = tmp_path / "out.jsonl"
    assert main(["score", str(first[0].parent), "-o", str(out), "--jobs", "1"]) == 0
    before = out.read_text(encoding="utf-8")
    # An existing log is continued only when asked: never replaced by accident.
    assert main(["score", str(first[0].parent), "-o", str(out)]) == 2
    assert "--resume" in capsys.readouterr().err and out.read_text(encoding="utf-8") == before
    more = reports(2, start=3)
    assert main(["score", str(first[0].parent), "-o", str(out), "--resume", "--jobs", "2"]) == 0
    assert "3 report(s) scored already" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8").startswith(before)
    assert sources(out) == [str(p) for p in [*first, *more]]
    # Under another framework every assessment is stale: moved aside, every report scored again.
    framework = tmp_path / "framework.json"
    framework.write_text(json.dumps(FRAMEWORK), encoding="utf-8")
    assert main(["score", str(first[0].parent), "-o", str(out), "--resume", "--framework", str(framework)]) == 0
    assert "5 assessment(s) made by another library version or under another framework" in capsys.readouterr().err
    assert {a["provenance"]["framework_id"] for a in lines(out)} == {"d7-double"}  # type: ignore[index]
    assert len(lines(out)) == 5 and len(lines(Path(f"{out}.stale"))) == 5


def test_a_cut_off_last_line_is_dropped_and_scored_again(
    reports: Callable[..., list[Path]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = reports(3)
    out = tmp_path / "out.jsonl"
    assert main(["-q", "score", *map(str, paths), "-o", str(out)]) == 0
    whole = out.read_bytes()
    out.write_bytes(whole[: whole.rindex(b"\n", 0, len(whole) - 1) + 500])  # a crash in the third line
    assert main(["score", *map(str, paths), "-o", str(out), "--resume"]) == 0
    assert "its last line was cut off" in capsys.readouterr().err
    assert out.read_bytes() == whole


def _wait_for(condition: Callable[[], bool], process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 60
    while not condition():
        assert process.poll() is None and time.monotonic() < deadline, "the run ended before it could be stopped"
        time.sleep(0.02)


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_ctrl_c_leaves_nothing_half_written(fmt: str, reports: Callable[..., list[Path]], tmp_path: Path) -> None:
    """Ctrl-C (SIGINT to the whole process group, as a terminal sends it) in a run with two
    workers: a CSV does not appear at all; a JSON Lines log holds whole lines, and --resume ends it."""
    paths = reports(40)
    out = tmp_path / f"out.{fmt}"
    command = [sys.executable, "-m", "lawgov_score", "score", str(paths[0].parent), "-o", str(out), "--jobs", "2"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    if fmt == "csv":  # the header and the first rows are written once the first report is scored
        _wait_for(lambda: any(p.name.endswith(".lawgov-score-tmp") and p.stat().st_size > 0
                              for p in tmp_path.iterdir()), process)
    else:
        _wait_for(lambda: out.exists() and out.stat().st_size > 0, process)
    os.killpg(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130 and "Traceback" not in err, err
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".lawgov-score-tmp")]
    if fmt == "csv":
        assert not out.exists()
        return
    done = lines(out)  # every line whole
    assert 0 < len(done) < 40 and "--resume" in err
    assert main(["-q", "score", str(paths[0].parent), "-o", str(out), "--resume"]) == 0
    assert sorted(sources(out)) == [str(p) for p in paths]
