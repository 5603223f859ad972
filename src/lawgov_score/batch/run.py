""":func:`score_many`: score many reports, here or on any executor, one result per source in input order."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Collection, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from attrs import frozen

from lawgov_score.batch.pool import Done, WorkerDied, in_order, own_pool, usable_cores
from lawgov_score.batch.results import LeftOut, Product, Result, Skipped, keep_assessment
from lawgov_score.batch.worker import FrameworkRef, Settings, Task, score_task, score_with_scorer, warm_scorer
from lawgov_score.errors import InputError

if TYPE_CHECKING:
    from concurrent.futures import Executor

    import pluggy

    from lawgov_score.model.framework import Framework
    from lawgov_score.scoring import Scorer

# Tasks in flight per worker: enough to keep every worker busy while the results ahead of
# theirs are written, few enough that memory does not depend on the number of reports.
IN_FLIGHT_PER_JOB = 4


@frozen
class ReportBytes:
    """A report given by its bytes rather than a path (standard input, an archive member)."""

    name: str
    data: bytes


Source = str | os.PathLike[str] | ReportBytes


class WorkerLost(InputError):
    """A worker process of a run's own pool died: the reports in flight are named (skipping files
    with ``keep_going`` does not help, scoring them alone finds the one at fault)."""


def score_many(
    sources: Iterable[Source],
    *,
    framework: Framework | str | os.PathLike[str] | None = None,
    disabled: Iterable[str] = (),
    executor: Executor | None = None,
    jobs: int | None = None,
    in_flight: int | None = None,
    force: bool = False,
    strict: bool = False,
    keep_going: bool = False,
    validate: bool = False,
    resume: str | os.PathLike[str] | Collection[str] | None = None,
    product: Product[Any] = keep_assessment,
) -> Iterator[Result[Any]]:
    """Score each report of ``sources``; yield one result per source, in input order.

    Each result is a :class:`~lawgov_score.batch.results.Scored` (with the report's summary and
    ``product(assessment, document)``, made in the worker: by default the assessment itself), a
    :class:`~lawgov_score.batch.results.LeftOut` (the file cannot be read or is not a report;
    only with ``keep_going``, else its error is raised when its turn comes), or a
    :class:`~lawgov_score.batch.results.Skipped` (the same bytes as an earlier source, or already
    in ``resume``). A report is read here (its bytes hashed, so duplicates and resumed ones are
    never sent); the worker reads, checks and scores it.

    :param framework: a :class:`~lawgov_score.model.framework.Framework` or a framework file;
        ``None``: the built-in framework of the outline in force for each report's year.
    :param disabled: the entry-point names of plugins to leave out.
    :param executor: any :class:`concurrent.futures.Executor` (a Dask
        ``Client(...).get_executor()``, Ray's, a thread pool): the work is submitted to it as
        module-level functions of picklable arguments. Give ``in_flight`` about twice its
        workers. Without one, ``jobs`` decides.
    :param jobs: worker processes (default: the usable cores); ``1`` scores in this process, as
        does a single source.
    :param in_flight: the most reports submitted and not yet yielded (default 4 per job).
    :param force: score documents that do not look like a report on building a law-based government.
    :param strict: a plugin fault is an error (:class:`~lawgov_score.errors.StrictModeError`).
    :param keep_going: yield a ``LeftOut`` for a report that cannot be read, instead of raising.
    :param validate: check each assessment against ``schemas/assessment.schema.json`` in the worker.
    :param resume: a JSON Lines file of assessments (or the SHA-256 digests of reports): the
        reports whose current assessment it holds are skipped (:mod:`lawgov_score.batch.resume`).
    :param product: what the worker makes of each scored report: a picklable callable.
    :raises InputError: a report cannot be read and not ``keep_going`` (in its turn: the results
        before it have been yielded).
    """
    settings = settings_for(framework, disabled, strict=strict, force=force, validate=validate, product=product)
    skip = _resumed(resume, settings)
    yield from score_with(sources, settings, executor=executor, jobs=jobs, in_flight=in_flight,
                          keep_going=keep_going, skip=skip)


def score_with(
    sources: Iterable[Source],
    settings: Settings,
    *,
    executor: Executor | None = None,
    jobs: int | None = None,
    in_flight: int | None = None,
    keep_going: bool = False,
    skip: Collection[str] = frozenset(),
    scorer: Scorer | None = None,
) -> Iterator[Result[Any]]:
    """:func:`score_many` with its settings made already (:func:`settings_for`) and the digests of
    the reports to skip: what the command line calls, having built its scorer and read its log.

    :param scorer: the scorer of ``settings`` to score with in this process (default: this
        process's warm one); worker processes build their own.
    """
    jobs = usable_cores() if jobs is None else jobs
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, got {jobs}")
    items = _tasks(sources, settings, skip)
    in_flight = in_flight or IN_FLIGHT_PER_JOB * jobs
    if executor is not None:
        yield from _raised(in_order(executor, score_task, items, in_flight), keep_going)
        return
    first = next(items, None)
    second = next(items, None) if first is not None else None
    every = _chain((item for item in (first, second) if item is not None), items)
    if jobs == 1 or second is None:
        here = scorer or warm_scorer(settings)
        yield from _raised((i.value if isinstance(i, Done) else score_with_scorer(here, i) for i in every),
                           keep_going)
        return
    with own_pool(jobs) as pool:
        try:
            yield from _raised(in_order(pool, score_task, every, in_flight), keep_going)
        except WorkerDied as died:
            names = [task.source for task in died.in_flight if isinstance(task, Task)]
            raise WorkerLost(
                "a worker process died (killed, out of memory, or a crash in a reader's library) while "
                f"scoring one of: {', '.join(names)}; the results before them were kept — score those files "
                "alone (--jobs 1) to find the one at fault", names[0] if names else None) from None


def settings_for(
    framework: Framework | str | os.PathLike[str] | None,
    disabled: Iterable[str] = (),
    *,
    strict: bool = False,
    force: bool = False,
    validate: bool = False,
    product: Product[Any] = keep_assessment,
    pm: pluggy.PluginManager | None = None,
) -> Settings:
    """The :class:`~lawgov_score.batch.worker.Settings` of a run (a framework file is read here,
    once, with the plugins of ``pm``, by default those not ``disabled``)."""
    from lawgov_score.model.framework import Framework

    disabled = tuple(disabled)
    if framework is not None and not isinstance(framework, Framework):
        from lawgov_score.framework import load_framework
        from lawgov_score.plugins import get_plugin_manager

        framework = load_framework(framework, pm or get_plugin_manager(disabled, strict=strict))
    ref = FrameworkRef.of(framework) if framework is not None else None
    return Settings(ref, disabled, strict=strict, force=force, validate=validate, product=product)


def _resumed(resume: str | os.PathLike[str] | Collection[str] | None, settings: Settings) -> Collection[str]:
    if resume is None:
        return frozenset()
    if isinstance(resume, (str, os.PathLike)):
        from lawgov_score.batch.resume import RunKey, read_log

        return read_log(resume, RunKey.of(warm_scorer(settings))).current
    return resume


def _tasks(sources: Iterable[Source], settings: Settings, skip: Collection[str]) -> Iterator[Task | Done[Result[Any]]]:
    """Each source read and hashed, as a task — or, when its bytes came earlier or are in the
    resumed output, a :class:`Skipped`, and when it cannot be read a :class:`LeftOut`."""
    from lawgov_score.reading.sources import read_file

    seen: dict[bytes, str] = {}
    for index, source in enumerate(sources):
        name = source.name if isinstance(source, ReportBytes) else os.fspath(source)
        try:
            data = source.data if isinstance(source, ReportBytes) else read_file(Path(source), name)
        except InputError as error:
            yield Done(LeftOut.of(index, error, name))
            continue
        digest = hashlib.sha256(data).digest()
        sha256 = digest.hex()
        if digest in seen:
            yield Done(Skipped(index, name, sha256, same_as=seen[digest]))
        elif sha256 in skip:
            seen[digest] = name
            yield Done(Skipped(index, name, sha256))
        else:
            seen[digest] = name
            yield Task(index, name, data, sha256, settings)


def _chain(*parts: Iterable[Task | Done[Result[Any]]]) -> Iterator[Task | Done[Result[Any]]]:
    for part in parts:
        yield from part


def _raised(results: Iterable[Result[Any]], keep_going: bool) -> Iterator[Result[Any]]:
    """The results, with a left-out report raised as its error unless ``keep_going``."""
    for result in results:
        if isinstance(result, LeftOut) and not keep_going:
            raise result.error
        yield result
