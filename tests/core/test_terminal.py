"""The terminal: results on stdout, warnings on stderr as --quiet and --verbose say, one compact
table for many reports fitted to the terminal's width, global options anywhere, --explain in any
case and in every format, the format from -o, the same file scored once, one JSON shape."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lawgov_score.cli import main
from lawgov_score.model.assessment import Assessment
from lawgov_score.render.terminal import summary_table, to_text
from lawgov_score.render.text_table import display_width
from lawgov_score.scoring import rank
from paths import SEED

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    def call(*argv: str) -> tuple[int, str, str]:
        status = main(list(argv))
        captured = capsys.readouterr()
        return status, captured.out, captured.err

    return call


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three distinct reports (the seed, and two copies that differ by a line) and the seed again."""
    folder = tmp_path_factory.mktemp("reports")
    text = SEED.read_text(encoding="utf-8")
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (folder / "b.txt").write_text(text.replace("深圳市宝安区人民政府", "深圳市龙岗区人民政府"), encoding="utf-8")
    (folder / "c.txt").write_text(text.replace("深圳市宝安区人民政府", "某某自治县人民政府") + "\n补记。\n",
                                  encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def scored(reports: Path, tmp_path_factory: pytest.TempPathFactory) -> list[Assessment]:
    out = tmp_path_factory.mktemp("scored") / "all.json"
    assert main(["-q", "score", str(reports), "-o", str(out)]) == 0
    return [Assessment.from_dict(a) for a in json.loads(out.read_text(encoding="utf-8"))["assessments"]]


def test_warnings_go_to_stderr_and_quiet_silences_them(run: Run) -> None:
    status, out, err = run("score", str(SEED))
    assert status == 0 and "warning" not in out and "⚠" not in out
    assert "warning: D2: " in err and "[outcome.undisclosed]" in err
    assert out.splitlines()[0].startswith("深圳市宝安区人民政府 (2023): 总分 52.3 / 100 · 不合格")
    status, quiet_out, quiet_err = run("score", str(SEED), "--quiet")
    assert status == 0 and quiet_err == "" and quiet_out == out
    _, _, default = run("score")
    assert "no report given" in default
    _, _, silent = run("-q", "score")
    assert silent == ""


def test_many_reports_make_one_table_and_a_summary_of_warnings(run: Run, reports: Path) -> None:
    status, out, err = run("score", str(reports))
    lines = out.splitlines()
    assert status == 0 and lines[0].split()[:5] == ["排名", "单位", "年份", "总分", "等级"]
    body = lines[2:lines.index("")]
    assert [line.split()[0] for line in body] == ["1", "1", "3"] and "图例" in out  # ties share a rank
    assert "warnings in 3 of 3 reports, by kind (reports): " in err and "--verbose lists each" in err
    assert err.count("warning:") == 1
    _, _, verbose = run("score", str(reports), "--verbose")
    assert verbose.count("warning:") > 30 and "深圳市龙岗区人民政府 2023: " in verbose
    _, detailed, _ = run("score", str(reports), "--detail")
    assert detailed.count("strongest evidence") + detailed.count("最强证据") == 3


def test_the_same_file_twice_is_scored_once(run: Run, reports: Path) -> None:
    status, out, err = run("score", str(reports / "a.txt"), str(reports / "b.txt"), str(reports / "a.txt"),
                           "--format", "json")
    assert status == 0 and f"{reports / 'a.txt'} is the same file as {reports / 'a.txt'}" in err
    assert len(json.loads(out)["assessments"]) == 2


def test_one_report_and_many_have_the_same_json_shape(run: Run, reports: Path) -> None:
    one = json.loads(run("score", str(SEED), "--format", "json")[1])
    two = json.loads(run("score", str(reports / "a.txt"), str(reports / "b.txt"), "--format", "json")[1])
    assert one.keys() == two.keys() == {"kind", "assessments", "ranking"}
    assert one["kind"] == two["kind"] == "assessments" and len(one["assessments"]) == 1
    assert one["assessments"][0].keys() == two["assessments"][0].keys()


def test_global_options_before_or_after_the_subcommand(run: Run) -> None:
    before = run("-p", "d06", "--lang", "en", "score", str(SEED), "--format", "json")
    after = run("score", str(SEED), "--format", "json", "-p", "d06", "--lang", "en")
    both = run("-p", "d05", "score", str(SEED), "--format", "json", "-p", "d06")
    assert before[0] == after[0] == both[0] == 0
    assert before[1] == after[1]
    codes = [d["code"] for d in json.loads(both[1])["assessments"][0]["dimensions"]]
    assert "D5" not in codes and "D6" not in codes and len(codes) == 8
    assert run("score", str(SEED), "-q")[2] == ""


def test_explain_takes_any_case_and_lists_the_valid_codes(run: Run) -> None:
    status, out, _ = run("score", str(SEED), "--explain", "d7")
    assert status == 0 and "\nD7 " in out and "d7.litigation_loss_rate" in out
    status, _, err = run("score", str(SEED), "--explain", "D11")
    assert status == 2 and "--explain: the framework has no dimension 'D11'; its dimensions are D1, D2" in err
    outputs = {fmt: run("-q", "score", str(SEED), "--explain", "d7", "--format", fmt)[1]
               for fmt in ("json", "csv", "md", "html")}
    [assessment] = json.loads(outputs["json"])["assessments"]
    assert [d["code"] for d in assessment["dimensions"]] == ["D7"]
    assert {line.split(",")[2] for line in outputs["csv"].splitlines()[1:]} == {"", "D7"}
    assert "\n### D7 " in outputs["md"] and "\n### D1 " not in outputs["md"]
    assert 'value="D7" checked' in outputs["html"]  # the page opens on that dimension's evidence


def test_the_format_follows_the_output_file(run: Run, tmp_path: Path) -> None:
    for name, start in (("a.json", b"{"), ("a.csv", b"\xef\xbb\xbfunit,"), ("a.md", b"# "), ("a.html", b"<!DOCTYPE"),
                        ("a.xlsx", b"PK\x03\x04"), ("a.txt", "深圳".encode())):
        assert run("-q", "score", str(SEED), "-o", str(tmp_path / name))[0] == 0
        assert (tmp_path / name).read_bytes().startswith(start), name
    status, _, err = run("score", str(SEED), "--format", "json", "-o", str(tmp_path / "b.csv"))
    assert status == 0 and "writing json to" in err and (tmp_path / "b.csv").read_bytes().startswith(b"{")


def test_an_output_that_cannot_be_written_is_exit_2(run: Run) -> None:
    status, out, err = run("score", str(SEED), "-o", "/nonexistent/x.html")
    assert status == 2 and out == "" and "Traceback" not in err and "/nonexistent/x.html" in err


def test_english_first(run: Run) -> None:
    _, out, err = run("--lang", "en", "score", str(SEED))
    assert out.splitlines()[0].startswith("深圳市宝安区人民政府 (2023): overall 52.3 / 100 · below the pass line")
    assert "\nlegend: excellent ≥ 90" in out and "partial: some indicators have no data" in out
    assert "not disclosed" in err


@pytest.mark.parametrize("width", [40, 60, 80, 100, 160])
def test_the_table_fits_the_terminal(scored: list[Assessment], width: int) -> None:
    table = summary_table(scored, rank(scored), "zh", width)
    lines = table.splitlines()
    assert all(display_width(line) <= width for line in lines if not line.startswith("（")), table
    shown = lines[0].split()
    assert shown[:5] == ["排名", "单位", "年份", "总分", "等级"]
    if width >= 100:
        assert shown[5:] == [f"D{i}" for i in range(1, 11)]
    if width >= 160:
        assert "…" not in table
    if width <= 60:
        assert "未显示" in table  # what was left out is said


@given(names=st.lists(st.text(alphabet="深圳市宝安区龙岗abc人民政府ＡＢ（）", min_size=1, max_size=30), min_size=2,
                      max_size=6, unique=True), width=st.integers(30, 200))
def test_any_unit_names_fit_any_width(scored: list[Assessment], names: list[str], width: int) -> None:
    """Whatever the unit names (wide Chinese, full-width forms), every row of the table is at most
    ``width`` columns when the rank, year, overall and grade fit."""
    from attrs import evolve

    units = [evolve(scored[i % len(scored)], unit=evolve(scored[0].unit, name=name)) for i, name in enumerate(names)]
    table = summary_table(units, rank(units), "zh", width)
    fixed = display_width("排名  单位      年份  总分  等级  ")
    assert width < fixed + 8 or all(display_width(line) <= width for line in table.splitlines()
                                    if not line.startswith("（"))


def test_a_legend_of_what_the_table_shows(scored: list[Assessment]) -> None:
    text = to_text(scored, rank(scored), "zh", width=120)
    assert "图例: 优秀 ≥ 90" in text and "部分: 部分指标缺少数据" in text
    explained = to_text(scored[:1], rank(scored[:1]), "en", explain="D7")
    assert "substantiated: 100 — quantified results in several statements" in explained
