"""Is this an annual report on building a law-based government (法治政府建设年度报告)?

Scoring anything else — an English text, a news article, a 政府工作报告, a 政府信息公开工作年度报告,
a notice — gives numbers that mean nothing, so the scorer asks first. The decision is a sum of
points from small rules, each with the reason it gives (see docs/reading.md for the rule and its
error rates on the test sets in ``tests/data/report_check``):

* for: the vocabulary of law-based government (法治政府, 依法行政, 行政复议, 合法性审查 …) per
  thousand characters; a title naming such a report (…法治政府建设…报告/情况); the reporting
  formula (现将……报告如下, 专此报告); the 2019 rule's elements (shortcomings, next year's plans);
  an outline whose parts cover several dimensions;
* against: a title of another kind of document (…的通知, 方案, 要点, 讲话, 纪要, 公报, 白皮书 …); the
  marks of a notice (通知如下, 印发给你们), a government work report (各位代表, 向大会报告), an
  information-disclosure report (政府信息公开条例 …), a news story (记者, 本报讯, 据悉), weather.

Text that is mostly not Chinese is not a report, whatever else it holds. Only the opening of a
report is needed: the rules weigh what its first 700 characters already show.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from attrs import frozen

from lawgov_score.errors import InputError
from lawgov_score.patterns import lazy
from lawgov_score.reading.han import cjk_count
from lawgov_score.reading.model import Document

THRESHOLD = 4.0
"""A document is a report when its points reach this."""

# The vocabulary of law-based government (normalised text: NFKC, so ASCII punctuation).
_TERMS = re.compile("|".join(sorted((
    "法治政府", "依法行政", "法治建设", "法治思想", "依法治", "法治保障", "法治轨道", "法治化", "法治宣传",
    "普法", "学法", "述法", "第一责任人", "行政执法", "综合执法", "执法监督", "执法人员", "执法证",
    "三项制度", "行政处罚", "行政许可", "行政检查", "行政复议", "行政诉讼", "行政应诉", "出庭应诉",
    "合法性审查", "法制审核", "重大行政决策", "规范性文件", "备案审查", "法律顾问", "公职律师",
    "权责清单", "权力清单", "放管服", "证明事项", "政务公开", "矛盾纠纷", "人民调解", "行政调解",
    "法治督察", "案卷评查", "政府规章", "地方性法规",
), key=len, reverse=True)))
_LATIN = re.compile(r"[A-Za-z]")
_TITLE_LINES = 5  # a title stands in the first lines (after a web page's 来源/发布时间 line)
_TITLE_CHARS = 60
# A title is a short line without a sentence's punctuation.
_NOT_TITLE = re.compile(r"[,。;]")
_REPORT_TITLE = lazy(r"(?:法治政府建设|依法行政|法治\w{0,4}建设)[^\n。]{0,24}?(?:报告|情况|工作总结)")
# A headline about a report (发布……报告) or a notice that asks for one (关于做好……报告工作) is neither.
_ABOUT_REPORT = lazy(r"发布|公布|出炉|召开|举行|举办|印发|做好|报送|撰写")
_OTHER_TITLE = lazy(
    r"(?:通知|通报|公告|通告|方案|要点|规划|意见|办法|规定|讲话|纪要|公报|白皮书|简报|政府工作报告)"
    r"\s*(?:\([^)]*\))?\s*$")
FORMULA = re.compile(r"现将[^。\n]{0,40}?报告如下|现报告如下|[专特]此报告")
"""The formulas that open and close a report (现将有关情况报告如下, 专此报告)."""
_MARKS: tuple[tuple[str, float, re.Pattern[str]], ...] = (
    ("a notice (通知如下, 印发给你们 …)", -3,
     re.compile(r"通知如下|公告如下|印发给你们|特此通知|请认真贯彻执行|请结合实际|请各单位")),
    ("a government work report (各位代表, 向大会报告 …)", -6,
     re.compile(r"各位代表|向大会报告|地区生产总值")),
    ("an annual report on government information disclosure", -6,
     re.compile(r"信息公开工作年度报告|主动公开政府信息情况|政府信息公开申请情况|政府信息公开条例")),
    ("a news story (记者, 本报讯, 据悉 …)", -6,
     re.compile(r"记者|通讯员|本报讯|新华社|\d+日电|据悉|据了解")),
    ("a weather notice or forecast (气象台, 气温 …)", -4,
     re.compile(r"气象台|预警信号|最高气温|降雨量|降水量|气候公报")),
    ("a speech or a personal summary (同志们, 本人 …)", -4, re.compile(r"同志们:|本人在|个人工作总结")),
)
_MIN_CHINESE_SHARE = 0.5
# The marks of a kind of document stand at its start (a salutation, a by-line, a legal basis); later
# a report may well quote 政府工作报告 or 政府信息公开条例. The reporting formula closes a report too.
_OPENING = 1000
_CLOSING = 300
# Terms per 1,000 Chinese characters worth one point, and the most the vocabulary can give: real
# openings hold 30-90, texts that only touch the subject 10-45.
_TERMS_PER_POINT = 8.0
_VOCABULARY_MAX = 5.0


@frozen
class Verdict:
    """Whether a document is a report, its points and the reasons for and against."""

    is_report: bool
    score: float
    reasons: tuple[str, ...]

    def explain(self) -> str:
        """The reasons in one line, for messages."""
        return "; ".join(self.reasons)


Rule = Callable[[Document, list[str]], tuple[float, str]]


def check_report(document: Document) -> Verdict:
    """Weigh the evidence that ``document`` is an annual report on building a law-based government."""
    text = document.text
    chinese = cjk_count(text)
    latin = len(_LATIN.findall(text))
    if chinese < _MIN_CHINESE_SHARE * (chinese + latin) or not chinese:
        share = chinese / max(chinese + latin, 1)
        return Verdict(False, 0.0, (f"the text is not Chinese ({share:.0%} of its letters are Chinese characters)",))
    titles = [line.strip() for line in text.splitlines()[:_TITLE_LINES]
              if len(line.strip()) <= _TITLE_CHARS and not _NOT_TITLE.search(line)]
    score = 0.0
    reasons = []
    for rule in _RULES:
        points, reason = rule(document, titles)
        if points:
            score += points
            reasons.append(f"{reason} ({points:+g})")
    return Verdict(score >= THRESHOLD, round(score, 2), tuple(reasons))


def require_report(document: Document) -> None:
    """Raise :class:`InputError` with the reasons unless ``document`` is a report."""
    verdict = check_report(document)
    if not verdict.is_report:
        raise InputError(
            f"this does not look like an annual report on building a law-based government "
            f"(score {verdict.score:g} < {THRESHOLD:g}: {verdict.explain() or 'nothing that marks one'}); "
            "use --force (Python: force=True) to score it anyway", document.source)


def _vocabulary(document: Document, titles: list[str]) -> tuple[float, str]:
    text = document.text
    hits = len(_TERMS.findall(text))
    per_thousand = 1000 * hits / max(cjk_count(text), 1)
    points = min(_VOCABULARY_MAX, round(per_thousand / _TERMS_PER_POINT, 1))
    return points, f"{hits} terms of law-based government, {per_thousand:.0f} per 1,000 characters"


def _report_title(document: Document, titles: list[str]) -> tuple[float, str]:
    for line in titles:
        if _REPORT_TITLE().search(line) and not _OTHER_TITLE().search(line) and not _ABOUT_REPORT().search(line):
            return 4.0, f"titled as a report on law-based government ({line[:40]})"
    return 0.0, ""


def _other_title(document: Document, titles: list[str]) -> tuple[float, str]:
    for line in titles:
        found = _OTHER_TITLE().search(line)
        if found:
            return -5.0, f"titled as another kind of document ({line[:40]})"
    return 0.0, ""


def _formula(document: Document, titles: list[str]) -> tuple[float, str]:
    text = document.text
    found = FORMULA.search(text[:_OPENING]) or FORMULA.search(text[-_CLOSING:])
    return (2.0, f"the reporting formula ({found.group()})") if found else (0.0, "")


def _elements(document: Document, titles: list[str]) -> tuple[float, str]:
    present = [name for name in ("shortcomings", "plans") if name in document.metadata.elements]
    return float(len(present)), f"the required elements {', '.join(present)}"


def _parts(document: Document, titles: list[str]) -> tuple[float, str]:
    covered = {section.dimensions[0] for section in document.sections
               if section.role == "body" and section.dimensions}
    covered |= {child.dimensions[0] for section in document.sections for child in section.children
                if child.role == "body" and child.dimensions}
    if len(covered) < 3:
        return 0.0, ""
    return 1.0, f"an outline whose parts cover {len(covered)} dimensions"


def _marks(document: Document, titles: list[str]) -> tuple[float, str]:
    opening = document.text[:_OPENING]
    found = [(points, what) for what, points, pattern in _MARKS if pattern.search(opening)]
    if not found:
        return 0.0, ""
    return sum(points for points, _ in found), "the marks of " + " and ".join(what for _, what in found)


_RULES: tuple[Rule, ...] = (_vocabulary, _report_title, _other_title, _formula, _elements, _parts, _marks)
