"""Scoring: observations → normalised, weighted, aggregated scores, for one report or a table of units.

:class:`Scorer` holds a framework with its plugins; :func:`score_report`, :func:`score_document`
and :func:`score_table` are the entry points; :mod:`~lawgov_score.scoring.engine` is the report
engine that scores every unit (the panel engine's plain-Python twin).
"""

from __future__ import annotations

from lawgov_score.scoring.ranking import RankEntry, rank
from lawgov_score.scoring.score import score_document, score_report, score_table
from lawgov_score.scoring.scorer import Observe, Scorer

__all__ = ["Observe", "RankEntry", "Scorer", "rank", "score_document", "score_report", "score_table"]
