"""P5 — 2015–2020 outline, part 五: 坚持严格规范公正文明执法 (maps to D5)."""

from __future__ import annotations

from lawgov_dimensions import d05_enforcement as d5
from lawgov_dimensions._outline2015 import OUTLINE, pick, relabel, rules
from lawgov_score import hookimpl
from lawgov_score.assess import ReportDimension
from lawgov_score.assess.build import dimension, task
from lawgov_score.dimension import DimensionPlugin
from lawgov_score.model.framework import Dimension

_OUTCOMES = ("d5.certified_rate", "d5.case_file_pass_rate")
_METRICS = ("d5.enforcement_cases", "d5.fines_amount", "d5.certified_officers", "d5.enforcement_trainings",
            "d5.lenient_penalty_list_items", "d5.lenient_penalty_cases")

DIMENSION = dimension(
    "P5",
    "坚持严格规范公正文明执法",
    "Strict, standardised, fair and civil law enforcement (2015–2020)",
    terms="严格规范公正文明执法 行政执法 执法人员 行政处罚 行政检查 行政强制",
    tasks=[
        task("system_reform", "改革行政执法体制", "Reform of the enforcement system",
             "执法体制改革 综合执法 综合行政执法 相对集中行政处罚权 执法重心下移 执法力量"),
        task("procedure", "完善行政执法程序", "Enforcement procedure",
             "执法程序 执法公示 全过程记录 重大执法决定法制审核 三项制度 裁量基准 自由裁量 执法文书"),
        task("methods", "创新行政执法方式", "New enforcement methods",
             "执法方式 说服教育 劝导示范 行政指导 行政奖励 柔性执法 信息共享 执法信息平台"),
        task("responsibility", "全面落实行政执法责任制", "Responsibility for enforcement",
             "行政执法责任制 执法责任 执法评议 执法考核 执法过错 责任追究"),
        task("staff", "健全行政执法人员管理制度", "Management of enforcement staff",
             "执法人员管理 执法证 持证 执法资格 执法培训 执法业务培训 资格考试 清理执法人员"),
        task("support", "加强行政执法保障", "Support for enforcement",
             "执法保障 执法经费 执法装备 执法记录仪 罚缴分离 收支两条线"),
    ],
    facts_high=12,
    facts_why="as for D5: cases, fines, certified officers, trainings, lenient handling.",
    outcomes=relabel("d5.", "p5.", pick(d5.DIMENSION.indicators, _OUTCOMES)),
    metrics=relabel("d5.", "p5.", pick(d5.DIMENSION.indicators, _METRICS)),
    outline=OUTLINE,
)
RULES = rules("d5.", "p5.", d5.RULES, _OUTCOMES + _METRICS)


class EnforcementDimension2015(ReportDimension):
    """P5: law enforcement, under the 2015–2020 outline."""

    metric_rules = RULES

    def definition(self) -> Dimension:
        return DIMENSION


@hookimpl
def lawgov_score_register_dimensions() -> list[DimensionPlugin]:
    return [EnforcementDimension2015()]
