"""Chinese characters in a text, counted with one compiled pattern per range for every stage.

A class of a CJK range takes about a millisecond to compile (the regex compiler fills a table of
the range's code points one by one, in Python), so each range is compiled once, here, rather than
in each module that counts characters.
"""

from __future__ import annotations

import re

_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")  # CJK Unified Ideographs and Extension A
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")  # CJK Unified Ideographs only


def cjk_count(text: str) -> int:
    """The number of Chinese characters in ``text`` (U+3400–U+9FFF)."""
    return len(text) - len(_CJK_RUN.sub("", text))


def han_count(text: str) -> int:
    """The number of characters of ``text`` in the CJK Unified Ideographs block (U+4E00–U+9FFF)."""
    return len(text) - len(_HAN_RUN.sub("", text))


def has_han(text: str) -> bool:
    """Whether ``text`` holds a character of the CJK Unified Ideographs block (U+4E00–U+9FFF)."""
    return _HAN_RUN.search(text) is not None
