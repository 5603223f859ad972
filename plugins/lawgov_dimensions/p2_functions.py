"""P2 — 2015–2020 outline, part 二: 依法全面履行政府职能 (maps to D2; market regulation partly D5)."""

from __future__ import annotations

from lawgov_dimensions import d02_functions as d2
from lawgov_dimensions._outline2015 import OUTLINE, pick, relabel, rules
from lawgov_score import hookimpl
from lawgov_score.assess import ReportDimension
from lawgov_score.assess.build import dimension, task
from lawgov_score.dimension import DimensionPlugin
from lawgov_score.model.framework import Dimension

_OUTCOMES = ("d2.online_service_rate", "d2.full_online_rate", "d2.time_limit_compression_rate")
_METRICS = ("d2.random_inspections", "d2.fair_competition_reviews", "d2.power_list_items", "d2.service_items")

DIMENSION = dimension(
    "P2",
    "依法全面履行政府职能",
    "Performing government functions fully according to law (2015–2020)",
    terms="依法全面履行政府职能 政府职能 职能转变 转变政府职能 法无授权不可为 法定职责必须为",
    tasks=[
        task("approval_reform", "深化行政审批制度改革", "Deepen the reform of administrative approval",
             "行政审批制度改革 行政审批 审批事项 取消和下放 取消下放 非行政许可审批 放管服 简政放权 证照分离 "
             "多证合一 先照后证 审批时限 一网通办 网上办 政务服务"),
        task("power_lists", "大力推行权力清单、责任清单、负面清单制度", "Lists of powers, responsibilities and "
             "market-entry restrictions", "权力清单 责任清单 负面清单 权责清单 清单制度 动态管理"),
        task("organisation", "优化政府组织结构", "Optimise the organisation of government",
             "政府组织结构 机构改革 机构编制 职能配置 大部门制 事业单位改革"),
        task("regulation", "完善宏观调控，加强市场监管", "Macro-regulation and market supervision",
             "宏观调控 市场监管 事中事后监管 双随机 信用监管 公平竞争审查 公平竞争 营商环境 市场主体 反垄断"),
        task("services", "创新社会治理，优化公共服务", "Social governance and public services",
             "社会治理 公共服务 基本公共服务 购买服务 社会组织 网格化"),
        task("environment", "强化生态环境保护", "Protection of the environment",
             "生态环境保护 生态环境 环境保护 污染防治 生态文明"),
    ],
    facts_high=10,
    facts_why="reports on 2016–2020 count approval items cancelled or delegated, list items, spot checks "
    "and online rates; ten distinct figures is a full account, as for D2.",
    outcomes=relabel("d2.", "p2.", pick(d2.DIMENSION.indicators, _OUTCOMES)),
    metrics=relabel("d2.", "p2.", pick(d2.DIMENSION.indicators, _METRICS)),
    outline=OUTLINE,
)
RULES = rules("d2.", "p2.", d2.RULES, _OUTCOMES + _METRICS)


class FunctionsDimension2015(ReportDimension):
    """P2: government functions, under the 2015–2020 outline."""

    metric_rules = RULES

    def definition(self) -> Dimension:
        return DIMENSION


@hookimpl
def lawgov_score_register_dimensions() -> list[DimensionPlugin]:
    return [FunctionsDimension2015()]
