"""How large a PDF's compressed streams grow when inflated, measured before PDFium opens it.

PDFium inflates a page's content streams whole while it lays out the text: a stream of 300 MB of
spaces, 300 kB in the file, costs 650 MB of memory. Each Flate stream that is not an image (the
text reader never decodes images) is inflated here in bounded steps, nothing kept, and the total
checked against :data:`lawgov_score.limits.Limits.pdf_inflated_bytes` as it grows, so a bomb is
refused after at most the limit's worth of inflating. Streams this scan cannot make out (another
filter, a damaged one) are left to PDFium, which reports damage itself.
"""

from __future__ import annotations

import re
import zlib

from lawgov_score import limits

_STREAM = re.compile(rb"stream\r?\n")
_DICT_BEFORE = 4096  # a stream's dictionary ends just before the keyword; its header is short
_STEP = 1 << 20


def check_inflated_size(data: bytes, source: str) -> None:
    """Raise :class:`~lawgov_score.errors.InputError` when the PDF's streams inflate beyond the limit."""
    in_force = limits.current()
    limit = in_force.pdf_inflated_bytes
    if not limit:
        return
    total = 0
    for found in _STREAM.finditer(data):
        header = data[max(0, found.start() - _DICT_BEFORE):found.start()]
        header = header[header.rfind(b"obj"):] if b"obj" in header else header
        if b"FlateDecode" not in header or b"/Image" in header:
            continue
        total += _inflated(data, found.end(), limit - total + 1)
        in_force.check("pdf_inflated_bytes", total, source, "the inflated size of the PDF's compressed streams")


def _inflated(data: bytes, start: int, most: int) -> int:
    """Bytes one Flate stream starting at ``start`` inflates to, counting at most ``most``."""
    inflater = zlib.decompressobj()
    size = 0
    position = start
    pending = b""
    try:
        while size < most and not inflater.eof:
            if not pending:
                if position >= len(data):
                    break
                pending = data[position:position + _STEP]
                position += _STEP
            size += len(inflater.decompress(pending, _STEP))
            pending = inflater.unconsumed_tail  # input held back when the output reached _STEP
    except zlib.error:  # damaged or not Flate after all: PDFium decides
        pass
    return size
