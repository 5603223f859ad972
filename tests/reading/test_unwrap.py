"""Lines broken at a fixed width are joined back into paragraphs; any other text is left alone."""

from __future__ import annotations

import json
import sys
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lawgov_score.model.framework import Dimension
from lawgov_score.reading.document import analyse
from lawgov_score.reading.normalise import normalise, without
from lawgov_score.reading.unwrap import unwrap, wrap_width

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
sys.path.insert(0, str(ROOT / "tests" / "validity"))
from validity import _wrapped, wrapped_characters  # noqa: E402  (the validity suite's layouts)

SEED = (ROOT / "seeds" / "000_3ed9f38cde86c434.txt").read_text(encoding="utf-8")


def unwrapped(original: str) -> str:
    return unwrap(original, *normalise(original))[0]


WRAPS = {
    "30 characters": wrapped_characters,
    "76 columns": lambda text: _wrapped(text, 76),
    "40 columns": lambda text: _wrapped(text, 40),
    "56 columns, indented": lambda text: _wrapped(text, 56, indent=True),
    "60 columns, indented, page numbers": lambda text: _wrapped(text, 60, indent=True, page_lines=22),
}


def _lines(text: str) -> list[str]:
    return [line.replace(" ", "") for line in text.split("\n")]


@pytest.mark.parametrize("wrap", sorted(WRAPS))
def test_a_wrapped_seed_reads_as_the_seed(wrap: str) -> None:
    """Every way of breaking the seed's paragraphs into lines gives back its paragraphs: each
    heading and numbered paragraph on a line of its own, as in the seed, and nothing lost but a
    space a break fell on (``考试, 3281`` cut after the comma). Where no indentation marks
    paragraphs, one that ends exactly at the margin may run on into a plain one that follows."""
    seed, out = normalise(SEED)[0], unwrapped(WRAPS[wrap](SEED))
    assert out.replace("\n", "").replace(" ", "") == seed.replace("\n", "").replace(" ", "")
    seed_lines, out_lines = _lines(seed), _lines(out)
    assert set(out_lines) - set(seed_lines) <= {a + b for a, b in pairwise(seed_lines)}
    assert [line[:12] for line in out_lines if line[:1] in "(一二三四五六七八九十"] == \
        [line[:12] for line in seed_lines if line[:1] in "(一二三四五六七八九十"]


@pytest.mark.parametrize("wrap", ["56 columns, indented", "60 columns, indented, page numbers"])
def test_indented_paragraphs_come_back_exactly(wrap: str) -> None:
    assert _lines(unwrapped(WRAPS[wrap](SEED))) == _lines(normalise(SEED)[0])


def test_facts_of_a_wrapped_report_keep_their_values_and_point_into_the_original(
        dimensions: tuple[Dimension, ...]) -> None:
    seed = analyse(SEED, dimensions=dimensions)
    wrapped_text = _wrapped(SEED, 56, indent=True, page_lines=22)
    wrapped = analyse(wrapped_text, dimensions=dimensions)
    assert [(f.kind, f.value, f.unit) for f in wrapped.facts] == [(f.kind, f.value, f.unit) for f in seed.facts]
    assert all(wrapped_text[f.start:f.end] == f.quote for f in wrapped.facts)
    assert [s.title for s in wrapped.sections] == [s.title for s in seed.sections]
    # a title ends where its text does, not after the line break and indentation that followed
    for section in wrapped.sections:
        assert wrapped_text[section.title_start:section.title_end].strip() == \
            wrapped_text[section.title_start:section.title_end]


def _texts() -> list[tuple[str, str]]:
    """Every report and report opening the tests hold, none of them wrapped."""
    out = [("seed", SEED)]
    out += [(p.name, p.read_text(encoding="utf-8")) for p in sorted((DATA / "reports").glob("*.txt"))]
    out += [(p.name, p.read_text(encoding="utf-8")) for p in sorted((ROOT / "tests/validity/reports").glob("*.txt"))]
    openings = json.loads((DATA / "reading" / "openings.json").read_text(encoding="utf-8"))["cases"]
    out += [(f"opening {i}", case["text"]) for i, case in enumerate(openings)]
    for name in ("positives", "negatives", "held_out_positives", "held_out_negatives"):
        cases = (DATA / "report_check" / f"{name}.txt").read_text(encoding="utf-8").split("\n=== ")[1:]
        out += [(f"{name} {i}", case.split("\n", 1)[1]) for i, case in enumerate(cases)]
    return out


def test_text_whose_lines_are_paragraphs_is_left_as_it_is() -> None:
    """No false alarm on any report or opening of the tests: their lines are not a page's width."""
    texts = _texts()
    assert len(texts) > 100
    wrapped = [name for name, text in texts if wrap_width(normalise(text)[0].split("\n"))]
    assert wrapped == []


