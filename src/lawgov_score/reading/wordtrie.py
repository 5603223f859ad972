"""Regexes that match one of many words, written as a trie: the engine tests one character per
level instead of every word, so a long word list costs about as much as a short one."""

from __future__ import annotations

import re
from collections.abc import Iterable

_Trie = dict[str, "_Trie"]


def alternation(words: Iterable[str], *, reverse: bool = False) -> str:
    """A regex matching the longest of *words* (场次 wins over 场), or of the words reversed."""
    return trie((word[::-1] for word in words) if reverse else words, {})


def trie(words: Iterable[str], guards: dict[str, str]) -> str:
    """A regex matching the longest of *words*; ``guards[word]`` lists characters that must not
    follow that word."""
    root: _Trie = {}
    for word in set(words):
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: _Trie, prefix: str) -> str:
        # Each branch opens with its own literal, which the engine tests before entering it; a
        # class of the first characters in front (one test instead of one per branch) saved 2% of
        # the facts scan and cost 4 ms of compiling at start-up (a class of three or more CJK
        # characters is a 64k-entry table to build).
        branches = [re.escape(char) + emit(node[char], prefix + char) for char in sorted(c for c in node if c)]
        if "" in node:  # the word ending here is tried last, so longer words win
            # one lookahead per character rather than a class: the same test, and a class of three
            # or more CJK characters costs far more to compile
            branches.append("".join(f"(?!{re.escape(char)})" for char in guards.get(prefix, "")))
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return emit(root, "")
