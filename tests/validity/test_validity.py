"""The validity suite: relations between reports that a valid score must satisfy (see validity.py).

Each case states its relation in its own words (``says``); the docs page "Validity" shows every
case with what was measured.
"""

from __future__ import annotations

from collections import Counter

import pytest

from validity import CATEGORIES, Case, check, load_cases

CASES = load_cases()
AUDIT_CONTROLS = [c for c in CASES if c.category == "audit" and c.id.startswith("audit-control")]
AUDIT_PLANTED = [c for c in CASES if c.category == "audit" and c.id.startswith("audit-planted")]
OTHERS = [c for c in CASES if c not in AUDIT_CONTROLS]


@pytest.mark.parametrize("case", OTHERS, ids=[c.id for c in OTHERS])
def test_relation_holds(case: Case) -> None:
    """The case's relation holds between its base report and its variant."""
    outcome = check(case)
    assert outcome.held, [r for r in outcome.results if not r[2]]


def test_audit_controls_raise_at_most_one_false_alarm() -> None:
    """Across the correct controls, at most one raises an inconsistency (a false alarm)."""
    alarms = [(c.id, r[1]) for c in AUDIT_CONTROLS for r in check(c).results if not r[2]]
    assert len(AUDIT_CONTROLS) >= 10
    assert len(alarms) <= 1, alarms


def test_the_suite_covers_every_category() -> None:
    """At least 40 cases, three or more in each category; twelve planted audit errors of different kinds."""
    counts = Counter(case.category for case in CASES)
    assert len(CASES) >= 40
    assert all(counts[category] >= 3 for category in CATEGORIES), counts
    kinds = {e["check"] for c in AUDIT_PLANTED for e in c.expect}
    assert len(AUDIT_PLANTED) >= 12 and len(kinds) >= 10, kinds
    assert len({c.id for c in CASES}) == len(CASES), "case ids are unique"
