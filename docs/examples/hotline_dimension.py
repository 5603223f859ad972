"""A dimension that reads reports the way D1–D10 do, declared as data (docs: write-a-plugin)."""

from __future__ import annotations

from lawgov_score.assess import FlagRule, MetricRule, ReportDimension
from lawgov_score.assess.build import dimension, flag, outcome, task
from lawgov_score.model.framework import Dimension

HOTLINE = dimension(
    "S2",
    "政务服务便民热线",
    "Government service hotline",
    terms="政务服务便民热线 便民热线 热线",
    tasks=[task("merge", "热线归并", "One number for all hotlines", "12345 热线归并 一号对外")],
    facts_high=5,
    facts_why="hotline reports give calls received, cases closed and rates; five figures is a full account.",
    outcomes=[
        outcome(
            "s2.completion_rate", "热线办结率", "Share of hotline requests closed", (0.9, 1.0),
            "Requests should be closed; 90% or less is the failure line and 100% scores 100.",
            "国务院办公厅《关于进一步优化地方政务服务便民热线的指导意见》(2020): requests handled and answered.",
        ),
    ],
    metrics=[flag("s2.satisfaction_survey", "满意度回访", "Satisfaction follow-up calls",
                  "1 when the report says callers are asked how satisfied they were.")],
    outline="",  # belongs to no national outline: joins the framework of either
)


class HotlineDimension(ReportDimension):
    """S2: the 12345 hotline, read from report text by the built-in method."""

    metric_rules = (MetricRule("s2.completion_rate", ["办结率"], context=["热线", "12345"], kinds=["rate"]),)
    flag_rules = (FlagRule("s2.satisfaction_survey", [["回访"], ["满意度", "满意率"]]),)

    def definition(self) -> Dimension:
        return HOTLINE
