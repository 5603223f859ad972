"""Scored assessments as a ``rank`` input: JSON Lines and JSON, duplicates first, the content check."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from test_panel_cli import run as rank

from lawgov_score.errors import InputError, ValidationErrors
from lawgov_score.framework import default_framework
from lawgov_score.model.assessment import Assessment
from lawgov_score.model.serialise import to_dict
from lawgov_score.panel import Hierarchy, Panel
from lawgov_score.panel.io import load_panel
from lawgov_score.reading.document import read
from lawgov_score.schemas import validate
from lawgov_score.scoring import Scorer, score_document
from paths import DATA, SEED

PIPELINE = "reports"  # the built-in pipeline for scored reports


@pytest.fixture(scope="module")
def assessments() -> list[dict[str, Any]]:
    """The seed and the test reports, scored once, as the JSON-ready dicts the library writes."""
    scorer = Scorer.create()
    paths = [SEED, *sorted((DATA / "reports").glob("*.txt"))]
    return [to_dict(score_document(read(p, plugin_manager=scorer.plugin_manager,
                                        dimensions=scorer.framework.dimensions), scorer)) for p in paths]


def write_lines(path: Path, items: list[Any]) -> Path:
    path.write_text("".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items), encoding="utf-8")
    return path


def test_json_lines_json_and_attrs_assessments_give_one_panel(assessments: list[dict[str, Any]],
                                                              tmp_path: Path) -> None:
    """The content check keeps exactly what the rebuilt Assessments would give the panel."""
    from lawgov_score.model.serialise import from_dict

    lines = load_panel(write_lines(tmp_path / "a.jsonl", assessments))
    collection = tmp_path / "a.json"
    collection.write_text(json.dumps({"kind": "assessments", "assessments": assessments, "ranking": []},
                                     ensure_ascii=False), encoding="utf-8")
    document = load_panel(collection, validate=True)
    rebuilt = Panel.from_assessments([from_dict(Assessment, a) for a in assessments],
                                     hierarchy=Hierarchy.from_framework(default_framework()))
    for panel in (document, rebuilt):
        assert panel.units == lines.units and panel.years == lines.years and panel.indicators == lines.indicators
        assert np.array_equal(panel.values, lines.values, equal_nan=True)
        assert panel.meta == lines.meta
    assert lines.units[0] == "深圳市宝安区人民政府" and lines.years[0] == 2023
    # the panel holds indicator scores, so a ranking reproduces the report's own arithmetic
    seed_indicator = next(i for i in assessments[0]["dimensions"][0]["indicators"]
                          if i["id"] == "d1.first_agenda_study_sessions")
    assert seed_indicator["raw"] == 56.0
    assert lines.values[0, lines.indicators.index("d1.first_agenda_study_sessions")] == seed_indicator["score"]


def test_rank_of_json_lines_matches_json_and_validates(assessments: list[dict[str, Any]], tmp_path: Path) -> None:
    source = write_lines(tmp_path / "a.jsonl", assessments)
    collection = tmp_path / "a.json"
    collection.write_text(json.dumps({"assessments": assessments, "ranking": []}, ensure_ascii=False),
                          encoding="utf-8")
    outputs = []
    for name, given in (("lines", source), ("json", collection)):
        out = tmp_path / f"{name}.json"
        assert rank(str(given), "--pipeline", str(PIPELINE), "--validate", "-o", str(out)) == 0
        outputs.append(json.loads(out.read_text(encoding="utf-8")))
    assert outputs[0] == outputs[1]
    validate(outputs[0], "panel-result")
    seed = next(u for u in outputs[0]["units"] if u["unit"] == "深圳市宝安区人民政府")
    assert seed["scores"][outputs[0]["index"]] == pytest.approx(assessments[0]["overall"], abs=1e-9)


def test_a_duplicate_names_both_lines_before_the_schema_check(assessments: list[dict[str, Any]],
                                                              tmp_path: Path) -> None:
    """Line 2 breaks the schema but not the content check; the duplicate on line 4 is reported first."""
    broken = json.loads(json.dumps(assessments[1]))
    broken["status"] = "unheard-of"
    source = write_lines(tmp_path / "dup.jsonl", [assessments[0], broken, assessments[2], assessments[0]])
    out = tmp_path / "out.json"
    with pytest.raises(InputError) as caught:
        rank(str(source), "--pipeline", str(PIPELINE), "--validate", "-o", str(out))
    assert caught.value.location == "line 4"
    assert "a second assessment of 深圳市宝安区人民政府 (2023); the first is at line 1" in str(caught.value)
    assert not out.exists()
    # without the duplicate, --validate finds the schema error with its line and path
    write_lines(source, [assessments[0], broken])
    with pytest.raises(ValidationErrors) as invalid:
        rank(str(source), "--pipeline", str(PIPELINE), "--validate")
    assert [e.location for e in invalid.value.errors] == ["line 2: $.status"]
    # and without --validate the fields the ranking uses are fine, so it ranks
    assert rank(str(source), "--pipeline", str(PIPELINE), "-o", str(out)) == 0


def test_duplicates_in_a_json_collection_are_named_by_path(assessments: list[dict[str, Any]],
                                                           tmp_path: Path) -> None:
    source = tmp_path / "dup.json"
    source.write_text(json.dumps({"assessments": [assessments[1], assessments[0], assessments[1]]},
                                 ensure_ascii=False), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_panel(source)
    assert caught.value.location == "$.assessments[2]"
    assert "the first is at $.assessments[0]" in caught.value.message


@pytest.mark.parametrize(("edit", "location", "message"), [
    (lambda a: a["dimensions"][1]["indicators"][0].update(raw="7"), "line 2: $.dimensions[1].indicators[0].raw",
     'expected a number or null, got "7"'),
    (lambda a: a["unit"].update(year="2023"), "line 2: $.unit.year", "expected an integer or null"),
    (lambda a: a.pop("unit"), "line 2: $", "required member 'unit' is missing"),
    (lambda a: a["dimensions"][0]["indicators"].append(a["dimensions"][0]["indicators"][0]),
     "line 2: $.dimensions[0].indicators[-1].id", "comes twice"),
])
def test_content_errors_name_line_and_path(assessments: list[dict[str, Any]], tmp_path: Path, edit: Any,
                                           location: str, message: str) -> None:
    bad = json.loads(json.dumps(assessments[1]))
    edit(bad)
    source = write_lines(tmp_path / "bad.jsonl", [assessments[0], bad])
    last = len(bad["dimensions"][0]["indicators"]) - 1  # "[-1]" stands for the appended duplicate
    with pytest.raises(InputError) as caught:
        load_panel(source)
    assert caught.value.location == location.replace("[-1]", f"[{last}]")
    assert message in caught.value.message


def test_malformed_and_blank_lines(assessments: list[dict[str, Any]], tmp_path: Path) -> None:
    source = tmp_path / "a.jsonl"
    first = json.dumps(assessments[0], ensure_ascii=False)
    source.write_text("\ufeff" + first + "\n\n" + json.dumps(assessments[1], ensure_ascii=False) + "\n\n",
                      encoding="utf-8")
    assert load_panel(source).shape[0] == 2  # a byte-order mark and blank lines are fine
    source.write_text(first + '\n{"unit": NaN}\n', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_panel(source)
    assert caught.value.location == "line 2" and "NaN" in caught.value.message
    source.write_text(first + "\n{oops\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_panel(source)
    assert caught.value.location == "line 2, column 2"
    source.write_text("\n", encoding="utf-8")
    with pytest.raises(InputError, match="no assessments"):
        load_panel(source)
