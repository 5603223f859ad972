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

import bisect
import re
import unicodedata
from collections.abc import Iterator, Sequence
from itertools import repeat
from typing import overload

from lawgov_score.patterns import lazy

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
# The whitespace of Python's \s, spelled out: a short explicit class scans twice as fast. Line
# feed and space are kept apart: text in which they are the only ones, single and inside lines,
# is already normal (see _is_normal).
_OTHER_SPECIAL = (
    "\t\v\f\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
    "\x00-\x09\x0b-\x1f\x7f-\x9f"
    + re.escape("".join(sorted({*_PUNCTUATION, *_DROP, *_LINE_BREAKS} - {"\n"})))
)
_SPECIAL = lazy(f"[\n {_OTHER_SPECIAL}]")
_OTHER_SPECIAL_CHAR = re.compile(f"[{_OTHER_SPECIAL}]")


def _one_to_one_folds() -> dict[str, str]:
    """The full-width forms (U+FF01–U+FFEE) that fold to exactly one other character."""
    table = {}
    for char in map(chr, range(0xFF01, 0xFFEF)):
        folded = _fold(char)
        if len(folded) == 1 and folded != char and not folded.isspace():
            table[char] = folded
    return table


_FULL_WIDTH = _one_to_one_folds()
_FULL_WIDTH_CHAR = re.compile(f"[{''.join(_FULL_WIDTH)}]")


def _fold_full_width(text: str) -> str:
    """``text`` with its full-width forms folded (，；：（１２％） → ,;:(12%)), one character for
    one so that offsets do not move; a regex substitution is three times faster than translate()."""
    return _FULL_WIDTH_CHAR.sub(lambda match: _FULL_WIDTH[match.group()], text)


def _is_normal(text: str, nfkc: bool) -> bool:
    """Whether ``text`` (``nfkc``: in NFKC) is its own normal form: nothing to unify or drop, lines
    split by one ``\\n``, spaces single and inside lines. Reports often are; they are returned as
    they are."""
    return nfkc and not (
        not text
        or text[0] in "\n " or text[-1] in "\n "
        or "\n\n" in text or "  " in text or " \n" in text or "\n " in text
        or _OTHER_SPECIAL_CHAR.search(text)
    )


class OffsetMap(Sequence[int]):
    """``offsets[i]``: the index in the original of normalised character ``i``, stored as runs.

    Almost all of a report is copied unchanged, so the map is a handful of runs rather than one
    integer per character (a tuple of them costs more to build than normalising itself). Run
    ``k`` starts at normalised index ``starts[k]`` and maps to ``origins[k]``, advancing one
    original character per character (``steps[k] == 1``) or staying on the one original
    character that expanded into several (``steps[k] == 0``: ⑴ → ``(1)``). It behaves as the
    tuple it stands for: indexing, slicing, iteration and equality with any sequence.
    """

    __slots__ = ("_length", "_origins", "_starts", "_steps", "shift")

    def __init__(self, starts: list[int], origins: list[int], steps: list[int], length: int) -> None:
        self._starts, self._origins, self._steps, self._length = starts, origins, steps, length
        # ``offsets[i] - i`` when it is the same for every ``i``, else ``None`` (read only): a text
        # that normalisation left as it was, as most reports, maps by one addition, no lookup.
        self.shift = origins[0] if len(starts) == 1 and steps[0] == 1 else None

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[int, ...]: ...

    def __getitem__(self, index: int | slice) -> int | tuple[int, ...]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(self._length)))
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError("offset index out of range")
        run = bisect.bisect_right(self._starts, index) - 1
        return self._origins[run] + (index - self._starts[run]) * self._steps[run]

    def __len__(self) -> int:
        return self._length

    def __iter__(self) -> Iterator[int]:
        bounds = [*self._starts[1:], self._length]
        for start, stop, origin, step in zip(self._starts, bounds, self._origins, self._steps, strict=True):
            if step:
                yield from range(origin, origin + stop - start)
            else:
                yield from repeat(origin, stop - start)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, OffsetMap | tuple | list):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"OffsetMap({tuple(self)!r})"


class _OffsetBuilder:
    """Collects the runs of an :class:`OffsetMap`, merging a run that continues the previous one."""

    __slots__ = ("origins", "position", "starts", "steps")

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.origins: list[int] = []
        self.steps: list[int] = []
        self.position = 0  # the normalised length so far

    def copied(self, origin: int, length: int) -> None:
        """``length`` characters copied from ``origin`` on."""
        steps, origins = self.steps, self.origins
        if not (steps and steps[-1] == 1 and origins[-1] + self.position - self.starts[-1] == origin):
            self.starts.append(self.position)
            origins.append(origin)
            steps.append(1)
        self.position += length

    def expanded(self, origin: int, length: int) -> None:
        """``length`` characters all made from the one character at ``origin``."""
        self.starts.append(self.position)
        self.origins.append(origin)
        self.steps.append(0)
        self.position += length

    def finish(self, end: int) -> OffsetMap:
        """The map, with the extra entry for the end of the text pointing at ``end``."""
        self.copied(end, 1)
        return OffsetMap(self.starts, self.origins, self.steps, self.position)


