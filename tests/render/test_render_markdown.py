"""The Markdown report: the HTML page's content as text, charts as tables, report text escaped."""

from __future__ import annotations

import re

import pytest
from test_render_html import PAYLOADS, malicious, two_years

from lawgov_score.cli import main
from lawgov_score.model.assessment import Assessment
from lawgov_score.reading.model import Document
from lawgov_score.render.markdown import md, render_markdown


def test_one_report_in_markdown(seed_scored: tuple[Assessment, Document, bool]) -> None:
    assessment = seed_scored[0]
    text = render_markdown([assessment], lang="en")
    assert text.startswith(f"# {assessment.unit.name}")
    for heading in ("## Dimensions (radar chart as a table)", "## Indicators", "## Evidence",
                    "## Consistency audit", "## Warnings and failures", "## Provenance"):
        assert f"\n{heading} " in text  # English first, the Chinese beside it
    assert "\n## 维度（雷达图数据） Dimensions (radar chart as a table)\n" in render_markdown([assessment])
    assert re.search(r"\*\*Overall: \d+\.\d / 100\*\* — \S+ \(", text)
    rows = [line for line in text.splitlines() if re.match(r"\| D\d+ \|", line)]
    assert len(rows) == 10 and all("█" in r or "░" in r or "·" in r for r in rows)
    assert assessment.provenance.input_sha256 in text
    for finding in assessment.audit:
        assert md(finding.arithmetic) in text


def test_explain_keeps_one_dimension(seed_scored: tuple[Assessment, Document, bool]) -> None:
    text = render_markdown([seed_scored[0]], explain="D7", lang="en")
    assert "### D7 " in text and "### D1 " not in text


def test_several_reports_in_markdown(seed_scored: tuple[Assessment, Document, bool]) -> None:
    text = render_markdown([a for a, _ in two_years(seed_scored[0])], lang="en")
    for heading in ("## Ranking", "## Heat map: units × dimensions", "## Year on year", "## Units"):
        assert f"\n{heading} " in text
    assert "2022 → 2023" in text and "▲ up" in text and "▼ down" in text
    assert "Indicators that moved (1)" in text


@pytest.mark.parametrize("payload", PAYLOADS)
def test_report_text_cannot_inject_markdown_or_html(
    payload: str, seed_scored: tuple[Assessment, Document, bool]
) -> None:
    evil, _ = malicious(*seed_scored[:2])
    text = render_markdown([evil], lang="en")
    if any(ch in payload for ch in "<[&"):
        assert payload not in text
    assert md(payload) in text
    assert not re.search(r"(?<!\\)<(script|img|a )", text)
    assert not re.search(r"(?<!\\)\]\(javascript:", text)


def test_table_cells_cannot_be_broken() -> None:
    assert md("a|b\nc") == "a\\|b c"


def test_cli_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", "--format", "md", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "## Evidence" in out and "## Consistency audit" in out
