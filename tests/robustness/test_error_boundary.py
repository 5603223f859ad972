"""The command line's one error boundary: a message and exit 2 for what the user can fix, a
one-line summary and a saved traceback (exit 1) for a bug, 130 for Ctrl-C — never a traceback."""

from __future__ import annotations

import errno
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from robust_helpers import ASEM, FRAMEWORK, Run, assert_failed_well, leftovers

from lawgov_score.cli.boundary import TRACEBACK_PREFIX, guarded
from lawgov_score.errors import InputError


def _recurse(depth: int = 0) -> int:
    return _recurse(depth + 1)


def _exhaust_memory() -> int:
    bytearray(1 << 62)  # more than any machine has: MemoryError at once, nothing allocated
    return 0


def _broken_pipe() -> int:
    raise BrokenPipeError(errno.EPIPE, "Broken pipe")


def _refused() -> int:
    return os.open("/proc/self/no-such-thing/x", os.O_RDONLY)


def _interrupted() -> int:
    raise KeyboardInterrupt


def _exits() -> int:
    sys.exit(3)


# What a command may raise → (status, words of the message on stderr)
RAISED: dict[str, tuple[Callable[[], int], int, str]] = {
    "a bad input": (lambda: _raise(InputError("not a number", "values.csv", "row 3")), 2,
                    "lawgov-score: error: values.csv: row 3: not a number"),
    "out of memory": (_exhaust_memory, 2, "not enough memory for this input"),
    "an OSError of the system": (_refused, 2, "/proc/self/no-such-thing/x: No such file or directory"),
    "a bug": (lambda: 1 // 0, 1, "internal error (a bug in lawgov-score or a plugin): ZeroDivisionError"),
    "runaway recursion": (_recurse, 1, "internal error (a bug in lawgov-score or a plugin): RecursionError"),
    "a stray sys.exit": (_exits, 1, "internal error (a bug in lawgov-score or a plugin): SystemExit: 3"),
    "Ctrl-C": (_interrupted, 130, ""),
    "a closed pipe": (_broken_pipe, 0, ""),
}


def _raise(error: Exception) -> int:
    raise error


@pytest.mark.parametrize("case", list(RAISED))
def test_whatever_a_command_raises_becomes_a_status_and_a_message(
    case: str, capsys: pytest.CaptureFixture[str]
) -> None:
    command, status, message = RAISED[case]
    assert guarded(command, ["score"], debug=False) == status
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert len(err.strip().splitlines()) <= 1, err


def test_a_bug_saves_its_traceback_to_a_file(capsys: pytest.CaptureFixture[str]) -> None:
    """The one line names a file in the temporary folder that holds the traceback, the version and the command."""
    assert guarded(lambda: 1 // 0, ["score", "x.txt"], debug=False) == 1
    err = capsys.readouterr().err
    found = re.search(rf"the full traceback is in (\S*{TRACEBACK_PREFIX}\S*\.txt)", err)
    assert found, err
    saved = Path(found.group(1))
    try:
        text = saved.read_text(encoding="utf-8")
        assert "Traceback (most recent call last)" in text and "ZeroDivisionError" in text
        assert "command: lawgov-score score x.txt" in text
    finally:
        saved.unlink()


def test_debug_shows_the_traceback(capsys: pytest.CaptureFixture[str], cli: Callable[..., Run]) -> None:
    assert guarded(lambda: 1 // 0, ["score"], debug=True) == 1
    err = capsys.readouterr().err
    assert "Traceback (most recent call last)" in err and "internal error (a bug): ZeroDivisionError" in err
    run = cli("--debug", "score-table", "missing.csv")  # a user error shows it too, then the message
    assert run.status == 2 and "Traceback" in run.err and "missing.csv: no such file" in run.err


def test_a_file_named_like_an_option(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Callable[..., Run]) -> None:
    """``-dash.txt`` is read as an option; the message says to use ``--`` (which works)."""
    monkeypatch.chdir(tmp_path)
    report = "2023年，本区推进法治政府建设。\n一、加强行政复议\n办理行政复议案件12件。\n"
    Path("-dash.txt").write_text(report, encoding="utf-8")
    for argv in (("score", "-dash.txt"), ("extract", "-dash.txt")):
        run = cli(*argv)
        assert_failed_well(run, "put '--' before the file names (… -- -dash.txt) or write ./-dash.txt")
    assert cli("score", "--format", "json", "--", "-dash.txt").status == 0


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("frobnicate",), "invalid choice: 'frobnicate'"),
        (("score", "--format", "pdf"), "invalid choice: 'pdf'"),
        (("rank",), "the following arguments are required: INPUT"),
        (("score-table",), "the following arguments are required: VALUES"),
    ],
)
def test_usage_errors_stay_exit_2(argv: tuple[str, ...], message: str, cli: Callable[..., Run]) -> None:
    assert_failed_well(cli(*argv), message)


def test_help_and_version_exit_0(cli: Callable[..., Run]) -> None:
    assert cli("--help").status == 0 and cli("--version").status == 0 and cli("score", "--help").status == 0


def test_ctrl_c_exits_130_and_writes_nothing(tmp_path: Path) -> None:
    """SIGINT in the middle of a long uncertainty run: status 130, no output file, no temporary file."""
    out = tmp_path / "ranks.json"
    child = subprocess.Popen(
        [sys.executable, "-m", "lawgov_score", "rank", str(ASEM / "ASEM_iData.csv"), "--pipeline",
         str(ASEM / "asem-pipeline.json"), "--uncertainty", "200000", "--seed", "1", "-o", str(out)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    time.sleep(3)
    child.send_signal(signal.SIGINT)
    _, err = child.communicate(timeout=60)
    assert child.returncode == 130 and "Traceback" not in err, err
    assert not out.exists() and leftovers(tmp_path) == []


def test_the_message_names_the_file_and_the_place(tmp_path: Path, cli: Callable[..., Run]) -> None:
    values = tmp_path / "values.csv"
    values.write_text("unit,year,indicator,value\n甲县,2023,p1.online_rate,lots\n", encoding="utf-8")
    run = cli("score-table", str(values), "--framework", str(FRAMEWORK))
    assert_failed_well(run, f'{values}: row 2, column "value": expected a number')
