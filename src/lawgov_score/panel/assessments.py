"""Scored assessments as a panel input: JSON Lines or JSON, duplicates found first, a content check.

A file of assessments is what this library wrote (``score --format jsonl`` or ``--format json``),
so by default it is not walked against the whole schema again: each assessment is parsed, the
fields the panel uses are checked for their types (:func:`unit_values`) and only those are kept —
no attrs :class:`~lawgov_score.model.assessment.Assessment` is rebuilt. A (unit, year) that
comes twice is an error naming both places as soon as the second is read. ``validate=True``
adds the full JSON Schema check of every assessment, after the duplicate check.

Places are ``line N`` in a JSON Lines file and ``$.assessments[i]`` in a JSON document; a
problem inside an assessment adds its JSON path (``line 7: $.dimensions[2].indicators[0].raw``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from lawgov_score.errors import InputError
from lawgov_score.files import _reject_constant, decode_utf8
from lawgov_score.panel.data import Panel, UnitValues, value_of_indicator
from lawgov_score.panel.hierarchy import Hierarchy

LINES_SUFFIXES = (".jsonl", ".ndjson")
Item = tuple[str, Any]
"""An assessment with its place in the file: ``("line 3", {...})``."""


def is_lines_file(path: str | Path) -> bool:
    """Whether ``path`` names a JSON Lines file (one JSON document per line), by its suffix."""
    return Path(path).suffix.lower() in LINES_SUFFIXES


def line_items(path: str | Path) -> Iterator[Item]:
    """The assessments of a JSON Lines file, parsed one line at a time; blank lines are skipped.

    :raises InputError: the file cannot be read, or a line is not UTF-8 or not JSON (with its
        line and column).
    """
    source = str(path)
    try:
        with open(path, "rb") as stream:
            for number, raw in enumerate(stream, 1):
                text = decode_utf8(raw, source) if number > 1 else decode_utf8(raw, source).lstrip("\ufeff")
                if not text.strip():
                    continue
                try:
                    yield f"line {number}", json.loads(text, parse_constant=_reject_constant)
                except json.JSONDecodeError as error:
                    raise InputError(f"malformed JSON: {error.msg}", source,
                                     f"line {number}, column {error.colno}") from None
                except ValueError as error:
                    raise InputError(str(error), source, f"line {number}") from None
    except OSError as error:
        raise InputError(f"cannot read the file: {error.strerror}", source) from None


def document_items(data: Any) -> Iterator[Item]:
    """The assessments of a parsed JSON document: one assessment, a list, or ``{"assessments": [...]}``."""
    if isinstance(data, dict) and "assessments" in data:
        items = data["assessments"]
        if not isinstance(items, list):
            yield "$.assessments", items  # reported by the content check as not an object
            return
        yield from ((f"$.assessments[{i}]", item) for i, item in enumerate(items))
    elif isinstance(data, list):
        yield from ((f"$[{i}]", item) for i, item in enumerate(data))
    else:
        yield "$", data


def _fail(message: str, source: str, place: str, path: str) -> InputError:
    return InputError(message, source, f"{place}: {path}" if place.startswith("line") else place + path[1:])


# the JSON types the content check accepts, by the words its messages use
_TYPES: dict[str, tuple[type, ...]] = {
    "an object": (dict,), "an array": (list,), "a string": (str,), "a string or null": (str, type(None)),
    "an integer or null": (int, type(None)), "a number or null": (int, float, type(None)),
}


def _member(item: Any, key: str, expected: str, source: str, place: str, path: str, required: bool = True) -> Any:
    # the member ``key`` of a JSON object, of the type named by ``expected`` (a key of _TYPES)
    if key not in item:
        if required:
            raise _fail(f"required member {key!r} is missing", source, place, path)
        return None
    value = item[key]
    if isinstance(value, bool) or not isinstance(value, _TYPES[expected]):
        raise _fail(f"expected {expected}, got {json.dumps(value, ensure_ascii=False)[:80]}", source, place,
                    f"{path}.{key}")
    return value


def unit_values(item: Any, source: str, place: str) -> UnitValues:
    """What the panel takes from one assessment, its types checked: the unit, year, level and
    region, and each indicator's value (:func:`~lawgov_score.panel.data.value_of_indicator`: its
    score, or an adverse indicator's points).

    :param item: the parsed assessment.
    :param source: the file, for errors.
    :param place: where the assessment is in it.
    :returns: the unit's row.
    :raises InputError: a field the panel uses is missing or of the wrong type, or an indicator
        comes twice; the message names the place and the JSON path.
    """
    if not isinstance(item, dict):
        raise _fail("expected an assessment (a JSON object)", source, place, "$")
    unit = _member(item, "unit", "an object", source, place, "$")
    name = _member(unit, "name", "a string", source, place, "$.unit")
    year = _member(unit, "year", "an integer or null", source, place, "$.unit", required=False)
    meta = {key: _member(unit, key, "a string or null", source, place, "$.unit", required=False)
            for key in ("level", "region")}
    values: dict[str, float] = {}
    dimensions = _member(item, "dimensions", "an array", source, place, "$")
    for d, dimension in enumerate(dimensions):
        path = f"$.dimensions[{d}]"
        if not isinstance(dimension, dict):
            raise _fail("expected a dimension score (a JSON object)", source, place, path)
        for i, indicator in enumerate(_member(dimension, "indicators", "an array", source, place, path, False) or ()):
            where = f"{path}.indicators[{i}]"
            if not isinstance(indicator, dict):
                raise _fail("expected an indicator score (a JSON object)", source, place, where)
            code = _member(indicator, "id", "a string", source, place, where)
            raw = _member(indicator, "raw", "a number or null", source, place, where)
            score = _member(indicator, "score", "a number or null", source, place, where)
            kind = _member(indicator, "kind", "a string", source, place, where)
            status = _member(indicator, "status", "a string", source, place, where)
            if code in values:
                raise _fail(f"indicator {code!r} comes twice in this assessment", source, place, f"{where}.id")
            value = value_of_indicator(kind, status, raw, score)
            values[code] = float("nan") if value is None else value
    return UnitValues(name, year, values, meta)


def read_rows(items: Iterable[Item], source: str) -> list[UnitValues]:
    """Check every assessment's content and keep its row, stopping at the first (unit, year) seen twice.

    :param items: the assessments with their places.
    :param source: the file, for errors.
    :returns: one row per assessment, in file order.
    :raises InputError: a content error, or a duplicate naming both places.
    """
    rows: list[UnitValues] = []
    first: dict[tuple[str, int | None], str] = {}
    for place, item in items:
        row = unit_values(item, source, place)
        key = (row.name, row.year)
        if key in first:
            year = "no year" if row.year is None else row.year
            raise InputError(f"a second assessment of {row.name} ({year}); the first is at {first[key]}",
                             source, place)
        first[key] = place
        rows.append(row)
    if not rows:
        raise InputError("the file holds no assessments", source)
    return rows


def validate_items(items: Iterable[Item], source: str) -> None:
    """The full JSON Schema check of every assessment (``--validate``); stops at the first invalid one.

    :raises ValidationErrors: every error of the first invalid assessment, each with its place and path.
    """
    from lawgov_score.schemas import validate

    for place, item in items:
        validate(item, "assessment", source, definition="Assessment", place=place)


def read_assessments(path: str | Path, hierarchy: Hierarchy, *, data: Any = None, validate: bool = False) -> Panel:
    """A panel of one row per assessment from a JSON Lines file or a parsed JSON document.

    :param path: the file (JSON Lines are read a line at a time).
    :param hierarchy: the tree whose indicators are the columns.
    :param data: the parsed document, for a JSON file already read.
    :param validate: also check every assessment against the full schema.
    :returns: the panel.
    :raises InputError: the file is not a readable set of distinct assessments.
    """
    source = str(path)

    def items() -> Iterator[Item]:
        return line_items(path) if data is None else document_items(data)

    rows = read_rows(items(), source)
    if validate:
        if data is None:
            validate_items(items(), source)
        else:
            from lawgov_score.schemas import validate as validate_document

            validate_document(data, "assessment", source)
    return Panel.from_units(rows, hierarchy=hierarchy, source=source)
