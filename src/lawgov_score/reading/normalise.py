"""Normalise a report's text and keep the way back to the original.

Three things differ between copies of the same report and mean nothing: full-width and
half-width forms (``１２％`` and ``12%``, ``（一）`` and ``(一)``), punctuation variants
(``「」`` and ``“”``), and whitespace (indentation with ideographic spaces, ``\\r\\n``, blank
lines). :func:`normalise` removes them, so every later step sees one text, and returns
``offsets`` with ``offsets[i]`` the index in the original of normalised character ``i``.

NFKC is applied one character at a time and only where it is safe for numbers: circled,
super- and subscript digits, fractions and squared units keep their form, because ``①12件``
must not become ``112件`` nor ``10²`` become ``102``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence

# Compatibility decompositions that may not be folded (their NFKC form changes a number).
_UNSAFE_TAGS = frozenset({"<super>", "<sub>", "<fraction>", "<circle>", "<square>"})

# Unified after NFKC. Quotes become the curly pair the national documents use; brackets that
# wrap numbers become round ones.
_PUNCTUATION = {
    "「": "“", "」": "”", "『": "“", "』": "”", "〝": "“", "〞": "”", "＂": "“",
    "〔": "(", "〕": ")", "〖": "(", "〗": ")", "﹙": "(", "﹚": ")",
    "〜": "~", "∶": ":", "﹕": ":", "︰": ":",
    "‧": "·", "•": "·", "・": "·", "･": "·",
    "‐": "-", "‑": "-", "‒": "-", "−": "-", "﹣": "-",
    "…": "…", "⋯": "…",
    "｡": "。", "︒": "。",
}
_LINE_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")
_DROP = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u200e\u200f\u202a\u202b\u202c\u202d\u202e")


def _fold(char: str) -> str:
    """The normalised form of one character (possibly empty, possibly several characters)."""
    if char in _DROP:
        return ""
    if char in _PUNCTUATION:
        return _PUNCTUATION[char]
    if char < "\x80" or unicodedata.is_normalized("NFKC", char):
        folded = char
    else:
        tag = unicodedata.decomposition(char).split(" ", 1)[0]
        if tag in _UNSAFE_TAGS or char == "…":
            folded = char
        else:
            folded = unicodedata.normalize("NFKC", char)
            if len(folded) > 1 and not folded.isprintable():
                # Spacing accents (´ → space + combining mark) would leave a stray space.
                folded = char
            elif len(folded) > 1 and (folded[0].isspace() or unicodedata.combining(folded[0])):
                folded = char
            # Folding a lone character can itself yield a character we unify (＂ → ").
            folded = "".join(_PUNCTUATION.get(c, c) for c in folded)
    category = unicodedata.category(folded[0]) if len(folded) == 1 else ""
    if category == "Cc" and folded != "\t":
        return ""
    if category in ("Zs", "Zl", "Zp") or folded == "\t":
        return " "
    return folded


# Characters that the per-character path may change: whitespace, controls, what we unify or drop.
# The whitespace of Python's \s, spelled out: a short explicit class scans twice as fast.
_WHITESPACE = "\t\n\v\f\r \x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_SPECIAL = re.compile(
    "[" + _WHITESPACE + "\x00-\x1f\x7f-\x9f" + re.escape("".join(sorted({*_PUNCTUATION, *_DROP, *_LINE_BREAKS}))) + "]"
)


def _pieces(original: str) -> Iterator[tuple[int, str, str]]:
    """``(index, char, "")`` for characters that need folding, ``(index, "", run)`` for safe runs."""
    position = 0
    for match in _SPECIAL.finditer(original):
        yield from _run(original, position, match.start())
        yield match.start(), match.group(), ""
        position = match.end()
    yield from _run(original, position, len(original))


def _run(original: str, start: int, end: int) -> Iterator[tuple[int, str, str]]:
    if start >= end:
        return
    run = original[start:end]
    if run.isascii() or unicodedata.is_normalized("NFKC", run):
        yield start, "", run
    else:
        for offset, char in enumerate(run, start):
            yield offset, char, ""


def normalise(original: str) -> tuple[str, tuple[int, ...]]:
    """Return the normalised text and, for each of its characters, the original index.

    Lines are stripped, runs of spaces collapse to one, blank lines disappear and every line
    break becomes ``\\n``; the result has no leading or trailing whitespace. ``offsets`` has one
    entry more than the text: the length of the original, so that any end index maps.
    """
    out: list[str] = []
    offsets: list[int] = []
    line_has_text = False
    pending_space = -1  # original index of a space not yet written (dropped at a line end)
    pending_break = -1  # original index of a line break not yet written
    for index, char, run in _pieces(original):
        piece: str
        positions: Sequence[int]
        if run:  # ordinary characters that NFKC leaves alone: copied whole
            piece, positions = run, range(index, index + len(run))
        else:
            if char in _LINE_BREAKS:
                if line_has_text and pending_break < 0:
                    pending_break = index
                pending_space = -1
                line_has_text = False
                continue
            piece = _fold(char)
            if not piece:
                continue
            if piece == " ":
                if line_has_text and pending_space < 0:
                    pending_space = index
                continue
            positions = [index] * len(piece)
        if pending_break >= 0:
            out.append("\n")
            offsets.append(pending_break)
            pending_break = -1
        elif pending_space >= 0:
            out.append(" ")
            offsets.append(pending_space)
        pending_space = -1
        line_has_text = True
        out.append(piece)
        offsets.extend(positions)
    offsets.append(len(original))
    return "".join(out), tuple(offsets)


def original_start(offsets: Sequence[int], start: int) -> int:
    """The original index where a normalised span beginning at ``start`` begins."""
    return offsets[min(max(start, 0), len(offsets) - 1)]


def original_end(offsets: Sequence[int], start: int, end: int) -> int:
    """The original index where a normalised span ``start:end`` ends.

    Characters the normalisation dropped right after the span (a zero-width space, a ``\\r``)
    stay outside it: the end is one past the original of the span's last character.
    """
    end = min(max(end, 0), len(offsets) - 1)
    if end <= start or end == 0:
        return original_start(offsets, start)
    return offsets[end - 1] + 1


def original_span(offsets: Sequence[int], start: int, end: int) -> tuple[int, int]:
    """Map a span of the normalised text to the span of the original it came from."""
    return original_start(offsets, start), original_end(offsets, start, end)
