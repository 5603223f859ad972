"""The public entry points: score a report (a file or text), a document already read, a table of values."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pluggy
from attrs import evolve

from lawgov_score.dimension import DimensionPlugin, ReportContext
from lawgov_score.model.assessment import Assessment
from lawgov_score.model.framework import Dimension, Framework
from lawgov_score.model.observation import Observation, Unit
from lawgov_score.scoring.outline import outline_for_year
from lawgov_score.scoring.ranking import RankEntry, rank
from lawgov_score.scoring.scorer import Context, Scorer

if TYPE_CHECKING:
    from lawgov_score.reading.model import Document


def judged_by(document: Document, scorer: Scorer) -> tuple[Document, Scorer, Context]:
    """The scorer of the outline in force for the report's year (unless the framework was given),
    the document read with that outline's dimensions, and why."""
    if scorer.pinned or not scorer.framework.outline:
        reason = f"framework {scorer.framework.id} given by the user"
        return document, scorer, Context(framework_reason=reason)
    choice = outline_for_year(document.metadata.year)
    warnings = (choice.warning,) if choice.warning is not None else ()
    if choice.outline == scorer.framework.outline:
        return document, scorer, Context(framework_reason=choice.reason, warnings=warnings)
    from lawgov_score.framework import default_framework
    from lawgov_score.reading.document import analyse

    other = scorer.with_framework(default_framework(scorer.plugin_manager, list(scorer.plugins.values()),
                                                    outline=choice.outline))
    reread = analyse(document.original, source=document.source, sha256=document.sha256, format=document.format,
                     encoding=document.encoding, dimensions=other.framework.dimensions)
    return reread, other, Context(framework_reason=choice.reason, warnings=warnings)


def score_document(
    document: Document, scorer: Scorer, unit: Unit | None = None, strict: bool = False, level: str | None = None
) -> Assessment:
    """Score a report already read into a :class:`Document`.

    :param level: the unit's level (``county`` …), overriding the one read from the issuer.
    """
    from lawgov_score.assess.analysis import analyse_report, credibility_warnings
    from lawgov_score.assess.applicability import applies_as, unit_level
    from lawgov_score.assess.audit import audit_of

    document, scorer, context = judged_by(document, scorer)
    found = unit_level(document, level)
    doubts = credibility_warnings(analyse_report(document, scorer.framework.dimensions))
    context = evolve(context, level_reason=found.reason, warnings=(*context.warnings, *doubts))
    report = ReportContext(scorer.framework.dimensions, applies_as(found.level, found.government_level))

    def observe(plugin: DimensionPlugin | None, dimension: Dimension) -> Iterable[Observation]:
        return plugin.assess_report(document, dimension, report) if plugin is not None else ()

    meta = document.metadata
    unit = unit or Unit(name=meta.issuer or Path(document.source).stem, year=meta.year, level=found.level,
                        region=getattr(meta, "region", None), government_level=found.government_level)
    assessment = scorer.assess(unit, observe, document.sha256, document.source, strict, from_report=True,
                               context=context)
    return evolve(assessment, audit=audit_of(document))


def score_report(
    source: str | os.PathLike[str] | None = None,
    framework: Framework | str | os.PathLike[str] | None = None,
    *,
    text: str | None = None,
    pm: pluggy.PluginManager | None = None,
    strict: bool = False,
    level: str | None = None,
    force: bool = False,
) -> Assessment:
    """Read a report (a path, or ``text=``) and score it on every dimension of the framework.

    Without ``framework`` the report is judged by the national outline in force for the year it
    reports on (2015–2020 for reports on 2016–2020, else 2021–2025); the assessment says which and why.
    A document that is not an annual report on building a law-based government raises
    :class:`~lawgov_score.errors.InputError` with the reasons
    (:mod:`lawgov_score.reading.report_check`), unless ``force``.

    :param level: the unit's level (``county`` …), overriding the one read from the issuer.
    """
    from lawgov_score.reading.document import read
    from lawgov_score.reading.report_check import require_report

    scorer = Scorer.create(framework, pm)
    document = read(source, text=text, plugin_manager=scorer.plugin_manager, dimensions=scorer.framework.dimensions)
    if not force:
        require_report(document)
    return score_document(document, scorer, strict=strict, level=level)


def score_table(
    values: str | os.PathLike[str] | Iterable[tuple[Unit, Sequence[Observation]]],
    framework: Framework | str | os.PathLike[str] | None = None,
    *,
    pm: pluggy.PluginManager | None = None,
    strict: bool = False,
) -> tuple[list[Assessment], list[RankEntry]]:
    """Score a table of indicator values: one Assessment per unit, and their ranking.

    :param values: a JSON (``schemas/observations.schema.json``) or CSV file (long or wide), or
        ``(unit, observations)`` pairs.
    :param framework: a :class:`Framework`, a framework file, or ``None`` for the installed one.
    """
    from lawgov_score.tables import load_observations

    scorer = Scorer.create(framework, pm)
    if isinstance(values, (str, os.PathLike)):
        table = load_observations(values, scorer.framework)
        digest, source, groups = table.sha256, str(values), table.groups
    else:
        groups = [(unit, list(observations)) for unit, observations in values]
        digest, source = hashlib.sha256(repr(groups).encode()).hexdigest(), None
    keyed = [(unit, {obs.indicator: obs for obs in observations}) for unit, observations in groups]
    assessments = scorer.assess_table(keyed, digest, source)
    return assessments, rank(assessments)
