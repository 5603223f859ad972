"""Regexes compiled when they are first used, not at import.

Compiling is the largest single cost of starting the command line: the library's patterns take
tens of milliseconds to compile (a class of three or more Chinese characters, or a range of them,
is a table of 64k entries built in Python), more than reading a report once they are compiled. A
pattern that only some reports need — a rare phrasing, another layout's header — is declared
with :func:`lazy` and compiled the first time a report needs it; one that every report needs
gains nothing from it and stays a plain ``re.compile``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache


def lazy(pattern: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """A function returning ``re.compile(pattern, flags)``, compiled on its first call."""

    @cache
    def compiled() -> re.Pattern[str]:
        return re.compile(pattern, flags)

    return compiled