def normalise(original: str) -> tuple[str, OffsetMap]:
    """Return the normalised text and, for each of its characters, the original index.

    Lines are stripped, runs of spaces collapse to one, blank lines disappear and every line
    break becomes ``\\n``; the result has no leading or trailing whitespace. ``offsets`` has one
    entry more than the text: the length of the original, so that any end index maps.
    """
    text = original
    clean = unicodedata.is_normalized("NFKC", text)
    if not clean:
        text = _fold_full_width(text)
        clean = unicodedata.is_normalized("NFKC", text)
    if _is_normal(text, clean):
        return text, OffsetMap([0], [0], [1], len(text) + 1)
    out: list[str] = []
    offsets = _OffsetBuilder()
    state = _LayoutState()
    position = 0
    for match in _SPECIAL().finditer(text):
        special = match.start()
        if position < special:
            _emit_run(text, position, special, clean, out, offsets, state)
        _emit_char(special, match.group(), out, offsets, state)
        position = special + 1
    if position < len(text):
        _emit_run(text, position, len(text), clean, out, offsets, state)
    return "".join(out), offsets.finish(len(original))


class _LayoutState:
    """Whitespace seen but not yet written: a space is dropped at a line's end, a break before
    the first text."""

    __slots__ = ("line_has_text", "pending_break", "pending_space")

    def __init__(self) -> None:
        self.line_has_text = False
        self.pending_space = -1  # original index of a space not yet written
        self.pending_break = -1  # original index of a line break not yet written


def _emit_run(text: str, start: int, end: int, clean: bool, out: list[str], offsets: _OffsetBuilder,
              state: _LayoutState) -> None:
    """Characters without whitespace, controls or punctuation to unify: copied whole when NFKC
    leaves them alone, else folded one by one."""
    run = text[start:end]
    if clean or run.isascii() or unicodedata.is_normalized("NFKC", run):
        _write(run, start, False, out, offsets, state)
    else:
        for index in range(start, end):
            _emit_char(index, text[index], out, offsets, state)


def _emit_char(index: int, char: str, out: list[str], offsets: _OffsetBuilder, state: _LayoutState) -> None:
    if char in _LINE_BREAKS:
        if state.line_has_text and state.pending_break < 0:
            state.pending_break = index
        state.pending_space = -1
        state.line_has_text = False
        return
    piece = _fold(char)
    if not piece:
        return
    if piece == " ":
        if state.line_has_text and state.pending_space < 0:
            state.pending_space = index
        return
    _write(piece, index, len(piece) > 1, out, offsets, state)


def _write(piece: str, origin: int, expanded: bool, out: list[str], offsets: _OffsetBuilder,
           state: _LayoutState) -> None:
    """Write ``piece`` after the pending line break or space, if any."""
    if state.pending_break >= 0:
        out.append("\n")
        offsets.copied(state.pending_break, 1)
        state.pending_break = -1
    elif state.pending_space >= 0:
        out.append(" ")
        offsets.copied(state.pending_space, 1)
    state.pending_space = -1
    state.line_has_text = True
    out.append(piece)
    if expanded:
        offsets.expanded(origin, len(piece))
    else:
        offsets.copied(origin, len(piece))


def without(offsets: OffsetMap, removed: Sequence[int]) -> OffsetMap:
    """The offsets of the text left when the characters at the sorted positions ``removed`` are
    taken out of the text ``offsets`` belongs to."""
    out = _OffsetBuilder()
    bounds = [*offsets._starts[1:], len(offsets)]
    cuts = iter(removed)
    cut = next(cuts, len(offsets))
    for start, stop, origin, step in zip(offsets._starts, bounds, offsets._origins, offsets._steps, strict=True):
        position = start
        while position < stop:
            while cut < position:
                cut = next(cuts, len(offsets))
            end = min(stop, cut)
            if end > position:
                if step:
                    out.copied(origin + position - start, end - position)
                else:
                    out.expanded(origin, end - position)
            position = end + 1 if end == cut else end  # the cut character itself is left out
    return OffsetMap(out.starts, out.origins, out.steps, out.position)


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
    if not isinstance(offsets, OffsetMap) or offsets.shift is None:
        return original_start(offsets, start), original_end(offsets, start, end)
    shift = offsets.shift
    # One run: original_start and original_end without their lookups, the clamping spelled out
    # (min and max calls cost more than the rest: this is done for every fact and section).
    last = len(offsets) - 1
    low = start if 0 <= start <= last else (0 if start < 0 else last)
    high = end if 0 <= end <= last else (0 if end < 0 else last)
    if high <= start or high == 0:
        high = low
    return low + shift, high + shift
