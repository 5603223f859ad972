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


@pytest.fixture(scope="session")
def seed_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The seed as PDF, made once per session: printed by Chromium (when installed) and written
    by fpdf2 with a CJK font of the system (when one is found)."""
    from pdf_helpers import CHROMIUM, cjk_font, print_with_chromium, write_with_fpdf

    seed = (ROOT / "seeds" / "000_3ed9f38cde86c434.txt").read_text(encoding="utf-8")
    folder = tmp_path_factory.mktemp("pdf")
    made = {}
    if CHROMIUM is not None:
        made["chromium"] = print_with_chromium(seed, folder / "seed-chromium.pdf")
    font = cjk_font()
    if font is not None:
        made["fpdf"] = write_with_fpdf(seed, folder / "seed-fpdf.pdf", font)
    return made
