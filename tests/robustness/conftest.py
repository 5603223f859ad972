"""Fixtures of the robustness tests: the command line run in-process, a sandbox folder, and
real entry points for the failing plugins of ``tests/plugins/failing_plugins.py``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from robust_helpers import Run, install_plugins, run_main


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    """``cli(*argv)``: ``lawgov-score`` run in this process, its status, stdout and stderr."""

    def run(*argv: str) -> Run:
        return run_main(capsys, *argv)

    return run


@pytest.fixture
def plugins_installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Path]:
    """``plugins_installed(*names)``: those failing plugins installed as entry points of a real
    distribution (``failing-plugins 0.9``) for this test; returns the folder on ``sys.path``."""

    def install(*names: str) -> Path:
        root = install_plugins(tmp_path / "site", names)
        monkeypatch.syspath_prepend(str(root))
        return root

    return install
