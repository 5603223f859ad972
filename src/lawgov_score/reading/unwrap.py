"""Lines broken at a fixed width joined back into their paragraphs.

A report copied out of a PDF viewer, saved by ``pdftotext`` or pasted from an e-mail arrives with
a line break wherever the page's line ended, not where the paragraph did: a heading runs on into
the next line, a sentence is cut in two, every paragraph becomes a dozen "lines". Left as they
are, these breaks would change the outline and so the score, and layout must not move a score.

Such text is recognised by its lines: many of them are (nearly) the same width, the width of the
page, and almost none is wider. Width is measured both in characters and in display columns
(Chinese characters two, Latin letters and digits one, as a page sets them); the measure whose
widths cluster is the one the text was broken by. Then a line that fills the width goes on into
the next line, unless the next line opens with a heading marker (``二、``, ``(三)``, ``4.``), is
indented where indentation marks paragraphs, or closes the report (``专此报告。``, a date, the
issuer in the last lines); page numbers between the lines of a paragraph are dropped. Text whose
lines are paragraphs — almost every report — is left as it is after one pass over its line lengths.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import accumulate, pairwise

from lawgov_score.reading import measures as M
from lawgov_score.reading.normalise import OffsetMap, without
from lawgov_score.reading.outline import heading_marker_at, signature

# Lines a text must have before its widths say anything, and the share of them that must fill
# the width: a page of 38 characters leaves every line but a paragraph's last one full.
_MIN_LINES = 8
_MIN_FULL_SHARE = 0.3
# Of the full lines, the share that must stop in mid-sentence: where the page ended, not the
# sentence. A column of short sentences, each ending in 。, is not a wrapped text.
_MIN_CUT_SHARE = 0.6
_MIN_CUT_LINES = 5
# Narrower than this is a list of short items, not a page (18 Chinese characters; a document
# page sets 28).
_MIN_COLUMNS = 36
# Lines wider than the page: a few (a URL, a table row) are tolerated, more mean no fixed width.
_MAX_WIDER_SHARE = 0.03
# Lines cut at exactly one width that a short text needs to be taken as cut there.
_MIN_EXACT_CUTS = 3
_SENTENCE_END = frozenset("。!?;:…")
_CLOSING_LINES = 3  # the issuer and the date close a report in its last lines
_PARAGRAPH_INDENT = 2  # columns: two spaces, a tab or an ideographic space
_BLANKS = {" ": 1, "\t": 4, "\u3000": 2, "\xa0": 1}
# Breaks no paragraph ends at, whatever the widths say: before a mark that never opens a line
# (。，、）…), after one that never closes a paragraph (、，（《“), and between a number and its
# measure word (…专题研究法治政府建设3 / 次。).
_NEVER_OPENS = frozenset("。，,、；;：:！!？?）)》”’%‰")
_NEVER_ENDS = frozenset("、，,（(《“‘")
_MEASURES = tuple(sorted({*M.COUNT_MEASURES, *M.DURATION_MEASURES, *M.MONEY_MEASURES}, key=len, reverse=True))


def _characters(line: str) -> int:
    return len(line)


def _columns(line: str) -> int:
    # non-ASCII characters are set two columns wide, ASCII ones one
    return 2 * len(line) - len(line.encode("ascii", "ignore"))


def wrap_width(lines: Sequence[str]) -> tuple[Callable[[str], int], int, int] | None:
    """The measure, the width the text's lines were broken at and the slack a full line may fall
    short of it by, or ``None`` when they were not broken at a width."""
    if len(lines) < _MIN_LINES:
        return None
    best: tuple[int, Callable[[str], int], int, int] | None = None
    for measure in (_characters, _columns):
        widths = [measure(line) for line in lines]
        width = sorted(widths)[int(0.9 * (len(widths) - 1))]
        slack = _slack(width)
        full = [line for line, w in zip(lines, widths, strict=True) if width - slack <= w <= width + slack]
        cut = sum(1 for line in full if line[-1] not in _SENTENCE_END)
        wider = sum(1 for w in widths if w > width + slack)
        if (_columns(lines[widths.index(width)]) >= _MIN_COLUMNS
                and len(full) >= _MIN_FULL_SHARE * len(widths) and wider <= max(1, _MAX_WIDER_SHARE * len(widths))
                and cut >= max(_MIN_CUT_LINES, _MIN_CUT_SHARE * len(full))
                and (best is None or cut > best[0])):
            best = (cut, measure, width, slack)
        exact = _exact_cuts(lines, widths)
        if exact is not None and (best is None or exact[0] > best[0]):
            best = (exact[0], measure, exact[1], 0)
    return None if best is None else best[1:]


def _exact_cuts(lines: Sequence[str], widths: Sequence[int]) -> tuple[int, int] | None:
    """A short text cut at a fixed count (a fixed-width file of a report whose paragraphs are
    short): ``(cut lines, width)`` when the widest lines, :data:`_MIN_EXACT_CUTS` or more of them
    at exactly one width with none wider, all stop in mid-sentence and go on into a line that
    opens no heading; else ``None``. Paragraphs never end at one width so often by chance."""
    width = max(widths)
    at_width = [k for k, w in enumerate(widths) if w == width]
    if len(at_width) < _MIN_EXACT_CUTS or _columns(lines[at_width[0]]) < _MIN_COLUMNS:
        return None
    for k in at_width:
        if (lines[k][-1] in _SENTENCE_END or k + 1 == len(lines) or not lines[k + 1]
                or heading_marker_at(lines[k + 1]) is not None):
            return None
    return len(at_width), width


def _slack(width: int) -> int:
    # a line may end a character or two early: punctuation may not start a line, nor a number break
    return max(2, round(0.06 * width))


def unwrap(original: str, text: str, offsets: OffsetMap) -> tuple[str, OffsetMap]:
    """``text`` (``original`` normalised: lines stripped, ``\n`` between them) with the breaks of a
    fixed-width wrap removed, and its offsets into the original (a removed break maps nowhere)."""
    lines = text.split("\n")
    starts = list(accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
    # a paragraph's first line may be indented: the indentation is part of its width
    indents = [_indent(original, offsets[start]) for start in starts]
    found = wrap_width([" " * indent + line for line, indent in zip(lines, indents, strict=True)])
    if found is None:  # lines are paragraphs: only the breaks inside a sentence go
        inside = [starts[k + 1] - 1 for k, (line, following) in enumerate(pairwise(lines))
                  if _inside_a_sentence(line, following)]
        return _without_breaks(text, offsets, inside, [])
    measure, width, slack = found
    full = width - slack
    # indentation marks where a paragraph starts, unless (nearly) every line is indented; one
    # space is not an indentation (", 3281" broken after the comma)
    opens = [indent >= _PARAGRAPH_INDENT for indent in indents]
    marks_paragraphs = sum(opens) < 0.5 * len(lines)
    # page numbers (``- 3 -``) stand between the lines of a paragraph broken across pages; the PDF
    # reader's layout module (statistics, its patterns) is imported only for a wrapped text
    from lawgov_score.reading.pdf_layout import is_page_number

    kept = [k for k, line in enumerate(lines) if not is_page_number(line)]
    removed: list[int] = []  # positions in ``text`` taken out
    spaced: list[int] = []  # breaks between two Latin words: a space instead
    closing_from = kept[-_CLOSING_LINES] if len(kept) >= _CLOSING_LINES else 0
    for k, j in pairwise(kept):
        line, following = lines[k], lines[j]
        end = starts[k] + len(line)
        # a full line that ends a sentence goes on too: mid-paragraph, a sentence ends at the
        # margin far more often than a paragraph does, and a new paragraph mostly opens with a
        # heading marker or an indentation
        joins = (measure(line) + indents[k] >= full and not (marks_paragraphs and opens[j])
                 and heading_marker_at(following) is None and not _closes(following, j >= closing_from)
                 ) or _inside_a_sentence(line, following)
        if joins and _latin_words(line[-1], following[0]):
            spaced.append(end)
            end += 1
        elif not joins:
            end += 1  # the break stays
        removed.extend(range(end, starts[j]))
    return _without_breaks(text, offsets, removed, spaced)


def _inside_a_sentence(line: str, following: str) -> bool:
    """Whether the break between two lines falls inside a sentence (see :data:`_NEVER_OPENS`)."""
    if not line or not following:
        return False
    return (following[0] in _NEVER_OPENS or line[-1] in _NEVER_ENDS
            or (line[-1].isdigit() and following.startswith(_MEASURES)))


def _without_breaks(text: str, offsets: OffsetMap, removed: list[int],
                    spaced: list[int]) -> tuple[str, OffsetMap]:
    """``text`` with the positions ``removed`` taken out and those ``spaced`` made spaces."""
    if not removed and not spaced:
        return text, offsets
    chars = list(text)
    for at in spaced:
        chars[at] = " "
    gone = set(removed)
    return "".join(c for at, c in enumerate(chars) if at not in gone), without(offsets, removed)


def _closes(line: str, near_the_end: bool) -> bool:
    """Whether ``line`` belongs to the report's closing: 专此报告。 or a date anywhere, the issuer's
    name only in the last lines (elsewhere ``…建设数字法治政府`` is the end of a sentence)."""
    closing = signature(line)
    return closing is not None and (closing[0] is None or near_the_end)


def _indent(original: str, start: int) -> int:
    """The width, in columns, of the blanks before the line that starts at ``original[start]``."""
    width, at = 0, start - 1
    while at >= 0 and original[at] in _BLANKS:
        width += _BLANKS[original[at]]
        at -= 1
    return width


def _latin_words(before: str, after: str) -> bool:
    # a word cut at the line end is joined with a space only between letters: a number broken
    # across lines (320 / 30宗) is one number
    return before.isascii() and before.isalpha() and after.isascii() and after.isalpha()
