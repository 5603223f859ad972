"""The built-in readers: plain text, HTML pages, DOCX attachments and PDF files.

This module is a plugin like any other (entry point ``core_readers``); its hook is marked
``trylast`` so that an installed plugin can read these formats its own way. Files it does not
read (spreadsheets, images, old binary ``.doc`` and ``.wps``) make it return ``None``, and
:func:`lawgov_score.read` then says what the format is and how to convert it. Each reader is
imported when a file of its format comes: a ``.txt`` report needs none of the HTML, DOCX and PDF
readers' libraries and patterns.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from lawgov_score.hookspecs import ReadResult, hookimpl
from lawgov_score.reading.decode import decode_bytes

__all__ = ["lawgov_score_read_document", "sniff_format", "unsupported"]

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml", ".mht"})
DOCX_SUFFIXES = frozenset({".docx", ".docm", ".dotx"})
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ""})

# Magic numbers of formats a report may come in that these readers leave to plugins.
_FOREIGN_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "pdf"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),  # .doc, .xls, .wps
    (b"\x89PNG", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF8", "gif"),
    (b"{\\rtf", "rtf"),
    (b"\x1f\x8b", "gzip"),
    (b"Rar!", "rar"),
    (b"7z\xbc\xaf", "7z"),
)
_HTML_SNIFF = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|div|p)\b",
                         re.IGNORECASE | re.DOTALL)

def sniff_format(path: Path, data: bytes) -> str:
    """Name the format of a file from its content, then its suffix: ``text``, ``html``,
    ``docx``, or the name of a format these readers do not handle (``pdf``, ``xlsx``, ...)."""
    for magic, name in _FOREIGN_MAGIC:
        if data.startswith(magic):
            return name
    suffix = path.suffix.lower()
    if data.startswith(b"PK\x03\x04"):
        import zipfile

        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, ValueError, OSError):
            return "docx" if suffix in DOCX_SUFFIXES else "zip"
        if "word/document.xml" in names:
            return "docx"
        if "xl/workbook.xml" in names:
            return "xlsx"
        if "ppt/presentation.xml" in names:
            return "pptx"
        return "zip"
    if suffix in DOCX_SUFFIXES:
        return "docx"
    if suffix in HTML_SUFFIXES or _HTML_SNIFF.match(data[:4096].lstrip(b"\xef\xbb\xbf")):
        return "html"
    if suffix in (".pdf", ".doc", ".xls", ".xlsx", ".ppt", ".pptx", ".wps", ".odt", ".rtf", ".epub"):
        return suffix[1:]
    return "text"


_TO_DOCX = ("save it as .docx or PDF in Word or WPS, or convert it with "
            "`libreoffice --headless --convert-to docx FILE`")
# What a format no built-in reader takes is, and what to do with it.
_UNSUPPORTED: dict[str, tuple[str, str]] = {
    ".doc": ("an old Word 97-2003 document (.doc)", _TO_DOCX),
    ".wps": ("a WPS Writer document (.wps)", _TO_DOCX),
    "ole": ("an old binary Office or WPS document (.doc, .wps, .xls, .ppt)", _TO_DOCX),
    "rtf": ("an RTF document", _TO_DOCX),
    "odt": ("an OpenDocument text (.odt)", _TO_DOCX),
    "epub": ("an EPUB book", _TO_DOCX),
    ".xls": ("an old Excel spreadsheet (.xls)", "a report is prose; a table of indicators is scored with "
             "`lawgov-score score-table` (save it as CSV)"),
    "xlsx": ("a spreadsheet", "a report is prose; a table of indicators is scored with "
             "`lawgov-score score-table` (save it as CSV)"),
    ".ppt": ("an old PowerPoint presentation (.ppt)", "save it as PDF"),
    "pptx": ("a presentation", "save it as PDF"),
    "png": ("an image", "it needs OCR first: make a PDF with a text layer, e.g. with ocrmypdf"),
    "jpeg": ("an image", "it needs OCR first: make a PDF with a text layer, e.g. with ocrmypdf"),
    "gif": ("an image", "it needs OCR first: make a PDF with a text layer, e.g. with ocrmypdf"),
    "zip": ("an archive", "unpack it and score the files inside"),
    "gzip": ("an archive", "unpack it and score the files inside"),
    "rar": ("an archive", "unpack it and score the files inside"),
    "7z": ("an archive", "unpack it and score the files inside"),
}


def unsupported(path: Path, data: bytes) -> str:
    """Why no reader takes this file, naming its format and what to do with it."""
    kind = sniff_format(path, data)
    suffix = path.suffix.lower()
    if kind == "ole" and suffix in _UNSUPPORTED:  # the container is shared: the suffix tells them apart
        kind = suffix[1:]
    what, advice = _UNSUPPORTED.get(f".{kind}", _UNSUPPORTED.get(kind, ("", "")))
    if not what:
        return (f"unsupported format ({kind}): no installed plugin reads such files; "
                "the built-in readers take text, HTML, DOCX and PDF")
    return f"unsupported format ({kind}): the file is {what}, which no installed plugin reads; {advice}"


@hookimpl(trylast=True)
def lawgov_score_read_document(path: Path, data: bytes) -> ReadResult | None:
    """Read plain text, HTML, DOCX and PDF files; leave every other format to plugins."""
    source = str(path)
    kind = sniff_format(path, data)
    if kind == "text":
        warnings: list[str] = []
        text, encoding = decode_bytes(data, source, warnings=warnings)
        return text, "text", encoding, tuple(warnings)
    if kind == "html":
        from lawgov_score.reading.html_page import read_html

        html_warnings: list[str] = []
        text, kind, encoding = read_html(data, source, warnings=html_warnings)
        return text, kind, encoding, tuple(html_warnings)
    if kind == "docx":
        from lawgov_score.reading.docx_text import read_docx

        return read_docx(data, source), "docx", ""
    if kind == "pdf":
        from lawgov_score.reading.pdf import read_pdf

        text, page_warnings = read_pdf(data, source)
        return text, "pdf", "", page_warnings
    return None
