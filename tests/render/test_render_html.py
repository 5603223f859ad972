"""The HTML report: marked spans, escaping, page structure, collections, panels and the CLI."""

from __future__ import annotations

import html as htmllib
import re
from datetime import datetime, timezone
from pathlib import Path
from types import SimpleNamespace

import numpy as np
from attrs import evolve
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import escape

from lawgov_score.cli import main
from lawgov_score.model.assessment import Assessment
from lawgov_score.model.observation import Evidence
from lawgov_score.panel.results import PanelResult
from lawgov_score.reading.model import Document
from lawgov_score.render.html import MarkSpan, highlight, render_html
from lawgov_score.render.panel import render_panel_html

WHEN = datetime(2026, 1, 2, 3, 4, tzinfo=timezone.utc)
PAYLOADS = (
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=2">',
    '<a href="javascript:window.__pwned=3">点我</a>',
    "[点我](javascript:window.__pwned=4)",
    "&lt;b&gt;实体&amp;",
    '" onmouseover="window.__pwned=5" x="',
)


def strip_tags(markup: str) -> str:
    return htmllib.unescape(re.sub(r"<[^>]*>", "", markup))


# -- highlight ---------------------------------------------------------------------------------


def test_highlight_marks_a_span_and_escapes_the_text() -> None:
    out = highlight("a<b>c&d", [MarkSpan("s1", 1, 4)])
    assert out == 'a<mark class="evidence" id="s1" tabindex="-1" data-spans="s1">&lt;b&gt;</mark>c&amp;d'


def test_overlapping_spans_are_split_at_every_boundary() -> None:
    out = str(highlight("0123456789", [MarkSpan("a", 0, 6), MarkSpan("b", 3, 9)]))
    assert re.findall(r"<mark[^>]*>([^<]*)</mark>", out) == ["012", "345", "678"]
    assert 'id="a"' in out and 'id="b"' in out
    assert 'data-spans="a b">345<' in out
    assert strip_tags(out) == "0123456789"


def test_nested_and_coinciding_starts_get_their_own_anchor() -> None:
    out = str(highlight("abcdef", [MarkSpan("outer", 0, 6), MarkSpan("inner", 0, 2), MarkSpan("mid", 2, 4)]))
    assert out.count('id="outer"') == out.count('id="inner"') == out.count('id="mid"') == 1
    assert strip_tags(out) == "abcdef"


def test_spans_outside_the_text_are_ignored() -> None:
    assert highlight("abc", [MarkSpan("x", 2, 9), MarkSpan("y", -1, 1), MarkSpan("z", 2, 2)]) == "abc"


@given(
    text=st.text(alphabet="ab<>&\"'中文\n", max_size=40),
    cuts=st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=8),
)
def test_highlight_keeps_the_text(text: str, cuts: list[tuple[int, int]]) -> None:
    """Whatever the spans, removing the marks and unescaping gives back the text, and every valid span has one id."""
    spans = [MarkSpan(f"s{i}", min(a, b), max(a, b)) for i, (a, b) in enumerate(cuts)]
    out = str(highlight(text, spans))
    assert strip_tags(out) == text
    assert "<script" not in out
    for s in spans:
        assert out.count(f'id="{s.id}"') == (1 if 0 <= s.start < s.end <= len(text) else 0)


# -- one report ----------------------------------------------------------------------------------


def test_single_report_page(seed_scored: tuple[Assessment, Document, bool]) -> None:
    assessment, document, _ = seed_scored
    page = render_html([(assessment, document)], generated=WHEN)
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    assert 'name="viewport"' in page and "Content-Security-Policy" in page
    assert "Noto Sans CJK SC" in page and "@media print" in page
    assert page.count('class="axis"') == len(assessment.dimensions) == 10
    # dates in the evaluator's time zone, Beijing time by default
    assert assessment.unit.name in page and "2026-01-02 11:04 Asia/Shanghai (UTC+08:00)" in page
    assert assessment.provenance.input_sha256 in page
    # every quote with a span links to a mark that exists
    targets = set(re.findall(r'class="to-span" href="#([^"]+)"', page))
    ids = set(re.findall(r'\bid="([^"]+)"', page))
    assert targets and targets <= ids
    # every dimension has its indicator table with headers
    assert page.count('<table class="indicators">') == sum(1 for d in assessment.dimensions if d.indicators)
    assert '<th scope="col" class="num">贡献 <span class="en" lang="en">Contribution</span></th>' in page
    english = render_html([(assessment, document)], generated=WHEN, lang="en", tz="UTC")
    assert '<html lang="en">' in english and "2026-01-02 03:04 UTC" in english
    assert '<th scope="col" class="num">Contribution <span class="en" lang="zh-Hans">贡献</span></th>' in english
    for finding in assessment.audit:
        assert htmllib.escape(finding.arithmetic, quote=False) in page


