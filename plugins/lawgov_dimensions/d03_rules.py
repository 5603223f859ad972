"""D3 — the system of rules: legislation, legislative procedure, normative documents.

Units without legislative power (most districts and counties) report only on normative
documents (行政规范性文件), so the rule-making metrics are reported, not scored.
"""

from __future__ import annotations

from lawgov_score import hookimpl
from lawgov_score.assess import MetricRule, ReportDimension
from lawgov_score.assess.build import dimension, outcome, report, task
from lawgov_score.dimension import DimensionPlugin
from lawgov_score.model.framework import Dimension

_FILING = (
    "Every normative document must be reviewed for legality and filed with the next level up; the "
    "target is 100%, so a shortfall matters: 90% or less is the failure line and 100% scores 100. "
    "Reports that state the rate almost always state 100%: what tells them apart is whether they "
    "disclose it, and with the count it is a share of (a bare rate is credited at 85%)."
)
_REVIEW_SOURCE = ("国务院办公厅《关于全面推行行政规范性文件合法性审核机制的指导意见》(国办发〔2018〕115号): no "
                  "normative document is adopted without legality review — the target is 100%.")
_FILING_SOURCE = ("国务院办公厅《关于加强行政规范性文件制定和监督管理工作的通知》(国办发〔2018〕37号): every "
                  "document filed and reviewed (有件必备、有备必审、有错必纠) — the target is 100%.")

_LEGISLATORS = ("province", "city", "department")
_LEGISLATION = (
    "Under the Legislation Law (《立法法》, 2015 and 2023) only provinces and cities divided into districts "
    "make local regulations and government rules; districts, counties and townships have no legislative "
    "power, so legislation cannot be asked of them (their own rule-making is in normative documents). A "
    "department drafts rules for its government."
)

DIMENSION = dimension(
    "D3",
    "健全依法行政制度体系，加快推进政府治理规范化程序化法治化",
    "Rules and normative documents",
    terms="依法行政制度体系 制度体系 制度供给 规范化程序化法治化 良法善治",
    tasks=[
        task(
            "key_legislation", "加强重要领域立法", "Legislation in important fields",
            "重要领域立法 重点领域立法 重点领域制度建设 地方性法规 政府规章 规章草案 法规草案 "
            "立法项目 特区立法 经济特区法规 新兴领域立法",
            applies_to=_LEGISLATORS, applicability=_LEGISLATION,
        ),
        task(
            "legislative_mechanism", "完善立法工作机制", "Better legislative procedures",
            "立法工作机制 立法计划 立法工作计划 立法协商 立法听证 基层立法联系点 立法联系点 "
            "立法评估 立法后评估 立法调研 立法论证 科学立法 民主立法 依法立法 法规规章清理",
            applies_to=_LEGISLATORS, applicability=_LEGISLATION,
        ),

        task(
            "normative_documents", "加强行政规范性文件制定监督管理",
            "Drafting, oversight and management of normative documents",
            "规范性文件 合法性审核 合法性审查率 备案审查 备案通过率 备案率 报备 文件清理 "
            "动态清理 三统一 制定主体",
        ),
    ],
    facts_high=8,
    facts_why="reports count documents issued, retained, amended and repealed and give review "
    "and filing rates; the seed gives five, eight is a full account.",
    metrics=[
        report(
            "d3.regulation_drafts", "规章及法规草案件数", "Government rules and draft local laws", "件",
            "Only units with legislative power draft rules, and more rules are not better in "
            "themselves.",
        ),
        report(
            "d3.normative_documents_issued", "制定行政规范性文件件数", "Normative documents issued", "件",
            "Fewer and better documents is itself a policy aim, while some matters require them: "
            "neither direction is better.",
        ),
        report(
            "d3.normative_documents_retained", "清理后保留规范性文件件数",
            "Normative documents retained after clean-up", "件",
            "Follows the stock of documents the unit holds; neither direction is better.",
        ),
        report(
            "d3.normative_documents_amended", "清理后修改规范性文件件数",
            "Normative documents amended after clean-up", "件",
            "Follows the stock of documents and legal changes; neither direction is better.",
        ),
        report(
            "d3.normative_documents_repealed", "清理后废止规范性文件件数",
            "Normative documents repealed after clean-up", "件",
            "Follows the stock of outdated documents; neither direction is better.",
        ),
    ],
    outcomes=[
        outcome("d3.legality_review_rate", "规范性文件合法性审核（审查）率", "Legality review rate of normative "
                "documents", (0.9, 1.0), _FILING, _REVIEW_SOURCE),
        outcome("d3.filing_rate", "规范性文件备案率", "Filing rate of normative documents", (0.9, 1.0),
                _FILING, _FILING_SOURCE),
        outcome("d3.filing_timely_rate", "规范性文件报备及时率", "Share of normative documents filed on "
                "time", (0.9, 1.0), _FILING, _FILING_SOURCE),
        outcome("d3.filing_pass_rate", "规范性文件备案通过率", "Filing pass rate of normative documents",
                (0.9, 1.0), _FILING, _FILING_SOURCE),
    ],
)



_CLEAN_UP = ["清理", "规范性文件"]
RULES = (
    MetricRule("d3.regulation_drafts", ["规章草案", "法规草案", "规章", "地方性法规"], exclude=["规范性文件"]),
    MetricRule(
        "d3.normative_documents_issued", ["规范性文件"], exclude=["清理", "保留", "废止", "修改", "修订", "备案"]
    ),
    MetricRule("d3.normative_documents_retained", ["保留"], context=_CLEAN_UP),
    # In 保留198件、修改15件 the extractor gives the 198 the next item's verb as its subject
    # (subject 修改, quote 保留198件、修改), so each clean-up outcome excludes the others' verbs.
    # 提出修改意见108条 is advice given in review, not documents amended.
    MetricRule("d3.normative_documents_amended", ["修改", "修订"], context=_CLEAN_UP,
               exclude=["保留", "废止", "意见", "建议"]),
    MetricRule("d3.normative_documents_repealed", ["废止", "宣布失效"], context=_CLEAN_UP,
               exclude=["保留", "修改", "修订"]),
    MetricRule("d3.legality_review_rate", ["合法性审查率", "合法性审核率"], kinds=["rate"]),
    MetricRule("d3.filing_rate", ["备案率", "报备率", "备案审查率"], kinds=["rate"]),
    MetricRule("d3.filing_timely_rate", ["报备及时率", "备案及时率", "及时报备率"], kinds=["rate"]),
    MetricRule("d3.filing_pass_rate", ["备案通过率", "审查通过率"], kinds=["rate"]),
)


class RulesDimension(ReportDimension):
    """D3: legislation, legislative procedure and normative documents."""

    metric_rules = RULES

    def definition(self) -> Dimension:
        return DIMENSION


@hookimpl
def lawgov_score_register_dimensions() -> list[DimensionPlugin]:
    return [RulesDimension()]
