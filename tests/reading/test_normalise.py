"""Normalisation: widths, punctuation and whitespace unified, with a map back to the original."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lawgov_score.reading.normalise import OffsetMap, normalise, original_end, original_span, original_start


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("办理案件１２３件，增长８．２２％。", "办理案件123件,增长8.22%。"),
        ("（一）加强领导：", "(一)加强领导:"),
        ("「放管服」改革", "“放管服”改革"),
        ("宝府〔2023〕1号", "宝府(2023)1号"),
        ("ＡＢＣ　ｄｅｆ", "ABC def"),
        ("⑴第一项", "(1)第一项"),
        ("半角ｶﾀｶﾅ｡", "半角カタカナ。"),
        ("省略…和⋯", "省略…和…"),
    ],
)
def test_widths_and_punctuation(original: str, expected: str) -> None:
    assert normalise(original)[0] == expected


@pytest.mark.parametrize("kept", ["①12件", "10²", "½", "㎡", "₂", "㈠"])
def test_forms_that_would_change_a_number_are_kept(kept: str) -> None:
    text, _ = normalise(kept)
    assert text == kept or unicodedata.decomposition(kept[0]).startswith("<compat>")
    assert "112件" not in text and "102" not in text


def test_whitespace_lines_and_invisible_characters() -> None:
    original = "\ufeff　　标题\r\n\r\n\t正文  第一句。\u200b第二\u00a0\u00a0句。  \r\n   \n\n结尾"
    text, offsets = normalise(original)
    assert text == "标题\n正文 第一句。第二 句。\n结尾"
    assert len(offsets) == len(text) + 1
    assert offsets[-1] == len(original)
    for index, char in enumerate(text):
        source = original[offsets[index]]
        assert char == source or (char in " \n" and source in " \t\u00a0\r\n\u3000")


def test_expansion_maps_every_piece_to_its_source() -> None:
    original = "甲⑴乙"
    text, offsets = normalise(original)
    assert text == "甲(1)乙"
    assert offsets == (0, 1, 1, 1, 2, 3)
    # A span inside the expansion maps to the whole source character.
    assert original_span(offsets, 2, 3) == (1, 2)


def test_span_end_leaves_dropped_characters_outside() -> None:
    original = "学习56次\u200b\r\n开展"
    text, offsets = normalise(original)
    start, end = original_span(offsets, 0, text.index("次") + 1)
    assert original[start:end] == "学习56次"
    assert original_start(offsets, len(text)) == len(original)
    assert original_end(offsets, 3, 3) == original_start(offsets, 3)


def test_empty_and_blank() -> None:
    assert normalise("") == ("", (0,))
    assert normalise(" \r\n\u3000\t ") == ("", (6,))


TRICKY = "＂´¸˜…⋯①²½㎡⑴㈠\u3000\u00a0\u200b\ufeff\r\n\t\x0b\u2028（）％１，．ｶ｡「」〔ﬁ〇한"
readable = st.text(st.one_of(st.characters(codec="utf-8"), st.sampled_from(TRICKY)), max_size=300)


@given(readable)
def test_offsets_point_at_the_source_of_each_character(original: str) -> None:
    """Every normalised character comes from the original character its offset names, in order."""
    text, offsets = normalise(original)
    assert len(offsets) == len(text) + 1
    assert list(offsets) == sorted(offsets)
    assert offsets[-1] == len(original)
    for index, char in enumerate(text):
        assert 0 <= offsets[index] < len(original)
        if char not in " \n":
            source = original[offsets[index]]
            assert char in unicodedata.normalize("NFKC", source) or char in "“”()~:·-…。" or char == source


@given(readable)
def test_normalising_twice_changes_nothing(original: str) -> None:
    """Normalisation is idempotent: normalised text is its own normal form."""
    text, _ = normalise(original)
    again, offsets = normalise(text)
    assert again == text
    assert offsets == (*range(len(text)), len(text))


@given(readable)
def test_layout_is_clean(original: str) -> None:
    """Normalised text has no blank lines, no doubled spaces and no space at a line's ends."""
    text, _ = normalise(original)
    assert "\n\n" not in text and "  " not in text
    assert all(line == line.strip(" ") and line for line in text.split("\n")) or not text
    assert "\r" not in text and "\u3000" not in text and "\ufeff" not in text


@given(readable, st.integers(-400, 400), st.integers(-400, 400), st.integers(-3, 3).filter(bool))
def test_offset_map_behaves_as_the_tuple_it_stands_for(original: str, low: int, high: int, step: int) -> None:
    """The compact offset map indexes, slices, iterates and compares like a tuple of integers."""
    _, offsets = normalise(original)
    as_tuple = tuple(offsets)
    assert as_tuple == tuple(offsets[index] for index in range(len(offsets)))
    assert offsets == as_tuple and offsets == list(as_tuple) and hash(offsets) == hash(as_tuple)
    assert offsets[low:high:step] == as_tuple[low:high:step]
    if -len(as_tuple) <= low < len(as_tuple):
        assert offsets[low] == as_tuple[low]
    else:
        with pytest.raises(IndexError):
            offsets[low]


def test_normal_text_is_returned_as_it_is(seed_text: str) -> None:
    """A report already in normal form (the seed is) comes back unchanged, offsets one to one."""
    text, offsets = normalise(seed_text)
    assert text is seed_text
    assert offsets == tuple(range(len(seed_text) + 1))


def test_full_width_report_folds_one_for_one(seed_text: str) -> None:
    """The seed in full-width digits and punctuation normalises back to the seed, and every
    character keeps its own offset (full-width forms fold one character for one)."""
    wide = seed_text.translate({ord(c): chr(ord(c) + 0xFEE0) for c in "0123456789,.%:;()"})
    assert wide != seed_text
    text, offsets = normalise(wide)
    assert text == seed_text
    assert offsets == tuple(range(len(wide) + 1))


@given(readable, st.integers(-5, 310), st.integers(-5, 310))
def test_spans_map_as_through_the_tuple(original: str, start: int, end: int) -> None:
    """original_span gives what it gives for the tuple the map stands for, also by the shortcut
    it takes when the map is one run (the text came through unchanged), with any bounds."""
    _, offsets = normalise(original)
    as_tuple = tuple(offsets)
    assert original_span(offsets, start, end) == original_span(as_tuple, start, end)
    assert original_span(as_tuple, start, end) == (original_start(as_tuple, start),
                                                   original_end(as_tuple, start, end))


@given(st.integers(0, 5), st.integers(1, 12), st.integers(-3, 15), st.integers(-3, 15))
def test_a_one_run_map_shifts_spans(origin: int, length: int, start: int, end: int) -> None:
    """A map of one run from ``origin`` maps a span as the tuple does, by adding ``origin``."""
    offsets = OffsetMap([0], [origin], [1], length)
    as_tuple = tuple(range(origin, origin + length))
    assert offsets.shift == origin and OffsetMap([0], [origin], [0], length).shift is None
    assert original_span(offsets, start, end) == original_span(as_tuple, start, end)
