"""D10 — Party leadership and the mechanisms that drive law-based government building.

Also holds what the 2019 rule on supervision (《法治政府建设与责任落实督察工作规定》) asks of the
report itself: its five required elements and publication before 1 April. The duty of the first
responsible person (第一责任人, 述法) belongs here even where a report writes it in its first section.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from lawgov_score import hookimpl
from lawgov_score.assess import MetricRule, ReportDimension
from lawgov_score.assess.build import RATE, dimension, effort, flag, outcome, rate, report, task
from lawgov_score.assess.compliance import internal_consistency, published_on_time, required_elements
from lawgov_score.dimension import DimensionPlugin
from lawgov_score.model.framework import Dimension, Indicator, IndicatorGroup
from lawgov_score.model.observation import Observation
from lawgov_score.reading.model import Document

_SHUFA = (
    "Reporting on rule-of-law duties (述法) is expected of every leadership; the count follows the "
    "number of bodies and officials in the unit."
)

DIMENSION = dimension(
    "D10",
    "加强党的领导，完善法治政府建设推进机制",
    "Party leadership and driving mechanisms",
    terms="党的领导 党委领导 法治建设领导体制 法治政府建设推进",
    tasks=[
        task(
            "party_leadership", "加强党对法治政府建设的领导",
            "Party leadership of law-based government building (first responsible person, 述法)",
            "第一责任人 党政主要负责人 主要负责同志 主要领导同志 法治首责 述法 述职 法治建设责任 责任落实 常委会 "
            "专题研究部署 听取汇报 依法治区 依法治县 依法治市 依法治省 依法治旗",
        ),
        task(
            "mechanisms", "完善法治政府建设推进机制",
            "Driving mechanisms (inspection, assessment, demonstration, annual reports)",
            "推进机制 督察 法治督察 考核 考评 绩效考核 示范创建 示范市 示范县 示范区 示范城区 示范项目 年度报告 "
            "情况报告 指标体系",
        ),
        task(
            "capacity", "全面加强依法行政能力建设", "Officials' capacity to administer by law",
            "依法行政能力 学法考试 学法考法 法律知识考试 学法用法 尊法学法守法用法 领导干部学法 "
            "干部学法 法治培训 法治教育培训 法治专题培训 法治干部培训 领导干部法治 法治能力 "
            "法治素养 旁听庭审 任职培训 初任培训 讲法 法治讲座 法治专题讲座 应知应会",
        ),
        task(
            "research_publicity", "加强理论研究和舆论宣传", "Theoretical research and publicity",
            "理论研究 法治研究 课题 研究基地 智库 研讨会 舆论宣传 宣传报道 新闻宣传 典型经验 "
            "先进典型 经验做法",
        ),
    ],
    facts_high=8,
    facts_why="reports count 述法 units and reports, trainings, exam participants and rates, and "
    "inspections; the seed gives ten, eight is a full account.",
    outcomes=[
        outcome(
            "d10.law_exam_participation_rate", "学法考试参考率", "Law-exam participation rate", (0.9, 1.0),
            "Every official required to sit the exam should; reports give 95–100%: 90% or less is the "
            "failure line and 100% scores 100.",
            "中办国办《关于完善国家工作人员学法用法制度的意见》(2016): yearly law exams for officials — the "
            "target is full participation.",
        ),
        outcome(
            "d10.law_exam_pass_rate", "学法考试合格率", "Law-exam pass rate", (0.9, 1.0),
            "Passing is expected of nearly all; 90% or less is the failure line and 100% scores 100.",
            "The same rules on officials' study and use of the law (2016).",
        ),
    ],
    groups=[IndicatorGroup("report", "报告质量", "The report itself", 0.25,
                           description="The 2019 rule's requirements of the report (its elements, published on "
                           "time) and whether its figures agree with each other.")],
    weights={"tasks": 0.35, "data": 0.15, "outcomes": 0.18, "disclosure": 0.07},
    metrics=[
        report("d10.shufa_units", "开展述法单位数", "Units whose leaders reported on rule-of-law duties "
               "(述法)", "家", _SHUFA, direction=1),
        report("d10.shufa_officials", "述法人数", "Officials who reported on rule-of-law duties", "人",
               _SHUFA, direction=1),
        report("d10.shufa_reports", "述法（述职）报告份数", "Rule-of-law duty reports submitted", "份",
               _SHUFA, direction=1),
        effort(
            "d10.rule_of_law_trainings", "领导干部法治培训场次", "Rule-of-law trainings for officials", "场",
            12,
            "Dedicated rule-of-law trainings for leading officials are held a few times a year at "
            "district level; twelve saturates on a log scale.",
        ),
        report(
            "d10.training_participants", "法治培训参训人次", "Person-times trained in the rule of law",
            "人次", "More is better, but the count follows the number of officials.", direction=1,
        ),
        report(
            "d10.law_exam_participants", "学法考试参考人数", "Officials sitting the law exam", "人",
            "Follows the number of officials; the participation rate is the scored measure.",
            direction=1,
        ),
        report(
            "d10.law_exam_excellence_rate", "学法考试优秀率", "Law-exam excellence rate", RATE,
            "Higher is better, but the share of excellent marks depends on each exam's difficulty and "
            "local mark scheme and is not comparable across units.",
            direction=1,
        ),
        rate(
            "d10.required_elements", "年度报告法定要素完备率", "Share of the five required elements present",
            (0.0, 1.0),
            "Fraction of the five elements the 2019 rule requires that the report contains: measures "
            "and results, shortcomings and their causes (naming real problems, not boilerplate), the "
            "principal heads' performance of their duty as first responsible person, next year's plans, "
            "other matters.",
            kind="compliance", group="report",
        ),
        flag(
            "d10.published_on_time", "年度报告按时公开", "Report published on time",
            "1 when the report was published before 1 April of the following year, as the 2019 rule "
            "requires; 0 otherwise.",
            kind="compliance", group="report",
        ),
        rate(
            "d10.internal_consistency", "报告数据一致性", "Share of the report's consistency checks that pass",
            (0.5, 1.0),
            "The figures a report lets one recompute (a rate from its counts, a growth from its count, "
            "parts against their total) should agree: half failing scores 0, all passing 100; missing "
            "when nothing can be checked. Placed in D10 because it judges the report itself, which the "
            "2019 rule makes the leadership answer for, and because most dimensions give too few "
            "checkable figures to judge one by one.",
            kind="credibility", group="report",
        ),
    ],
)


_RULE_OF_LAW_TRAINING = ["法治培训", "法治专题培训", "法治教育培训", "法治讲座", "法治专题讲座", "依法行政培训",
                         "学法", "法治能力"]
RULES = (
    MetricRule("d10.shufa_units", ["单位", "部门"], context=["述法"]),
    # Officials are counted in 名/人; the quote holds the measure word, so units (家/个) and reports
    # (份) in the same 述法 sentence are told apart by theirs.
    MetricRule("d10.shufa_officials", ["名", "人"], context=["述法"], exclude=["家", "个", "份"]),
    MetricRule("d10.shufa_reports", ["述职报告", "述法报告"]),
    MetricRule("d10.rule_of_law_trainings", ["法治培训", "专题培训", "培训班"], context=["法治", "法律"]),
    # Enforcement staff trained (培训执法人员860人次) are D5's, not officials trained in the rule of law.
    MetricRule("d10.training_participants", ["人次"], context=_RULE_OF_LAW_TRAINING, exclude=["执法"],
               context_exclude=["执法业务", "执法人员"]),
    MetricRule(
        "d10.law_exam_participants", ["学法考试", "学法用法考试", "法律知识考试", "考试"], context=["学法", "法律"]
    ),
    MetricRule("d10.law_exam_participation_rate", ["参考率", "参考比例"], kinds=["rate"]),
    MetricRule("d10.law_exam_pass_rate", ["合格率", "通过率"], context=["考试"], kinds=["rate"]),
    MetricRule("d10.law_exam_excellence_rate", ["优秀率"], kinds=["rate"]),
)


Check = Callable[[Document, Indicator], "Observation | None"]
REPORT_CHECKS: dict[str, Check] = {
    "d10.required_elements": required_elements,
    "d10.published_on_time": published_on_time,
    "d10.internal_consistency": internal_consistency,
}
"""The indicators about the report itself, and the function that observes each."""


def report_checks(document: Document, dimension: Dimension, checks: dict[str, Check]) -> list[Observation]:
    """The observations of the report-level indicators ``dimension`` has."""
    found = (checks[ind.id](document, ind) for ind in dimension.indicators if ind.id in checks)
    return [observation for observation in found if observation is not None]


class LeadershipDimension(ReportDimension):
    """D10: Party leadership and driving mechanisms."""

    metric_rules = RULES

    def assess_more(self, document: Document, dimension: Dimension) -> Iterable[Observation]:
        """The report-level compliance indicators of the 2019 rule, and the report's consistency."""
        return report_checks(document, dimension, REPORT_CHECKS)

    def definition(self) -> Dimension:
        return DIMENSION


@hookimpl
def lawgov_score_register_dimensions() -> list[DimensionPlugin]:
    return [LeadershipDimension()]
