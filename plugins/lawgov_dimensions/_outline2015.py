"""What the parts of the 2015–2020 outline share with the 2021–2025 dimensions they map to.

The outline of 2015 (《法治政府建设实施纲要（2015－2020年）》) has seven main tasks and a part on
organisation; its measurable results — rates, counts of effort, outcomes — are those the 2021
dimensions already read, so a part reuses the metric rules and outcome indicators of the dimension
it maps to, under its own ids (``d7.litigation_loss_rate`` → ``p7.litigation_loss_rate``). Its key
tasks and terms are its own: the vocabulary of 2016–2020 (十八大, 法制机构, 权力清单) differs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from attrs import evolve

from lawgov_score.assess import MetricRule
from lawgov_score.model.framework import Indicator

OUTLINE = "2015-2020"


def relabel(prefix_from: str, prefix_to: str, indicators: Iterable[Indicator]) -> list[Indicator]:
    """The indicators under the part's own ids (``d7.`` → ``p7.``)."""
    return [evolve(ind, id=prefix_to + ind.id[len(prefix_from):]) for ind in indicators
            if ind.id.startswith(prefix_from)]


def rules(
    prefix_from: str, prefix_to: str, source: Sequence[MetricRule], keep: Iterable[str]
) -> tuple[MetricRule, ...]:
    """The metric rules of ``keep`` (ids of the 2021 dimension) under the part's own ids."""
    wanted = set(keep)
    return tuple(evolve(rule, indicator=prefix_to + rule.indicator[len(prefix_from):])
                 for rule in source if rule.indicator in wanted)


def pick(indicators: Iterable[Indicator], ids: Iterable[str]) -> list[Indicator]:
    """The indicators with these ids, in that order."""
    by_id = {ind.id: ind for ind in indicators}
    return [by_id[i] for i in ids]
