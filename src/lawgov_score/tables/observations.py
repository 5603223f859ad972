"""Indicator values (observations) from JSON, CSV or Excel, with errors that name the place.

A table comes in two shapes, told apart by its header:

* long: ``unit, year, indicator, value`` (and optionally ``level, region, quote, source``);
* wide: ``unit`` (and optionally ``year, level, region``), then one column per indicator id.

:func:`read_observations` is the one reader behind ``score-table`` (:func:`load_observations`,
which checks the ids against a framework) and ``rank`` (:func:`lawgov_score.panel.io.load_panel`).
"""

from __future__ import annotations

import os
from collections.abc import Collection
from pathlib import Path
from typing import Any

from attrs import field, frozen

from lawgov_score.errors import InputError
from lawgov_score.files import read_input
from lawgov_score.model import tuple_of
from lawgov_score.model.framework import Framework
from lawgov_score.model.observation import Evidence, Observation, Unit
from lawgov_score.tables.cells import cell_text, is_missing, number_at, parse_number, year_at
from lawgov_score.tables.sheets import Row, Table, read_table

UNIT_COLUMNS = ("unit", "year", "level", "region", "government_level")


@frozen
class Record:
    """One value of one indicator for one unit, and where the file gives it."""

    unit: Unit
    observation: Observation
    location: str


@frozen
class Observations:
    """Every value of a file, the units in the order they first appear (with their metadata:
    ``name``, ``year``, ``level``, ``region`` and a wide table's other columns), and its checksum."""

    source: str
    records: tuple[Record, ...] = field(converter=tuple_of)
    units: tuple[dict[str, Any], ...] = field(converter=tuple_of)
    sha256: str


@frozen
class ObservationTable:
    """Observations grouped by unit, in the order units first appear, and the file's checksum."""

    groups: list[tuple[Unit, list[Observation]]]
    sha256: str


def load_observations(path: str | os.PathLike[str], framework: Framework) -> ObservationTable:
    """Read a JSON, CSV or ``.xlsx`` observations file and check every indicator id against ``framework``."""
    read = read_observations(path)
    known = framework.indicator_index()
    groups: dict[tuple[str, int | None], tuple[Unit, list[Observation]]] = {}
    for record in read.records:
        if record.observation.indicator not in known:
            raise InputError(
                f"unknown indicator {record.observation.indicator!r}: framework {framework.id!r} has no such "
                "indicator (`lawgov-score framework` lists them)",
                read.source,
                record.location,
            )
        groups.setdefault((record.unit.name, record.unit.year), (record.unit, []))[1].append(record.observation)
    return ObservationTable(list(groups.values()), read.sha256)


def read_observations(
    path: str | os.PathLike[str], indicators: Collection[str] | None = None, *, metadata: bool = False
) -> Observations:
    """Read every value of an observations file: JSON (``schemas/observations.schema.json``), or a
    long or wide table in CSV or Excel (:func:`~lawgov_score.tables.sheets.read_table`).

    :param indicators: a wide table's indicator columns, when known (a hierarchy's).
    :param metadata: in a wide table, keep the columns that are not indicators as unit metadata
        (the panel denominates and imputes by them) — when ``indicators`` is not given, the
        columns whose cells are all numbers are the indicators. Without it, every column but
        the unit's is an indicator id.
    :raises InputError: the first fault, naming the file and the place; a value given twice.
    """
    source = os.fsdecode(path)
    if Path(source).suffix.lower() == ".json":
        read = _from_json(path, source)
    else:
        table = read_table(path)
        if table.is_long:
            records, units = _long(table)
        else:
            records, units = _wide(table, indicators, metadata)
        read = Observations(source, records, units, table.sha256)
    _check_once(read)
    return read


def _check_once(read: Observations) -> None:
    seen: dict[tuple[str, int | None, str], str] = {}
    for record in read.records:
        key = (record.unit.name, record.unit.year, record.observation.indicator)
        if key in seen:
            raise InputError(
                f"duplicate value for unit {record.unit.name!r} ({record.unit.year}), indicator "
                f"{record.observation.indicator!r} (first given at {seen[key]})",
                read.source,
                record.location,
            )
        seen[key] = record.location
    if not read.records:
        raise InputError("the file holds no observations", read.source)


# -- JSON ----------------------------------------------------------------------------------------