def test_page_has_no_external_reference(seed_scored: tuple[Assessment, Document, bool]) -> None:
    assessment, document, _ = seed_scored
    page = render_html([(assessment, document)], generated=WHEN)
    assert "http://" not in page and "https://" not in page
    assert not re.search(r'\b(?:src|href)="(?!#)', page)
    assert "<link" not in page and "@import" not in page and "url(" not in page


def test_the_text_of_a_report_cannot_inject_markup(seed_scored: tuple[Assessment, Document, bool]) -> None:
    assessment, document, _ = seed_scored
    evil = malicious(assessment, document)
    page = render_html([evil], generated=WHEN)
    for payload in PAYLOADS:
        if set(payload) & set("<>&\""):
            assert payload not in page  # never verbatim: always escaped
        assert str(escape(payload)) in page
    assert page.count("<script") == 1  # ours only
    assert "<img" not in page and "<a href=\"javascript" not in page
    assert not re.search(r"<[^>]*\son\w+=", page)  # no event-handler attribute in any tag


def malicious(assessment: Assessment, document: Document) -> tuple[Assessment, Document]:
    """The seed with every payload in its text, its quotes, its unit name and its warnings."""
    text = "".join(PAYLOADS) + "\n" + document.original
    shift = len(text) - len(document.original)
    dims = []
    for d in assessment.dimensions:
        indicators = [
            evolve(i, evidence=[evolve(e, start=None if e.start is None else e.start + shift,
                                       end=None if e.end is None else e.end + shift) for e in i.evidence])
            for i in d.indicators
        ]
        dims.append(evolve(d, indicators=indicators))
    first = dims[0].indicators[0]
    evidence = [Evidence(p, text.index(p), text.index(p) + len(p)) for p in PAYLOADS]
    dims[0] = evolve(dims[0], indicators=[evolve(first, evidence=evidence + list(first.evidence)),
                                          *dims[0].indicators[1:]])
    unit = evolve(assessment.unit, name="恶意区" + PAYLOADS[0])
    evil = evolve(assessment, unit=unit, dimensions=dims, warnings=list(PAYLOADS),
                  audit=[evolve(f, quote=PAYLOADS[1], arithmetic=PAYLOADS[5], start=None, end=None)
                         for f in assessment.audit])
    return evil, evolve(document, original=text, text=text, offsets=())


def test_report_without_document_lists_quotes_without_links(seed_scored: tuple[Assessment, Document, bool]) -> None:
    assessment, _, _ = seed_scored
    page = render_html([(assessment, None)], generated=WHEN)
    assert 'class="to-span"' not in page and "Report text" not in page
    assert "“" in page  # the quotes are still listed


def test_withheld_overall_is_said_in_words(seed_scored: tuple[Assessment, Document, bool]) -> None:
    assessment, document, _ = seed_scored
    page = render_html([(evolve(assessment, overall=None, status="incomplete"), document)], generated=WHEN)
    assert "no overall score" in page and "withheld" in page


# -- several reports --------------------------------------------------------------------------------


def two_years(assessment: Assessment) -> list[tuple[Assessment, Document | None]]:
    """The seed as 2023, a weaker 2022 of the same unit, and another unit."""
    dims = [evolve(d, score=None if d.score is None else min(100.0, max(0.0, d.score - 7 * (i % 3) + 3)))
            for i, d in enumerate(assessment.dimensions)]
    first = dims[0]
    dims[0] = evolve(first, indicators=[evolve(first.indicators[0], score=10.0, raw=0.1), *first.indicators[1:]])
    older = evolve(assessment, unit=evolve(assessment.unit, year=2022), dimensions=dims,
                   overall=(assessment.overall or 0) - 4.2)
    other = evolve(assessment, unit=evolve(assessment.unit, name="某某县人民政府"), overall=55.0)
    return [(assessment, None), (older, None), (other, None)]


