"""What a report states, attributed: which key task each clause and fact is evidence of.

Done once per report and set of dimensions (every dimension plugin reads the same analysis):

1. each measure sentence is read once by its content (a statement repeated anywhere counts once;
   one that repeats a heading is a heading);
   a term list earns nothing, nor does a copy of a template filled in for many tasks;
2. each clause (between commas and semicolons) is given at most one key task: the one whose term
   in the clause is most specific (longest), the clause's last term (the object of its verb) and
   the section the sentence stands in breaking ties — a prior, never the evidence;
3. a clause with no term of its own continues the task of the clause before it in the same
   sentence (办理复议案件568宗,办结437宗; 开展规范性文件清理,保留40件,废止17件);
4. a figure is credited to the task of its clause, and to no other (one fact, one task); a figure
   whose clause names no task is credited to its dimension's data only;
5. a clause that reports a bad result (see :mod:`~lawgov_score.assess.adverse`) is evidence against
   its dimension, never for it: neither its figures nor those of the clauses that go on telling it
   (the rest of its sentence; all of it when the bad news is a passive — 被责令纠正 — about the
   clause before) are credited;
6. each clause's evidence is graded: ``quantified`` (a credited figure), ``action`` (a named
   document, mechanism, platform, body or event, or a date), ``mentioned`` (the task is named).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache

from attrs import frozen

from lawgov_score.assess import credibility
from lawgov_score.assess.audit import audit_of, inconsistent_spans
from lawgov_score.assess.lexicon import adverse_kind, specific_action
from lawgov_score.assess.terms import Hit, term_index
from lawgov_score.assess.view import ReportView, Sentence, StatedFact, view_of
from lawgov_score.model.assessment import ScoreWarning
from lawgov_score.model.framework import Dimension
from lawgov_score.reading.han import han_count
from lawgov_score.reading.model import Document
from lawgov_score.reading.report_check import FORMULA

MENTIONED, ACTION, QUANTIFIED = 1, 2, 3
GRADE_NAMES = {0: "none", MENTIONED: "mentioned", ACTION: "action", QUANTIFIED: "quantified"}


@frozen
class Evidence:
    """One clause that is evidence of a key task (or, with ``task`` None, of a dimension only)."""

    sentence: Sentence
    clause: int
    dimension: str
    task: str | None
    terms: tuple[str, ...]
    grade: int
    detail: str
    """What earned the grade: the figure's quote, or the words of the specific action."""
    facts: tuple[StatedFact, ...] = ()

    @property
    def text(self) -> str:
        start, end = self.sentence.clauses[self.clause]
        return self.sentence.text[start:end]


@frozen
class Analysis:
    """The attributed evidence of one report, for every dimension of a framework."""

    evidence: dict[str, tuple[Evidence, ...]]
    """Dimension code → its evidence clauses, in report order."""
    facts: dict[str, tuple[StatedFact, ...]]
    """Dimension code → the distinct credited figures of that dimension."""
    term_lists: tuple[Sentence, ...]
    templated: tuple[Sentence, ...]
    """Copies of a template the report fills in for many tasks (all but the first): not credited."""
    repeated: frozenset[float]
    implausible: tuple[StatedFact, ...]
    contradicted: tuple[StatedFact, ...]
    """Figures the report's own arithmetic contradicts (an inconsistent audit finding): not credited."""
    density: credibility.Density
    hits: dict[int, tuple[Hit, ...]]
    """Sentence index → the terms in it."""

    def of_task(self, dimension: str, task: str) -> list[Evidence]:
        """The evidence of one key task."""
        return [e for e in self.evidence.get(dimension, ()) if e.task == task]


def _choose(hits: Sequence[Hit], sentence: Sentence, codes: frozenset[str]) -> tuple[str, str | None] | None:
    """The one (dimension, task) a clause speaks of: its most specific term, the last one (the object
    of its verb: 对…重大行政决策开展决策后评估 is evaluation) breaking near-ties, then the section."""
    best: tuple[float, int, str, str | None] | None = None
    for position, hit in enumerate(hits):
        for code, task in hit.owners:
            if code not in codes:
                continue
            weight = len(hit.term) + (0.5 if task is not None else 0.0)
            weight += 1.5 if position == len(hits) - 1 and len(hits) > 1 else 0.0
            weight += 0.75 if code in sentence.section_dimensions else 0.0
            candidate = (weight, -position, code, task)
            if best is None or candidate[:2] > best[:2]:
                best = candidate
    return None if best is None else (best[2], best[3])


