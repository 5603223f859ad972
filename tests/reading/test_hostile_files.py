"""Hostile and broken files: deep HTML, huge attributes, zip bombs, DOCX files of many paragraphs.
Each is read whole or refused by name, in time that grows in proportion to its size."""

from __future__ import annotations

import io
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from lawgov_score.errors import InputError
from lawgov_score.reading.document import read
from lawgov_score.reading.docx_text import read_docx
from lawgov_score.reading.html_page import MAX_TREE_DEPTH, read_html


def nested(depth: int) -> bytes:
    return ("<html><body>" + '<div class="c">' * depth + "<p>一、深处的段落。办理案件12件。</p>" + "</div>" * depth
            + "<p>二、之后的段落。调解纠纷30件。</p></body></html>").encode()


@pytest.mark.parametrize("depth", [MAX_TREE_DEPTH + 50, 3_000, 100_000])
def test_deep_html_keeps_all_its_text(depth: int, tmp_path: Path) -> None:
    """Deeper than lxml (a few thousand levels) or inscriptis (recursion) can follow: flat text, a warning."""
    path = tmp_path / "deep.html"
    path.write_bytes(nested(depth))
    document = read(path, dimensions=())
    assert document.original == "一、深处的段落。办理案件12件。\n二、之后的段落。调解纠纷30件。"
    assert [f.value for f in document.facts] == [12, 30]
    assert len(document.warnings) == 1 and "read as flat text" in document.warnings[0]


def test_shallow_html_has_no_warning() -> None:
    warnings: list[str] = []
    text, _, _ = read_html(nested(20), "page.html", warnings)
    assert "办理案件12件" in text and warnings == []


def test_flat_text_drops_scripts_styles_and_comments_and_survives_unclosed_ones() -> None:
    page = ("<div>" * 300 + "<script>var a='<p>一、假标题</p>';</script><!-- 二、注释 --><style>p{}</style>"
            "<p>一、正文&amp;段落</p><br>第二行<script>never closed <p>三、看不见").encode()
    text, _, _ = read_html(page, "page.html")
    assert text == "一、正文&段落\n第二行"


def test_a_20_mb_attribute_does_not_hide_the_text() -> None:
    page = ('<html><body><p title="' + "x" * 20_000_000 + '">一、主要举措。办理案件12件。</p></body></html>').encode()
    text, _, _ = read_html(page, "long-attribute.html")
    assert text.strip() == "一、主要举措。办理案件12件。"


def test_100_000_nested_divs_are_not_called_empty() -> None:
    text, _, _ = read_html(b"<html><body>" + b"<div>" * 100_000 + "办理案件12件。".encode() + b"</div>" * 100_000
                           + b"</body></html>", "divs.html")
    assert text == "办理案件12件。"


def _zip_bomb(inflated: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<w:document>" + b" " * inflated + b"</w:document>")
    return buffer.getvalue()


def test_a_zip_bomb_is_refused_before_it_is_inflated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAWGOV_SCORE_MAX_ARCHIVE_BYTES", "1000000")
    path = tmp_path / "bomb.docx"
    path.write_bytes(_zip_bomb(5_000_000))
    assert path.stat().st_size < 20_000
    started = time.perf_counter()
    with pytest.raises(InputError, match=r"uncompressed size of the DOCX archive's parts .* above the limit of "
                                         r"1,000,000.*LAWGOV_SCORE_MAX_ARCHIVE_BYTES") as caught:
        read(path, dimensions=())
    assert caught.value.source == str(path) and time.perf_counter() - started < 1


def docx_of(paragraphs: int) -> bytes:
    """A DOCX of ``paragraphs`` paragraphs (Word's XML written directly: python-docx would take longer
    to write it than the reader to read it)."""
    import docx

    template = io.BytesIO()
    docx.Document().save(template)
    body = "".join(f"<w:p><w:r><w:t>（{n}）办理案件{n}件。</w:t></w:r></w:p>" for n in range(paragraphs))
    out = io.BytesIO()
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                head, _, rest = data.decode().partition("<w:body>")
                data = (head + "<w:body>" + body + rest[rest.index("<w:sectPr"):]).encode()
            target.writestr(item, data)
    return out.getvalue()


def _best(action: Callable[[], object], rounds: int = 3) -> float:
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - started)
    return best


@pytest.mark.parametrize(("name", "make", "read_it"), [
    ("docx paragraphs", docx_of, lambda data: read_docx(data, "many.docx")),
    ("html depth", lambda n: nested(n), lambda data: read_html(data, "deep.html")),
])
def test_time_grows_linearly(name: str, make: Callable[[int], bytes], read_it: Callable[[bytes], object]) -> None:
    """4 times the paragraphs (or the nesting) takes about 4 times as long, not 16."""
    small, large = make(1_000), make(4_000)
    assert read_it(small) and read_it(large)
    ratio = _best(lambda: read_it(large)) / _best(lambda: read_it(small))
    assert ratio < 8, (name, ratio)


def test_a_docx_of_many_paragraphs_keeps_them_all() -> None:
    text = read_docx(docx_of(5_000), "many.docx")
    lines = text.split("\n")
    assert len(lines) == 5_000 and lines[-1] == "（4999）办理案件4999件。"
