"""Reading panel inputs and pipeline specs from files, with errors that name the file and place."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lawgov_score.files import read_json
from lawgov_score.panel.data import Panel
from lawgov_score.panel.hierarchy import Hierarchy
from lawgov_score.panel.spec import PipelineSpec
from lawgov_score.schemas import detect_kind, validate


def load_panel(path: str | Path, hierarchy: Hierarchy | None = None) -> Panel:
    """Read a panel: assessments JSON (``lawgov-score score --format json``), or observations — JSON,
    or a long or wide table in CSV or Excel — through the one reader of observations
    (:func:`lawgov_score.tables.read_observations`), which ``score-table`` uses too.

    :param path: the input file.
    :param hierarchy: the tree, which selects the indicator columns of a wide table (the other
        columns are unit metadata).
    :returns: the panel.
    :raises InputError: the file cannot be read as a panel.
    """
    from lawgov_score.tables import read_observations

    source = str(path)
    if Path(path).suffix.lower() == ".json":
        data = read_json(path)
        if detect_kind(data) == "assessment":
            return _from_assessments(data, source, hierarchy)
    read = read_observations(path, hierarchy.indicators if hierarchy is not None else None, metadata=True)
    rows = [{"unit": r.unit.name, "year": r.unit.year, "indicator": r.observation.indicator,
             "value": r.observation.value} for r in read.records]
    return Panel.from_long(rows, hierarchy=hierarchy, units=read.units, source=source)


def is_assessments_file(path: str | Path) -> bool:
    """Whether ``path`` is a JSON file of assessments (``lawgov-score score --format json``)."""
    return Path(path).suffix.lower() == ".json" and detect_kind(read_json(path)) == "assessment"


def _from_assessments(data: Any, source: str, hierarchy: Hierarchy | None) -> Panel:
    """One row per assessment, each indicator's raw value: reports scored once, then ranked together."""
    from lawgov_score.model.assessment import Assessment
    from lawgov_score.model.serialise import from_dict

    validate(data, "assessment", source)
    items = data["assessments"] if isinstance(data, dict) and "assessments" in data else [data]
    return Panel.from_assessments([from_dict(Assessment, item) for item in items], hierarchy=hierarchy)


def load_spec(path: str | Path, plugins: Any = None) -> PipelineSpec:
    """Read and validate a pipeline spec file.

    :param path: the JSON file.
    :param plugins: plugin manager whose methods the spec may name.
    :returns: the spec.
    :raises InputError: not JSON, or not a valid spec (every error with its JSON path).
    """
    return PipelineSpec.from_dict(read_json(path), source=str(path), plugins=plugins)
