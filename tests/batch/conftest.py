"""Folders of distinct reports for the batch tests: copies of the seed, each its own district."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from batch_helpers import write_reports


@pytest.fixture
def reports(tmp_path: Path) -> Callable[..., list[Path]]:
    """``reports(count, start=0)``: copies of the seed in ``tmp_path / "reports"``."""

    def make(count: int, start: int = 0) -> list[Path]:
        return write_reports(tmp_path / "reports", count, start)

    return make
