"""Assessing a report for one dimension: key tasks, data, core outcomes, adverse evidence, metrics.

:class:`ReportDimension` is the base of the built-in dimension plugins and of any plugin that
wants the same method for its own dimension: it reads the dimension's definition (key tasks and
their terms, the indicators :mod:`~lawgov_score.assess.build` derives) and its rule lists, so a
new dimension is data. The methodology page of the docs states the rules.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import ClassVar

from lawgov_score.assess import adverse as adverse_rules
from lawgov_score.assess.analysis import Analysis, analyse_report
from lawgov_score.assess.applicability import applies
from lawgov_score.assess.audit import audit_of, inconsistent_spans
from lawgov_score.assess.rules import FlagRule, MetricRule, found_by_rules
from lawgov_score.assess.tasks import describe, grade_task
from lawgov_score.assess.view import ReportView, StatedFact, view_of
from lawgov_score.dimension import DimensionPlugin, ReportContext
from lawgov_score.model.framework import Dimension, Indicator
from lawgov_score.model.observation import Evidence, Observation
from lawgov_score.reading.model import Document

BARE_RATE_CREDIT = 0.85
"""The share of its score a core outcome earns when stated bare: no count beside it and no change."""
INCONSISTENT_CREDIT = 0.5
"""The share of its score a metric earns when the report's own arithmetic contradicts it."""
MAX_FACT_QUOTES = 40


class ReportDimension(DimensionPlugin):
    """A dimension assessed from report text by its definition, :attr:`metric_rules` and :attr:`flag_rules`."""

    metric_rules: ClassVar[Sequence[MetricRule]] = ()
    flag_rules: ClassVar[Sequence[FlagRule]] = ()

    def assess(self, document: Document, dimension: Dimension) -> Sequence[Observation]:
        return self.assess_report(document, dimension, ReportContext((dimension,)))

    def assess_report(self, document: Document, dimension: Dimension, context: ReportContext) -> Sequence[Observation]:
        dimensions = context.dimensions if dimension in context.dimensions else (*context.dimensions, dimension)
        reading = Reading(document, dimension, dimensions, context.level)
        rules = {rule.indicator: rule for rule in self.metric_rules}
        facts_found = found_by_rules(tuple(self.metric_rules), document)
        flags = {rule.indicator: rule for rule in self.flag_rules}
        prefix = dimension.code.lower()
        outcomes = [ind for ind in dimension.indicators if ind.kind == "outcome" and applies(ind, context.level)]
        chosen = {ind.id: _chosen(ind, rules[ind.id], facts_found[ind.id])
                  for ind in dimension.indicators if ind.id in rules}
        # the better of two values an outcome is stated with is no credited figure either
        reading.not_credited = {other.key for ind in outcomes if ind.id in chosen for other in chosen[ind.id][1]}
        observations: list[Observation] = []
        found_outcomes: dict[str, Observation] = {}
        for indicator in dimension.indicators:
            if indicator.kind == "task" and indicator.key_task is not None:
                observations.append(reading.task(indicator))
            elif indicator.id == f"{prefix}.quantified_facts":
                observations.append(reading.facts(indicator))
            elif indicator.id in flags:
                observations.append(reading.flag(indicator, flags[indicator.id]))
            elif indicator.id in rules:
                found = reading.metric(indicator, rules[indicator.id], *chosen[indicator.id])
                if found is not None:
                    observations.append(found)
                    if indicator.kind == "outcome":
                        found_outcomes[indicator.id] = found
        disclosed = dimension.indicator(f"{prefix}.outcomes_disclosed") if outcomes else None
        if disclosed is not None:
            observations.append(reading.disclosed(disclosed, outcomes, found_outcomes, rules))
        adverse_id = f"{prefix}.adverse"
        if any(ind.id == adverse_id for ind in dimension.indicators):
            failing = [(ind, found_outcomes[ind.id]) for ind in outcomes if ind.id in found_outcomes]
            observations.append(reading.adverse(dimension.indicator(adverse_id), failing))
        observations.extend(self.assess_more(document, dimension))
        return observations

    def assess_more(self, document: Document, dimension: Dimension) -> Iterable[Observation]:
        """Observations of indicators that are neither tasks, data nor rules (D10's compliance)."""
        return ()


