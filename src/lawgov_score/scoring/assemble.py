"""The engine's numbers for one unit, with the evidence, statuses and explanations put back beside them."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from lawgov_score.model.assessment import (
    DimensionScore,
    DimensionStatus,
    GroupScore,
    IndicatorScore,
    IndicatorStatus,
    ScoreWarning,
)
from lawgov_score.model.framework import Dimension, Indicator
from lawgov_score.model.observation import Observation
from lawgov_score.scoring import explain
from lawgov_score.scoring.engine import Plan, Scores, scorable

MISSING_TREATMENT = {
    "renormalise": ("left out, the weights of the others renormalised", "不计入，其余权重重新归一"),
    "zero": ("counted as 0", "按0分计"),
    "fail": ("so the dimension's score is withheld", "维度得分暂缺"),
}


def _value(number: float) -> float | None:
    return None if math.isnan(number) else float(number)


def indicator_score(
    indicator: Indicator,
    observation: Observation | None,
    state: IndicatorStatus,
    score: float | None,
    share: float,
    dimension_share: float,
) -> IndicatorScore:
    """One indicator's result, its rule in both languages, and its formula."""
    raw = observation.value if observation is not None else None
    found = observation.rule if observation is not None else ""
    found_zh = observation.rule_zh if observation is not None else ""
    if state == "scored" and raw is not None and score is not None:
        clause = explain.scoring(indicator, raw, score, observation.credit if observation is not None else 1.0)
    elif state == "missing" and score is not None:
        clause = explain.unstated(indicator, score)
    else:
        clause = explain.status(indicator, "missing" if state == "missing" else state)
    weight_share = share * dimension_share
    contribution = None
    if score is not None:
        contribution = score * dimension_share if indicator.kind == "adverse" else score * weight_share
    return IndicatorScore(
        id=indicator.id,
        name_zh=indicator.name_zh,
        kind=indicator.kind,
        unit=indicator.unit,
        direction=indicator.direction,
        raw=raw,
        score=score,
        weight=indicator.weight,
        effective_weight=weight_share,
        contribution=contribution,
        status=state,
        rule=explain.joined(found, clause.en),
        evidence=observation.evidence if observation is not None else (),
        rule_zh=explain.joined_zh(found_zh, clause.zh),
        formula=clause.formula,
        group=indicator.group,
        grade=observation.grade if observation is not None else None,
        flags=observation.flags if observation is not None else (),
        name_en=indicator.name_en,
    )


def dimension_score(
    plan: Plan,
    scores: Scores,
    unit: int,
    d: int,
    observations: Mapping[str, Observation],
    applicable: Sequence[bool],
    missing: str,
) -> DimensionScore:
    """Dimension ``d`` of unit ``unit``: its indicators, groups, deductions and notes."""
    dimension = plan.framework.dimensions[d]
    positions = plan.positions[d]
    dimension_share = float(scores.dimension_shares[unit, d])
    indicators: list[IndicatorScore] = []
    missing_ids: list[str] = []
    for i in positions:
        indicator = plan.indicators[i]
        observation = observations.get(indicator.id)
        state = _status(indicator, observation, applicable[i])
        if state == "missing":
            missing_ids.append(indicator.id)
        score = _value(scores.indicator_scores[unit, i]) if state in ("scored", "missing") else None
        indicators.append(indicator_score(indicator, observation, state, score,
                                          float(scores.shares[unit, i]), dimension_share))
    base = _value(scores.dimension_base[unit, d])
    value = _value(scores.dimension_scores[unit, d])
    in_play = [s for s in indicators if s.status in ("scored", "missing") and s.kind != "adverse"]
    total = sum(s.weight for s in in_play)
    present = sum(s.weight for s in in_play if s.status == "scored")
    coverage = present / total if total > 0 else 0.0
    notes = []
    scored_zero = [i for i in missing_ids if _missing_score(dimension, i) is not None]
    left_out = [i for i in missing_ids if i not in scored_zero]
    undisclosed = [i for i in scored_zero if dimension.indicator(i).kind == "outcome"]
    unstated = [i for i in scored_zero if i not in undisclosed]
    if undisclosed:
        notes.append(ScoreWarning(
            code="outcome.undisclosed",
            message=f"{len(undisclosed)} core outcome(s) not disclosed ({', '.join(undisclosed)}): scored 0",
            message_zh=f"{len(undisclosed)}项核心成效指标未公开（{', '.join(undisclosed)}）：按0分计",
            dimension=dimension.code,
        ))
    conflicting = [s.id for s in indicators if "conflicting" in s.flags]
    if conflicting:
        notes.append(ScoreWarning(
            code="outcome.conflicting",
            message=f"{len(conflicting)} outcome(s) stated with different values ({', '.join(conflicting)}): "
                    "the worst counts",
            message_zh=f"{len(conflicting)}项成效指标前后数值不一（{', '.join(conflicting)}）：取最差值",
            dimension=dimension.code,
        ))
    if unstated:
        notes.append(ScoreWarning(
            code="measure.unstated",
            message=f"{len(unstated)} count(s) of effort not stated ({', '.join(unstated)}): scored 0",
            message_zh=f"{len(unstated)}项工作量数据未载明（{', '.join(unstated)}）：按0分计",
            dimension=dimension.code,
        ))
    if left_out:
        en, zh = MISSING_TREATMENT[missing]
        notes.append(ScoreWarning(
            code="indicator.missing",
            message=f"{len(left_out)} of {len(in_play)} indicators not stated ({', '.join(left_out)}): {en}",
            message_zh=f"{len(in_play)}项指标中{len(left_out)}项报告未载明（{', '.join(left_out)}）：{zh}",
            dimension=dimension.code,
        ))
    status: DimensionStatus = "no_evidence" if present == 0 else "partial" if missing_ids else "scored"
    return DimensionScore(
        code=dimension.code,
        title_zh=dimension.title_zh,
        title_en=dimension.title_en,
        weight=dimension.weight,
        effective_weight=dimension_share,
        score=value,
        status=status,
        coverage=coverage,
        indicators=indicators,
        notes=notes,
        groups=_groups(plan, dimension, scores, unit, d),
        base=base,
        deduction=float(scores.deductions[unit, d]),
    )


def _missing_score(dimension: Dimension, indicator_id: str) -> float | None:
    return dimension.indicator(indicator_id).missing_score


def _status(indicator: Indicator, observation: Observation | None, applicable: bool) -> IndicatorStatus:
    if not applicable:
        return "not_applicable"
    if not scorable(indicator):
        return "unscored"
    if observation is None or observation.value is None:
        return "missing"
    return "scored"


def _groups(plan: Plan, dimension: Dimension, scores: Scores, unit: int, d: int) -> list[GroupScore]:
    dim_share = float(scores.dimension_shares[unit, d])
    positions = plan.groups_of(d)
    present = [g for g in dimension.groups if any(i.group == g.id and i.kind != "adverse"
                                                  for i in dimension.indicators)]
    return [
        GroupScore(
            id=group.id,
            name_zh=group.name_zh,
            name_en=group.name_en,
            weight=group.weight,
            effective_weight=float(scores.group_shares[unit, g]) * dim_share,
            score=_value(scores.group_scores[unit, g]),
        )
        for g, group in zip(positions, present)
    ]
