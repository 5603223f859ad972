"""Which dimension(s) a section or a fact belongs to, decided by content, with the reasons.

Evidence, strongest first:

``first_responsible``
    第一责任人 / 述法 / 党政主要负责人 content is D10 wherever it stands (FRAMEWORK.md).
``outline_title``
    a heading that reads like the title of a part or key task of the national outline.
``title_terms`` / ``body_terms``
    terms of a dimension or its key tasks found in the heading (counted three times) or the
    text; a term shared by several dimensions counts for less, a longer term for more, and where
    terms overlap the longest wins (行政执法监督 is not also 行政执法).
``children``
    a part that only groups sub-sections (一、主要举措和成效) gets its children's dimensions.
``outline_position``
    a weak prior: in a report with about as many top-level parts as the outline, the k-th part
    leans towards the k-th dimension.

Shortcomings and next-year plans are required elements, not dimensions: they get none.
A fact takes the dimension its own sentence (or inline item) speaks of, the section it stands in
breaking ties; with no term in the sentence it inherits the section's (rule ``section``).
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from attrs import frozen

from lawgov_score.model.framework import Dimension
from lawgov_score.reading.model import Assignment
from lawgov_score.reading.normalise import normalise
from lawgov_score.reading.outline import Node

FIRST_RESPONSIBLE_CODE = "D10"
FIRST_RESPONSIBLE = re.compile(r"第一责任人|述法|党政主要负责人|党政主要领导|主要负责人履行推进法治建设")
# Weights, in units of one hit of a two-character term owned by one dimension. A heading names its
# subject in few words, so its terms count thrice; a heading that restates a part of the outline
# outweighs any body; the position prior only tips a balance.
TITLE_WEIGHT = 3.0
OUTLINE_TITLE_WEIGHT = 8.0
OUTLINE_TITLE_MIN = 0.45  # weighted share of the heading's bigrams found in the outline title
POSITION_PRIOR = 1.0
SECONDARY_SHARE = 0.6  # a second dimension needs this share of the first one's score
MIN_SCORE = 1.0
SECTION_CONTEXT = 1.5  # a fact's section is worth one specific term of its sentence
MAX_COUNT_PER_TERM = 3  # a term repeated all over a section says no more after a few times
SENTENCE_REACH = 200
_SENTENCE_END = re.compile(r"[。;!?\n]")


@frozen
class TermIndex:
    """The terms of a set of dimensions, compiled for matching, with their weights."""

    codes: tuple[str, ...]
    pattern: re.Pattern[str] | None
    owners: dict[str, tuple[str, ...]]
    weights: dict[str, float]
    titles: dict[str, tuple[tuple[str, frozenset[str]], ...]]
    bigram_weights: dict[str, float]
    # bigram → the (code, position) of every reference title holding it: a heading is compared
    # with all reference titles in one pass over its own bigrams.
    bigram_titles: dict[str, tuple[tuple[str, int], ...]]

    @classmethod
    def build(cls, dimensions: Iterable[Dimension]) -> TermIndex:
        """Index the ``terms`` and key-task terms and titles of ``dimensions``."""
        owners: dict[str, list[str]] = defaultdict(list)
        titles: dict[str, tuple[tuple[str, frozenset[str]], ...]] = {}
        codes: list[str] = []
        for dimension in dimensions:
            codes.append(dimension.code)
            terms = {*dimension.terms, *(term for task in dimension.key_tasks for term in task.terms)}
            for term in terms:
                folded = normalise(term)[0].replace(" ", "")
                if len(folded) >= 2 and dimension.code not in owners[folded]:
                    owners[folded].append(dimension.code)
            titles[dimension.code] = tuple(
                (folded, _bigrams(folded))
                for folded in (normalise(title)[0]
                               for title in (dimension.title_zh, *(t.title_zh for t in dimension.key_tasks)))
                if folded
            )
        weights = {term: (0.5 + min(len(term), 6) / 4) / len(codes_) for term, codes_ in owners.items()}
        pattern = (re.compile("|".join(re.escape(term) for term in sorted(owners, key=lambda t: (-len(t), t))))
                   if owners else None)
        document_frequency: dict[str, int] = defaultdict(int)
        for code_titles in titles.values():
            for bigram in {b for _, grams in code_titles for b in grams}:
                document_frequency[bigram] += 1
        bigram_weights = {b: 1.0 / count for b, count in document_frequency.items()}
        holders: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for code, code_titles in titles.items():
            for position, (_, grams) in enumerate(code_titles):
                for bigram in grams:
                    holders[bigram].append((code, position))
        return cls(codes=tuple(codes), pattern=pattern, owners={t: tuple(c) for t, c in owners.items()},
                   weights=weights, titles=titles, bigram_weights=bigram_weights,
                   bigram_titles={b: tuple(h) for b, h in holders.items()})

    def hits(self, text: str, start: int = 0, end: int | None = None) -> dict[str, dict[str, int]]:
        """Dimension code → term → number of occurrences in ``text[start:end]`` (longest match wins)."""
        found: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        if self.pattern is None:
            return {}
        stop = len(text) if end is None else end
        for match in self.pattern.finditer(text, start, stop):
            for code in self.owners[match.group()]:
                found[code][match.group()] += 1
        return {code: dict(terms) for code, terms in found.items()}

    def score(self, hits: dict[str, int]) -> float:
        """The weight of a dimension's hits: specific terms count more, repeats saturate."""
        return sum(self.weights[term] * min(count, MAX_COUNT_PER_TERM) for term, count in hits.items())

    def title_match(self, title: str) -> tuple[str, float, str] | None:
        """The dimension whose outline title (or key-task title) ``title`` resembles most:
        ``(code, similarity, matched title)``, or ``None`` when none is close or two tie."""
        grams = _bigrams(title)
        total = sum(self.bigram_weights.get(b, 1.0) for b in grams)
        if not total:
            return None
        shared: dict[tuple[str, int], float] = defaultdict(float)
        for bigram in grams:
            weight = self.bigram_weights.get(bigram, 1.0)
            for holder in self.bigram_titles.get(bigram, ()):
                shared[holder] += weight
        ranked: list[tuple[float, str, str]] = []
        for code, code_titles in self.titles.items():
            best = max(((shared.get((code, position), 0.0) / total, ref)
                        for position, (ref, _) in enumerate(code_titles)), default=(0.0, ""))
            ranked.append((best[0], code, best[1]))
        if not ranked:
            return None
        ranked.sort(reverse=True)
        top = ranked[0]
        if top[0] < OUTLINE_TITLE_MIN or (len(ranked) > 1 and top[0] - ranked[1][0] < 0.1):
            return None
        return top[1], top[0], top[2]


