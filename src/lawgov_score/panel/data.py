"""The panel: a units × indicators matrix (NaN for missing) with unit metadata and the hierarchy."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
from attrs import evolve, field, frozen

from lawgov_score.errors import InputError
from lawgov_score.panel.hierarchy import Hierarchy
from lawgov_score.panel.types import FloatArray, str_tuple, year_tuple

MISSING_TEXT = frozenset({"", "na", "nan", "null", "none", "n/a", "-"})
UNIT_KEYS = ("unit", "uCode", "code", "name")
YEAR_KEYS = ("year", "Time", "time")


def to_float(value: object) -> float:
    """A cell as a float: numbers as they are, blank and ``NA``-like text as NaN.

    :param value: a cell of a table.
    :returns: the number, or NaN when missing.
    :raises ValueError: the cell is text that is not a number, or an infinity.
    """
    if value is None:
        return math.nan
    if isinstance(value, str):
        text = value.strip()
        number = math.nan if text.lower() in MISSING_TEXT else float(text)
    else:
        number = float(value)  # type: ignore[arg-type]
    if math.isinf(number):  # "1e400" or "inf": no computation downstream could use it
        raise ValueError(f"not a finite number: {value!r}")
    return number


def _year(value: object) -> int | None:
    """A year cell: blank or ``NA``-like for none, else a whole number.

    :raises ValueError: anything else (text, ``2023.5``, ``1e400``).
    """
    try:
        number = to_float(value)
    except (TypeError, ValueError):
        number = math.inf
    if math.isnan(number):
        return None
    if not (math.isfinite(number) and number == int(number)):
        raise ValueError(f"a year must be a whole number, got {value!r}")
    return int(number)


def _matrix(value: object) -> FloatArray:
    array = np.array(value, dtype=np.float64)
    if array.ndim != 2:
        raise ValueError(f"panel values must be a 2-D matrix, got shape {array.shape}")
    return array


@frozen
class UnitValues:
    """One row of a panel before it becomes a matrix: a unit and year, its values and metadata.

    :param name: the unit.
    :param year: its year (``None`` if unknown).
    :param values: indicator code → value (NaN when missing); codes not in the panel are ignored.
    :param meta: metadata columns (level, region, population, ...).
    """

    name: str
    year: int | None
    values: Mapping[str, float]
    meta: Mapping[str, Any] = field(factory=dict)


@frozen(eq=False)
class Panel:
    """Units (rows, one per unit and year) × indicators (columns), NaN where a value is missing.

    :param values: the float matrix.
    :param units: unit code of each row.
    :param indicators: indicator code of each column.
    :param years: year of each row (``None`` if unknown).
    :param meta: unit metadata columns (population, group, ...), one value per row.
    :param hierarchy: the framework's tree, if known.
    """

    values: FloatArray = field(converter=_matrix)
    units: tuple[str, ...] = field(converter=str_tuple)
    indicators: tuple[str, ...] = field(converter=str_tuple)
    years: tuple[int | None, ...] = field(converter=year_tuple)
    meta: Mapping[str, tuple[Any, ...]] = field(factory=dict)
    hierarchy: Hierarchy | None = None

    def __attrs_post_init__(self) -> None:
        n_rows, n_cols = self.values.shape
        if len(self.units) != n_rows or len(self.years) != n_rows:
            raise ValueError(f"{n_rows} rows of values but {len(self.units)} units, {len(self.years)} years")
        if len(self.indicators) != n_cols:
            raise ValueError(f"{n_cols} columns of values but {len(self.indicators)} indicator codes")
        for name, column in self.meta.items():
            if len(column) != n_rows:
                raise ValueError(f"metadata column {name!r} has {len(column)} values for {n_rows} rows")

    # -- constructors --------------------------------------------------------------------

    @classmethod
    def from_wide(
        cls,
        rows: Sequence[Mapping[str, Any]],
        *,
        hierarchy: Hierarchy | None = None,
        unit_column: str | None = None,
        year_column: str | None = None,
        indicators: Sequence[str] | None = None,
        source: str | None = None,
    ) -> Panel:
        """Build from a wide table: one row per unit (and year), one column per indicator.

        Columns that are neither the unit, the year nor an indicator become unit metadata.

        :param rows: the table as mappings (e.g. from :class:`csv.DictReader`).
        :param hierarchy: the tree; its indicators choose the indicator columns.
        :param unit_column: unit column; by default the first of ``unit, uCode, code, name`` present.
        :param year_column: year column; by default ``year`` or ``Time`` if present.
        :param indicators: indicator columns, when there is no hierarchy (default: every
            column whose non-blank cells are all numbers).
        :param source: file name for error messages.
        :returns: the panel.
        :raises InputError: a column is missing or a cell is not a number.
        """
        if not rows:
            raise InputError("the table has no rows", source)
        columns = list(rows[0])
        unit_column = unit_column or next((k for k in UNIT_KEYS if k in columns), None)
        if unit_column is None:
            raise InputError(f"no unit column: expected one of {list(UNIT_KEYS)}", source, "header")
        year_column = year_column or next((k for k in YEAR_KEYS if k in columns), None)
        if indicators is None:
            indicators = hierarchy.indicators if hierarchy is not None else _numeric_columns(
                rows, [c for c in columns if c not in (unit_column, year_column)])
        absent = [code for code in indicators if code not in columns]
        if absent:
            raise InputError(f"indicator columns not in the table: {absent}", source, "header")
        values = np.empty((len(rows), len(indicators)))
        for i, row in enumerate(rows):
            for j, code in enumerate(indicators):
                try:
                    values[i, j] = to_float(row.get(code))
                except (TypeError, ValueError):
                    raise InputError(f"not a number: {row.get(code)!r}", source,
                                     f'row {i + 2}, column "{code}"') from None
        other = [c for c in columns if c not in set(indicators) | {unit_column, year_column}]
        meta = {c: tuple(row.get(c) for row in rows) for c in other}
        years = []
        for i, row in enumerate(rows):
            try:
                years.append(_year(row.get(year_column)) if year_column else None)
            except ValueError as error:
                raise InputError(str(error), source, f'row {i + 2}, column "{year_column}"') from None
        units = tuple(str(row[unit_column]) for row in rows)
        return cls(values, units, tuple(indicators), years, meta, hierarchy)

    @classmethod
    def from_long(
        cls,
        rows: Iterable[Mapping[str, Any]],
        *,
        hierarchy: Hierarchy | None = None,
        units: Iterable[Mapping[str, Any]] = (),
        source: str | None = None,
    ) -> Panel:
        """Build from observations ``{"unit", "year", "indicator", "value"}``, one per row.

        :param rows: the observations; a repeated (unit, year, indicator) is an error.
        :param hierarchy: the tree; its indicators fix the columns (others are ignored).
        :param units: unit metadata rows keyed by ``name`` (or ``unit``) and optionally ``year``.
        :param source: file name for error messages.
        :returns: the panel, rows in order of first appearance.
        :raises InputError: a field is missing, a value is not a number or is given twice.
        """
        cells: dict[tuple[str, int | None], dict[str, float]] = {}
        seen_indicators: dict[str, None] = {}
        for i, row in enumerate(rows):
            try:
                year = _year(row.get("year"))
            except ValueError as error:
                raise InputError(str(error), source, f"observations[{i}].year") from None
            try:
                key = (str(row["unit"]), year)
                code = str(row["indicator"])
                value = to_float(row.get("value"))
            except KeyError as error:
                raise InputError(f"observation lacks {error.args[0]!r}", source, f"observations[{i}]") from None
            except (TypeError, ValueError):
                raise InputError(f"not a number: {row.get('value')!r}", source,
                                 f"observations[{i}].value") from None
            if code in cells.setdefault(key, {}):
                raise InputError(f"a second value for {code!r} of {key}", source, f"observations[{i}]")
            cells[key][code] = value
            seen_indicators.setdefault(code)
        indicators = hierarchy.indicators if hierarchy is not None else tuple(seen_indicators)
        keys = list(cells)
        values = np.array([[cells[k].get(c, math.nan) for c in indicators] for k in keys]).reshape(
            len(keys), len(indicators))
        meta = _unit_meta(keys, list(units))
        return cls(values, [k[0] for k in keys], indicators, [k[1] for k in keys], meta, hierarchy)

    @classmethod
    def from_units(cls, rows: Iterable[UnitValues], *, hierarchy: Hierarchy | None = None,
                   source: str | None = None) -> Panel:
        """Build from one :class:`UnitValues` per unit and year.

        :param rows: the units, in the order of the panel's rows.
        :param hierarchy: the tree; its indicators fix the columns (others are ignored).
        :param source: file name for error messages.
        :returns: the panel; indicators without a hierarchy in order of first appearance.
        :raises InputError: a (unit, year) pair comes twice.
        """
        rows = list(rows)
        seen: set[tuple[str, int | None]] = set()
        for row in rows:
            if (row.name, row.year) in seen:
                raise InputError(f"a second row for unit {row.name!r} in {row.year}", source)
            seen.add((row.name, row.year))
        indicators = hierarchy.indicators if hierarchy is not None else tuple(
            dict.fromkeys(code for row in rows for code in row.values))
        column = {code: j for j, code in enumerate(indicators)}
        values = np.full((len(rows), len(indicators)), np.nan)
        for i, row in enumerate(rows):
            for code, value in row.values.items():
                j = column.get(code)
                if j is not None:
                    values[i, j] = value
        names = dict.fromkeys(key for row in rows for key in row.meta)
        meta = {key: tuple(row.meta.get(key) for row in rows) for key in names}
        return cls(values, [r.name for r in rows], indicators, [r.year for r in rows], meta, hierarchy)

    @classmethod
    def from_assessments(cls, assessments: Iterable[object], *, hierarchy: Hierarchy | None = None) -> Panel:
        """Build from scored assessments: one row per assessment, the score of each indicator.

        Each indicator gives its 0–100 score as the report's scoring gave it (after its credit,
        with an undisclosed outcome's 0); an adverse indicator the points it deducts; one that does
        not apply to the unit, or is not scored, nothing. So the pipeline
        the built-in pipeline ``reports`` (no normalisation, the framework's tree and weights)
        reproduces every report's own scores, and other pipelines re-weigh or re-aggregate them.

        Read duck-typed: ``a.unit.name``, ``a.unit.year`` and ``a.dimensions[*].indicators[*]``
        with ``.id``, ``.kind``, ``.raw``, ``.score`` and ``.status``; the unit's ``level`` and
        ``region``, when present, become metadata columns (e.g. to impute by group). Assessment
        files are read by :func:`lawgov_score.panel.assessments.read_assessments` without building
        these objects, with the same values (:func:`value_of_indicator`).

        :param assessments: the assessments.
        :param hierarchy: the tree (e.g. :meth:`Hierarchy.from_framework`).
        :returns: the panel.
        :raises InputError: an indicator comes twice in one assessment, or a (unit, year) twice.
        """
        rows = []
        for assessment in assessments:
            unit = getattr(assessment, "unit", None)
            name, year = getattr(unit, "name", str(unit)), getattr(unit, "year", None)
            values: dict[str, float] = {}
            for dimension in getattr(assessment, "dimensions", ()):
                for indicator in getattr(dimension, "indicators", ()):
                    if indicator.id in values:
                        raise InputError(f"a second value for {indicator.id!r} of {name!r} ({year})")
                    value = value_of_indicator(getattr(indicator, "kind", ""), getattr(indicator, "status", "scored"),
                                               getattr(indicator, "raw", None), getattr(indicator, "score", None))
                    values[indicator.id] = math.nan if value is None else value
            meta = {key: getattr(unit, key) for key in ("level", "region") if hasattr(unit, key)}
            rows.append(UnitValues(str(name), year, values, meta))
        return cls.from_units(rows, hierarchy=hierarchy)

    # -- views ---------------------------------------------------------------------------

    @property
    def shape(self) -> tuple[int, int]:
        """``(rows, indicators)``."""
        rows, cols = self.values.shape
        return (rows, cols)

    def distinct_years(self) -> list[int | None]:
        """The years present, in order of first appearance."""
        return list(dict.fromkeys(self.years))

    def take(self, rows: Sequence[int] | np.ndarray[Any, Any]) -> Panel:
        """A panel of the given rows only.

        :param rows: row positions (or a boolean mask).
        :returns: the smaller panel.
        """
        index = np.arange(len(self.units))[np.asarray(rows)]
        return evolve(
            self,
            values=self.values[index],
            units=tuple(self.units[i] for i in index),
            years=tuple(self.years[i] for i in index),
            meta={k: tuple(v[i] for i in index) for k, v in self.meta.items()},
        )

    def select_year(self, year: int | None) -> Panel:
        """The rows of one year."""
        return self.take([i for i, y in enumerate(self.years) if y == year])

    def column(self, name: str) -> FloatArray:
        """A numeric unit-metadata column as floats (NaN where blank).

        :raises InputError: no such column, or a cell is not a number.
        """
        if name not in self.meta:
            raise InputError(f"no unit metadata column {name!r}; have {sorted(self.meta)}")
        try:
            return np.array([to_float(v) for v in self.meta[name]])
        except (TypeError, ValueError) as error:
            raise InputError(f"metadata column {name!r} is not numeric: {error}") from None


def value_of_indicator(kind: str, status: str, raw: float | None, score: float | None) -> float | None:
    """What an assessed indicator contributes to a panel: its score (after its credit; 0 for an
    undisclosed outcome), for an adverse one the points it deducts, nothing when it does not apply
    or is not scored."""
    if status in ("not_applicable", "unscored"):
        return None
    if kind == "adverse":
        return None if raw is None else float(raw)
    return None if score is None else float(score)


def _numeric_columns(rows: Sequence[Mapping[str, Any]], columns: Sequence[str]) -> list[str]:
    out = []
    for column in columns:
        try:
            numbers = [to_float(row.get(column)) for row in rows]
        except (TypeError, ValueError):
            continue
        if not all(math.isnan(n) for n in numbers):
            out.append(column)
    return out


def _unit_meta(
    keys: Sequence[tuple[str, int | None]], units: Sequence[Mapping[str, Any]]
) -> dict[str, tuple[Any, ...]]:
    if not units:
        return {}
    by_key: dict[tuple[str, int | None], Mapping[str, Any]] = {}
    for unit in units:
        name = str(unit.get("name", unit.get("unit", "")))
        by_key[(name, _year(unit.get("year")))] = unit
    columns = [c for c in dict.fromkeys(c for u in units for c in u) if c not in ("name", "unit", "year")]
    meta = {}
    for column in columns:
        values = []
        for name, year in keys:
            unit = by_key.get((name, year)) or by_key.get((name, None), {})
            values.append(unit.get(column))
        meta[column] = tuple(values)
    return meta
