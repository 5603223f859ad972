"""The one writer of output files: whole or not at all, and never a device replaced by a file.

A new path or a regular file is written to a temporary neighbour, ``.NAME.XXXXXXXX.lawgov-score-tmp``,
and renamed over the target once every byte is written: a reader never sees half a report, and
an error, Ctrl-C, SIGTERM or SIGHUP leaves the target as it was and no temporary file behind.
SIGKILL cannot be caught: it leaves the temporary file (recognisable by its suffix
:data:`TEMP_SUFFIX`), never a half-written target.

The content may come in pieces (an iterable of text or bytes, such as the rows of a run still
scoring): each piece is written as it comes, and the target appears only once the last one is
written. :func:`append_file` is the other way to write, for a log that grows: each piece is
appended whole to the file itself, or not at all.

A FIFO, a character device (``/dev/null``, a terminal) or a path under ``/dev`` or ``/proc``
(``/dev/stdout``) is not a file to replace: it is opened and written in place. A FIFO nobody
reads is refused at once rather than waited on. A block device, a socket and a folder are refused.

Every failure is an :class:`~lawgov_score.errors.OutputError` naming the path and the cause.
"""

from __future__ import annotations

import errno
import fcntl
import os
import signal
import stat
import threading
from collections.abc import Callable, Generator, Iterable, Iterator
from contextlib import closing, contextmanager, suppress
from pathlib import Path
from types import FrameType
from typing import Any

from lawgov_score.errors import OutputError

TEMP_SUFFIX = ".lawgov-score-tmp"
_PIECE = 1 << 20
# The temporary name keeps this much of the target's name, so that it stays under NAME_MAX.
_NAME_KEPT = 120
# Signals whose default action ends the process: the temporary file goes first.
_TERMINATING = (signal.SIGTERM, signal.SIGHUP)
# Paths whose "files" are views of devices or of this process: never replaced, never created.
_SPECIAL_ROOTS = ("/dev/", "/proc/")
_ORDINARY_UNDER_DEV = ("/dev/shm/",)  # a RAM file system where files are files


Content = str | bytes | Iterable[str | bytes]
"""What is written: text (as UTF-8), bytes, or pieces of either, written as they come."""


def write_file(destination: str | os.PathLike[str], content: Content) -> None:
    """Write ``content`` (text as UTF-8) to ``destination``, whole or not at all.

    A lone surrogate in text (from a file name that is not valid UTF-8, say) is written as its
    ``\\uXXXX`` escape — which JSON reads back as the same string — rather than failing. Whatever
    the pieces' producer raises is raised as it is, after the temporary file is removed.

    :raises OutputError: the path cannot be written; the message says why.
    """
    _written(destination, content, _write)


def append_file(destination: str | os.PathLike[str], content: Content) -> None:
    """Append ``content`` to ``destination`` (created if missing), piece by piece, each piece whole.

    For a log that a stopped run continues (JSON Lines, one piece a line): a piece interrupted
    while it is written (Ctrl-C, an error) is cut off again, so the file ends with the last whole
    piece. Only SIGKILL or a crash of the machine can leave part of one, which the reader of the
    log must drop (:mod:`lawgov_score.batch.resume` does). A FIFO or a device is written in place.

    :raises OutputError: the path cannot be written; the message says why.
    """
    _written(destination, content, _append)


def cut_file(destination: str | os.PathLike[str], size: int) -> None:
    """Cut the regular file ``destination`` to its first ``size`` bytes (a log's last, broken line).

    :raises OutputError: the file cannot be changed; the message says why.
    """
    path = _checked_path(destination)
    try:
        os.truncate(path, size)
    except OSError as error:
        raise OutputError(f"cannot change the output: {_cause(error, path)}", _shown(path)) from None


def _written(destination: str | os.PathLike[str], content: Content,
             write: Callable[[str, Iterable[bytes]], None]) -> None:
    """Run ``write`` on the path and the pieces, with every failure of the writer an OutputError."""
    path = _checked_path(destination)
    pieces = _encoded(content)
    with _producer_errors(), closing(pieces):  # closed at once: a producer left early ends its own work
        try:
            write(path, pieces)
        except OSError as error:
            raise OutputError(f"cannot write the output: {_cause(error, path)}", _shown(path)) from None
        except ValueError as error:  # os functions refuse a path with a NUL character
            raise OutputError(f"cannot write the output: the path is not valid ({error})", _shown(path)) from None


def _checked_path(destination: str | os.PathLike[str]) -> str:
    path = os.fsdecode(destination)
    if not path:
        raise OutputError("the output path is empty: give a file name, or - for standard output")
    return path


