"""D5 — administrative law enforcement: system, key fields, procedure, methods, legal publicity."""

from __future__ import annotations

from lawgov_score import hookimpl
from lawgov_score.assess import MetricRule, ReportDimension
from lawgov_score.assess.build import dimension, effort, outcome, report, task
from lawgov_score.dimension import DimensionPlugin
from lawgov_score.model.framework import Dimension

_VOLUME = (
    "The caseload follows the size of the unit and how many violations occur, and more cases may "
    "mean stricter enforcement or worse compliance: neither direction is better."
)

DIMENSION = dimension(
    "D5",
    "健全行政执法工作体系，全面推进严格规范公正文明执法",
    "Administrative law enforcement",
    terms="行政执法 严格规范公正文明执法 执法人员 行政处罚 行政检查 行政强制 执法效能",
    tasks=[
        task(
            "system_reform", "深化行政执法体制改革", "Reform of the enforcement system",
            "执法体制改革 综合执法 综合行政执法 执法证 持证 执法资格 执法力量 执法重心 "
            "执法事项 执法队伍 执法培训 执法业务培训 执法指引 一支队伍管执法",
        ),
        task(
            "key_areas", "加大重点领域执法力度", "Enforcement in key fields",
            "重点领域执法 安全生产 食品安全 药品安全 生态环境 环境保护 隐患排查 事故隐患 "
            "专项整治 专项执法 执法检查 约谈 罚款 罚没",
        ),
        task(
            "procedure", "完善行政执法程序", "Enforcement procedure (the three systems, discretion standards)",
            "三项制度 执法公示 全过程记录 重大执法决定法制审核 裁量基准 自由裁量 裁量权 "
            "执法规范化 执法程序 执法文书 执法记录仪",
        ),
        task(
            "methods", "创新行政执法方式", "New enforcement methods (prudent, lenient, educational)",
            "包容审慎 柔性执法 轻微违法 首违不罚 从轻 减轻 不予处罚 免罚 说服教育 劝导示范 "
            "警示告诫 行政指导 企业合规 合规管理 合规指导 延期缴纳 分期缴纳",
        ),
        task(
            "legal_publicity", "全面落实“谁执法谁普法”普法责任制",
            "Enforcement bodies' duty to publicise the law",
            "谁执法谁普法 普法责任制 普法 以案释法 八五普法 法治宣传 宪法宣传 民法典 "
            "普法依法治理 法治文化 履职报告评议",
        ),
    ],
    facts_high=12,
    facts_why="reports give many enforcement numbers (cases, fines, certified officers, trainings, "
    "lenient-penalty lists and cases, publicity events); the seed gives fifteen, twelve saturates.",
    outcomes=[
        outcome(
            "d5.certified_rate", "执法人员持证上岗率", "Share of enforcement officers holding a certificate",
            (0.9, 1.0),
            "Every enforcement officer must hold a certificate; 90% or less is the failure line and 100% "
            "scores 100.",
            "《行政处罚法》(2021) art. 42: penalties are imposed by officers qualified for enforcement (持证上岗) "
            "— the target is 100%.",
        ),
        outcome(
            "d5.case_file_pass_rate", "执法案卷评查合格率", "Pass rate in enforcement case-file reviews",
            (0.8, 1.0),
            "Reviews of case files usually find 85–100% of files in order; 80% or less is the failure "
            "line and 100% scores 100.",
            "案卷评查 under the enforcement-supervision rules; no national numeric target, so the failure "
            "line is set below the values reports state.",
        ),
    ],
    metrics=[
        report("d5.enforcement_cases", "行政执法案件数", "Enforcement cases handled", "宗", _VOLUME),
        report(
            "d5.fines_amount", "罚款金额", "Fines imposed", "元",
            "Higher fines may mean stricter enforcement or worse compliance, and policy warns against "
            "fines as revenue (逐利执法): neither direction is better.",
        ),
        report(
            "d5.certified_officers", "持证执法人员数", "Certified enforcement officers", "人",
            "More certified officers is better, but the count follows the size of the administration.",
            direction=1,
        ),
        effort(
            "d5.enforcement_trainings", "执法业务培训场次", "Enforcement training sessions", "场", 30,
            "Trainings for enforcement staff: district reports give from a few to about thirty a year "
            "(the seed: 15); thirty saturates on a log scale.",
        ),
        report(
            "d5.lenient_penalty_list_items", "从轻、减轻、不予处罚清单事项数",
            "Items on the lighter, mitigated or no-penalty lists", "项",
            "Longer lists give more room to prudent enforcement, but their length is largely set by "
            "provincial lists and the unit's powers.",
            direction=1,
        ),
        report(
            "d5.lenient_penalty_cases", "从轻、减轻、不予处罚案件数",
            "Cases given lighter, mitigated or no penalty", "宗",
            "More lenient handling of minor first violations is encouraged, but the count follows the "
            "caseload.",
            direction=1,
        ),
    ],
)



RULES = (
    MetricRule("d5.enforcement_cases", ["处罚和强制案件", "行政执法案件", "执法案件", "行政处罚案件", "处罚案件",
                                        "处罚决定"],
               exclude=["不予", "从轻", "减轻", "分期", "法制审核"]),
    MetricRule("d5.fines_amount", ["罚款", "罚没"], kinds=["amount"]),
    # Officers trained (培训执法人员1860人次) or applying for a certificate are not the certified total.
    MetricRule("d5.certified_officers", ["执法证", "持证", "执法人员"], exclude=["申领", "培训", "人次"]),
    MetricRule("d5.certified_rate", ["持证率", "持证上岗率"], kinds=["rate"]),
    MetricRule("d5.enforcement_trainings", ["执法业务培训", "执法培训", "执法人员培训"]),
    MetricRule("d5.case_file_pass_rate", ["案卷合格率", "合格率"], context=["案卷"], kinds=["rate"]),
    MetricRule("d5.lenient_penalty_list_items", ["清单"], context=["不予处罚", "免罚", "从轻", "减轻"]),
    MetricRule("d5.lenient_penalty_cases", ["不予处罚案件", "免罚案件", "不予行政处罚", "轻微违法"]),
)


class EnforcementDimension(ReportDimension):
    """D5: administrative law enforcement."""

    metric_rules = RULES

    def definition(self) -> Dimension:
        return DIMENSION


@hookimpl
def lawgov_score_register_dimensions() -> list[DimensionPlugin]:
    return [EnforcementDimension()]
