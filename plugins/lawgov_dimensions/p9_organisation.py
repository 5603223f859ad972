"""P9 — 2015–2020 outline, part 九: 组织保障和落实机制 (maps to D10); also the report's own compliance."""

from __future__ import annotations

from collections.abc import Iterable

from lawgov_dimensions import d10_leadership as d10
from lawgov_dimensions._outline2015 import OUTLINE, pick, relabel, rules
from lawgov_score import hookimpl
from lawgov_score.assess import ReportDimension
from lawgov_score.assess.build import dimension, task
from lawgov_score.dimension import DimensionPlugin
from lawgov_score.model.framework import Dimension
from lawgov_score.model.observation import Observation
from lawgov_score.reading.model import Document

_REPORT = ("d10.required_elements", "d10.published_on_time", "d10.internal_consistency")
_METRICS = ("d10.shufa_units", "d10.shufa_officials", "d10.shufa_reports")

DIMENSION = dimension(
    "P9",
    "组织保障和落实机制",
    "Organisation and implementation (2015–2020)",
    terms="组织保障 落实机制 法治政府建设领导 法治建设领导",
    tasks=[
        task("leadership", "加强党对法治政府建设的领导", "Party leadership of law-based government building",
             "党的领导 党委领导 党委常委会 专题研究 部署推进 法治建设领导小组 依法治区 依法治县 依法治市"),
        task("first_responsible", "落实第一责任人责任", "The first responsible person's duty",
             "第一责任人 党政主要负责人 主要负责同志 述职述法 述法 法治建设责任"),
        task("assessment", "强化考核评价和督促检查", "Assessment and inspection",
             "考核评价 考核 绩效考核 督促检查 督察 法治督察 年度报告 情况报告 指标体系"),
        task("research_publicity", "加强理论研究、典型示范和宣传引导", "Research, models and publicity",
             "理论研究 典型示范 示范创建 示范市 示范县 宣传引导 舆论宣传 先进典型 经验做法"),
    ],
    facts_high=8,
    facts_why="as for D10: duty reports, inspections, assessments.",
    metrics=[*relabel("d10.", "p9.", pick(d10.DIMENSION.indicators, _METRICS)),
             *relabel("d10.", "p9.", pick(d10.DIMENSION.indicators, _REPORT))],
    groups=[group for group in d10.DIMENSION.groups if group.id == "report"],
    weights={"tasks": 0.45, "data": 0.2},
    outline=OUTLINE,
)
RULES = rules("d10.", "p9.", d10.RULES, _METRICS)
_CHECKS = {"p9." + key[len("d10."):]: check for key, check in d10.REPORT_CHECKS.items()}


class OrganisationDimension2015(ReportDimension):
    """P9: organisation and implementation, under the 2015–2020 outline."""

    metric_rules = RULES

    def assess_more(self, document: Document, dimension: Dimension) -> Iterable[Observation]:
        """The report-level compliance indicators, as D10 reads them."""
        return d10.report_checks(document, dimension, _CHECKS)

    def definition(self) -> Dimension:
        return DIMENSION


@hookimpl
def lawgov_score_register_dimensions() -> list[DimensionPlugin]:
    return [OrganisationDimension2015()]