_NOT_HAN = re.compile(r"[\W\d_a-zA-Z]+")


def _bigrams(text: str) -> frozenset[str]:
    chars = _NOT_HAN.sub("", text)
    return frozenset(chars[i : i + 2] for i in range(len(chars) - 1))


def classify_sections(text: str, roots: Sequence[Node], index: TermIndex) -> None:
    """Set ``dimensions`` (strongest first) and ``why`` on every node of the outline, in place."""
    body = [node for node in roots if node.role == "body"]
    codes = index.codes
    # The national outline has as many parts as dimensions; a report with about that many
    # top-level parts probably follows its order.
    follows_outline = len(codes) >= 3 and len(codes) - 2 <= len(body) <= len(codes)
    position = {id(node): rank for rank, node in enumerate(body)}
    for node in roots:
        rank = position.get(id(node))
        prior = codes[rank] if follows_outline and rank is not None and rank < len(codes) else None
        _classify(text, node, index, prior)


def _classify(text: str, node: Node, index: TermIndex, prior: str | None,
              inherited: re.Match[str] | None = None) -> None:
    """Classify ``node`` and its descendants; ``inherited`` is a first-responsible match in the
    title of an ancestor (the duties of the heads cover everything under that heading)."""
    own = FIRST_RESPONSIBLE.search(text, node.title_start, node.title_end) if node.title else None
    for child in node.children:
        _classify(text, child, index, None, own or inherited)
    if node.role not in ("body", "preamble"):
        return
    scores: dict[str, float] = defaultdict(float)
    why: dict[str, list[Assignment]] = defaultdict(list)
    titled = False
    for code, terms in index.hits(text, node.title_start, node.title_end).items():
        scores[code] += TITLE_WEIGHT * index.score(terms)
        why[code].append(Assignment(code, "title_terms", sorted(terms)))
        titled = True
    match = index.title_match(node.title) if node.title else None
    if match is not None:
        code, similarity, reference = match
        scores[code] += OUTLINE_TITLE_WEIGHT * similarity
        why[code].append(Assignment(code, "outline_title", (reference,)))
        titled = True
    forced = own or inherited
    if node.children and not titled and not forced:
        _from_children(node)
        return
    for code, terms in index.hits(text, node.title_end, node.end).items():
        scores[code] += index.score(terms)
        strongest = sorted(terms, key=lambda t: (-index.weights[t] * terms[t], t))[:8]
        why[code].append(Assignment(code, "body_terms", strongest))
    if prior is not None and prior in scores:
        scores[prior] += POSITION_PRIOR
        why[prior].append(Assignment(prior, "outline_position", ()))
    ranked = sorted(((score, code) for code, score in scores.items() if score >= MIN_SCORE),
                    key=lambda item: (-item[0], codes_order(index, item[1])))
    top = ranked[0][0] if ranked else 0.0
    chosen = [code for score, code in ranked if score >= SECONDARY_SHARE * top]
    if node.role == "preamble" and not titled:
        chosen = chosen[:1] if top >= 2 * OUTLINE_TITLE_MIN * OUTLINE_TITLE_WEIGHT else []
    if FIRST_RESPONSIBLE_CODE in index.codes:
        where = forced or FIRST_RESPONSIBLE.search(text, node.title_end, node.end)
        if where is not None:
            if FIRST_RESPONSIBLE_CODE in chosen:
                chosen.remove(FIRST_RESPONSIBLE_CODE)
            chosen.insert(0 if forced else len(chosen), FIRST_RESPONSIBLE_CODE)
            why[FIRST_RESPONSIBLE_CODE].insert(
                0, Assignment(FIRST_RESPONSIBLE_CODE, "first_responsible", (where.group(),)))
    node.dimensions = chosen
    node.why = [assignment for code in chosen for assignment in why[code]]
    if node.children:
        _from_children(node)


