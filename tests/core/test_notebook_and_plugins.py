"""The Python API for notebooks (to_dict/from_dict, a short repr, HTML in a notebook, DataFrames),
the words of every status and grade in both languages, and plugins that change scores: what each
contributed in every output, and a framework that pins its dimensions."""

from __future__ import annotations

import json
import typing
from pathlib import Path

import pluggy
import pytest
from fake_dimensions import WellBehaved

import lawgov_score
from lawgov_score.errors import InputError
from lawgov_score.framework import load_framework
from lawgov_score.model.assessment import Assessment, AssessmentStatus, DimensionStatus, IndicatorStatus
from lawgov_score.render.words import STATUS_NAMES, TASK_GRADE_NAMES, status_text, task_grade_legend
from lawgov_score.scoring import score_table
from lawgov_score.scoring.explain import STATUS_WORDS


def test_an_assessment_round_trips_and_prints_in_one_line(seed_assessment: Assessment) -> None:
    data = seed_assessment.to_dict()
    assert Assessment.from_dict(data) == seed_assessment
    assert Assessment.from_dict(json.loads(seed_assessment.to_json())) == seed_assessment
    text = repr(seed_assessment)
    assert len(text) < 200 and "\n" not in text
    assert text.startswith("<Assessment 深圳市宝安区人民政府 2023: overall 52.3 (partial), 10 dimensions")
    assert len(repr(seed_assessment.dimensions[0])) < 120
    with pytest.raises(Exception, match="overall"):
        Assessment.from_dict({**data, "overall": "high"})


def test_a_notebook_shows_the_radar_and_the_ranking(seed_assessment: Assessment) -> None:
    page = seed_assessment._repr_html_()
    assert page.count('class="axis"') == 10 and "<table" in page and "52.3" in page
    many = lawgov_score.Assessments([seed_assessment])
    assert repr(many) == "<Assessments: 1 units>" and "<table" in many._repr_html_()
    assert json.loads(many.to_json())["kind"] == "assessments"


def test_which_indicators_are_missing_is_one_line(seed_assessment: Assessment) -> None:
    frame = lawgov_score.to_frame([seed_assessment], level="indicator")
    missing = frame[frame.status == "missing"].groupby("indicator").size()
    assert "d7.litigation_loss_rate" in missing.index
    warnings = lawgov_score.to_frame(seed_assessment, level="warning")
    assert set(warnings.code) >= {"outcome.undisclosed", "measure.unstated"}
    dims = lawgov_score.to_frame([seed_assessment])
    assert list(dims.dimension) == [f"D{i}" for i in range(1, 11)] and dims.overall.iloc[0] == seed_assessment.overall
    assert list(lawgov_score.to_frame([seed_assessment], level="assessment").columns)[:3] == ["unit", "year", "level"]
    with pytest.raises(ValueError, match="level must be one of"):
        lawgov_score.to_frame([seed_assessment], level="unit")  # type: ignore[arg-type]


def test_every_status_and_grade_has_words_in_both_languages() -> None:
    statuses = {s for kind in (IndicatorStatus, DimensionStatus, AssessmentStatus) for s in typing.get_args(kind)}
    assert statuses <= set(STATUS_NAMES) and statuses <= set(STATUS_WORDS)
    for status in statuses:
        zh, en = STATUS_NAMES[status]
        assert zh and en and status_text(status, "zh") != status_text(status, "en")
    from lawgov_score.assess.build import TASK_GRADES

    assert set(TASK_GRADES) == set(TASK_GRADE_NAMES)
    assert [e.term for e in task_grade_legend("zh")] == ["未体现", "仅提及", "有举措", "有量化", "多处量化"]


def write(tmp_path: Path, data: dict[str, object]) -> Path:
    path = tmp_path / "framework.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_pinned_framework_leaves_out_an_installed_dimension(tmp_path: Path, bare_pm: pluggy.PluginManager) -> None:
    bare_pm.register(WellBehaved())  # installs X1 and X2
    pinned = write(tmp_path, {"id": "pinned", "pinned_dimensions": ["X1"]})
    framework = load_framework(pinned, bare_pm)
    assert [d.code for d in framework.dimensions] == ["X1"] and framework.left_out == ("X2",)
    values = tmp_path / "values.csv"
    values.write_text("unit,x1.rate,x2.loss_rate\n甲,0.9,0.1\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"unknown indicator 'x2\.loss_rate'"):
        score_table(values, pinned, pm=bare_pm)
    values.write_text("unit,x1.rate\n甲,0.9\n", encoding="utf-8")
    [assessment], _ = score_table(values, pinned, pm=bare_pm)
    [warning] = [w for w in assessment.warnings if w.code == "framework.pinned"]
    assert "X2 left out" in warning.message and "X2未计入" in warning.message_zh
    unpinned = score_table(values, write(tmp_path, {"id": "open"}), pm=bare_pm)[0][0]
    assert [d.code for d in unpinned.dimensions] == ["X1", "X2"]
    assert not [w for w in unpinned.warnings if w.code == "framework.pinned"]


def test_a_pinned_dimension_that_is_not_there_is_an_error(tmp_path: Path, bare_pm: pluggy.PluginManager) -> None:
    bare_pm.register(WellBehaved())
    with pytest.raises(InputError) as caught:
        load_framework(write(tmp_path, {"id": "p", "pinned_dimensions": ["X1", "D4"]}), bare_pm)
    assert caught.value.location == "$.pinned_dimensions" and "D4" in caught.value.message
    with pytest.raises(InputError, match="defined in the file but not pinned"):
        load_framework(write(tmp_path, {"id": "p", "pinned_dimensions": ["X1"],
                                        "dimensions": [{"code": "X2", "weight": 2}]}), bare_pm)


def test_every_output_names_the_framework_and_what_each_plugin_contributed(seed_assessment: Assessment) -> None:
    from lawgov_score.render.assessments import Options, render
    from lawgov_score.scoring import rank

    contributed = {p.name: p.dimensions for p in seed_assessment.provenance.plugins}
    assert contributed["d07"] == ("D7",) and contributed["core_readers"] == ()
    ranking = rank([seed_assessment])
    for fmt in ("md", "html"):
        text = render([seed_assessment], ranking, fmt, Options())
        assert isinstance(text, str) and "cn-outline-2021-2025" in text and "d07 0.1.0 (D7)" in text, fmt
    payload = json.loads(str(render([seed_assessment], ranking, "json")))
    assert payload["assessments"][0]["provenance"]["plugins"][7]["dimensions"] == ["D7"]
