"""Bytes to text: byte-order marks, UTF-8, the GB family and whatever charset-normalizer finds.

Chinese government sites still serve GBK and GB2312 pages; GB18030 is a superset of both, so
whenever the detector names one of the family the text is decoded as GB18030.

Text that is almost right — UTF-8 or GB18030 with a few invalid bytes, from a bad copy or a
truncated download — is decoded with U+FFFD in their place and a warning giving their byte
offsets; only data that is really binary (or in no encoding with few enough errors) is refused.
"""

from __future__ import annotations

import codecs
import re

from lawgov_score.errors import InputError

# Longest first: a UTF-32-LE mark begins with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_GB_FAMILY = frozenset({"gb2312", "gbk", "cp936", "gb18030", "hz", "hz_gb_2312", "euc_cn", "ms936"})

# Characters no report contains in any number: C0/C1 controls other than line and tab breaks,
# the replacement character and private-use code points.
_JUNK = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff]")
_JUNK_SHARE = 0.05
# "A few" invalid bytes: at most one in this many bytes of the file (and at least this many allowed).
_BYTES_PER_INVALID = 200
_MIN_INVALID_ALLOWED = 8
# Runs of offsets listed in a warning; the rest are counted.
_LISTED_RANGES = 10


def _normal_name(encoding: str) -> str:
    return codecs.lookup(encoding).name.replace("-", "_").lower()


