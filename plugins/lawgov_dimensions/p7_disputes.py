"""P7 — 2015–2020 outline, part 七: 依法有效化解社会矛盾纠纷 (maps to D7)."""

from __future__ import annotations

from lawgov_dimensions import d07_disputes as d7
from lawgov_dimensions._outline2015 import OUTLINE, pick, relabel, rules
from lawgov_score import hookimpl
from lawgov_score.assess import ReportDimension
from lawgov_score.assess.build import dimension, task
from lawgov_score.dimension import DimensionPlugin
from lawgov_score.model.framework import Dimension

_OUTCOMES = ("d7.mediation_success_rate", "d7.reconsideration_closing_rate", "d7.litigation_loss_rate",
             "d7.head_court_appearance_rate")
_METRICS = ("d7.mediation_cases", "d7.reconsideration_cases", "d7.reconsideration_cases_closed",
            "d7.reconsideration_direct_correction_rate", "d7.reconsideration_correction_rate", "d7.litigation_cases",
            "d7.agency_head_court_appearances")

DIMENSION = dimension(
    "P7",
    "依法有效化解社会矛盾纠纷",
    "Resolving social disputes effectively according to law (2015–2020)",
    terms="社会矛盾纠纷 矛盾纠纷 纠纷化解 多元化解 行政争议 信访",
    tasks=[
        task("mechanism", "健全依法化解纠纷机制", "Mechanisms to resolve disputes by law",
             "依法化解纠纷 多元化纠纷解决 多元化解 矛盾纠纷排查 诉调对接 大调解"),
        task("reconsideration", "加强行政复议工作", "Administrative reconsideration",
             "行政复议 复议 复议案件 复议决定 纠错率 直接纠错率 复议委员会 行政应诉 出庭应诉 负责人出庭 "
             "行政诉讼 败诉",
             applies_to=d7._REVIEW_BODIES, applicability=d7._REVIEW),
        task("mediation_ruling", "完善行政调解、行政裁决、仲裁制度", "Mediation, rulings and arbitration",
             "行政调解 行政裁决 仲裁 劳动人事争议仲裁 调处"),
        task("people_mediation", "加强人民调解工作", "People's mediation",
             "人民调解 调解委员会 调解员 人民调解员 调解组织"),
        task("petitions", "改革信访工作制度", "Reform of petitions",
             "信访 信访工作 网上信访 诉访分离 依法逐级走访 来信来访"),
    ],
    facts_high=15,
    facts_why="as for D7, the richest part in numbers.",
    outcomes=relabel("d7.", "p7.", pick(d7.DIMENSION.indicators, _OUTCOMES)),
    metrics=relabel("d7.", "p7.", pick(d7.DIMENSION.indicators, _METRICS)),
    outline=OUTLINE,
)
RULES = rules("d7.", "p7.", d7.RULES, _OUTCOMES + _METRICS)


class DisputesDimension2015(ReportDimension):
    """P7: dispute resolution, under the 2015–2020 outline."""

    metric_rules = RULES

    def definition(self) -> Dimension:
        return DIMENSION


@hookimpl
def lawgov_score_register_dimensions() -> list[DimensionPlugin]:
    return [DisputesDimension2015()]
