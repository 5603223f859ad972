"""The level of the unit a report comes from, which decides the indicators that apply to it.

A district cannot make local legislation, a township does not decide reconsideration cases: an
indicator declares the levels it applies to (``Indicator.applies_to``) and is ``not_applicable``
elsewhere — neither 0 nor missing. A department applies as a department, except one of a county or
township government, which has no powers its government lacks and applies as that level. The
level is read with the issuer (``Metadata.level``), from the reader
(:mod:`lawgov_score.reading.bodies`), and can be given by the user (``--level``), which wins.
"""

from __future__ import annotations

from attrs import frozen

from lawgov_score.errors import InputError
from lawgov_score.model.framework import LEVELS, Indicator
from lawgov_score.reading.model import Document

LEVEL_NAMES = {
    "province": "省级", "city": "市级", "county": "县级（区、县）", "township": "乡镇（街道）",
    "department": "政府部门",
}
@frozen
class UnitLevel:
    """The level of a unit and where it comes from; for a department, its government's level."""

    level: str | None
    reason: str
    government_level: str | None = None


# A department has no powers its government lacks: one of a county or township government
# applies indicators as that level does (a county's 司法局 makes no local legislation).
_APPLIES_AS_GOVERNMENT = frozenset({"county", "township"})


def applies(indicator: Indicator, level: str | None) -> bool:
    """Whether the indicator applies to a unit of ``level`` (every indicator applies when it is unknown)."""
    return not indicator.applies_to or level is None or level in indicator.applies_to


def applies_as(level: str | None, government_level: str | None = None) -> str | None:
    """The level whose indicators apply to a unit: its own, except for a department of a county or
    township government, which applies as that government."""
    if level == "department" and government_level in _APPLIES_AS_GOVERNMENT:
        return government_level
    return level


def check_level(level: str, source: str = "--level") -> str:
    """``level`` if it is one of :data:`~lawgov_score.model.framework.LEVELS`, else an input error."""
    if level not in LEVELS:
        raise InputError(f"unknown level {level!r}; use one of {', '.join(LEVELS)}", source)
    return level


def unit_level(document: Document, given: str | None = None) -> UnitLevel:
    """The level of the report's unit: ``given`` when set, else read with its issuer."""
    if given is not None:
        return UnitLevel(check_level(given), f"level {given} given by the user")
    meta = document.metadata
    if meta.level:
        of = f" (a department of a {meta.government_level} government)" if meta.level == "department" \
            and meta.government_level else ""
        government = meta.government_level if meta.level == "department" else None
        return UnitLevel(meta.level, f"level {meta.level}{of} read with the issuer {meta.issuer or ''}".rstrip(),
                         government)
    return UnitLevel(None, "level unknown (no issuer read): every indicator applies")
