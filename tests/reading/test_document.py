"""``lawgov_score.read``: the seed's acceptance, the same report in every form, errors, robustness."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import attrs
import pluggy
import pytest
from hypothesis import given
from hypothesis import strategies as st
from reading_helpers import REPORTS, full_width, html_page, save_docx, words

import lawgov_score
from lawgov_score import plugins
from lawgov_score.errors import InputError
from lawgov_score.model.framework import Dimension
from lawgov_score.reading.document import STRING_SOURCE, analyse, default_dimensions, read
from lawgov_score.reading.model import Document, Fact, Section


def top_level(document: Document) -> list[Section]:
    return [s for s in document.sections if s.role not in ("preamble", "closing")]


def outline_key(document: Document) -> list[Any]:
    def key(section: Section) -> Any:
        return (section.level, section.numbering, section.title, section.role, section.dimensions,
                [key(child) for child in section.children])

    return [key(section) for section in document.sections]


def facts_key(document: Document) -> list[Any]:
    return [(f.value, f.unit, f.kind, f.approx, f.dimensions) for f in document.facts]


@pytest.fixture(scope="module")
def seed_document(dimensions: tuple[Dimension, ...], reading_pm: pluggy.PluginManager) -> Document:
    path = Path(__file__).resolve().parents[2] / "seeds" / "000_3ed9f38cde86c434.txt"
    return read(path, dimensions=dimensions, plugin_manager=reading_pm)


def test_seed_top_level_sections_and_parts(seed_document: Document, gold: dict[str, Any]) -> None:
    sections = top_level(seed_document)
    assert [(s.numbering, s.title, s.start) for s in sections] == [
        (g["numbering"], g["title"], g["start"]) for g in gold["sections"]]
    assert all(s.level == 1 for s in sections)
    for section, expected in zip(sections, gold["sections"], strict=True):
        if expected["part"]:
            assert section.dimensions[0] == f"D{expected['part']}", section.title
        else:
            assert section.dimensions == () and section.role == "shortcomings"


def _gold_matches(document: Document, gold: dict[str, Any], metric_only: bool) -> tuple[list[Any], list[Any]]:
    """Gold facts not found by the extractor, and found ones given another part than the gold one."""
    missing, wrong = [], []
    for expected in gold["facts"]:
        if metric_only and not expected["metric"]:
            continue
        end = expected["start"] + len(expected["quote"])
        candidates = [f for f in document.facts if f.start < end and f.end > expected["start"]
                      and abs(f.value - expected["value"]) <= 1e-9 * max(1.0, expected["value"])]
        if not candidates:
            missing.append(expected["quote"])  # the extractor's business, tested with it
        elif not any(f.dimensions[:1] == (f"D{expected['part']}",) for f in candidates):
            wrong.append((expected["quote"], [f.dimensions for f in candidates]))
    return missing, wrong


def test_seed_metric_facts_get_their_gold_part(seed_document: Document, gold: dict[str, Any]) -> None:
    missing, wrong = _gold_matches(seed_document, gold, metric_only=True)
    assert not wrong
    assert len(missing) <= 5


def test_seed_every_found_fact_gets_its_gold_part(seed_document: Document, gold: dict[str, Any]) -> None:
    missing, wrong = _gold_matches(seed_document, gold, metric_only=False)
    assert not wrong
    assert len(missing) <= 10


def test_seed_spans_quote_the_original(seed_document: Document) -> None:
    original = seed_document.original
    assert seed_document.format == "text" and seed_document.encoding == "utf-8"
    assert seed_document.sha256 == "2fd606c4b164a77b034b2773b1f79116ca313e2b1fdb6cc9ebccfa26ebd14685"
    for found in seed_document.facts:
        assert original[found.start:found.end] == found.quote
    for section in top_level(seed_document):
        assert original[section.title_start:section.title_end] == section.title
        assert original.startswith(section.numbering, section.start)


def _variants(seed_text: str, tmp_path: Path) -> dict[str, Path]:
    paths = {
        "gb18030": tmp_path / "seed-gb.txt",
        "bom": tmp_path / "seed-bom.txt",
        "full_width": tmp_path / "seed-fw.txt",
        "html": tmp_path / "seed.html",
        "html_gbk": tmp_path / "seed-gbk.htm",
    }
    paths["gb18030"].write_bytes(seed_text.encode("gb18030"))
    paths["bom"].write_bytes(b"\xef\xbb\xbf" + seed_text.replace("\n", "\r\n").encode("utf-8"))
    paths["full_width"].write_text(full_width(seed_text), encoding="utf-8")
    paths["html"].write_text(html_page(seed_text), encoding="utf-8")
    paths["html_gbk"].write_bytes(html_page(seed_text, "gbk").encode("gb18030"))
    paths["docx"] = save_docx(seed_text, tmp_path / "seed.docx")
    return paths


def test_the_same_report_in_every_form_reads_the_same(
    seed_text: str, seed_document: Document, tmp_path: Path, dimensions: tuple[Dimension, ...],
    reading_pm: pluggy.PluginManager,
) -> None:
    for name, path in _variants(seed_text, tmp_path).items():
        document = read(path, dimensions=dimensions, plugin_manager=reading_pm)
        assert document.text == seed_document.text, name
        assert outline_key(document) == outline_key(seed_document), name
        assert facts_key(document) == facts_key(seed_document), name
        assert document.metadata == seed_document.metadata, name
        for found in document.facts:
            assert document.original[found.start:found.end] == found.quote, name
        for section in top_level(document):
            assert document.original[section.title_start:section.title_end].replace("，", ",") == section.title


def test_variant_formats_and_encodings_are_reported(seed_text: str, tmp_path: Path,
                                                     reading_pm: pluggy.PluginManager) -> None:
    found = {name: (d.format, d.encoding) for name, d in (
        (name, read(path, dimensions=(), plugin_manager=reading_pm))
        for name, path in _variants(seed_text, tmp_path).items())}
    assert found == {"gb18030": ("text", "gb18030"), "bom": ("text", "utf-8-sig"), "full_width": ("text", "utf-8"),
                     "html": ("html", "utf-8"), "html_gbk": ("html", "gb18030"), "docx": ("docx", "")}


def test_text_or_path(seed_text: str, seed_path: Path, dimensions: tuple[Dimension, ...],
                      reading_pm: pluggy.PluginManager) -> None:
    as_text = read(text=seed_text, dimensions=dimensions)
    as_str_path = read(str(seed_path), dimensions=dimensions, plugin_manager=reading_pm)
    assert as_text.source == STRING_SOURCE and as_str_path.source == str(seed_path)
    assert outline_key(as_text) == outline_key(as_str_path)
    assert read(text="办理复议案件568宗。", dimensions=()).facts[0].value == 568
    assert lawgov_score.read is read


def test_a_string_is_never_taken_for_text(seed_text: str) -> None:
    """A str is a path: one that names no file is "no such file", whatever it holds."""
    for source in ("办理复议案件568宗。", seed_text, "reports/宝安区2023年报告.docx", "-"):
        with pytest.raises(InputError, match="no such file"):
            read(source, dimensions=())
    with pytest.raises(TypeError, match="exactly one"):
        read()
    with pytest.raises(TypeError, match="exactly one"):
        read("a.txt", text="正文")


def test_missing_files_and_directories(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file") as caught:
        read(tmp_path / "nope.txt", dimensions=())
    assert caught.value.source == str(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="directory"):
        read(tmp_path, dimensions=())
    with pytest.raises(InputError, match="empty"):
        read(text="   ", dimensions=())
    # A mistyped file name is not taken for a one-line report.
    with pytest.raises(InputError, match="no such file"):
        read("reports/宝安区2023年报告.docx", dimensions=())


def test_default_dimensions_and_plugin_manager(seed_path: Path) -> None:
    document = read(seed_path)
    assert top_level(document)[6].dimensions[0] == "D7"


def test_default_dimensions_are_loaded_once_per_plugin_setting(
        monkeypatch: pytest.MonkeyPatch, reading_pm: pluggy.PluginManager) -> None:
    """Without a plugin manager the default dimensions are cached, keyed on the environment that
    chooses the plugins; with one they are that manager's."""
    default_dimensions.cache_clear()  # type: ignore[attr-defined]
    first = default_dimensions()
    assert default_dimensions() is first and [d.code for d in first] == [f"D{n}" for n in range(1, 11)]
    assert default_dimensions(reading_pm) is not first and default_dimensions(reading_pm) == first
    emergencies = "一、健全突发事件应对体系\n开展应急演练12次,修订突发事件应急预案3项。\n"
    assert read(text=emergencies).sections[0].dimensions == ("D6",)
    monkeypatch.setenv("LAWGOV_SCORE_DISABLE_PLUGINS", "d06")
    assert "D6" not in [d.code for d in default_dimensions()]
    assert read(text=emergencies).sections[0].dimensions == ()
    monkeypatch.setenv("LAWGOV_SCORE_DISABLE_PLUGIN_AUTOLOAD", "1")
    assert default_dimensions() == ()
    monkeypatch.delenv("LAWGOV_SCORE_DISABLE_PLUGINS")
    monkeypatch.delenv("LAWGOV_SCORE_DISABLE_PLUGIN_AUTOLOAD")
    assert default_dimensions() is first
    default_dimensions.cache_clear()  # type: ignore[attr-defined]
    assert default_dimensions() is not first and default_dimensions() == first


