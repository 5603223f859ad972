"""Indicator tables: the one reader of observations (JSON, CSV in UTF-8 or GB18030, Excel) for
``score-table``, ``rank`` and ``validate``, and blank data-entry templates for a framework."""

from __future__ import annotations

from lawgov_score.tables.observations import (
    Observations,
    ObservationTable,
    Record,
    load_observations,
    read_observations,
)
from lawgov_score.tables.sheets import Table, read_table

__all__ = ["ObservationTable", "Observations", "Record", "Table", "load_observations", "read_observations",
           "read_table"]
