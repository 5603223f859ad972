"""The text of a PDF as a person reads it, rebuilt from the lines of its pages and their geometry.

A PDF holds positioned lines, not paragraphs. Three things are undone here:

* **page furniture** — running headers and footers, page numbers — is recognised by where it
  stands and by repetition: one of the top- or bottom-most lines of a page whose text, digits
  aside, comes back at the same place on other pages, or that is a page number by its form;
* **wrapped lines** are joined back into their paragraph, without a space between Chinese
  characters (a space only between two Latin words);
* **paragraph breaks** are kept where the layout shows one: the next line is indented or set in
  another size, the line before stops short of the right margin by more than the next line's first
  word would need, the gap between the lines is wider than the usual line pitch, or a page ends
  with a short line. A page break inside a paragraph is joined like a line break.

Positions are PDF points with the origin at the bottom left (``top`` > ``bottom``). Nothing here
reads a file: :mod:`lawgov_score.reading.pdf` extracts the lines.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Sequence
from itertools import pairwise
from typing import NamedTuple


class Line(NamedTuple):
    """One line of a page's text layer with its box, in PDF points."""

    page: int
    text: str
    left: float
    right: float
    top: float
    bottom: float

    @property
    def em(self) -> float:
        """The font size, estimated from the height of the line's box (ascent + descent ≈ 1.15 em)."""
        return max((self.top - self.bottom) / 1.15, 1.0)


# How many lines at each end of a page may be furniture (a header and a page number above it).
_EDGE_LINES = 2
# Furniture text comes back on this share of the pages (at least two): odd and even pages may differ.
_REPEAT_SHARE = 0.3
# Furniture stands at the same height on every page, to within this many points.
_SAME_PLACE = 3.0
_PAGE_NUMBER = re.compile(
    r"[-—–_~·•\s]*(?:第\s*)?\d{1,4}\s*页?(?:\s*(?:/|共|of)\s*\d{1,4}\s*页?)?[-—–_~·•\s]*"
    r"|(?:page|p\.)\s*\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")
# A paragraph break when the step to the next line exceeds the usual pitch by this factor.
_GAP_FACTOR = 1.3
# Lines whose size differs by more than this share are not of one paragraph (a heading and its body).
_SIZE_CHANGE = 0.15
# Indentation (in em) that marks a paragraph's first line.
_INDENT_EM = 0.8
# Left and right margins may differ by this much (in em: a binding margin) before the lines are
# taken not to reach the right one.
_MARGIN_MISMATCH_EM = 3.0
# Slack (in em) on the room left at a line's end before it counts as stopping short.
_ROOM_SLACK_EM = 0.5
# Punctuation that never starts a line in Chinese typesetting: it is moved down with the character before it.
_NO_LINE_START = frozenset("，。、；：？！）》」』】〕…,.;:?!)%”’")
_LATIN = re.compile(r"[A-Za-z0-9]+")


def rebuild_text(pages: Sequence[Sequence[Line]], page_width: float) -> str:
    """The text of the pages' lines with furniture dropped, paragraphs joined and kept, one a line.

    :param page_width: the width of the pages, in points (the right margin of a page whose lines
        are all short is taken to mirror its left one).
    """
    body = drop_furniture(pages)
    lines = [line for page in body for line in page]
    if not lines:
        return ""
    left, right = _margins(lines, page_width)
    pitch = _pitch(body)
    paragraphs: list[str] = []
    current = lines[0].text
    for previous, line in pairwise(lines):
        if _continues(previous, line, left, right, pitch):
            current = _join(current, line.text)
        else:
            paragraphs.append(current)
            current = line.text
    paragraphs.append(current)
    return "\n".join(paragraphs)


def drop_furniture(pages: Sequence[Sequence[Line]]) -> list[list[Line]]:
    """The pages without their running headers, footers and page numbers."""
    edges = [_edge_lines(page) for page in pages]
    seen: Counter[tuple[str, int, str]] = Counter()
    for page_edges in edges:
        seen.update({_furniture_key(band, line) for band, line in page_edges})
    needed = max(2, _REPEAT_SHARE * len(pages))
    body = []
    for page, page_edges in zip(pages, edges):
        dropped = {id(line) for band, line in page_edges
                   if seen[_furniture_key(band, line)] >= needed or is_page_number(line.text)}
        body.append([line for line in page if id(line) not in dropped])
    return body


