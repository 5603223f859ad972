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
_FIRST_STEP = 1 << 14  # most streams are small: the first step feeds 16 kB, later ones 1 MB
_STEP = 1 << 20


def check_inflated_size(data: bytes, source: str) -> None:
    """Raise :class:`~lawgov_score.errors.InputError` when the PDF's streams inflate beyond the limit.

    Linear in the file's size whatever it holds: nothing is copied (the header is searched in
    place, the stream fed through a memoryview), and a header is looked for only after the end
    of the previous one.
    """
    in_force = limits.current()
    limit = in_force.pdf_inflated_bytes
    if not limit:
        return
    view = memoryview(data)
    total = 0
    previous = 0
    for found in _STREAM.finditer(data):
        low = max(previous, found.start() - _DICT_BEFORE)
        previous = found.end()
        header = max(low, data.rfind(b"obj", low, found.start()))
        if data.find(b"FlateDecode", header, found.start()) < 0 or data.find(b"/Image", header, found.start()) >= 0:
            continue
        total += _inflated(view, found.end(), limit - total + 1)
        in_force.check("pdf_inflated_bytes", total, source, "the inflated size of the PDF's compressed streams")


def _inflated(data: memoryview, start: int, most: int) -> int:
    """Bytes one Flate stream starting at ``start`` inflates to, counting at most ``most``."""
    inflater = zlib.decompressobj()
    size = 0
    position = start
    step = _FIRST_STEP
    pending: bytes | memoryview = b""
    try:
        while size < most and not inflater.eof:
            if not pending:
                if position >= len(data):
                    break
                pending = data[position:position + step]
                position += step
                step = _STEP
            size += len(inflater.decompress(pending, _STEP))
            pending = inflater.unconsumed_tail  # input held back when the output reached _STEP
    except zlib.error:  # damaged or not Flate after all: PDFium decides
        pass
    return size
