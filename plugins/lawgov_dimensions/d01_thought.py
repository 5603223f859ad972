"""D1 — studying and applying Xi Jinping Thought on the Rule of Law; overall deployment.

Part one of the national outline. Reports give few numbers here (study sessions); the duty of
the first responsible person, often written in the same section, belongs to D10.
"""

from __future__ import annotations

from lawgov_score import hookimpl
from lawgov_score.assess import MetricRule, ReportDimension
from lawgov_score.assess.build import dimension, effort, task
from lawgov_score.dimension import DimensionPlugin
from lawgov_score.model.framework import Dimension

DIMENSION = dimension(
    "D1",
    "深入学习贯彻习近平法治思想，努力实现法治政府建设全面突破",
    "Studying and applying Xi Jinping Thought on the Rule of Law",
    terms="习近平法治思想 全面依法治国 中央全面依法治国工作会议 法治政府建设全面突破 法治轨道",
    tasks=[
        task(
            "study", "深入学习贯彻习近平法治思想",
            "Study the guiding thought (first agenda item, theory study group, pre-meeting law study)",
            "第一议题 理论学习中心组 中心组 会前学法 集体学法 专题学法 深学笃行 "
            "学习贯彻 学习宣传贯彻 专题学习 专题研讨 专题读书班 重要讲话 重要指示 "
            "二十大精神 法治思维和法治方式",
        ),
        task(
            "deployment", "统筹部署法治政府建设",
            "Overall planning and deployment of law-based government building",
            "统筹部署 统筹推进 统筹力度 统筹协调 工作部署 部署会 法治政府建设实施方案 "
            "法治政府建设工作要点 法治建设工作要点 法治政府建设规划 重点工作安排 政府工作报告 "
            "经济社会发展规划 任务分解 责任分工 工作台账",
        ),
    ],
    facts_high=5,
    facts_why="the part is mostly narrative; real reports give one to three numbers "
    "(study sessions of several kinds), so four distinct facts is already a rich account.",
    metrics=[
        effort(
            "d1.first_agenda_study_sessions", "“第一议题”学习次数", "'First agenda item' study sessions",
            "次", 60,
            "Sessions studying the latest speeches and instructions as the first item of party-group "
            "and executive meetings, which sit several times a month. District and city reports that "
            "count them give from about ten to sixty a year (the seed, Bao'an: 56); on a log scale 60 "
            "saturates, so each doubling earns the same and no real report is far past the top."
        ),
        effort(
            "d1.central_group_law_study_sessions", "理论学习中心组专题学法次数",
            "Theory study group sessions on the rule of law", "次", 6,
            "Sessions of the leadership's theory study group given to the rule of law: reports give "
            "one to four a year; six (every other month) saturates on a log scale.",
        ),
        effort(
            "d1.pre_meeting_law_study_sessions", "常务会议会前学法次数",
            "Law study sessions before executive meetings", "次", 24,
            "Law studied before the government's executive meetings (常务会议会前学法), which sit "
            "monthly or more often; reports give from a few to about twenty; 24 (twice a month) "
            "saturates on a log scale.",
        ),
    ],
)



RULES = (
    # The extractor reads at most 20 characters before a number, so a long object of study
    # (传达学习习近平总书记关于法治建设的重要讲话精神18次) may leave 学习 out of the fact's phrase.
    MetricRule("d1.first_agenda_study_sessions", ["学习", "学法", "第一议题", "讲话", "精神", "传达"],
               context=["第一议题"]),
    # The study group must be the subject: a 第一议题 count earlier in the sentence, or the group's
    # members counted doing research or giving lectures, is not a study session of the group.
    MetricRule("d1.central_group_law_study_sessions", ["中心组"], context=["学习", "学法", "研讨"],
               exclude=["调研", "调查研究", "宣讲", "授课", "讲课"]),
    MetricRule("d1.pre_meeting_law_study_sessions", ["会前学法", "常务会议学法", "常务会学法"]),
)


class ThoughtDimension(ReportDimension):
    """D1: study and application of the guiding thought, and overall deployment."""

    metric_rules = RULES

    def definition(self) -> Dimension:
        return DIMENSION


@hookimpl
def lawgov_score_register_dimensions() -> list[DimensionPlugin]:
    return [ThoughtDimension()]
