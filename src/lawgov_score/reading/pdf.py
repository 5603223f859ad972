"""PDF reports: the text layer of every page, read with pypdfium2 and rebuilt into paragraphs.

pypdfium2 (PDFium, the PDF engine of Chromium) gives each page's text in reading order with a
line break where a line ends, and the box of every character. Only the first and last character
of each line are looked up, which is all :mod:`~lawgov_score.reading.pdf_layout` needs to tell
furniture, wrapped lines and paragraph breaks apart; the cost stays close to the bare extraction.
See docs/dependencies.md for why this library.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lawgov_score import limits
from lawgov_score.errors import InputError
from lawgov_score.reading.decode import looks_binary, number_ranges
from lawgov_score.reading.pdf_layout import Line, rebuild_text

if TYPE_CHECKING:
    import pypdfium2

# PDFium ends each line of a page's text with this (a generated character pair).
_LINE_END = "\r\n"
# A page whose text layer holds fewer characters than this, with others holding many, is an image.
_EMPTY_PAGE_CHARS = 10
_NO_TEXT_LAYER = ("the PDF has no text layer (it is a scan or an image): it needs OCR before it can be "
                  "read, for example `ocrmypdf --language chi_sim IN.pdf OUT.pdf`")


def read_pdf(data: bytes, source: str) -> tuple[str, tuple[str, ...]]:
    """The text of a PDF file as a person reads it, and warnings about pages that have none.

    :raises InputError: the PDF is encrypted, damaged, over the page or inflated-size limit, or has no
        text layer.
    """
    import pypdfium2

    from lawgov_score.reading.pdf_inflation import check_inflated_size

    check_inflated_size(data, source)
    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as error:
        raise InputError(_open_problem(str(error)), source) from None
    try:
        count = len(document)
        limits.current().check("pdf_pages", count, source, "the number of pages of the PDF")
        pages = [_page_lines(document, number) for number in range(count)]
        width = float(document[0].get_width()) if count else 0.0
    except pypdfium2.PdfiumError as error:
        raise InputError(f"the PDF is damaged: {error}", source) from None
    finally:
        document.close()
    text = rebuild_text(pages, width)
    if not text.strip():
        raise InputError(_NO_TEXT_LAYER, source)
    if looks_binary(text):
        raise InputError("the PDF's text layer cannot be decoded (its fonts map their glyphs to no "
                         "Unicode characters): it needs OCR before it can be read", source)
    return text, _empty_page_warnings(pages)


def _open_problem(error: str) -> str:
    if "password" in error.lower():
        return "the PDF is encrypted with a password: save an unprotected copy to read it"
    return f"the file is not a readable PDF (damaged or truncated): {error}"


def _page_lines(document: pypdfium2.PdfDocument, number: int) -> list[Line]:
    """The lines of one page's text layer, in PDFium's reading order, with their boxes."""
    page = document[number]
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
        # Text and character indices agree unless PDFium left characters out of the text.
        to_char = None if len(text) == textpage.count_chars() else _char_index(textpage)
        lines = []
        start = 0
        for raw in text.split(_LINE_END):
            end = start + len(raw)
            stripped = raw.strip()
            if stripped:
                first = start + len(raw) - len(raw.lstrip())
                last = start + len(raw.rstrip()) - 1
                left, bottom, _, top = _box(textpage, first, to_char)
                _, _, right, _ = _box(textpage, last, to_char)
                lines.append(Line(number, stripped, left, right, top, bottom))
            start = end + len(_LINE_END)
        return lines
    finally:
        textpage.close()
        page.close()


def _box(textpage: pypdfium2.PdfTextPage, index: int,
         to_char: dict[int, int] | None) -> tuple[float, float, float, float]:
    char = index if to_char is None else to_char.get(index, -1)
    try:
        box: tuple[float, float, float, float] = textpage.get_charbox(char, loose=True)
    except Exception:  # a character PDFium cannot place (generated or left out): no geometry
        return 0.0, 0.0, 0.0, 0.0
    return box


def _char_index(textpage: pypdfium2.PdfTextPage) -> dict[int, int]:
    import pypdfium2.raw as pdfium_c

    count = len(textpage.get_text_range())
    return {index: pdfium_c.FPDFText_GetCharIndexFromTextIndex(textpage, index) for index in range(count)}


def _empty_page_warnings(pages: list[list[Line]]) -> tuple[str, ...]:
    empty = [number + 1 for number, lines in enumerate(pages)
             if sum(len(line.text) for line in lines) < _EMPTY_PAGE_CHARS]
    if not empty or len(empty) == len(pages):
        return ()
    return (f"{len(empty)} of {len(pages)} pages have little or no text layer (scanned images?): "
            f"pages {number_ranges(empty)}; their content, if any, is not read",)

