"""DOCX attachments: paragraphs and tables in document order, with Word's automatic numbering.

A DOCX file is a zip archive; its parts are inflated only after their declared sizes have been
added up and checked against :data:`lawgov_score.limits.Limits.archive_bytes` (a zip bomb is
refused before it is inflated; :mod:`zipfile` never inflates a part past its declared size).
"""

from __future__ import annotations

import io
import zipfile

from lawgov_score import limits
from lawgov_score.errors import InputError

# More parts than any document has: a zip of millions of empty parts is refused before it is listed.
_MAX_PARTS = 10_000


def check_archive(data: bytes, source: str, kind: str = "DOCX") -> None:
    """Refuse a zip archive (a ``kind`` file: DOCX, an Excel workbook) whose parts would inflate
    past the limit, before inflating any of them.

    :raises InputError: too many parts, or their declared sizes add up to more than the limit.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise InputError(f"the file is not a readable {kind} file: {error}", source) from None
    in_force = limits.current()
    if len(parts) > _MAX_PARTS:
        raise InputError(f"the {kind} archive has {len(parts):,} parts (more than {_MAX_PARTS:,}): not a document",
                         source)
    in_force.check("archive_bytes", sum(part.file_size for part in parts), source,
                   f"the uncompressed size of the {kind} archive's parts in bytes")


def read_docx(data: bytes, source: str) -> str:
    """The paragraphs of a DOCX file, one a line, with tables in document order (cells split by tabs).

    Automatic numbering is rendered into the text (see :mod:`~lawgov_score.reading.docx_numbering`).
    """
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    check_archive(data, source)
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
