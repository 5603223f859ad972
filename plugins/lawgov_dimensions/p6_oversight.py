"""P6 — 2015–2020 outline, part 六: 强化对行政权力的制约和监督 (maps to D8)."""

from __future__ import annotations

from lawgov_dimensions import d08_oversight as d8
from lawgov_dimensions._outline2015 import OUTLINE, pick, relabel, rules
from lawgov_score import hookimpl
from lawgov_score.assess import ReportDimension
from lawgov_score.assess.build import dimension, task
from lawgov_score.dimension import DimensionPlugin
from lawgov_score.model.framework import Dimension

_OUTCOMES = ("d8.proposals_completion_rate", "d8.proposals_satisfaction_rate", "d8.disclosure_timely_rate")
_METRICS = ("d8.deputy_suggestions", "d8.cppcc_proposals", "d8.judicial_suggestions", "d8.procuratorial_suggestions",
            "d8.audited_units", "d8.supervision_items", "d8.information_published", "d8.disclosure_requests",
            "d8.disclosure_requests_closed")

DIMENSION = dimension(
    "P6",
    "强化对行政权力的制约和监督",
    "Checks and oversight of administrative power (2015–2020)",
    terms="行政权力制约 制约和监督 权力运行 监督体系 监督",
    tasks=[
        task("system", "健全行政权力运行制约和监督体系", "A system of checks on the exercise of power",
             "权力运行制约 制约和监督体系 内部权力制约 分事行权 分岗设权 分级授权"),
        task("external", "自觉接受党内监督、人大监督、民主监督、司法监督", "Party, congress, democratic and judicial "
             "oversight", "党内监督 人大监督 民主监督 政协监督 司法监督 代表建议 人大代表建议 政协提案 委员提案 "
             "司法建议 检察建议"),
        task("administrative", "加强行政监督和审计监督", "Administrative oversight and audit",
             "行政监督 层级监督 审计监督 审计 专项监督 督查 督办"),
        task("social", "完善社会监督和舆论监督机制", "Social and media oversight",
             "社会监督 舆论监督 投诉举报 热线 特邀监督员 媒体监督"),
        task("openness", "全面推进政务公开", "Openness of government affairs",
             "政务公开 信息公开 政府信息公开 依申请公开 主动公开 政策解读 门户网站 政务新媒体"),
        task("accountability", "完善纠错问责机制", "Correction and accountability",
             "纠错问责 问责 责任追究 行政问责 容错纠错"),
    ],
    facts_high=15,
    facts_why="as for D8: suggestions and proposals handled, audits, published items, requests.",
    outcomes=relabel("d8.", "p6.", pick(d8.DIMENSION.indicators, _OUTCOMES)),
    metrics=relabel("d8.", "p6.", pick(d8.DIMENSION.indicators, _METRICS)),
    outline=OUTLINE,
)
RULES = rules("d8.", "p6.", d8.RULES, _OUTCOMES + _METRICS)


class OversightDimension2015(ReportDimension):
    """P6: checks and oversight, under the 2015–2020 outline."""

    metric_rules = RULES

    def definition(self) -> Dimension:
        return DIMENSION


@hookimpl
def lawgov_score_register_dimensions() -> list[DimensionPlugin]:
    return [OversightDimension2015()]