def is_gb_family(encoding: str) -> bool:
    """Whether ``encoding`` is GB2312, GBK, GB18030 or an alias of one of them."""
    try:
        name = _normal_name(encoding)
    except LookupError:
        return False
    return name in _GB_FAMILY or encoding.replace("-", "_").lower() in _GB_FAMILY


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """The encoding announced by a byte-order mark and the mark's length, or ``None``."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None


def looks_binary(text: str) -> bool:
    """Whether decoded text holds so many control or replacement characters that it is not prose."""
    if not text or _JUNK.search(text) is None:  # the usual case, found twice as fast as by counting
        return False
    junk = len(_JUNK.findall(text))
    return junk > 0 and junk / len(text) > _JUNK_SHARE


def detect_encoding(data: bytes) -> str | None:
    """Name the encoding of ``data`` (without a byte-order mark), or ``None`` if it is not text.

    UTF-8 is tried strictly first (it is never valid by accident for Chinese text); then
    charset-normalizer decides, and any member of the GB family becomes GB18030.
    """
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8"
    import charset_normalizer  # only for text that is not UTF-8: it costs start-up time

    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        # Too little text for the detector to judge: reports are Chinese, so GB18030 if it fits.
        try:
            data.decode("gb18030")
        except UnicodeDecodeError:
            return None
        return "gb18030"
    candidates = [best.encoding, *best.could_be_from_charset]
    if any(is_gb_family(name) for name in candidates):
        return "gb18030"
    for match in matches:
        if any(is_gb_family(name) for name in (match.encoding, *match.could_be_from_charset)):
            return "gb18030"
    # Short GB texts are often taken for Big5 or a Japanese or Korean code page. Mainland reports
    # are in simplified characters: the decoding with more of them (GB2312 covers the common
    # ones) is the right one.
    try:
        as_gb = data.decode("gb18030")
    except UnicodeDecodeError:
        return str(best.encoding)
    if _simplified_share(as_gb) >= _simplified_share(str(best)):
        return "gb18030"
    return str(best.encoding)


def _simplified_share(text: str) -> float:
    """The share of non-ASCII characters that GB2312 (common simplified Chinese) can encode."""
    wide = [char for char in text if char >= "\x80"]
    if not wide:
        return 0.0
    return sum(1 for char in wide if _in_gb2312(char)) / len(wide)


def _in_gb2312(char: str) -> bool:
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def decode_bytes(data: bytes, source: str, declared: str | None = None,
                 warnings: list[str] | None = None) -> tuple[str, str]:
    """Decode the bytes of a text file; return ``(text, encoding)``.

    :param data: the file's content.
    :param source: the file name, for error messages.
    :param declared: an encoding the file declares (an HTML ``charset``); a byte-order mark
        still wins, and a declaration the bytes contradict is ignored.
    :param warnings: where to add a warning when a few invalid bytes were replaced (the text is
        decoded anyway); without it they are replaced silently.
    :raises InputError: the file is empty, binary or in no encoding that can be found.
    """
    if not data.strip():
        raise InputError("the file is empty", source)
    marked = bom_encoding(data)
    if marked is not None:
        encoding, length = marked
        try:
            text = data[length:].decode(encoding.replace("-sig", ""))
        except UnicodeDecodeError as error:
            raise InputError(f"the file starts with a {encoding} byte-order mark but is not {encoding}: "
                             f"{error.reason} at byte {error.start + length}", source) from None
        return _checked(text, source), encoding
    if b"\x00" in data:
        raise InputError("the file is binary (it contains NUL bytes), not a text report", source)
    if not declared:
        try:
            text = data.decode("utf-8")  # what detect_encoding() tries first, without decoding twice
        except UnicodeDecodeError:
            pass
        else:
            return _checked(text, source), "utf-8"
    # UTF-8 with a few bad bytes, before a detector takes it for a single-byte code page.
    almost = _with_few_invalid(data, "utf-8", source, warnings)
    if almost is not None:
        return almost, "utf-8"
    encodings = []
    if declared:
        encodings.append("gb18030" if is_gb_family(declared) else declared)
    detected = detect_encoding(data)
    if detected is not None:
        encodings.append(detected)
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        return _checked(text, source), _normal_name(encoding).replace("_", "-")
    almost = _with_few_invalid(data, "gb18030", source, warnings)
    if almost is not None:
        return almost, "gb18030"
    raise InputError("the file is binary or in an encoding that cannot be recognised "
                     "(expected UTF-8, GB18030/GBK or another text encoding)", source)


def _with_few_invalid(data: bytes, encoding: str, source: str, warnings: list[str] | None) -> str | None:
    """``data`` decoded as ``encoding`` with U+FFFD for its invalid bytes, when they are few."""
    allowed = max(_MIN_INVALID_ALLOWED, len(data) // _BYTES_PER_INVALID)
    decode = codecs.getdecoder(encoding)
    view = memoryview(data)
    parts: list[str] = []
    offsets: list[int] = []
    position = 0
    while position < len(data):
        try:
            parts.append(decode(view[position:])[0])
            break
        except UnicodeDecodeError as error:
            parts.append(decode(view[position:position + error.start])[0])
            offsets.extend(range(position + error.start, position + error.end))
            parts.append("\ufffd")
            position += error.end
            if len(offsets) > allowed:
                return None
    text = "".join(parts)
    if not text.strip() or looks_binary(text):
        return None
    if warnings is not None:
        plural = "s" if len(offsets) != 1 else ""
        warnings.append(f"{len(offsets)} invalid byte{plural} in otherwise valid {encoding.upper()} "
                        f"replaced by U+FFFD, at byte offset{plural} {number_ranges(offsets)}")
    return text


def number_ranges(numbers: list[int]) -> str:
    """``1–3, 5, 7–8`` for ``[1, 2, 3, 5, 7, 8]`` (sorted), the first spans only when there are many."""
    spans: list[list[int]] = []
    for number in numbers:
        if spans and number == spans[-1][1] + 1:
            spans[-1][1] = number
        else:
            spans.append([number, number])
    shown = ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in spans[:_LISTED_RANGES])
    return shown + (f" and {len(spans) - _LISTED_RANGES} more" if len(spans) > _LISTED_RANGES else "")


def _checked(text: str, source: str) -> str:
    if not text.strip():
        raise InputError("the file holds no text", source)
    if looks_binary(text):
        raise InputError("the file is binary (control or undecodable characters), not a text report", source)
    return text
