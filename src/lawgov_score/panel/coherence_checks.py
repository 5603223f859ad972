"""Statistical coherence of an index (JRC audit practice): correlations, Cronbach's alpha, PCA,
effective weight versus importance, and flags for weak, negative and redundant relations."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from attrs import frozen

from lawgov_score.panel.results import PanelResult, json_number
from lawgov_score.panel.stats import cronbach_alpha, pearson, principal_components


@frozen
class Correlation:
    """Pearson r between two nodes, its two-sided p-value and the number of pairs."""

    a: str
    b: str
    r: float
    p: float
    n: int


@frozen
class Flag:
    """A JRC warning: ``weak`` (0 ≤ r < weak threshold with the parent), ``negative`` (r < 0 with
    the parent) or ``redundant`` (siblings with r above the redundancy threshold)."""

    flag: str
    a: str
    b: str
    r: float
    message: str


@frozen
class CoherenceReport:
    """The coherence checks of one result."""

    correlations: tuple[Correlation, ...]
    alpha: tuple[tuple[str, float, int], ...]
    pca: tuple[tuple[str, tuple[float, ...], dict[str, float]], ...]
    importance: tuple[tuple[str, float, float, float], ...]
    flags: tuple[Flag, ...]

    def correlation(self, a: str, b: str) -> Correlation:
        """The correlation between ``a`` and ``b`` (either order), or :class:`KeyError`."""
        for c in self.correlations:
            if {c.a, c.b} == {a, b}:
                return c
        raise KeyError((a, b))

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready mapping (the ``coherence`` member of ``panel-result.schema.json``)."""
        return {
            "correlations": [{"a": c.a, "b": c.b, "r": json_number(c.r), "p": json_number(c.p), "n": c.n}
                             for c in self.correlations],
            "alpha": [{"node": node, "alpha": json_number(a), "items": k} for node, a, k in self.alpha],
            "pca": [{"node": node, "explained": [v for v in explained if math.isfinite(v)],
                     "loadings": {c: v for c, v in loadings.items() if math.isfinite(v)}}
                    for node, explained, loadings in self.pca],
            "importance": [{"code": c, "effective_weight": json_number(w), "r2": json_number(r2),
                            "importance": json_number(imp)} for c, w, r2, imp in self.importance],
            "flags": [{"flag": f.flag, "a": f.a, "b": f.b, "r": json_number(f.r), "message": f.message}
                      for f in self.flags],
        }


def coherence(result: PanelResult, weak: float = 0.3, redundant: float = 0.9) -> CoherenceReport:
    """Run the coherence checks on a pipeline result.

    Correlations are computed for every node with its parent, every node with the index, and
    every pair of siblings. Importance of an indicator is its squared correlation with the index
    (a linear estimate of the first-order correlation ratio, Paruolo et al. 2013), normalised to
    sum to 1 so it compares with the effective weights.

    :param result: the result of :func:`~lawgov_score.panel.pipeline.run_pipeline`.
    :param weak: correlation with the parent below which a node is flagged ``weak``.
    :param redundant: sibling correlation above which a pair is flagged ``redundant``.
    :returns: the report.
    """
    parents = dict(zip(result.codes, result.parents, strict=True))
    children: dict[str, list[str]] = {}
    for code, parent in parents.items():
        if parent is not None:
            children.setdefault(parent, []).append(code)
    pairs: list[tuple[str, str]] = []
    for code, parent in parents.items():
        if parent is None:
            continue
        pairs.append((code, parent))
        if parent != result.index:
            pairs.append((code, result.index))
    for kids in children.values():
        pairs += [(a, b) for i, a in enumerate(kids) for b in kids[i + 1 :]]
    correlations = tuple(Correlation(a, b, *pearson(result.score(a), result.score(b))) for a, b in pairs)
    flags = []
    for c in correlations:
        if parents.get(c.a) == c.b and math.isfinite(c.r):
            if c.r < 0:
                flags.append(Flag("negative", c.a, c.b, c.r, f"{c.a} correlates negatively with its parent"))
            elif c.r < weak:
                flags.append(Flag("weak", c.a, c.b, c.r, f"{c.a} correlates weakly (< {weak}) with its parent"))
        elif parents.get(c.a) == parents.get(c.b) and math.isfinite(c.r) and c.r > redundant:
            flags.append(Flag("redundant", c.a, c.b, c.r, f"{c.a} and {c.b} correlate above {redundant}"))
    alpha, pca = [], []
    for node in result.aggregates:
        kids = children.get(node, [])
        items = np.column_stack([result.score(k) for k in kids]) if kids else np.empty((len(result.units), 0))
        alpha.append((node, cronbach_alpha(items), len(kids)))
        explained, loadings = principal_components(items)
        pca.append((node, tuple(float(v) for v in explained),
                    {k: float(v) for k, v in zip(kids, loadings, strict=True)}))
    indicators = result.codes[: result.n_indicators]
    r2 = np.array([pearson(result.score(c), result.score(result.index))[0] ** 2 for c in indicators])
    total = np.nansum(r2)
    importance = tuple(
        (c, float(result.effective_weights[c]), float(r2[i]), float(r2[i] / total) if total > 0 else math.nan)
        for i, c in enumerate(indicators))
    return CoherenceReport(correlations, tuple(alpha), tuple(pca), importance, tuple(flags))
