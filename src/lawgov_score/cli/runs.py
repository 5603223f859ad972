"""``score`` over many reports: the JSON Lines log and ``--resume``, and telling the user what
happened to each report as the results come (:mod:`lawgov_score.batch`).

A JSON Lines output file is a log: each report's line is appended, whole, as it is scored, so a
run that stops (Ctrl-C, an error, a crash) leaves the reports done so far, and ``--resume``
continues it. So that finished work is never replaced by accident, an existing, non-empty JSON
Lines file is written to only with ``--resume``. Every other output appears whole or not at all.
"""

from __future__ import annotations

import argparse
import os
import stat
import sys
from collections.abc import Collection, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from lawgov_score.batch.results import LeftOut, Scored, Skipped
from lawgov_score.batch.run import WorkerLost
from lawgov_score.cli.messages import Messages, WarningTally
from lawgov_score.errors import InputError

if TYPE_CHECKING:
    from lawgov_score.scoring import Scorer


def jobs_number(text: str) -> int:
    """``--jobs``: a whole number ≥ 1 (argparse ``type``)."""
    try:
        number = int(text.strip())
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number ≥ 1, got {text!r}")
    return number


def is_log(args: argparse.Namespace) -> bool:
    """Whether the output is a JSON Lines log file (appended to line by line)."""
    return args.format == "jsonl" and args.output not in (None, "-")


def open_log(args: argparse.Namespace, scorer: Scorer, messages: Messages) -> Collection[str]:
    """Check ``--resume`` against the output and make the log ready: the digests of the reports
    it holds already (none for a new log).

    :raises InputError: ``--resume`` without a JSON Lines output file, with ``--explain``, or an
        existing log without ``--resume``.
    """
    if not is_log(args):
        if args.resume:
            raise InputError("--resume continues a JSON Lines output file: give --format jsonl and -o FILE",
                             "--resume")
        return frozenset()
    path = args.output
    if not _holds_lines(path):
        return frozenset()
    if not args.resume:
        raise InputError("the JSON Lines output exists already: --resume scores only the reports not in it "
                         "and appends them; remove the file to start again", path)
    if args.explain:
        raise InputError("--resume continues a file of whole assessments; --explain writes one dimension only",
                         "--explain")
    from lawgov_score.batch.resume import RunKey, read_log, tidy_log

    log = read_log(path, RunKey.of(scorer))
    for done in tidy_log(log):
        messages.warn(f"{path}: {done}")
    messages.note(f"{path}: {len(log.current):,} report(s) scored already, not scored again")
    return log.current


def _holds_lines(path: str) -> bool:
    try:
        info = os.stat(path)
    except OSError:
        return False
    return stat.S_ISREG(info.st_mode) and info.st_size > 0


class Progress:
    """What happened to the reports of a run, told on stderr as each result comes."""

    def __init__(self, total: int, messages: Messages, args: argparse.Namespace) -> None:
        self.total, self.messages, self.args = total, messages, args
        self.tally = WarningTally(messages)
        self.scored = self.left_out = self.resumed = 0

    def follow(self, results: Iterable[Any]) -> Iterator[Any]:
        """``results`` passed on, each told about; at the end the counts, or the error of a run
        that scored nothing."""
        try:
            for result in _bar(results, self.total, self.messages):
                self._tell(result)
                yield result
        except InputError as error:
            if self.total > 1 and not self.args.keep_going and not isinstance(error, WorkerLost):
                error.message += " (--keep-going skips such files and scores the rest)"
            raise
        if self.left_out:
            self.messages.warn(f"{self.left_out} of {self.total} files left out")
        if not self.scored and not self.resumed:
            raise InputError("no report could be read", None, None)
        if not self.scored:
            self.messages.note(f"nothing to score: every report is in {self.args.output} already")
        self.tally.close()

    def _tell(self, result: Any) -> None:
        messages = self.messages
        if isinstance(result, Scored):
            self.scored += 1
            for warning in result.summary.reading_warnings:
                messages.warn(f"{result.source}: {warning}")
            self.tally.add(result.summary)
        elif isinstance(result, LeftOut):
            self.left_out += 1
            messages.warn(f"left out: {result.error}")
        elif isinstance(result, Skipped) and result.same_as is not None:
            messages.warn(f"{result.source} is the same file as {result.same_as} (the same bytes): scored once")
        else:
            self.resumed += 1

    def stopped(self) -> None:
        """Say what a stopped run into a JSON Lines log leaves, and how to go on."""
        if is_log(self.args) and self.scored:
            self.messages.warn(f"stopped: {self.args.output} holds the {self.scored:,} report(s) scored so far; "
                               "the same command with --resume scores the rest")


def _bar(results: Iterable[Any], total: int, messages: Messages) -> Iterable[Any]:
    """``results``, with a progress bar on a terminal when there are many (none with ``--quiet``)."""
    if total < 5 or not sys.stderr.isatty() or messages.level == 0:
        return results
    from tqdm import tqdm

    bar: Iterable[Any] = tqdm(results, total=total, desc="scoring", unit="report", file=sys.stderr)
    return bar
