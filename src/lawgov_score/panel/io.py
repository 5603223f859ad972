"""Reading panel inputs and pipeline specs from files, with errors that name the file and place."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lawgov_score.errors import InputError
from lawgov_score.files import csv_records, decode_utf8, read_input, read_json
from lawgov_score.panel.assessments import is_lines_file, read_assessments
from lawgov_score.panel.data import Panel
from lawgov_score.panel.hierarchy import Hierarchy
from lawgov_score.panel.spec import PipelineSpec
from lawgov_score.schemas import detect_kind
from lawgov_score.schemas import validate as validate_schema

LONG_COLUMNS = {"unit", "indicator", "value"}


def read_csv(path: str | Path) -> list[dict[str, str]]:
    """Read a CSV file with a header row (UTF-8, a byte-order mark allowed); blank lines are skipped.

    :raises InputError: unreadable, empty, or a row with more or fewer cells than the header
        (a short row is an error, never a row of missing values).
    """
    source = str(path)
    records = [(number, cells) for number, cells in csv_records(decode_utf8(read_input(path), source), source) if cells]
    if not records:
        raise InputError("the CSV file is empty", source)
    header = records[0][1]
    repeated = sorted({name for name in header if header.count(name) > 1})
    if repeated:
        raise InputError(f"columns appear twice in the header: {repeated}", source, "row 1")
    rows = []
    for number, cells in records[1:]:
        if len(cells) != len(header):
            more_or_fewer = "more" if len(cells) > len(header) else "fewer"
            raise InputError(f"{len(cells)} cells, {more_or_fewer} than the {len(header)} columns of the header",
                             source, f"row {number}")
        rows.append(dict(zip(header, cells)))
    if not rows:
        raise InputError("the CSV file has no data rows", source)
    return rows


def load_panel(path: str | Path, hierarchy: Hierarchy | None = None, *, plugins: Any = None,
               validate: bool = False) -> Panel:
    """Read a panel: scored assessments (JSON Lines or JSON), an observations JSON, a long CSV
    (``unit, year, indicator, value``) or a wide CSV.

    :param path: the input file.
    :param hierarchy: the tree, which selects the indicator columns; for assessments it defaults
        to the installed framework's (built from ``plugins``).
    :param plugins: the plugin manager whose dimensions make the default framework.
    :param validate: check assessments against their full JSON Schema rather than the content
        check of the fields the panel uses (see :mod:`lawgov_score.panel.assessments`).
    :returns: the panel.
    :raises InputError: the file cannot be read as a panel.
    """
    source = str(path)
    if is_lines_file(path):
        return read_assessments(path, hierarchy or _framework_hierarchy(plugins), validate=validate)
    if Path(path).suffix.lower() == ".json":
        data = read_json(path)
        if detect_kind(data) == "assessment":
            return read_assessments(path, hierarchy or _framework_hierarchy(plugins), data=data, validate=validate)
        validate_schema(data, "observations", source)
        units = data.get("units", [])
        try:
            return Panel.from_long(data["observations"], hierarchy=hierarchy, units=units, source=source)
        except InputError as error:
            raise InputError(error.message, source, f"$.{error.location}" if error.location else None) from None
    rows = read_csv(path)
    if set(rows[0]) >= LONG_COLUMNS:
        return Panel.from_long(rows, hierarchy=hierarchy, source=source)
    return Panel.from_wide(rows, hierarchy=hierarchy, source=source)


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
