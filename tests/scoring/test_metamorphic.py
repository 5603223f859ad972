"""Metamorphic tests of the report scorer — the real test of a scorer without ground truth.

The same report reformatted scores the same (± 0.5 on every dimension); deleting one
dimension's content lowers that dimension and leaves the others within ± 0.5; adding a
quantified measure to a dimension never lowers it.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from attrs import evolve

from lawgov_score.model.assessment import Assessment
from lawgov_score.reading.document import read
from lawgov_score.scoring import Scorer, score_document, score_report
from paths import SEED

TOLERANCE = 0.5
NUMERALS = "一二三四五六七八九十"
TEXT = SEED.read_text(encoding="utf-8")


def numeral(n: int) -> str:
    """Chinese numeral for 1–19 (十一 for 11)."""
    return NUMERALS[n - 1] if n <= 10 else "十" + NUMERALS[n - 11]


def scores(assessment: Assessment) -> dict[str, float]:
    return {d.code: d.score or 0.0 for d in assessment.dimensions}


def score_text(text: str, tmp_path: Path, suffix: str = ".txt", encoding: str = "utf-8") -> dict[str, float]:
    path = tmp_path / f"report{suffix}"
    path.write_bytes(text.encode(encoding))
    return scores(score_report(path))


def split_sections(gold: dict[str, Any]) -> tuple[str, list[str]]:
    """The preamble and the top-level sections of the seed, cut at the gold heading offsets."""
    starts = [s["start"] for s in gold["sections"]]
    bounds = [*starts, len(TEXT)]
    return TEXT[: starts[0]], [TEXT[a:b] for a, b in pairwise(bounds)]


def renumber(sections: list[str]) -> list[str]:
    """Give each top-level section the numeral of its new position."""
    out = []
    for position, section in enumerate(sections, start=1):
        mark = section.index("、")
        out.append(numeral(position) + section[mark:])
    return out


@pytest.fixture(scope="module")
def baseline(seed_assessment: Assessment) -> dict[str, float]:
    return scores(seed_assessment)


def assert_close(got: dict[str, float], expected: dict[str, float], skip: str | None = None) -> None:
    for code, value in expected.items():
        if code != skip:
            assert got[code] == pytest.approx(value, abs=TOLERANCE), (code, got[code], value)


FULL_WIDTH = str.maketrans({**{chr(c): chr(c + 0xFEE0) for c in range(0x30, 0x3A)},
                            ",": "，", "(": "（", ")": "）", "%": "％", ":": "：", ";": "；", ".": "．"})


def html_page(text: str) -> str:
    body = "".join(f"<p>{html.escape(line)}</p>\n" for line in text.splitlines())
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>法治政府建设年度报告</title>"
        "<style>p{margin:0}</style><script>var x = '一、不是标题';</script></head><body>"
        "<nav><a href='/'>首页</a> &gt; 政务公开 &gt; 法治政府建设</nav>"
        f"<div class='article'>{body}</div><footer>网站标识码 4403060001</footer></body></html>"
    )


def level_two_as_arabic(text: str) -> str:
    """(一) … (五) sub-headings rewritten as 1. … 5., restarting in each section."""
    lines = []
    for line in text.split("\n"):
        if line.startswith("(") and line[1:2] in NUMERALS and line[2:3] == ")":
            line = f"{NUMERALS.index(line[1]) + 1}.{line[3:]}"
        lines.append(line)
    return "\n".join(lines)


REFORMATTINGS: dict[str, tuple[Callable[[str], str], str]] = {
    "full-width digits and punctuation": (lambda t: t.translate(FULL_WIDTH), ".txt"),
    "CRLF line breaks": (lambda t: t.replace("\n", "\r\n"), ".txt"),
    "blank lines between paragraphs": (lambda t: t.replace("\n", "\n\n"), ".txt"),
    "an HTML page": (html_page, ".html"),
    "1. sub-headings instead of (一)": (level_two_as_arabic, ".txt"),
}


@pytest.mark.parametrize("name", list(REFORMATTINGS))
def test_reformatted_report_scores_the_same(name: str, baseline: dict[str, float], tmp_path: Path) -> None:
    transform, suffix = REFORMATTINGS[name]
    assert_close(score_text(transform(TEXT), tmp_path, suffix), baseline)


def test_gb18030_encoding_scores_the_same(baseline: dict[str, float], tmp_path: Path) -> None:
    assert_close(score_text(TEXT, tmp_path, encoding="gb18030"), baseline)


@pytest.mark.parametrize("order", [[3, 1, 4, 10, 5, 9, 2, 6, 8, 7], [10, 9, 8, 7, 6, 5, 4, 3, 2, 1]])
def test_sections_in_another_order_score_the_same(
    order: list[int], baseline: dict[str, float], gold: dict[str, Any], tmp_path: Path
) -> None:
    preamble, sections = split_sections(gold)
    reordered = renumber([sections[i - 1] for i in order] + sections[10:])
    assert_close(score_text(preamble + "".join(reordered), tmp_path), baseline)


def without_dimension(code: str) -> str:
    """The seed with the sub-sections the reader gives only to ``code`` cut out (their headings too)."""
    document = read(SEED)
    cuts = [
        (child.start, child.end)
        for section in document.sections
        for child in section.children
        if child.dimensions == (code,)
    ]
    text = TEXT
    for start, end in sorted(cuts, reverse=True):
        text = text[:start] + text[end:]
    return text


@pytest.fixture(scope="module")
def per_dimension_scorer() -> Scorer:
    """The built-in framework without D10's consistency of the report's figures, which speaks of the
    whole report: deleting any dimension's figures may move it, by design."""
    framework = Scorer.create().framework
    d10 = framework.dimension("D10")
    kept = tuple(i for i in d10.indicators if i.id != "d10.internal_consistency")
    dimensions = [evolve(d10, indicators=kept) if d.code == "D10" else d for d in framework.dimensions]
    return Scorer.create(evolve(framework, dimensions=dimensions))


