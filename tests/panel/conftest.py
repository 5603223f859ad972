"""Fixtures of the panel-engine tests: the COINr ASEM data, and the shared strategies module.

``tests/panel/strategies.py`` is registered as ``panel_strategies`` so that it cannot clash
with ``tests/strategies.py`` (both directories are on ``sys.path`` under pytest's prepend mode).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from lawgov_score.panel import Hierarchy, Panel

ASEM = Path(__file__).resolve().parents[1] / "data" / "coinr-asem"



@pytest.fixture(scope="session")
def asem_hierarchy() -> Hierarchy:
    with open(ASEM / "ASEM_iMeta.csv", encoding="utf-8", newline="") as stream:
        return Hierarchy.from_imeta(list(csv.DictReader(stream)))


@pytest.fixture(scope="session")
def asem_rows() -> list[dict[str, str]]:
    with open(ASEM / "ASEM_iData.csv", encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


@pytest.fixture(scope="session")
def asem_panel(asem_hierarchy: Hierarchy, asem_rows: list[dict[str, str]]) -> Panel:
    return Panel.from_wide(asem_rows, hierarchy=asem_hierarchy, unit_column="uCode")
