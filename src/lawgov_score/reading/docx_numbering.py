"""Word's automatic numbering, rendered as a reader sees it: ``一、``, ``（一）``, ``1.``.

A DOCX heading numbered by a list style has no marker in its text: Word draws ``一、`` from the
numbering definitions at display time. Without it the outline of many reports would be lost, so
the marker is rebuilt from ``numbering.xml`` (the level's format, text pattern and start, counted
per list) and put before the paragraph's text. Anything unusual (a damaged definition, a picture
bullet) gives no marker rather than an error.
"""

from __future__ import annotations

from typing import Any

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CHINESE = frozenset({"chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographDigital",
                      "taiwaneseCounting", "taiwaneseCountingThousand", "japaneseCounting", "koreanCounting",
                      "ideographTraditional"})
_CN_DIGITS = "零一二三四五六七八九"
_MAX_LEVELS = 9


def _attr(element: Any, tag: str) -> str | None:
    child = element.find(f"{_W}{tag}") if element is not None else None
    return None if child is None else child.get(f"{_W}val")


def chinese_numeral(number: int) -> str:
    """``11`` → ``十一``, ``20`` → ``二十``; Arabic digits from 100 on (no report numbers so far)."""
    if not 0 < number < 100:
        return str(number)
    tens, units = divmod(number, 10)
    head = "" if tens == 0 else "十" if tens == 1 else _CN_DIGITS[tens] + "十"
    return head + (_CN_DIGITS[units] if units else "")


def _letters(number: int) -> str:
    out = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        out = chr(ord("a") + rest) + out
    return out


def _roman(number: int) -> str:
    values = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
              (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
    out = ""
    for value, letters in values:
        while number >= value:
            out += letters
            number -= value
    return out


def format_number(number: int, fmt: str) -> str:
    """One counter in a numbering format of WordprocessingML (``decimal``, ``chineseCounting`` …)."""
    if fmt in _CHINESE:
        return chinese_numeral(number)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 0 < number <= 20:
        return chr(0x2460 + number - 1)
    if fmt == "decimalEnclosedParen" and 0 < number <= 20:
        return chr(0x2474 + number - 1)
    if fmt == "decimalZero":
        return f"{number:02d}"
    if fmt in ("lowerLetter", "upperLetter"):
        return _letters(number) if fmt == "lowerLetter" else _letters(number).upper()
    if fmt in ("lowerRoman", "upperRoman"):
        return _roman(number) if fmt == "lowerRoman" else _roman(number).upper()
    if fmt in ("bullet", "none"):
        return ""
    return str(number)  # decimal, decimalFullWidth (normalised later) and the rest


class Numbering:
    """Counts the numbered paragraphs of one DOCX document in reading order."""

    def __init__(self, document: Any) -> None:
        self._levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self._counters: dict[str, list[int | None]] = {}
        self._styles = _StyleNumbering(document)
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for node in root.findall(f"{_W}abstractNum"):
            levels = {}
            for lvl in node.findall(f"{_W}lvl"):
                try:
                    level = int(lvl.get(f"{_W}ilvl", "0"))
                    start = int(_attr(lvl, "start") or "1")
                except ValueError:
                    continue
                levels[level] = (_attr(lvl, "numFmt") or "decimal", _attr(lvl, "lvlText") or "", start)
            abstract[node.get(f"{_W}abstractNumId", "")] = levels
        for num in root.findall(f"{_W}num"):
            levels = dict(abstract.get(_attr(num, "abstractNumId") or "", {}))
            for override in num.findall(f"{_W}lvlOverride"):
                restart = _attr(override, "startOverride") or ""
                which = str(override.get(f"{_W}ilvl", "0"))
                if restart.isdigit() and which.isdigit() and int(which) in levels:
                    fmt, text, _ = levels[int(which)]
                    levels[int(which)] = (fmt, text, int(restart))
            self._levels[num.get(f"{_W}numId", "")] = levels

    def marker(self, paragraph: Any) -> str:
        """The marker Word shows before ``paragraph`` (and counts it), or ``""``."""
        try:
            found = self._num_pr(paragraph)
            if found is None:
                return ""
            num_id, level = found
            levels = self._levels.get(num_id)
            if not levels or level not in levels or not 0 <= level < _MAX_LEVELS:
                return ""
            counters = self._counters.setdefault(num_id, [None] * _MAX_LEVELS)
            current = counters[level]
            counters[level] = levels[level][2] if current is None else current + 1
            for deeper in range(level + 1, _MAX_LEVELS):
                counters[deeper] = None
            fmt, text, _ = levels[level]
            if fmt in ("bullet", "none"):
                return ""
            for index in range(_MAX_LEVELS, 0, -1):
                placeholder = f"%{index}"
                if placeholder in text:
                    shown = index - 1
                    value = counters[shown]
                    if value is None:
                        value = levels.get(shown, ("decimal", "", 1))[2]
                    text = text.replace(placeholder, format_number(value, levels.get(shown, (fmt, "", 1))[0]))
            return text
        except (ValueError, TypeError, AttributeError, IndexError):
            return ""


    def _num_pr(self, paragraph: Any) -> tuple[str, int] | None:
        """``(numId, level)`` of a paragraph, from its own properties or its style's (inherited)."""
        p_pr = paragraph._p.pPr
        num_pr = p_pr.find(f"{_W}numPr") if p_pr is not None else None
        if num_pr is None:
            return self._styles.numbering(paragraph._p.style)
        return _id_and_level(num_pr)


class _StyleNumbering:
    """The numbering each paragraph style gives, through its ``basedOn`` chain, worked out once
    per style: python-docx's ``paragraph.style`` scans every style of the document for each
    paragraph, which made a DOCX of 100,000 paragraphs take minutes."""

    def __init__(self, document: Any) -> None:
        self._styles: dict[str, Any] = {}
        self._default: str | None = None
        self._known: dict[str | None, tuple[str, int] | None] = {}
        try:
            root = document.styles.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        for style in root.findall(f"{_W}style"):
            if style.get(f"{_W}type") != "paragraph":
                continue
            style_id = style.get(f"{_W}styleId", "")
            self._styles[style_id] = style
            if style.get(f"{_W}default") in ("1", "true", "on"):
                self._default = style_id

    def numbering(self, style_id: str | None) -> tuple[str, int] | None:
        """``(numId, level)`` given by the paragraph style ``style_id`` (``None``: the default style)."""
        if style_id in self._known:
            return self._known[style_id]
        found = None
        current = style_id if style_id is not None else self._default
        for _ in range(10):  # basedOn chains are short; a loop in a damaged file must end
            style = self._styles.get(current or "")
            if style is None:
                break
            style_pr = style.find(f"{_W}pPr")
            num_pr = style_pr.find(f"{_W}numPr") if style_pr is not None else None
            if num_pr is not None:
                found = _id_and_level(num_pr)
                break
            current = _attr(style, "basedOn")
        self._known[style_id] = found
        return found


def _id_and_level(num_pr: Any) -> tuple[str, int] | None:
    num_id = _attr(num_pr, "numId")
    level = _attr(num_pr, "ilvl") or "0"
    if not num_id or num_id == "0" or not level.isdigit():
        return None
    return num_id, int(level)
