"""D4 — major administrative decisions: awareness, statutory procedure, execution, legal advisers."""

from __future__ import annotations

from lawgov_score import hookimpl
from lawgov_score.assess import FlagRule, MetricRule, ReportDimension
from lawgov_score.assess.build import dimension, effort, flag, outcome, report, task
from lawgov_score.dimension import DimensionPlugin
from lawgov_score.model.framework import Dimension

DIMENSION = dimension(
    "D4",
    "健全行政决策制度体系，不断提升行政决策公信力和执行力",
    "Major administrative decisions",
    terms="行政决策 决策公信力 决策科学化 决策民主化 决策法治化 科学民主依法决策",
    tasks=[
        task(
            "awareness", "强化依法决策意识", "Awareness of deciding according to law",
            "依法决策 决策意识 法定权限 决策权限 科学决策 民主决策 先法后策",
        ),
        task(
            "procedure", "严格落实重大行政决策程序",
            "Statutory procedure for major administrative decisions",
            "重大行政决策 重大决策 决策程序 法定程序 公众参与 专家论证 风险评估 合法性审查 "
            "集体讨论决定 集体讨论 决策事项目录 决策目录 目录管理 决策听证 决策草案 征求公众意见",
        ),
        task(
            "execution_evaluation", "加强行政决策执行和评估", "Execution and evaluation of decisions",
            "决策执行 决策后评估 决策评估 跟踪反馈 终身责任追究 责任倒查 决策过程记录 决策档案 "
            "决策调整",
        ),
        task(
            "legal_advisers", "发挥法律顾问和公职律师作用", "Government legal advisers and public lawyers",
            "法律顾问 公职律师 法制审核 合同合法性审查 政府合同 合同审查 列席 法律意见 法制机构 "
            "法律事务",
        ),
    ],
    facts_high=5,
    facts_why="reports give few numbers here (decisions in the catalogue, legal reviews, meetings "
    "attended by the legal office, advisers); the seed gives three, five is a full account.",
    outcomes=[
        outcome(
            "d4.decision_legality_review_rate", "重大行政决策合法性审查率",
            "Share of major decisions reviewed for legality before adoption", (0.9, 1.0),
            "Every major decision must be reviewed for legality before it is decided; 90% or less is the "
            "failure line and 100% scores 100.",
            "《重大行政决策程序暂行条例》(国务院令第713号, 2019), art. 24–28: a decision not reviewed for legality "
            "cannot be put to collective discussion — the target is 100%.",
        ),
        outcome(
            "d4.legal_adviser_coverage_rate", "法律顾问（公职律师）覆盖率",
            "Share of bodies with a legal adviser or public lawyer", (0.8, 1.0),
            "Full coverage of government bodies is the aim and is commonly reported as reached; "
            "80% or less is the failure line and 100% scores 100.",
            "中办国办《关于推行法律顾问制度和公职律师公司律师制度的意见》(2016): every party and government body "
            "at county level and above has a legal adviser — the target is 100%.",
        ),
    ],
    metrics=[
        report(
            "d4.major_decisions", "重大行政决策事项数", "Major administrative decisions taken", "件",
            "The number of major decisions follows the unit's agenda, and a short catalogue may mean "
            "either restraint or evasion of the procedure: neither direction is better.",
        ),
        flag(
            "d4.decision_catalogue_published", "重大行政决策事项目录已公布",
            "Catalogue of major decisions published",
            "1 when the report says the catalogue of major decisions for the year was drawn up and "
            "published, as the 2019 regulation on major decision procedure requires; 0 otherwise.",
        ),
        report(
            "d4.legal_reviews", "法制审核事项件数", "Matters given legal review", "件",
            "More matters reviewed shows the review is used, but the count follows the unit's "
            "workload and size.",
            direction=1,
        ),
        effort(
            "d4.post_decision_evaluations", "重大行政决策后评估件数",
            "Post-decision evaluations of major decisions", "件", 5,
            "Post-decision evaluation is required for selected decisions only; reports give one to "
            "three a year; five saturates on a log scale.",
        ),
        report(
            "d4.public_lawyers", "公职律师人数", "Public-sector lawyers", "人",
            "More public lawyers is better, but the count follows the size of the administration.",
            direction=1,
        ),
    ],
)



RULES = (
    # Decisions reviewed are legal reviews, not decisions taken (审查各类规范性文件、重大决策及合同156件);
    # the decisions on the year's catalogue are the decisions (目录确定的5项决策事项).
    MetricRule("d4.major_decisions", ["重大行政决策", "重大决策", "决策事项"], exclude=["率", "审查", "审核", "评估"]),
    # The review is often named in the sentence and the count written with a bare 审查/审核
    # (对议题全部进行合法性审查，全年审查各类文件156件).
    MetricRule("d4.legal_reviews", ["法制审核", "合法性审查", "合法性审核", "审查", "审核"],
               context=["法制审核", "合法性审查", "合法性审核"], exclude=["率", "执法决定", "公平竞争"]),
    MetricRule("d4.post_decision_evaluations", ["后评估", "决策评估"]),
    MetricRule("d4.legal_adviser_coverage_rate", ["法律顾问", "公职律师"], kinds=["rate"]),
    MetricRule("d4.decision_legality_review_rate", ["合法性审查率", "合法性审核率", "法制审核率", "审查率", "审核率"],
               context=["决策"], kinds=["rate"], exclude=["规范性文件"], context_exclude=["规范性文件"]),
    MetricRule("d4.public_lawyers", ["公职律师"]),
)


class DecisionsDimension(ReportDimension):
    """D4: major administrative decisions."""

    metric_rules = RULES
    flag_rules = (
        FlagRule(
            "d4.decision_catalogue_published",
            [["决策事项目录", "决策目录"], ["制定", "公布", "公开", "印发", "发布", "编制", "向社会"]],
        ),
    )

    def definition(self) -> Dimension:
        return DIMENSION


@hookimpl
def lawgov_score_register_dimensions() -> list[DimensionPlugin]:
    return [DecisionsDimension()]
