"""What the command line tells the user on standard error, as ``--quiet`` and ``--verbose`` say.

Standard output carries the results only; notes, warnings and progress go to standard error:

* ``--quiet``: errors only;
* default: notes and warnings about the input, each warning of a single report, and for many
  reports one line per kind of warning with how many reports have it;
* ``--verbose``: every warning of every report.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from typing import Protocol

from attrs import frozen

from lawgov_score.model.assessment import Failure, ScoreWarning
from lawgov_score.model.observation import Unit
from lawgov_score.render.words import Lang, message_text

PROGRAM = "lawgov-score"
QUIET, NORMAL, VERBOSE = 0, 1, 2


@frozen
class Messages:
    """Where and how much to tell: a verbosity level and the language of warning messages."""

    level: int = NORMAL
    lang: Lang = "zh"

    @classmethod
    def of(cls, args: argparse.Namespace) -> Messages:
        level = QUIET if getattr(args, "quiet", False) else VERBOSE if getattr(args, "verbose", False) else NORMAL
        return cls(level, getattr(args, "lang", "zh"))

    def note(self, text: str) -> None:
        """Something the user should know that is not a problem (a default taken, a count)."""
        if self.level >= NORMAL:
            print(f"{PROGRAM}: {text}", file=sys.stderr)

    def warn(self, text: str) -> None:
        """A problem that did not stop the run."""
        if self.level >= NORMAL:
            print(f"{PROGRAM}: warning: {text}", file=sys.stderr)

    def detail(self, text: str) -> None:
        """Shown with ``--verbose`` only."""
        if self.level >= VERBOSE:
            print(f"{PROGRAM}: {text}", file=sys.stderr)

    def assessment_warnings(self, assessments: Sequence[Warned]) -> None:
        """The warnings of the scores: each one for a single report or with ``--verbose``, else a
        summary by warning code."""
        tally = WarningTally(self)
        for a in assessments:
            tally.add(a)
        tally.close()

    def warnings_of(self, a: Warned, prefix: str) -> None:
        """Each warning and failure of one report."""
        for w in a.warnings:
            where = w.indicator or w.dimension
            text = message_text(w.message, w.message_zh, self.lang)
            self.warn(f"{prefix}{where + ': ' if where else ''}{text} [{w.code}]")
        for f in a.failures:
            self.warn(f"{prefix}{f.dimension} failed (plugin {f.plugin}): {f.error}: {f.message}")


class Warned(Protocol):
    """What the messages need of a scored report: an Assessment, or a run's summary of one."""

    @property
    def unit(self) -> Unit: ...

    @property
    def warnings(self) -> tuple[ScoreWarning, ...]: ...

    @property
    def failures(self) -> tuple[Failure, ...]: ...


class WarningTally:
    """The warnings of reports told as they are scored: with ``--verbose`` each as it comes; a
    single report's each at the end; else, at the end, how many reports have each kind. What is
    kept does not grow with the reports: the first report (until a second shows there are many)
    and a count per kind."""

    def __init__(self, messages: Messages) -> None:
        self.messages = messages
        self.first: Warned | None = None
        self.reports = self.warned = self.failed = 0
        self.counts: Counter[str] = Counter()

    def add(self, a: Warned) -> None:
        self.reports += 1
        self.warned += bool(a.warnings)
        self.failed += bool(a.failures)
        self.counts.update({w.code for w in a.warnings})
        if self.reports == 1:
            self.first = a
            return
        if self.messages.level == VERBOSE:
            if self.first is not None:
                self.messages.warnings_of(self.first, _prefix(self.first))
            self.messages.warnings_of(a, _prefix(a))
        self.first = None

    def close(self) -> None:
        messages = self.messages
        if messages.level == QUIET:
            return
        if self.reports == 1 and self.first is not None:
            messages.warnings_of(self.first, "")
            return
        if messages.level == VERBOSE or (not self.counts and not self.failed):
            return
        kinds = ", ".join(f"{code} ({n})" for code, n in sorted(self.counts.items(), key=lambda kv: (-kv[1], kv[0])))
        summary = f"warnings in {self.warned} of {self.reports} reports"
        messages.warn(f"{summary}, by kind (reports): {kinds}"
                      + (f"; {self.failed} with a failed dimension" if self.failed else "") + " — --verbose lists each")


def _prefix(a: Warned) -> str:
    return f"{a.unit.name} {a.unit.year}: " if a.unit.year is not None else f"{a.unit.name}: "
