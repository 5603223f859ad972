"""``lawgov-score extract``: JSON that validates against the schema, a readable table, clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from reading_helpers import REPORTS, html_page

from lawgov_score.cli import main
from lawgov_score.errors import ValidationErrors
from lawgov_score.model.framework import Dimension
from lawgov_score.reading.document import read
from lawgov_score.reading.serialise import document_to_dict, document_to_table, fit, validate_document, width


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_json_validates_and_has_the_promised_members(capsys: pytest.CaptureFixture[str], seed_path: Path) -> None:
    status, out, _ = run(capsys, "extract", str(seed_path))
    assert status == 0
    data = json.loads(out)
    validate_document(data)
    top = [s for s in data["sections"] if s["role"] not in ("preamble", "closing")]
    assert len(top) == 11
    for section in top:
        assert {"level", "title", "start", "end", "dimensions"} <= set(section)
    assert data["facts"]
    original = seed_path.read_text(encoding="utf-8")
    for found in data["facts"]:
        assert {"value", "unit", "approx", "kind", "subject", "quote", "start", "end", "dimensions"} <= set(found)
        assert original[found["start"]:found["end"]] == found["quote"]
    assert data["metadata"]["issuer"] == "深圳市宝安区人民政府"
    assert "offsets" not in data and "text" not in data


def test_json_with_texts(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(html_page((REPORTS / "leader_first.txt").read_text(encoding="utf-8")), encoding="utf-8")
    status, out, _ = run(capsys, "extract", str(path), "--text")
    data = json.loads(out)
    validate_document(data)
    assert status == 0 and data["format"] == "html"
    assert len(data["offsets"]) == len(data["text"]) + 1
    assert data["original"][data["facts"][0]["start"]:data["facts"][0]["end"]] == data["facts"][0]["quote"]


def test_table_is_aligned_for_a_terminal(capsys: pytest.CaptureFixture[str], dimensions: tuple[Dimension, ...]) -> None:
    path = REPORTS / "measures_first.txt"
    status, out, _ = run(capsys, "extract", str(path), "--format", "table")
    assert status == 0
    assert out == document_to_table(read(path, dimensions=dimensions))
    lines = out.splitlines()
    assert any(line.startswith("一、主要举措和成效") for line in lines)
    assert any(line.startswith("  1.压实法治建设第一责任人职责") and "D10" in line for line in lines)
    header = lines.index(next(line for line in lines if line.startswith("FACTS"))) + 1
    column = width(lines[header][: lines[header].index("quote")])
    rows = lines[header + 1:]
    document = read(path, dimensions=dimensions)
    assert len(rows) == len(document.facts)
    # The quote column starts at the same terminal column on every row, whatever comes before it.
    for row, found in zip(rows, document.facts, strict=True):
        quote = fit(found.quote, 40).rstrip()
        assert row.endswith(quote)
        assert width(row[: len(row) - len(quote)]) == column


def test_output_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out_path = tmp_path / "doc.json"
    status, out, _ = run(capsys, "extract", str(REPORTS / "parts.txt"), "-o", str(out_path))
    assert status == 0 and out == ""
    validate_document(json.loads(out_path.read_text(encoding="utf-8")))
    assert run(capsys, "extract", str(REPORTS / "parts.txt"), "--validate")[0] == 0


@pytest.mark.parametrize(("name", "data", "message"), [
    ("empty.txt", b"", "empty"),
    ("broken.pdf", b"%PDF-1.4 \x00\x01", "not a readable PDF"),
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 50, "save it as .docx"),
    ("junk.txt", b"\x00\x01\x02" * 100, "binary"),
])
def test_errors_name_the_file_and_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str,
                                         data: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    status, out, err = run(capsys, "extract", str(path))
    assert status == 2 and out == ""
    assert str(path) in err and message in err


def test_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, _, err = run(capsys, "extract", str(tmp_path / "missing.txt"))
    assert status == 2 and "no such file" in err


def test_schema_rejects_a_broken_document() -> None:
    from lawgov_score.reading.document import analyse

    data = document_to_dict(analyse("一、甲\n办理案件12件。\n", dimensions=()))
    validate_document(data)
    data["facts"][0]["start"] = -1
    del data["sections"][0]["title"]
    with pytest.raises(ValidationErrors) as caught:
        validate_document(data, "bad.json")
    paths = {error.location for error in caught.value.errors}
    assert paths == {"$.facts[0].start", "$.sections[0]"}


def test_fit_counts_wide_characters() -> None:
    assert width("法治ab") == 6
    assert fit("法治政府建设", 7) == "法治政…"
    assert width(fit("法治政府建设", 7)) == 7
    assert fit("ab", 4) == "ab  "


def test_json_keeps_the_readers_warnings(capsys: pytest.CaptureFixture[str], tmp_path: Path, seed_path: Path) -> None:
    """Invalid bytes replaced while decoding are told in the JSON too, not only on standard error."""
    data = seed_path.read_bytes()
    damaged = tmp_path / "damaged.txt"
    damaged.write_bytes(data[:300] + b"\xff\xfe" + data[300:])
    status, out, err = run(capsys, "extract", str(damaged))
    document = json.loads(out)
    validate_document(document)
    assert status == 0 and document["warnings"] == ["2 invalid bytes in otherwise valid UTF-8 replaced by "
                                                     "U+FFFD, at byte offsets 300–301"]
    assert "byte offsets 300–301" in err
    assert json.loads(run(capsys, "extract", str(seed_path))[1])["warnings"] == []
