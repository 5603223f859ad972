"""Running the command line as a hostile user would, and checking that it failed well."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pytest

from lawgov_score.cli import main
from lawgov_score.writing import TEMP_SUFFIX
from paths import DATA, ROOT, SEED

FRAMEWORK = DATA / "frameworks" / "ningxia-2015-style.json"
VALUES_CSV = DATA / "observations" / "provincial-long.csv"
VALUES_JSON = DATA / "observations" / "provincial.json"
ASEM = DATA / "coinr-asem"
PLUGINS = ROOT / "tests" / "plugins"
SEED_TEXT = SEED.read_text(encoding="utf-8")


@dataclass(frozen=True)
class Run:
    """What a run of the command line left: its exit status and what it printed."""

    status: int
    out: str
    err: str


def run_main(capsys: pytest.CaptureFixture[str], *argv: str) -> Run:
    """``lawgov-score ARGV`` in this process (the same ``main`` the console script calls)."""
    status = main(list(argv))
    captured = capsys.readouterr()
    return Run(status, captured.out, captured.err)


def run_quietly(*argv: str) -> tuple[int, str]:
    """``lawgov-score ARGV`` in this process, outside pytest's capture (for property tests,
    whose examples run many times inside one test): the status and what went to stderr."""
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        status = main(list(argv))
    return status, err.getvalue()


def run_process(*argv: str, env: dict[str, str] | None = None, **options: object) -> subprocess.CompletedProcess[str]:
    """``python -m lawgov_score ARGV`` in a new process, as a user runs it."""
    return subprocess.run(  # type: ignore[call-overload,no-any-return]
        [sys.executable, "-m", "lawgov_score", *argv],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=120,
        **options,
    )


def assert_failed_well(run: Run | subprocess.CompletedProcess[str], message: str, status: int = 2) -> None:
    """Exit ``status``, ``message`` on stderr, no traceback anywhere."""
    code = run.status if isinstance(run, Run) else run.returncode
    err = run.err if isinstance(run, Run) else run.stderr
    out = run.out if isinstance(run, Run) else run.stdout
    assert code == status, f"exit {code}, stderr:\n{err}"
    assert "Traceback" not in err and "Traceback" not in out, err
    assert message in err, f"{message!r} not in:\n{err}"


def leftovers(folder: Path) -> list[str]:
    """Temporary files of the writer left in ``folder``."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(TEMP_SUFFIX)) if folder.is_dir() else []


def install_plugins(root: Path, names: Iterable[str]) -> Path:
    """A distribution ``failing-plugins 0.9`` whose entry points are ``failing_plugins:NAME``."""
    dist = root / "failing_plugins-0.9.dist-info"
    dist.mkdir(parents=True, exist_ok=True)
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: failing-plugins\nVersion: 0.9\n", encoding="utf-8")
    lines = "".join(f"{name} = failing_plugins:{name}\n" for name in names)
    (dist / "entry_points.txt").write_text(f"[lawgov_score]\n{lines}", encoding="utf-8")
    return root


def plugin_env(root: Path) -> dict[str, str]:
    """The environment under which a new process finds those plugins."""
    return {"PYTHONPATH": os.pathsep.join([str(root), str(PLUGINS)])}
