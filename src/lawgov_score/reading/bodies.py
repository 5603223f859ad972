"""What a body's name says about it: its level, the level of the government it belongs to, its region.

A name is read from the left as a chain of administrative divisions followed by the body:
``广东省|深圳市|宝安区|人民政府``, ``宁波市|生态环境局``, ``南京市|江宁区|司法局``,
``中共|某某县|委|依法治县委员会办公室``. Provinces and prefecture-level divisions are known by name
(:mod:`.regions`); counties, districts, county-level cities, banners, townships and
sub-districts by their suffix. The levels are those of issue 10 §6:

``province``
    provinces, autonomous regions and the four municipalities;
``city``
    prefecture-level cities, autonomous prefectures, 地区 and 盟;
``county``
    districts, counties, county-level cities, banners (and development zones' committees);
``township``
    乡, 镇 and 街道;
``department``
    a body of a government (局, 委, 厅, 办 …, also the government's office); its
    ``government_level`` is the level of the government it belongs to.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache, lru_cache

from attrs import frozen

from lawgov_score.patterns import lazy
from lawgov_score.reading.model import GovernmentLevel, Level
from lawgov_score.reading.regions import MUNICIPALITIES, prefectures, provinces, short_names

LEVELS = ("province", "city", "county", "township", "department")

_HAN = "\u4e00-\u9fff"
# A county-level division: a name and its suffix; the suffix may not run on into a word
# (市场, 区域, 县域, 城区 as in 城区管理 are not divisions).
# The characters of a division's own name: none of those that end the name of a body.
_NAME = "[^\\s\\W\\d局厅委办部院室司署队站所处]"
_COUNTY = re.compile(
    rf"{_NAME}{{1,10}}?(?:自治县|自治旗|林区|特区|新区|开发区|高新区|示范区|工业园区|产业园区|(?<![社园景街片辖小])区|县|旗|(?<!城)市)"
    r"(?![场政民容域级直属辖内外区划块])"
)
_TOWNSHIP = re.compile(rf"{_NAME}{{1,8}}?(?:民族乡|街道|苏木|镇|(?<!城)乡)(?![镇村土])")
# What stands for the government of the last division (人民政府, 街道办事处, a zone's 管委会, the
# party committee 委) rather than one of its departments.
_GOVERNMENT = re.compile(r"(?:人民政府|政府|行政公署|办事处|管理委员会|管委会|委)$")
_GOVERNMENT_WORD = lazy(r"人民政府|政府|行政公署|街道办事处|办事处|管理委员会|管委会")
# How the name of a body of a government ends (局, 委员会, 办公室 …).
_DEPARTMENT = lazy(r"(?:局|厅|委员会|委|办公室|办|署|中心|院|所|队|站|处|室|部|会|社|馆|海关|支行|分行)$")
_PARTY = re.compile(r"^(?:中共|中国共产党)")
# A central body whose offices in the regions are named after it (vertical management):
# 国家税务总局|深圳市|税务局, 国家金融监督管理总局|浙江|监管局, 中国人民银行|杭州|中心支行.
_CENTRAL = lazy(r"^(?:国家[^\s\d,。]{1,12}?(?:总局|局|署)|中国人民银行|中国(?:证券|银行|保险)[^\s\d,。]{0,8}?委员会)")
_DIVISION_ENDS = ("区", "县", "市", "旗")


def _known(kind: str) -> Mapping[str, object]:
    return provinces() if kind == "province" else prefectures()


@cache
def _lengths(kind: str) -> tuple[int, ...]:
    return tuple(sorted({len(name) for name in _known(kind)}, reverse=True))


def _leading(text: str, kind: str) -> str:
    """The longest name of a ``province`` or ``prefecture`` that ``text`` starts with, or ``""``:
    a lookup per length of name (an alternation of 500 names took milliseconds to compile)."""
    names = _known(kind)
    return next((text[:length] for length in _lengths(kind) if text[:length] in names), "")


@frozen
class Body:
    """What a name tells: ``level`` (one of :data:`LEVELS`), ``government_level`` (the level of the
    government a department belongs to; the same as ``level`` for a government) and ``region``
    (``广东省深圳市宝安区``: as much of it as the name tells, with the province of a known city)."""

    level: Level | None
    government_level: GovernmentLevel | None
    region: str | None


@lru_cache(maxsize=1024)
def describe(name: str) -> Body:
    """The level, government level and region of the body called ``name``; all ``None`` when
    ``name`` is not the name of a body or a region (法治政府, 青岛市深入贯彻)."""
    name = name.strip()
    chain, rest = _divisions(name)
    central = None if chain else _CENTRAL().match(name)
    if central is not None and central.end() < len(name):
        chain, rest = _divisions(name[central.end():])
        if not chain:
            chain, rest = _short_divisions(name[central.end():])
        rest = rest or name  # the central body itself, named after no region
    elif not chain and name.endswith("海关"):  # 深圳海关, 拱北海关: a customs district, named by its city
        chain, rest = _short_divisions(name)
    if not chain:
        department = len(rest) >= 3 and _DEPARTMENT().search(rest) is not None
        return Body(level="department" if department else None, government_level=None, region=None)
    region = "".join(division for division, _ in chain)
    own = chain[-1][1]
    if not rest or _GOVERNMENT.fullmatch(rest):
        return Body(level=own, government_level=own, region=region)
    if _DEPARTMENT().search(rest):
        return Body(level="department", government_level=own, region=region)
    return Body(level=None, government_level=None, region=None)


def leading_region(text: str) -> str | None:
    """The longest run of divisions at the start of ``text``, with its government if named
    (青岛市黄岛区深入贯彻…… → 青岛市黄岛区), else ``None``."""
    chain, rest = _divisions(text)
    if not chain:
        return None
    end = len(text) - len(rest)
    government = _GOVERNMENT_WORD().match(rest)
    return text[: end + (government.end() if government else 0)]


def _short_divisions(name: str) -> tuple[list[tuple[str, GovernmentLevel]], str]:
    """The province or city a centrally managed office is named after, written short (浙江监管局,
    深圳海关), as :func:`_divisions` gives them; no chain when the name starts with neither."""
    names = short_names()
    written = next((name[:length] for length in (4, 3, 2) if name[:length] in names), "")
    if not written:
        return [], name
    divisions = names[written]
    levels: tuple[GovernmentLevel, ...] = ("province",) if len(divisions) == 1 else ("province", "city")
    return list(zip(divisions, levels)), name[len(written):]


def _divisions(name: str) -> tuple[list[tuple[str, GovernmentLevel]], str]:
    """The divisions a name starts with, as ``(full name, level)``, and the rest of the name."""
    rest = _PARTY.sub("", name)
    chain: list[tuple[str, GovernmentLevel]] = []
    written = _leading(rest, "province")
    province = provinces()[written] if written else None
    if province is not None:
        chain.append((province, "province"))
        rest = rest[len(written) :]
    written = _leading(rest, "prefecture")
    if written and province not in MUNICIPALITIES:
        full, of_province = prefectures()[written]
        # 巴州区 is a district, not 巴州 (short for 巴音郭楞) and a 区.
        if written == full or rest[len(written) : len(written) + 1] not in _DIVISION_ENDS:
            if not chain:
                chain.append((of_province, "province"))
            chain.append((full, "city"))
            rest = rest[len(written) :]
    county = _COUNTY.match(rest)
    if county is not None and not _GOVERNMENT.fullmatch(rest):
        chain.append((county.group(), "county"))
        rest = rest[county.end() :]
    township = _TOWNSHIP.match(rest)
    if township is not None:
        chain.append((township.group(), "township"))
        rest = rest[township.end() :]
    return chain, rest
