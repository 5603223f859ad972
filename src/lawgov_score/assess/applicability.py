"""The level of the unit a report comes from, which decides the indicators that apply to it.

A district cannot make local legislation, a township does not decide reconsideration cases: an
indicator declares the levels it applies to (``Indicator.applies_to``) and is ``not_applicable``
elsewhere — neither 0 nor missing. The level is read with the issuer (``Metadata.level``), from
its name when the reader gave none, and can be given by the user (``--level``), which wins.
"""

from __future__ import annotations

import re

from attrs import frozen

from lawgov_score.errors import InputError
from lawgov_score.model.framework import LEVELS
from lawgov_score.reading.model import Document

LEVEL_NAMES = {
    "province": "省级", "city": "市级", "county": "县级（区、县）", "township": "乡镇（街道）",
    "department": "政府部门",
}
# The last administrative word of a body's name tells its level; a department ends in its own kind.
_DEPARTMENT = re.compile(r"(?:局|委员会|委|厅|办公室|办|署|院|中心|部|司|处)$")
_GOVERNMENT = re.compile(r"(?:人民政府|政府)$")
_BY_PLACE = (
    ("township", re.compile(r"(?:镇|乡|街道|街道办事处)(?:人民政府|政府)?$")),
    ("county", re.compile(r"(?:区|县|旗|县级市|自治县|特区)(?:人民政府|政府)?$")),
    ("province", re.compile(r"^(?:[^市区县]{2,8}(?:省|自治区)|北京市|天津市|上海市|重庆市)(?:人民政府|政府)?$")),
    ("city", re.compile(r"(?:市|州|盟|地区)(?:人民政府|政府)?$")),
)


@frozen
class UnitLevel:
    """The level of a unit and where it comes from."""

    level: str | None
    reason: str


def check_level(level: str, source: str = "--level") -> str:
    """``level`` if it is one of :data:`~lawgov_score.model.framework.LEVELS`, else an input error."""
    if level not in LEVELS:
        raise InputError(f"unknown level {level!r}; use one of {', '.join(LEVELS)}", source)
    return level


def level_of_name(name: str) -> str | None:
    """The level a body's name implies (深圳市宝安区人民政府 → county), or ``None``."""
    name = name.strip()
    if not name:
        return None
    if _DEPARTMENT.search(name) and not _GOVERNMENT.search(name):
        return "department"
    for level, pattern in _BY_PLACE:
        if pattern.search(name):
            return level
    return None


def unit_level(document: Document, given: str | None = None) -> UnitLevel:
    """The level of the report's unit: ``given`` when set, else read with its issuer."""
    if given is not None:
        return UnitLevel(check_level(given), f"level {given} given by the user")
    meta = document.metadata
    read = getattr(meta, "level", None)
    if read:
        return UnitLevel(read, f"level {read} read from the issuer {meta.issuer or ''}".strip())
    if meta.issuer:
        level = level_of_name(meta.issuer)
        if level is not None:
            return UnitLevel(level, f"level {level} read from the issuer's name {meta.issuer}")
    return UnitLevel(None, "level unknown (no issuer read): every indicator applies")