def _credible(stated: StatedFact, repeated: frozenset[float], implausible: set[int]) -> bool:
    if id(stated) in implausible or stated.earlier_level:
        return False
    return not (stated.fact.kind in ("count", "amount") and stated.fact.value in repeated)


@lru_cache(maxsize=16)
def analyse_report(document: Document, dimensions: tuple[Dimension, ...]) -> Analysis:
    """Attribute the evidence of ``document`` to the key tasks of ``dimensions`` (cached)."""
    view = view_of(document)
    index = term_index(dimensions)
    codes = frozenset(d.code for d in dimensions)
    # a heading is never evidence, nor is the same words again in the body (a title repeated)
    seen: set[str] = {s.key for s in view.sentences if s.heading and s.key}
    unique: list[Sentence] = []
    for sentence in view.measures:
        if _only_formula(sentence.text):
            continue  # 现将有关情况报告如下: the report's own formula names no work of the year
        if sentence.key and sentence.key not in seen:
            seen.add(sentence.key)
            unique.append(sentence)
    hits = {s.index: tuple(index.find(s.text)) for s in unique}
    term_lists = tuple(s for s in unique if credibility.is_term_list(s, hits[s.index]))
    listed = {s.index for s in term_lists}
    statements = [s for s in unique if s.index not in listed]
    templated = credibility.template_copies(statements, [hits[s.index] for s in statements])
    copies = {s.index for s in templated}
    kept = [s for s in statements if s.index not in copies]
    stated = _stated_by_sentence(view)
    candidates = [f for s in kept for f in stated.get(s.index, ())]
    distinct = list({f.key: f for f in candidates}.values())
    repeated = credibility.repeated_values(distinct)
    implausible = tuple(f for f in candidates if credibility.implausible(f))
    spans = inconsistent_spans(audit_of(document))
    contradicted = tuple(f for f in candidates if spans.overlaps(f.fact.start, f.fact.end))
    rejected = {id(f) for f in (*implausible, *contradicted)}
    evidence: dict[str, list[Evidence]] = defaultdict(list)
    facts: dict[str, dict[str, StatedFact]] = defaultdict(dict)
    for sentence in kept:
        _attribute(sentence, hits[sentence.index], stated.get(sentence.index, ()), codes, repeated, rejected,
                   evidence, facts)
    return Analysis(
        evidence={code: tuple(items) for code, items in evidence.items()},
        facts={code: tuple(items.values()) for code, items in facts.items()},
        term_lists=term_lists,
        templated=templated,
        repeated=repeated,
        implausible=implausible,
        contradicted=contradicted,
        density=credibility.density(kept, [hits[s.index] for s in kept]),
        hits=hits,
    )


_FORMULA_SLACK = 2  # Chinese characters a formula's sentence may hold besides it (如下, 特此)


def _only_formula(text: str) -> bool:
    """Whether a sentence is the report's opening or closing formula and nothing more."""
    found = FORMULA.search(text)
    return found is not None and han_count(text[: found.start()] + text[found.end():]) <= _FORMULA_SLACK


def _stated_by_sentence(view: ReportView) -> dict[int, tuple[StatedFact, ...]]:
    out: dict[int, list[StatedFact]] = defaultdict(list)
    for item in view.stated:
        out[item.sentence.index].append(item)
    return {index: tuple(items) for index, items in out.items()}


