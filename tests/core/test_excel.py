"""Excel both ways: .xlsx and GBK tables read by the one reader, the same fault named the same by
score-table and rank, the workbook written by score, score-table and rank read back with openpyxl,
CSV that Excel opens, and the blank template filled in and scored."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pluggy
import pytest

from lawgov_score.cli import main
from lawgov_score.errors import InputError
from lawgov_score.framework import load_framework
from lawgov_score.scoring import score_table
from lawgov_score.tables import load_observations, read_observations
from lawgov_score.tables.cells import canonical_header, parse_number
from paths import DATA, SEED

FRAMEWORK = DATA / "frameworks" / "ningxia-2015-style.json"
WIDE = DATA / "observations" / "provincial-wide.csv"


def wide_rows() -> list[list[str]]:
    return list(csv.reader(WIDE.read_text(encoding="utf-8").splitlines()))


def xlsx(path: Path, rows: list[list[object]], formats: dict[int, str] | None = None, title: str = "数据") -> Path:
    """A workbook as Excel users make them: typed cells, rates in a percentage format."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(row)
    for column, number_format in (formats or {}).items():
        for cells in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
            cells[0].number_format = number_format
    book.save(path)
    return path


@pytest.mark.parametrize(
    ("cell", "value"),
    [("95%", 0.95), ("９５％", 0.95), ("5‰", 0.005), ("1,234", 1234.0), (" 12 ", 12.0), ("NA", None), ("—", None),
     ("", None), (0.95, 0.95), (12, 12.0), ("-0.5", -0.5)],
)
def test_cells_as_people_type_them(cell: object, value: float | None) -> None:
    assert parse_number(cell) == value


@pytest.mark.parametrize("cell", ["high", "1,23", "95 %%", "nan", "inf", True])
def test_cells_that_are_no_number(cell: object) -> None:
    with pytest.raises(ValueError):
        parse_number(cell)


def test_chinese_and_other_tools_column_names() -> None:
    assert canonical_header(["单位", "年份", "指标", "数值"]) == ["unit", "year", "indicator", "value"]
    assert canonical_header(["地区", "Year", "层级", "所属地区", "原文", "来源"]) == [
        "unit", "year", "level", "region", "quote", "source"]
    assert canonical_header(["uName", "uCode", "Time"]) == ["uName", "unit", "year"]  # COINr's names
    assert canonical_header(["unit", "name"]) == ["unit", "name"]  # a fallback never shadows the real one


def test_an_excel_workbook_scores_as_the_csv(tmp_path: Path, bare_pm: pluggy.PluginManager) -> None:
    """The wide CSV typed into Excel — numbers as numbers, rates shown as 95%, a notes sheet first
    — gives the same scores."""
    rows: list[list[object]] = [row if i == 0 else [row[0], int(row[1]), *(float(c) if c else None for c in row[2:])]
                                for i, row in enumerate(wide_rows())]
    rows[0][:2] = ["单位", "年份"]
    book = xlsx(tmp_path / "values.xlsx", rows, {3: "0%", 4: "0.0%"})
    notes = openpyxl.load_workbook(book)
    notes.create_sheet("说明", 0).append(["这是说明页", "没有单位列"])
    notes.save(book)
    from_csv = score_table(WIDE, FRAMEWORK, pm=bare_pm)[0]
    from_xlsx = score_table(book, FRAMEWORK, pm=bare_pm)[0]
    assert [a.overall for a in from_xlsx] == [a.overall for a in from_csv]
    assert [d.score for d in from_xlsx[1].dimensions] == [d.score for d in from_csv[1].dimensions]


