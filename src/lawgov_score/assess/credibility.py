"""Whether a report's statements can be believed as evidence: term lists, repeated numbers, impossible values.

Evaluators discount what reads like slogans rather than measures; this module finds, once per
report, the statements that should earn nothing or less:

* a **term list** — a sentence that is little more than the framework's terms strung together
  (three or more distinct terms covering at least 80% of its Chinese characters, or two covering
  90%) — earns nothing;
* a **bare figure** — a clause made only of two or more terms and a number (会前学法、专题学法12次) —
  gives no credit to a task: a count is evidence when the clause says what was done;
* the **same number repeated** across unrelated subjects (a value of 10 or more stated for four or
  more different things, a fifth or more of the report's counts) is not credited;
* an **impossible value** (a level rate above 100%) is not credited;
* a report whose measure text (term lists left out: they earn nothing already) is far denser
  in terms than real reports (above :data:`DENSITY_OK`) has all its evidence discounted, down
  to :data:`DENSITY_FLOOR` at :data:`DENSITY_MAX`;
* a **template** — the same sentence with only its terms, numbers and document titles changed
  (印发《…》,开展…专项行动N次,覆盖群众N人次), in any clause order, stated for many tasks — counts
  once: when a quarter or more of a report's measure sentences are such copies, only the first
  of each is credited. Real reports vary their sentences (the seed: one sentence of 64 looks like
  two others; eight sub-districts' figures in parallel, 12 % of a report, stay data); a report
  filled in from a template does not (92 %).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from attrs import frozen

from lawgov_score.assess.terms import Hit, coverage
from lawgov_score.assess.view import Sentence, StatedFact
from lawgov_score.reading.han import cjk_count

TERM_LIST_MIN_TERMS = 3
TERM_LIST_COVERAGE = 0.8
TERM_LIST_PAIR_COVERAGE = 0.9
REPEATED_MIN_VALUE = 10
REPEATED_MIN_COUNT = 4
REPEATED_MIN_SHARE = 0.2
DENSITY_OK = 0.5
"""Share of a report's measure text covered by terms above which its evidence is discounted. Real
reports lie well below (the seed: 0.33, headings included)."""
DENSITY_MAX = 0.8
DENSITY_FLOOR = 0.2
TEMPLATE_MIN_COPIES = 3
"""Sentences of one frame (terms, numbers and titles aside) that make a template."""
TEMPLATE_MIN_PIECES = 4
"""Pieces of a frame below which a sentence is too short to call a template (办理案件N件。)."""
TEMPLATE_OVERLAP = 0.6
"""Share of the shorter frame two copies of one template have in common."""
TEMPLATE_COMMON_PIECE = 64
"""Distinct frames a piece may be in and still tell two sentences alike (开展…, 进一步… are everywhere)."""
TEMPLATE_SHARE = 0.25
"""Share of a report's measure sentences in templates from which the copies are not credited."""


def is_term_list(sentence: Sentence, hits: Sequence[Hit]) -> bool:
    """Whether a sentence only strings terms together."""
    distinct = len({hit.term for hit in hits})
    if distinct < 2:
        return False
    share = coverage(sentence.text, hits)
    return (distinct >= TERM_LIST_MIN_TERMS and share >= TERM_LIST_COVERAGE) or share >= TERM_LIST_PAIR_COVERAGE


_FIGURE = re.compile(r"(?:百分之|[〇零一二两三四五六七八九十百千万]{1,3}分之)?"
                     r"[0-9.,%‰〇零一二两三四五六七八九十百千万亿余多近约个点]+")


def is_bare(clause: str, hits: Sequence[Hit], fact: StatedFact, offset: int) -> bool:
    """Whether a clause is a list of terms with a figure (会前学法、专题学法12次; 合法性审查率、备案通过率100%).

    One term and its figure is a statement (罚没款3.2亿元, 述法45家); two or more and nothing else is a list.
    """
    if len({hit.term for hit in hits}) < 2:
        return False
    kept = list(clause)
    for hit in hits:
        for position in range(max(0, hit.start - offset), min(len(kept), hit.end - offset)):
            kept[position] = " "
    rest = _FIGURE.sub(" ", "".join(kept)).replace(fact.fact.unit, " ")
    return cjk_count(rest) <= 1


def repeated_values(facts: Sequence[StatedFact]) -> frozenset[float]:
    """Values of counts stated for many unrelated subjects: the same number everywhere."""
    counts = [f for f in facts if f.fact.kind in ("count", "amount") and f.fact.value >= REPEATED_MIN_VALUE]
    if not counts:
        return frozenset()
    subjects: dict[float, set[str]] = defaultdict(set)
    for stated in counts:
        subjects[stated.fact.value].add(stated.fact.subject)
    tally = Counter(f.fact.value for f in counts)
    return frozenset(
        value for value, n in tally.items()
        if n >= REPEATED_MIN_COUNT and n / len(counts) >= REPEATED_MIN_SHARE and len(subjects[value]) >= 3
    )


