"""score_many: results in input order wherever the work runs, a bad report never losing the others."""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from lawgov_score.batch import LeftOut, Scored, Skipped, score_many
from lawgov_score.batch.pool import own_pool
from lawgov_score.errors import InputError
from lawgov_score.render.assessments import json_line
from lawgov_score.render.products import JsonLine
from lawgov_score.scoring import score_report


def outline(results: list[Any]) -> list[tuple[str, int, str]]:
    """Each result's kind, index and source."""
    return [(type(r).__name__, r.index, r.source) for r in results]


def test_input_order_in_process_in_a_pool_and_on_a_thread_pool(reports: Callable[..., list[Path]]) -> None:
    paths = reports(5)
    sources = [paths[0], paths[1], paths[2], paths[0], paths[3], paths[4]]  # the same bytes twice: scored once
    here = list(score_many(sources, jobs=1, product=JsonLine()))
    assert outline(here) == [("Scored", 0, str(paths[0])), ("Scored", 1, str(paths[1])),
                             ("Scored", 2, str(paths[2])), ("Skipped", 3, str(paths[0])),
                             ("Scored", 4, str(paths[3])), ("Scored", 5, str(paths[4]))]
    assert isinstance(here[3], Skipped) and here[3].same_as == str(paths[0])
    assert [r.product for r in here if isinstance(r, Scored)] == [json_line(score_report(p)) for p in paths]
    pool = list(score_many(sources, jobs=2, in_flight=2, product=JsonLine()))
    with ThreadPoolExecutor(3) as executor:
        threads = list(score_many(sources, executor=executor, product=JsonLine()))
    assert pool == here and threads == here
    names = [r.summary.unit.name for r in here if isinstance(r, Scored)]
    assert len(set(names)) == 5 and names[0] == "示例乙区人民政府"


def test_a_broken_file_in_the_middle_is_left_out_and_the_others_kept(
    reports: Callable[..., list[Path]], tmp_path: Path
) -> None:
    good = reports(3)
    empty = tmp_path / "reports" / "empty.txt"
    empty.write_bytes(b"")
    missing = tmp_path / "gone.txt"
    sources = [good[0], empty, good[1], missing, good[2]]
    results = list(score_many(sources, jobs=2, keep_going=True))
    assert outline(results) == [("Scored", 0, str(good[0])), ("LeftOut", 1, str(empty)), ("Scored", 2, str(good[1])),
                                ("LeftOut", 3, str(missing)), ("Scored", 4, str(good[2]))]
    left = [r for r in results if isinstance(r, LeftOut)]
    assert [str(r.error) for r in left] == [f"{empty}: the file is empty", f"{missing}: no such file"]
    # Without keep_going the first bad report is raised in its turn, after the results before it.
    seen: list[Any] = []
    with pytest.raises(InputError, match="the file is empty"):
        for result in score_many(sources, jobs=1):
            seen.append(result)
    assert outline(seen) == [("Scored", 0, str(good[0]))]


def test_the_workers_get_one_blas_thread_unless_the_user_chose(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    monkeypatch.setenv("OMP_NUM_THREADS", "3")
    with own_pool(1) as pool:
        assert pool.submit(os.getenv, "OPENBLAS_NUM_THREADS").result() == "1"
        assert pool.submit(os.getenv, "OMP_NUM_THREADS").result() == "3"
    assert "OPENBLAS_NUM_THREADS" not in os.environ  # this process is left as it was


def test_on_a_dask_cluster(reports: Callable[..., list[Path]]) -> None:
    """The same call on a Dask cluster of two worker processes gives the same results."""
    distributed = pytest.importorskip("distributed")
    paths = reports(4)
    expected = list(score_many(paths, jobs=1, product=JsonLine()))
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    with cluster, distributed.Client(cluster) as client:
        results = list(score_many(paths, executor=client.get_executor(), in_flight=4, product=JsonLine()))
    assert results == expected


def test_a_worker_that_dies_is_an_error_naming_the_reports_in_flight(reports: Callable[..., list[Path]]) -> None:
    """A worker ended abruptly (here its product calls os._exit on the second report, as the
    out-of-memory killer or a crash in a reader's C library would) stops the run with a message
    naming the reports in flight, after the results before them — not a BrokenProcessPool traceback."""
    from batch_helpers import dies_on_the_second

    paths = reports(5)
    seen: list[Any] = []
    with pytest.raises(InputError, match="a worker process died") as caught:
        for result in score_many(paths, jobs=2, in_flight=2, product=dies_on_the_second):
            seen.append(result)
    assert str(paths[1]) in caught.value.message
    assert [r.source for r in seen] == [str(p) for p in paths[: len(seen)]] and len(seen) <= 1