def test_percent_strings_and_chinese_headers_in_a_long_csv(tmp_path: Path, bare_pm: pluggy.PluginManager) -> None:
    framework = load_framework(FRAMEWORK, bare_pm)
    path = tmp_path / "long.csv"
    path.write_text("单位,年份,指标,数值\n甲县,2023,p1.online_rate,95%\n甲县,2023,p4.trainings,\"1,2\"\n",
                    encoding="utf-8")
    with pytest.raises(InputError) as caught:  # "1,2" is no thousands separator
        load_observations(path, framework)
    assert (caught.value.message, caught.value.location) == ("expected a number, got '1,2'", 'row 3, column "value"')
    path.write_text("单位,年份,指标,数值\n甲县,2023,p1.online_rate,95%\n", encoding="utf-8")
    [(unit, [observation])] = load_observations(path, framework).groups
    assert (unit.name, unit.year, observation.value) == ("甲县", 2023, 0.95)


def _fault(text: str, tmp_path: Path, run: Callable[..., tuple[int, str]]) -> tuple[str, str]:
    path = tmp_path / "v.csv"
    path.write_text(text, encoding="utf-8")
    spec = tmp_path / "p.json"
    spec.write_text('{"steps": [{"step": "normalise", "method": "minmax"}]}', encoding="utf-8")
    _, table = run("score-table", str(path), "--framework", str(FRAMEWORK))
    _, rank = run("rank", str(path), "--pipeline", str(spec))
    return table, rank


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("unit,p1.online_rate\n甲县,high\n乙县,0.9\n",
         'v.csv: row 2, column "p1.online_rate": expected a number, got \'high\''),
        ("unit,p1.online_rate\n甲县,0.9\n乙县\n", "v.csv: row 3: 1 cells, fewer than the 2 columns of the header"),
        ("unit,p1.online_rate,p1.online_rate\n甲县,1,2\n", "column 'p1.online_rate' appears twice in the header"),
        ("unit,year,p1.online_rate\n甲县,20x3,1\n", "year must be a whole number, got '20x3'"),
        ("unit,p1.online_rate\n甲县,1\n甲县,0.5\n", "duplicate value for unit '甲县'"),
    ],
)
def test_score_table_and_rank_name_a_fault_the_same_way(
    text: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def run(*argv: str) -> tuple[int, str]:
        status = main(["-q", *argv, "--format", "json"])
        return status, capsys.readouterr().err

    table, rank = _fault(text, tmp_path, run)
    assert message in table and message in rank
    assert table.splitlines()[-1] == rank.splitlines()[-1]


def test_rank_reads_a_gbk_csv_and_a_workbook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "地区,年份,a,b\n甲市,2023,1,90%\n乙市,2023,2,80%\n丙市,2023,3,70%\n"
    (tmp_path / "gbk.csv").write_bytes(text.encode("gbk"))
    xlsx(tmp_path / "t.xlsx", [["地区", "年份", "a", "b"], ["甲市", 2023, 1, 0.9], ["乙市", 2023, 2, 0.8],
                               ["丙市", 2023, 3, 0.7]], {4: "0%"})
    outputs = []
    for name in ("gbk.csv", "t.xlsx"):
        assert main(["rank", str(tmp_path / name), "--format", "csv", "--no-bom"]) == 0
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1] and "甲市" in outputs[0]
    read = read_observations(tmp_path / "gbk.csv", metadata=True)
    assert [r.observation.value for r in read.records if r.observation.indicator == "b"] == [0.9, 0.8, 0.7]


# -- writing -------------------------------------------------------------------------------------


def _book(path: Path) -> openpyxl.Workbook:
    return openpyxl.load_workbook(path)


