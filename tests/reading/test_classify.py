"""Dimensions by content: sections and facts, with the reasons recorded."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from reading_helpers import REPORTS

from lawgov_score.model.framework import Dimension, KeyTask
from lawgov_score.reading.classify import OUTLINE_TITLE_MIN, TermIndex, _bigrams
from lawgov_score.reading.document import analyse
from lawgov_score.reading.model import Document, Section

RULES = {"first_responsible", "part10_title", "outline_title", "title_terms", "title_first", "body_terms", "children",
         "outline_position", "parent", "sentence_terms", "section"}


def report(name: str, dimensions: tuple[Dimension, ...]) -> Document:
    return analyse((REPORTS / name).read_text(encoding="utf-8"), source=name, dimensions=dimensions)


def flat(document: Document) -> list[Section]:
    def walk(section: Section) -> list[Section]:
        return [section, *(s for child in section.children for s in walk(child))]

    return [s for top in document.sections for s in walk(top)]


def by_title(document: Document) -> dict[str, tuple[str, ...]]:
    return {s.numbering + s.title: s.dimensions for s in flat(document) if s.title}


def fact(document: Document, quote_part: str) -> tuple[str, ...]:
    [found] = [f for f in document.facts if quote_part in f.quote]
    return found.dimensions


def test_everything_under_one_heading_is_classified_by_content(dimensions: tuple[Dimension, ...]) -> None:
    document = report("measures_first.txt", dimensions)
    dims = by_title(document)
    assert dims["1.压实法治建设第一责任人职责"][0] == "D10"
    assert dims["2.深化“放管服”改革"][0] == "D2"
    assert dims["3.规范行政执法行为"][0] == "D5"
    assert dims["4.化解行政争议"][0] == "D7"
    assert dims["5.自觉接受监督"][0] == "D8"
    assert set(dims["一、主要举措和成效"]) >= {"D10", "D2", "D5", "D7", "D8"}
    assert dims["二、存在的问题和不足"] == ()
    assert dims["三、2024年工作打算"] == ()
    assert fact(document, "２６个部门") == ("D10",)
    assert fact(document, "网上可办率") == ("D2",)
    assert fact(document, "直接纠错率") == ("D7",)
    assert fact(document, "政协委员提案") == ("D8",)
    # Next year's plans describe no result of the year: their numbers get no dimension.
    assert fact(document, "计划培训执法人员") == ()


def test_report_opening_with_first_responsible_duties(dimensions: tuple[Dimension, ...]) -> None:
    document = report("leader_first.txt", dimensions)
    dims = by_title(document)
    assert dims["一、党政主要负责人履行推进法治建设第一责任人职责情况"][0] == "D10"
    # Everything under the duties heading is the heads' duty, whatever it speaks of.
    assert dims["(二)带头尊法学法"][0] == "D10"
    assert fact(document, "集体学法12次") == ("D10",)
    assert [dims[t][0] for t in ("(三)发挥行政复议主渠道作用", "(四)推进政务公开", "(五)严格规范公正文明执法",
                                 "(六)加强规范性文件管理", "(七)妥善应对突发事件")] == ["D7", "D8", "D5", "D3", "D6"]
    assert fact(document, "审结221件") == ("D7",)
    assert fact(document, "参考率98.5%") == ("D5",)


def test_parts_and_run_in_headings(dimensions: tuple[Dimension, ...]) -> None:
    document = report("parts.txt", dimensions)
    dims = by_title(document)
    assert dims["一、健全依法决策机制"][0] == "D4"
    assert dims["发挥法律顾问作用"][0] == "D4"
    assert dims["二、推进数字法治政府建设"][0] == "D9"
    assert dims["三、提升突发事件应对能力"][0] == "D6"
    assert dims["第二部分存在的困难和问题"] == ()
    assert fact(document, "2.3亿条") == ("D9",)
    assert fact(document, "应急演练15次") == ("D6",)


def test_run_in_only_report(dimensions: tuple[Dimension, ...]) -> None:
    dims = by_title(report("runin.txt", dimensions))
    assert [dims[t][0] for t in ("强化行政执法监督", "深化矛盾纠纷化解", "推进政务公开透明", "抓好依法行政学习")] == [
        "D5", "D7", "D8", "D10"]


def test_parts_in_another_order_keep_their_dimensions(seed_text: str, gold: dict,  # type: ignore[type-arg]
                                                      dimensions: tuple[Dimension, ...]) -> None:
    # The outline position is only a weak prior: shuffle the seed's parts and content still decides.
    starts = [s["start"] for s in gold["sections"]]
    blocks = [seed_text[a:b] for a, b in zip(starts, [*starts[1:], seed_text.index("专此报告")], strict=True)]
    order = [6, 0, 9, 2, 8, 1, 4, 3, 7, 5, 10]
    numerals = "一二三四五六七八九十"
    shuffled = []
    for position, index in enumerate(order):
        block = blocks[index].split("、", 1)[1]
        shuffled.append(("十一" if position == 10 else numerals[position]) + "、" + block)
    document = analyse(seed_text[:starts[0]] + "".join(shuffled), dimensions=dimensions)
    top = [s for s in document.sections if s.role != "preamble"]
    expected = [gold["sections"][index]["part"] for index in order]
    assert [s.dimensions[0] if s.dimensions else "" for s in top] == [f"D{p}" if p else "" for p in expected]


def test_every_assignment_is_explained(dimensions: tuple[Dimension, ...]) -> None:
    for name in ("measures_first.txt", "leader_first.txt", "parts.txt", "runin.txt"):
        document = report(name, dimensions)
        for section in flat(document):
            assert {w.dimension for w in section.why} == set(section.dimensions)
            assert all(w.rule in RULES for w in section.why)
        for found in document.facts:
            assert [w.dimension for w in found.why] == list(found.dimensions)
            assert all(w.rule in RULES and (w.terms or w.rule == "outline_position") for w in found.why)


def test_a_fact_follows_its_sentence_not_only_its_section(dimensions: tuple[Dimension, ...]) -> None:
    text = ("一、严格规范公正文明执法\n（一）深化综合执法改革。办理行政处罚案件320件。"
            "自觉接受人大监督，办理人大代表建议18件。全年完成任务12项。\n")
    document = analyse(text, dimensions=dimensions)
    assert fact(document, "处罚案件320件") == ("D5",)
    assert fact(document, "人大代表建议18件") == ("D8",)
    assert document.facts[1].why[0].rule == "sentence_terms"
    assert fact(document, "任务12项") == ("D5",)
    assert document.facts[2].why[0].rule == "section"


def test_first_responsible_content_is_d10_wherever_it_stands(dimensions: tuple[Dimension, ...]) -> None:
    text = ("一、健全行政执法工作体系\n（一）规范执法。办理案件20件。\n"
            "（二）党政主要负责人履行推进法治建设第一责任人职责。组织15家单位主要负责人述法。\n")
    document = analyse(text, dimensions=dimensions)
    sections = by_title(document)
    assert sections["(二)党政主要负责人履行推进法治建设第一责任人职责"] == ("D10",)
    assert document.sections[0].dimensions[0] == "D5" and "D10" in document.sections[0].dimensions
    assert fact(document, "15家单位") == ("D10",)


def test_without_dimensions_nothing_is_assigned() -> None:
    document = analyse("一、行政复议\n办理复议案件568宗。\n", dimensions=())
    assert document.sections[0].dimensions == () and document.facts[0].dimensions == ()


def test_term_index_prefers_the_longest_term_and_discounts_shared_ones() -> None:
    def dim(code: str, *terms: str) -> Dimension:
        return Dimension(code=code, title_zh=code, key_tasks=[KeyTask(id=code, title_zh="", terms=terms)])

    index = TermIndex.build([dim("A", "行政执法", "培训"), dim("B", "行政执法监督", "培训")])
    assert index.hits("加强行政执法监督") == {"B": {"行政执法监督": 1}}
    assert index.hits("规范行政执法") == {"A": {"行政执法": 1}}
    assert index.weights["培训"] < index.weights["行政执法"]


def _dim(code: str, *terms: str) -> Dimension:
    return Dimension(code=code, title_zh=code, key_tasks=[KeyTask(id=code, title_zh="", terms=terms)])


OVERLAPPING = TermIndex.build([_dim("A", "行政执法", "执法监督", "培训"), _dim("B", "行政执法监督", "培训"),
                               _dim("C", "监督", "复议")])
_LONGEST_FIRST = re.compile("|".join(sorted(OVERLAPPING.owners, key=lambda t: (-len(t), t))))


def regex_hits(text: str, start: int, end: int) -> dict[str, dict[str, int]]:
    """The reference: a regex alternation of the terms, longest first, run over the span alone."""
    found: dict[str, dict[str, int]] = {}
    for match in _LONGEST_FIRST.finditer(text, start, end):
        for code in OVERLAPPING.owners[match.group()]:
            found.setdefault(code, {}).setdefault(match.group(), 0)
            found[code][match.group()] += 1
    return found


def test_the_terms_of_a_span_are_those_its_own_scan_finds() -> None:
    """One scan per document serves every span, also a span cutting an occurrence of the whole
    text: the span's own scan finds other terms there."""
    text = "加强行政执法监督,行政执法监督复议。"
    found = OVERLAPPING.scan(text)
    assert found.hits() == {"B": {"行政执法监督": 2}, "C": {"复议": 1}}
    assert found.hits(0, 6) == {"A": {"行政执法": 1}}  # the span ends inside 行政执法监督
    assert found.hits(4, 8) == {"A": {"执法监督": 1}}  # and starts inside it
    assert found.hits(6, 8) == {"C": {"监督": 1}}
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            assert found.hits(start, end) == OVERLAPPING.hits(text, start, end) == regex_hits(text, start, end)


