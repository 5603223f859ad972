"""Scoring one dimension from its indicators' observations."""

from __future__ import annotations

from collections.abc import Mapping

from attrs import evolve

from lawgov_score.aggregate import MissingPolicy, weighted_mean
from lawgov_score.goalposts import normalise, scorable
from lawgov_score.model.assessment import DimensionScore, DimensionStatus, IndicatorScore, IndicatorStatus
from lawgov_score.model.framework import Dimension, Indicator
from lawgov_score.model.observation import Observation


def score_indicator(indicator: Indicator, observation: Observation | None) -> IndicatorScore:
    """Normalise one observation; effective weight and contribution are filled in by the dimension."""
    raw = observation.value if observation is not None else None
    found = observation.rule if observation is not None else ""
    status: IndicatorStatus
    if not scorable(indicator):
        reason = (
            "direction disputed"
            if indicator.direction == 0
            else "weight 0"
            if indicator.weight == 0
            else "no goalposts"
        )
        score, status, rule = None, "unscored", _join(found, f"reported, not scored ({reason})")
    elif raw is None:
        score, status, rule = None, "missing", _join(found, "no value")
    else:
        score, arithmetic = normalise(raw, indicator)
        status, rule = "scored", _join(found, arithmetic)
    return IndicatorScore(
        id=indicator.id,
        name_zh=indicator.name_zh,
        kind=indicator.kind,
        unit=indicator.unit,
        direction=indicator.direction,
        raw=raw,
        score=score,
        weight=indicator.weight,
        effective_weight=0.0,
        contribution=None,
        status=status,
        rule=rule,
        evidence=observation.evidence if observation is not None else (),
    )


def _join(*parts: str) -> str:
    return "; ".join(part for part in parts if part)


def score_dimension(
    dimension: Dimension, observations: Mapping[str, Observation], missing: MissingPolicy = "renormalise"
) -> DimensionScore:
    """Score every indicator of ``dimension`` and aggregate them by their weights.

    Indicator ``effective_weight`` is the share within this dimension; the assessment later
    multiplies it by the dimension's own share of the overall.
    """
    scored = [score_indicator(ind, observations.get(ind.id)) for ind in dimension.indicators]
    in_play = [i for i, s in enumerate(scored) if s.status != "unscored"]
    result = weighted_mean([scored[i].score for i in in_play], [scored[i].weight for i in in_play], missing)
    shares = dict(zip(in_play, result.weights))
    indicators = []
    for i, score in enumerate(scored):
        share = shares.get(i, 0.0) if result.value is not None else 0.0
        contribution = share * score.score if score.score is not None and result.value is not None else None
        indicators.append(evolve(score, effective_weight=share, contribution=contribution))
    total = sum(scored[i].weight for i in in_play)
    present = sum(scored[i].weight for i in in_play if scored[i].raw is not None)
    coverage = present / total if total > 0 else 0.0
    missing_ids = [scored[i].id for i in in_play if scored[i].raw is None]
    notes = []
    if missing_ids and result.value is not None:
        treatment = "counted as 0" if missing == "zero" else "dropped, remaining weights renormalised"
        notes.append(f"{len(missing_ids)} of {len(in_play)} indicators missing ({', '.join(missing_ids)}): {treatment}")
    status: DimensionStatus = "no_evidence" if present == 0 else "partial" if missing_ids else "scored"
    return DimensionScore(
        code=dimension.code,
        title_zh=dimension.title_zh,
        title_en=dimension.title_en,
        weight=dimension.weight,
        effective_weight=0.0,
        score=result.value if present > 0 or missing == "zero" else None,
        status=status,
        coverage=coverage,
        indicators=indicators,
        notes=notes,
    )
