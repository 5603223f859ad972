"""The main job on the seed: gold metrics, evidence-backed scores, the gold audit findings."""

from __future__ import annotations

import json
from typing import Any

import pytest

from lawgov_score.model.assessment import Assessment
from lawgov_score.model.serialise import to_dict
from lawgov_score.schemas import validate
from lawgov_score.scoring import score_report
from paths import SEED

GOLD_STATUS = {"consistent": "consistent", "flagged": "inconsistent"}


def test_every_gold_metric_has_its_gold_value(seed_assessment: Assessment, gold: dict[str, Any]) -> None:
    expected = {f["metric"]: f["value"] for f in gold["facts"] if f["metric"]}
    found = {metric: seed_assessment.metrics.get(metric) for metric in expected}
    assert found == pytest.approx(expected)


def test_every_metric_quotes_its_gold_span(seed_assessment: Assessment, gold: dict[str, Any]) -> None:
    """Each gold metric's indicator cites evidence overlapping the gold quote."""
    by_id = {i.id: i for d in seed_assessment.dimensions for i in d.indicators}
    for fact in gold["facts"]:
        if fact["metric"]:
            [evidence] = by_id[fact["metric"]].evidence
            assert evidence.start is not None and evidence.end is not None
            assert evidence.start < fact["end"] and fact["start"] < evidence.end, fact["metric"]


def test_all_ten_dimensions_have_evidence_backed_scores(seed_assessment: Assessment) -> None:
    text = SEED.read_text(encoding="utf-8")
    assert [d.code for d in seed_assessment.dimensions] == [f"D{i}" for i in range(1, 11)]
    for dimension in seed_assessment.dimensions:
        assert dimension.score is not None and dimension.score > 0, dimension.code
        for indicator in dimension.indicators:
            if indicator.raw:  # a positive value must show where it came from
                assert indicator.evidence, indicator.id
                assert indicator.rule, indicator.id
            for evidence in indicator.evidence:
                assert text[evidence.start : evidence.end] == evidence.quote
    assert seed_assessment.overall is not None and 0 < seed_assessment.overall <= 100


def test_gold_audit_findings_are_reproduced(seed_assessment: Assessment, gold: dict[str, Any]) -> None:
    text = SEED.read_text(encoding="utf-8")
    for expected in gold["audit"]:
        start = text.index(expected["statement"])
        end = start + len(expected["statement"])
        matches = [
            a for a in seed_assessment.audit
            if a.check == expected["kind"] and a.start is not None and a.end is not None
            and a.start < end and start < a.end
        ]
        assert matches, expected["statement"]
        assert matches[0].status == GOLD_STATUS[expected["expect"]], (expected, matches[0])
        assert "=" in matches[0].arithmetic


def test_flagged_court_appearance_growth_shows_the_arithmetic(seed_assessment: Assessment) -> None:
    [finding] = [a for a in seed_assessment.audit if "出庭60次" in a.quote and a.check == "growth_implies_previous"]
    assert finding.status == "inconsistent"
    assert "60/1.0132 = 59.22" in finding.arithmetic and "59 -> +1.69%" in finding.arithmetic


def test_no_false_alarms_on_the_seed(seed_assessment: Assessment) -> None:
    """The only inconsistency the seed has is the flagged +1.32% growth."""
    flagged = [a.quote for a in seed_assessment.audit if a.status == "inconsistent"]
    assert flagged == ["行政机关负责人出庭60次,增长1.32%"]


def test_compliance_of_the_seed(seed_assessment: Assessment) -> None:
    d10 = {i.id: i for i in seed_assessment.dimension("D10").indicators}
    assert d10["d10.published_on_time"].raw == 1.0  # 2023-12-20, before 2024-04-01
    assert d10["d10.published_on_time"].evidence[0].quote == "2023年12月20日"
    assert d10["d10.required_elements"].raw == pytest.approx(0.8)  # no "other matters" part


def test_assessment_json_is_schema_valid_and_exact(seed_assessment: Assessment) -> None:
    data = to_dict(seed_assessment)
    validate(data, "assessment", "<seed>")
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert seed_assessment.provenance.input_sha256 == "2fd606c4b164a77b034b2773b1f79116ca313e2b1fdb6cc9ebccfa26ebd14685"


def test_a_dimension_the_report_is_silent_on_has_no_evidence() -> None:
    text = "2023年,本县扎实推进法治政府建设。\n一、加强行政复议工作\n全年办理行政复议案件120件,办结115件。\n"
    assessment = score_report(text=text)
    d6 = assessment.dimension("D6")
    assert d6.status == "no_evidence" and d6.score == 0
    assert any(note.code == "dimension.no_evidence" and "no sentence or fact" in note.message for note in d6.notes)
    assert assessment.dimension("D7").status != "no_evidence"
