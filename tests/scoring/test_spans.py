"""The spans that failed an audit check answer overlap questions as a plain scan would."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from lawgov_score.assess.audit import Spans

SPAN = st.tuples(st.integers(0, 200), st.integers(1, 30)).map(lambda s: (s[0], s[0] + s[1]))


@given(st.lists(SPAN, max_size=30), SPAN)
def test_overlaps_as_a_scan_of_every_span(spans: list[tuple[int, int]], probe: tuple[int, int]) -> None:
    """Property: a range overlaps the merged spans exactly when it overlaps one of the spans given."""
    start, end = probe
    assert Spans(spans).overlaps(start, end) == any(a < end and start < b for a, b in spans)
