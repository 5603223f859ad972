"""Every ``-o`` that cannot be written is exit 2 with the path and the cause, and leaves nothing
behind; devices, FIFOs and ``/dev/stdout`` are written in place, never replaced by a file."""

from __future__ import annotations

import ctypes
import os
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st
from robust_helpers import FRAMEWORK, VALUES_CSV, Run, assert_failed_well, leftovers, run_process, run_quietly

from lawgov_score.errors import OutputError
from lawgov_score.writing import TEMP_SUFFIX, write_file

SCORE = ("score-table", str(VALUES_CSV), "--framework", str(FRAMEWORK), "--format", "csv")
NAME_MAX = os.pathconf("/", "PC_NAME_MAX")
PATH_MAX = os.pathconf("/", "PC_PATH_MAX")


# case → (the -o value, given the sandbox folder; what the message must say)
UNWRITABLE: dict[str, tuple[Callable[[Path], str], str]] = {
    "missing folder": (lambda t: str(t / "missing" / "out.csv"), "does not exist"),
    "parent is a file": (lambda t: str(t / "a-file" / "out.csv"), "a-file is a file, not a folder"),
    "a folder": (lambda t: str(t / "a-folder"), "it is a folder"),
    "the current folder": (lambda t: ".", "it is a folder"),
    "empty string": (lambda t: "", "the output path is empty"),
    "name over NAME_MAX": (lambda t: str(t / ("x" * (NAME_MAX + 1))), "longer than the system allows"),
    "path over PATH_MAX": (lambda t: str(t / ("d/" * (PATH_MAX // 2)) / "x"), "longer than the system allows"),
    "full disk": (lambda t: "/dev/full", "no space left on the device"),
    "a device that does not exist": (lambda t: "/dev/lawgov-score-test-nothing", "no such device"),
    "a file under /proc": (lambda t: "/proc/self/lawgov-score-test", "no such device"),
}


@pytest.mark.parametrize("case", list(UNWRITABLE))
def test_an_output_that_cannot_be_written(case: str, tmp_path: Path, cli: Callable[..., Run]) -> None:
    """Exit 2, the path and the cause in the message, no file at the path or beside it."""
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    (tmp_path / "a-folder").mkdir()
    make, message = UNWRITABLE[case]
    target = make(tmp_path)
    before = sorted(os.listdir(tmp_path))
    run = cli(*SCORE, "-o", target)
    assert_failed_well(run, message)
    assert target[:40] in run.err
    assert sorted(os.listdir(tmp_path)) == before
    assert list((tmp_path / "a-folder").iterdir()) == [] and run.out == ""


def test_a_nul_in_the_path(cli: Callable[..., Run], tmp_path: Path) -> None:
    assert_failed_well(cli(*SCORE, "-o", str(tmp_path / "a\0b.csv")), "the path is not valid")
    assert os.listdir(tmp_path) == []


def test_a_socket_and_a_block_device_are_refused(tmp_path: Path) -> None:
    """Neither is a file: a report is never sent to a socket or written over a disk."""
    path = tmp_path / "s"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    try:
        with pytest.raises(OutputError, match="it is a socket"):
            write_file(path, "x")
    finally:
        server.close()
    disks = [p for p in ("/dev/loop0", "/dev/loop1", "/dev/vda", "/dev/sda") if os.path.exists(p)]
    disks = [p for p in disks if stat.S_ISBLK(os.stat(p).st_mode)]
    if not disks:
        pytest.skip("no block device to try")
    with pytest.raises(OutputError, match="block device"):
        write_file(disks[0], "x")


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder another user can reach (pytest's own are private to their owner)."""
    folder = Path(tempfile.mkdtemp(prefix="lawgov-score-ro-"))
    folder.chmod(0o755)
    yield folder
    for child in folder.iterdir():
        child.chmod(0o644)
        child.unlink()
    folder.chmod(0o755)
    folder.rmdir()


def _drop_root_powers() -> None:
    # root writes anywhere: without CAP_DAC_OVERRIDE (and _READ_SEARCH) it obeys permissions
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "cannot drop a capability")


def _as_ordinary_user(*argv: str) -> subprocess.CompletedProcess[str]:
    if os.geteuid() != 0:
        return run_process(*argv)
    try:
        return run_process(*argv, preexec_fn=_drop_root_powers)
    except subprocess.SubprocessError as error:
        pytest.skip(f"cannot run without root's powers here: {error}")


def test_a_read_only_folder(shared_folder: Path) -> None:
    shared_folder.chmod(0o555)
    result = _as_ordinary_user(*SCORE, "-o", str(shared_folder / "out.csv"))
    assert_failed_well(result, f"no permission to create a file in the folder {shared_folder}")
    assert os.listdir(shared_folder) == []


def test_a_read_only_file_is_not_replaced(shared_folder: Path) -> None:
    """Unlike a rename would, writing honours the file's permissions."""
    target = shared_folder / "out.csv"
    target.write_text("kept\n", encoding="utf-8")
    target.chmod(0o444)
    shared_folder.chmod(0o777)
    result = _as_ordinary_user(*SCORE, "-o", str(target))
    assert_failed_well(result, "the file is read-only")
    assert target.read_text(encoding="utf-8") == "kept\n" and leftovers(shared_folder) == []


def test_dev_null_is_written_in_place(cli: Callable[..., Run]) -> None:
    assert cli(*SCORE, "-o", "/dev/null").status == 0
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_fifo_with_a_reader_is_written_in_place(tmp_path: Path, cli: Callable[..., Run]) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def read() -> None:
        with open(fifo, "rb") as stream:
            received.append(stream.read())

    reader = threading.Thread(target=read)
    reader.start()
    time.sleep(0.2)  # let the reader open its end
    run = cli(*SCORE, "-o", str(fifo))
    reader.join(10)
    assert run.status == 0, run.err
    assert received and received[0].decode("utf-8").startswith("\ufeffunit,year,dimension")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode) and os.listdir(tmp_path) == ["pipe"]


def test_a_fifo_without_a_reader_is_refused_at_once(tmp_path: Path, cli: Callable[..., Run]) -> None:
    """No hang: a FIFO nobody reads is an error, not a wait."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    started = time.monotonic()
    assert_failed_well(cli(*SCORE, "-o", str(fifo)), "no process is reading this FIFO")
    assert time.monotonic() - started < 10 and stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_dev_stdout_is_the_standard_output() -> None:
    result = run_process(*SCORE, "-o", "/dev/stdout")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("\ufeffunit,year,dimension") and os.path.islink("/dev/stdout")


def test_a_symbolic_link_stays_a_link(tmp_path: Path, cli: Callable[..., Run]) -> None:
    real = tmp_path / "real.csv"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    assert cli(*SCORE, "-o", str(link)).status == 0
    assert link.is_symlink() and real.read_text(encoding="utf-8-sig").startswith("unit,year")


def test_an_existing_file_is_replaced_whole_with_the_usual_permissions(tmp_path: Path, cli: Callable[..., Run]) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old\n", encoding="utf-8")
    assert cli(*SCORE, "-o", str(target)).status == 0
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o666 & ~umask
    assert target.read_text(encoding="utf-8-sig").startswith("unit,year") and os.listdir(tmp_path) == ["out.csv"]


_WRITE_BIG = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
from lawgov_score.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_a_write_that_fails_half_way_leaves_nothing(tmp_path: Path) -> None:
    """The file-size limit stops the write after 4 kB (EFBIG): the target is never created and
    the temporary file is gone."""
    target = tmp_path / "out.json"
    result = subprocess.run(
        [sys.executable, "-c", _WRITE_BIG, "score", "--format", "json", "-o", str(target)],
        capture_output=True, text=True, timeout=120,
    )
    assert_failed_well(result, "larger than the system allows (nothing was written)")
    assert os.listdir(tmp_path) == []


_WRITE_SLOWLY = """
import sys
from lawgov_score.writing import write_file
print("ready", flush=True)
write_file(sys.argv[1], b"x" * (256 << 20))
"""


def _kill_while_writing(tmp_path: Path, signal_number: int) -> tuple[bool, list[str]]:
    """Start writing 256 MB, send the signal as soon as the temporary file appears; whether the
    signal ended the process, and what is left in the folder."""
    target = tmp_path / "big.bin"
    child = subprocess.Popen([sys.executable, "-c", _WRITE_SLOWLY, str(target)], stdout=subprocess.PIPE)
    assert child.stdout is not None and child.stdout.readline() == b"ready\n"
    deadline = time.monotonic() + 30
    while not leftovers(tmp_path) and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.0005)
    child.send_signal(signal_number)
    child.wait(60)
    return child.returncode == -signal_number, sorted(os.listdir(tmp_path))


@pytest.mark.parametrize("signal_number", [signal.SIGTERM, signal.SIGHUP])
def test_sigterm_while_writing_leaves_nothing_half_done(tmp_path: Path, signal_number: int) -> None:
    """The process ends by the signal, as it would have, and the temporary file goes first: the
    target is either whole (the signal came after the rename) or absent, never partial."""
    killed, left = _kill_while_writing(tmp_path, signal_number)
    assert killed and left in ([], ["big.bin"]), left
    if left:
        assert (tmp_path / "big.bin").stat().st_size == 256 << 20


def test_sigkill_leaves_only_a_recognisable_temporary_file(tmp_path: Path) -> None:
    """SIGKILL cannot be caught: what it leaves is named ``.NAME.*.lawgov-score-tmp``, never a partial target."""
    killed, left = _kill_while_writing(tmp_path, signal.SIGKILL)
    assert killed
    partial = [name for name in left if name != "big.bin"]
    assert all(name.startswith(".big.bin.") and name.endswith(TEMP_SUFFIX) for name in partial), left
    if "big.bin" in left:
        assert (tmp_path / "big.bin").stat().st_size == 256 << 20


_SEGMENTS = st.sampled_from(
    ["a-file", "a-folder", "missing", "x" * 300, "ok.csv", "..", ".", "", "sub dir", "名字.csv"]
)


@settings(max_examples=40)
@given(st.lists(_SEGMENTS, min_size=1, max_size=4))
def test_any_output_path_ends_well(segments: list[str]) -> None:
    """For any path built from files, folders, missing and over-long names: exit 0 with the
    whole output at the path, or exit 2 with a message — never a traceback, never a temporary
    file left anywhere in the sandbox."""
    with tempfile.TemporaryDirectory() as sandbox:
        root = Path(sandbox)
        (root / "a-file").write_text("x", encoding="utf-8")
        (root / "a-folder").mkdir()
        target = os.path.join(sandbox, *segments)
        status, err = run_quietly(*SCORE, "-o", target)
        assert status in (0, 2) and "Traceback" not in err
        event(f"exit {status}")
        if status == 0:
            assert Path(target).read_text(encoding="utf-8-sig").startswith("unit,year")
        else:
            assert "lawgov-score: error:" in err
        for folder, _, files in os.walk(root):
            assert not [f for f in files if f.endswith(TEMP_SUFFIX)], folder
