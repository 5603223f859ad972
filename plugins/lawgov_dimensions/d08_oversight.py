"""D8 — checks and oversight: joint oversight, government inspection, oversight of enforcement,
openness of government affairs, government integrity."""

from __future__ import annotations

from lawgov_score import hookimpl
from lawgov_score.assess import MetricRule, ReportDimension
from lawgov_score.assess.build import dimension, outcome, report, task
from lawgov_score.dimension import DimensionPlugin
from lawgov_score.model.framework import Dimension

_HANDLED = (
    "The number handled follows how many deputies, members or organs submit them; what the unit "
    "controls is the reply and completion rate."
)
_FINDINGS = (
    "More suggestions or findings may mean worse administration or closer oversight: neither "
    "direction is better."
)

DIMENSION = dimension(
    "D8",
    "健全行政权力制约和监督体系，促进行政权力规范透明运行",
    "Checks, oversight, openness and integrity",
    terms="行政权力制约 制约和监督 监督体系 权力运行 规范透明 监督",
    tasks=[
        task(
            "joint_oversight", "形成监督合力",
            "Joint oversight (congress, CPPCC, courts, procuratorate, audit)",
            "监督合力 人大监督 民主监督 政协监督 司法监督 检察监督 审计监督 审计 统计监督 财会监督 "
            "群众监督 舆论监督 社会监督 代表建议 人大代表建议 政协提案 委员提案 提案 司法建议 "
            "检察建议",
        ),
        task(
            "inspection", "加强和规范政府督查工作", "Government inspection (督查)",
            "政府督查 督查 督办 督查事项 督促检查 跟踪督查",
        ),
        task(
            "enforcement_oversight", "加强对行政执法制约和监督", "Checks and oversight of enforcement",
            "执法监督 行政执法监督 执法协调监督 执法专项督查 案卷评查 执法评议 执法考核 执法责任制 层级监督 "
            "投诉举报 执法监督员 执法过错",
        ),
        task(
            "openness", "全面主动落实政务公开", "Openness of government affairs",
            "政务公开 信息公开 政府信息公开 依申请公开 主动公开 公开信息 政策解读 政府开放日 "
            "政府网站 门户网站 官网 政务新媒体 预决算公开 舆情回应 回应关切",
        ),
        task(
            "integrity", "加快推进政务诚信建设", "Government integrity and credit",
            "政务诚信 诚信 信用体系 社会信用 信用目录 信用承诺 信用信息 信用数据 失信 守信践诺 "
            "失信惩戒 联合惩戒 拖欠账款 拖欠中小企业 清理拖欠",
        ),
    ],
    facts_high=15,
    facts_why="reports give many numbers here (suggestions and proposals handled, audits, "
    "inspections, published items, disclosure requests, credit records); the seed gives over "
    "twenty, fifteen saturates.",
    outcomes=[
        outcome(
            "d8.proposals_completion_rate", "建议提案办复率", "Share of suggestions and proposals answered",
            (0.9, 1.0),
            "Every suggestion and proposal must be answered; 90% or less is the failure line and 100% "
            "scores 100.",
            "The rules on handling deputies' suggestions and members' proposals require an answer to each "
            "within three months — the target is 100%.",
        ),
        outcome(
            "d8.proposals_satisfaction_rate", "建议提案满意率",
            "Satisfaction of deputies and members with the answers", (0.8, 1.0),
            "Reported satisfaction lies mostly between 90% and 100%; 80% or less is the failure line.",
            "No numeric target; the failure line lies below the rates reports state.",
        ),
        outcome(
            "d8.disclosure_timely_rate", "依申请公开及时办结率",
            "Share of disclosure requests concluded on time", (0.9, 1.0),
            "Requests must be answered within the legal time limit; 90% or less is the failure line and "
            "100% scores 100.",
            "《政府信息公开条例》(2019) art. 33: an answer within 20 working days (20 more when extended) — "
            "the target is 100%.",
        ),
    ],
    metrics=[
        report("d8.deputy_suggestions", "办理人大代表建议件数", "People's-congress deputies' suggestions "
               "handled", "件", _HANDLED),
        report("d8.cppcc_proposals", "办理政协委员提案件数", "CPPCC members' proposals handled", "件",
               _HANDLED),
        report("d8.judicial_suggestions", "办理司法建议书份数", "Judicial suggestion letters handled", "份",
               _FINDINGS),
        report("d8.procuratorial_suggestions", "办理检察建议书份数",
               "Procuratorial suggestion letters handled", "份", _FINDINGS),
        report(
            "d8.audited_units", "审计单位数", "Units audited", "个",
            "More audit coverage is better, but the count follows the number of bodies in the unit.",
            direction=1,
        ),
        report(
            "d8.supervision_items", "政府督查事项数", "Government-supervision items tracked", "项",
            "More items tracked shows follow-up, but policy also seeks to cut excessive inspection "
            "(督查检查考核过多过频): neither direction is better.",
        ),
        report(
            "d8.information_published", "主动公开政府信息条数", "Items of information published", "条",
            "More proactive disclosure is better, but the count follows the size of the unit and how "
            "a website counts items.",
            direction=1,
        ),
        report(
            "d8.disclosure_requests", "政府信息公开申请数", "Government-information disclosure requests "
            "received", "宗",
            "The number of requests follows public demand and what is already published proactively: "
            "neither direction is better.",
        ),
        report(
            "d8.disclosure_requests_closed", "政府信息公开申请办结数",
            "Government-information disclosure requests concluded", "宗",
            "Follows the number of requests; the timely rate is the scored measure.",
        ),
    ],
)



