"""The command line's one error boundary: every failure becomes a message and an exit status.

* bad input, an output that cannot be written, a plugin fault, not enough memory: one message
  naming the file (or option) and the place, exit status 2;
* a bug (any other exception): a one-line summary and the path of a file holding the full
  traceback, exit status 1 — or the traceback itself with ``--debug``;
* Ctrl-C: exit status 130, and no file half-written (see :mod:`lawgov_score.writing`).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from contextlib import suppress

from lawgov_score import __version__
from lawgov_score.errors import LawgovScoreError

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
DEBUG_ENV = "LAWGOV_SCORE_DEBUG"
TRACEBACK_PREFIX = "lawgov-score-traceback-"

PROGRAM = "lawgov-score"


def guarded(command: Callable[[], int], argv: Sequence[str], debug: bool) -> int:
    """Run ``command`` and turn whatever it raises into a message on stderr and an exit status."""
    try:
        status = command()
        sys.stdout.flush()  # here, so that a full disk behind stdout is reported like any other
        return status
    except LawgovScoreError as error:
        return _user_error(str(error), debug)
    except MemoryError:
        return _user_error(
            "not enough memory for this input: split it, or score it on a larger machine "
            "(the limits that stop most oversized inputs before they start are listed on the "
            '"Limits and errors" page of the documentation)',
            debug,
        )
    except BrokenPipeError:
        # The reader (`| head`) went away: not an error of ours.
        _silence_stdout()
        return EXIT_OK
    except OSError as error:  # the system refused something no stage turned into an InputError
        _silence_stdout()
        where = os.fsdecode(error.filename) if isinstance(error.filename, (str, bytes)) else "the system refused"
        return _user_error(f"{where}: {error.strerror or error}", debug)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except (Exception, SystemExit) as error:  # a bug: SystemExit here came from code that must not exit
        return _internal_error(error, argv, debug)


def _user_error(message: str, debug: bool) -> int:
    if debug:
        import traceback

        traceback.print_exc(file=sys.stderr)
    print(f"{PROGRAM}: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def _internal_error(error: BaseException, argv: Sequence[str], debug: bool) -> int:
    import traceback

    summary = f"{type(error).__name__}: {error}".splitlines()[0] if str(error) else type(error).__name__
    if debug:
        traceback.print_exc(file=sys.stderr)
        print(f"{PROGRAM}: internal error (a bug): {summary}", file=sys.stderr)
        return EXIT_INTERNAL
    saved = _save_traceback(argv)
    where = (
        f"the full traceback is in {saved}; please attach it to a bug report"
        if saved
        else "the traceback could not be saved; run again with --debug to see it"
    )
    print(f"{PROGRAM}: internal error (a bug in lawgov-score or a plugin): {summary} — {where}", file=sys.stderr)
    return EXIT_INTERNAL


def _save_traceback(argv: Sequence[str]) -> str | None:
    """Write the current exception's traceback to a new file in the temporary folder; its path."""
    # Imported on the way out only: a run that goes well does not pay for them.
    import platform
    import tempfile
    import traceback

    try:
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", errors="backslashreplace", prefix=TRACEBACK_PREFIX, suffix=".txt", delete=False
        ) as handle:
            handle.write(f"{PROGRAM} {__version__}, Python {platform.python_version()} on {platform.platform()}\n")
            handle.write(f"command: {PROGRAM} {' '.join(argv)}\n\n")
            handle.write(traceback.format_exc())
            return handle.name
    except OSError:
        return None


def _silence_stdout() -> None:
    # What is left in stdout's buffer could not be written: let the interpreter's last flush
    # go to /dev/null instead of failing again with an "Exception ignored" message.
    with suppress(OSError, ValueError, AttributeError):  # stdout may be no file (a test's capture)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def dash_hint(argv: Sequence[str]) -> str | None:
    """After a usage error: a hint for an existing file whose name begins with ``-``."""
    before = list(argv[: argv.index("--")]) if "--" in argv else list(argv)
    files = [arg for arg in before if arg.startswith("-") and arg != "-" and os.path.lexists(arg)]
    if not files:
        return None
    name = files[0]
    return (
        f"{PROGRAM}: {name!r} is a file, but a name beginning with '-' is read as an option: put '--' "
        f"before the file names (… -- {name}) or write ./{name}"
    )
