"""D2 — government functions: institutions, "放管服" reform and a law-based business environment."""

from __future__ import annotations

from lawgov_score import hookimpl
from lawgov_score.assess import MetricRule, ReportDimension
from lawgov_score.assess.build import dimension, outcome, report, task
from lawgov_score.dimension import DimensionPlugin
from lawgov_score.model.framework import Dimension

DIMENSION = dimension(
    "D2",
    "健全政府机构职能体系，推动更好发挥政府作用",
    "Government institutions and functions",
    terms="政府机构职能体系 政府职能 职能转变 转变政府职能 政府作用 有为政府 有效市场",
    tasks=[
        task(
            "functions", "推进政府机构职能优化协同高效",
            "Optimised, coordinated and efficient government institutions and functions",
            "权责清单 权力清单 责任清单 机构改革 机构职能 职能优化 协同高效 职责边界 职责体系 "
            "机构编制 大部门制 政务服务事项标准化 事项标准化 清单动态管理",
        ),
        task(
            "streamlining", "深入推进“放管服”改革",
            "Deepen the reform to streamline administration, delegate power and improve services",
            "放管服 简政放权 放管结合 优化服务 行政审批 行政许可 证照分离 一业一证 审批制度改革 "
            "审批事项 审批时限 证明事项 告知承诺 双随机 事中事后监管 信用监管 一网通办 一件事 "
            "一次办 跨省通办 帮办代办 网上可办 全程网办 网上办 就近办 马上办 一窗 综合窗口 秒批 "
            "免申即享 容缺受理 绿色通道 政务服务 减证便民",
        ),
        task(
            "business_environment", "持续优化法治化营商环境",
            "A law-based business environment",
            "营商环境 优化营商 公平竞争审查 公平竞争 不正当竞争 反垄断 产权保护 知识产权 专利 "
            "市场主体 民营经济 民营企业 中小企业 惠企 涉企 企业诉求 政企沟通 市场准入 负面清单 非禁即入 "
            "企业开办 招标投标",
        ),
    ],
    facts_high=10,
    facts_why="reports count reform tasks, spot checks and enterprises inspected, reviewed "
    "documents, service items and online rates; the seed gives eight, ten is a full account.",
    outcomes=[
        outcome(
            "d2.online_service_rate", "政务服务事项网上可办率", "Share of service items available online",
            (0.8, 1.0),
            "Reports give 90–100%; 80% or less is the failure line and 100% scores 100.",
            "国务院《关于加快推进全国一体化在线政务服务平台建设的指导意见》(国发〔2018〕27号): every service item "
            "on the national online platform (一网通办) — the target is 100%.",
        ),
        outcome(
            "d2.full_online_rate", "政务服务事项全程网办率", "Share of service items handled fully online",
            (0.5, 1.0),
            "Fully online handling lags availability (reports range from about 50% to over 95%); "
            "50% or less is the failure line and 100% scores 100.",
            "The same guideline (国发〔2018〕27号) aims at handling online from application to result; no "
            "numeric target, so the failure line is set at the low end of reported values.",
        ),
        outcome(
            "d2.time_limit_compression_rate", "审批承诺时限压缩率",
            "Reduction of promised approval time limits against the statutory ones", (0.3, 0.9),
            "Reports typically give 50–90% compression of statutory time limits; 30% or less is the "
            "failure line and 90% or more scores 100.",
            "放管服 reform (《优化营商环境条例》, 2019, art. 35–41: time limits cut and made public); no "
            "numeric target, so the goalposts follow the range reports state.",
        ),
    ],
    metrics=[
        report(
            "d2.random_inspections", "“双随机、一公开”抽查次数", "'Double random, one public' spot checks",
            "次",
            "Spot checks follow the number of regulated enterprises, and policy seeks fewer, better "
            "targeted checks (无事不扰) as much as wide coverage: neither direction is better.",
        ),
        report(
            "d2.fair_competition_reviews", "公平竞争审查文件数", "Documents given fair-competition review",
            "份",
            "The count follows how many policy documents were drafted; coverage, not volume, is what "
            "the review requires, so neither direction is better.",
        ),
        report(
            "d2.power_list_items", "权责清单事项数", "Items on the list of powers and responsibilities",
            "项",
            "The length of the list follows the powers the law assigns to the unit; neither a longer "
            "nor a shorter list is better in itself.",
        ),
        report(
            "d2.service_items", "政务服务事项数", "Government service items", "项",
            "The number of service items follows the unit's assigned powers and level; neither "
            "direction is better.",
        ),
    ],
)



RULES = (
    MetricRule("d2.random_inspections", ["抽查"], context=["双随机"]),
    # The review may be named in an earlier clause (公平竞争审查率100%，审查政策措施文件126份).
    MetricRule("d2.fair_competition_reviews", ["公平竞争审查", "审查"], context=["公平竞争"], exclude=["建议"]),
    # The list is often named in the clause before its count (调整权责清单，保留行政职权事项4812项);
    # powers handed down to townships are a different count.
    MetricRule("d2.power_list_items", ["权责清单", "权力清单", "责任清单", "职权事项", "权力事项"],
               context=["清单"], exclude=["下放", "承接", "赋权"]),
    # 办件 is the caseload of applications for the items, not the number of items; items
    # abolished or handed down are changes to the list, not its length.
    MetricRule("d2.service_items", ["政务服务事项", "服务事项", "审批事项"],
               exclude=["办件", "办理量", "受理", "取消", "下放", "精简"]),
    # 行政执法案件网上办理率 is D9's enforcement online rate, not the share of service items.
    MetricRule("d2.online_service_rate", ["网上可办率", "网上办理率", "网办率", "网上可办"], kinds=["rate"],
               exclude=["全程", "全流程", "执法", "案件"]),
    MetricRule("d2.full_online_rate", ["全程网办率", "全流程网办率", "全程网办"], kinds=["rate"]),
    # The extractor reads 压缩 as a verb of change: 平均压缩76.5% is a change fact.
    MetricRule("d2.time_limit_compression_rate", ["压缩"], context=["时限", "办理时间", "承诺"],
               kinds=["rate", "change"]),
)


class FunctionsDimension(ReportDimension):
    """D2: government institutions and functions, 放管服 reform, business environment."""

    metric_rules = RULES

    def definition(self) -> Dimension:
        return DIMENSION


@hookimpl
def lawgov_score_register_dimensions() -> list[DimensionPlugin]:
    return [FunctionsDimension()]
