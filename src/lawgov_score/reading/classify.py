"""Which dimension(s) a section or a fact belongs to, decided by content, with the reasons.

Evidence, strongest first:

``first_responsible``
    第一责任人 / 述法 / 党政主要负责人 content is D10 wherever it stands (FRAMEWORK.md).
``part10_title``
    a heading about leadership, responsibilities, inspection, officials' capacity or the driving
    mechanisms is D10 first, whatever single terms of other parts its body holds.
``outline_title``
    a heading that reads like the title of a part or key task of the national outline.
``title_terms`` / ``body_terms``
    terms of a dimension or its key tasks found in the heading (counted three times) or the
    text; a term shared by several dimensions counts for less, a longer term for more, and where
    terms overlap the longest wins (行政执法监督 is not also 行政执法).
``title_first``
    a heading naming two parts leans to the one it names first.
``children``
    a part that only groups sub-sections (一、主要举措和成效) gets its children's dimensions.
``parent``
    a sub-section whose own text names no dimension takes its parent's first one.
``outline_position``
    a weak prior: in a report with about as many top-level parts as the outline, the k-th part
    leans towards the k-th dimension.

Shortcomings and next-year plans are required elements, not dimensions: they get none.
A fact takes the dimension its own sentence (or inline item) speaks of, the section it stands in
breaking ties; with no term in the sentence it inherits the section's (rule ``section``).
"""

from __future__ import annotations

import bisect
import operator
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from itertools import repeat

from ahocorasick_rs import AhoCorasick, MatchKind
from attrs import field, frozen

from lawgov_score.model.framework import Dimension
from lawgov_score.patterns import lazy
from lawgov_score.reading.model import Assignment
from lawgov_score.reading.normalise import normalise
from lawgov_score.reading.outline import Node
from lawgov_score.reading.wordtrie import alternation

FIRST_RESPONSIBLE_CODE = "D10"
FIRST_RESPONSIBLE = re.compile(r"第一责任人|述法|党政主要负责人|党政主要领导|主要负责人履行推进法治建设")
# Headings about what part 10 of the outline covers: leadership, responsibilities, inspection,
# the capacity of officials and the mechanisms that drive the work. Enforcement staff (执法队伍),
# the enforcement responsibility system (普法责任制) and government supervision (政府督查) belong
# to other parts and are not matched.
PART10_TERMS = (
    "党的领导", "党对法治政府建设的领导", "组织领导", "统筹领导", "党委领导", "坚强领导", "领导体制", "加强领导",
    "第一责任人", "主体责任", "压实责任", "压实法治建设责任", "压实法治政府建设责任", "法治建设责任", "责任落实",
    "法治督察", "督察", "法治考核", "依法行政考核", "绩效考核", "综合考核", "考核评价", "考评", "法治队伍",
    "法治工作队伍", "干部队伍", "依法行政能力", "法治能力", "法治素养", "法治思维", "领导干部学法", "干部学法",
    "学法用法", "尊法学法", "法治培训", "推进机制", "示范创建", "法治政府建设推进",
)
PART10_TITLE = re.compile(alternation(PART10_TERMS))
# Weights, in units of one hit of a two-character term owned by one dimension. A heading names its
# subject in few words, so its terms count thrice; a heading that restates a part of the outline
# outweighs any body; the position prior only tips a balance.
TITLE_WEIGHT = 3.0
OUTLINE_TITLE_WEIGHT = 8.0
OUTLINE_TITLE_MIN = 0.45  # weighted share of the heading's bigrams found in the outline title
POSITION_PRIOR = 1.0
SECONDARY_SHARE = 0.6  # a second dimension needs this share of the first one's score
FIRST_NAMED_SHARE = 1.0  # in title-term units: what naming a part first adds to it
MIN_SCORE = 1.0
SECTION_CONTEXT = 1.5  # a fact's section is worth one specific term of its sentence
MAX_COUNT_PER_TERM = 3  # a term repeated all over a section says no more after a few times
SENTENCE_REACH = 200
_SENTENCE_END = re.compile(r"[。;!?\n]")
_UP_TO_SENTENCE_END = re.compile(r".*[。;!?\n]", re.DOTALL)  # greedy: to the last one


