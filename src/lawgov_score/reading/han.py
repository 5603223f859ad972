"""Chinese characters in a text, counted for every stage with one compiled pattern.

A class of a CJK range takes about a millisecond to compile (the regex compiler fills a table of
the range's code points one by one, in Python), so the range of whole texts is compiled once,
here, rather than in each module that counts characters; the few short clauses tested for the
unified ideographs alone are read character by character.
"""

from __future__ import annotations

import re

_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")  # CJK Unified Ideographs and Extension A


def cjk_count(text: str) -> int:
    """The number of Chinese characters in ``text`` (U+3400–U+9FFF)."""
    return len(text) - len(_CJK_RUN.sub("", text))


def is_han(char: str) -> bool:
    """Whether ``char`` is in the CJK Unified Ideographs block (U+4E00–U+9FFF)."""
    return "\u4e00" <= char <= "\u9fff"


def han_count(text: str) -> int:
    """The number of characters of a clause in the CJK Unified Ideographs block."""
    return sum(map(is_han, text))


def has_han(text: str) -> bool:
    """Whether a clause holds a character of the CJK Unified Ideographs block."""
    return any(map(is_han, text))
