"""The built-in readers: plain text, HTML pages, DOCX attachments and PDF files.

This module is a plugin like any other (entry point ``core_readers``); its hook is marked
``trylast`` so that an installed plugin can read these formats its own way. Files it does not
read (spreadsheets, images, old binary ``.doc`` and ``.wps``) make it return ``None``, and
:func:`lawgov_score.read` then says what the format is and how to convert it.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from lawgov_score.errors import InputError
from lawgov_score.hookspecs import ReadResult, hookimpl
from lawgov_score.reading.decode import decode_bytes

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
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)

# Page furniture: removed before the page becomes text.
_FURNITURE_TAGS = ("nav", "header", "footer", "aside", "script", "style", "noscript", "template",
                   "iframe", "form", "button", "select", "svg", "canvas")
_FURNITURE_NAMES = re.compile(
    r"(?:^|[\s_-])(?:nav|nav[-_]?bar|navigation|menu|breadcrumbs?|crumbs?|footer|header|top[-_]?bar|"
    r"side[-_]?bar|share|tool[-_]?bar|pagination|copyright|banner|search|login)(?:$|[\s_-])",
    re.IGNORECASE,
)
# A container named like furniture is kept when it holds this share of the page's text: some
# sites wrap the whole article in <div class="main-header-content">.
_FURNITURE_MAX_SHARE = 0.3
_CJK_GAP = re.compile(r"(?<=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]) (?=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef])")


def sniff_format(path: Path, data: bytes) -> str:
    """Name the format of a file from its content, then its suffix: ``text``, ``html``,
    ``docx``, or the name of a format these readers do not handle (``pdf``, ``xlsx``, ...)."""
    for magic, name in _FOREIGN_MAGIC:
        if data.startswith(magic):
            return name
    suffix = path.suffix.lower()
    if data.startswith(b"PK\x03\x04"):
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
        html_warnings: list[str] = []
        text, kind, encoding = read_html(data, source, warnings=html_warnings)
        return text, kind, encoding, tuple(html_warnings)
    if kind == "docx":
        return read_docx(data, source), "docx", ""
    if kind == "pdf":
        from lawgov_score.reading.pdf import read_pdf

        text, page_warnings = read_pdf(data, source)
        return text, "pdf", "", page_warnings
    return None


def read_html(data: bytes, source: str, warnings: list[str] | None = None) -> tuple[str, str, str]:
    """The text of an HTML page with its paragraph breaks, without navigation, scripts and styles.

    :param warnings: where decoding adds a warning when it replaces a few invalid bytes.
    """
    from inscriptis import Inscriptis
    from inscriptis.css_profiles import CSS_PROFILES
    from inscriptis.model.config import ParserConfig
    from lxml import etree, html

    declared = _META_CHARSET.search(data[:8192])
    markup, encoding = decode_bytes(data, source, declared.group(1).decode("ascii") if declared else None,
                                    warnings=warnings)
    # lxml refuses str input that carries an encoding declaration.
    markup = re.sub(r"^\s*<\?xml[^>]*\?>", "", markup)
    try:
        tree = html.document_fromstring(markup)
    except (etree.ParserError, ValueError) as error:
        raise InputError(f"the HTML page cannot be parsed: {error}", source) from None
    _drop_furniture(tree)
    # The strict profile adds no spaces around inline elements, which would split Chinese words.
    config = ParserConfig(css=CSS_PROFILES["strict"].copy())
    text = Inscriptis(tree, config).get_text()
    # Line breaks inside the markup become spaces in HTML; between Chinese characters they are noise.
    text = "\n".join(_CJK_GAP.sub("", line) for line in text.splitlines())
    if not text.strip():
        raise InputError("the HTML page holds no text", source)
    return text, "html", encoding


def _drop_furniture(tree: object) -> None:
    """Remove navigation, scripts, styles and other page furniture from a parsed page in place."""
    for tag in _FURNITURE_TAGS:
        for element in list(tree.iter(tag)):  # type: ignore[attr-defined]
            _remove(element)
    total = len(tree.text_content()) or 1  # type: ignore[attr-defined]
    for element in list(tree.iter()):  # type: ignore[attr-defined]
        if not isinstance(element.tag, str) or element.tag in ("html", "body"):
            continue
        names = f"{element.get('class', '')} {element.get('id', '')}"
        if (names.strip() and _FURNITURE_NAMES.search(names)
                and len(element.text_content()) / total < _FURNITURE_MAX_SHARE):
            _remove(element)


def _remove(element: object) -> None:
    # Keep the tail: it is text of the parent that follows the removed element.
    parent = element.getparent()  # type: ignore[attr-defined]
    if parent is None:
        return
    tail = element.tail  # type: ignore[attr-defined]
    if tail:
        previous = element.getprevious()  # type: ignore[attr-defined]
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def read_docx(data: bytes, source: str) -> str:
    """The paragraphs of a DOCX file, one a line, with tables in document order (cells split by tabs).

    Automatic numbering is rendered into the text (see :mod:`~lawgov_score.reading.docx_numbering`).
    """
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise InputError(f"the file is not a readable DOCX document: {error}", source) from None
    except Exception as error:  # python-docx and lxml raise many kinds on damaged archives
        raise InputError(f"the file is not a readable DOCX document: {type(error).__name__}: {error}",
                         source) from None
    from lawgov_score.reading.docx_numbering import Numbering

    numbering = Numbering(document)
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            # Headings numbered by a list style carry no marker in their text: add the one Word shows.
            lines.append(numbering.marker(block) + block.text)
        elif isinstance(block, Table):
            for row in block.rows:
                cells: list[str] = []
                for cell in row.cells:
                    value = cell.text.replace("\n", " ").strip()
                    # Merged cells repeat; keep one copy.
                    if not cells or cells[-1] != value:
                        cells.append(value)
                lines.append("\t".join(cells))
    text = "\n".join(lines)
    if not text.strip():
        raise InputError("the DOCX document holds no text", source)
    return text
