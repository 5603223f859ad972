"""lawgov_score: score reports on building a law-based government (法治政府建设).

The public API is imported lazily, so that ``import lawgov_score`` and the command line start fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lawgov_score.hookspecs import hookimpl

__version__ = "0.1.0"

__all__ = ["Assessment", "Assessments", "__version__", "hookimpl", "read", "score_report", "score_table", "to_frame"]

if TYPE_CHECKING:
    from lawgov_score.model.assessment import Assessment
    from lawgov_score.model.collection import Assessments
    from lawgov_score.reading.document import read
    from lawgov_score.render.frames import to_frame
    from lawgov_score.scoring import score_report, score_table

_LAZY = {
    "Assessment": "lawgov_score.model.assessment",
    "Assessments": "lawgov_score.model.collection",
    "read": "lawgov_score.reading.document",
    "score_report": "lawgov_score.scoring",
    "score_table": "lawgov_score.scoring",
    "to_frame": "lawgov_score.render.frames",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'lawgov_score' has no attribute {name!r}")