class Reading:
    """One dimension's view of an analysed report: turns what was found into observations."""

    def __init__(self, document: Document, dimension: Dimension, dimensions: tuple[Dimension, ...],
                 level: str | None) -> None:
        self.document = document
        self.dimension = dimension
        self.view: ReportView = view_of(document)
        self.analysis: Analysis = analyse_report(document, dimensions)
        self.dimensions = dimensions
        self.level = level
        self.discount = self.analysis.density.discount
        self.not_credited: set[str] = set()
        """Keys of figures left out of the credited figures (an outcome's conflicting values)."""

    def _discount_note(self) -> tuple[str, str]:
        if self.discount >= 1:
            return "", ""
        share = self.analysis.density.share
        return (f"; credited at {self.discount:.0%}: {share:.0%} of the report's text is the framework's terms",
                f"；按{self.discount:.0%}计：报告正文{share:.0%}为指标术语")

    def task(self, indicator: Indicator) -> Observation:
        task = next(t for t in self.dimension.key_tasks if t.id == indicator.key_task)
        graded = grade_task(self.analysis, self.dimension.code, task)
        en, zh = describe(task, graded)
        note_en, note_zh = self._discount_note()
        evidence = [Evidence(item.sentence.quote, item.sentence.start, item.sentence.end) for item in graded.evidence]
        return Observation(indicator.id, graded.value, evidence=evidence, rule=en + note_en, rule_zh=zh + note_zh,
                           grade=graded.grade, credit=self.discount,
                           flags=("discounted",) if self.discount < 1 else ())

    def facts(self, indicator: Indicator) -> Observation:
        credited = [s for s in self.analysis.facts.get(self.dimension.code, ()) if s.key not in self.not_credited]
        evidence = [Evidence(s.fact.quote, s.fact.start, s.fact.end) for s in credited[:MAX_FACT_QUOTES]]
        note_en, note_zh = self._discount_note()
        return Observation(
            indicator.id, float(len(credited)), evidence=evidence,
            rule=f"{len(credited)} distinct credited figure(s) for {self.dimension.code}" + note_en,
            rule_zh=f"{self.dimension.code}有{len(credited)}项不同的有效数据" + note_zh,
            credit=self.discount, flags=("discounted",) if self.discount < 1 else (),
        )

    def flag(self, indicator: Indicator, rule: FlagRule) -> Observation:
        sentence = rule.find(self.view)
        if sentence is None:
            return Observation(indicator.id, 0.0, rule=f"the measure is not shown (no {rule.describe()[2:]})",
                               rule_zh=f"未体现该举措（未见{rule.describe_zh()}）")
        evidence = [Evidence(sentence.quote, sentence.start, sentence.end)]
        return Observation(indicator.id, 1.0, evidence=evidence, rule=f"{rule.describe()}: the measure is shown",
                           rule_zh=f"{rule.describe_zh()}：已体现该举措")

    def metric(self, indicator: Indicator, rule: MetricRule, found: StatedFact | None,
               others: tuple[StatedFact, ...] = ()) -> Observation | None:
        """The metric's current value from ``found``, the fact :func:`_chosen` took of those that
        fit ``rule`` (``others``: the values it was also stated with), or ``None``."""
        if found is None:
            return None
        fact = found.fact
        evidence = [Evidence(fact.quote, fact.start, fact.end)]
        worst = bool(others)
        en, zh = f"{rule.describe(worst)}: {fact.quote}", f"{rule.describe_zh(worst)}：{fact.quote}"
        flags: list[str] = []
        if others:
            quotes = "; ".join(other.fact.quote for other in others)
            flags.append("conflicting")
            en += f" (the report also states {quotes}: of different values the worst counts)"
            zh += f"（报告另有{quotes}：数值不一，取最差者）"
            evidence += [Evidence(other.fact.quote, other.fact.start, other.fact.end) for other in others]
        credit = 1.0
        earlier = rule.earlier(self.view, found)
        if earlier is not None:
            en += f" (the current level; {earlier.fact.quote} was the earlier one)"
            zh += f"（现值；{earlier.fact.quote}为原值）"
            evidence.insert(0, Evidence(earlier.fact.quote, earlier.fact.start, earlier.fact.end))
        if found in self.analysis.implausible:
            return Observation(indicator.id, None, evidence=evidence, flags=("implausible",),
                               rule=f"{en}: impossible for a rate (above 100%), not credited",
                               rule_zh=f"{zh}：比率超过100%，不可能，不予采信")
        if inconsistent_spans(audit_of(self.document)).overlaps(fact.start, fact.end):
            flags.append("inconsistent")
            en += "; the report's own figures contradict it (see the audit)"
            zh += "；与报告自身数据不符（见一致性核验）"
            if indicator.weight > 0:
                credit = INCONSISTENT_CREDIT
                en += ", credited at half"
                zh += "，按半数计"
        elif indicator.kind == "outcome" and earlier is None and not _substantiated(found, rule, self.view):
            credit = BARE_RATE_CREDIT
            flags.append("discounted")
            en += f"; stated bare (no count beside it, no change), credited at {BARE_RATE_CREDIT:.0%}"
            zh += f"；单列比率（无对应数量、无变化），按{BARE_RATE_CREDIT:.0%}计"
        return Observation(indicator.id, rule.value_of(found), evidence=evidence, rule=en, rule_zh=zh, flags=flags,
                           credit=credit)

    def disclosed(self, indicator: Indicator, outcomes: list[Indicator], found: dict[str, Observation],
                  rules: dict[str, MetricRule]) -> Observation:
        """The share of the core outcomes disclosed; a change stated without its level counts half."""
        full = [ind for ind in outcomes if ind.id in found and found[ind.id].value is not None]
        half = [ind for ind in outcomes if ind not in full and ind.id in rules and rules[ind.id].change(self.view)]
        share = (len(full) + 0.5 * len(half)) / len(outcomes) if outcomes else 0.0
        names = "、".join(ind.name_zh for ind in full) or "none"
        names_zh = "、".join(ind.name_zh for ind in full) or "无"
        en = f"{len(full)} of {len(outcomes)} core outcomes disclosed ({names})"
        zh = f"{len(outcomes)}项核心成效指标公开{len(full)}项（{names_zh}）"
        if half:
            en += f", {len(half)} by a change only ({'、'.join(ind.name_zh for ind in half)})"
            zh += f"，{len(half)}项仅公开变化（{'、'.join(ind.name_zh for ind in half)}）"
        evidence = [e for ind in full for e in found[ind.id].evidence[-1:]]
        return Observation(indicator.id, share, evidence=evidence, rule=en, rule_zh=zh)

    def adverse(self, indicator: Indicator, outcomes: list[tuple[Indicator, Observation]]) -> Observation:
        """The points this dimension's adverse evidence takes off."""
        items = adverse_rules.adverse_of(self.document, self.dimensions)
        mine = items.get(self.dimension.code, [])
        points = sum(item.points for item in mine)
        evidence = [Evidence(item.quote, item.sentence.start, item.sentence.end) for item in mine]
        parts_en = [f"{item.words} ({adverse_rules.KIND_WORDS[item.kind][0]}, −{item.points:g})" for item in mine]
        parts_zh = [f"{item.words}（{adverse_rules.KIND_WORDS[item.kind][1]}，扣{item.points:g}分）" for item in mine]
        for outcome, observation in outcomes:
            lost = failing_points(outcome, observation.value)
            if lost:
                points += lost
                evidence.extend(observation.evidence[-1:])
                parts_en.append(f"{outcome.name_zh} beyond its failure line (−{lost:g})")
                parts_zh.append(f"{outcome.name_zh}低于及格线（扣{lost:g}分）")
        points = min(points, adverse_rules.MAX_DEDUCTION)
        if not parts_en:
            return Observation(indicator.id, 0.0, rule="no adverse result reported", rule_zh="未报告不利结果")
        capped = f" (at most {adverse_rules.MAX_DEDUCTION:g})" if points == adverse_rules.MAX_DEDUCTION else ""
        return Observation(
            indicator.id, points, evidence=evidence,
            rule=f"{len(parts_en)} adverse result(s): {'; '.join(parts_en)}{capped}",
            rule_zh=f"{len(parts_zh)}项不利结果：{'；'.join(parts_zh)}",
        )


