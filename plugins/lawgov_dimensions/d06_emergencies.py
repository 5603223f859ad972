"""D6 — emergencies: the response system, handling capacity, grassroots and social forces.

The poorest part in numbers: most reports describe it in words only, so described measures carry
most of its score and the disclosure goalpost is low.
"""

from __future__ import annotations

from lawgov_score import hookimpl
from lawgov_score.assess import MetricRule, ReportDimension
from lawgov_score.assess.build import dimension, effort, report, task
from lawgov_score.dimension import DimensionPlugin
from lawgov_score.model.framework import Dimension, Indicator

DIMENSION = dimension(
    "D6",
    "健全突发事件应对体系，依法预防处置重大突发事件",
    "Emergency response",
    terms="突发事件 应急管理 应急 公共安全 防灾减灾 重大风险 生产安全事故 安全生产事故 安全事故 自然灾害 灾害事故",
    tasks=[
        task(
            "system", "完善突发事件应对制度", "The legal framework for emergency response",
            "突发事件应对制度 突发事件应对法 应急管理制度 应急管理体制 应急管理体系 应急体系 "
            "应急指挥 应急法治 应急机制 应急制度 预案管理办法 应急管理办法 应急管理条例",
        ),
        task(
            "capacity", "提高突发事件依法处置能力",
            "Capacity to handle emergencies by law (plans, warnings, drills)",
            "依法处置 处置能力 预案 预警 监测预警 演练 应急响应 应急救援 应急值守 应急物资 "
            "防汛 防台 森林防火 风险监测 信息发布",
        ),
        task(
            "social_participation", "引导、规范基层组织和社会力量参与突发事件应对",
            "Grassroots organisations and social forces in emergency response",
            "社会力量 基层组织 第一响应人 应急志愿 救援队 社会应急力量 群防群治 网格员 应急科普 "
            "应急培训 应急宣传 自救互救",
        ),
    ],
    facts_high=4,
    facts_why="the part is mostly narrative; reports that give numbers give one to four (warnings, "
    "drills, trained responders), so four distinct facts is already a rich account.",
    outcomes=[
        Indicator(
            id="d6.accidents_change", name_zh="生产安全事故起数同比变化",
            name_en="Change of production-safety accidents",
            kind="outcome", unit="%", direction=-1, weight=1.0, goalposts=(-0.3, 0.1), group="outcomes",
            missing_score=0.0,
            description="A fall is better: a fall of 30% or more scores 100, a rise of 10% or more is the "
            "failure line.",
            source="《安全生产法》(2021) and the national safety-production plans aim at a lasting fall in "
            "accidents; no numeric target for a year, so the goalposts follow the changes reports state.",
        ),
    ],
    metrics=[
        report(
            "d6.warnings_handled", "处置预警数", "Early warnings handled", "个",
            "The number of warnings follows weather, hazards and the monitoring system's sensitivity; "
            "neither direction is better.",
        ),
        effort(
            "d6.emergency_drills", "应急演练次数", "Emergency drills", "次", 50,
            "District reports that count drills give from a few to dozens; fifty saturates on a log "
            "scale, so a unit is not rewarded much for counting every school fire drill.",
        ),
        report(
            "d6.first_responders_certified", "应急第一响应人培训合格人数",
            "First responders trained and certified", "人",
            "More trained responders is better, but the count follows the population.",
            direction=1,
        ),
    ],
)



RULES = (
    # Warnings handled (处置预警12812个), not warning signals or slips issued to the public.
    MetricRule("d6.warnings_handled", ["预警"], exclude=["提示单", "信号", "发布"]),
    MetricRule("d6.emergency_drills", ["演练"]),
    MetricRule("d6.first_responders_certified", ["通过", "取得证书", "持证", "合格"],
               context=["第一响应人", "应急", "救援"]),
    # 生产安全事故起数同比下降12%: the change of the number of accidents, a fall being negative.
    MetricRule("d6.accidents_change", ["事故起数", "事故数", "安全事故", "事故"], kinds=["change"],
               exclude=["死亡", "隐患", "伤亡"], signed=True),
)


class EmergenciesDimension(ReportDimension):
    """D6: emergency response."""

    metric_rules = RULES

    def definition(self) -> Dimension:
        return DIMENSION


@hookimpl
def lawgov_score_register_dimensions() -> list[DimensionPlugin]:
    return [EmergenciesDimension()]
