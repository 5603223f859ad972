"""The work done for one report, wherever it runs: in this process, a process pool's worker, or a
cluster's (Dask, Ray).

:func:`score_task` is a module-level function of one picklable :class:`Task`, as every executor
needs. Each process keeps one warm :class:`~lawgov_score.scoring.Scorer` per set of
:class:`Settings` (:func:`warm_scorer`), built on its first report: building one scans the
plugins' entry points and their definitions, which costs more than scoring a report.

This module imports no more than it must at import time, so that :func:`prepare_process` sets the
BLAS thread variables before numpy is loaded in a fresh worker.
"""

from __future__ import annotations

import os
import pickle
import signal
from typing import TYPE_CHECKING, Any

from attrs import frozen

from lawgov_score.batch.results import LeftOut, Product, Scored, Summary, keep_assessment

if TYPE_CHECKING:
    import pluggy

    from lawgov_score.model.framework import Framework
    from lawgov_score.scoring import Scorer

# numpy's BLAS would start a thread per core in every worker for the engine's tiny arrays: one
# thread each, unless the user chose otherwise.
BLAS_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


@frozen
class FrameworkRef:
    """A framework as it travels to the workers: its digest (the cache key) and its pickled bytes,
    unpickled only by a worker that has not built a scorer for it yet."""

    digest: str
    payload: bytes

    @classmethod
    def of(cls, framework: Framework) -> FrameworkRef:
        from lawgov_score.framework import framework_digest

        return cls(framework_digest(framework), pickle.dumps(framework, protocol=pickle.HIGHEST_PROTOCOL))


@frozen
class Settings:
    """How every report of a run is scored: the framework (``None``: the built-in one of the
    report's year), the plugins left out, ``strict`` and ``force`` as in
    :func:`~lawgov_score.scoring.score_report`, ``validate`` (check each assessment against its
    schema), and the product the output needs (:class:`~lawgov_score.batch.results.Product`)."""

    framework: FrameworkRef | None = None
    disabled: tuple[str, ...] = ()
    strict: bool = False
    force: bool = False
    validate: bool = False
    product: Product[Any] = keep_assessment

    @property
    def scorer_key(self) -> tuple[str | None, tuple[str, ...], bool]:
        return (self.framework.digest if self.framework else None, self.disabled, self.strict)


@frozen
class Task:
    """One report to score: its place in the input, its name, its bytes and their SHA-256."""

    index: int
    source: str
    data: bytes
    sha256: str
    settings: Settings


# The warm scorers of this process, by Settings.scorer_key. Built once per process and never
# changed after: a cache, not state a result depends on.
_SCORERS: dict[tuple[str | None, tuple[str, ...], bool], Scorer] = {}


def warm_scorer(settings: Settings) -> Scorer:
    """This process's scorer for ``settings``, built on first use."""
    scorer = _SCORERS.get(settings.scorer_key)
    if scorer is None:
        scorer = _SCORERS[settings.scorer_key] = new_scorer(settings)
    return scorer


def new_scorer(settings: Settings, pm: pluggy.PluginManager | None = None) -> Scorer:
    """A scorer for ``settings`` (with the plugins of ``pm`` when given)."""
    from lawgov_score.plugins import get_plugin_manager
    from lawgov_score.scoring import Scorer

    framework = pickle.loads(settings.framework.payload) if settings.framework else None
    return Scorer.create(framework, pm or get_plugin_manager(settings.disabled, strict=settings.strict))


def score_task(task: Task) -> Scored[Any] | LeftOut:
    """Read, check and score one report, and make the product its output needs.

    A report that cannot be read or is not a report (unless ``force``) is a :class:`LeftOut`;
    anything else raised (``strict`` faults, bugs) is raised.
    """
    return score_with_scorer(warm_scorer(task.settings), task)


def score_with_scorer(scorer: Scorer, task: Task) -> Scored[Any] | LeftOut:
    """:func:`score_task` with a scorer given (the caller's own, in its process)."""
    from lawgov_score.errors import InputError
    from lawgov_score.reading.document import read_data
    from lawgov_score.reading.report_check import require_report
    from lawgov_score.scoring import score_document

    settings = task.settings
    try:
        document = read_data(task.data, task.source, plugin_manager=scorer.plugin_manager,
                             dimensions=scorer.framework.dimensions)
        if not settings.force:
            require_report(document)
    except InputError as error:
        return LeftOut.of(task.index, error, task.source)
    assessment = score_document(document, scorer, strict=settings.strict)
    if settings.validate:
        from lawgov_score.model.serialise import to_dict
        from lawgov_score.schemas import validate

        validate(to_dict(assessment), "assessment", "<output>", definition="Assessment", place=task.source)
    return Scored(task.index, task.source, task.sha256, Summary.of(assessment, document),
                  settings.product(assessment, document))


def prepare_process() -> None:
    """The initializer of a worker process this library starts: one BLAS thread (unless the
    user's environment says otherwise), and Ctrl-C left to the parent, which stops the pool."""
    for variable in BLAS_THREAD_VARIABLES:
        os.environ.setdefault(variable, "1")
    signal.signal(signal.SIGINT, signal.SIG_IGN)
