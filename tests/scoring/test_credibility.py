"""Statements that cannot be believed as evidence: templates filled in for every task."""

from __future__ import annotations

from pathlib import Path

import pytest

from lawgov_score.assess.analysis import analyse_report, credibility_warnings
from lawgov_score.reading.document import read
from lawgov_score.scoring import Scorer

ROOT = Path(__file__).resolve().parents[2]
REPORTS = [ROOT / "seeds" / "000_3ed9f38cde86c434.txt", *sorted((ROOT / "tests" / "data" / "reports").glob("*.txt")),
           *sorted((ROOT / "tests" / "validity" / "reports").glob("*.txt"))]
TASKS = ["依法决策", "行政执法", "政务公开", "复议应诉", "普法宣传", "应急管理", "数字政府", "监督考核"]


@pytest.fixture(scope="module")
def scorer() -> Scorer:
    return Scorer.create()


def _analysis(text: str, scorer: Scorer):  # type: ignore[no-untyped-def]
    document = read(text=text, plugin_manager=scorer.plugin_manager, dimensions=scorer.framework.dimensions)
    return analyse_report(document, tuple(scorer.framework.dimensions))


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.name)
def test_real_reports_hold_no_template(path: Path, scorer: Scorer) -> None:
    analysis = _analysis(path.read_text(encoding="utf-8"), scorer)
    assert analysis.templated == ()
    assert "credibility.templated" not in {w.code for w in credibility_warnings(analysis)}


def test_a_template_counts_once_whatever_its_terms_numbers_and_clause_order(scorer: Scorer) -> None:
    """Filled in for eight tasks, clauses shuffled in half of them: seven copies are not credited."""
    lines = ["2023年法治政府建设工作情况报告", "一、主要举措和成效"]
    for n, task in enumerate(TASKS, start=1):
        clauses = [f"印发《{task}工作方案》", f"开展{task}专项行动{n * 7}次", f"覆盖群众{n * 311}人次"]
        if n % 2:
            clauses.reverse()
        lines.append(f"({'一二三四五六七八'[n - 1]}){task}。" + ",".join(clauses) + "。")
    analysis = _analysis("\n".join(lines), scorer)
    assert len(analysis.templated) == len(TASKS) - 1
    warning = next(w for w in credibility_warnings(analysis) if w.code == "credibility.templated")
    assert "套用同一句式" in warning.message_zh
