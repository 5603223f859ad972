"""Rebuilding a PDF's text from positioned lines: furniture, wrapped lines and paragraph breaks."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lawgov_score.reading.pdf_layout import Line, drop_furniture, is_page_number, rebuild_text

EM = 12.0
LEFT, RIGHT = 50.0, 50.0 + 40 * EM  # 40 Chinese characters a line
WIDTH = RIGHT + LEFT


def line(text: str, top: float, page: int = 0, left: float = LEFT, right: float | None = None,
         em: float = EM) -> Line:
    """A line of ``text`` whose box starts at ``left``; a Chinese character is one em wide."""
    width = sum(em if ord(char) > 0x2e80 else 0.55 * em for char in text)
    return Line(page, text, left, right if right is not None else left + width, top, top - 1.15 * em)


def column(texts: list[str], page: int = 0, top: float = 780.0, pitch: float = 20.0, **kwargs: float) -> list[Line]:
    return [line(text, top - index * pitch, page, **kwargs) for index, text in enumerate(texts)]


@pytest.mark.parametrize("text", ["3", "- 3 -", "— 12 —", "－ 3 －", "第3页", "第 3 页 共 20 页", "3/20", "3 / 20",
                                  "Page 3", "page 3 of 20", "·3·"])
def test_page_numbers(text: str) -> None:
    assert is_page_number(text)


@pytest.mark.parametrize("text", ["2023年", "一、", "12件", "第一部分", "(三)", "3.5", "共3项", "3月20日"])
def test_not_page_numbers(text: str) -> None:
    assert not is_page_number(text)


def _pages(bodies: list[list[str]], header: str | None = "某某区人民政府", numbers: bool = True) -> list[list[Line]]:
    pages = []
    for number, body in enumerate(bodies):
        lines = column(body, number, top=760.0)
        if header:
            lines.insert(0, line(header, 800.0, number, left=250.0))
        if numbers:
            lines.append(line(f"- {number + 1} -", 40.0, number, left=280.0))
        pages.append(lines)
    return pages


def test_running_headers_and_page_numbers_are_dropped() -> None:
    pages = _pages([["一、甲", "办理案件12件。"], ["二、乙", "调解纠纷30件。"], ["三、丙", "开展培训5次。"]])
    assert [[kept.text for kept in page] for page in drop_furniture(pages)] == [
        ["一、甲", "办理案件12件。"], ["二、乙", "调解纠纷30件。"], ["三、丙", "开展培训5次。"]]


def test_a_header_written_last_is_found_by_its_place() -> None:
    """Chromium writes its header after the page's text: place, not order, makes it furniture."""
    pages = _pages([["一、甲", "办理案件12件。"], ["二、乙", "调解纠纷30件。"]], header=None, numbers=False)
    for number, page in enumerate(pages):
        page.append(line("2024/3/20 10:17", 800.0, number, left=20.0))
        page.append(line(f"file:///tmp/report.html {number + 1}/2", 20.0, number, left=20.0))
    assert rebuild_text(pages, WIDTH) == "一、甲\n办理案件12件。\n二、乙\n调解纠纷30件。"


def test_a_line_repeated_elsewhere_on_the_page_is_body_text() -> None:
    pages = _pages([["一、甲", "同上。", "办理案件12件。"], ["二、乙", "同上。", "调解纠纷30件。"]])
    assert [kept.text for kept in drop_furniture(pages)[1]] == ["二、乙", "同上。", "调解纠纷30件。"]


def test_a_lone_page_number_is_dropped_from_a_single_page() -> None:
    assert rebuild_text(_pages([["一、甲", "办理案件12件。"]], header=None), WIDTH) == "一、甲\n办理案件12件。"


