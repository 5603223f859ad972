"""Cells of an indicator table as people type them: Chinese column names, ``95%``, ``1,234``,
full-width digits, ``NA`` — read the same whether the table came from CSV or Excel.

Every command that reads a table (``score-table``, ``rank``, ``validate``) goes through these
functions, so the same cell gives the same value, or the same error, everywhere.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping

from lawgov_score.errors import InputError

CANONICAL_COLUMNS = ("unit", "year", "indicator", "value", "level", "region", "government_level", "quote", "source")
"""Columns with a meaning of their own; any other column is an indicator id (wide tables) or
unit metadata (``rank``)."""

HEADER_ALIASES: Mapping[str, str] = {
    # unit
    "单位": "unit", "单位名称": "unit", "地区": "unit", "地区名称": "unit", "被评估单位": "unit",
    "评估对象": "unit", "政府": "unit", "部门": "unit",
    # year
    "年份": "year", "年度": "year", "年": "year", "报告年度": "year",
    # indicator
    "指标": "indicator", "指标代码": "indicator", "指标编号": "indicator", "指标id": "indicator",
    # value
    "数值": "value", "值": "value", "指标值": "value", "取值": "value", "数据": "value",
    # level and region
    "层级": "level", "级别": "level", "行政层级": "level",
    "区域": "region", "所属地区": "region", "省份": "region", "所属省份": "region",
    "政府层级": "government_level", "所属政府层级": "government_level",
    # evidence
    "原文": "quote", "引文": "quote", "证据": "quote", "摘录": "quote",
    "来源": "source", "出处": "source", "资料来源": "source",
}
"""Chinese column names accepted for the canonical ones (documented in ``docs/observations.md``).
English names are matched without regard to case (``Unit``, ``YEAR``)."""

MISSING_CELLS = frozenset({"", "na", "n/a", "null", "none", "-", "—", "–", "无", "缺", "缺失", "暂无", "不详"})
"""Cells that mean "no value": left out, never 0."""

_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
# What a number cell may hold besides the number: a percent or per-mille sign, after spaces.
_SCALE = {"%": 100.0, "‰": 1000.0}  # divided by: 95 / 100 is exactly the float 0.95


def canonical_column(name: str) -> str:
    """The canonical name of a header cell: ``单位`` → ``unit``, ``Year`` → ``year``; other names
    (indicator ids, metadata) as written, trimmed."""
    cleaned = unicodedata.normalize("NFKC", name).strip()
    folded = cleaned.lower()
    if folded in CANONICAL_COLUMNS:
        return folded
    return HEADER_ALIASES.get(folded.replace(" ", ""), cleaned)


# Column names other tools use for the unit and the year (COINr's uCode and Time), taken only
# when the table has no column of the canonical name: a table with "unit" and "name" keeps both.
FALLBACK_COLUMNS: Mapping[str, tuple[str, ...]] = {"unit": ("ucode", "code", "name"), "year": ("time",)}


def canonical_header(names: list[str]) -> list[str]:
    """The canonical names of a header row (:func:`canonical_column`, then the fallbacks)."""
    out = [canonical_column(name) for name in names]
    for canonical, fallbacks in FALLBACK_COLUMNS.items():
        if canonical in out:
            continue
        folded = [name.lower() for name in out]
        found = next((folded.index(f) for f in fallbacks if f in folded), None)
        if found is not None:
            out[found] = canonical
    return out


def is_missing(cell: object) -> bool:
    """Whether a cell means "no value" (blank, ``NA``, ``—``, ``无`` …)."""
    return cell is None or (isinstance(cell, str) and unicodedata.normalize("NFKC", cell).strip().lower()
                            in MISSING_CELLS)


def parse_number(cell: object) -> float | None:
    """A cell as a number, ``None`` when it means no value.

    ``95%`` is 0.95 and ``5‰`` 0.005 (rates are fractions), ``1,234`` is 1234, full-width
    ``９５．５`` is 95.5; a number from Excel is taken as it is.

    :raises ValueError: text that is no number, or a number that is not finite.
    """
    if is_missing(cell):
        return None
    if isinstance(cell, bool):
        raise ValueError(f"expected a number, got {cell!r}")
    if isinstance(cell, (int, float)):
        value = float(cell)
    else:
        text = unicodedata.normalize("NFKC", str(cell)).strip().replace(" ", "")
        scale = 1.0
        if text[-1:] in _SCALE:
            scale, text = _SCALE[text[-1]], text[:-1]
        if _THOUSANDS.match(text):
            text = text.replace(",", "")
        try:
            value = float(text) / scale
        except ValueError:
            raise ValueError(f"expected a number, got {str(cell)!r}") from None
    if not math.isfinite(value):
        raise ValueError(f"{str(cell)!r} is not a finite number")
    return value


def cell_text(cell: object) -> str:
    """A cell as text: a whole number from Excel without its ``.0`` (a year or a code), blanks empty."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def number_at(cell: object, source: str, location: str) -> float | None:
    """:func:`parse_number`, its error naming the file and the place (row and column)."""
    try:
        return parse_number(cell)
    except ValueError as error:
        raise InputError(str(error), source, location) from None


def year_at(cell: object, source: str, location: str) -> int | None:
    """A year cell: blank for none, else a whole number (``2023``, or ``2023.0`` from Excel)."""
    try:
        number = parse_number(cell)
    except ValueError:
        number = 0.5
    if number is None:
        return None
    if not number.is_integer():
        raise InputError(f"year must be a whole number, got {cell_text(cell)!r}", source, location)
    return int(number)