def failing_points(indicator: Indicator, value: float | None) -> float:
    """Points a core outcome beyond its failure line (the goalpost scoring 0) takes off, else 0."""
    if value is None or indicator.goalposts is None:
        return 0.0
    low, high = indicator.goalposts
    span = high - low
    beyond = (low - value) if indicator.direction >= 0 else (value - high)
    if beyond <= 0 or span <= 0:
        return 0.0
    first, most = adverse_rules.FAILING_OUTCOME_POINTS
    return round(first + (most - first) * min(1.0, beyond / span), 1)


def _substantiated(found: object, rule: MetricRule, view: ReportView) -> bool:
    """A rate with its base count in the same sentence, or with a stated change, can be checked."""
    sentence = getattr(found, "sentence", None)
    if sentence is None:
        return False
    if any(f.kind in ("count", "amount") for f in sentence.facts):
        return True
    return rule.change(view) is not None


def _chosen(indicator: Indicator, rule: MetricRule,
            fits: tuple[StatedFact, ...]) -> tuple[StatedFact | None, tuple[StatedFact, ...]]:
    """The fact a metric is read from, and the others that state it with another value.

    An outcome stated twice with different values (办结率94.4% … 办结率60%) is read at the worse
    of them: a report cannot raise its score by stating a better figure beside a worse one. An
    effort count keeps its first statement (two counts fitting one rule are often two things).
    """
    if not fits:
        return None, ()
    first = fits[0]
    if indicator.kind != "outcome" or indicator.direction == 0:
        return first, ()
    values = {rule.value_of(stated) for stated in fits}
    if len(values) < 2:
        return first, ()
    pick = min if indicator.direction > 0 else max
    worst = pick(fits, key=rule.value_of)
    seen = {rule.value_of(worst)}
    others = []
    for stated in fits:
        if rule.value_of(stated) not in seen:
            seen.add(rule.value_of(stated))
            others.append(stated)
    return worst, tuple(others)
