"""The built-in readers (text, HTML, DOCX), format sniffing, and the reading hook."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pluggy
import pytest
from reading_helpers import html_page, save_docx

from lawgov_score import hookimpl, hookspecs
from lawgov_score.errors import InputError
from lawgov_score.reading import formats
from lawgov_score.reading.document import read, read_bytes
from lawgov_score.reading.docx_text import read_docx
from lawgov_score.reading.formats import lawgov_score_read_document, sniff_format
from lawgov_score.reading.html_page import read_html
from lawgov_score.reading.model import Section

BODY = "一、主要举措和成效\n（一）深化“放管服”改革。全年取消审批事项12项。\n（二）规范执法。办理案件1320件。"


def _pm(*plugins: object, core: bool = True) -> pluggy.PluginManager:
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    if core:
        pm.register(formats, name="core_readers")
    for plugin in plugins:
        pm.register(plugin)
    return pm


def _zip(names: list[str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("r.txt", "正文".encode(), "text"),
        ("r", "正文".encode(), "text"),
        ("r.txt", b"<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        ("page.htm", b"just text", "html"),
        ("r.pdf", b"%PDF-1.7\n...", "pdf"),
        ("renamed.txt", b"%PDF-1.4", "pdf"),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 50, "ole"),
        ("t.xlsx", _zip(["xl/workbook.xml"]), "xlsx"),
        ("t.docx", _zip(["word/document.xml"]), "docx"),
        ("t.zip", _zip(["a.txt"]), "zip"),
        ("scan.png", b"\x89PNG\r\n\x1a\n", "png"),
    ],
)
def test_sniff_format(name: str, data: bytes, kind: str) -> None:
    assert sniff_format(Path(name), data) == kind


@pytest.mark.parametrize("charset", ["utf-8", "gbk", "gb2312"])
def test_html_page_keeps_paragraphs_and_drops_furniture(charset: str) -> None:
    page = html_page(BODY, charset).encode("gb18030" if charset != "utf-8" else "utf-8")
    text, kind, encoding = read_html(page, "page.html")
    assert kind == "html"
    assert encoding == ("utf-8" if charset == "utf-8" else "gb18030")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert lines == BODY.splitlines()
    for furniture in ("首页", "门户网站", "机构概况", "版权所有", "访问量", "menu", "color"):
        assert furniture not in text


def test_html_inline_markup_does_not_split_words() -> None:
    page = "<p>开展<span>“第一议题”</span>学习<b>56</b>次，<a href='#'>详见</a>附件。</p><p>第二段\n续写</p>"
    text, _, _ = read_html(page.encode(), "p.html")
    assert text.split("\n")[0].strip() == "开展“第一议题”学习56次，详见附件。"
    assert "第二段续写" in text


def test_html_container_named_like_furniture_is_kept_when_it_holds_the_article() -> None:
    paragraphs = "".join(f"<p>{line}</p>" for line in BODY.splitlines())
    page = f'<html><body><div class="main-header-wrap">{paragraphs}</div></body></html>'
    text, _, _ = read_html(page.encode(), "p.html")
    assert "办理案件1320件" in text


def test_html_without_text_is_an_error() -> None:
    with pytest.raises(InputError, match="no text"):
        read_html(b"<html><head><script>var a=1</script></head><body><nav>x</nav></body></html>", "e.html")


def test_docx_paragraphs_and_tables(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("一、主要举措和成效")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "事项", "数量"
    table.cell(1, 0).text, table.cell(1, 1).text = "行政复议案件", "568宗"
    document.add_paragraph("二、存在的不足")
    path = tmp_path / "t.docx"
    document.save(str(path))
    text = read_docx(path.read_bytes(), str(path))
    assert text.split("\n") == ["一、主要举措和成效", "事项\t数量", "行政复议案件\t568宗", "二、存在的不足"]


def test_docx_that_is_not_one_names_the_file() -> None:
    with pytest.raises(InputError, match="not a readable DOCX") as caught:
        read_docx(b"PK\x03\x04 broken", "broken.docx")
    assert caught.value.source == "broken.docx"


def test_empty_docx_is_an_error(tmp_path: Path) -> None:
    path = save_docx("", tmp_path / "empty.docx")
    with pytest.raises(InputError, match="no text"):
        read(path, dimensions=())


def test_hook_returns_none_for_foreign_formats() -> None:
    assert lawgov_score_read_document(Path("a.doc"), b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 50) is None
    assert lawgov_score_read_document(Path("a.xlsx"), _zip(["xl/workbook.xml"])) is None


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("broken.pdf", b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n", "not a readable PDF"),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 50, "unsupported format \\(doc\\).*Word 97-2003"),
        ("sheet.xlsx", _zip(["xl/workbook.xml", "[Content_Types].xml"]), "unsupported format \\(xlsx\\)"),
        ("empty.txt", b"", "empty"),
        ("blank.txt", b" \n \n", "empty"),
        ("image.txt", b"\x00\x10\x00\xff" * 100, "binary"),
    ],
)
def test_unreadable_files_name_the_file(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError, match=message) as caught:
        read(path, dimensions=(), plugin_manager=_pm())
    assert caught.value.source == str(path)
    assert str(path) in str(caught.value)


class PdfPlugin:
    """A stand-in PDF reader, as a third-party plugin would provide."""

    @hookimpl
    def lawgov_score_read_document(self, path: Path, data: bytes) -> tuple[str, str, str] | None:
        if not data.startswith(b"%PDF"):
            return None
        return BODY, "pdf", ""


class LoudTextPlugin:
    """A plugin that overrides the built-in text reader."""

    @hookimpl
    def lawgov_score_read_document(self, path: Path, data: bytes) -> tuple[str, str, str] | None:
        return data.decode("utf-8").upper(), "shout", "utf-8"


def test_a_plugin_adds_a_format(tmp_path: Path) -> None:
    path = tmp_path / "r.pdf"
    path.write_bytes(b"%PDF-1.7 binary")
    document = read(path, dimensions=(), plugin_manager=_pm(PdfPlugin()))
    assert document.format == "pdf"
    assert [s.title for s in document.sections if s.level == 1] == ["主要举措和成效"]


def test_a_plugin_overrides_the_builtin_readers(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("report body abc\n", encoding="utf-8")
    assert read_bytes(path, path.read_bytes(), _pm(LoudTextPlugin()))[:2] == ("REPORT BODY ABC\n", "shout")


def test_core_readers_apply_when_the_manager_has_none(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text(BODY, encoding="utf-8")
    assert read_bytes(path, path.read_bytes(), _pm(core=False))[1] == "text"


def test_blocked_core_readers_read_nothing(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text(BODY, encoding="utf-8")
    pm = _pm(core=False)
    pm.set_blocked("core_readers")
    with pytest.raises(InputError, match="unsupported"):
        read_bytes(path, path.read_bytes(), pm)


def _numbered_docx(path: Path) -> Path:
    """A DOCX whose headings are numbered by Word (一、 / （一） / 1.), not by their text."""
    import docx
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    levels = [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3.")]
    abstract = parse_xml(
        f'<w:abstractNum {w} w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>'
        + "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                  f'<w:lvlText w:val="{text}"/></w:lvl>' for i, (fmt, text) in enumerate(levels))
        + "</w:abstractNum>")
    num = parse_xml(f'<w:num {w} w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, abstract)  # abstractNum elements come before num elements
    numbering.append(num)

    def add(text: str, level: int | None = None) -> None:
        paragraph = document.add_paragraph(text)
        if level is not None:
            paragraph._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr {w}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))

    add("2023年，我区扎实推进法治政府建设。")
    add("主要举措和成效", 0)
    add("深化放管服改革。取消审批事项12项。", 1)
    add("推行一网通办。", 2)
    add("优化审批流程。", 2)
    add("规范行政执法。办理案件320件。", 1)
    add("存在的不足", 0)
    add("基层力量薄弱。", 1)
    add("下一步工作安排。")
    add("普通段落", None)
    bullets = document.add_paragraph("要点一", style="List Number")
    assert bullets.text == "要点一"
    document.save(str(path))
    return path


def test_docx_automatic_numbering_is_rendered(tmp_path: Path) -> None:
    path = _numbered_docx(tmp_path / "numbered.docx")
    lines = read_docx(path.read_bytes(), str(path)).split("\n")
    assert lines[:8] == [
        "2023年，我区扎实推进法治政府建设。", "一、主要举措和成效", "（一）深化放管服改革。取消审批事项12项。",
        "1.推行一网通办。", "2.优化审批流程。", "（二）规范行政执法。办理案件320件。", "二、存在的不足",
        "（一）基层力量薄弱。",
    ]
    assert lines[-1] == "1.要点一"
    document = read(path, dimensions=())
    assert [(s.level, s.numbering) for top in document.sections for s in _walk(top)] == [
        (1, ""), (1, "一、"), (2, "(一)"), (3, "1."), (3, "2."), (2, "(二)"), (1, "二、"), (2, "(一)"), (3, "1.")]


def _walk(section: Section) -> list[Section]:
    return [section, *(s for child in section.children for s in _walk(child))]


def test_numbering_formats() -> None:
    from lawgov_score.reading.docx_numbering import chinese_numeral, format_number

    assert [chinese_numeral(n) for n in (1, 10, 11, 20, 23, 99, 100)] == [
        "一", "十", "十一", "二十", "二十三", "九十九", "100"]
    assert format_number(3, "decimalEnclosedCircle") == "③"
    assert format_number(2, "decimalEnclosedParen") == "⑵"
    assert format_number(28, "lowerLetter") == "ab"
    assert format_number(14, "upperRoman") == "XIV"
    assert format_number(7, "bullet") == ""
    assert format_number(7, "decimalZero") == "07"
