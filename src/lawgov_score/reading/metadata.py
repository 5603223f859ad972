"""What a report says about itself: who issued it, for which year, when, and what it contains.

The issuer and date come from the signature at the end when there is one, else from the
title and first lines (``XX区人民政府关于2023年法治政府建设工作情况的报告``, ``发布时间：2024-03-28``).
A signature giving the month only (``2024年3月``) is dated the 1st of that month. The required
elements are those of the 2019 rule (see FRAMEWORK.md): ``measures``,
``shortcomings``, ``first_responsible``, ``plans`` and ``other``.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence

from lawgov_score.reading.classify import FIRST_RESPONSIBLE
from lawgov_score.reading.model import Metadata
from lawgov_score.reading.numerals import chinese_digits, chinese_int
from lawgov_score.reading.outline import Node, lines, signature

ELEMENTS = ("measures", "shortcomings", "first_responsible", "plans", "other")

_HEAD_LINES = 6
_DATE = re.compile(r"(?P<y>\d{4}|[〇零○O一二三四五六七八九]{4})\s*年\s*(?P<m>[\d十一二三四五六七八九〇零]{1,3})\s*月"
                   r"(?:\s*(?P<d>[\d十一二三四五六七八九〇零]{1,3})\s*日)?")
_PUBLISHED = re.compile(r"(?:发布|公开|成文|印发)(?:时间|日期)\s*[:]?\s*"
                        r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_TITLE_ISSUER = re.compile(r"^(?P<who>[^\s,。:;\d]{2,30}?)(?:关于)?(?:\d{4}|[〇零一二三四五六七八九]{4})年度?"
                           r"(?:法治政府|依法行政|法治建设|推进法治)")
_TITLE_ISSUER_ABOUT = re.compile(r"^(?P<who>[^\s,。:;\d]{2,30}?)关于")
_YEAR_IN_TITLE = re.compile(r"(?P<y>20\d\d)\s*年度?\s*(?:的)?(?:法治政府|依法行政|法治建设|推进法治|工作)")
_YEAR_OPENING = re.compile(r"(?P<y>20\d\d)\s*年(?:度|以来)?[,,]")
_SUBJECT = re.compile(r"(?:20\d\d年(?:度|以来)?[,,]?)(?![我本全今])"
                      r"(?P<who>[\u4e00-\u9fff]{1,12}?(?:人民政府|省|市|区|县|州|旗|盟|镇|乡|街道|局|委|厅))")
_SHORTCOMINGS = re.compile(r"存在的(?:主要)?(?:问题|不足|困难)|不足之处|短板|薄弱环节|差距和不足|问题和不足|不足和问题")
_PLANS = re.compile(r"下一步|下步工作|下一年度|明年|20\d\d年(?:度)?(?:的)?(?:主要)?(?:工作)?(?:安排|计划|打算|思路)")
_OTHER = re.compile(r"其他(?:需要|应当)?(?:报告|说明)的(?:事项|情况)|其他事项|其他情况")
_MEASURES = re.compile(r"主要举措|主要做法|主要成效|工作成效|举措和成效|做法和成效|工作情况|主要工作")


def extract_metadata(text: str, roots: Sequence[Node]) -> Metadata:
    """The metadata of a normalised report whose outline is ``roots``."""
    closing = next((node for node in roots if node.role == "closing"), None)
    first_heading = next((node.start for node in roots if node.role not in ("preamble", "closing")), len(text))
    head = [text[s:e] for s, e in lines(text[:first_heading])][:_HEAD_LINES]
    issuer = None
    published = None
    if closing is not None:
        for start, end in lines(text[closing.start:closing.end]):
            read = signature(text[closing.start + start:closing.start + end])
            if read is None:
                continue
            who, when = read
            issuer = issuer or who
            published = published or (_date(when) if when else None)
    for line in head:
        if issuer is None:
            found = _TITLE_ISSUER.match(line) or _TITLE_ISSUER_ABOUT.match(line)
            if found and len(line) <= 80:
                issuer = found.group("who")
        if published is None:
            stamp = _PUBLISHED.search(line)
            if stamp:
                published = _iso(int(stamp.group(1)), int(stamp.group(2)), int(stamp.group(3)))
    if published is None:
        tail = text[-300:]
        stamp = _PUBLISHED.search(tail)
        if stamp:
            published = _iso(int(stamp.group(1)), int(stamp.group(2)), int(stamp.group(3)))
    year = _year(head, published)
    if issuer is None:
        subject = _SUBJECT.search(" ".join(head)[:300])
        issuer = subject.group("who") if subject else None
    return Metadata(issuer=issuer, year=year, published=published, elements=elements(text, roots))


def _year(head: list[str], published: str | None) -> int | None:
    for pattern in (_YEAR_IN_TITLE, _YEAR_OPENING):
        for line in head:
            found = pattern.search(line[:120])
            if found:
                return int(found.group("y"))
    if published is not None:
        year, month = int(published[:4]), int(published[5:7])
        # Reports are due by 1 April of the following year; one dated late in a year reports on it.
        return year if month >= 9 else year - 1
    return None


def _date(line: str) -> str | None:
    found = _DATE.search(line)
    if found is None:
        return None
    year = chinese_digits(found.group("y"))
    month = chinese_int(found.group("m"))
    # A signature giving the month only is dated the 1st: the deadline (1 April) is a month's first
    # day, so whether the report was on time is still decided right.
    day = chinese_int(found.group("d")) if found.group("d") else 1
    if year is None or month is None or day is None:
        return None
    return _iso(year, month, day)


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def elements(text: str, roots: Sequence[Node]) -> tuple[str, ...]:
    """Which of the five required elements the report contains, in the rule's order."""
    nodes = [node for root in roots for node in root.walk()]
    titles = " ".join(node.title for node in nodes)
    found = set()
    if any(node.role == "body" and (node.dimensions or node.level == 1) for node in nodes) or _MEASURES.search(titles):
        found.add("measures")
    if any(node.role == "shortcomings" for node in nodes) or _SHORTCOMINGS.search(text):
        found.add("shortcomings")
    if FIRST_RESPONSIBLE.search(text):
        found.add("first_responsible")
    if any(node.role == "plans" for node in nodes) or _PLANS.search(titles) or _PLANS.search(text):
        found.add("plans")
    if _OTHER.search(titles):
        found.add("other")
    return tuple(element for element in ELEMENTS if element in found)
