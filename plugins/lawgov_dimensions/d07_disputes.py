"""D7 — disputes: administrative mediation, rulings, reconsideration and litigation.

The richest part in numbers. Most of them are case volumes that follow the size of the unit, or
outcomes whose better direction is disputed, so they are reported; scored are the loss rate,
the court-appearance rate of agency heads, the closing rate of reconsideration and the mediation
success rate — its core outcomes.
"""

from __future__ import annotations

from lawgov_score import hookimpl
from lawgov_score.assess import MetricRule, ReportDimension
from lawgov_score.assess.build import RATE, dimension, outcome, report, task
from lawgov_score.dimension import DimensionPlugin
from lawgov_score.model.framework import Dimension, Indicator

_CASES = (
    "The caseload follows the size of the unit and how many disputes arise; more cases may mean "
    "more conflict or more trust in the channel: neither direction is better."
)
_CORRECTION = (
    "Disputed: a high correction rate shows the review channel works, but also that agencies "
    "erred; a low one may mean lawful administration or a timid reviewer."
)
_APPEARANCES = (
    "More appearances of agency heads in court is better, but the count follows the caseload; "
    "the appearance rate is the scored measure."
)


_REVIEW_BODIES = ("province", "city", "county", "department")
_REVIEW = (
    "Townships and streets are not reconsideration bodies: 《行政复议法》 gives the power to governments at "
    "county level and above (and, before 2024, to their departments)."
)


def _cases(metric_id: str, name_zh: str, name_en: str, why: str = _CASES) -> Indicator:
    return report(metric_id, name_zh, name_en, "宗", why)


