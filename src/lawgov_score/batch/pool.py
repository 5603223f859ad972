"""Running tasks on an executor with results in input order and a bounded number in flight.

Any :class:`concurrent.futures.Executor` will do — a process pool, a thread pool, a Dask
``Client(...).get_executor()``, Ray's — since only :meth:`~concurrent.futures.Executor.submit`
and the futures it returns are used. :func:`own_pool` is the process pool a run starts for
itself: ``jobs`` workers, each prepared by :func:`~lawgov_score.batch.worker.prepare_process`.
They are *spawned* — fresh interpreters, children of this process — rather than forked from a
process that may hold threads (a progress bar's, a notebook's), which can deadlock; they import
the library as a fork server's children would, and, being this process's own children, are
waited for, so that their time counts in this process's (``/usr/bin/time``, ``getrusage``).
"""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Generic, TypeVar

from attrs import frozen

if TYPE_CHECKING:
    from concurrent.futures import Executor, Future, ProcessPoolExecutor

A = TypeVar("A")
R = TypeVar("R")


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity where the system tells it), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # macOS and Windows have no affinity call
        return max(1, os.cpu_count() or 1)


class WorkerDied(Exception):
    """A worker process ended abruptly (killed, out of memory, a crash in a C library) while the
    tasks ``in_flight`` were submitted: the executor can run nothing more."""

    def __init__(self, in_flight: list[object]) -> None:
        super().__init__(f"a worker process died with {len(in_flight)} task(s) in flight")
        self.in_flight = in_flight


@frozen
class Done(Generic[R]):
    """A result known before any work (a file that cannot be read): passed through in its place."""

    value: R


def in_order(
    executor: Executor, function: Callable[[A], R], items: Iterable[A | Done[R]], in_flight: int
) -> Iterator[R]:
    """``function(item)`` for each item, computed on ``executor``, yielded in input order.

    :param items: the inputs, and among them results already known (:class:`Done`).
    :param in_flight: at most this many tasks are submitted and not yet yielded, so that memory
        stays bounded however many items there are.

    Leaving the loop early (an error, Ctrl-C, ``close()``) cancels the tasks not started.
    """
    from concurrent.futures import BrokenExecutor

    queue: deque[tuple[A | None, Future[R] | Done[R]]] = deque()
    running = 0
    source = iter(items)
    exhausted = False
    try:
        while True:
            while not exhausted and running < in_flight:
                try:
                    item = next(source)
                except StopIteration:
                    exhausted = True
                    break
                if isinstance(item, Done):
                    queue.append((None, item))
                else:
                    queue.append((item, executor.submit(function, item)))
                    running += 1
            if not queue:
                return
            task, head = queue.popleft()
            if isinstance(head, Done):
                yield head.value
                continue
            running -= 1
            try:
                result = head.result()
            except BrokenExecutor:
                raise WorkerDied([task, *(t for t, f in queue if not isinstance(f, Done))]) from None
            yield result
    finally:
        for _, pending in queue:
            if not isinstance(pending, Done):
                pending.cancel()


STOP_GRACE = 5.0
"""Seconds a run's workers have to finish the report they are on when the run stops."""


@contextmanager
def own_pool(jobs: int) -> Iterator[ProcessPoolExecutor]:
    """A process pool of ``jobs`` prepared workers, stopped on the way out.

    On an error or Ctrl-C the tasks not started are cancelled and each worker finishes the report
    it is on (they ignore Ctrl-C) and ends; one still busy after :data:`STOP_GRACE` seconds is
    terminated, so that a long report does not hold up the exit. Terminating a worker at once
    could cut the result it was sending in two, and the pool's manager thread, left waiting for
    the rest of it, would then keep the interpreter from exiting.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from lawgov_score.batch.worker import prepare_process

    pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn"), initializer=prepare_process)
    try:
        yield pool
    except BaseException:
        processes = list(getattr(pool, "_processes", {}).values())  # the standard library keeps them here
        pool.shutdown(wait=False, cancel_futures=True)
        deadline = time.monotonic() + STOP_GRACE
        for process in processes:
            process.join(max(0.0, deadline - time.monotonic()))
        for process in processes:
            if process.is_alive():
                process.terminate()
                process.join(5)
        raise
    pool.shutdown(wait=True)
