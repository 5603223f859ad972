"""Declare a report-reading dimension as data: its key tasks, data, core outcomes and other metrics.

A dimension module lists its key tasks with :func:`task`, its core outcome metrics with
:func:`outcome`, its counts of effort with :func:`effort`, yes/no measures with :func:`flag` and
figures shown but not scored with :func:`report`, and hands them to :func:`dimension`, which
derives what is the same in every dimension:

* one ``task`` indicator per key task (``d4.task.<slug>``), graded from the evidence attributed to it;
* ``<code>.quantified_facts``: the distinct credited figures of the dimension, on a log scale;
* ``<code>.outcomes_disclosed``: the share of its core outcomes the report discloses;
* ``<code>.adverse``: the points its adverse evidence takes off.

and the groups they are aggregated in (:data:`GROUPS`, weights within the dimension). Any plugin —
the ten built-in ones and a province's own — gets the whole method this way.

Conventions:

- a rate is stored as a fraction (98.52% → 0.9852) with unit :data:`RATE`; its goalposts too;
- a count carries the measure word a report uses for it (件, 宗, 次 …; money in 元);
- an indicator reported but not scored (``weight`` 0: a disputed direction, or a volume that
  follows the size of the unit) has no goalposts;
- terms are written as the text normaliser leaves them (NFKC: ``互联网+``) and given as one
  whitespace-separated string, since Chinese terms contain no spaces.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from attrs import frozen

from lawgov_score.model.framework import Dimension, Direction, Indicator, IndicatorGroup, IndicatorKind, KeyTask

RATE = "%"
"""Unit of a rate or share: the value is a fraction, the unit says how to show it."""

GROUPS: dict[str, tuple[str, str, float, str]] = {
    "tasks": ("任务落实", "Key tasks carried out", 0.40,
              "How far the report shows each key task of the outline carried out, graded from the evidence "
              "attributed to it."),
    "data": ("数据翔实", "Detail and data", 0.20,
             "Distinct figures the report gives for the dimension, and its counts of effort."),
    "outcomes": ("工作成效", "Outcomes", 0.30,
                 "How good the core outcomes are; one the report does not disclose scores 0."),
    "disclosure": ("成效公开", "Outcomes disclosed", 0.10, "The share of the core outcomes the report discloses."),
}
"""The default groups of a dimension: name (zh, en), weight within the dimension, what they measure.

Why these weights: evaluators reward concrete measures, data and outcomes rather than mentions
(CASS: 内容翔实; CUPL scores outcomes such as 败诉率). The key tasks keep the largest single share
because every part of the outline has them while outcomes are few and unevenly reported; outcomes
and their disclosure together weigh as much as the tasks' evidence (0.40), so that a report's
results move its score as much as its descriptions — the validity suite's outcome cases require
it. A dimension without core outcomes (D1) divides its weight between tasks and data.
"""

TASK_GRADES = ("none", "mentioned", "action", "quantified", "substantiated")
"""A key task's grades, scoring 0, 25, 50, 75 and 100 (see :mod:`lawgov_score.assess.tasks`)."""
TASK_DESCRIPTION = (
    "How far the report shows this key task carried out, from the evidence attributed to it: none (0), "
    "mentioned (25), a specific action — a named document, mechanism, platform, body or event, or a "
    "date (50), a quantified result (75), quantified results in several statements (100)."
)
_REPORT_ONLY = " Reported, not scored (weight 0)."


@frozen
class Task:
    """A key task as a module declares it; :func:`dimension` gives it its id."""

    slug: str
    title_zh: str
    title_en: str
    terms: tuple[str, ...]
    applies_to: tuple[str, ...] = ()
    applicability: str = ""


def words(terms: str) -> tuple[str, ...]:
    """Split a whitespace-separated list of terms."""
    return tuple(terms.split())


def task(slug: str, title_zh: str, title_en: str, terms: str, *, applies_to: Sequence[str] = (),
         applicability: str = "") -> Task:
    """Declare a key task: ``slug`` names its indicator, ``terms`` reveal it in a report;
    ``applies_to`` limits it to some levels of unit, for the reason ``applicability`` gives."""
    return Task(slug, title_zh, title_en, words(terms), tuple(applies_to), applicability)


def outcome(
    metric_id: str,
    name_zh: str,
    name_en: str,
    goalposts: tuple[float, float],
    why: str,
    source: str,
    *,
    direction: Direction = 1,
    applies_to: Sequence[str] = (),
    applicability: str = "",
) -> Indicator:
    """A core outcome: a rate with goalposts whose source is stated; not disclosed scores 0.

    The goalpost that scores 0 is also the failure line: a disclosed value beyond it is adverse
    evidence too (it takes points off the dimension).
    """
    return Indicator(
        id=metric_id, name_zh=name_zh, name_en=name_en, kind="outcome", unit=RATE, direction=direction,
        weight=1.0, goalposts=goalposts, description=why, group="outcomes", source=source, missing_score=0.0,
        applies_to=tuple(applies_to), applicability=applicability,
    )


def rate(
    metric_id: str, name_zh: str, name_en: str, goalposts: tuple[float, float], why: str, *,
    direction: Direction = 1, kind: IndicatorKind = "metric", group: str = "data",
) -> Indicator:
    """A scored rate or share that is not a core outcome (a compliance share, say)."""
    return Indicator(
        id=metric_id, name_zh=name_zh, name_en=name_en, kind=kind, unit=RATE,
        direction=direction, weight=1.0, goalposts=goalposts, description=why, group=group,
    )


