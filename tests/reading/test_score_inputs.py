"""The command line on inputs as users give them: mistyped paths, standard input, non-reports,
folders with PDFs, old formats and stray files, almost-right encodings."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from paths import DATA, SEED

NOTICE = (DATA / "report_check" / "negatives.txt").read_text(encoding="utf-8").split("=== n18")[1].split("===")[0]
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500


def lawgov(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "lawgov_score", *args], input=stdin, capture_output=True,
                          timeout=120, env={**os.environ, "COLUMNS": "200"})


def test_a_mistyped_path_is_an_error_not_a_report() -> None:
    result = lawgov("score", "./reprots")
    assert result.returncode == 2 and result.stdout == b""
    assert "./reprots: no such file or folder" in result.stderr.decode()
    result = lawgov("extract", "nope.txt")
    assert result.returncode == 2 and "nope.txt: no such file" in result.stderr.decode()


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_a_report_from_standard_input(encoding: str) -> None:
    result = lawgov("score", "-", "--format", "json", stdin=SEED.read_text(encoding="utf-8").encode(encoding))
    assert result.returncode == 0, result.stderr
    [assessment] = json.loads(result.stdout)["assessments"]
    assert assessment["provenance"]["source"] == "<stdin>" and assessment["unit"]["name"] == "深圳市宝安区人民政府"
    extracted = lawgov("extract", "-", stdin=SEED.read_text(encoding="utf-8").encode(encoding))
    assert json.loads(extracted.stdout)["encoding"] == encoding
    assert lawgov("score", "-", "-").returncode == 2


def test_a_non_report_is_refused_unless_forced(tmp_path: Path) -> None:
    path = tmp_path / "notice.txt"
    path.write_text(NOTICE, encoding="utf-8")
    refused = lawgov("score", str(path))
    message = refused.stderr.decode()
    assert refused.returncode == 2 and refused.stdout == b""
    assert f"{path}: this does not look like an annual report" in message and "--force" in message
    assert "Traceback" not in message
    forced = lawgov("score", str(path), "--force", "--format", "json")
    assert forced.returncode == 0 and json.loads(forced.stdout)["assessments"][0]["dimensions"]


def test_a_folder_names_every_file_it_leaves_out(tmp_path: Path, seed_pdfs: dict[str, Path]) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "seed.txt").write_bytes(SEED.read_bytes())
    pdf = next(iter(seed_pdfs.values()), None)
    if pdf is not None:
        (folder / "seed.pdf").write_bytes(pdf.read_bytes())
    (folder / "old.doc").write_bytes(OLE)
    (folder / "notice.txt").write_text(NOTICE, encoding="utf-8")
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    stopped = lawgov("score", str(folder))
    assert stopped.returncode == 2 and stopped.stdout == b""
    assert "--keep-going" in stopped.stderr.decode()
    out = tmp_path / "out.json"
    kept = lawgov("score", str(folder), "--keep-going", "--format", "json", "-o", str(out))
    err = kept.stderr.decode()
    assert kept.returncode == 2
    assert f"left out: {folder / 'old.doc'}: unsupported format (doc)" in err and "--convert-to docx" in err
    assert f"left out: {folder / 'notice.txt'}: this does not look like an annual report" in err
    assert "1 other file(s) not considered" in err and "2 of " in err
    sources = [a["provenance"]["source"] for a in json.loads(out.read_text(encoding="utf-8"))["assessments"]]
    assert sources == sorted(str(folder / name) for name in ("seed.txt", "seed.pdf") if (folder / name).exists())


def test_reading_warnings_are_printed(tmp_path: Path) -> None:
    data = bytearray(SEED.read_bytes())
    data[500] = 0xFF
    path = tmp_path / "r.txt"
    path.write_bytes(bytes(data))
    result = lawgov("score", str(path))
    err = result.stderr.decode()
    assert result.returncode == 0, err
    assert f"warning: {path}: " in err and "replaced by U+FFFD, at byte offset" in err