DIMENSION = dimension(
    "D7",
    "健全社会矛盾纠纷行政预防调处化解体系，不断促进社会公平正义",
    "Prevention and resolution of disputes",
    terms="矛盾纠纷 社会公平正义 行政争议 纠纷化解 多元化解 多元解纷 诉源治理 源头化解 调处化解 "
    "信访 枫桥经验 枫桥式",
    tasks=[
        task(
            "mediation", "加强行政调解工作", "Administrative mediation",
            "行政调解 人民调解 调解 三调联动 诉调对接 访调对接 警调对接 联调 调处 调解组织 "
            "赋强公证",
        ),
        task(
            "ruling", "有序推进行政裁决工作", "Administrative rulings",
            "行政裁决 裁决 政府采购投诉 采购投诉 权属争议 权属纠纷 侵权纠纷 补偿纠纷",
        ),
        task(
            "reconsideration", "发挥行政复议化解行政争议主渠道作用",
            "Administrative reconsideration as the main channel",
            "行政复议 复议 主渠道 直接纠错率 纠错率 确认违法 责令履行 复议委员会 复议体制改革 "
            "复议决定 复议意见书 复议建议书",
            applies_to=_REVIEW_BODIES, applicability=_REVIEW,
        ),
        task(
            "litigation", "加强和规范行政应诉工作", "Responding to administrative litigation",
            "行政应诉 应诉 行政诉讼 出庭 出庭应诉 负责人出庭 行政首长出庭 败诉 行政审判",
        ),
    ],
    facts_high=15,
    facts_why="the richest part in numbers: reconsideration and litigation statistics alone give "
    "ten or more (received, concluded, outcomes, rates); the seed gives nineteen, fifteen saturates.",
    outcomes=[
        outcome(
            "d7.mediation_success_rate", "调解成功率", "Mediation success rate", (0.8, 1.0),
            "Reported success rates lie mostly between 90% and 99%; 80% or less is the failure line and "
            "100% scores 100.",
            "《人民调解法》 and the outline's task 加强行政调解工作 set no numeric target; the failure line lies "
            "below the rates reports state.",
        ),
        outcome(
            "d7.reconsideration_closing_rate", "行政复议案件办结率", "Share of reconsideration cases concluded",
            (0.7, 1.0),
            "Cases received late in the year may be concluded in the next (the law allows 60 days), so "
            "reports give 80–100%; 70% or less is the failure line.",
            "《行政复议法》(2023) art. 62: a decision within 60 days of acceptance (30 more when extended).",
            applies_to=_REVIEW_BODIES, applicability=_REVIEW,
        ),
        outcome(
            "d7.litigation_loss_rate", "行政诉讼败诉率", "Loss rate in administrative litigation",
            (0.0, 0.2),
            "Lower is better: 0% scores 100 and 20% or more is the failure line — published local loss "
            "rates mostly lie below 15%.",
            "No official target; the outline's task 加强和规范行政应诉工作 asks that fewer acts be found "
            "unlawful. The failure line lies above the rates reports publish.",
            direction=-1,
        ),
        outcome(
            "d7.head_court_appearance_rate", "行政机关负责人出庭应诉率",
            "Court-appearance rate of agency heads", (0.5, 1.0),
            "Agency heads must appear in court when required; reported rates range from about half to "
            "100%: 50% or less is the failure line and 100% scores 100.",
            "最高人民法院《关于行政机关负责人出庭应诉若干问题的规定》(法释〔2020〕3号) and the 2021–2025 outline "
            "(推动行政机关负责人出庭应诉): the target is 100% where appearance is required.",
        ),
    ],
    metrics=[
        _cases("d7.mediation_cases", "调解案件数", "Cases taken into mediation"),
        _cases("d7.mediation_cases_closed", "调解结案数", "Mediation cases closed"),
        _cases("d7.online_mediation_cases", "线上调解案件数", "Cases mediated online"),
        report(
            "d7.online_mediation_success_rate", "线上调解成功率", "Online mediation success rate", RATE,
            "Shown beside the mediation success rate, the core outcome, which takes it when the report states "
            "no other.",
            direction=1,
        ),
        report(
            "d7.procurement_complaints", "政府采购投诉处理件数", "Government-procurement complaints handled",
            "件", _CASES,
        ),
        _cases("d7.reconsideration_cases", "行政复议案件数", "Reconsideration cases received"),
        _cases("d7.reconsideration_cases_closed", "行政复议办结数", "Reconsideration cases concluded"),
        _cases("d7.reconsideration_revoked", "复议撤销数", "Reconsideration decisions revoking the act",
               _CORRECTION),
        _cases("d7.reconsideration_confirmed_illegal", "复议确认违法数",
               "Reconsideration decisions confirming illegality", _CORRECTION),
        _cases("d7.reconsideration_altered", "复议变更数", "Reconsideration decisions altering the act",
               _CORRECTION),
        _cases("d7.reconsideration_ordered_performance", "复议责令履行数",
               "Reconsideration decisions ordering performance", _CORRECTION),
        report(
            "d7.reconsideration_direct_correction_rate", "行政复议直接纠错率",
            "Direct correction rate of reconsideration", RATE,
            "(Revoked + confirmed illegal + altered + ordered to perform) / concluded. " + _CORRECTION,
        ),
        report(
            "d7.reconsideration_correction_rate", "行政复议纠错率",
            "Correction rate of reconsideration (including indirect correction)", RATE, _CORRECTION,
        ),
        _cases("d7.litigation_cases", "行政诉讼案件数", "Administrative litigation cases"),
        report(
            "d7.litigation_cases_growth", "行政诉讼案件数同比增长率",
            "Year-on-year growth of litigation cases", RATE, _CASES,
        ),
        report("d7.agency_head_court_appearances", "行政机关负责人出庭应诉次数",
               "Court appearances by agency heads", "次", _APPEARANCES, direction=1),
        report("d7.agency_head_court_appearances_growth", "行政机关负责人出庭次数同比增长率",
               "Growth of court appearances by agency heads", RATE, _APPEARANCES, direction=1),
        report("d7.chief_executive_court_appearances", "行政首长出庭应诉次数",
               "Court appearances by chief executives", "次", _APPEARANCES, direction=1),
        report("d7.chief_executive_court_appearances_growth", "行政首长出庭次数同比增长率",
               "Growth of court appearances by chief executives", RATE, _APPEARANCES, direction=1),
    ],
)