def _from_json(path: str | os.PathLike[str], source: str) -> Observations:
    import hashlib

    from lawgov_score.files import decode_utf8, parse_json
    from lawgov_score.schemas import validate

    raw = read_input(path)
    data = parse_json(decode_utf8(raw, source), source)
    validate(data, "observations", source)
    listed: dict[tuple[str, Any], dict[str, Any]] = {}
    for position, unit in enumerate(data.get("units", [])):
        key = (unit["name"], unit.get("year"))
        if key in listed:
            raise InputError(f"unit {unit['name']!r} ({unit.get('year')}) is listed twice", source,
                             f"$.units[{position}]")
        listed[key] = unit
    records: list[Record] = []
    units: dict[tuple[str, int | None], dict[str, Any]] = {}
    for position, obs in enumerate(data["observations"]):
        # A unit listed without a year describes the unit in every year.
        meta = listed.get((obs["unit"], obs.get("year"))) or listed.get((obs["unit"], None), {})
        unit = Unit(obs["unit"], obs.get("year"), meta.get("level"), meta.get("region"), meta.get("government_level"))
        units.setdefault((unit.name, unit.year), {**meta, "name": unit.name, "year": unit.year})
        value = None if obs["value"] is None else float(obs["value"])
        evidence = [Evidence(**e) for e in obs.get("evidence", [])]
        observation = Observation(obs["indicator"], value, unit.name, unit.year, evidence, obs.get("rule", ""))
        records.append(Record(unit, observation, f"$.observations[{position}].indicator"))
    return Observations(source, records, list(units.values()), hashlib.sha256(raw).hexdigest())


# -- tables --------------------------------------------------------------------------------------


def _unit(table: Table, row: Row) -> Unit:
    name = cell_text(row.cells["unit"])
    if not name:
        raise InputError("the unit is empty", table.source, table.where(row.number, "unit"))
    year = year_at(row.cells.get("year"), table.source, table.where(row.number, "year"))
    level = cell_text(row.cells.get("level")) or None
    region = cell_text(row.cells.get("region")) or None
    government_level = cell_text(row.cells.get("government_level")) or None
    return Unit(name, year, level, region, government_level)


def _unit_meta(unit: Unit, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    meta = {"name": unit.name, "year": unit.year, "level": unit.level, "region": unit.region,
            "government_level": unit.government_level}
    return {**meta, **(extra or {})}


def _long(table: Table) -> tuple[list[Record], list[dict[str, Any]]]:
    records: list[Record] = []
    units: dict[tuple[str, int | None], dict[str, Any]] = {}
    for row in table.rows:
        unit = _unit(table, row)
        units.setdefault((unit.name, unit.year), _unit_meta(unit))
        indicator = cell_text(row.cells["indicator"])
        if not indicator:
            raise InputError("the indicator is empty", table.source, table.where(row.number, "indicator"))
        value = number_at(row.cells["value"], table.source, table.where(row.number, "value"))
        quote = cell_text(row.cells.get("quote"))
        evidence = [Evidence(quote, source=cell_text(row.cells.get("source")) or None)] if quote else []
        observation = Observation(indicator, value, unit.name, unit.year, evidence)
        records.append(Record(unit, observation, table.where(row.number, "indicator")))
    return records, list(units.values())


def _wide(
    table: Table, indicators: Collection[str] | None, metadata: bool
) -> tuple[list[Record], list[dict[str, Any]]]:
    others = [c for c in table.header if c not in UNIT_COLUMNS]
    if not metadata:
        columns = others
    elif indicators is not None:
        absent = [c for c in indicators if c not in table.header]
        if absent:
            raise InputError(f"indicator columns not in the table: {', '.join(absent)}", table.source,
                             table.where(1))
        columns = [c for c in others if c in set(indicators)]
    else:
        columns = [c for c in others if _numeric(table, c)]
    records: list[Record] = []
    units: list[dict[str, Any]] = []
    for row in table.rows:
        unit = _unit(table, row)
        extra = {c: _meta_cell(row.cells[c]) for c in others if c not in columns}
        units.append(_unit_meta(unit, extra))
        for column in columns:
            value = number_at(row.cells[column], table.source, table.where(row.number, column))
            observation = Observation(column, value, unit.name, unit.year)
            records.append(Record(unit, observation, table.where(row.number, column)))
    return records, units


def _numeric(table: Table, column: str) -> bool:
    """Whether a column holds numbers (and blanks); one of text only is unit metadata.

    :raises InputError: a column of numbers with a cell that is no number (a typing slip, named
        with its place, rather than the whole column quietly taken for metadata).
    """
    numbers, texts = 0, []
    for row in table.rows:
        try:
            numbers += parse_number(row.cells[column]) is not None
        except ValueError:
            texts.append(row)
    if numbers and texts:
        number_at(texts[0].cells[column], table.source, table.where(texts[0].number, column))
    return numbers > 0 and not texts


def _meta_cell(cell: Any) -> Any:
    """A metadata cell: a number when it reads as one, else its text, ``None`` when blank."""
    if is_missing(cell):
        return None
    try:
        return parse_number(cell)
    except ValueError:
        return cell_text(cell)