@given(st.lists(st.sampled_from(["行政执法", "执法监督", "行政执法监督", "监督", "复议", "培训", "行政", "执法", "法监",
                                 "。", "\n", "加强", "\ud800", "😀"]), max_size=30).map("".join),
       st.data())
def test_span_hits_match_a_longest_first_regex(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text) + 1))
    assert OVERLAPPING.scan(text).hits(start, end) == regex_hits(text, start, end)


def test_title_match_needs_a_clear_winner(dimensions: tuple[Dimension, ...]) -> None:
    index = TermIndex.build(dimensions)
    assert index.title_match("主要举措和成效") is None
    found = index.title_match("健全突发事件应对体系,依法预防处置重大突发事件")
    assert found is not None and found[0] == "D6"


def sorted_title_match(index: TermIndex, title: str) -> tuple[str, float, str] | None:
    """The reference: every dimension's closest title, then the dimensions sorted by it."""
    total = 0.0
    shared: dict[int, float] = {}
    for bigram in _bigrams(title):  # the same order, so the same sums to the last bit
        weight, holders = index.bigram_titles.get(bigram, (1.0, ()))
        total += weight
        for holder in holders:
            shared[holder] = shared.get(holder, 0.0) + weight
    best: dict[str, tuple[float, str]] = {}
    for holder, weight in shared.items():
        code, reference = index.reference_titles[holder]
        best[code] = max(best.get(code, (0.0, "")), (weight / total, reference))
    ranked = sorted(((similarity, code, reference) for code, (similarity, reference) in best.items()),
                    reverse=True)
    if not ranked:
        return None
    similarity, code, reference = ranked[0]
    runner_up = ranked[1][0] if len(ranked) > 1 else 0.0
    if similarity < OUTLINE_TITLE_MIN or (len(index.titles) > 1 and similarity - runner_up < 0.1):
        return None
    return code, similarity, reference


