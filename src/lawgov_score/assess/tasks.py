"""Grading a key task from the evidence attributed to it.

=============== ===== ==========================================================================
grade           score what the report shows
=============== ===== ==========================================================================
none                0 nothing attributed to the task
mentioned          25 a clause that names the task (not a term list)
action             50 a specific action: a named document 《…》, a named mechanism, platform, body
                      or event (印发…办法, 开通“…”平台, 召开…会议), or a date
quantified         75 a credited figure in a clause about the task
substantiated     100 at least two distinct credited figures, in two statements or with a
                      specific action beside them
=============== ===== ==========================================================================

Only the report's measures count: headings, shortcomings, plans and the closing block never do;
a statement repeated counts once.
"""

from __future__ import annotations

from attrs import frozen

from lawgov_score.assess.analysis import ACTION, MENTIONED, QUANTIFIED, Analysis, Evidence
from lawgov_score.model.framework import KeyTask

MAX_QUOTES = 3
"""Statements quoted as evidence of a key task (the most quantified first)."""
GRADE_VALUES = {"none": 0.0, "mentioned": 0.25, "action": 0.5, "quantified": 0.75, "substantiated": 1.0}
GRADE_WORDS = {
    "none": ("not shown", "未体现"),
    "mentioned": ("mentioned without a specific action or figure", "仅提及，无具体举措或数据"),
    "action": ("a specific action", "有具体举措"),
    "quantified": ("a quantified result", "有量化成效"),
    "substantiated": ("quantified results in several statements", "多处量化成效"),
}


@frozen
class TaskGrade:
    """A key task's grade, with the evidence behind it (strongest first)."""

    grade: str
    evidence: tuple[Evidence, ...]
    figures: int
    statements: int

    @property
    def value(self) -> float:
        return GRADE_VALUES[self.grade]


def grade_task(analysis: Analysis, code: str, task: KeyTask) -> TaskGrade:
    """The grade of ``task`` of dimension ``code`` in the analysed report."""
    items = analysis.of_task(code, task.id)
    figures = {f.key for item in items for f in item.facts}
    quantified = [i for i in items if i.grade == QUANTIFIED]
    actions = [i for i in items if i.grade == ACTION]
    if len(figures) >= 2 and (len(quantified) >= 2 or actions):
        grade = "substantiated"
    elif figures:
        grade = "quantified"
    elif actions:
        grade = "action"
    elif any(i.grade == MENTIONED for i in items):
        grade = "mentioned"
    else:
        grade = "none"
    ordered = sorted(items, key=lambda i: (-i.grade, -len(i.facts), i.sentence.start))
    return TaskGrade(grade, tuple(ordered[:MAX_QUOTES]), len(figures), len({i.sentence.key for i in items}))


def describe(task: KeyTask, graded: TaskGrade) -> tuple[str, str]:
    """The grade in one sentence, English and Chinese."""
    en, zh = GRADE_WORDS[graded.grade]
    if graded.grade == "none":
        return (f"key task {task.title_zh}: no statement of the report is evidence of it",
                f"重点任务“{task.title_zh}”：报告中没有体现该任务的表述")
    best = graded.evidence[0].detail
    return (
        f"key task {task.title_zh}: {graded.statements} statement(s), {graded.figures} distinct figure(s) — "
        f"{en} ({best})",
        f"重点任务“{task.title_zh}”：{graded.statements}处表述，{graded.figures}项不同数据——{zh}（{best}）",
    )
