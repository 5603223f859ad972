"""Issuer, year, publication date and the five required elements of the 2019 rule."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from reading_helpers import REPORTS

from lawgov_score.reading.bodies import Body, describe
from lawgov_score.reading.document import analyse, read
from lawgov_score.reading.metadata import ELEMENTS, extract_metadata
from lawgov_score.reading.model import Metadata
from lawgov_score.reading.normalise import normalise
from lawgov_score.reading.outline import build_outline


def metadata(original: str) -> Metadata:
    text, _ = normalise(original)
    return extract_metadata(text, build_outline(text))


def test_seed(seed_text: str, gold: dict) -> None:  # type: ignore[type-arg]
    found = metadata(seed_text)
    assert found.issuer == gold["unit_year"]["unit"]
    assert found.year == gold["unit_year"]["year"]
    assert found.published == gold["unit_year"]["published"]
    assert found.elements == ("measures", "shortcomings", "first_responsible", "plans")


@pytest.mark.parametrize(
    ("name", "issuer", "year", "published", "elements"),
    [
        ("measures_first.txt", "青川县人民政府", 2023, "2024-03-15",
         ("measures", "shortcomings", "first_responsible", "plans")),
        ("leader_first.txt", "临江市司法局", 2023, "2024-02-28", ELEMENTS),
        ("parts.txt", "南湖区", 2023, None, ("measures", "shortcomings", "plans")),
        ("runin.txt", None, 2023, None, ("measures", "plans")),
    ],
)
def test_synthetic_reports(name: str, issuer: str | None, year: int, published: str | None,
                           elements: tuple[str, ...]) -> None:
    found = metadata((REPORTS / name).read_text(encoding="utf-8"))
    assert (found.issuer, found.year, found.published, found.elements) == (issuer, year, published, elements)


def test_title_with_about_and_a_web_page_stamp() -> None:
    found = metadata("某某市生态环境局关于法治政府建设工作情况的报告\n发布时间：2024-03-28 09:30 来源：本局\n"
                     "2023年，我局认真履职。\n一、主要举措\n开展执法检查12次。\n")
    assert found.issuer == "某某市生态环境局"
    assert found.published == "2024-03-28"
    assert found.year == 2023


def test_year_falls_back_to_the_publication_date() -> None:
    early = metadata("一、主要举措\n开展执法检查12次。\n某某县人民政府\n2024年3月5日\n")
    late = metadata("一、主要举措\n开展执法检查12次。\n某某县人民政府\n2023年12月25日\n")
    assert (early.year, early.published) == (2023, "2024-03-05")
    assert (late.year, late.published) == (2023, "2023-12-25")


def test_impossible_dates_are_dropped() -> None:
    assert metadata("一、甲\n正文。\n某某县人民政府\n2024年2月30日\n").published is None


def test_subject_of_the_opening_sentence_as_a_last_resort() -> None:
    assert metadata("2023年，龙华区坚持依法行政。\n一、甲\n正文。\n").issuer == "龙华区"


def test_a_report_with_nothing_to_say_about_itself() -> None:
    found = analyse("办理案件12件。", dimensions=()).metadata
    assert found.issuer is None and found.published is None and found.year is None
    assert found.elements == ()


def test_issuer_and_date_on_one_line() -> None:
    found = metadata("一、主要举措\n开展执法检查12次。\n专此报告。\n中共某某县委依法治县委员会办公室  2024年1月20日\n")
    assert found.issuer == "中共某某县委依法治县委员会办公室"
    assert found.published == "2024-01-20"


def test_a_closing_line_of_prose_is_not_a_signature() -> None:
    found = metadata("一、主要举措\n我局在2023年12月完成了全部工作,特此报告。\n")
    assert found.issuer is None and found.published is None


def test_month_only_signature_is_dated_the_first() -> None:
    found = metadata("某某区2023年度法治政府建设情况报告\n一、主要举措和成效\n正文。\n某某区人民政府\n2024年5月\n")
    assert (found.issuer, found.year, found.published) == ("某某区人民政府", 2023, "2024-05-01")


OPENINGS = json.loads((Path(__file__).resolve().parents[1] / "data" / "reading" / "openings.json").read_text(
    encoding="utf-8"))["cases"]


@pytest.mark.parametrize("case", OPENINGS, ids=[case["text"][:16] for case in OPENINGS])
def test_openings_in_varied_styles(case: dict[str, Any]) -> None:
    """Provinces, cities, districts, counties, banners, townships and departments, 2017–2024: the
    issuer from the signature, the title (one line or two, year first or last), the page's record
    or the opening sentence; its level, government level and region; the year and the date."""
    found = analyse(case["text"], dimensions=()).metadata
    assert (found.issuer, found.level, found.government_level, found.region, found.year, found.published) == (
        case["issuer"], case["level"], case["government_level"], case["region"], case["year"], case["published"])


@pytest.mark.parametrize(
    "opening",
    ["关于2023年法治政府建设情况的报告\n2023年,在市委市政府的坚强领导下,我区坚持依法行政。\n",
     "2023年,按照省委部署,我区坚持依法行政。\n",
     "附件:2023年度法治政府建设情况报告.docx\n2023年,我区坚持依法行政。\n",
     "关于2023年度法治政府建设工作情况的报告\n2023年度法治政府建设工作情况如下。\n"],
)
def test_no_fragment_is_taken_for_the_issuer(opening: str) -> None:
    """A word (关于), a phrase (在市委) or a file name is never the issuer; 我区 still tells the level."""
    found = metadata(opening + "一、主要举措\n开展执法检查12次。\n")
    assert found.issuer is None
    assert found.level == ("county" if "我区" in opening else None)


def test_our_bureau_makes_a_department_of_a_region_named_in_the_title() -> None:
    found = metadata("龙华区2023年法治政府建设年度报告\n2023年,我局坚持依法行政。\n一、主要举措\n开展执法检查12次。\n")
    assert (found.issuer, found.level, found.government_level, found.region) == (
        "龙华区", "department", "county", "龙华区")


@pytest.mark.parametrize(("clue", "level"), [("全市各县(市、区)", "city"), ("全市各镇(街道)", "county")])
def test_a_city_unknown_by_name_is_told_by_the_divisions_under_it(clue: str, level: str) -> None:
    found = metadata(f"某某市人民政府关于2023年法治政府建设情况的报告\n2023年,{clue}扎实推进依法行政。\n"
                     "一、主要举措\n开展执法检查12次。\n")
    assert (found.issuer, found.level, found.government_level) == ("某某市人民政府", level, level)


@pytest.mark.parametrize(
    ("name", "level", "government_level", "region"),
    [("深圳市宝安区人民政府", "county", "county", "广东省深圳市宝安区"),
     ("宁波市生态环境局", "department", "city", "浙江省宁波市"),
     ("南京市江宁区司法局", "department", "county", "江苏省南京市江宁区"),
     ("济南市市中区人民政府", "county", "county", "山东省济南市市中区"),
     ("巴州区人民政府", "county", "county", "巴州区"),
     ("某某县住房和城乡建设局", "department", "county", "某某县"),
     ("宁波市城市管理局", "department", "city", "浙江省宁波市"),
     ("深圳市宝安区新安街道办事处", "township", "township", "广东省深圳市宝安区新安街道"),
     ("法治政府", None, None, None), ("青岛市深入贯彻", None, None, None),
     # offices of centrally managed bodies, named after the region they serve, often written short
     ("国家税务总局深圳市税务局", "department", "city", "广东省深圳市"),
     ("国家税务总局宁波市鄞州区税务局", "department", "county", "浙江省宁波市鄞州区"),
     ("国家税务总局北京市税务局", "department", "province", "北京市"),
     ("国家金融监督管理总局浙江监管局", "department", "province", "浙江省"),
     ("中国人民银行杭州中心支行", "department", "city", "浙江省杭州市"),
     ("国家统计局宁波调查队", "department", "city", "浙江省宁波市"),
     ("深圳海关", "department", "city", "广东省深圳市"), ("上海海关", "department", "province", "上海市"),
     ("拱北海关", "department", None, None),  # named after a port, not a division
     ("国家税务总局", "department", None, None), ("国家市场监督管理总局", "department", None, None)],
)
def test_what_a_name_tells(name: str, level: str | None, government_level: str | None, region: str | None) -> None:
    assert describe(name) == Body(level, government_level, region)


@pytest.mark.parametrize(("title", "issuer", "region"), [
    ("深圳海关2023年法治政府建设年度报告", "深圳海关", "广东省深圳市"),
    ("国家税务总局深圳市税务局2023年法治税务建设情况报告", "国家税务总局深圳市税务局", "广东省深圳市"),
    ("国家金融监督管理总局浙江监管局关于2023年法治建设工作情况的报告", "国家金融监督管理总局浙江监管局", "浙江省"),
])
def test_centrally_managed_offices_in_a_title(title: str, issuer: str, region: str) -> None:
    found = read(text=f"{title}\n一、主要工作\n开展执法检查12次。", dimensions=()).metadata
    assert (found.issuer, found.level, found.region) == (issuer, "department", region)