def test_a_column_of_short_sentences_is_not_a_wrap() -> None:
    """Lines of one width that each end a sentence are a list, not a page."""
    text = "\n".join(f"第{i}项工作已经按照计划全部完成并通过验收。" for i in range(1, 30))
    assert unwrapped(text) == normalise(text)[0]


def test_words_and_numbers_cut_at_the_margin() -> None:
    """A Latin word cut by the wrap keeps a space; a number cut in two is one number again."""
    body = "政务服务平台open data接口已接入全部部门" * 3 + "办理案件32030宗" + "开展执法检查并公开结果" * 8
    lines = [body[i:i + 24] for i in range(0, len(body), 24)]
    # force the cuts where they are to be tested
    text = "\n".join(lines)
    out = unwrapped(text)
    assert "32030宗" in out and "\n" not in out
    cut_word = "政务服务平台open\ndata接口已接入全部部门政务服务平台open data接口"
    assert "open data" in unwrapped(cut_word + "\n" + "\n".join(lines))


def test_a_heading_after_a_full_line_starts_its_own_line() -> None:
    paragraph = "推进严格规范公正文明执法落实行政执法三项制度开展案卷评查提升执法效能" * 6
    lines = [paragraph[i:i + 28] for i in range(0, len(paragraph), 28)]
    text = "\n".join(["一、健全行政执法工作体系", *lines[:-1], lines[-1] + "推进执法规范化建设开展" * 2,
                      "(二)加大重点领域执法力度", *lines])
    out = unwrapped(text).split("\n")
    assert out[0] == "一、健全行政执法工作体系"
    assert any(line.startswith("(二)加大重点领域执法力度") for line in out)


@given(st.text(alphabet="ab 　\n\r⑴ｃ１", max_size=40), st.data())
def test_offsets_without_removed_characters(text: str, data: st.DataObject) -> None:
    """``without`` gives exactly the offsets of the characters left, whatever was removed."""
    normalised, offsets = normalise(text)
    removed = sorted(data.draw(st.sets(st.integers(0, max(len(normalised) - 1, 0)))) if normalised else [])
    expected = [o for at, o in enumerate(offsets) if at not in set(removed)]
    assert list(without(offsets, removed)) == expected


def test_a_short_text_cut_at_exactly_one_width_is_joined() -> None:
    """A township's short report saved as fixed width: only four of its lines reach the 30
    characters, too few for the page-width rule, but all four stop mid-sentence at exactly 30."""
    report = (ROOT / "tests/validity/reports/township-2023.txt").read_text(encoding="utf-8")
    assert unwrapped(wrapped_characters(report)) == normalise(report)[0]


@pytest.mark.parametrize(("broken", "joined"), [
    ("召开常务会议专题研究法治政府建设3\n次。", "召开常务会议专题研究法治政府建设3次。"),
    ("办理行政复议案件120\n件,办结率98%。", "办理行政复议案件120件,办结率98%。"),
    ("全面推行行政执法公示\n、执法全过程记录制度。", "全面推行行政执法公示、执法全过程记录制度。"),
    ("一、主要举措和成效。二、\n存在的不足", "一、主要举措和成效。二、存在的不足"),
    ("持证上岗率达到100\n%。", "持证上岗率达到100%。"),
])
def test_a_break_inside_a_sentence_goes_whatever_the_widths(broken: str, joined: str) -> None:
    """No paragraph ends between a number and its measure word, before 。、% or after 、:
    such a break is a wrap even in a text too short to show a page's width."""
    assert unwrapped(broken) == joined


def test_breaks_between_paragraphs_stay() -> None:
    text = "一、主要工作\n召开会议3次。\n二、存在的问题\n基层力量薄弱。\n2023年12月20日"
    assert unwrapped(text) == normalise(text)[0]


def test_one_line_past_the_margin_does_not_hide_a_short_wrap() -> None:
    """A short page wrapped at 20 characters whose one line runs past the margin (a full stop
    kept on it): one wider line of sixteen is no sign of free text."""
    text = ("2020年,我县在县委的坚强领导下,坚持以习近平新时代中国特色社会主义思想为指导,深入推进依法行政,"
            "加快建设法治政府,为全县经济社会高质量发展提供了有力法治保障。现将我县2020年法治政府建设工作情况报告如下:\n"
            "一、加强组织领导,压实法治建设责任\n"
            "县政府成立了由县长任组长的法治政府建设工作领导小组,召开专题会议4次,研究解决法治政府建设重大问题。"
            "将法治政府建设纳入年度目标考核,权重占比达到5%。\n"
            "二、深化\"放管服\"改革,优化法治化营商环境\n"
            "全面推行证明事项告知承诺制,清理取消证明事项47项。政务服务事项网上可办率达到98.6%。\n"
            "三、严格规范公正文明执法\n全县行政执法部门办理行政处罚案件1236件,行政执法三项制度全面落实。\n")
    wrapped = _wrapped(text, 40)
    assert wrap_width(normalise(wrapped)[0].split("\n")) is not None
    assert "清理取消证明事项47项。" in unwrapped(wrapped)