_MEDIATION = ["调解", "联调", "调处", "多元解纷"]
_ONLINE = ["平台", "线上", "网上", "在线", "i调解"]
_RECONSIDERATION = ["复议"]
RULES = (
    # Reports count mediated disputes as 案件 or as 矛盾纠纷 (调解矛盾纠纷3200件); mediation
    # bodies and mediators counted in the same sentence are not cases.
    MetricRule("d7.mediation_cases", ["案件", "纠纷", "调解"], context=_MEDIATION,
               exclude=["结案", "调处案件", "复议", "诉讼", "投诉", "成功", "委员会", "调解员", "工作室"],
               context_exclude=_ONLINE),
    MetricRule("d7.mediation_cases_closed", ["结案", "调解成功"], context=_MEDIATION, context_exclude=_ONLINE),
    MetricRule("d7.online_mediation_cases", ["调处案件", "调解案件", "案件", "调解", "调处"], context=_ONLINE,
               exclude=["结案", "成功", "委员会", "调解员"]),
    # The core outcome takes a platform's success rate when the report states no other (i调解平台…成功率98.52%).
    MetricRule("d7.mediation_success_rate", ["成功率"], context=[*_MEDIATION, *_ONLINE], kinds=["rate"]),
    MetricRule("d7.online_mediation_success_rate", ["成功率"], context=_ONLINE, kinds=["rate"]),
    MetricRule("d7.procurement_complaints", ["政府采购投诉", "采购投诉"]),
    MetricRule("d7.reconsideration_cases", ["复议案件", "复议申请"], exclude=["办结", "审结", "结案"]),
    MetricRule("d7.reconsideration_cases_closed", ["办结", "审结", "结案"], context=_RECONSIDERATION),
    MetricRule("d7.reconsideration_revoked", ["撤销"], context=_RECONSIDERATION),
    MetricRule("d7.reconsideration_confirmed_illegal", ["确认违法"], context=_RECONSIDERATION),
    MetricRule("d7.reconsideration_altered", ["变更"], context=_RECONSIDERATION),
    MetricRule("d7.reconsideration_ordered_performance", ["责令履行"], context=_RECONSIDERATION),
    MetricRule("d7.reconsideration_closing_rate", ["办结率", "审结率", "结案率"], context=_RECONSIDERATION,
               kinds=["rate"], exclude=["及时", "按期"]),
    MetricRule("d7.reconsideration_direct_correction_rate", ["直接纠错率"], kinds=["rate"]),
    MetricRule("d7.reconsideration_correction_rate", ["纠错率"], context=_RECONSIDERATION, kinds=["rate"],
               exclude=["直接"]),
    MetricRule("d7.litigation_cases", ["行政诉讼案件", "应诉案件", "行政诉讼"], exclude=["败诉", "出庭"]),
    MetricRule("d7.litigation_cases_growth", ["行政诉讼", "应诉案件"], kinds=["change"]),
    MetricRule("d7.litigation_loss_rate", ["败诉率"], kinds=["rate"]),
    MetricRule("d7.head_court_appearance_rate", ["出庭应诉率", "出庭率"], kinds=["rate"]),
    MetricRule("d7.agency_head_court_appearances", ["负责人出庭", "负责人出庭应诉"]),
    MetricRule("d7.agency_head_court_appearances_growth", ["负责人出庭"], kinds=["change"]),
    MetricRule("d7.chief_executive_court_appearances", ["行政首长出庭", "首长出庭"]),
    MetricRule("d7.chief_executive_court_appearances_growth", ["行政首长出庭", "首长出庭"], kinds=["change"]),
)


class DisputesDimension(ReportDimension):
    """D7: prevention and resolution of disputes."""

    metric_rules = RULES

    def definition(self) -> Dimension:
        return DIMENSION


@hookimpl
def lawgov_score_register_dimensions() -> list[DimensionPlugin]:
    return [DisputesDimension()]
