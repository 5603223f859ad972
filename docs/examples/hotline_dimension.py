"""A dimension that reads reports the way D1–D10 do, declared as data (docs: write-a-plugin)."""

from __future__ import annotations

from lawgov_score.model.framework import Dimension, Indicator, KeyTask
from lawgov_score.report_dimension import FlagRule, MetricRule, ReportDimension

HOTLINE = Dimension(
    code="S2",
    title_zh="政务服务便民热线",
    title_en="Government service hotline",
    key_tasks=[KeyTask("s2.t1", "热线归并", "One number for all hotlines", terms=("12345", "热线归并", "一号对外"))],
    indicators=[
        Indicator("s2.task.merge", "热线归并", kind="task", key_task="s2.t1", goalposts=(0, 1)),
        Indicator("s2.quantified_facts", "量化事实数", kind="disclosure", goalposts=(0, 5)),
        Indicator("s2.completion_rate", "热线办结率", kind="metric", unit="%", goalposts=(0.9, 1.0)),
        Indicator("s2.satisfaction_survey", "满意度回访", kind="metric", goalposts=(0, 1)),
    ],
)


class HotlineDimension(ReportDimension):
    """S2: the 12345 hotline, read from report text by the built-in method."""

    metric_rules = (MetricRule("s2.completion_rate", ["办结率"], context=["热线", "12345"], kinds=["rate"]),)
    flag_rules = (FlagRule("s2.satisfaction_survey", [["回访"], ["满意度", "满意率"]]),)

    def definition(self) -> Dimension:
        return HOTLINE
