"""Assessing a report for one dimension: key-task coverage, quantified disclosure, named metrics.

:class:`ReportDimension` is the base of the ten built-in dimension plugins, and of any plugin
that wants the same method for its own dimension: it reads the dimension's definition (key
tasks and their terms, the disclosure goalposts) and its :class:`MetricRule` list, so a new
dimension is data. The methodology page of the docs states the rules with their formulas.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import ClassVar

from attrs import field, frozen

from lawgov_score.dimension import DimensionPlugin
from lawgov_score.model import tuple_of
from lawgov_score.model.framework import Dimension, Indicator, KeyTask
from lawgov_score.model.observation import Evidence, Observation
from lawgov_score.reading.model import Document, Fact, FactKind
from lawgov_score.report_view import ReportView, Sentence, StatedFact, view_of

RATE_UNIT = "%"
MAX_EVIDENCE = 3
"""Sentences quoted as evidence of a key task (the most quantified first)."""


@frozen
class MetricRule:
    """How a named metric is found among a report's facts: the first fact that fits, in report order.

    A fact fits when its kind is one of ``kinds``, its own phrase (quote, subject, or the rest of
    its clause) contains one
    of ``phrase`` and none of ``exclude``, and — when ``context`` is given — its sentence contains
    one of ``context`` (and none of ``context_exclude``). For the context a sentence runs to 。:
    in "受理复议案件1,024宗；审结932宗" the 932 is still about 复议.
    """

    indicator: str
    phrase: tuple[str, ...] = field(converter=tuple_of)
    context: tuple[str, ...] = field(default=(), converter=tuple_of)
    kinds: tuple[FactKind, ...] = field(default=("count",), converter=tuple_of)
    exclude: tuple[str, ...] = field(default=(), converter=tuple_of)
    context_exclude: tuple[str, ...] = field(default=(), converter=tuple_of)

    def describe(self) -> str:
        """The rule in words, for the evidence trail."""
        words = f"first {'/'.join(self.kinds)} fact naming {'/'.join(self.phrase)}"
        if self.context:
            words += f" in a sentence about {'/'.join(self.context)}"
        return words

    def find(self, view: ReportView) -> StatedFact | None:
        """The first fact of the report that fits this rule."""
        return next((stated for stated in view.stated_of(self.kinds) if self.fits(stated)), None)

    def fits(self, stated: StatedFact) -> bool:
        """Whether one stated fact is this metric."""
        if stated.fact.kind not in self.kinds:
            return False
        # Plain substring tests: the term lists are short, and compiling them costs more than it saves.
        own, sentence = stated.phrase, stated.sentence.period
        if not any(p in own for p in self.phrase) or any(x in own for x in self.exclude):
            return False
        if any(c in sentence for c in self.context_exclude):
            return False
        return not self.context or any(c in sentence for c in self.context)


def _groups(groups: Iterable[Iterable[str]]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(group) for group in groups)


@frozen
class FlagRule:
    """A yes/no indicator: 1 when a measure sentence holds a term of every group in ``all_of``.

    ``FlagRule("d4.decision_catalogue_published", [["决策事项目录", "决策目录"], ["制定", "公布"]])``
    """

    indicator: str
    all_of: tuple[tuple[str, ...], ...] = field(converter=_groups)

    def describe(self) -> str:
        """The rule in words, for the evidence trail."""
        return "a sentence naming " + " and ".join("/".join(group) for group in self.all_of)

    def observe(self, view: ReportView) -> Observation:
        """1 with the first sentence that qualifies as evidence, else 0."""
        for sentence in view.measures:
            if all(term_pattern(group).search(sentence.text) for group in self.all_of):
                evidence = [Evidence(sentence.quote, sentence.start, sentence.end)]
                return Observation(self.indicator, 1.0, evidence=evidence, rule=f"{self.describe()} → 1")
        return Observation(self.indicator, 0.0, rule=f"no {self.describe()}: {NOT_STATED}")


class ReportDimension(DimensionPlugin):
    """A dimension assessed from report text by its definition, :attr:`metric_rules` and :attr:`flag_rules`."""

    metric_rules: ClassVar[Sequence[MetricRule]] = ()
    flag_rules: ClassVar[Sequence[FlagRule]] = ()

    def assess(self, document: Document, dimension: Dimension) -> Sequence[Observation]:
        view = view_of(document)
        tasks = {task.id: task for task in dimension.key_tasks}
        rules = {rule.indicator: rule for rule in self.metric_rules}
        flags = {rule.indicator: rule for rule in self.flag_rules}
        observations: list[Observation] = []
        for indicator in dimension.indicators:
            if indicator.kind == "task" and indicator.key_task in tasks:
                observations.append(task_coverage(view, dimension, tasks[indicator.key_task], indicator))
            elif indicator.kind == "disclosure":
                observations.append(disclosure(view, dimension.code, indicator))
            elif indicator.id in flags:
                observations.append(flags[indicator.id].observe(view))
            elif indicator.id in rules:
                found = metric(view, rules[indicator.id])
                if found is None and counts_as_effort(indicator):
                    found = Observation(indicator.id, 0.0, rule=NOT_STATED)
                if found is not None:
                    observations.append(found)
        observations.extend(self.assess_more(document, dimension))
        return observations

    def assess_more(self, document: Document, dimension: Dimension) -> Iterable[Observation]:
        """Observations of indicators that are neither tasks, disclosure nor metric rules (D10's)."""
        return ()


NOT_STATED = "not stated in the report: a measure not shown earns nothing (0)"


def counts_as_effort(indicator: Indicator) -> bool:
    """A scored count or yes/no item: evidence of a measure, so its absence is a 0, not a gap.

    Rates are outcomes: when a report does not state one, it is missing data (treated by the
    framework's policy), not a bad result.
    """
    return indicator.weight > 0 and indicator.direction == 1 and indicator.unit != RATE_UNIT


@lru_cache(maxsize=1024)
def term_pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    """One regex that finds any of ``terms``, longest first (so 行政复议 wins over 复议)."""
    ordered = sorted(terms, key=len, reverse=True)
    return re.compile("|".join(re.escape(term) for term in ordered) or "(?!)")


def dimension_vocabulary(dimension: Dimension) -> frozenset[str]:
    """Every term of the dimension and its key tasks."""
    return frozenset(dimension.terms).union(*(task.terms for task in dimension.key_tasks))


def task_coverage(view: ReportView, dimension: Dimension, task: KeyTask, indicator: Indicator) -> Observation:
    """0 not mentioned, 0.5 described, 1 concrete measures with quantified results.

    A sentence speaks of the task when it holds one of the task's terms and either stands in a
    section the reader gave this dimension or holds two distinct terms of the dimension's
    vocabulary: the section is a prior, not a fence.
    """
    vocabulary = term_pattern(tuple(sorted(dimension_vocabulary(dimension))))
    task_terms = term_pattern(task.terms)
    matched: list[tuple[Sentence, tuple[str, ...]]] = []
    for sentence in view.measures:
        if task_terms.search(sentence.text) is None:
            continue
        in_place = dimension.code in sentence.section_dimensions
        if in_place or len(set(vocabulary.findall(sentence.text))) >= 2:
            matched.append((sentence, tuple(t for t in task.terms if t in sentence.text)))
    quantified = [(s, hits) for s, hits in matched if s.facts]
    value = 1.0 if quantified else 0.5 if matched else 0.0
    best = (quantified + [m for m in matched if not m[0].facts])[:MAX_EVIDENCE]
    evidence = [Evidence(s.quote, s.start, s.end) for s, _ in best]
    terms = sorted({term for _, hits in matched for term in hits})
    rule = (
        f"key task {task.id} {task.title_zh}: {len(matched)} sentence(s) with its terms "
        f"({'、'.join(terms) or 'none'}), {len(quantified)} with quantified results → {value:g}"
    )
    return Observation(indicator.id, value, evidence=evidence, rule=rule)


def disclosure(view: ReportView, code: str, indicator: Indicator) -> Observation:
    """The number of distinct quantitative facts the reader assigned to this dimension."""
    seen: dict[tuple[int, int], Fact] = {}
    for sentence in view.sentences:
        for fact in sentence.facts:
            if code in fact.dimensions:
                seen.setdefault((fact.start, fact.end), fact)
    evidence = [Evidence(f.quote, f.start, f.end) for f in seen.values()]
    rule = f"{len(seen)} distinct quantitative facts assigned to {code}"
    return Observation(indicator.id, float(len(seen)), evidence=evidence, rule=rule)


def metric(view: ReportView, rule: MetricRule) -> Observation | None:
    """The metric's value from the first fact that fits ``rule``, or ``None`` when none does."""
    found = rule.find(view)
    if found is None:
        return None
    fact = found.fact
    evidence = [Evidence(fact.quote, fact.start, fact.end)]
    return Observation(rule.indicator, fact.value, evidence=evidence, rule=rule.describe())