def test_files_are_read_with_one_plugin_manager_per_plugin_setting(
        seed_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """read(path) builds the readers' plugin manager once for a given environment; disabling
    the built-in readers is seen at once, since the environment is part of the key."""
    default_dimensions.cache_clear()  # type: ignore[attr-defined]
    calls: list[int] = []
    real = plugins.get_plugin_manager

    def counting(*args: Any, **kwargs: Any) -> pluggy.PluginManager:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(plugins, "get_plugin_manager", counting)
    first = read(seed_path)
    assert read(seed_path) == first
    built = len(calls)
    read(seed_path)
    assert len(calls) == built  # nothing rebuilt for a third file
    monkeypatch.setenv("LAWGOV_SCORE_DISABLE_PLUGINS", "core_readers")
    with pytest.raises(InputError, match="unsupported format"):
        read(seed_path)
    default_dimensions.cache_clear()  # type: ignore[attr-defined]


def test_facts_are_placed_with_every_field() -> None:
    """analyse() builds each fact in one constructor call, naming every field: one added to Fact
    must be added there too."""
    copied = {"value", "unit", "kind", "approx", "bound", "change", "subject"}
    placed = {"start", "end", "quote", "dimensions", "why"}
    assert {f.name for f in attrs.fields(Fact)} == copied | placed


def test_offsets_are_exposed(seed_document: Document) -> None:
    assert len(seed_document.offsets) == len(seed_document.text) + 1
    assert seed_document.original_span(0, 4) == (0, 4)


TOKENS = [
    *words("一、 十一、 (一) （二） 1. 2、 (1) 第一部分 一是 二是 。 ， , 12 １２ 3.5 ％ % 万 亿"),
    *words("余 近 件 宗 次 人次 元 万元 增长 个百分点 率 由 降至 2023年 12月20日 “1310” 专此报告。"),
    *words("人民政府 第一责任人 述法 存在的不足 下一步 办理复议案件 行政执法 ( ) （ ） ① ² 十 两"),
    "\n", "\n", " ", "\u3000", "\u200b", "\r\n",
]


@given(st.one_of(st.text(max_size=400), st.lists(st.sampled_from(TOKENS), max_size=150).map("".join)))
def test_reading_any_text_gives_a_document_or_an_input_error(text: str) -> None:
    """Reading arbitrary Unicode or an adversarial mix of markers raises nothing but InputError,
    and every span it returns lies in the original and quotes it."""
    try:
        document = read(text=text, dimensions=DIMENSIONS)
    except InputError:
        assert not text.strip()
        return
    original = document.original
    for found in document.facts:
        assert 0 <= found.start <= found.end <= len(original)
        assert original[found.start:found.end] == found.quote

    def check(section: Section, low: int, high: int) -> None:
        assert low <= section.start <= section.end <= high
        assert section.start <= section.title_start <= section.title_end <= section.end
        for child in section.children:
            check(child, section.start, section.end)

    for section in document.sections:
        check(section, 0, len(original))


DIMENSIONS: tuple[Dimension, ...] = ()


@pytest.fixture(autouse=True, scope="module")
def _dimensions_for_properties(dimensions: tuple[Dimension, ...]) -> Any:
    global DIMENSIONS
    DIMENSIONS = dimensions
    yield
    DIMENSIONS = ()


def _best_time(text: str, dimensions: tuple[Dimension, ...]) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        analyse(text, dimensions=dimensions)
        best = min(best, time.perf_counter() - started)
    return best


@pytest.mark.parametrize("kind", ["seed", "soup"])
def test_time_grows_linearly(kind: str, seed_text: str, dimensions: tuple[Dimension, ...]) -> None:
    unit = seed_text if kind == "seed" else "".join(TOKENS[(i * 7) % len(TOKENS)] for i in range(1500))
    small, large = unit * 2, unit * 16
    ratio = _best_time(large, dimensions) / _best_time(small, dimensions)
    # 8 times the text: linear is 8, allow noise from a busy machine; quadratic would be 64.
    assert ratio < 20, ratio


def test_a_department_web_page(dimensions: tuple[Dimension, ...], reading_pm: pluggy.PluginManager) -> None:
    document = read(REPORTS / "dept_page.html", dimensions=dimensions, plugin_manager=reading_pm)
    assert (document.format, document.encoding) == ("html", "gb18030")
    for furniture in ("无障碍", "首页", "当前位置", "分享到", "网站标识码", "_hmt", "text-indent"):
        assert furniture not in document.original
    assert [(s.numbering, s.role) for s in document.sections] == [
        ("", "preamble"), ("一、", "body"), ("二、", "shortcomings"), ("三、", "plans"), ("", "closing")]
    assert [c.dimensions[0] for c in document.sections[1].children] == ["D10", "D2", "D5"]
    meta = document.metadata
    assert (meta.issuer, meta.year, meta.published) == ("江川市市场监督管理局", 2023, "2024-03-20")
    table_fact = next(f for f in document.facts if f.value == 1560)
    assert table_fact.unit == "户次" and table_fact.dimensions == ("D5",)