class _ProducerFailed(Exception):
    """What the producer of the pieces raised, carried past the handlers of the writer's own errors."""

    def __init__(self, error: Exception) -> None:
        super().__init__(str(error))
        self.error = error


def _encoded(content: Content) -> Generator[bytes, None, None]:
    """The pieces of ``content`` as bytes; the producer's errors come out as :class:`_ProducerFailed`."""
    if isinstance(content, (str, bytes, bytearray, memoryview)):
        yield _bytes(content)
        return
    pieces = iter(content)
    try:
        while True:
            try:
                piece = next(pieces)
            except StopIteration:
                return
            except Exception as error:  # not KeyboardInterrupt: it stays itself
                raise _ProducerFailed(error) from error
            yield _bytes(piece)
    finally:
        close = getattr(pieces, "close", None)
        if close is not None:
            close()


def _bytes(piece: str | bytes | bytearray | memoryview) -> bytes:
    return piece.encode("utf-8", "backslashreplace") if isinstance(piece, str) else bytes(piece)


@contextmanager
def _producer_errors() -> Iterator[None]:
    try:
        yield
    except _ProducerFailed as failed:
        raise failed.error.with_traceback(failed.error.__traceback__) from failed.error.__cause__


def _shown(path: str) -> str:
    """The path as a message shows it: whole, unless it is too long to read."""
    return path if len(path) <= 240 else f"{path[:120]}…{path[-80:]}"


def _write(path: str, data: Iterable[bytes]) -> None:
    absolute = os.path.abspath(path)
    special = absolute.startswith(_SPECIAL_ROOTS) and not absolute.startswith(_ORDINARY_UNDER_DEV)
    try:
        info: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        if special:
            raise FileNotFoundError(errno.ENODEV, "there is no such device (no file is created there)", path) from None
        info = None
    if info is not None:
        mode = info.st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), path)
        if stat.S_ISBLK(mode):
            raise OSError(errno.EPERM, "it is a block device (a disk): a report is never written onto one", path)
        if stat.S_ISSOCK(mode):
            raise OSError(errno.ENXIO, "it is a socket", path)
        if not stat.S_ISREG(mode) or special:
            _write_in_place(path, data, fifo=stat.S_ISFIFO(mode), truncate=stat.S_ISREG(mode))
            return
    # A symbolic link stays a link: the file it points to is replaced.
    target = os.path.realpath(path) if os.path.islink(path) else path
    if info is not None and not os.access(target, os.W_OK):
        raise PermissionError(errno.EACCES, "the file is read-only", path)
    _write_replacing(target, data)


def _write_in_place(path: str, data: Iterable[bytes], *, fifo: bool, truncate: bool) -> None:
    flags = os.O_WRONLY | os.O_NOCTTY | os.O_CLOEXEC
    if fifo:
        flags |= os.O_NONBLOCK  # fails with ENXIO at once when no process reads the FIFO
    if truncate:
        flags |= os.O_TRUNC
    try:
        fd = os.open(path, flags)
    except OSError as error:
        if fifo and error.errno == errno.ENXIO:
            raise OSError(errno.ENXIO, "no process is reading this FIFO; start the reader first", path) from None
        raise
    try:
        if fifo:  # now that a reader is known, wait for it like any writer
            fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) & ~os.O_NONBLOCK)
        _write_all(fd, data)
    finally:
        os.close(fd)


def _new_private_file(folder: str, prefix: str) -> tuple[int, str]:
    """A new file ``PREFIX`` + 8 random characters + :data:`TEMP_SUFFIX` in ``folder``, readable
    by its owner only, as :func:`tempfile.mkstemp` makes it (without importing tempfile, whose
    dependencies — shutil, bz2, lzma, random — cost a command several milliseconds to start)."""
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        path = os.path.join(os.path.abspath(folder), f"{prefix}{os.urandom(4).hex()}{TEMP_SUFFIX}")
        try:
            return os.open(path, flags, 0o600), path
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no unused name for a temporary file", folder)


def _write_replacing(target: str, data: Iterable[bytes]) -> None:
    folder = os.path.dirname(target) or "."
    name = os.path.basename(target)
    with _removed_on_termination() as temporaries:
        # Blocked for the moment the file exists but is not yet known to the handler.
        with _signals_blocked():
            try:
                fd, temporary = _new_private_file(folder, f".{name[:_NAME_KEPT]}.")
            except PermissionError as error:
                where = os.path.abspath(folder)
                raise PermissionError(error.errno, f"no permission to create a file in the folder {where}",
                                      target) from None
            temporaries.append(temporary)
        try:
            try:
                _write_all(fd, data)
                # the temporary file is private (0600); a report is meant to be shared like any new file.
                os.fchmod(fd, 0o666 & ~_umask())
            finally:
                os.close(fd)
            os.replace(temporary, target)
        except BaseException:
            _remove(temporary)
            raise