def is_page_number(text: str) -> bool:
    """Whether a line is a page number: ``3``, ``- 3 -``, ``— 3 —``, ``第3页``, ``3/20``, ``第3页 共20页``,
    ``Page 3``."""
    return _PAGE_NUMBER.fullmatch(unicodedata.normalize("NFKC", text).strip()) is not None


def _edge_lines(page: Sequence[Line]) -> list[tuple[str, Line]]:
    """The top- and bottom-most lines of a page, by position (headers are often written last)."""
    by_height = sorted(page, key=lambda line: -line.top)
    count = min(_EDGE_LINES, len(by_height) // 2 + 1)
    top = [("top", line) for line in by_height[:count]]
    bottom = [("bottom", line) for line in by_height[-count:] if all(line is not other for _, other in top)]
    return top + bottom


def _furniture_key(band: str, line: Line) -> tuple[str, int, str]:
    """A line as it repeats from page to page: at the same height, with its text but for page
    numbers and dates, which change, and spacing, which may."""
    text = _DIGITS.sub("#", _SPACES.sub("", unicodedata.normalize("NFKC", line.text)))
    return band, round(line.top / _SAME_PLACE), text


def _margins(lines: Sequence[Line], page_width: float) -> tuple[float, float]:
    """The body's left margin (where most lines start) and right margin (where full lines end).

    The right margin is where most full lines end; when hardly any line is full (a list, a short
    text), that is far inside the page, and the margin is taken to mirror the left one instead.
    """
    starts = Counter(round(line.left) for line in lines)
    left = float(min(value for value, count in starts.items() if count == max(starts.values())))
    ends = sorted(line.right for line in lines)
    right = ends[int(0.9 * (len(ends) - 1))]
    mirrored = page_width - left
    if right < mirrored - _MARGIN_MISMATCH_EM * statistics.median(line.em for line in lines):
        return left, mirrored
    return left, right


def _pitch(pages: Sequence[Sequence[Line]]) -> float:
    """The usual vertical step from one line to the next within a page."""
    steps = [previous.top - line.top for page in pages for previous, line in pairwise(page)
             if previous.top > line.top]
    return statistics.median(steps) if steps else 0.0


def _continues(previous: Line, line: Line, left: float, right: float, pitch: float) -> bool:
    """Whether ``line`` goes on with the paragraph ``previous`` belongs to."""
    em = previous.em
    if abs(line.em - em) > _SIZE_CHANGE * em:
        return False
    if line.page == previous.page:
        step = previous.top - line.top
        if step <= 0 or (pitch and step > _GAP_FACTOR * pitch):
            return False
    if line.left - left > _INDENT_EM * line.em:
        return False
    return right - previous.right <= _first_word_width(line) + _ROOM_SLACK_EM * em


def _first_word_width(line: Line) -> float:
    """About how wide the start of ``line`` is that would have had to fit on the line before: its
    first word (a Latin word or number, or one Chinese character) with the punctuation after it."""
    text = line.text
    word = _LATIN.match(text)
    end = word.end() if word else 1
    while end < len(text) and text[end] in _NO_LINE_START:
        end += 1
    return sum(_char_width(char) for char in text[:end]) * line.em


def _char_width(char: str) -> float:
    """A character's width in em: Chinese characters and full-width forms are square, Latin ones about half."""
    return 1.0 if unicodedata.east_asian_width(char) in "WF" else 0.55


def _join(paragraph: str, line: str) -> str:
    """Join a wrapped line to its paragraph: a space only between two Latin words."""
    if paragraph[-1:].isascii() and paragraph[-1:].isalpha() and line[:1].isascii() and line[:1].isalnum():
        return f"{paragraph} {line}"
    return paragraph + line