@frozen
class TermIndex:
    """The terms of a set of dimensions, compiled for matching, with their weights."""

    codes: tuple[str, ...]
    owners: dict[str, tuple[str, ...]]
    weights: dict[str, float]
    titles: dict[str, tuple[tuple[str, frozenset[str]], ...]]
    # bigram → its weight (1 / the number of dimensions using it) and the number of every
    # reference title holding it, a ``(code, title)`` of ``reference_titles``: a heading is
    # compared with all reference titles in one pass over its own bigrams.
    bigram_titles: dict[str, tuple[float, tuple[int, ...]]]
    reference_titles: tuple[tuple[str, str], ...]
    # The automaton finds all terms in one linear pass, leftmost-longest like the regex alternation
    # (longest term first) it replaces; ``terms[i]`` is its pattern ``i``.
    terms: tuple[str, ...]
    automaton: AhoCorasick | None = field(eq=False, repr=False)
    ranks: dict[str, int] = field(eq=False, repr=False)  # code → its (first) position in ``codes``

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
        patterns = tuple(sorted(owners, key=lambda t: (-len(t), t)))
        automaton = AhoCorasick(patterns, matchkind=MatchKind.LeftmostLongest) if patterns else None
        document_frequency: dict[str, int] = defaultdict(int)
        for code_titles in titles.values():
            for bigram in {b for _, grams in code_titles for b in grams}:
                document_frequency[bigram] += 1
        holders: dict[str, list[int]] = defaultdict(list)
        references = [(code, folded) for code, code_titles in titles.items() for folded, _ in code_titles]
        grams_of = [grams for code_titles in titles.values() for _, grams in code_titles]
        for number, grams in enumerate(grams_of):
            for bigram in grams:
                holders[bigram].append(number)
        return cls(codes=tuple(codes), owners={t: tuple(c) for t, c in owners.items()},
                   weights=weights, titles=titles,
                   bigram_titles={b: (1.0 / document_frequency[b], tuple(h)) for b, h in holders.items()},
                   reference_titles=tuple(references), terms=patterns, automaton=automaton,
                   ranks={code: rank for rank, code in reversed(list(enumerate(codes)))})

    def hits(self, text: str, start: int = 0, end: int | None = None) -> dict[str, dict[str, int]]:
        """Dimension code → term → number of occurrences in ``text[start:end]`` (longest match wins)."""
        stop = len(text) if end is None else max(end, 0)  # bounds clamped as a regex's pos/endpos
        return self.count(number for number, _, _ in self.find(text[max(start, 0) : stop]))

    def scan(self, text: str) -> TermHits:
        """All term occurrences of ``text``, for counting those of any part of it without a rescan."""
        return TermHits.of(self, text)

    def find(self, text: str) -> list[tuple[int, int, int]]:
        """``(term number, start, end)`` of every term in ``text``, left to right, longest first."""
        if self.automaton is None or not text:
            return []
        try:
            return self.automaton.find_matches_as_indexes(text)
        except UnicodeEncodeError:
            # A lone surrogate (in a str built by the caller) cannot go to the automaton. It is in
            # no term, and neither is NUL: one character for another keeps every match and index.
            return self.automaton.find_matches_as_indexes(_SURROGATE().sub("\x00", text))

    def count(self, numbers: Iterable[int]) -> dict[str, dict[str, int]]:
        """Dimension code → term → occurrences, for the term numbers of :meth:`find`."""
        found: dict[str, dict[str, int]] = {}
        for number in numbers:
            term = self.terms[number]
            for code in self.owners[term]:
                counts = found.setdefault(code, {})
                counts[term] = counts.get(term, 0) + 1
        return found

    def score(self, hits: dict[str, int]) -> float:
        """The weight of a dimension's hits: specific terms count more, repeats saturate."""
        weights = self.weights
        # A list is summed faster than a generator, in the same order (so to the same float).
        return sum([weights[term] * (count if count < MAX_COUNT_PER_TERM else MAX_COUNT_PER_TERM)
                    for term, count in hits.items()])

    def title_match(self, title: str) -> tuple[str, float, str] | None:
        """The dimension whose outline title (or key-task title) ``title`` resembles most:
        ``(code, similarity, matched title)``, or ``None`` when none is close or two tie."""
        total = 0.0  # the weight of the heading's bigrams; one in no reference title weighs 1
        shared: dict[int, float] = {}  # reference title → the weight of the bigrams it shares
        for weight, holders in map(self.bigram_titles.get, _bigrams(title), repeat(_NO_TITLE)):
            total += weight
            for holder in holders:
                shared[holder] = shared.get(holder, 0.0) + weight
        if not shared:
            return None
        # Only titles sharing a bigram can be close: the others score 0, and a dimension with none
        # of them can only be the runner-up, at 0. Dividing by ``total`` keeps the order, so the
        # titles ranked by shared weight give the closest one first (ties, rare, go to the greatest
        # ``(code, title)``, as in a sort of every dimension's closest title) and the runner-up
        # after a few steps.
        ranked = sorted(shared.items(), key=_WEIGHT, reverse=True)
        similarity = ranked[0][1] / total
        if similarity < OUTLINE_TITLE_MIN:
            return None
        tied = 1
        while tied < len(ranked) and ranked[tied][1] / total == similarity:
            tied += 1
        references = self.reference_titles
        code, reference = max([references[holder] for holder, _ in ranked[:tied]])
        runner_up = next((weight for holder, weight in ranked if references[holder][0] != code), 0.0) / total
        if len(self.titles) > 1 and similarity - runner_up < 0.1:
            return None
        return code, similarity, reference


