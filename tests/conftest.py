"""Shared fixtures: paths to the seed and gold data, fresh plugin managers, hypothesis profiles."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import pluggy
import pytest
from hypothesis import HealthCheck, settings

from lawgov_score.model.assessment import Assessment
from lawgov_score.plugins import get_plugin_manager
from lawgov_score.scoring import score_report
from paths import DATA, SEED

# Tiny test plugins (tests/plugins/*.py) are imported by module name.
sys.path.insert(0, str(Path(__file__).resolve().parent / "plugins"))

# "ci" is fast and deterministic; "thorough" is for local runs: HYPOTHESIS_PROFILE=thorough.
settings.register_profile(
    "ci", max_examples=60, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("thorough", max_examples=1000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_assessment() -> Assessment:
    """The seed scored once, for the tests that only read the result."""
    return score_report(SEED)


@pytest.fixture
def seed_text(seed_path: Path) -> str:
    return seed_path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def gold() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / "seed-baoan-2023.json").read_text(encoding="utf-8"))
    return data


@pytest.fixture
def pm() -> pluggy.PluginManager:
    """A fresh plugin manager with every installed plugin."""
    return get_plugin_manager()


@pytest.fixture
def bare_pm() -> pluggy.PluginManager:
    """A fresh plugin manager with no entry points loaded: tests register what they need."""
    return get_plugin_manager(autoload=False)
