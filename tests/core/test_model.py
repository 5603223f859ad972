"""The attrs model and its JSON Schemas agree, and assessments round-trip through JSON exactly."""

from __future__ import annotations

import json

import attrs
import pluggy
import pytest
from fake_dimensions import WellBehaved

from lawgov_score.model import assessment as assessment_model
from lawgov_score.model import observation as observation_model
from lawgov_score.model.assessment import Assessment
from lawgov_score.model.framework import Indicator
from lawgov_score.model.observation import Observation, Unit
from lawgov_score.model.serialise import from_dict, to_dict
from lawgov_score.schemas import load_schema, validate
from lawgov_score.scoring import score_table

ASSESSMENT_CLASSES = [
    assessment_model.Assessment,
    assessment_model.DimensionScore,
    assessment_model.IndicatorScore,
    assessment_model.Failure,
    assessment_model.AuditFinding,
    assessment_model.PluginVersion,
    assessment_model.Provenance,
    observation_model.Unit,
    observation_model.Evidence,
]


@pytest.mark.parametrize("cls", ASSESSMENT_CLASSES, ids=lambda c: c.__name__)
def test_assessment_schema_matches_attrs_class(cls: type) -> None:
    """Every field of the class is in its schema definition, required exactly when it has no default."""
    definition = load_schema("assessment")["$defs"][cls.__name__]
    fields = attrs.fields(cls)
    assert set(definition["properties"]) == {f.name for f in fields}
    assert set(definition["required"]) == {f.name for f in fields if f.default is attrs.NOTHING}


@pytest.mark.parametrize("cls", [observation_model.Unit, observation_model.Evidence], ids=lambda c: c.__name__)
def test_observation_schema_matches_attrs_class(cls: type) -> None:
    definition = load_schema("observations")["$defs"][cls.__name__]
    assert set(definition["properties"]) == {f.name for f in attrs.fields(cls)}


def test_framework_schema_knows_every_indicator_field() -> None:
    """A framework file can set every field of an Indicator."""
    definition = load_schema("framework")["$defs"]["Indicator"]
    assert {f.name for f in attrs.fields(Indicator)} <= set(definition["properties"])


def _sample_assessments(bare_pm: pluggy.PluginManager) -> list[Assessment]:
    bare_pm.register(WellBehaved())
    units = [
        (Unit("甲区", 2023, "district", "广东省"), [Observation("x1.rate", 0.9), Observation("x2.loss_rate", 0.05)]),
        (Unit("乙区", 2023), [Observation("x1.count", 12.0), Observation("x2.disputed", 0.3)]),
    ]
    assessments, _ = score_table(units, pm=bare_pm)
    return assessments


def test_assessment_round_trips_exactly(bare_pm: pluggy.PluginManager) -> None:
    for assessment in _sample_assessments(bare_pm):
        text = json.dumps(to_dict(assessment), ensure_ascii=False)
        assert from_dict(Assessment, json.loads(text)) == assessment


def test_assessment_json_validates(bare_pm: pluggy.PluginManager) -> None:
    for assessment in _sample_assessments(bare_pm):
        validate(to_dict(assessment), "assessment", "<test>")
