"""The terms of a framework's dimensions and key tasks, found in a sentence in one pass.

Each term is owned by the dimensions and key tasks that declare it (a dimension's own terms
belong to no task). Matching is leftmost-longest, so 行政执法监督 is not also 行政执法.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ahocorasick_rs import AhoCorasick, MatchKind
from attrs import field, frozen

from lawgov_score.model.framework import Dimension
from lawgov_score.reading.han import cjk_count
from lawgov_score.reading.normalise import normalise

_SURROGATE = re.compile(r"[\ud800-\udfff]")


@frozen
class Hit:
    """One term found in a sentence: where, and which dimensions and tasks declare it."""

    term: str
    start: int
    end: int
    owners: tuple[tuple[str, str | None], ...]
    """``(dimension code, key task id or None)`` for each declaration."""


@frozen
class TermIndex:
    """The compiled terms of a set of dimensions."""

    terms: tuple[str, ...]
    owners: tuple[tuple[tuple[str, str | None], ...], ...]
    automaton: AhoCorasick | None = field(eq=False, repr=False)

    @classmethod
    def build(cls, dimensions: Sequence[Dimension]) -> TermIndex:
        owned: dict[str, list[tuple[str, str | None]]] = {}
        for dimension in dimensions:
            declared: list[tuple[str, str | None]] = [(term, None) for term in dimension.terms]
            declared += [(term, task.id) for task in dimension.key_tasks for term in task.terms]
            for term, task in declared:
                folded = normalise(term)[0].replace(" ", "")
                if len(folded) >= 2 and (dimension.code, task) not in owned.setdefault(folded, []):
                    owned[folded].append((dimension.code, task))
        terms = tuple(sorted(owned, key=lambda t: (-len(t), t)))
        automaton = AhoCorasick(terms, matchkind=MatchKind.LeftmostLongest) if terms else None
        return cls(terms, tuple(tuple(owned[t]) for t in terms), automaton)

    def find(self, text: str) -> list[Hit]:
        """Every term in ``text``, left to right."""
        if self.automaton is None or not text:
            return []
        safe = _SURROGATE.sub("\x00", text)
        return [Hit(self.terms[n], start, end, self.owners[n])
                for n, start, end in self.automaton.find_matches_as_indexes(safe)]


@lru_cache(maxsize=8)
def term_index(dimensions: tuple[Dimension, ...]) -> TermIndex:
    """The index of ``dimensions``, built once per set of dimensions."""
    return TermIndex.build(dimensions)


@lru_cache(maxsize=8192)
def _term_cjk(term: str) -> int:
    return cjk_count(term)


def coverage(text: str, hits: Sequence[Hit]) -> float:
    """The share of ``text``'s Chinese characters that stand inside a term."""
    total = cjk_count(text)
    if total == 0:
        return 0.0
    return sum(_term_cjk(hit.term) for hit in hits) / total