# Titles made of a few shared words, so that they share bigrams and tie often.
_TITLES = st.lists(st.sampled_from(["法治", "政府", "法治政府", "建设", "行政", ",", "1"]), max_size=4).map("".join)
_OUTLINES = st.lists(st.tuples(st.sampled_from(["D1", "D2", "D9", "D10", "A"]), _TITLES,
                               st.lists(_TITLES, max_size=3)),
                     min_size=1, max_size=4, unique_by=lambda dimension: dimension[0])


@given(_OUTLINES, _TITLES)
def test_title_match_takes_the_closest_title_of_the_best_dimension(
        outline: list[tuple[str, str, list[str]]], heading: str) -> None:
    """Titles of few characters share many bigrams and tie often: the match is still the one of
    the closest title per dimension, ties to the greatest (code, title), and no close runner-up."""
    index = TermIndex.build(
        Dimension(code=code, title_zh=title, key_tasks=[KeyTask(id=f"{code}.{n}", title_zh=task)
                                                       for n, task in enumerate(tasks)])
        for code, title, tasks in outline)
    assert index.title_match(heading) == sorted_title_match(index, heading)


@pytest.mark.parametrize("name", ["measures_first.txt", "leader_first.txt", "parts.txt", "runin.txt"])
def test_synthetic_reports_exist(name: str) -> None:
    assert Path(REPORTS / name).stat().st_size > 200


def test_part10_headings_stay_in_part10(dimensions: tuple[Dimension, ...]) -> None:
    """Leadership, responsibilities, inspection, staff capacity and mechanisms are part 10 even when
    their body names another part's terms; enforcement staff and the enforcement duty are not."""
    text = ("一、加强党的领导\n(一)加强组织领导。县委常委会专题研究法治工作3次。\n"
            "(二)强化法治督察。开展专项督察2轮,涉及行政执法、行政复议等领域。\n"
            "(三)加强法治队伍建设。组织执法人员培训4期,培训执法人员620人次。\n"
            "(四)完善考核评价机制。将行政复议工作纳入综合考核。\n"
            "(五)加强执法队伍建设。组织执法人员培训2期,持证率100%。\n")
    dims = by_title(analyse(text, dimensions=dimensions))
    headings = ("(一)加强组织领导", "(二)强化法治督察", "(三)加强法治队伍建设", "(四)完善考核评价机制")
    assert [dims[t][0] for t in headings] == ["D10"] * 4
    assert dims["(五)加强执法队伍建设"][0] == "D5"


def test_a_heading_naming_two_parts_gets_the_one_named_first(dimensions: tuple[Dimension, ...]) -> None:
    text = ("一、加强规范性文件管理和重大行政决策\n审查规范性文件26件,重大行政决策事项8项全部经过合法性审查。\n"
            "二、健全重大行政决策机制,加强规范性文件审核\n审查重大行政决策事项8项。\n")
    document = analyse(text, dimensions=dimensions)
    assert [s.dimensions[0] for s in document.sections] == ["D3", "D4"]
    assert document.sections[0].why[1].rule == "title_first"


def test_a_sub_section_naming_no_part_takes_its_parents(dimensions: tuple[Dimension, ...]) -> None:
    document = analyse("一、优化法治化营商环境\n(一)开展公平竞争审查。审查政策措施文件128件。\n"
                       "(二)清理妨碍统一市场的规定7件。\n", dimensions=dimensions)
    child = document.sections[0].children[1]
    assert child.dimensions == document.sections[0].dimensions[:1] and child.why[0].rule == "parent"
