"""Reading panel inputs and pipeline specs from files, with errors that name the file and place."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lawgov_score.files import read_json
from lawgov_score.panel.assessments import is_lines_file, read_assessments
from lawgov_score.panel.data import Panel
from lawgov_score.panel.hierarchy import Hierarchy
from lawgov_score.panel.spec import PipelineSpec
from lawgov_score.schemas import detect_kind


def load_panel(path: str | Path, hierarchy: Hierarchy | None = None, *, plugins: Any = None,
               validate: bool = False) -> Panel:
    """Read a panel: scored assessments (JSON Lines or JSON), or observations — JSON, or a long or
    wide table in CSV or Excel — through the one reader of observations
    (:func:`lawgov_score.tables.read_observations`), which ``score-table`` uses too.

    :param path: the input file.
    :param hierarchy: the tree, which selects the indicator columns of a wide table (the other
        columns are unit metadata); for assessments it defaults to the installed framework's
        (built from ``plugins``).
    :param plugins: the plugin manager whose dimensions make the default framework.
    :param validate: check assessments against their full JSON Schema rather than the content
        check of the fields the panel uses (see :mod:`lawgov_score.panel.assessments`).
    :returns: the panel.
    :raises InputError: the file cannot be read as a panel.
    """
    from lawgov_score.tables import read_observations

    source = str(path)
    if is_lines_file(path):
        return read_assessments(path, hierarchy or _framework_hierarchy(plugins), validate=validate)
    if Path(path).suffix.lower() == ".json":
        data = read_json(path)
        if detect_kind(data) == "assessment":
            return read_assessments(path, hierarchy or _framework_hierarchy(plugins), data=data, validate=validate)
    read = read_observations(path, hierarchy.indicators if hierarchy is not None else None, metadata=True)
    rows = [{"unit": r.unit.name, "year": r.unit.year, "indicator": r.observation.indicator,
             "value": r.observation.value} for r in read.records]
    return Panel.from_long(rows, hierarchy=hierarchy, units=read.units, source=source)


def is_assessments_file(path: str | Path) -> bool:
    """Whether ``path`` holds scored assessments: JSON Lines, or JSON written by ``score``."""
    if is_lines_file(path):
        return True
    return Path(path).suffix.lower() == ".json" and detect_kind(read_json(path)) == "assessment"


def _framework_hierarchy(plugins: Any) -> Hierarchy:
    # scored reports are ranked on the framework they were scored on, unless told otherwise
    from lawgov_score.framework import default_framework

    return Hierarchy.from_framework(default_framework(plugins))


def load_spec(path: str | Path, plugins: Any = None) -> PipelineSpec:
    """Read and validate a pipeline spec file.

    :param path: the JSON file.
    :param plugins: plugin manager whose methods the spec may name.
    :returns: the spec.
    :raises InputError: not JSON, or not a valid spec (every error with its JSON path).
    """
    return PipelineSpec.from_dict(read_json(path), source=str(path), plugins=plugins)