def effort(metric_id: str, name_zh: str, name_en: str, unit: str, high: float, why: str) -> Indicator:
    """A scored count of effort (study sessions, trainings, drills) on a log scale saturating at
    ``high``. Not stated, it scores 0 — a measure not shown earns nothing — so that stating a count,
    however modest, never lowers a score."""
    return Indicator(
        id=metric_id, name_zh=name_zh, name_en=name_en, kind="metric", unit=unit,
        direction=1, weight=1.0, goalposts=(0.0, high), description=why, group="data", scale="log",
        missing_score=0.0,
    )


def flag(metric_id: str, name_zh: str, name_en: str, why: str, *, kind: IndicatorKind = "metric",
         group: str = "tasks") -> Indicator:
    """A scored yes/no measure: 1 when the report states it, 0 when not."""
    return Indicator(
        id=metric_id, name_zh=name_zh, name_en=name_en, kind=kind, unit="",
        direction=1, weight=1.0, goalposts=(0.0, 1.0), description=why, group=group,
    )


def report(
    metric_id: str, name_zh: str, name_en: str, unit: str, why: str, *, direction: Direction = 0
) -> Indicator:
    """An item extracted and shown but not scored by default (weight 0, no goalposts).

    ``direction`` 0 (the default) when which way is better is disputed; 1 or −1 when the
    direction is clear but the value follows the unit's size or is not comparable across units.
    """
    return Indicator(
        id=metric_id, name_zh=name_zh, name_en=name_en, kind="metric", unit=unit,
        direction=direction, weight=0.0, goalposts=None, description=why + _REPORT_ONLY,
    )


def group(group_id: str, weight: float | None = None) -> IndicatorGroup:
    """One of the default :data:`GROUPS`, with its weight or another."""
    name_zh, name_en, default, why = GROUPS[group_id]
    return IndicatorGroup(group_id, name_zh, name_en, default if weight is None else weight, description=why)


def dimension(
    code: str,
    title_zh: str,
    title_en: str,
    *,
    terms: str,
    tasks: Sequence[Task],
    facts_high: float,
    facts_why: str,
    metrics: Sequence[Indicator] = (),
    outcomes: Sequence[Indicator] = (),
    groups: Sequence[IndicatorGroup] = (),
    weights: Mapping[str, float] | None = None,
    outline: str = "2021-2025",
) -> Dimension:
    """Assemble a dimension: task indicators, data, outcomes, disclosure, adverse evidence, metrics.

    :param code: ``"D1"`` … ``"D10"``; ids are prefixed with its lower-case form.
    :param terms: words typical of the dimension but not tied to one key task.
    :param tasks: the key tasks in the order of the national outline.
    :param facts_high: the number of distinct credited figures that scores 100 (log scale).
    :param facts_why: why that number suits this dimension.
    :param metrics: effort counts, flags, reported items and other metrics.
    :param outcomes: the core outcome metrics (:func:`outcome`).
    :param groups: groups beyond the defaults (D10's report compliance).
    :param weights: group weights replacing the defaults.
    """
    prefix = code.lower()
    key_tasks = tuple(
        KeyTask(id=f"{prefix}.t{number}", title_zh=t.title_zh, title_en=t.title_en, terms=t.terms)
        for number, t in enumerate(tasks, start=1)
    )
    task_indicators = tuple(
        Indicator(
            id=f"{prefix}.task.{t.slug}", name_zh=t.title_zh, name_en=t.title_en, kind="task",
            unit="", direction=1, weight=1.0, goalposts=(0.0, 1.0), key_task=key_task.id,
            description=TASK_DESCRIPTION, group="tasks", applies_to=t.applies_to, applicability=t.applicability,
        )
        for t, key_task in zip(tasks, key_tasks, strict=True)
    )
    facts = Indicator(
        id=f"{prefix}.quantified_facts", name_zh="量化数据数", name_en="Distinct credited figures",
        kind="disclosure", unit="个", direction=1, weight=2.0, goalposts=(0.0, facts_high), group="data",
        scale="log",
        description=f"Distinct figures the report gives for this dimension, credited as evidence (a figure "
        f"repeated counts once; one in a term list or heading, an impossible one or one repeated across "
        f"unrelated subjects not at all), on a log scale saturating at {facts_high:g}: {facts_why}",
    )
    derived: list[Indicator] = [*task_indicators, facts]
    if outcomes:
        derived.append(Indicator(
            id=f"{prefix}.outcomes_disclosed", name_zh="核心成效指标公开率", name_en="Share of core outcomes disclosed",
            kind="disclosure", unit=RATE, direction=1, weight=1.0, goalposts=(0.0, 1.0), group="disclosure",
            description="The share of the dimension's core outcomes whose value the report states (a stated "
            "change without the level counts half).",
        ))
    derived.append(Indicator(
        id=f"{prefix}.adverse", name_zh="不利结果", name_en="Adverse results reported", kind="adverse", unit="分",
        direction=-1, weight=0.0,
        description="Points taken off the dimension for each distinct statement of a bad result of the unit "
        "(cases lost, decisions revoked, criticism received, incidents, targets missed, complaints rising) "
        "and each core outcome beyond its failure line.",
    ))
    used = {"tasks", "data", *(("outcomes", "disclosure") if outcomes else ()), *(g.id for g in groups)}
    weights = dict(weights or {})
    default_groups = [group(g, weights.get(g)) for g in GROUPS if g in used]
    extra = [g if g.id not in weights else IndicatorGroup(g.id, g.name_zh, g.name_en, weights[g.id],
                                                          g.aggregation, g.description) for g in groups]
    return Dimension(
        code=code, title_zh=title_zh, title_en=title_en, weight=1.0,
        indicators=(*derived, *outcomes, *metrics),
        key_tasks=key_tasks, terms=words(terms), groups=(*default_groups, *extra), outline=outline,
    )