@pytest.mark.parametrize("k", range(1, 11))
def test_deleting_a_dimension_lowers_it_alone(k: int, per_dimension_scorer: Scorer) -> None:
    """Cutting the sub-sections of one dimension lowers it and leaves every other within ±0.5."""
    code = f"D{k}"
    def scored(text: str) -> dict[str, float]:
        document = read(text=text, plugin_manager=per_dimension_scorer.plugin_manager,
                        dimensions=per_dimension_scorer.framework.dimensions)
        return scores(score_document(document, per_dimension_scorer))
    before, after = scored(TEXT), scored(without_dimension(code))
    assert after[code] < before[code]
    assert_close(after, before, skip=code)


ADDED_MEASURES = {
    "D1": "区政府常务会议会前学法12次,邀请专家解读新修订法律法规。",
    "D2": "全年梳理公布权责清单事项5236项,新增高频服务事项“一件事一次办”18项。",
    "D3": "组织开展规范性文件后评估,评估文件12件。",
    "D4": "组织重大行政决策专家论证会6次,公开征求意见9次。",
    "D5": "开展行政执法案卷评查,抽查案卷320宗。",
    "D6": "组织开展防汛防台风综合应急演练46场,参演人员1.2万人次。",
    "D7": "全年开展行政调解1862宗,调解成功1540宗。",
    "D8": "组织开展专项审计调查8项,推动整改问题41个。",
    "D9": "新建数据共享接口36个,累计交换数据2300万条。",
    "D10": "组织领导干部法治专题培训班6期,培训1200人次。",
}


@pytest.mark.parametrize("k", range(1, 11))
def test_adding_a_quantified_measure_never_lowers_it(
    k: int, baseline: dict[str, float], gold: dict[str, Any], tmp_path: Path
) -> None:
    code = f"D{k}"
    preamble, sections = split_sections(gold)
    sections[k - 1] = sections[k - 1].rstrip("\n") + ADDED_MEASURES[code] + "\n"
    after = score_text(preamble + "".join(sections), tmp_path)
    assert after[code] >= baseline[code] - 1e-9
