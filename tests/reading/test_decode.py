"""Bytes to text: byte-order marks, UTF-8, the GB family, and clear errors for what is not text."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lawgov_score.errors import InputError
from lawgov_score.reading.decode import bom_encoding, decode_bytes, detect_encoding, is_gb_family, looks_binary

REPORT = (
    "2023年，我县坚持以习近平法治思想为指导，深入推进法治政府建设。\n"
    "一、主要举措和成效\n"
    "（一）深化“放管服”改革。全年取消和下放行政审批事项12项，政务服务事项网上可办率达98.6%。\n"
    "（二）规范行政执法。办理行政处罚案件1320件，罚没款860余万元。\n"
)


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "gb2312"])
def test_gb_family_decodes_as_gb18030(encoding: str) -> None:
    text, used = decode_bytes(REPORT.encode(encoding), "report.txt")
    assert text == REPORT
    assert used == "gb18030"


def test_gb18030_only_characters_survive() -> None:
    # 㐀 (CJK extension A) and a four-byte character exist in GB18030 but not in GBK.
    report = REPORT + "㐀䶵 \U00020000 社区。\n"
    text, used = decode_bytes(report.encode("gb18030"), "r.txt")
    assert text == report and used == "gb18030"


@pytest.mark.parametrize(
    ("bom", "codec", "name"),
    [
        (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
    ],
)
def test_byte_order_marks(bom: bytes, codec: str, name: str) -> None:
    text, used = decode_bytes(bom + REPORT.encode(codec), "r.txt")
    assert text == REPORT
    assert used == name
    assert bom_encoding(bom + b"x") is not None


def test_plain_utf8() -> None:
    assert decode_bytes(REPORT.encode("utf-8"), "r.txt") == (REPORT, "utf-8")
    assert detect_encoding(REPORT.encode("utf-8")) == "utf-8"


def test_declared_charset_is_used_when_the_bytes_agree() -> None:
    text, used = decode_bytes(REPORT.encode("gbk"), "p.html", declared="GBK")
    assert text == REPORT and used == "gb18030"


def test_declared_charset_the_bytes_contradict_is_ignored() -> None:
    text, used = decode_bytes(REPORT.encode("utf-8"), "p.html", declared="ascii")
    assert text == REPORT and used == "utf-8"


@pytest.mark.parametrize("data", [b"", b"   \n\r\n\t", codecs.BOM_UTF8 + b"  \n"])
def test_empty_files_are_named(data: bytes) -> None:
    with pytest.raises(InputError, match=r"empty|no text") as caught:
        decode_bytes(data, "empty.txt")
    assert caught.value.source == "empty.txt"


def test_nul_bytes_mean_binary() -> None:
    with pytest.raises(InputError, match="binary") as caught:
        decode_bytes(b"\x00\x01\x02abc\x00" * 50, "image.txt")
    assert "image.txt" in str(caught.value)


def test_random_bytes_are_rejected_or_decoded_never_crash() -> None:
    junk = bytes(range(1, 32)) * 40
    with pytest.raises(InputError, match="binary"):
        decode_bytes(junk, "junk.bin")


def test_bad_utf16_with_bom_is_an_input_error() -> None:
    with pytest.raises(InputError, match="byte-order mark"):
        decode_bytes(codecs.BOM_UTF16_LE + b"\x00\xd8", "r.txt")


def test_helpers() -> None:
    assert is_gb_family("GB2312") and is_gb_family("cp936") and is_gb_family("gb18030")
    assert not is_gb_family("utf-8") and not is_gb_family("no-such-codec")
    assert looks_binary("\x01\x02\x03abc")
    assert not looks_binary(REPORT)


@given(st.binary(max_size=400))
def test_any_bytes_decode_or_raise_input_error(data: bytes) -> None:
    """Decoding any bytes gives text or an InputError naming the file, nothing else."""
    try:
        text, encoding = decode_bytes(data, "any.txt")
    except InputError as error:
        assert error.source == "any.txt"
    else:
        assert isinstance(text, str) and text.strip()
        assert codecs.lookup(encoding)


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cc"]), min_size=1))
def test_utf8_text_round_trips(text: str) -> None:
    """Any UTF-8 text that is neither blank nor mostly private-use decodes back to itself."""
    if not text.strip() or looks_binary(text):
        return
    assert decode_bytes(text.encode("utf-8"), "t.txt") == (text, "utf-8")


PHRASES = ["法治政府建设", "行政复议", "办理案件", "同比增长", "，", "。", "、", "（一）", "“放管服”", "１２",
           "56", "%", "宗", "万元", "人民政府", "第一责任人", "\n", "　", "〇", "㐀", "鿏"]


@given(st.lists(st.sampled_from(PHRASES), min_size=12, max_size=80).map("".join))
def test_gb18030_reports_round_trip(text: str) -> None:
    """A Chinese report saved as GB18030 decodes back to itself, as GB18030."""
    if sum("\u4e00" <= char <= "\u9fff" for char in text) < 8:
        return
    assert decode_bytes(text.encode("gb18030"), "t.txt") == (text, "gb18030")


def test_traditional_chinese_in_big5_is_not_forced_into_gb18030() -> None:
    report = ("臺北市政府法務局一一二年度依法行政報告。"
              "本局持續推動行政程序法之落實，辦理訴願案件三百餘件，並強化法制作業品質。")
    assert decode_bytes(report.encode("big5"), "tw.txt") == (report, "big5")


SEED_TEXT = (Path(__file__).resolve().parents[2] / "seeds" / "000_3ed9f38cde86c434.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_a_few_invalid_bytes_are_replaced_with_a_warning(encoding: str) -> None:
    data = bytearray(SEED_TEXT.encode(encoding))
    for offset in (100, 5001, 7001):
        data[offset] = 0xFF
    warnings: list[str] = []
    text, used = decode_bytes(bytes(data), "r.txt", warnings=warnings)
    assert used == encoding and 3 <= text.count("\ufffd") <= 9
    assert len(warnings) == 1 and f"in otherwise valid {encoding.upper()} replaced by U+FFFD" in warnings[0]
    assert {100, 5001, 7001} <= listed_offsets(warnings[0])
    assert "办理行政检查、处罚和强制案件32030宗" in text


def test_many_invalid_bytes_are_still_binary() -> None:
    data = bytearray(SEED_TEXT.encode("utf-8"))
    for offset in range(0, len(data), 20):
        data[offset] = 0xFF
    with pytest.raises(InputError, match="binary or in an encoding"):
        decode_bytes(bytes(data), "r.txt")


def test_almost_right_text_reads_with_warnings_in_the_document(tmp_path: Path) -> None:
    from lawgov_score.reading.document import read

    data = bytearray(SEED_TEXT.encode("gb18030"))
    data[3000] = 0xFF
    path = tmp_path / "r.txt"
    path.write_bytes(bytes(data))
    document = read(path, dimensions=())
    assert document.encoding == "gb18030" and len(document.warnings) == 1
    assert "byte offset" in document.warnings[0] and len(document.facts) > 80


@given(st.lists(st.integers(min_value=0, max_value=len(SEED_TEXT.encode("utf-8")) - 1), min_size=1, max_size=8))
def test_any_few_broken_bytes_of_a_report_decode_with_their_offsets(offsets: list[int]) -> None:
    """Breaking up to 8 bytes of a UTF-8 report decodes it as UTF-8, with every broken byte's
    offset in the warning, and the text's other lines unchanged."""
    data = bytearray(SEED_TEXT.encode("utf-8"))
    for offset in offsets:
        data[offset] = 0xFF
    warnings: list[str] = []
    text, used = decode_bytes(bytes(data), "r.txt", warnings=warnings)
    assert used == "utf-8" and len(warnings) == 1
    assert set(offsets) <= listed_offsets(warnings[0])
    assert len(text.splitlines()) == len(SEED_TEXT.splitlines())


def listed_offsets(warning: str) -> set[int]:
    """The byte offsets a warning lists as ``12, 99–101, …``."""
    listed = warning.split("at byte offset")[1]
    found: set[int] = set()
    for first, last in re.findall(r"(\d+)(?:–(\d+))?", listed):
        found.update(range(int(first), int(last or first) + 1))
    return found
