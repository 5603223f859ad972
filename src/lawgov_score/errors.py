"""The errors lawgov_score raises for bad input, and how they name the place."""

from __future__ import annotations


class LawgovScoreError(Exception):
    """Base of every error lawgov_score raises on purpose."""


class InputError(LawgovScoreError):
    """A user's input is wrong: the message names the file, the place and the problem.

    The command line prints it without a traceback and exits with status 2.

    :param message: what is wrong and what was expected.
    :param source: the file (or ``<string>``) the input came from.
    :param location: where in it: a JSON path (``$.dimensions[2].weight``),
        ``row 4, column "value"`` for CSV, ``line 12`` for text.
    """

    def __init__(self, message: str, source: str | None = None, location: str | None = None) -> None:
        self.message = message
        self.source = source
        self.location = location
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ": ".join(part for part in (self.source, self.location) if part)
        return f"{where}: {self.message}" if where else self.message


class OutputError(InputError):
    """An output file cannot be written: the message names the path and the cause.

    It is bad input too (the ``-o`` path, a full disk), so the command line exits with status 2.
    """


class ValidationErrors(InputError):
    """Several schema errors found in one file; each is an :class:`InputError`."""

    def __init__(self, errors: list[InputError], source: str | None = None) -> None:
        self.errors = errors
        summary = f"{len(errors)} error(s)" if len(errors) != 1 else "1 error"
        super().__init__(summary, source)

    def __str__(self) -> str:
        return "\n".join(str(error) for error in self.errors)


class PluginError(LawgovScoreError):
    """A plugin could not be loaded or declared something inconsistent."""


class StrictModeError(LawgovScoreError):
    """``--strict`` was asked for and a dimension failed while scoring."""
