"""P3 — 2015–2020 outline, part 三: 完善依法行政制度体系 (maps to D3)."""

from __future__ import annotations

from lawgov_dimensions import d03_rules as d3
from lawgov_dimensions._outline2015 import OUTLINE, pick, relabel, rules
from lawgov_score import hookimpl
from lawgov_score.assess import ReportDimension
from lawgov_score.assess.build import dimension, task
from lawgov_score.dimension import DimensionPlugin
from lawgov_score.model.framework import Dimension

_OUTCOMES = ("d3.legality_review_rate", "d3.filing_rate", "d3.filing_timely_rate", "d3.filing_pass_rate")
_METRICS = ("d3.regulation_drafts", "d3.normative_documents_issued", "d3.normative_documents_retained",
            "d3.normative_documents_amended", "d3.normative_documents_repealed")
_LEGISLATORS = ("province", "city", "department")

DIMENSION = dimension(
    "P3",
    "完善依法行政制度体系",
    "A complete system of rules for administration by law (2015–2020)",
    terms="依法行政制度体系 制度体系 制度建设 政府立法 立法质量",
    tasks=[
        task("legislative_system", "完善政府立法体制机制", "The system and mechanisms of government legislation",
             "政府立法体制 立法体制机制 立法计划 立法工作计划 立法项目 立法后评估 立法论证 立法听证",
             applies_to=_LEGISLATORS, applicability=d3._LEGISLATION),
        task("key_legislation", "加强重点领域政府立法", "Government legislation in key fields",
             "重点领域立法 重点领域政府立法 地方性法规 政府规章 规章草案 法规草案",
             applies_to=_LEGISLATORS, applicability=d3._LEGISLATION),
        task("participation", "提高政府立法公众参与度", "Public participation in government legislation",
             "立法公众参与 公开征求意见 立法协商 基层立法联系点 立法联系点",
             applies_to=_LEGISLATORS, applicability=d3._LEGISLATION),
        task("normative_documents", "加强规范性文件监督管理", "Oversight of normative documents",
             "规范性文件 合法性审核 合法性审查 备案审查 备案率 报备 统一登记 统一编号 统一印发 三统一"),
        task("clean_up", "建立行政法规、规章和规范性文件清理长效机制",
             "Standing clean-up of regulations, rules and normative documents",
             "文件清理 清理 废止 宣布失效 动态清理 专项清理 法规规章清理"),
    ],
    facts_high=8,
    facts_why="as for D3: documents issued, reviewed, retained and repealed, and filing rates.",
    outcomes=relabel("d3.", "p3.", pick(d3.DIMENSION.indicators, _OUTCOMES)),
    metrics=relabel("d3.", "p3.", pick(d3.DIMENSION.indicators, _METRICS)),
    outline=OUTLINE,
)
RULES = rules("d3.", "p3.", d3.RULES, _OUTCOMES + _METRICS)


class RulesDimension2015(ReportDimension):
    """P3: the system of rules, under the 2015–2020 outline."""

    metric_rules = RULES

    def definition(self) -> Dimension:
        return DIMENSION


@hookimpl
def lawgov_score_register_dimensions() -> list[DimensionPlugin]:
    return [RulesDimension2015()]