def test_score_writes_a_workbook_that_reads_back(tmp_path: Path) -> None:
    out = tmp_path / "seed.xlsx"
    assert main(["-q", "score", str(SEED), "-o", str(out)]) == 0  # the format from the extension
    book = _book(out)
    assert book.sheetnames == ["总览 overview", "指标 indicators", "证据 evidence", "核验 audit", "警告 warnings",
                               "说明 notes"]
    overview = book["总览 overview"]
    header = [c.value for c in overview[1]]
    assert header[:7] == ["排名 rank", "单位 unit", "年份 year", "层级 level", "总分 overall", "等级 grade",
                          "状态 status"]
    assert "D7 矛盾纠纷 D7 Disputes" in header
    assert overview.freeze_panes == "A2" and overview.auto_filter.ref
    row = [c.value for c in overview[2]]
    assert row[1] == "深圳市宝安区人民政府" and row[2] == 2023 and overview.cell(2, 5).number_format == "0.0"
    indicators = book["指标 indicators"]
    head = [c.value for c in indicators[1]]
    raw, measure, share = head.index("原始值 raw value"), head.index("计量单位 unit of measure"), head.index(
        "占总分权重 share of overall")
    rates = [r for r in indicators.iter_rows(min_row=2) if r[measure].value == "%" and r[raw].value is not None]
    assert rates and all(r[raw].number_format == "0.0%" for r in rates)
    assert all(r[share].number_format == "0.0%" for r in indicators.iter_rows(min_row=2))
    widths = [indicators.column_dimensions[c].width for c in "ABCDEFGHIJKLMNOPQ"]
    assert all(6 <= w <= 60 for w in widths) and widths[head.index("评分说明 rule")] == 60
    quotes = [c.value for c in book["证据 evidence"]["F"][1:]]
    assert len(quotes) >= 100 and all(quotes)
    warnings = book["警告 warnings"]
    assert {c.value for c in warnings["C"][1:]} >= {"measure.unstated", "outcome.undisclosed"}
    notes = {r[0].value: r[1].value for r in book["说明 notes"].iter_rows(min_row=2)}
    assert notes["评估框架 framework"].startswith("cn-outline-2021-2025")
    assert notes["插件 plugin d07 0.1.0"] == "D7"


def test_english_first_and_explain_in_the_workbook(tmp_path: Path) -> None:
    out = tmp_path / "d7.xlsx"
    assert main(["-q", "--lang", "en", "score", str(SEED), "--explain", "d7", "-o", str(out)]) == 0
    book = _book(out)
    assert book.sheetnames[0] == "overview 总览"
    indicators = book["indicators 指标"]
    assert {c.value for c in indicators["C"][1:]} == {"D7"}  # --explain: that dimension only
    rule = indicators.cell(2, 17).value
    assert rule and re.search("[A-Za-z]", rule)


def test_score_table_and_rank_workbooks(tmp_path: Path) -> None:
    table = tmp_path / "table.xlsx"
    assert main(["-q", "score-table", str(WIDE), "--framework", str(FRAMEWORK), "-o", str(table)]) == 0
    overview = _book(table)["总览 overview"]
    assert [r[1].value for r in overview.iter_rows(min_row=2)] == ["甲县", "乙县"]
    assert [r[0].value for r in overview.iter_rows(min_row=2)] == [1, 2]
    ranked = tmp_path / "rank.xlsx"
    asem = DATA / "coinr-asem"
    assert main(["-q", "rank", str(asem / "ASEM_iData.csv"), "--pipeline", str(asem / "asem-pipeline.json"),
                 "--uncertainty", "16", "--seed", "3", "-o", str(ranked)]) == 0
    book = _book(ranked)
    assert book.sheetnames == ["排名 ranking", "各节点 all nodes", "权重 weights", "敏感性 sensitivity", "说明 notes"]
    ranking = [[c.value for c in r] for r in book["排名 ranking"].iter_rows(min_row=2)]
    assert ranking[0][:2] == [1, "CHE"] and len(ranking) == 51
    assert [r[0].value for r in book["敏感性 sensitivity"].iter_rows(min_row=2)] == ["weights"]


def test_a_formula_in_a_unit_name_is_text_in_the_workbook(tmp_path: Path) -> None:
    values = tmp_path / "v.csv"
    values.write_text('unit,p1.online_rate\n"=HYPERLINK(""http://x"",""y"")",0.9\n', encoding="utf-8")
    out = tmp_path / "v.xlsx"
    assert main(["-q", "score-table", str(values), "--framework", str(FRAMEWORK), "-o", str(out)]) == 0
    cell = _book(out)["总览 overview"].cell(2, 2)
    assert cell.value == "'=HYPERLINK(\"http://x\",\"y\")" and cell.data_type == "s"


