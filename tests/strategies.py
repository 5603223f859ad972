"""Hypothesis strategies shared by the property tests."""

from __future__ import annotations

from hypothesis import strategies as st

from lawgov_score.model.framework import Dimension, Framework, Indicator, IndicatorGroup

scores = st.floats(min_value=0, max_value=100, allow_nan=False)
positive_weights = st.floats(min_value=1e-3, max_value=1e3, allow_nan=False)
weights = st.one_of(st.just(0.0), positive_weights)


@st.composite
def children(draw: st.DrawFn, min_size: int = 1, max_size: int = 8) -> tuple[list[float], list[float]]:
    """Child scores with positive weights, equally long."""
    size = draw(st.integers(min_size, max_size))
    values = draw(st.lists(scores, min_size=size, max_size=size))
    ws = draw(st.lists(positive_weights, min_size=size, max_size=size))
    return values, ws


@st.composite
def children_with_gaps(draw: st.DrawFn) -> tuple[list[float | None], list[float]]:
    """Child scores where some are missing (``None``), at least one present."""
    values, ws = draw(children(min_size=2))
    gaps = draw(st.lists(st.booleans(), min_size=len(values), max_size=len(values)))
    if all(gaps):
        gaps[0] = False
    return [None if gap else value for value, gap in zip(values, gaps)], ws


methods = st.sampled_from(["arithmetic", "geometric", "harmonic"])


@st.composite
def frameworks(draw: st.DrawFn, extras: bool = True, missing: str = "renormalise",
               directions: tuple[int, ...] = (1, -1)) -> Framework:
    """Small frameworks: 1–3 dimensions of 1–5 indicators (linear or log goalposts, of the
    ``directions`` given), some of them in up to two groups, every node's aggregation drawn from
    the three methods. With ``extras``, also adverse indicators, missing scores and indicators
    that apply to some levels only."""
    dimensions = []
    for d in range(draw(st.integers(1, 3))):
        groups = [IndicatorGroup(f"g{g}", "组", weight=draw(positive_weights), aggregation=draw(methods))
                  for g in range(draw(st.integers(0, 2)))]
        indicators = []
        for k in range(draw(st.integers(1, 5))):
            scale = draw(st.sampled_from(["linear", "log"]))
            low = draw(st.floats(0 if scale == "log" else -50, 50))
            high = low + draw(st.floats(0.5, 100))
            indicators.append(Indicator(
                f"d{d}.i{k}", "指标", goalposts=(low, high), scale=scale, direction=draw(st.sampled_from(directions)),
                weight=draw(positive_weights), group=draw(st.sampled_from(["", *(g.id for g in groups)])),
                missing_score=draw(st.none() | scores) if extras else None,
                applies_to=draw(st.sampled_from([(), ("city",), ("city", "county")])) if extras else ()))
        if extras and draw(st.booleans()):
            indicators.append(Indicator(f"d{d}.adverse", "不利", kind="adverse", weight=0.0))
        dimensions.append(Dimension(f"D{d}", "维度", weight=draw(positive_weights), indicators=indicators,
                                    groups=groups, aggregation=draw(methods)))
    return Framework("random", "1", dimensions=dimensions, aggregation=draw(methods), missing=missing)  # type: ignore[arg-type]


@st.composite
def raw_values(draw: st.DrawFn, framework: Framework) -> dict[str, float]:
    """A unit's raw values for some of the framework's indicators: within and beyond the goalposts
    (to be truncated), and points ≥ 0 for an adverse indicator."""
    values = {}
    for dimension in framework.dimensions:
        for indicator in dimension.indicators:
            if draw(st.integers(0, 3)) == 0:
                continue
            if indicator.kind == "adverse":
                values[indicator.id] = draw(st.floats(0, 30))
                continue
            low, high = indicator.goalposts or (0.0, 1.0)
            span = high - low
            values[indicator.id] = draw(st.floats(min(low - span, -1.0) if indicator.scale == "linear" else 0.0,
                                                  high + span))
    return values
