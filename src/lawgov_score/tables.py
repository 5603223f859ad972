"""Reading indicator values (observations) from JSON or CSV, with errors that name the place.

CSV comes in two shapes, told apart by the header:

* long: ``unit, year, indicator, value`` (and optionally ``level, region, quote, source``);
* wide: ``unit`` (and optionally ``year, level, region``), then one column per indicator id.
"""

from __future__ import annotations

import hashlib
import math
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from attrs import frozen

from lawgov_score.errors import InputError
from lawgov_score.files import csv_records, decode_utf8, parse_json, read_input
from lawgov_score.model.framework import Framework
from lawgov_score.model.observation import Evidence, Observation, Unit
from lawgov_score.schemas import validate

UNIT_COLUMNS = ("unit", "year", "level", "region")
LONG_COLUMNS = ("unit", "indicator", "value")


@frozen
class ObservationTable:
    """Observations grouped by unit, in the order units first appear, and the file's checksum."""

    groups: list[tuple[Unit, list[Observation]]]
    sha256: str


def load_observations(path: str | os.PathLike[str], framework: Framework) -> ObservationTable:
    """Read a JSON or CSV observations file and check every indicator id against ``framework``."""
    source = str(path)
    raw = read_input(path)
    digest = hashlib.sha256(raw).hexdigest()
    if Path(path).suffix.lower() == ".csv":
        rows = list(_csv_rows(raw, source))
    else:
        data = parse_json(decode_utf8(raw, source), source)
        validate(data, "observations", source)
        _check_duplicate_units(data, source)
        rows = list(_json_rows(data))
    return ObservationTable(_group(rows, framework, source), digest)


@frozen
class _Row:
    unit: Unit
    observation: Observation
    location: str


def _json_rows(data: dict[str, Any]) -> Iterator[_Row]:
    units = {(u["name"], u.get("year")): u for u in data.get("units", [])}
    for position, obs in enumerate(data["observations"]):
        meta = units.get((obs["unit"], obs.get("year")), {})
        unit = Unit(obs["unit"], obs.get("year"), meta.get("level"), meta.get("region"))
        evidence = [Evidence(**e) for e in obs.get("evidence", [])]
        observation = Observation(
            obs["indicator"], _float(obs["value"]), obs["unit"], obs.get("year"), evidence, obs.get("rule", "")
        )
        yield _Row(unit, observation, f"$.observations[{position}].indicator")


def _check_duplicate_units(data: dict[str, Any], source: str) -> None:
    seen: set[tuple[str, Any]] = set()
    for position, unit in enumerate(data.get("units", [])):
        key = (unit["name"], unit.get("year"))
        if key in seen:
            raise InputError(
                f"unit {unit['name']!r} ({unit.get('year')}) is listed twice", source, f"$.units[{position}]"
            )
        seen.add(key)


def _float(value: Any) -> float | None:
    return None if value is None else float(value)


def _csv_rows(raw: bytes, source: str) -> Iterator[_Row]:
    records = csv_records(decode_utf8(raw, source), source)
    header = [name.strip() for name in records[0][1]] if records else []
    if not header or "unit" not in header:
        raise InputError('the CSV needs a header row with a "unit" column', source, "row 1")
    if len(set(header)) != len(header):
        duplicate = next(name for name in header if header.count(name) > 1)
        raise InputError(f"column {duplicate!r} appears twice in the header", source, "row 1")
    is_long = all(column in header for column in LONG_COLUMNS)
    for number, cells in records[1:]:
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(header):
            raise InputError(f"{len(cells)} cells but the header has {len(header)} columns", source, f"row {number}")
        record = dict(zip(header, (cell.strip() for cell in cells)))
        unit = _csv_unit(record, source, number)
        if is_long:
            yield _long_row(record, unit, source, number)
        else:
            yield from _wide_rows(record, unit, header, source, number)


def _csv_unit(record: dict[str, str], source: str, number: int) -> Unit:
    if not record["unit"]:
        raise InputError("the unit is empty", source, f'row {number}, column "unit"')
    written = record.get("year") or ""
    try:
        year = int(written) if written else None
    except ValueError:
        raise InputError(
            f"year must be a whole number, got {written!r}", source, f'row {number}, column "year"'
        ) from None
    return Unit(record["unit"], year, record.get("level") or None, record.get("region") or None)


def _long_row(record: dict[str, str], unit: Unit, source: str, number: int) -> _Row:
    value = _csv_number(record["value"], source, number, "value")
    evidence = [Evidence(record["quote"], source=record.get("source") or None)] if record.get("quote") else []
    observation = Observation(record["indicator"], value, unit.name, unit.year, evidence)
    return _Row(unit, observation, f'row {number}, column "indicator"')


def _wide_rows(record: dict[str, str], unit: Unit, header: list[str], source: str, number: int) -> Iterator[_Row]:
    for column in header:
        if column in UNIT_COLUMNS:
            continue
        value = _csv_number(record[column], source, number, column)
        yield _Row(unit, Observation(column, value, unit.name, unit.year), f'row {number}, column "{column}"')


def _csv_number(cell: str, source: str, number: int, column: str) -> float | None:
    if cell == "" or cell.upper() in ("NA", "N/A"):
        return None
    try:
        value = float(cell)
    except ValueError:
        raise InputError(f"expected a number, got {cell!r}", source, f'row {number}, column "{column}"') from None
    if not math.isfinite(value):
        raise InputError(f"{cell!r} is not a finite number", source, f'row {number}, column "{column}"')
    return value


def _group(rows: list[_Row], framework: Framework, source: str) -> list[tuple[Unit, list[Observation]]]:
    known = framework.indicator_index()
    groups: dict[tuple[str, int | None], tuple[Unit, list[Observation]]] = {}
    seen: dict[tuple[str, int | None, str], str] = {}
    for row in rows:
        obs = row.observation
        if obs.indicator not in known:
            raise InputError(
                f"unknown indicator {obs.indicator!r}: framework {framework.id!r} has no such indicator "
                "(`lawgov-score framework` lists them)",
                source,
                row.location,
            )
        key = (row.unit.name, row.unit.year)
        where = (row.unit.name, row.unit.year, obs.indicator)
        if where in seen:
            raise InputError(
                f"duplicate value for unit {row.unit.name!r} ({row.unit.year}), indicator {obs.indicator!r} "
                f"(first given at {seen[where]})",
                source,
                row.location,
            )
        seen[where] = row.location
        groups.setdefault(key, (row.unit, []))[1].append(obs)
    if not groups:
        raise InputError("the file holds no observations", source)
    return list(groups.values())