def _attribute(
    sentence: Sentence,
    hits: Sequence[Hit],
    stated: Sequence[StatedFact],
    codes: frozenset[str],
    repeated: frozenset[float],
    rejected: set[int],
    evidence: dict[str, list[Evidence]],
    facts: dict[str, dict[str, StatedFact]],
) -> None:
    """Give each clause of one sentence its task and grade, and each credible figure its dimension."""
    previous: tuple[str, str | None] | None = None
    against = _against(sentence)
    for number, (start, end) in enumerate(sentence.clauses):
        clause = sentence.text[start:end]
        if number >= against:  # bad news is evidence against the task, never for it
            continue
        own = [h for h in hits if start <= h.start < end]
        figures = [f for f in stated if f.clause == number and _credible(f, repeated, rejected)]
        choice = _choose(own, sentence, codes)
        continued = False
        if choice is None and figures and previous is not None:
            choice, continued = previous, True
        if choice is None:
            for figure in figures:  # no term at all: the reader's dimension of the figure, data only
                code = next((c for c in figure.fact.dimensions if c in codes), None)
                if code is not None:
                    facts[code].setdefault(figure.key, figure)
            continue
        code, task = choice
        counted = [f for f in figures if continued or not credibility.is_bare(clause, own, f, start)]
        for figure in counted:
            facts[code].setdefault(figure.key, figure)
        terms = tuple(dict.fromkeys(h.term for h in own))
        if counted:
            grade, detail = QUANTIFIED, "、".join(f.fact.quote for f in counted)
        elif (action := specific_action(clause)) is not None:
            grade, detail = ACTION, action
        else:
            grade, detail = MENTIONED, "、".join(terms)
        if own or counted:
            evidence[code].append(Evidence(sentence, number, code, task, terms, grade, detail, tuple(counted)))
        previous = choice


def _against(sentence: Sentence) -> int:
    """The first clause of ``sentence`` that is bad news or tells more of it: from the first adverse
    clause on (发生数据泄露事件2起,涉及个人信息3万余条), or every clause when one is a passive that
    speaks of the clause before it (有3项决策未依法审查,被责令纠正)."""
    for number, (start, end) in enumerate(sentence.clauses):
        found = adverse_kind(sentence.text[start:end])
        if found is not None:
            return 0 if found[1].startswith("被") and sentence.text[start:end].lstrip().startswith("被") else number
    return len(sentence.clauses)


def credibility_warnings(analysis: Analysis) -> list[ScoreWarning]:
    """What the report's reader must know about evidence that was discounted or not credited."""
    out = []
    for code, sentences, en, zh in (
        ("credibility.term_list", analysis.term_lists, "only string the framework's terms together", "仅罗列指标术语"),
        ("credibility.templated", analysis.templated, "repeat a template with only terms and numbers changed",
         "套用同一句式、仅替换术语和数字"),
    ):
        if sentences:
            first = sentences[0].quote[:40]
            out.append(ScoreWarning(code, f"{len(sentences)} sentence(s) {en} and earn nothing (first: {first})",
                                    f"{len(sentences)}处语句{zh}，不计分（首处：{first}）"))
    density = analysis.density
    if density.discount < 1:
        out.append(ScoreWarning(
            "credibility.term_density",
            f"{density.share:.0%} of the report's text is the framework's terms (real reports stay below "
            f"{credibility.DENSITY_OK:.0%}): its evidence is credited at {density.discount:.0%}",
            f"报告正文{density.share:.0%}为指标术语（真实报告低于{credibility.DENSITY_OK:.0%}）：证据按{density.discount:.0%}计"))
    if analysis.repeated:
        values = "、".join(f"{v:g}" for v in sorted(analysis.repeated))
        out.append(ScoreWarning(
            "credibility.repeated_number",
            f"the same number ({values}) is stated for many unrelated things: those figures are not credited",
            f"同一数字（{values}）用于多项不相关事项：相关数据不予采信"))
    if analysis.implausible:
        quotes = "；".join(f.fact.quote for f in analysis.implausible[:3])
        out.append(ScoreWarning(
            "credibility.implausible", f"impossible values (a rate above 100%) are not credited: {quotes}",
            f"不可能的数值（比率超过100%）不予采信：{quotes}"))
    if analysis.contradicted:
        quotes = "；".join(f.fact.quote for f in analysis.contradicted[:3])
        out.append(ScoreWarning(
            "credibility.inconsistent",
            f"figures the report's own arithmetic contradicts are not credited (see the audit): {quotes}",
            f"与报告自身数据相矛盾的数字不予采信（见一致性核验）：{quotes}"))
    return out