def implausible(stated: StatedFact) -> bool:
    """A value outside what is possible: a level rate above 100%, a negative count."""
    fact = stated.fact
    if fact.kind == "rate":
        return fact.value > 1.0 + 1e-9
    if fact.kind in ("count", "amount"):
        return fact.value < 0
    return False


_MASK = "\x00"
# document titles, numbers and punctuation: what a template's frame leaves out besides the terms
# Numbers in Chinese numerals too (五十六次, 百分之九十五): a template filled in with them is no
# less a template. A run of two or more numerals, or one before a measure word.
_NOT_FRAME = re.compile(r"《[^》]{0,60}》|[0-9][0-9.,%‰万亿余多]*|[,;:。!?、“”()]"
                        r"|(?:百分之)?[〇零一二两三四五六七八九十百千万亿点]{2,}[余多]?"
                        r"|[一二两三四五六七八九十百千万](?=[余多]?[次件项场个人名家份条部篇批户起期届轮宗])")


def frame(sentence: Sentence, hits: Sequence[Hit]) -> frozenset[str]:
    """What stays the same when a template is filled in: the three-character pieces of a sentence
    left once its terms, document titles, numbers and punctuation are taken out."""
    text, offset = sentence.text, 0
    pieces: list[str] = []
    for hit in sorted(hits, key=lambda h: h.start):
        if hit.start >= offset:
            pieces += [text[offset:hit.start], _MASK]
            offset = hit.end
    pieces.append(text[offset:])
    fixed = _NOT_FRAME.sub(_MASK, "".join(pieces))
    return frozenset(piece for run in fixed.split(_MASK) for piece in (run[i:i + 3] for i in range(len(run) - 2)))


def template_copies(sentences: Sequence[Sentence], hits: Sequence[Sequence[Hit]]) -> tuple[Sentence, ...]:
    """The sentences that copy a template another sentence of the report already filled in, when
    templates make :data:`TEMPLATE_SHARE` or more of ``sentences``; else none.

    Two sentences are copies of one template when their frames are the same, or when most of the
    frame of the shorter one (at least :data:`TEMPLATE_OVERLAP` of its pieces) is in the other; a
    sentence is templated when it has :data:`TEMPLATE_MIN_COPIES` − 1 such copies or more.

    Time stays linear in the report's length: sentences with the same frame are compared once, as
    one, and a piece found in more than :data:`TEMPLATE_COMMON_PIECE` distinct frames says nothing
    about which two are alike, so it is not looked up.
    """
    frames = [frame(s, h) for s, h in zip(sentences, hits, strict=True)]
    same: dict[frozenset[str], list[int]] = defaultdict(list)
    for number, pieces in enumerate(frames):
        if len(pieces) >= TEMPLATE_MIN_PIECES:
            same[pieces].append(number)
    distinct = list(same)
    postings: dict[str, list[int]] = defaultdict(list)
    for k, pieces in enumerate(distinct):
        for piece in pieces:
            postings[piece].append(k)
    alike: dict[int, set[int]] = defaultdict(set)  # distinct frame → the distinct frames like it
    for k, pieces in enumerate(distinct):
        shared: Counter[int] = Counter(
            other for piece in pieces if len(postings[piece]) <= TEMPLATE_COMMON_PIECE
            for other in postings[piece] if other > k)
        for other, count in shared.items():
            if count >= TEMPLATE_OVERLAP * min(len(pieces), len(distinct[other])):
                alike[k].add(other)
                alike[other].add(k)
    group_of = {number: k for k, pieces in enumerate(distinct) for number in same[pieces]}
    copies_of = {k: len(same[pieces]) - 1 + sum(len(same[distinct[o]]) for o in alike[k])
                 for k, pieces in enumerate(distinct)}
    templated = [n for n in range(len(sentences))
                 if n in group_of and copies_of[group_of[n]] >= TEMPLATE_MIN_COPIES - 1]
    if not templated or len(templated) < TEMPLATE_SHARE * len(sentences):
        return ()
    kept: set[int] = set()  # the distinct frames whose first sentence was kept
    copies = []
    for number in templated:
        k = group_of[number]
        if k in kept or alike[k] & kept:
            copies.append(sentences[number])
        else:
            kept.add(k)
    return tuple(copies)


@frozen
class Density:
    """How much of the report's measure text is terms, and the discount that follows."""

    share: float
    discount: float


def density(sentences: Sequence[Sentence], hits: Sequence[Sequence[Hit]]) -> Density:
    """The term density of the measure sentences and the discount on their evidence."""
    total = sum(cjk_count(s.text) for s in sentences)
    covered = sum(coverage(s.text, h) * cjk_count(s.text) for s, h in zip(sentences, hits))
    share = covered / total if total else 0.0
    if share <= DENSITY_OK:
        return Density(share, 1.0)
    fall = (share - DENSITY_OK) / (DENSITY_MAX - DENSITY_OK)
    return Density(share, max(DENSITY_FLOOR, 1.0 - (1.0 - DENSITY_FLOOR) * fall))
