"""Assessments as pandas DataFrames (pandas is optional: ``pip install 'lawgov-score[pandas]'``).

One row per unit × dimension, per unit × indicator, or per warning, with the unit's columns
repeated, so that questions across many reports are one line of pandas::

    frame = lawgov_score.to_frame(assessments, level="indicator")
    frame[frame.status == "missing"].groupby("indicator").size()   # which indicators are missing, how often
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

from lawgov_score.model.assessment import Assessment

Level = Literal["assessment", "dimension", "indicator", "warning"]
LEVELS: tuple[Level, ...] = ("assessment", "dimension", "indicator", "warning")


def _unit(a: Assessment) -> dict[str, Any]:
    return {"unit": a.unit.name, "year": a.unit.year, "level": a.unit.level, "region": a.unit.region,
            "overall": a.overall, "assessment_status": a.status, "framework": a.provenance.framework_id,
            "source": a.provenance.source}


def records(assessments: Iterable[Assessment], level: Level = "dimension") -> list[dict[str, Any]]:
    """The rows :func:`to_frame` puts in its DataFrame, as dicts (no pandas needed)."""
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}, got {level!r}")
    rows: list[dict[str, Any]] = []
    for a in assessments:
        unit = _unit(a)
        if level == "assessment":
            rows.append({**unit, **{d.code: d.score for d in a.dimensions}, "warnings": len(a.warnings)})
        elif level == "warning":
            rows += [{**unit, "code": w.code, "dimension": w.dimension, "indicator": w.indicator,
                      "message": w.message, "message_zh": w.message_zh} for w in a.warnings]
        for d in a.dimensions if level in ("dimension", "indicator") else ():
            dimension = {"dimension": d.code, "dimension_title": d.title_zh}
            if level == "dimension":
                rows.append({**unit, **dimension, "score": d.score, "base": d.base, "deduction": d.deduction,
                             "weight": d.weight, "effective_weight": d.effective_weight, "coverage": d.coverage,
                             "status": d.status, "quotes": sum(len(i.evidence) for i in d.indicators)})
                continue
            rows += [{**unit, **dimension, "indicator": i.id, "name": i.name_zh, "kind": i.kind, "group": i.group,
                      "raw": i.raw, "measure": i.unit, "score": i.score, "weight": i.weight,
                      "effective_weight": i.effective_weight, "contribution": i.contribution, "status": i.status,
                      "grade": i.grade, "flags": " ".join(i.flags), "quotes": len(i.evidence), "rule": i.rule,
                      "rule_zh": i.rule_zh} for i in d.indicators]
    return rows


def to_frame(assessments: Iterable[Assessment] | Assessment, level: Level = "dimension") -> Any:
    """A pandas DataFrame of ``assessments``: a row per ``level`` (``assessment``: one per unit with a
    column per dimension; ``dimension``; ``indicator``; ``warning``: one per warning, by its code).

    :raises ImportError: pandas is not installed (the message says how to install it).
    :raises ValueError: an unknown ``level``.
    """
    from lawgov_score.panel.results import require_pandas

    pd = require_pandas()
    if isinstance(assessments, Assessment):
        assessments = [assessments]
    return pd.DataFrame.from_records(records(assessments, level))
