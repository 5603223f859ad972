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

from attrs import frozen

from lawgov_score.model.assessment import Assessment
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

    def assessment_warnings(self, assessments: Sequence[Assessment]) -> None:
        """The warnings of the scores: each one for a single report or with ``--verbose``, else a
        summary by warning code."""
        if self.level == QUIET:
            return
        if len(assessments) == 1 or self.level == VERBOSE:
            for a in assessments:
                name = f"{a.unit.name} {a.unit.year}" if a.unit.year is not None else a.unit.name
                prefix = f"{name}: " if len(assessments) > 1 else ""
                for w in a.warnings:
                    where = w.indicator or w.dimension
                    text = message_text(w.message, w.message_zh, self.lang)
                    self.warn(f"{prefix}{where + ': ' if where else ''}{text} [{w.code}]")
                for f in a.failures:
                    self.warn(f"{prefix}{f.dimension} failed (plugin {f.plugin}): {f.error}: {f.message}")
            return
        counts = Counter(code for a in assessments for code in {w.code for w in a.warnings})
        failed = sum(1 for a in assessments if a.failures)
        if not counts and not failed:
            return
        kinds = ", ".join(f"{code} ({n})" for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
        summary = f"warnings in {sum(1 for a in assessments if a.warnings)} of {len(assessments)} reports"
        self.warn(f"{summary}, by kind (reports): {kinds}" + (f"; {failed} with a failed dimension" if failed else "")
                  + " — --verbose lists each")
