"""Building the framework in force: the installed dimensions, reshaped by a framework file.

A framework file (``schemas/framework.schema.json``) starts from the installed dimensions
(``"base": "builtin"``, the default) or from nothing (``"base": "none"``), then drops,
re-weights, edits and adds dimensions and indicators — so a provincial system with its own
dimensions and weights needs no code.
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

import pluggy
from attrs import evolve

from lawgov_score import __version__
from lawgov_score.dimension import DimensionPlugin
from lawgov_score.errors import InputError
from lawgov_score.files import read_json
from lawgov_score.model.framework import Dimension, Framework, Indicator, IndicatorGroup, KeyTask
from lawgov_score.plugins import dimension_sort_key, get_plugin_manager, load_dimensions
from lawgov_score.schemas import validate

DEFAULT_OUTLINE = "2021-2025"
OUTLINE_FRAMEWORKS = {
    "2021-2025": ("cn-outline-2021-2025", "法治政府建设实施纲要（2021－2025年） ten dimensions"),
    "2015-2020": ("cn-outline-2015-2020", "法治政府建设实施纲要（2015－2020年） seven tasks and organisation"),
}
"""The built-in framework of each national outline: its id and title."""
DEFAULT_ID, DEFAULT_TITLE = OUTLINE_FRAMEWORKS[DEFAULT_OUTLINE]


def installed_dimensions(
    pm: pluggy.PluginManager | None = None, plugins: Sequence[DimensionPlugin] | None = None
) -> dict[str, Dimension]:
    """Code → default definition of every dimension the installed plugins (or ``plugins``) provide."""
    if plugins is None:
        plugins = load_dimensions(pm or get_plugin_manager())
    return {plugin.code: plugin.definition() for plugin in plugins}


def default_framework(
    pm: pluggy.PluginManager | None = None,
    plugins: Sequence[DimensionPlugin] | None = None,
    *,
    outline: str | None = None,
) -> Framework:
    """The built-in framework of a national outline (default 2021–2025): the installed dimensions of
    that outline, and every installed dimension that belongs to no outline, equal weights."""
    outline = outline or DEFAULT_OUTLINE
    if outline not in OUTLINE_FRAMEWORKS:
        raise InputError(f"unknown outline {outline!r}; use one of {', '.join(OUTLINE_FRAMEWORKS)}", "--outline")
    dimensions = {code: d for code, d in installed_dimensions(pm, plugins).items() if d.outline in ("", outline)}
    framework_id, title = OUTLINE_FRAMEWORKS[outline]
    framework = Framework(
        id=framework_id,
        version=__version__,
        title=title,
        dimensions=[dimensions[code] for code in sorted(dimensions, key=dimension_sort_key)],
        outline=outline,
    )
    check_framework(framework, "the installed dimension plugins")
    return framework


def load_framework(
    path: str | os.PathLike[str],
    pm: pluggy.PluginManager | None = None,
    plugins: Sequence[DimensionPlugin] | None = None,
) -> Framework:
    """Read, validate and build the framework file at ``path``."""
    source = str(path)
    data = read_json(path)
    validate(data, "framework", source)
    return framework_from_dict(data, installed_dimensions(pm, plugins), source)


def framework_from_dict(data: Mapping[str, Any], installed: Mapping[str, Dimension], source: str) -> Framework:
    """Apply a (schema-valid) framework document to the installed dimensions."""
    base = data.get("base", "builtin")
    outline = data.get("outline", DEFAULT_OUTLINE if base == "builtin" else "")
    if base == "builtin":
        dimensions: dict[str, Dimension] = {c: d for c, d in installed.items() if d.outline in ("", outline)}
    else:
        dimensions = {}
    for code in data.get("drop", []):
        if code not in dimensions:
            raise InputError(f"cannot drop dimension {code!r}: it is not in the framework", source, "$.drop")
        del dimensions[code]
    edited: dict[str, str] = {}
    for position, entry in enumerate(data.get("dimensions", [])):
        where = f"$.dimensions[{position}]"
        code = entry["code"]
        if code in edited:
            raise InputError(f"dimension {code!r} is given twice (first at {edited[code]})", source, f"{where}.code")
        edited[code] = where
        start = dimensions.get(code) or installed.get(code)
        dimensions[code] = _dimension(entry, start, source, where)
    pinned = list(data.get("pinned_dimensions", []))
    left_out: list[str] = []
    if pinned:
        dimensions, left_out = _pin(dimensions, pinned, edited, source)
    if not dimensions:
        raise InputError("the framework has no dimensions", source, "$")
    _check_weights([d.weight for d in dimensions.values()], "the dimension weights", source, "$.dimensions")
    framework = Framework(
        id=data["id"],
        version=str(data.get("version", "1")),
        title=data.get("title", ""),
        dimensions=[dimensions[code] for code in sorted(dimensions, key=dimension_sort_key)],
        missing=data.get("missing", "renormalise"),
        aggregation=data.get("aggregation", "arithmetic"),
        outline=outline if base == "builtin" else data.get("outline", ""),
        pinned=pinned,
        left_out=left_out,
    )
    check_framework(framework, source)
    return framework


def _pin(
    dimensions: dict[str, Dimension], pinned: list[str], edited: Mapping[str, str], source: str
) -> tuple[dict[str, Dimension], list[str]]:
    """Keep the pinned dimensions only; the others that came from the installed plugins are left
    out (and named, for a warning), so that installing a plugin never changes this framework."""
    absent = [code for code in pinned if code not in dimensions]
    if absent:
        raise InputError(
            f"the pinned dimension(s) {', '.join(absent)} are neither installed nor defined in the file "
            "(`lawgov-score plugins` lists the installed ones)", source, "$.pinned_dimensions")
    contradicted = [code for code in edited if code not in pinned]
    if contradicted:
        raise InputError(
            f"dimension(s) {', '.join(contradicted)} are defined in the file but not pinned: add them to "
            "pinned_dimensions or remove them", source, "$.pinned_dimensions")
    left_out = sorted((code for code in dimensions if code not in pinned), key=dimension_sort_key)
    return {code: d for code, d in dimensions.items() if code in pinned}, left_out


def check_framework(framework: Framework, source: str) -> None:
    """What every framework must satisfy beyond its schema, wherever it comes from, so that one
    that passes here scores: each indicator in one dimension only, finite goalpost spans.

    :raises InputError: naming the dimensions and the indicator.
    """
    home: dict[str, str] = {}
    for dimension in framework.dimensions:
        for indicator in dimension.indicators:
            if indicator.id in home:
                raise InputError(
                    f"indicator {indicator.id!r} is in two dimensions, {home[indicator.id]} and {dimension.code}; "
                    "an indicator belongs to one",
                    source,
                )
            home[indicator.id] = dimension.code
            if indicator.goalposts is not None and not math.isfinite(indicator.goalposts[1] - indicator.goalposts[0]):
                raise InputError(
                    f"indicator {indicator.id!r}: the goalposts {list(indicator.goalposts)} are too far apart "
                    "to compute with (their difference is beyond a float)",
                    source,
                )


def _check_weights(weights: list[float], what: str, source: str, where: str) -> None:
    try:
        total = math.fsum(weights)
    except OverflowError:
        total = math.inf
    if not math.isfinite(total):
        raise InputError(f"{what} sum to more than a float can hold; scale them down (to shares of 1 or 100)",
                         source, where)
    if total <= 0:
        raise InputError(f"{what} sum to zero; give at least one a positive weight", source, where)


_DIMENSION_FIELDS = ("title_zh", "title_en", "weight", "terms", "aggregation")
_INDICATOR_FIELDS = (
    "name_zh",
    "name_en",
    "kind",
    "unit",
    "direction",
    "weight",
    "goalposts",
    "key_task",
    "description",
    "group",
    "scale",
    "applies_to",
    "applicability",
    "source",
    "missing_score",
)


def _dimension(entry: Mapping[str, Any], start: Dimension | None, source: str, where: str) -> Dimension:
    code = entry["code"]
    if start is None:
        if "title_zh" not in entry or not entry.get("indicators"):
            raise InputError(
                f"dimension {code!r}: no installed plugin provides it, so the framework must define it "
                "(title_zh and at least one indicator)",
                source,
                where,
            )
        start = Dimension(code=code, title_zh=entry["title_zh"])
    changes: dict[str, Any] = {name: entry[name] for name in _DIMENSION_FIELDS if name in entry}
    if "key_tasks" in entry:
        changes["key_tasks"] = tuple(KeyTask(**task) for task in entry["key_tasks"])
    if "groups" in entry:
        changes["groups"] = _groups(entry["groups"], start.groups)
    indicators = {ind.id: ind for ind in start.indicators}
    for ind_id in entry.get("drop_indicators", []):
        if ind_id not in indicators:
            raise InputError(
                f"cannot drop indicator {ind_id!r}: dimension {code} has no such indicator",
                source,
                f"{where}.drop_indicators",
            )
        del indicators[ind_id]
    listed: dict[str, str] = {}
    for position, spec in enumerate(entry.get("indicators", [])):
        place = f"{where}.indicators[{position}]"
        if spec["id"] in listed:
            raise InputError(f"indicator {spec['id']!r} is given twice (first at {listed[spec['id']]})", source,
                             f"{place}.id")
        listed[spec["id"]] = place
        indicators[spec["id"]] = _indicator(spec, indicators.get(spec["id"]), source, place)
    if not indicators:
        raise InputError(f"dimension {code!r} has no indicators left", source, where)
    _check_weights([ind.weight for ind in indicators.values()], f"the indicator weights of dimension {code!r}",
                   source, f"{where}.indicators")
    try:
        return evolve(start, indicators=tuple(indicators.values()), **changes)
    except (ValueError, TypeError) as error:
        raise InputError(str(error), source, where) from None


def _groups(specs: Sequence[Mapping[str, Any]], existing: Sequence[IndicatorGroup]) -> tuple[IndicatorGroup, ...]:
    """The dimension's groups with those the file names edited or added (by id)."""
    groups = {group.id: group for group in existing}
    for spec in specs:
        start = groups.get(spec["id"]) or IndicatorGroup(spec["id"], spec.get("name_zh", spec["id"]))
        groups[spec["id"]] = evolve(start, **{k: v for k, v in spec.items() if k != "id"})
    return tuple(groups.values())