def test_csv_opens_in_excel_with_names_beside_ids(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "seed.csv"
    assert main(["-q", "score", str(SEED), "-o", str(out)]) == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfunit,year,dimension,dimension_name,indicator,indicator_name,")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    d7 = next(r for r in rows if r["indicator"].startswith("d7."))
    assert d7["dimension_name"].startswith("坚持和发展新时代") or d7["dimension_name"]
    assert d7["indicator_name"] and re.search("[\u4e00-\u9fff]", d7["indicator_name"])
    numbers = [r[k] for r in rows for k in ("raw", "score", "weight", "effective_weight", "contribution") if r[k]]
    assert all(re.fullmatch(r"-?\d+(\.\d{1,6})?", n) for n in numbers)  # one number format: no exponent
    assert main(["-q", "score", str(SEED), "--format", "csv", "--no-bom", "--explain", "D7"]) == 0
    plain = capsys.readouterr().out
    assert plain.startswith("unit,year,") and {r["dimension"] for r in csv.DictReader(io.StringIO(plain))} == {"",
                                                                                                             "D7"}


def test_the_template_filled_in_is_scored(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = tmp_path / "values.xlsx"
    assert main(["template", "--framework", str(FRAMEWORK), "-o", str(sheet), "--unit", "甲县", "--unit", "乙县",
                 "--year", "2023"]) == 0
    book = openpyxl.load_workbook(sheet)
    assert book.sheetnames == ["数据 values", "指标说明 indicators"]
    values = book["数据 values"]
    header = [c.value for c in values[1]]
    assert header[:3] == ["unit", "year", "p1.online_rate"]
    notes = [r[0].value for r in values.iter_rows(min_row=2, max_row=6)]
    assert notes[0] == "# 名称 name" and all(n.startswith("#") for n in notes)
    assert values.cell(3, 3).value == "网上可办率" or values.cell(2, 3).value == "网上可办率"
    described = {r[0].value: r[6].value for r in book["指标说明 indicators"].iter_rows(min_row=2)}
    assert described["p1.online_rate"] == "60%–100%"
    assert values.cell(7, 3).number_format == "0.0%"  # a rate column: 95% typed is 0.95
    values.cell(7, 3).value = 0.95  # 甲县 p1.online_rate
    values.cell(8, 3).value = 0.8
    book.save(sheet)
    assert main(["-q", "score-table", str(sheet), "--framework", str(FRAMEWORK), "--format", "json"]) == 0
    assert '"name": "甲县"' in capsys.readouterr().out
    csv_sheet = tmp_path / "values.csv"
    assert main(["template", "--framework", str(FRAMEWORK), "-o", str(csv_sheet), "--unit", "甲县"]) == 0
    text = csv_sheet.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].startswith("unit,year,p1.online_rate") and "# 名称 name" in text
    [(unit, observations)] = load_observations(csv_sheet, load_framework(FRAMEWORK)).groups
    assert unit.name == "甲县" and all(o.value is None for o in observations)  # blank cells: missing, not 0


def test_a_workbook_is_never_written_to_a_terminal() -> None:
    """``--format xlsx`` with standard output on a terminal (a pseudo-terminal here) is refused with
    exit 2 and a message, instead of filling the screen with zip bytes; piped, the bytes go through."""
    import os
    import pty
    import subprocess
    import sys

    leader, follower = pty.openpty()
    try:
        done = subprocess.run([sys.executable, "-m", "lawgov_score", "score", str(SEED), "--format", "xlsx"],
                              stdout=follower, stderr=subprocess.PIPE, text=True, timeout=120)
    finally:
        os.close(follower)
        os.close(leader)
    assert done.returncode == 2
    assert "a workbook is a binary file, not for a terminal: give -o FILE.xlsx" in done.stderr
    piped = subprocess.run([sys.executable, "-m", "lawgov_score", "-q", "score", str(SEED), "--format", "xlsx"],
                           capture_output=True, timeout=120)
    assert piped.returncode == 0 and piped.stdout.startswith(b"PK\x03\x04")
