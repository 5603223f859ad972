"""Assessing a report: what it states, attributed to key tasks, graded, checked and turned into observations.

The stage between reading (a :class:`~lawgov_score.reading.model.Document`) and scoring
(:mod:`lawgov_score.scoring`). Its modules, in the order they work:

* :mod:`~lawgov_score.assess.view` — the report sentence by sentence, with content keys;
* :mod:`~lawgov_score.assess.terms` — the framework's terms found in a sentence;
* :mod:`~lawgov_score.assess.credibility` — term lists, repeated numbers, impossible values, density;
* :mod:`~lawgov_score.assess.analysis` — which key task each clause and figure is evidence of;
* :mod:`~lawgov_score.assess.tasks` — a key task's grade from its evidence;
* :mod:`~lawgov_score.assess.rules` — metric and yes/no rules a dimension declares;
* :mod:`~lawgov_score.assess.adverse` and :mod:`~lawgov_score.assess.lexicon` — bad news and its words;
* :mod:`~lawgov_score.assess.audit` — the consistency checks;
* :mod:`~lawgov_score.assess.compliance` — the 2019 rule's elements, publication date, consistency;
* :mod:`~lawgov_score.assess.applicability` — the unit's level;
* :mod:`~lawgov_score.assess.build` — declaring a dimension as data;
* :mod:`~lawgov_score.assess.dimension` — :class:`ReportDimension`, which puts it all together.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["FlagRule", "MetricRule", "ReportDimension"]

if TYPE_CHECKING:
    from lawgov_score.assess.dimension import ReportDimension
    from lawgov_score.assess.rules import FlagRule, MetricRule

# Imported on first use: a module of the stage (the grade words the terminal shows) must not bring
# in the whole stage and the scoring engine with it.
_LAZY = {"ReportDimension": "lawgov_score.assess.dimension", "FlagRule": "lawgov_score.assess.rules",
         "MetricRule": "lawgov_score.assess.rules"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'lawgov_score.assess' has no attribute {name!r}")