def test_wrapped_chinese_lines_join_without_a_space_and_english_with_one() -> None:
    chinese = "法" * 40
    english = "The county reviewed 120 administrative cases and"
    pages = [column([chinese, "治政府建设。", english, "published its report."])]
    pages[0][2] = line(english, 740.0, right=RIGHT)  # ragged right: the next word did not fit
    assert rebuild_text(pages, WIDTH) == f"{chinese}治政府建设。\n{english} published its report."


def test_paragraph_breaks_from_indentation_short_lines_gaps_and_sizes() -> None:
    full = "行" * 40
    lines = [
        line(full, 780.0),
        line("政执法。", 760.0),  # short: the paragraph ends
        line("行" * 38, 740.0, left=LEFT + 2 * EM),  # indented: a new paragraph
        line(full, 720.0),
        line(full, 690.0),  # a wider gap: a new paragraph
        line("一、主要举措", 660.0, em=16.0),  # a larger size: a heading
        line(full, 640.0),
    ]
    assert rebuild_text([lines], WIDTH).split("\n") == [full + "政执法。", "行" * 38 + full, full, "一、主要举措", full]


def test_punctuation_moved_to_the_next_line_does_not_break_a_paragraph() -> None:
    """Chinese typesetting never starts a line with ，: the character before it moves down too,
    leaving the line one character short."""
    lines = [line("法" * 39, 780.0), line("治，政府。", 760.0)]
    assert rebuild_text([lines], WIDTH) == "法" * 39 + "治，政府。"


def test_a_paragraph_goes_on_over_a_page_break() -> None:
    pages = _pages([["一、甲", "办" * 40], ["理案件12件。", "二、乙"]])
    pages[0][2] = line("办" * 40, 740.0)
    assert rebuild_text(pages, WIDTH) == "一、甲\n" + "办" * 40 + "理案件12件。\n二、乙"


def test_centred_title_and_right_aligned_signature_stand_alone() -> None:
    lines = [line("关于2023年法治政府建设情况的报告", 800.0, left=150.0, em=18.0), line("行" * 40, 770.0),
             line("专此报告。", 750.0, left=LEFT + 2 * EM), line("某某县人民政府", 730.0, left=RIGHT - 7 * EM),
             line("2024年1月10日", 710.0, left=RIGHT - 8 * EM)]
    assert rebuild_text([lines], WIDTH).split("\n") == [
        "关于2023年法治政府建设情况的报告", "行" * 40, "专此报告。", "某某县人民政府", "2024年1月10日"]


HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x4E80)
PARAGRAPH = st.text(HAN, min_size=1, max_size=130)


def lay_out(paragraphs: list[str], per_line: int = 40, per_page: int = 30) -> list[list[Line]]:
    """Typeset paragraphs as a word processor does: first lines indented two characters, lines
    filled to the margin, pages of ``per_page`` lines with a running header and a page number."""
    rows: list[tuple[str, float]] = []
    for paragraph in paragraphs:
        rest, indent = paragraph, 2
        while rest:
            rows.append((rest[: per_line - indent], LEFT + indent * EM))
            rest, indent = rest[per_line - indent:], 0
    pages = []
    starts = range(0, len(rows), per_page)
    for number, start in enumerate(starts):
        lines = [line(text, 760.0 - 20 * index, number, left=left)
                 for index, (text, left) in enumerate(rows[start:start + per_page])]
        # A running header is known as such only when it runs: on one page it is a line of text.
        header = [line("某某市人民政府", 800.0, number, left=250.0)] if len(starts) > 1 else []
        pages.append([*header, *lines, line(f"— {number + 1} —", 40.0, number, left=280.0)])
    return pages


@given(st.lists(PARAGRAPH, min_size=1, max_size=25))
def test_any_typeset_paragraphs_are_rebuilt(paragraphs: list[str]) -> None:
    """Paragraphs typeset with indented first lines over pages with headers and page numbers are
    rebuilt exactly, one a line."""
    assert rebuild_text(lay_out(paragraphs), WIDTH) == "\n".join(paragraphs)
