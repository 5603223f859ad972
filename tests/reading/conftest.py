"""Fixtures of the reading tests: the installed dimensions and a plugin manager."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pluggy
import pytest

from lawgov_score.model.framework import Dimension

ROOT = Path(__file__).resolve().parents[2]

if importlib.util.find_spec("lawgov_dimensions") is None:  # a checkout run without PYTHONPATH=plugins
    sys.path.insert(0, str(ROOT / "plugins"))


@pytest.fixture(scope="session")
def reading_pm() -> pluggy.PluginManager:
    """One plugin manager for the session: reading does not change it."""
    from lawgov_score.plugins import get_plugin_manager

    return get_plugin_manager()


@pytest.fixture(scope="session")
def dimensions(reading_pm: pluggy.PluginManager) -> tuple[Dimension, ...]:
    """The ten built-in dimensions."""
    from lawgov_score.reading.document import default_dimensions

    found = default_dimensions(reading_pm)
    assert [d.code for d in found] == [f"D{n}" for n in range(1, 11)]
    return found
