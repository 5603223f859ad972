"""Assessing a report grows linearly with the size of adversarial inputs, at small sizes.

Each input is the worst case of one step of the assessment: thousands of copies of one template
(the template check compares sentences), thousands of figures of one kind (the view indexes them
by kind), of bad-news clauses (the adverse evidence), and of rates with their counts (the audit).
"""

from __future__ import annotations

import gc
import math
import time

import pytest

from lawgov_score.reading.document import read
from lawgov_score.scoring import Scorer, score_document

UNITS = {
    "template": "印发《工作方案》,开展执法检查专项行动{n}次,覆盖群众{m}人次。\n",
    "figures": "办理行政复议案件{n}宗,办结{m}宗。\n",
    "bad_news": "被上级机关通报批评{n}次,行政诉讼败诉{m}件。\n",
    "rates": "受理投诉{m}件,办结{n}件,办结率{p}%。\n",
}
CLEARED = ("view_of", "analyse_report", "adverse_of", "audit_of", "found_by_rules")


@pytest.fixture(scope="module")
def scorer() -> Scorer:
    return Scorer.create()


def _text(kind: str, times: int) -> str:
    lines = [UNITS[kind].format(n=i % 97 + 1, m=i % 89 + 100, p=i % 50 + 50) for i in range(times)]
    return "2023年法治政府建设工作情况报告\n一、主要举措和成效\n" + "".join(lines)


def _clear_caches() -> None:
    import importlib
    import pkgutil

    import lawgov_score.assess as assess

    for info in pkgutil.walk_packages(assess.__path__, "lawgov_score.assess."):
        for value in vars(importlib.import_module(info.name)).values():
            if getattr(value, "__name__", "") in CLEARED and hasattr(value, "cache_clear"):
                value.cache_clear()


def _best(text: str, scorer: Scorer) -> float:
    document = read(text=text, plugin_manager=scorer.plugin_manager, dimensions=scorer.framework.dimensions)
    best = math.inf
    for _ in range(3):
        _clear_caches()
        began = time.perf_counter()
        score_document(document, scorer)
        best = min(best, time.perf_counter() - began)
    return best


@pytest.mark.parametrize("kind", sorted(UNITS))
def test_assessing_grows_linearly(kind: str, scorer: Scorer) -> None:
    """Four times the input takes about four times as long to assess, not sixteen (the garbage
    collector paused: the assessment is timed, not the collector)."""
    small, large = _text(kind, 500), _text(kind, 2000)
    enabled = gc.isenabled()
    gc.disable()
    try:
        ratio = _best(large, scorer) / _best(small, scorer)
    finally:
        if enabled:
            gc.enable()
    assert ratio < 8, ratio
