"""The outline: every heading style real reports use, levels, numbering, items, preamble, closing."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st
from reading_helpers import words

from lawgov_score.reading.normalise import normalise
from lawgov_score.reading.outline import Node, build_outline, closing_start, lines


def outline(original: str) -> tuple[str, list[Node]]:
    text, _ = normalise(original)
    return text, build_outline(text)


def shape(nodes: list[Node]) -> list[tuple[int, str, str, str]]:
    """(level, numbering, title, role) of every node in document order."""
    return [(n.level, n.numbering, n.title, n.role) for root in nodes for n in root.walk()]


def test_chinese_numbers_with_parenthesised_sub_headings_full_and_half_width() -> None:
    _, nodes = outline(
        "一、加强组织领导\n（一）压实责任。区政府常务会议专题研究法治工作4次。\n(二)完善制度。出台制度3项。\n"
        "二、深化依法行政\n（一）规范执法。办理案件20件。\n"
    )
    assert shape(nodes) == [
        (1, "一、", "加强组织领导", "body"),
        (2, "(一)", "压实责任", "body"),
        (2, "(二)", "完善制度", "body"),
        (1, "二、", "深化依法行政", "body"),
        (2, "(一)", "规范执法", "body"),
    ]


def test_arabic_numbers_with_dot_and_comma_and_parenthesised_items() -> None:
    _, nodes = outline(
        "一、主要举措和成效\n1．强化学法用法。组织集中学法6次。\n（1）领导干部学法。\n（2）执法人员培训。\n"
        "2、推进政务公开。公开信息300条。\n3.优化营商环境。\n"
    )
    assert shape(nodes) == [
        (1, "一、", "主要举措和成效", "body"),
        (2, "1.", "强化学法用法", "body"),
        (3, "(1)", "领导干部学法", "body"),
        (3, "(2)", "执法人员培训", "body"),
        (2, "2、", "推进政务公开", "body"),
        (2, "3.", "优化营商环境", "body"),
    ]


def test_parts_then_chinese_numbers_then_run_in_headings() -> None:
    _, nodes = outline(
        "第一部分 主要工作\n一、依法决策\n坚持集体讨论决定。年内提交常务会议审议事项26项，全部经过合法性审查。\n"
        "发挥法律顾问作用。法律顾问审查合同156份，提出修改意见480余条。\n"
        "第二部分 存在的问题\n一是基层力量薄弱；二是信息化水平不高。\n第三部分 下一步工作计划\n持续完善制度。\n"
    )
    assert shape(nodes) == [
        (1, "第一部分", "主要工作", "body"),
        (2, "一、", "依法决策", "body"),
        (3, "", "坚持集体讨论决定", "body"),
        (3, "", "发挥法律顾问作用", "body"),
        (1, "第二部分", "存在的问题", "shortcomings"),
        (1, "第三部分", "下一步工作计划", "plans"),
    ]
    assert nodes[0].children[0].children[0].style == "runin"


def test_report_without_numbered_headings_uses_run_in_headings_as_top_level() -> None:
    text, nodes = outline(
        "2023年，我镇扎实推进法治政府建设。\n"
        "强化执法监督。全年办理行政处罚案件68件，开展案卷自查2次。\n"
        "深化矛盾化解。排查化解矛盾纠纷312件，调解成功率97.4%。\n"
        "推进政务公开。主动公开信息460条。\n"
    )
    assert [(n.level, n.title, n.role) for n in nodes] == [
        (1, "", "preamble"), (1, "强化执法监督", "body"), (1, "深化矛盾化解", "body"), (1, "推进政务公开", "body")]
    assert nodes[0].end == nodes[1].start == text.index("强化")


def test_a_single_short_sentence_paragraph_is_not_a_run_in_heading() -> None:
    _, nodes = outline("一、总体情况\n我区全面推进依法行政。全年办理案件30件。\n同时加强监督。开展督查5次。\n")
    assert shape(nodes) == [(1, "一、", "总体情况", "body")]


def test_numbering_running_straight_through_and_restarting() -> None:
    _, nodes = outline(
        "一、第一责任人履职\n(一)加强领导。\n(二)带头学法。\n二、主要成效\n(三)复议。\n(四)公开。\n"
        "三、存在的不足\n(一)力量不足。\n(二)水平不高。\n下一步，我局将继续努力。\n(一)强化培训。\n(二)完善制度。\n"
    )
    got = shape(nodes)
    assert [g[:2] for g in got] == [
        (1, "一、"), (2, "(一)"), (2, "(二)"), (1, "二、"), (2, "(三)"), (2, "(四)"),
        (1, "三、"), (2, "(一)"), (2, "(二)"), (2, "(一)"), (2, "(二)"),
    ]
    assert [g[3] for g in got[6:]] == ["shortcomings", "shortcomings", "shortcomings", "plans", "plans"]


def test_weak_markers_out_of_sequence_are_body_text() -> None:
    _, nodes = outline(
        "一、执法\n1.规范执法。\n2.创新方式。\n1.5万家次企业接受检查。\n7.8%的案件被纠错。\n15.共办理案件。\n3.强化监督。\n"
    )
    assert [n.numbering for n in nodes[0].children] == ["1.", "2.", "3."]


def test_a_stronger_style_closes_weaker_levels() -> None:
    _, nodes = outline("一、甲\n(一)乙\n1.丙\n(1)丁\n(二)戊\n二、己\n")
    assert [(n.level, n.numbering) for root in nodes for n in root.walk()] == [
        (1, "一、"), (2, "(一)"), (3, "1."), (4, "(1)"), (2, "(二)"), (1, "二、")]


def test_inline_enumerations_are_items_not_headings() -> None:
    text, nodes = outline(
        "一、深化改革\n我区多措并举:一是精简审批事项12项;二是推行一网通办,网上可办率98%;三是开展抽查215次。\n"
        "统一是原则,唯一是底线。\n"
    )
    section = nodes[0]
    assert not section.children
    items = [text[s:e] for s, e in section.items]
    assert items == ["一是精简审批事项12项;", "二是推行一网通办,网上可办率98%;", "三是开展抽查215次。"]


def test_circled_and_half_parenthesis_markers() -> None:
    _, nodes = outline("一、甲\n1)乙。\n①丙。\n②丁。\n2)戊。\n")
    assert [(n.level, n.style) for n in nodes[0].walk()] == [
        (1, "cn"), (2, "arabic_half"), (3, "circled"), (3, "circled"), (2, "arabic_half")]


def test_preamble_and_closing_block() -> None:
    text, nodes = outline(
        "XX县人民政府关于2023年度法治政府建设情况的报告\n2023年,我县坚持依法行政。\n一、主要成效\n正文。\n"
        "专此报告。\nXX县人民政府\n二〇二四年三月十五日\n"
    )
    assert [n.role for n in nodes] == ["preamble", "body", "closing"]
    assert text[nodes[-1].start:nodes[-1].end] == "专此报告。\nXX县人民政府\n二〇二四年三月十五日"
    assert nodes[1].end == nodes[2].start


def test_closing_needs_a_signature() -> None:
    text = "一、甲\n正文。\n专此报告。"
    assert closing_start(text, lines(text)) is None


def test_spans_tile_the_top_level() -> None:
    text, nodes = outline("前言。\n一、甲\n(一)乙\n二、丙\n")
    assert nodes[0].start == 0 and nodes[-1].end == len(text)
    assert all(a.end == b.start for a, b in itertools.pairwise(nodes))


TOKENS = [
    *words("一、 二、 十一、 (一) （二） (三) 1. 2、 1.5 (1) （2） 1) ① ② 第一部分 第二部分 一是 二是"),
    *words("三是 。 ， : 12 １２ ％ % 万 余 件 次 2023年12月20日 专此报告。 人民政府 第一责任人 存在的不足"),
    *words("下一步 ( ) 坚持依法决策 开展执法检查 二〇二四年三月十五日 1. 3."),
    "\n", "\n", "\n", " ", "\u3000", "\u200b", "\r\n",
]


@given(st.lists(st.sampled_from(TOKENS), max_size=120))
def test_outline_of_any_marker_soup_is_well_formed(tokens: list[str]) -> None:
    """Whatever mix of markers a text holds, nodes nest inside their parents and siblings do not overlap."""
    text, nodes = outline("".join(tokens))

    def check(siblings: list[Node], low: int, high: int, level: int) -> None:
        previous = low
        for node in siblings:
            assert node.level == level
            assert previous <= node.start <= node.end <= high
            assert node.start <= node.title_start <= node.title_end <= node.end
            assert text[node.title_start:node.title_end] == node.title
            for start, end in node.items:
                assert node.start <= start < end <= node.end
            check(node.children, node.start, node.end, level + 1)
            previous = node.end

    check(nodes, 0, len(text), 1)


def test_one_paragraph_written_twice_is_not_a_series_of_run_in_titles() -> None:
    """Two paragraphs opening with the same short sentence are one paragraph repeated, not two
    run-in headings (whose titles would then no longer count as evidence)."""
    paragraph = "推进综合行政执法体制改革,组建县综合行政执法局。全面推行行政执法公示制度,开展执法人员培训8期。\n"
    _, nodes = outline("一、坚持严格规范公正文明执法\n" + paragraph * 2 + "二、存在的问题\n基层执法力量不足。\n")
    assert [node.children for node in nodes if node.numbering == "一、"] == [[]]
