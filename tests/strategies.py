"""Hypothesis strategies shared by the property tests."""

from __future__ import annotations

from hypothesis import strategies as st

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
