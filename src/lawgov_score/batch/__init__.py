"""Scoring many reports: in this process, on a pool of worker processes, or on any executor (a
Dask or Ray cluster), one result per report in input order, resumable into a JSON Lines file.

:func:`score_many` is the entry point; :mod:`~lawgov_score.batch.worker` is the work done for one
report (a warm scorer per worker process); :mod:`~lawgov_score.batch.pool` keeps the results in
order with a bounded number in flight; :mod:`~lawgov_score.batch.resume` tells which reports a
JSON Lines output holds already. The command line's ``score`` runs on it.
"""

from __future__ import annotations

from lawgov_score.batch.pool import usable_cores
from lawgov_score.batch.results import LeftOut, Product, Result, Scored, Skipped, Summary, keep_assessment
from lawgov_score.batch.run import ReportBytes, score_many, score_with, settings_for

__all__ = ["LeftOut", "Product", "ReportBytes", "Result", "Scored", "Skipped", "Summary", "keep_assessment",
           "score_many", "score_with", "settings_for", "usable_cores"]