# A sentence, for telling repeated ones apart.
_SENTENCE = re.compile(r"[^。;；!！?？\n]+[。;；!！?？\n]?")


@frozen
class TermHits:
    """The term occurrences of one text, found in one pass, by position.

    The terms of a section, its heading or a fact's sentence are those inside its span, found by
    bisection: sections nest, and scanning each span would read the text once per level.
    """

    index: TermIndex
    text: str
    numbers: tuple[int, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    repeats: bool = False
    """Whether some sentence says again what an earlier one said (most reports: none)."""

    @classmethod
    def of(cls, index: TermIndex, text: str) -> TermHits:
        """Scan ``text`` for the terms of ``index``, and tell whether a sentence is repeated."""
        matches = index.find(text)
        numbers, starts, ends = zip(*matches) if matches else ((), (), ())
        # split in C, not sentence by sentence: a report without repeats costs a few microseconds
        pieces = [piece for piece in text.replace("\n", "。").split("。") if piece]
        repeats = len(set(pieces)) < len(pieces)
        return cls(index=index, text=text, numbers=numbers, starts=starts, ends=ends, repeats=repeats)

    def first_term(self, start: int, end: int) -> str | None:
        """The first term occurring wholly inside ``text[start:end]``."""
        slot = bisect.bisect_left(self.starts, start)
        if slot < len(self.starts) and self.ends[slot] <= end:
            return self.index.terms[self.numbers[slot]]
        return None

    def first_owner(self, start: int, end: int) -> str | None:
        """The dimension of the first term inside ``text[start:end]``, if only one dimension uses it."""
        term = self.first_term(start, end)
        owners = self.index.owners.get(term, ()) if term is not None else ()
        return owners[0] if len(owners) == 1 else None

    def hits(self, start: int = 0, end: int | None = None) -> dict[str, dict[str, int]]:
        """What :meth:`TermIndex.hits` finds in ``text[start:end]``, without scanning it again."""
        start = max(start, 0)
        stop = len(self.text) if end is None else min(end, len(self.text))
        if stop <= start:
            return {}
        first = bisect.bisect_left(self.starts, start)
        if first and self.ends[first - 1] > start:
            # The span starts inside an occurrence: its own scan may split the text differently.
            return self.index.hits(self.text, start, stop)
        last = bisect.bisect_left(self.starts, stop)
        numbers: Iterable[int] = self.numbers[first:last]
        if last > first and self.ends[last - 1] > stop:
            # The last occurrence runs past the span: the span's own scan finds what fits from
            # its start on (行政执法 where the whole text has 行政执法监督).
            tail = self.index.find(self.text[self.starts[last - 1] : stop])
            numbers = (*self.numbers[first : last - 1], *(number for number, _, _ in tail))
        return self.index.count(numbers)


_SURROGATE = lazy(r"[\ud800-\udfff]")
# What a bigram in no reference title adds to a heading's weight, and to which titles.
_NO_TITLE: tuple[float, tuple[int, ...]] = (1.0, ())
_WEIGHT = operator.itemgetter(1)
_NOT_HAN = re.compile(r"[\W\d_a-zA-Z]+")


def _bigrams(text: str) -> frozenset[str]:
    chars = _NOT_HAN.sub("", text)
    return frozenset(map(operator.add, chars, chars[1:]))


def classify_sections(text: str, roots: Sequence[Node], index: TermIndex,
                      term_hits: TermHits | None = None) -> None:
    """Set ``dimensions`` (strongest first) and ``why`` on every node of the outline, in place.

    :param term_hits: ``index.scan(text)``, when the caller has it already (it is made otherwise).
    """
    term_hits = term_hits if term_hits is not None else index.scan(text)
    body = [node for node in roots if node.role == "body"]
    codes = index.codes
    # The national outline has as many parts as dimensions; a report with about that many
    # top-level parts probably follows its order.
    follows_outline = len(codes) >= 3 and len(codes) - 2 <= len(body) <= len(codes)
    position = {id(node): rank for rank, node in enumerate(body)}
    for node in roots:
        rank = position.get(id(node))
        prior = codes[rank] if follows_outline and rank is not None and rank < len(codes) else None
        _classify(text, node, term_hits, prior)
    for node in roots:
        _inherit(node)


def _inherit(node: Node) -> None:
    """A body sub-section whose own text names no dimension is about its parent's first one
    (1.清理妨碍统一市场的规定7件。 under 优化法治化营商环境)."""
    for child in node.children:
        if not child.dimensions and child.role == "body" and node.dimensions and node.role == "body":
            code = node.dimensions[0]
            child.dimensions = [code]
            child.why = [Assignment(code, "parent", (f"{node.numbering}{node.title}",))]
        _inherit(child)


def _distinct_hits(text: str, term_hits: TermHits, start: int, end: int) -> dict[str, dict[str, int]]:
    """The terms of ``text[start:end]``, each sentence counted once however often it is repeated:
    a section's dimensions follow what it says, not how many times it says it."""
    if start >= end:
        return {}
    if not term_hits.repeats:
        return term_hits.hits(start, end)
    seen: set[str] = set()
    repeated = False
    spans = []
    for found in _SENTENCE.finditer(text, start, end):
        sentence = found.group().strip()
        if sentence in seen:
            repeated = True
            continue
        seen.add(sentence)
        spans.append(found.span())
    if not repeated:
        return term_hits.hits(start, end)
    total: dict[str, dict[str, int]] = {}
    for low, high in spans:
        for code, terms in term_hits.hits(low, high).items():
            counts = total.setdefault(code, {})
            for term, count in terms.items():
                counts[term] = counts.get(term, 0) + count
    return total


def _classify(text: str, node: Node, term_hits: TermHits, prior: str | None,
              inherited: re.Match[str] | None = None) -> None:
    """Classify ``node`` and its descendants; ``inherited`` is a first-responsible match in the
    title of an ancestor (the duties of the heads cover everything under that heading)."""
    own = FIRST_RESPONSIBLE.search(text, node.title_start, node.title_end) if node.title else None
    for child in node.children:
        _classify(text, child, term_hits, None, own or inherited)
    if node.role not in ("body", "preamble"):
        return
    scores: dict[str, float] = defaultdict(float)
    why: dict[str, list[Assignment]] = defaultdict(list)
    titled = False
    index = term_hits.index
    for code, terms in term_hits.hits(node.title_start, node.title_end).items():
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
    part10 = PART10_TITLE.search(text, node.title_start, node.title_end) if node.title else None
    first = term_hits.first_owner(node.title_start, node.title_end) if len(scores) > 1 else None
    if first is not None:
        # A heading naming two parts is about the one it names first (规范性文件管理和重大行政决策).
        scores[first] += TITLE_WEIGHT * FIRST_NAMED_SHARE
        why[first].append(Assignment(first, "title_first", (term_hits.first_term(node.title_start, node.title_end),)))
    if node.children and not titled and not forced and not part10:
        _from_children(node)
        return
    for code, terms in _distinct_hits(text, term_hits, node.title_end, node.end).items():
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
    if part10 is not None and FIRST_RESPONSIBLE_CODE in index.codes and not forced:
        # Not pulled to another part by the terms of its body.
        if FIRST_RESPONSIBLE_CODE in chosen:
            chosen.remove(FIRST_RESPONSIBLE_CODE)
        chosen.insert(0, FIRST_RESPONSIBLE_CODE)
        why[FIRST_RESPONSIBLE_CODE].insert(0, Assignment(FIRST_RESPONSIBLE_CODE, "part10_title", (part10.group(),)))
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
    return index.ranks.get(code, len(index.codes))


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


def fact_dimensions(text: str, start: int, end: int, chain: Sequence[Node], index: TermIndex,
                    term_hits: TermHits | None = None) -> tuple[list[str], list[Assignment]]:
    """The dimension of a fact at ``start:end`` of the normalised text, and why.

    :param chain: the nodes holding the fact, innermost first.
    :param term_hits: ``index.scan(text)``: with it, the sentence is not scanned again.
    """
    return Surroundings.of(text, chain, index).fact_dimensions(text, start, end, term_hits)


@frozen
class Surroundings:
    """What decides a fact's dimension besides its own sentence: the nodes holding it. Worked out
    once for all the facts of a section (a report has several facts for each section)."""

    index: TermIndex
    counted: bool  # whether every node holding the fact has a role with dimensions
    owner: Node | None  # the innermost node
    titled: re.Match[str] | None  # a first-responsible match in the title of one of the nodes
    context: Node | None  # the innermost node with dimensions: a tie-breaker, or the fallback

    @classmethod
    def of(cls, text: str, chain: Sequence[Node], index: TermIndex) -> Surroundings:
        """The surroundings of a fact held by ``chain`` (innermost first)."""
        return cls(
            index=index,
            counted=all(node.role in ("body", "preamble") for node in chain),
            owner=chain[0] if chain else None,
            titled=next((hit for node in chain if node.title and (hit := FIRST_RESPONSIBLE.search(
                text, node.title_start, node.title_end))), None),
            context=next((node for node in chain if node.dimensions), None),
        )

    def fact_dimensions(self, text: str, start: int, end: int,
                        term_hits: TermHits | None = None) -> tuple[list[str], list[Assignment]]:
        """What :func:`fact_dimensions` gives a fact at ``start:end`` held by these nodes."""
        if not self.counted:
            return [], []
        index = self.index
        low, high = sentence_bounds(text, start, end, self.owner)
        if FIRST_RESPONSIBLE_CODE in index.codes:
            found = FIRST_RESPONSIBLE.search(text, low, high) or self.titled
            if found is not None:
                return [FIRST_RESPONSIBLE_CODE], [Assignment(FIRST_RESPONSIBLE_CODE, "first_responsible",
                                                             (found.group(),))]
        context = self.context
        context_codes = context.dimensions if context is not None else []
        hits = term_hits.hits(low, high) if term_hits is not None else index.hits(text, low, high)
        scores = {code: index.score(terms) for code, terms in hits.items()}
        for rank, code in enumerate(context_codes):
            scores[code] = scores.get(code, 0.0) + (SECTION_CONTEXT if rank == 0 else SECTION_CONTEXT / 2)
        if not scores:
            return [], []
        if len(scores) == 1:  # the usual case: the sentence speaks of its section's dimension
            best = next(iter(scores))
        else:
            best = min(scores, key=lambda code: (-scores[code], code not in context_codes,
                                                 codes_order(index, code)))
        if best in hits:
            return [best], [Assignment(best, "sentence_terms", sorted(hits[best]))]
        assert context is not None
        return [best], [Assignment(best, "section", (f"{context.numbering}{context.title}",))]


def sentence_bounds(text: str, start: int, end: int, owner: Node | None) -> tuple[int, int]:
    """The sentence (or inline ``一是……`` item) around ``start:end``."""
    # A sentence longer than SENTENCE_REACH is cut: the context of a number is near it.
    floor = max(0, start - SENTENCE_REACH)
    last = _UP_TO_SENTENCE_END.match(text, floor, start)
    low = last.end() if last else floor
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
