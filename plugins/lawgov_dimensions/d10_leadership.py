"""D10 — Party leadership and the mechanisms that drive law-based government building.

Also holds what the 2019 rule on supervision (《法治政府建设与责任落实督察工作规定》) asks of the
report itself: its five required elements and publication before 1 April. The duty of the first
responsible person (第一责任人, 述法) belongs here even where a report writes it in its first section.
"""

from __future__ import annotations

from collections.abc import Iterable

from lawgov_dimensions._build import RATE, dimension, effort, flag, rate, report, task
from lawgov_score import hookimpl
from lawgov_score.compliance import published_on_time, required_elements
from lawgov_score.dimension import DimensionPlugin
from lawgov_score.model.framework import Dimension
from lawgov_score.model.observation import Observation
from lawgov_score.reading.model import Document
from lawgov_score.report_dimension import MetricRule, ReportDimension

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
    metrics=[
        report("d10.shufa_units", "开展述法单位数", "Units whose leaders reported on rule-of-law duties "
               "(述法)", "家", _SHUFA, direction=1),
        report("d10.shufa_officials", "述法人数", "Officials who reported on rule-of-law duties", "人",
               _SHUFA, direction=1),
        report("d10.shufa_reports", "述法（述职）报告份数", "Rule-of-law duty reports submitted", "份",
               _SHUFA, direction=1),
        effort(
            "d10.rule_of_law_trainings", "领导干部法治培训场次", "Rule-of-law trainings for officials", "场",
            6,
            "Dedicated rule-of-law trainings for leading officials are held a few times a year at "
            "district level; six saturates.",
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
        rate(
            "d10.law_exam_participation_rate", "学法考试参考率", "Law-exam participation rate", (0.9, 1.0),
            "Every official required to sit the exam should; reports give 95–100%: 90% scores 0 and "
            "100% scores 100.",
        ),
        rate(
            "d10.law_exam_pass_rate", "学法考试合格率", "Law-exam pass rate", (0.9, 1.0),
            "Passing is expected of nearly all; 90% scores 0 and 100% scores 100.",
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
            "and results, shortcomings and their causes, the principal heads' performance of their "
            "duty as first responsible person, next year's plans, other matters.",
            kind="compliance",
        ),
        flag(
            "d10.published_on_time", "年度报告按时公开", "Report published on time",
            "1 when the report was published before 1 April of the following year, as the 2019 rule "
            "requires; 0 otherwise.",
            kind="compliance",
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


class LeadershipDimension(ReportDimension):
    """D10: Party leadership and driving mechanisms."""

    metric_rules = RULES

    def assess_more(self, document: Document, dimension: Dimension) -> Iterable[Observation]:
        """The report-level compliance indicators of the 2019 rule."""
        checks = {"d10.required_elements": required_elements, "d10.published_on_time": published_on_time}
        for indicator in dimension.indicators:
            check = checks.get(indicator.id)
            found = check(document, indicator) if check is not None else None
            if found is not None:
                yield found

    def definition(self) -> Dimension:
        return DIMENSION


@hookimpl
def lawgov_score_register_dimensions() -> list[DimensionPlugin]:
    return [LeadershipDimension()]
