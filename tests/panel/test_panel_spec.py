"""The pipeline spec: schema validation with JSON paths, round trip, one-change reruns, plugins."""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pytest

from lawgov_score.errors import InputError, PluginError, ValidationErrors
from lawgov_score.panel import Hierarchy, Panel, PipelineSpec, coinr_example_spec, resolve_methods, run_pipeline
from lawgov_score.schemas import load_schema


def spec_document(hierarchy: Hierarchy) -> dict[str, Any]:
    return {
        "name": "asem",
        "hierarchy": hierarchy.to_list(),
        "weight_sets": {"conn-heavy": {"Conn": 2.0}},
        "steps": [
            {"step": "denominate"},
            {"step": "impute", "method": "group_mean", "group": "EurAsia_group"},
            {"step": "screen", "threshold": 0.9},
            {"step": "treat", "winmax": 5},
            {"step": "normalise", "method": "minmax", "params": {"low": 0, "high": 100}},
            {"step": "weight", "set": "framework"},
            {"step": "aggregate", "method": "arithmetic", "nodes": {"Index": {"method": "geometric"}}},
        ],
    }


def test_schema_identity() -> None:
    schema = load_schema("pipeline")
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == "https://lawgov-score.example/schemas/pipeline.schema.json"


def test_round_trip(asem_hierarchy: Hierarchy) -> None:
    document = spec_document(asem_hierarchy)
    spec = PipelineSpec.from_dict(document)
    again = PipelineSpec.from_dict(json.loads(json.dumps(spec.to_dict())))
    assert again == spec
    assert again.to_dict() == spec.to_dict()
    assert coinr_example_spec(asem_hierarchy).to_dict()["steps"][1] == {
        "step": "impute", "method": "group_mean", "group": "EurAsia_group"}


def test_all_errors_collected_with_json_paths(asem_hierarchy: Hierarchy) -> None:
    document = spec_document(asem_hierarchy)
    document["steps"][1]["method"] = "mode"
    document["steps"][2]["threshold"] = 1.5
    document["steps"][3]["colour"] = "red"
    document["steps"].append({"step": "shuffle"})
    with pytest.raises(ValidationErrors) as caught:
        PipelineSpec.from_dict(document, source="spec.json")
    locations = {error.location for error in caught.value.errors}
    assert {"$.steps[1].method", "$.steps[2].threshold", "$.steps[3]", "$.steps[7].step"} <= locations
    assert all(error.source == "spec.json" for error in caught.value.errors)
    assert "spec.json: $.steps[1].method" in str(caught.value)


def test_unknown_methods_and_repeated_steps_are_located(asem_hierarchy: Hierarchy) -> None:
    document = spec_document(asem_hierarchy)
    document["steps"][4]["method"] = "softmax"
    document["steps"][6]["nodes"]["Index"]["method"] = "median"
    document["steps"].append({"step": "weight", "set": "nope"})
    with pytest.raises(ValidationErrors) as caught:
        PipelineSpec.from_dict(document)
    locations = {error.location for error in caught.value.errors}
    assert {"$.steps[4].method", "$.steps[6].nodes.Index.method", "$.steps[7].step", "$.steps[7].set"} <= locations


def test_bad_hierarchy_is_an_input_error() -> None:
    with pytest.raises(InputError) as caught:
        PipelineSpec.from_dict({"hierarchy": [{"code": "a"}, {"code": "b"}], "steps": []})
    assert caught.value.location == "$.hierarchy"


def test_one_change_rerun(asem_panel: Panel) -> None:
    spec = coinr_example_spec()
    nominal = run_pipeline(asem_panel, spec)
    geometric = run_pipeline(asem_panel, spec.with_step("aggregate", method="geometric"))
    assert spec.step("aggregate") is not None and spec.step("aggregate").get("method") == "arithmetic"  # type: ignore[union-attr]
    assert not np.allclose(nominal.score("Index"), geometric.score("Index"))
    equal = run_pipeline(asem_panel, spec.with_step("weight", set="equal"))
    assert np.allclose(equal.score("Index"), nominal.score("Index"))  # ASEM weights are all 1


class FakeHook:
    """A hook relay with one plugin normaliser and one aggregator."""

    def lawgov_score_register_normalisers(self) -> list[dict[str, Any]]:
        return [{"halve": lambda x, **params: x / 2}]

    def lawgov_score_register_aggregators(self) -> list[dict[str, Any]]:
        return [{"maximum": lambda x, w, **params: np.nanmax(x, axis=1)}]


def test_plugin_methods(asem_panel: Panel, asem_hierarchy: Hierarchy) -> None:
    methods = resolve_methods(FakeHook())
    assert "halve" in methods.normalisers and "maximum" in methods.aggregators
    document = {"steps": [{"step": "normalise", "method": "halve"},
                          {"step": "aggregate", "method": "maximum"}]}
    with pytest.raises(ValidationErrors):
        PipelineSpec.from_dict(document)
    spec = PipelineSpec.from_dict(document, plugins=FakeHook())
    result = run_pipeline(asem_panel, spec, plugins=FakeHook())
    physical = [c for c in asem_hierarchy.children("Physical")]
    columns = [asem_panel.indicators.index(c) for c in physical]
    expected = np.nanmax(asem_panel.values[:, columns] / 2, axis=1)
    assert np.allclose(result.score("Physical"), expected)


def test_plugin_shadowing_a_builtin_is_refused() -> None:
    class Shadow(FakeHook):
        def lawgov_score_register_normalisers(self) -> list[dict[str, Any]]:
            return [{"minmax": lambda x, **params: x}]

    with pytest.raises(PluginError):
        resolve_methods(Shadow())


def test_a_weight_set_naming_an_unknown_node_is_an_error(asem_hierarchy: Hierarchy, asem_panel: Panel) -> None:
    """A misspelt node in a weight set is reported with its path, never left at its old weight."""
    document = spec_document(asem_hierarchy)
    document["weight_sets"]["conn-heavy"] = {"Conn": 2.0, "Connn": 3.0}
    document["steps"][5] = {"step": "weight", "set": "conn-heavy"}
    with pytest.raises(InputError) as caught:
        run_pipeline(asem_panel, PipelineSpec.from_dict(document), hierarchy=asem_hierarchy)
    assert caught.value.location == "$.weight_sets.conn-heavy.Connn"
    assert "Connn" in caught.value.message