_HOTLINE = ["热线", "12345", "工单"]
RULES = (
    # A joint total (人大代表建议和政协提案405件) is neither count.
    MetricRule("d8.deputy_suggestions", ["人大代表建议", "代表建议"], exclude=["提案"]),
    MetricRule("d8.cppcc_proposals", ["政协委员提案", "政协提案", "提案"], exclude=["代表建议"]),
    # A hotline's rates often stand next to 意见建议 from the public: not the deputies' and members'.
    MetricRule("d8.proposals_completion_rate", ["办复率", "办结率"], context=["建议", "提案"], kinds=["rate"],
               exclude=["及时"], context_exclude=_HOTLINE),
    MetricRule("d8.proposals_satisfaction_rate", ["满意率", "满意度"], context=["建议", "提案"], kinds=["rate"],
               context_exclude=_HOTLINE),
    MetricRule("d8.judicial_suggestions", ["司法建议"]),
    MetricRule("d8.procuratorial_suggestions", ["检察建议"]),
    MetricRule("d8.audited_units", ["审计"]),
    MetricRule("d8.supervision_items", ["督查事项"]),
    MetricRule("d8.information_published", ["公开信息", "发布信息", "公开政府信息", "主动公开"], exclude=["申请"]),
    MetricRule("d8.disclosure_requests", ["信息公开申请", "公开申请", "依申请公开"], exclude=["办结", "答复", "率"]),
    MetricRule("d8.disclosure_requests_closed", ["办结", "答复"], context=["信息公开", "公开申请"]),
    # 及时办结率 is also what hotlines and service centres report: the sentence must be about disclosure.
    MetricRule("d8.disclosure_timely_rate", ["及时办结率", "按时办结率", "按期办结率", "按期答复率", "及时答复率",
                                            "按时答复率", "及时率", "按时率", "按期率"],
               context=["公开"], kinds=["rate"], exclude=["报备", "备案"], context_exclude=_HOTLINE),
)


class OversightDimension(ReportDimension):
    """D8: checks and oversight of administrative power, openness and integrity."""

    metric_rules = RULES

    def definition(self) -> Dimension:
        return DIMENSION


@hookimpl
def lawgov_score_register_dimensions() -> list[DimensionPlugin]:
    return [OversightDimension()]