def test_several_reports_rank_heat_map_multiples_and_year_on_year(
    seed_scored: tuple[Assessment, Document, bool],
) -> None:
    assessment, _, _ = seed_scored
    page = render_html(two_years(assessment), generated=WHEN)
    for heading in ('id="ranking"', 'id="heatmap"', 'id="multiples"', 'id="year-on-year"', 'id="units"'):
        assert heading in page
    assert page.count('<svg class="chart bars"') == 3
    assert "2022 → 2023" in page
    assert "▲ up" in page and "▼ down" in page  # arrows and words, not colour only
    assert "Indicators that moved" in page and assessment.dimensions[0].indicators[0].id in page
    assert page.count('class="chart radar"') == 4  # three units and the comparison
    assert "不合格" in page  # the other unit is below the pass line


def test_rank_intervals_are_shown_when_uncertainty_ran(seed_scored: tuple[Assessment, Document, bool]) -> None:
    assessment, _, _ = seed_scored
    reports = two_years(assessment)
    names = [a.unit.name for a, _ in reports]
    years = [a.unit.year for a, _ in reports]
    analysis = SimpleNamespace(units=names, years=years, median_rank=np.array([1.0, 2.0, 3.0]),
                               rank_p05=np.array([1.0, 1.0, 2.0]), rank_p95=np.array([2.0, 3.0, 3.0]))
    page = render_html(reports, uncertainty=analysis, generated=WHEN)
    assert "Rank interval (5–95%)" in page and "</svg> 1–2 (1)</td>" in page and 'data-low="1" data-high="2"' in page


def panel_result(n: int = 4, years: tuple[int, ...] = (2023,)) -> PanelResult:
    codes = ("i1", "i2", "i3", "D1", "D2", "INDEX")
    rows = [(f"U{k}", y) for y in years for k in range(n)]
    rng = np.random.default_rng(1)
    scores = rng.uniform(0, 100, size=(len(rows), len(codes)))
    scores[0, 3] = np.nan
    ranks = np.argsort(np.argsort(-scores, axis=0), axis=0).astype(float) + 1
    return PanelResult(
        units=[u for u, _ in rows], years=[y for _, y in rows], codes=codes,
        parents=("D1", "D1", "D2", "INDEX", "INDEX", None), n_indicators=3, scores=scores, ranks=ranks,
        effective_weights=dict.fromkeys(codes, 0.5), contribution_codes=("D1", "D2"),
        contributions=scores[:, 3:5] / 2,
    )


def test_panel_page_with_uncertainty() -> None:
    result = panel_result()
    analysis = SimpleNamespace(units=result.units, years=result.years, median_rank=np.array([1.0, 2, 3, 4]),
                               rank_p05=np.array([1.0, 1, 2, 3]), rank_p95=np.array([2.0, 3, 4, 4]))
    page = render_panel_html(result, analysis, names={"U0": "<b>甲市</b>"}, generated=WHEN)
    assert "&lt;b&gt;甲市&lt;/b&gt;" in page and "<b>甲市" not in page
    assert "Rank interval (5–95%)" in page
    assert page.count('<svg class="chart bars"') == 4
    assert "不合格" not in page  # panel scores are relative: no pass line


def test_panel_with_two_years_compares_them() -> None:
    page = render_panel_html(panel_result(3, (2022, 2023)), generated=WHEN)
    assert page.count("2022 → 2023") == 3 and "Ranks are within each year" in page


# -- command line ----------------------------------------------------------------------------------


def test_cli_score_writes_html(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    assert main(["score", "--format", "html", "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and 'class="report-text"' in page and "<mark" in page


def test_cli_score_table_writes_html(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[1] / "data"
    out = tmp_path / "table.html"
    args = ["score-table", str(root / "observations" / "provincial.json"),
            "--framework", str(root / "frameworks" / "ningxia-2015-style.json"), "--format", "html", "-o", str(out)]
    assert main(args) == 0
    page = out.read_text(encoding="utf-8")
    assert 'id="ranking"' in page and 'id="heatmap"' in page