def codes_order(index: TermIndex, code: str) -> int:
    """The position of ``code`` among the indexed dimensions (ties go to the earlier one)."""
    return index.codes.index(code) if code in index.codes else len(index.codes)


def _from_children(node: Node) -> None:
    """Add the dimensions of a node's sub-sections, the most frequent first, after its own."""
    counts: dict[str, int] = defaultdict(int)
    first_seen: dict[str, Node] = {}
    for child in node.children:
        for rank, code in enumerate(child.dimensions):
            counts[code] += 2 if rank == 0 else 1
            first_seen.setdefault(code, child)
    order = list(first_seen)
    for code in sorted(counts, key=lambda c: (-counts[c], order.index(c))):
        if code not in node.dimensions:
            node.dimensions.append(code)
            child = first_seen[code]
            node.why.append(Assignment(code, "children", (f"{child.numbering}{child.title}",)))


def fact_dimensions(text: str, start: int, end: int, chain: Sequence[Node],
                    index: TermIndex) -> tuple[list[str], list[Assignment]]:
    """The dimension of a fact at ``start:end`` of the normalised text, and why.

    :param chain: the nodes holding the fact, innermost first.
    """
    if any(node.role not in ("body", "preamble") for node in chain):
        return [], []
    low, high = sentence_bounds(text, start, end, chain[0] if chain else None)
    if FIRST_RESPONSIBLE_CODE in index.codes:
        found = FIRST_RESPONSIBLE.search(text, low, high) or next(
            (hit for node in chain if node.title and (hit := FIRST_RESPONSIBLE.search(
                text, node.title_start, node.title_end))), None)
        if found is not None:
            return [FIRST_RESPONSIBLE_CODE], [Assignment(FIRST_RESPONSIBLE_CODE, "first_responsible",
                                                         (found.group(),))]
    context = next((node for node in chain if node.dimensions), None)
    context_codes = context.dimensions if context is not None else []
    hits = index.hits(text, low, high)
    scores = {code: index.score(terms) for code, terms in hits.items()}
    for rank, code in enumerate(context_codes):
        scores[code] = scores.get(code, 0.0) + (SECTION_CONTEXT if rank == 0 else SECTION_CONTEXT / 2)
    if not scores:
        return [], []
    best = min(scores, key=lambda code: (-scores[code], code not in context_codes, codes_order(index, code)))
    if best in hits:
        return [best], [Assignment(best, "sentence_terms", sorted(hits[best]))]
    assert context is not None
    return [best], [Assignment(best, "section", (f"{context.numbering}{context.title}",))]


def sentence_bounds(text: str, start: int, end: int, owner: Node | None) -> tuple[int, int]:
    """The sentence (or inline ``一是……`` item) around ``start:end``."""
    # A sentence longer than SENTENCE_REACH is cut: the context of a number is near it.
    floor = max(0, start - SENTENCE_REACH)
    low = max(floor, *(text.rfind(mark, floor, start) + 1 for mark in "。;!?\n"))
    found = _SENTENCE_END.search(text, end, end + SENTENCE_REACH)
    high = found.start() if found else min(len(text), end + SENTENCE_REACH)
    if owner is not None:
        # Items are in document order and do not overlap.
        slot = bisect.bisect_right(owner.items, (start, len(text) + 1)) - 1
        if slot >= 0 and owner.items[slot][0] <= start < owner.items[slot][1]:
            low, high = max(low, owner.items[slot][0]), min(high, owner.items[slot][1])
        if owner.title_start <= start < owner.title_end:
            low, high = max(low, owner.title_start), min(high, owner.title_end)
    return low, max(high, end)
