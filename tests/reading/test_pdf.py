"""PDF reports: the seed printed by Chromium and written by fpdf2 reads as the .txt does; scans,
encrypted, damaged and oversized PDFs are refused by name."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pluggy
import pytest
from test_document import facts_key, outline_key, top_level

from lawgov_score.errors import InputError
from lawgov_score.model.framework import Dimension
from lawgov_score.reading.document import read
from lawgov_score.reading.model import Document

LAYOUTS = ["chromium", "fpdf"]


@pytest.fixture(scope="module")
def seed_txt(dimensions: tuple[Dimension, ...], reading_pm: pluggy.PluginManager) -> Document:
    path = Path(__file__).resolve().parents[2] / "seeds" / "000_3ed9f38cde86c434.txt"
    return read(path, dimensions=dimensions, plugin_manager=reading_pm)


def _pdf(seed_pdfs: dict[str, Path], layout: str) -> Path:
    if layout not in seed_pdfs:
        pytest.skip(f"no {layout} here to make the PDF (CI installs chromium and fonts-wqy-microhei)")
    return seed_pdfs[layout]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_seed_as_pdf_reads_as_the_txt(layout: str, seed_pdfs: dict[str, Path], seed_txt: Document,
                                          dimensions: tuple[Dimension, ...], reading_pm: pluggy.PluginManager) -> None:
    """Headers, footers and page numbers dropped, wrapped lines joined without a space, paragraphs
    kept: the rebuilt text is the seed's, so outline, facts and metadata are the .txt's."""
    document = read(_pdf(seed_pdfs, layout), dimensions=dimensions, plugin_manager=reading_pm)
    assert (document.format, document.encoding, document.warnings) == ("pdf", "", ())
    assert document.original == seed_txt.original.rstrip("\n")
    assert outline_key(document) == outline_key(seed_txt)
    assert facts_key(document) == facts_key(seed_txt)
    assert document.metadata == seed_txt.metadata


@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_seed_as_pdf_gives_the_gold_facts_and_sections(layout: str, seed_pdfs: dict[str, Path],
                                                           gold: dict[str, Any], dimensions: tuple[Dimension, ...],
                                                           reading_pm: pluggy.PluginManager) -> None:
    """All 84 gold facts (value, unit, approx) over their gold spans of the rebuilt text, and the
    11 top-level sections at their gold offsets, with their quotes taken from the rebuilt text."""
    document = read(_pdf(seed_pdfs, layout), dimensions=dimensions, plugin_manager=reading_pm)
    assert len(gold["facts"]) == 84
    missed = []
    for expected in gold["facts"]:
        start, end = expected["start"], expected["end"]
        assert document.original[start:end] == expected["quote"]
        if not any(f.start < end and start < f.end and f.value == pytest.approx(expected["value"], rel=1e-9)
                   and f.unit == expected["unit"] and f.approx == expected["approx"] for f in document.facts):
            missed.append(expected["quote"])
    assert missed == []
    sections = top_level(document)
    assert [(s.numbering, s.title, s.start) for s in sections] == [
        (g["numbering"], g["title"], g["start"]) for g in gold["sections"]]
    assert len(sections) == 11
    for found in document.facts:
        assert document.original[found.start:found.end] == found.quote


def test_a_scan_has_no_text_layer(tmp_path: Path) -> None:
    from fpdf import FPDF
    from PIL import Image

    image = tmp_path / "page.png"
    Image.new("RGB", (200, 280), "white").save(image)
    pdf = FPDF()
    for _ in range(2):
        pdf.add_page()
        pdf.image(str(image), 10, 10, 190)
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    with pytest.raises(InputError, match=r"no text layer.*OCR") as caught:
        read(path, dimensions=())
    assert caught.value.source == str(path)


def _small_pdf(path: Path, pages: list[str], **encryption: str) -> Path:
    from fpdf import FPDF
    from pdf_helpers import cjk_font

    font = cjk_font()
    if font is None:
        pytest.skip("no CJK font on this system")
    pdf = FPDF()
    pdf.add_font("cjk", fname=str(font))
    if encryption:
        pdf.set_encryption(**encryption)
    for text in pages:
        pdf.add_page()
        pdf.set_font("cjk", size=12)
        if text == "<image>":
            from PIL import Image

            image = path.with_suffix(".png")
            Image.new("RGB", (100, 100), "white").save(image)
            pdf.image(str(image), 10, 10, 100)
        else:
            pdf.multi_cell(0, 8, text)
    pdf.output(str(path))
    return path


def test_encrypted_and_damaged_pdfs_are_named(tmp_path: Path) -> None:
    locked = _small_pdf(tmp_path / "locked.pdf", ["一、主要举措\n办理案件12件。"],
                        owner_password="o", user_password="u")
    with pytest.raises(InputError, match="encrypted with a password") as caught:
        read(locked, dimensions=())
    assert caught.value.source == str(locked)
    whole = _small_pdf(tmp_path / "whole.pdf", ["一、主要举措\n办理案件12件。"])
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(whole.read_bytes()[:600])
    with pytest.raises(InputError, match="not a readable PDF"):
        read(truncated, dimensions=())


def test_a_pdf_protected_only_against_editing_is_read(tmp_path: Path) -> None:
    path = _small_pdf(tmp_path / "owner.pdf", ["一、主要举措\n办理案件12件。"], owner_password="o")
    assert read(path, dimensions=()).facts[0].value == 12


def test_pages_without_text_are_a_warning(tmp_path: Path) -> None:
    path = _small_pdf(tmp_path / "mixed.pdf", ["一、主要举措\n办理案件12件，调解纠纷30件。", "<image>", "<image>",
                                               "二、存在的不足\n基层力量薄弱。"])
    document = read(path, dimensions=())
    assert document.warnings == ("2 of 4 pages have little or no text layer (scanned images?): pages 2–3; "
                                 "their content, if any, is not read",)
    assert [f.value for f in document.facts] == [12, 30]


def test_the_page_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _small_pdf(tmp_path / "long.pdf", [f"{n}、第{n}部分\n办理案件1{n}件。" for n in "一二三"])
    monkeypatch.setenv("LAWGOV_SCORE_MAX_PDF_PAGES", "2")
    with pytest.raises(InputError, match=r"number of pages of the PDF is 3, above the limit of 2.*MAX_PDF_PAGES"):
        read(path, dimensions=())
    monkeypatch.setenv("LAWGOV_SCORE_MAX_PDF_PAGES", "3")
    assert read(path, dimensions=()).format == "pdf"


def _pdf_with_stream(path: Path, inflated: int, *, image: bool = False) -> Path:
    """A one-page PDF written by hand whose only page draws "Report 12" and carries a Flate stream of
    ``inflated`` bytes: the page's content stream (padded with spaces), or an image it never shows."""
    import zlib

    content = b"BT /F1 12 Tf 72 720 Td (Report 12) Tj ET\n"
    padding = zlib.compress(b" " * inflated, 9)
    if image:
        stream = zlib.compress(content)
        extra = (b"<< /Type /XObject /Subtype /Image /Width 1 /Height %d /ColorSpace /DeviceGray "
                 b"/BitsPerComponent 8 /Length %d /Filter /FlateDecode >>\nstream\n" % (inflated, len(padding))
                 + padding + b"\nendstream")
    else:
        stream = zlib.compress(content + b" " * inflated, 9)
        extra = b"<< >>"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        extra,
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def test_a_stream_that_inflates_beyond_the_limit_is_refused_before_pdfium_opens_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A Flate bomb (here 16 MB of spaces in 16 kB, against a limit lowered to 4 MB) is named and
    refused; an image of the same size is not counted (the text reader never decodes images),
    nor is a stream within the limit."""
    monkeypatch.setenv("LAWGOV_SCORE_MAX_PDF_INFLATED_BYTES", str(4 * 2**20))
    bomb = _pdf_with_stream(tmp_path / "bomb.pdf", 16 * 2**20)
    assert bomb.stat().st_size < 64 * 2**10
    with pytest.raises(InputError, match=r"inflated size of the PDF's compressed streams is .* above the limit "
                                         r"of 4,194,304 .*LAWGOV_SCORE_MAX_PDF_INFLATED_BYTES") as caught:
        read(bomb, dimensions=())
    assert caught.value.source == str(bomb)
    assert read(_pdf_with_stream(tmp_path / "image.pdf", 16 * 2**20, image=True), dimensions=()).text == "Report 12"
    assert read(_pdf_with_stream(tmp_path / "small.pdf", 2**20), dimensions=()).text == "Report 12"
    monkeypatch.setenv("LAWGOV_SCORE_MAX_PDF_INFLATED_BYTES", "0")
    assert read(bomb, dimensions=()).text == "Report 12"


def test_the_inflation_scan_is_linear_in_a_file_of_many_tiny_streams() -> None:
    """A file of nothing but Flate stream headers (3 MB and 12 MB, 55,000 and 220,000 of them):
    the scan copies nothing and looks back only to the previous stream, so four times the file
    takes about four times as long (it took minutes, copying a megabyte for every stream)."""
    import time

    from lawgov_score.reading.pdf_inflation import check_inflated_size

    unit = b"1 0 obj<</Filter/FlateDecode>>stream\nxx\nendstream endobj "

    def seconds(megabytes: int) -> float:
        data = b"%PDF-1.4\n" + unit * (megabytes * 2**20 // len(unit))
        best = float("inf")
        for _ in range(3):
            began = time.perf_counter()
            check_inflated_size(data, "streams.pdf")
            best = min(best, time.perf_counter() - began)
        return best

    assert seconds(12) / seconds(3) < 8
