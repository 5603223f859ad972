"""D9 — technology support: information platforms, data sharing, online supervision and enforcement.

Online availability of government services (网上可办率, 全程网办率) is a D2 metric, part of the
放管服 reform; this part covers the platforms and data behind it.
"""

from __future__ import annotations

from lawgov_score import hookimpl
from lawgov_score.assess import MetricRule, ReportDimension
from lawgov_score.assess.build import dimension, outcome, report, task
from lawgov_score.dimension import DimensionPlugin
from lawgov_score.model.framework import Dimension

DIMENSION = dimension(
    "D9",
    "健全法治政府建设科技保障体系，全面建设数字法治政府",
    "Technology support and digital law-based government",
    terms="数字法治政府 数字政府 科技保障 信息化 数字化 智能化 大数据 人工智能 区块链 云计算 "
    "数据安全 网络安全 数据泄露 信息泄露 系统故障 系统瘫痪",
    tasks=[
        task(
            "platforms", "加快推进信息化平台建设", "Information platforms",
            "信息化平台 政务信息化 信息化建设 信息化项目 一体化平台 一体化政务服务平台 政务云 "
            "数字城市 智慧城市 城市大脑 一网统管 法治信息化 智慧政务",
        ),
        task(
            "data_sharing", "加快推进政务数据有序共享", "Orderly sharing of government data",
            "数据共享 共享数据 政务数据 政务大数据 数据资源 大数据资源 数据开放 共享交换 数据底座 智能底座 "
            "电子证照 电子印章 数据治理 数据归集",
        ),
        task(
            "online_supervision", "深入推进“互联网+”监管执法", "'Internet plus' supervision and enforcement",
            "互联网+监管 互联网+执法 非现场执法 非现场监管 远程监管 移动监管 移动执法 智慧监管 "
            "智慧执法 在线监管 监管数据 掌上执法 监管行为覆盖率",
        ),
    ],
    facts_high=4,
    facts_why="reports describe platforms more than they count them; those that give numbers give "
    "a few (data records shared, online rates), so four distinct facts is a rich account.",
    outcomes=[
        outcome(
            "d9.enforcement_online_rate", "行政执法案件网上办理率", "Share of enforcement cases handled online",
            (0.8, 1.0),
            "Reports give 85–100%; 80% or less is the failure line and 100% scores 100.",
            "国务院《关于加强数字政府建设的指导意见》(国发〔2022〕14号) and the outline's task 深入推进“互联网+”"
            "监管执法; no numeric target, so the failure line lies below reported values.",
        ),
        outcome(
            "d9.supervision_coverage_rate", "“互联网+监管”监管行为覆盖率",
            "Coverage of supervision actions on the 'Internet plus supervision' system", (0.5, 1.0),
            "Coverage reported ranges from about half to full; 50% or less is the failure line.",
            "The outline's task 深入推进“互联网+”监管执法; no numeric target, so the goalposts follow the range "
            "reports state.",
        ),
    ],
    metrics=[
        report(
            "d9.data_records_shared", "政务数据共享条数", "Government data records shared", "条",
            "More sharing is better, but the count follows the size of the unit and how records are "
            "counted.",
            direction=1,
        ),
    ],
)



RULES = (
    MetricRule("d9.data_records_shared", ["数据共享", "共享数据", "交换数据", "共享交换"], exclude=["目录"]),
    # Usually written 行政执法案件网上办理率: the online-handling words of D2, about enforcement cases.
    MetricRule("d9.enforcement_online_rate", ["网上执法率", "线上执法率", "执法信息化率", "网上办理率", "网上办案率",
                                             "线上办理率", "网办率"],
               context=["执法"], kinds=["rate"]),
    MetricRule("d9.supervision_coverage_rate", ["覆盖率"], context=["互联网+监管", "监管"], kinds=["rate"]),
)


class DigitalDimension(ReportDimension):
    """D9: technology support and digital law-based government."""

    metric_rules = RULES

    def definition(self) -> Dimension:
        return DIMENSION


@hookimpl
def lawgov_score_register_dimensions() -> list[DimensionPlugin]:
    return [DigitalDimension()]
