"""The limits: defaults, environment overrides, and the message that says how to raise one."""

from __future__ import annotations

import pytest

from lawgov_score.errors import InputError
from lawgov_score.limits import Limits, current


def test_environment_raises_and_removes_a_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """LAWGOV_SCORE_MAX_<NAME> sets a limit for the run; 0 removes it."""
    monkeypatch.setenv("LAWGOV_SCORE_MAX_JSON_DEPTH", "5")
    monkeypatch.setenv("LAWGOV_SCORE_MAX_FILE_BYTES", "0")
    limits = current()
    assert limits.json_depth == 5
    limits.check("file_bytes", 10**15, "big.txt", "the file's size")  # no limit: no error
    with pytest.raises(InputError, match=r"above the limit of 5 \(raise it with LAWGOV_SCORE_MAX_JSON_DEPTH"):
        limits.check("json_depth", 6, "deep.json", "the nesting depth")


def test_a_malformed_setting_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    """A value that is not a whole number ≥ 0 is an input error naming the variable."""
    monkeypatch.setenv("LAWGOV_SCORE_MAX_PDF_PAGES", "many")
    with pytest.raises(InputError, match="LAWGOV_SCORE_MAX_PDF_PAGES: must be a whole number"):
        current()


def test_defaults_allow_real_inputs() -> None:
    """The defaults sit far above a real report (the seed is 12 kB) and a real table."""
    limits = Limits()
    limits.check("file_bytes", 50 * 2**20, "report.pdf", "the file's size")
    limits.check("json_depth", 20, "framework.json", "the nesting depth")