def _write_all(fd: int, data: Iterable[bytes]) -> None:
    for piece in data:
        _write_piece(fd, piece)


def _write_piece(fd: int, piece: bytes) -> None:
    # In slices: a signal's Python handler runs between two writes, not after the last one.
    view = memoryview(piece)
    while view:
        written = os.write(fd, view[:_PIECE])
        view = view[written:]


def _append(path: str, data: Iterable[bytes]) -> None:
    absolute = os.path.abspath(path)
    special = absolute.startswith(_SPECIAL_ROOTS) and not absolute.startswith(_ORDINARY_UNDER_DEV)
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        if special:
            raise FileNotFoundError(errno.ENODEV, "there is no such device (no file is created there)", path) from None
        mode = stat.S_IFREG
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), path)
    if not stat.S_ISREG(mode) or special:
        _write_in_place(path, data, fifo=stat.S_ISFIFO(mode), truncate=False)
        return
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC, 0o666)
    try:
        for piece in data:
            end = os.lseek(fd, 0, os.SEEK_END)
            try:
                _write_piece(fd, piece)
            except BaseException:
                os.ftruncate(fd, end)  # the piece is written whole or not at all
                raise
    finally:
        os.close(fd)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _remove(path: str) -> None:
    with suppress(FileNotFoundError):
        os.unlink(path)


@contextmanager
def _removed_on_termination() -> Iterator[list[str]]:
    """While the block runs, a signal that would end the process first removes the files the
    block adds to the list it is given.

    A signal the program handles itself goes to its handler (whose exception, if any, removes the
    file on the way out); an ignored one stays ignored. Handlers can only be set in the main thread:
    elsewhere the process-wide handlers are left alone.
    """
    temporaries: list[str] = []
    if threading.current_thread() is not threading.main_thread():
        yield temporaries
        return
    previous: dict[int, Any] = {}

    def handle(number: int, frame: FrameType | None) -> None:
        before = previous[number]
        if before is signal.SIG_IGN:
            return
        if callable(before):
            before(number, frame)
            return
        for temporary in temporaries:
            _remove(temporary)
        signal.signal(number, signal.SIG_DFL)
        signal.raise_signal(number)  # end the way the signal would have ended the process

    handler: Callable[[int, FrameType | None], None] = handle
    for signal_number in _TERMINATING:
        previous[signal_number] = signal.signal(signal_number, handler)
    try:
        yield temporaries
    finally:
        for restored, before in previous.items():
            signal.signal(restored, signal.SIG_DFL if before is None else before)


@contextmanager
def _signals_blocked() -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, _TERMINATING)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)  # a signal that came meanwhile is handled now


def _cause(error: OSError, path: str) -> str:
    """What went wrong, in words that point at the fix."""
    code = error.errno
    folder = os.path.dirname(os.path.abspath(path))
    if code == errno.ENOENT:
        return f"the folder {folder} does not exist"
    if code == errno.ENOTDIR:
        return f"{_file_in_the_way(path) or folder} is a file, not a folder"
    if code == errno.ENAMETOOLONG:
        return f"the path is longer than the system allows ({_name_limits(folder)})"
    messages = {
        errno.EISDIR: "it is a folder: give a file name inside it",
        errno.EROFS: "the file system is read-only",
        errno.ENOSPC: "no space left on the device (nothing was written)",
        errno.EDQUOT: "the disk quota is exceeded (nothing was written)",
        errno.EFBIG: "the file would be larger than the system allows (nothing was written)",
        errno.EPIPE: "the reader went away before the output was written",
        errno.ELOOP: "too many levels of symbolic links",
        errno.ENODEV: "there is no such device (no file is created under /dev or /proc)",
    }
    return messages.get(code or 0, error.strerror or str(error))


def _file_in_the_way(path: str) -> str | None:
    try:
        return next((str(p) for p in Path(path).absolute().parents if p.exists() and not p.is_dir()), None)
    except OSError:
        return None


def _name_limits(folder: str) -> str:
    try:
        existing = next((p for p in (Path(folder), *Path(folder).parents) if p.is_dir()), Path("/"))
        name, path = os.pathconf(existing, "PC_NAME_MAX"), os.pathconf(existing, "PC_PATH_MAX")
        return f"at most {name} bytes a name, {path} a path"
    except (OSError, ValueError):
        return "see the file system's limits"
