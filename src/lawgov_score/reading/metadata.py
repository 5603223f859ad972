"""What a report says about itself: who issued it, at what level, for which year, when, what it contains.

The issuer is the full name of a body, looked for, most trusted first, in the signature at the
end (a government before the party committee that signs with it), the page's own record of its
publisher (``发布机构：``), the title (``XX关于2023年法治政府建设工作情况的报告``,
``2023年XX法治政府建设年度报告``, a title split over two lines) and the subject of the opening
sentence (``2023年，龙华区坚持……``). A candidate must read as the name of a body or a region
(:func:`~lawgov_score.reading.bodies.describe`): never a word such as ``关于``, a phrase such as
``在市委`` or a file name. Its level, government level and region come from the name; where the
name leaves them open, the report's own words decide: ``我局`` makes a department, and a city
not known as prefecture-level is one when the report speaks of its districts and counties
(``各县（市、区）``).

The year is the year reported on (``2023年度``, ``关于2022年……``, ``2022年，我区……``), else the
year before the publication date (a report dated September or later reports on its own year).
A signature giving the month only (``2024年3月``) is dated the 1st of that month. The required
elements are those of the 2019 rule (see FRAMEWORK.md): ``measures``, ``shortcomings``,
``first_responsible``, ``plans`` and ``other``.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence

from lawgov_score.patterns import lazy
from lawgov_score.reading.bodies import Body, describe, leading_region
from lawgov_score.reading.classify import FIRST_RESPONSIBLE
from lawgov_score.reading.model import GovernmentLevel, Level, Metadata
from lawgov_score.reading.numerals import chinese_digits, chinese_int
from lawgov_score.reading.outline import Node, lines, signature

ELEMENTS = ("measures", "shortcomings", "first_responsible", "plans", "other")

_HEAD_LINES = 8
_HEAD_CHARS = 400  # of the text before the first heading: a page copied as one line is cut here
_YEAR = r"(?:20\d\d|二[〇零○O][〇零○O一二三四五六七八九]{2})"
_TOPIC = r"(?:法治政府|依法行政|法治建设|推进法治|全面依法治|法治)"
_DATE = re.compile(r"(?P<y>\d{4}|[〇零○O一二三四五六七八九]{4})\s*年\s*(?P<m>[\d十一二三四五六七八九〇零]{1,3})\s*月"
                   r"(?:\s*(?P<d>[\d十一二三四五六七八九〇零]{1,3})\s*日)?")
_PUBLISHED = lazy(r"(?:发布|公开|成文|印发|发文)?(?:时间|日期)\s*[:]?\s*"
                   r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_NAME = r"[^,。:;\d《》“”()]"  # a space may part two issuers (中共某某县委 某某县人民政府)
_TITLE_ISSUER = (
    # XX关于YY2023年法治政府建设情况的报告: the issuer ends at the first 关于
    lazy(rf"^(?P<who>{_NAME}{{2,40}}?)关于{_NAME}{{0,20}}?(?:{_YEAR})\s*年度?(?:的)?{_TOPIC}"),
    # XX关于2023年度法治政府建设情况的报告, XX2023年法治政府建设年度报告
    lazy(rf"^(?P<who>{_NAME}{{2,40}}?)(?:关于)?(?:报送)?(?:{_YEAR})\s*年度?(?:的)?{_TOPIC}"),
    # 2023年XX法治政府建设年度报告, 2022年度XX依法行政工作报告
    lazy(rf"^(?:关于)?(?:{_YEAR})\s*年度?(?P<who>{_NAME}{{2,40}}?){_TOPIC}"),
    # XX关于法治政府建设工作情况的报告, XX法治政府建设年度报告(2023年)
    lazy(rf"^(?P<who>{_NAME}{{2,40}}?)(?:关于|{_TOPIC})"),
)
_TITLE_WORDS = lazy(r"报告|情况|工作")
# The page's own record of who published it.
_PUBLISHER = lazy(
    r"(?:发布机构|发文机关|发文单位|发布单位|发布部门|信息来源|来源单位|来源)\s*:\s*(?P<who>[^\s:]{2,40})")
_SUBJECT = lazy(rf"{_YEAR}年(?:度|以来)?[,]?(?![我本全今在按根围坚紧])")
_YEAR_IN_TITLE = re.compile(rf"(?P<y>{_YEAR})\s*年度?(?:[^,。:;\d]{{0,30}}?){_TOPIC}")
_YEAR_AFTER_TITLE = re.compile(rf"(?:报告|情况)\s*\((?P<y>{_YEAR})\s*年度?\)")
_YEAR_OPENING = re.compile(rf"(?P<y>{_YEAR})\s*年(?:度|以来)?[,]")
_NOT_A_NAME = re.compile(
    r"^(?:关于|在|按照|根据|围绕|为|现将|对|以|坚持|紧紧|全面|深入|认真|今年|近年|本年|本)|[.·]|附件|报告")
_OWN = re.compile(r"我(?P<who>省|市|州|盟|区|县|旗|镇|乡|街道|局|委|厅|办|中心)")
_OWN_LEVEL: dict[str, GovernmentLevel] = {
    "省": "province", "州": "city", "盟": "city", "区": "county", "县": "county", "旗": "county",
    "镇": "township", "乡": "township", "街道": "township",
}
# A city speaking of the districts and counties under it is prefecture-level; one speaking of its
# towns and sub-districts only is a county-level city.
_CITY_CLUES = lazy(
    r"各县\(市、?区\)|各区县|各县区|各县\(区\)|各区\(县|县\(市、?区\)|县市区|区县\(市\)|市辖区|各区、县")
_SHORTCOMINGS = lazy(r"存在的(?:主要)?(?:问题|不足|困难)|不足之处|短板|薄弱环节|差距和不足|问题和不足|不足和问题")
_PLANS = lazy(r"下一步|下步工作|下一年度|明年|20\d\d年(?:度)?(?:的)?(?:主要)?(?:工作)?(?:安排|计划|打算|思路)")
_OTHER = re.compile(r"其他(?:需要|应当)?(?:报告|说明)的(?:事项|情况)|其他事项|其他情况")
_MEASURES = lazy(r"主要举措|主要做法|主要成效|工作成效|举措和成效|做法和成效|工作情况|主要工作")


def extract_metadata(text: str, roots: Sequence[Node]) -> Metadata:
    """The metadata of a normalised report whose outline is ``roots``."""
    first_heading = next((node.start for node in roots if node.role not in ("preamble", "closing")), len(text))
    head_text = text[: min(first_heading, _HEAD_CHARS)]
    head = [head_text[s:e] for s, e in lines(head_text)][:_HEAD_LINES]
    signed, published = _signature(text, roots)
    issuer = signed or _title_issuer(head) or _publisher(head) or _opening_subject(head)
    if published is None:
        published = _published(head) or _published([text[-300:]])
    year = _year(head, published)
    body = describe(issuer) if issuer else Body(None, None, None)
    level, government_level = _resolve(text, issuer, body)
    return Metadata(issuer=issuer, year=year, published=published, elements=elements(text, roots),
                    level=level, government_level=government_level, region=body.region)


def _signature(text: str, roots: Sequence[Node]) -> tuple[str | None, str | None]:
    """The issuer and date of the closing block: a government or department before a party
    committee signing with it (中共某某县委 / 某某县人民政府)."""
    closing = next((node for node in roots if node.role == "closing"), None)
    if closing is None:
        return None, None
    names: list[str] = []
    published = None
    for start, end in lines(text[closing.start:closing.end]):
        read = signature(text[closing.start + start:closing.start + end])
        if read is None:
            continue
        who, when = read
        names.extend(part for part in (who or "").split() if _is_name(part))
        published = published or (_date(when) if when else None)
    return _preferred(names), published


def _preferred(names: Sequence[str]) -> str | None:
    """Of several names signing together, the government (or department) rather than the party."""
    if not names:
        return None
    return next((name for name in names if not name.startswith(("中共", "中国共产党"))), names[0])


def _publisher(head: Sequence[str]) -> str | None:
    for line in head:
        found = _PUBLISHER().search(line)
        if found and _is_name(found.group("who")):
            return found.group("who")
    return None


def _title_issuer(head: Sequence[str]) -> str | None:
    """The issuer written in the title, on one line or on the line before (某某市人民政府 /
    关于2023年法治政府建设情况的报告); of two issuers, the government."""
    for index, line in enumerate(head):
        if len(line) > 120 and index:
            continue
        for pattern in _TITLE_ISSUER:
            found = pattern().match(line)
            if found is None:
                continue
            names = [name for name in found.group("who").split() if _is_name(name)]
            if names and (pattern is not _TITLE_ISSUER[-1] or _TITLE_WORDS().search(line, found.end())):
                return _preferred(names)
        following = head[index + 1] if index + 1 < len(head) else ""
        if following.startswith("关于") and _TITLE_WORDS().search(following):
            names = [name for name in line.split() if _is_name(name)]
            if names and len(line) <= 40:
                return _preferred(names)
    return None


def _opening_subject(head: Sequence[str]) -> str | None:
    """The region opening the first sentence after its year (2023年，龙华区坚持……)."""
    opening = " ".join(head)[:300]
    found = _SUBJECT().search(opening)
    who = leading_region(opening[found.end() : found.end() + 40]) if found else None
    return who if who and _is_name(who) else None


def _is_name(name: str) -> bool:
    """Whether ``name`` reads as the name of a body or a region, not a word of a sentence."""
    return 2 <= len(name) <= 40 and not _NOT_A_NAME.search(name) and describe(name).level is not None


def _resolve(text: str, issuer: str | None, body: Body) -> tuple[Level | None, GovernmentLevel | None]:
    """The level and government level, from the name and, where it leaves them open, from how
    the report speaks of itself (我局, 我区) and of the divisions under it."""
    own = _OWN.search(text, 0, 3000)
    level: Level | None = body.level
    government_level: GovernmentLevel | None = body.government_level
    if own is not None:
        word = own.group("who")
        if word in ("局", "委", "厅", "办", "中心") and level not in (None, "department"):
            level = "department"  # 某某区 in the title, 我局 in the text: the district's bureau
        elif level is None and word in _OWN_LEVEL:
            level = government_level = _OWN_LEVEL[word]
    if issuer and government_level == "county" and body.region and body.region.endswith("市") and (
            _CITY_CLUES().search(text)):
        government_level = "city"  # a city not known by name, with districts and counties under it
        level = "city" if level == "county" else level
    return level, government_level


def _published(head: Sequence[str]) -> str | None:
    for line in head:
        stamp = _PUBLISHED().search(line)
        if stamp:
            return _iso(int(stamp.group(1)), int(stamp.group(2)), int(stamp.group(3)))
    return None


def _year(head: list[str], published: str | None) -> int | None:
    for pattern in (_YEAR_IN_TITLE, _YEAR_AFTER_TITLE, _YEAR_OPENING):
        for line in head:
            found = pattern.search(line[:160])
            if found:
                year = _year_number(found.group("y"))
                if year is not None:
                    return year
    if published is not None:
        year, month = int(published[:4]), int(published[5:7])
        # Reports are due by 1 April of the following year; one dated late in a year reports on it.
        return year if month >= 9 else year - 1
    return None


def _year_number(written: str) -> int | None:
    """A year written in digits or in Chinese digits (二〇二三), within the years reports exist for."""
    year = chinese_digits(written)
    return year if year is not None and 2000 <= year <= 2099 else None


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
    if (any(node.role == "body" and (node.dimensions or node.level == 1) for node in nodes)
            or _MEASURES().search(titles)):
        found.add("measures")
    if any(node.role == "shortcomings" for node in nodes) or _SHORTCOMINGS().search(text):
        found.add("shortcomings")
    if FIRST_RESPONSIBLE.search(text):
        found.add("first_responsible")
    if any(node.role == "plans" for node in nodes) or _PLANS().search(titles) or _PLANS().search(text):
        found.add("plans")
    if _OTHER.search(titles):
        found.add("other")
    return tuple(element for element in ELEMENTS if element in found)
