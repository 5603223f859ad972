"""Declare a built-in dimension compactly: its key tasks, their indicators and its metrics.

Each dimension module is data. It lists its key tasks with :func:`task` and its metrics with
:func:`rate`, :func:`effort`, :func:`flag` and :func:`report`, and hands them to
:func:`dimension`, which derives what is the same in all ten: key-task ids by position
(``d4.t1``, ``d4.t2`` …), one ``task`` indicator per key task (``d4.task.<slug>``) and the
``disclosure`` indicator ``d4.quantified_facts``.

Conventions shared by every module:

- a rate is stored as a fraction (98.52% → 0.9852) with unit :data:`RATE`, and its goalposts
  are fractions too;
- a count carries the measure word a report uses for it (件, 宗, 次 …; money in 元); readers
  treat 件/宗 as the same thing, so the word names the usual form, not the only one;
- an indicator that is not scored by default (``weight`` 0: a disputed direction, or a volume
  that follows the size of the unit) has no goalposts: a framework file that wants to score it
  must say how;
- terms are written as the text normaliser leaves them (NFKC: ``互联网+``, not ``互联网＋``) and
  are given as one whitespace-separated string, since Chinese terms contain no spaces.
"""

from __future__ import annotations

from collections.abc import Sequence

from attrs import frozen

from lawgov_score.model.framework import Dimension, Direction, Indicator, IndicatorKind, KeyTask

RATE = "%"
"""Unit of a rate or share: the value is a fraction, the unit says how to show it."""

TASK_DESCRIPTION = (
    "How far the report shows this key task being carried out: 0 when it is not mentioned, "
    "0.5 when measures are described, 1 when concrete quantified measures are given."
)

_REPORT_ONLY = " Reported, not scored (weight 0)."


@frozen
class Task:
    """A key task as a module declares it; :func:`dimension` gives it its id."""

    slug: str
    title_zh: str
    title_en: str
    terms: tuple[str, ...]


def words(terms: str) -> tuple[str, ...]:
    """Split a whitespace-separated list of terms."""
    return tuple(terms.split())


def task(slug: str, title_zh: str, title_en: str, terms: str) -> Task:
    """Declare a key task: ``slug`` names its indicator, ``terms`` reveal it in a report."""
    return Task(slug=slug, title_zh=title_zh, title_en=title_en, terms=words(terms))


def rate(
    metric_id: str,
    name_zh: str,
    name_en: str,
    goalposts: tuple[float, float],
    why: str,
    *,
    direction: Direction = 1,
    kind: IndicatorKind = "metric",
) -> Indicator:
    """A scored rate or share with fixed goalposts in fraction units (0.9 for 90%)."""
    return Indicator(
        id=metric_id, name_zh=name_zh, name_en=name_en, kind=kind, unit=RATE,
        direction=direction, weight=1.0, goalposts=goalposts, description=why,
    )


def effort(metric_id: str, name_zh: str, name_en: str, unit: str, high: float, why: str) -> Indicator:
    """A scored count of effort (study sessions, trainings) that saturates at ``high``."""
    return Indicator(
        id=metric_id, name_zh=name_zh, name_en=name_en, kind="metric", unit=unit,
        direction=1, weight=1.0, goalposts=(0.0, high), description=why,
    )


def flag(
    metric_id: str, name_zh: str, name_en: str, why: str, *, kind: IndicatorKind = "metric"
) -> Indicator:
    """A scored yes/no item: 1 when present, 0 when not."""
    return Indicator(
        id=metric_id, name_zh=name_zh, name_en=name_en, kind=kind, unit="",
        direction=1, weight=1.0, goalposts=(0.0, 1.0), description=why,
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


def dimension(
    code: str,
    title_zh: str,
    title_en: str,
    *,
    terms: str,
    tasks: Sequence[Task],
    facts_high: float,
    facts_why: str,
    metrics: Sequence[Indicator],
) -> Dimension:
    """Assemble a dimension: key tasks, their task indicators, the disclosure indicator, metrics.

    :param code: ``"D1"`` … ``"D10"``; ids are prefixed with its lower-case form.
    :param terms: words typical of the dimension but not tied to one key task.
    :param tasks: the key tasks in the order of the national outline.
    :param facts_high: the number of distinct quantitative facts that scores 100.
    :param facts_why: why that number suits this dimension.
    :param metrics: the metric (and compliance) indicators.
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
            description=TASK_DESCRIPTION,
        )
        for t, key_task in zip(tasks, key_tasks, strict=True)
    )
    disclosure = Indicator(
        id=f"{prefix}.quantified_facts", name_zh="量化事实数", name_en="Distinct quantitative facts",
        kind="disclosure", unit="个", direction=1, weight=1.0, goalposts=(0.0, facts_high),
        description=f"Number of distinct quantitative facts the report gives for this dimension, "
        f"saturating at {facts_high:g}: {facts_why}",
    )
    return Dimension(
        code=code, title_zh=title_zh, title_en=title_en, weight=1.0,
        indicators=(*task_indicators, disclosure, *metrics),
        key_tasks=key_tasks, terms=words(terms),
    )
