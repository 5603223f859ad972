"""Scoring: observations → normalised, weighted, aggregated scores, for one report or a table of units.

:class:`Scorer` holds a framework with its plugins; :func:`score_report`, :func:`score_document`
and :func:`score_table` are the entry points; :mod:`~lawgov_score.scoring.engine` is the one
engine that scores every unit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["Observe", "RankEntry", "Scorer", "rank", "score_document", "score_report", "score_table"]

if TYPE_CHECKING:
    from lawgov_score.scoring.ranking import RankEntry, rank
    from lawgov_score.scoring.score import score_document, score_report, score_table
    from lawgov_score.scoring.scorer import Observe, Scorer

# Imported on first use: the words of the stage (statuses, explanations) are read by commands
# that score nothing, and must not bring in the engine and numpy with them.
_LAZY = {"RankEntry": "ranking", "rank": "ranking", "score_document": "score", "score_report": "score",
         "score_table": "score", "Observe": "scorer", "Scorer": "scorer"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f"lawgov_score.scoring.{_LAZY[name]}"), name)
    raise AttributeError(f"module 'lawgov_score.scoring' has no attribute {name!r}")
