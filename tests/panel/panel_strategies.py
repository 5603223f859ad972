"""Hypothesis strategies shared by the panel-engine property tests."""

from __future__ import annotations

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from lawgov_score.panel import Hierarchy, Node, Panel

finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
positive = st.floats(min_value=1e-3, max_value=1e3, allow_nan=False, allow_infinity=False)


@st.composite
def matrices(draw: st.DrawFn, min_rows: int = 2, max_rows: int = 12, max_cols: int = 6,
             elements: st.SearchStrategy[float] = finite) -> np.ndarray:
    """A units × indicators float matrix without missing values."""
    rows = draw(st.integers(min_rows, max_rows))
    cols = draw(st.integers(1, max_cols))
    return draw(hnp.arrays(np.float64, (rows, cols), elements=elements))


@st.composite
def positive_children(draw: st.DrawFn) -> tuple[np.ndarray, np.ndarray]:
    """Positive child scores (children, units, 1) and positive weights (children, 1)."""
    children = draw(st.integers(1, 6))
    units = draw(st.integers(1, 6))
    values = draw(hnp.arrays(np.float64, (children, units, 1), elements=positive))
    weights = draw(hnp.arrays(np.float64, (children, 1), elements=positive))
    return values, weights


@st.composite
def two_level_panels(draw: st.DrawFn, dominant: bool = False) -> Panel:
    """A random index with 2–3 dimensions of 1–3 indicators each, 3–10 units.

    With ``dominant``, unit ``"best"`` is strictly better than every other unit on every
    indicator (directions respected).
    """
    dims = draw(st.integers(2, 3))
    sizes = [draw(st.integers(1, 3)) for _ in range(dims)]
    nodes = [Node("Index")]
    codes: list[str] = []
    for d, size in enumerate(sizes):
        nodes.append(Node(f"D{d}", "Index", weight=draw(st.sampled_from([1.0, 2.0, 0.5]))))
        for i in range(size):
            code = f"D{d}i{i}"
            codes.append(code)
            nodes.append(Node(code, f"D{d}", weight=draw(st.sampled_from([1.0, 2.0])),
                              direction=draw(st.sampled_from([1, -1]))))
    hierarchy = Hierarchy(nodes)
    units = draw(st.integers(3, 10))
    values = draw(hnp.arrays(np.float64, (units, len(codes)),
                             elements=st.floats(min_value=0, max_value=100, allow_nan=False)))
    names = [f"u{i}" for i in range(units)]
    if dominant:
        directions = np.array([hierarchy.node(c).direction for c in codes], dtype=float)
        best = np.where(directions > 0, values.max(axis=0) + 1, values.min(axis=0) - 1)
        values = np.vstack([values, best])
        names.append("best")
    return Panel(values, names, codes, [2024] * len(names), {}, hierarchy)


@st.composite
def nested_hierarchies(draw: st.DrawFn, max_depth: int = 3) -> Hierarchy:
    """An index of any shape up to ``max_depth`` levels of aggregates, 1–4 children per aggregate,
    weights among 0, ½, 1 and 2 (so some aggregates have children of weight 0, or only such children)."""
    nodes = [Node("Index")]
    weights = st.sampled_from([0.0, 0.5, 1.0, 2.0])

    def grow(parent: str, depth: int) -> None:
        for k in range(draw(st.integers(1, 4))):
            code = f"{parent}.{k}"
            nodes.append(Node(code, parent, weight=draw(weights)))
            if depth < max_depth and draw(st.booleans()):
                grow(code, depth + 1)

    grow("Index", 1)
    return Hierarchy(nodes)
