"""The outputs of score over many reports, written as the results come: the same content as
rendering all at once, JSON Lines that rank reads, memory that does not grow with the reports."""

from __future__ import annotations

import io
import json
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path

import openpyxl
import pytest
from batch_helpers import write_reports

from lawgov_score.batch import score_many
from lawgov_score.cli import main
from lawgov_score.cli.output import write_output
from lawgov_score.model.assessment import Assessment
from lawgov_score.render.assessments import Options, render
from lawgov_score.render.streams import pieces, stream_for
from lawgov_score.schemas import validate
from lawgov_score.scoring import rank, score_report


def cells(data: bytes) -> dict[str, list[list[object]]]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return {ws.title: [[c.value for c in row] for row in ws.iter_rows()] for ws in book.worksheets}


@pytest.fixture(scope="module")
def scored(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], list[Assessment]]:
    paths = write_reports(tmp_path_factory.mktemp("many") / "reports", 4)
    return paths, [score_report(p) for p in paths]


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json", "jsonl", "md"])
def test_streamed_outputs_equal_the_rendered(
    fmt: str, scored: tuple[list[Path], list[Assessment]], tmp_path: Path
) -> None:
    paths, assessments = scored
    out = tmp_path / f"out.{fmt}"
    assert main(["-q", "score", *map(str, paths), "--format", fmt, "-o", str(out), "--jobs", "2"]) == 0
    expected = render(assessments, rank(assessments), fmt, Options())
    written = out.read_bytes()
    if fmt == "xlsx":
        assert isinstance(expected, bytes) and cells(written) == cells(expected)
    else:
        assert written.decode("utf-8") == expected
    if fmt == "json":  # the outputs are checked against their schema here, not on every run
        validate(json.loads(written), "assessment", str(out))
    if fmt == "jsonl":
        for line in written.decode("utf-8").splitlines():
            validate(json.loads(line), "assessment", str(out), definition="Assessment")


def test_the_json_lines_are_what_rank_reads(
    scored: tuple[list[Path], list[Assessment]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths, assessments = scored
    out = tmp_path / "out.jsonl"  # the format from the extension
    assert main(["-q", "score", str(paths[0].parent), "-o", str(out), "--validate"]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [Assessment.from_dict(json.loads(line)) for line in lines] == assessments
    assert main(["-q", "rank", str(out), "--pipeline", "reports", "--format", "json"]) == 0
    ranked = json.loads(capsys.readouterr().out)
    assert sorted(u["unit"] for u in ranked["units"]) == sorted(a.unit.name for a in assessments)


def _peak_bytes(paths: list[Path], out: Path) -> int:
    stream = stream_for("jsonl")
    results = score_many(paths, jobs=1, product=stream.product)
    tracemalloc.start()
    try:
        write_output(pieces(stream, results), out, append=True)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_does_not_grow_with_the_number_of_reports(reports: Callable[..., list[Path]], tmp_path: Path) -> None:
    """The peak of a run of 40 reports is within a fifth of the peak of a run of 16, where keeping
    every assessment would make it grow 2.5-fold. (The assessing stage keeps the views of its last
    16 documents, a bounded cache: below 16 reports the peak grows with it.)"""
    paths = reports(56)
    score_report(paths[0])  # this process's plugins and patterns loaded before either run
    few = _peak_bytes(paths[:16], tmp_path / "few.jsonl")
    many = _peak_bytes(paths[16:], tmp_path / "many.jsonl")
    assert len((tmp_path / "many.jsonl").read_text(encoding="utf-8").splitlines()) == 40
    assert many < 1.2 * few, (few, many)


def test_what_the_producer_of_the_pieces_raises_is_raised_and_nothing_written(tmp_path: Path) -> None:
    """An error of the run (here a bug's ValueError) is not taken for the writer's own: it comes
    out as itself, and neither the target nor a temporary file is left."""
    from lawgov_score.writing import append_file, write_file

    def run() -> Iterator[str]:
        yield "first piece\n"
        raise ValueError("a bug in the run")

    for write in (write_file, append_file):
        with pytest.raises(ValueError, match="a bug in the run"):
            write(tmp_path / "out.txt", run())
        left = [p.name for p in tmp_path.iterdir()]
        assert left == ([] if write is write_file else ["out.txt"])
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == "first piece\n"  # the log keeps whole pieces
