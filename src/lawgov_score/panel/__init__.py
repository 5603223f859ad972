"""The panel engine: many units' indicators → a composite index, with uncertainty and coherence.

A :class:`Panel` (units × indicators, NaN for missing) carries a :class:`Hierarchy`;
:func:`run_pipeline` applies a declarative :class:`PipelineSpec` (denominate, screen, impute,
treat outliers, normalise, weight, aggregate per node, rank); :func:`uncertainty` runs the
Monte Carlo over assumptions with Sobol indices; :func:`coherence` runs the JRC statistical checks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lawgov_score.panel.coherence_checks import CoherenceReport, coherence
    from lawgov_score.panel.data import Panel
    from lawgov_score.panel.hierarchy import Hierarchy, Node
    from lawgov_score.panel.monte_carlo import Assumptions, UncertaintyResult, uncertainty
    from lawgov_score.panel.pipeline import prepare, run_pipeline
    from lawgov_score.panel.registry import Methods, resolve_methods
    from lawgov_score.panel.results import PanelResult
    from lawgov_score.panel.sobol import SobolAccumulator, SobolIndices, sobol_indices
    from lawgov_score.panel.spec import PipelineSpec, Step, coinr_example_spec

__all__ = [
    "Assumptions",
    "CoherenceReport",
    "Hierarchy",
    "Methods",
    "Node",
    "Panel",
    "PanelResult",
    "PipelineSpec",
    "SobolAccumulator",
    "SobolIndices",
    "Step",
    "UncertaintyResult",
    "coherence",
    "coinr_example_spec",
    "prepare",
    "resolve_methods",
    "run_pipeline",
    "sobol_indices",
    "uncertainty",
]

# Imported on first use, so that `lawgov-score` starts without numpy unless it ranks a panel.
_LAZY = {
    "Assumptions": "lawgov_score.panel.monte_carlo",
    "CoherenceReport": "lawgov_score.panel.coherence_checks",
    "Hierarchy": "lawgov_score.panel.hierarchy",
    "Methods": "lawgov_score.panel.registry",
    "Node": "lawgov_score.panel.hierarchy",
    "Panel": "lawgov_score.panel.data",
    "PanelResult": "lawgov_score.panel.results",
    "PipelineSpec": "lawgov_score.panel.spec",
    "SobolAccumulator": "lawgov_score.panel.sobol",
    "SobolIndices": "lawgov_score.panel.sobol",
    "Step": "lawgov_score.panel.spec",
    "UncertaintyResult": "lawgov_score.panel.monte_carlo",
    "coherence": "lawgov_score.panel.coherence_checks",
    "coinr_example_spec": "lawgov_score.panel.spec",
    "prepare": "lawgov_score.panel.pipeline",
    "resolve_methods": "lawgov_score.panel.registry",
    "run_pipeline": "lawgov_score.panel.pipeline",
    "sobol_indices": "lawgov_score.panel.sobol",
    "uncertainty": "lawgov_score.panel.monte_carlo",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'lawgov_score.panel' has no attribute {name!r}")