def _indicator(spec: Mapping[str, Any], start: Indicator | None, source: str, where: str) -> Indicator:
    changes = {name: spec[name] for name in _INDICATOR_FIELDS if name in spec}
    try:
        if start is None:
            if "name_zh" not in spec:
                raise InputError(f"new indicator {spec['id']!r} needs a name_zh", source, where)
            return Indicator(id=spec["id"], **changes)
        return evolve(start, **changes)
    except ValueError as error:
        raise InputError(str(error), source, where) from error


def framework_to_dict(framework: Framework) -> dict[str, Any]:
    """A complete, self-contained framework document (``"base": "none"``) for ``framework``."""
    from lawgov_score.model.serialise import to_dict

    data = to_dict(framework)
    del data["left_out"]  # a fact of the installation it was built in, not part of the system
    if not data["pinned"]:
        del data["pinned"]
    else:
        data["pinned_dimensions"] = data.pop("pinned")
    return {"kind": "framework", "base": "none", **data}


@lru_cache(maxsize=16)  # a scorer asks once per assessment; a run uses one or two frameworks
def framework_digest(framework: Framework) -> str:
    """SHA-256 of ``framework``'s complete document (:func:`framework_to_dict`) as canonical JSON
    (keys sorted, no spaces): equal for equal frameworks, whatever file or plugins they came from."""
    import hashlib
    import json

    text = json.dumps(framework_to_dict(framework), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
