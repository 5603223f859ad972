"""P8 — 2015–2020 outline, part 八: 全面提高政府工作人员法治思维和依法行政能力 (maps to D10's capacity
task and D1's study)."""

from __future__ import annotations

from lawgov_dimensions import d01_thought as d1
from lawgov_dimensions import d10_leadership as d10
from lawgov_dimensions._outline2015 import OUTLINE, pick, relabel, rules
from lawgov_score import hookimpl
from lawgov_score.assess import ReportDimension
from lawgov_score.assess.build import dimension, task
from lawgov_score.dimension import DimensionPlugin
from lawgov_score.model.framework import Dimension

_OUTCOMES = ("d10.law_exam_participation_rate", "d10.law_exam_pass_rate")
_METRICS = ("d10.rule_of_law_trainings", "d10.training_participants", "d10.law_exam_participants")
_STUDY = ("d1.pre_meeting_law_study_sessions", "d1.central_group_law_study_sessions")

DIMENSION = dimension(
    "P8",
    "全面提高政府工作人员法治思维和依法行政能力",
    "Officials' thinking in terms of law and capacity to administer by law (2015–2020)",
    terms="法治思维 依法行政能力 法治思维和法治方式 法治素养",
    tasks=[
        task("selection", "树立重视法治素养和法治能力的用人导向", "Promotion that values legal competence",
             "用人导向 法治素养 法治能力 干部考察 任前考法 任前法律知识考试"),
        task("training", "加强对政府工作人员的法治教育培训", "Legal education and training of officials",
             "法治教育培训 法治培训 学法 会前学法 集体学法 中心组 理论学习中心组 专题学法 法治讲座 "
             "法治专题讲座 任职培训 初任培训 学法用法"),
        task("testing", "完善政府工作人员法治能力考查测试制度", "Testing officials' legal competence",
             "学法考试 法律知识考试 学法用法考试 考法 述法 法治能力考查 旁听庭审"),
        task("practice", "注重通过法治实践提高政府工作人员法治思维和依法行政能力",
             "Capacity built through practice", "法治实践 依法办事 以案释法 案例教学 庭审旁听"),
    ],
    facts_high=8,
    facts_why="trainings, study sessions, exam participants and rates; eight is a full account.",
    outcomes=relabel("d10.", "p8.", pick(d10.DIMENSION.indicators, _OUTCOMES)),
    metrics=[*relabel("d10.", "p8.", pick(d10.DIMENSION.indicators, _METRICS)),
             *relabel("d1.", "p8.", pick(d1.DIMENSION.indicators, _STUDY))],
    outline=OUTLINE,
)
RULES = (*rules("d10.", "p8.", d10.RULES, _OUTCOMES + _METRICS), *rules("d1.", "p8.", d1.RULES, _STUDY))


class CapacityDimension2015(ReportDimension):
    """P8: officials' legal thinking and capacity, under the 2015–2020 outline."""

    metric_rules = RULES

    def definition(self) -> Dimension:
        return DIMENSION


@hookimpl
def lawgov_score_register_dimensions() -> list[DimensionPlugin]:
    return [CapacityDimension2015()]
