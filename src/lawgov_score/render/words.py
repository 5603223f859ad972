"""The words of every rendered output in Chinese and English, and the legend of statuses and grades.

``--lang zh`` (the default) puts Chinese first with the English beside it; ``--lang en`` the
other way round. The one-line explanations of the statuses are
:data:`lawgov_score.scoring.explain.STATUS_WORDS`; those of the key-task grades
:data:`lawgov_score.assess.tasks.GRADE_WORDS`; the short names that a table cell can hold are here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal

from attrs import frozen

from lawgov_score.assess.tasks import GRADE_WORDS
from lawgov_score.scoring.explain import STATUS_WORDS

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")
DEFAULT_LANG: Lang = "zh"

STATUS_NAMES: Mapping[str, tuple[str, str]] = {
    "scored": ("已评分", "scored"),
    "missing": ("未载明", "missing"),
    "unscored": ("不计分", "unscored"),
    "not_applicable": ("不适用", "not applicable"),
    "partial": ("部分", "partial"),
    "no_evidence": ("无证据", "no evidence"),
    "failed": ("出错", "failed"),
    "complete": ("完整", "complete"),
    "incomplete": ("不完整", "incomplete"),
}
"""Short ``(zh, en)`` name of every status of an indicator, a dimension or an assessment."""

TASK_GRADE_NAMES: Mapping[str, tuple[str, str]] = {
    "none": ("未体现", "none"),
    "mentioned": ("仅提及", "mentioned"),
    "action": ("有举措", "action"),
    "quantified": ("有量化", "quantified"),
    "substantiated": ("多处量化", "substantiated"),
}
"""Short ``(zh, en)`` name of each grade of a key task's evidence (0, 25, 50, 75, 100 points)."""

TASK_GRADE_POINTS: Mapping[str, int] = {"none": 0, "mentioned": 25, "action": 50, "quantified": 75,
                                        "substantiated": 100}

WORDS: Mapping[str, tuple[str, str]] = {
    "unit": ("单位", "unit"),
    "year": ("年份", "year"),
    "level": ("层级", "level"),
    "region": ("地区", "region"),
    "rank": ("排名", "rank"),
    "overall": ("总分", "overall"),
    "grade": ("等级", "grade"),
    "status": ("状态", "status"),
    "dimension": ("维度", "dimension"),
    "dimension_name": ("维度名称", "dimension name"),
    "indicator": ("指标", "indicator"),
    "indicator_name": ("指标名称", "indicator name"),
    "kind": ("类型", "kind"),
    "group": ("分组", "group"),
    "raw": ("原始值", "raw value"),
    "measure": ("计量单位", "unit of measure"),
    "score": ("得分", "score"),
    "weight": ("权重", "weight"),
    "effective_weight": ("占总分权重", "share of overall"),
    "contribution": ("贡献", "contribution"),
    "coverage": ("数据覆盖", "coverage"),
    "evidence": ("证据", "evidence"),
    "quotes": ("引文数", "quotes"),
    "strongest": ("最强证据", "strongest evidence"),
    "task_grade": ("任务等级", "task grade"),
    "flags": ("疑点", "flags"),
    "rule": ("评分说明", "rule"),
    "quote": ("原文", "quote"),
    "start": ("起", "start"),
    "end": ("止", "end"),
    "check": ("核验项", "check"),
    "result": ("结果", "result"),
    "arithmetic": ("算式", "arithmetic"),
    "code": ("代码", "code"),
    "message": ("说明", "message"),
    "framework": ("评估框架", "framework"),
    "source": ("来源", "source"),
    "plugins": ("插件", "plugins"),
    "warnings": ("警告", "warnings"),
    "legend": ("图例", "legend"),
    "pass_line": ("及格线", "pass line"),
    "no_score": ("无总分", "no overall score"),
    "ranking": ("排名", "ranking"),
    "contributed": ("提供的维度", "dimensions contributed"),
}
"""Labels of columns and headings: ``(zh, en)``."""


def word(key: str, lang: Lang) -> str:
    """The label ``key`` in ``lang``."""
    zh, en = WORDS[key]
    return zh if lang == "zh" else en


def both(key: str, lang: Lang) -> str:
    """The label in both languages, ``lang`` first: ``总分 overall`` or ``overall 总分``."""
    return pair(WORDS[key], lang)


def pair(words: tuple[str, str], lang: Lang) -> str:
    """A ``(zh, en)`` pair as one label, ``lang`` first (one word when both are the same)."""
    zh, en = words
    if not en or zh == en:
        return zh
    if not zh:
        return en
    return f"{zh} {en}" if lang == "zh" else f"{en} {zh}"


def status_name(status: str, lang: Lang) -> str:
    """The short name of a status in ``lang`` (the status itself when unknown)."""
    zh, en = STATUS_NAMES.get(status, (status, status))
    return zh if lang == "zh" else en


def status_text(status: str, lang: Lang) -> str:
    """The one-line explanation of a status in ``lang``."""
    en, zh = STATUS_WORDS.get(status, (status, status))
    return zh if lang == "zh" else en


def task_grade_name(grade: str | None, lang: Lang) -> str:
    """The short name of a key task's grade in ``lang`` (empty for none)."""
    if grade is None:
        return ""
    zh, en = TASK_GRADE_NAMES.get(grade, (grade, grade))
    return zh if lang == "zh" else en


def rule_text(rule: str, rule_zh: str, lang: Lang) -> str:
    """An indicator's rule in ``lang``, the other language when that one is empty."""
    return (rule_zh or rule) if lang == "zh" else (rule or rule_zh)


def message_text(message: str, message_zh: str, lang: Lang) -> str:
    """A warning's message in ``lang``, the other language when that one is empty."""
    return (message_zh or message) if lang == "zh" else (message or message_zh)


@frozen
class LegendEntry:
    """One line of a legend: the term as shown, and what it means."""

    term: str
    meaning: str


def status_legend(statuses: Sequence[str], lang: Lang) -> list[LegendEntry]:
    """What each of ``statuses`` means, in the order given."""
    return [LegendEntry(status_name(s, lang), status_text(s, lang)) for s in dict.fromkeys(statuses)]


def task_grade_legend(lang: Lang) -> list[LegendEntry]:
    """The five grades of a key task, with their points."""
    out = []
    for grade, (en, zh) in GRADE_WORDS.items():
        meaning = zh if lang == "zh" else en
        out.append(LegendEntry(task_grade_name(grade, lang), f"{TASK_GRADE_POINTS[grade]} — {meaning}"))
    return out


def band_legend(lang: Lang) -> list[LegendEntry]:
    """The five customary grades of an overall score and the pass line."""
    from lawgov_score.render.views import BANDS, PASS_LINE

    out = []
    lows = [low for low, _, _ in BANDS]
    for i, (low, zh, en) in enumerate(BANDS):
        name = zh if lang == "zh" else en
        if i == 0:
            span = f"≥ {low:g}"
        elif low == float("-inf"):
            span = f"< {lows[i - 1]:g}"
        else:
            span = f"{low:g}–{lows[i - 1]:g}"
        out.append(LegendEntry(name, span))
    pass_words = ("及格线", "pass line") if lang == "zh" else ("pass line", "及格线")
    out.append(LegendEntry(pass_words[0], f"{PASS_LINE:g}"))
    return out
