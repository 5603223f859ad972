"""P4 — 2015–2020 outline, part 四: 推进行政决策科学化、民主化、法治化 (maps to D4)."""

from __future__ import annotations

from lawgov_dimensions import d04_decisions as d4
from lawgov_dimensions._outline2015 import OUTLINE, pick, relabel, rules
from lawgov_score import hookimpl
from lawgov_score.assess import FlagRule, ReportDimension
from lawgov_score.assess.build import dimension, task
from lawgov_score.dimension import DimensionPlugin
from lawgov_score.model.framework import Dimension

_OUTCOMES = ("d4.decision_legality_review_rate", "d4.legal_adviser_coverage_rate")
_METRICS = ("d4.major_decisions", "d4.decision_catalogue_published", "d4.legal_reviews",
            "d4.post_decision_evaluations", "d4.public_lawyers")

DIMENSION = dimension(
    "P4",
    "推进行政决策科学化、民主化、法治化",
    "Scientific, democratic and law-based decision-making (2015–2020)",
    terms="行政决策 科学化民主化法治化 决策科学化 重大行政决策 重大决策",
    tasks=[
        task("mechanism", "健全依法决策机制", "Mechanisms for deciding by law",
             "依法决策 决策机制 决策程序 法定程序 重大行政决策程序 决策事项目录"),
        task("participation", "增强公众参与实效", "Effective public participation",
             "公众参与 征求公众意见 公开征求意见 听证 决策听证 民意调查"),
        task("expertise", "提高专家论证和风险评估质量", "Expert review and risk assessment",
             "专家论证 风险评估 社会稳定风险评估 论证"),
        task("legality_review", "加强合法性审查", "Review of legality",
             "合法性审查 合法性审核 法制审核 法律顾问 公职律师 法制机构"),
        task("collective", "坚持集体讨论决定", "Collective discussion and decision",
             "集体讨论决定 集体讨论 常务会议审议 政府常务会议"),
        task("accountability", "严格决策责任追究", "Accountability for decisions",
             "决策责任追究 终身责任追究 责任倒查 决策后评估 决策评估"),
    ],
    facts_high=5,
    facts_why="as for D4: decisions reviewed, legal reviews, advisers.",
    outcomes=relabel("d4.", "p4.", pick(d4.DIMENSION.indicators, _OUTCOMES)),
    metrics=relabel("d4.", "p4.", pick(d4.DIMENSION.indicators, _METRICS)),
    outline=OUTLINE,
)
RULES = rules("d4.", "p4.", d4.RULES, _OUTCOMES + _METRICS)


class DecisionsDimension2015(ReportDimension):
    """P4: decision-making, under the 2015–2020 outline."""

    metric_rules = RULES
    flag_rules = tuple(FlagRule("p4." + rule.indicator[3:], rule.all_of)
                       for rule in d4.DecisionsDimension.flag_rules)

    def definition(self) -> Dimension:
        return DIMENSION


@hookimpl
def lawgov_score_register_dimensions() -> list[DimensionPlugin]:
    return [DecisionsDimension2015()]
