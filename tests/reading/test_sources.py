"""Getting a report's bytes: regular files only, the size limit checked before reading, streams bounded."""

from __future__ import annotations

import io
import os
import threading
import time
from pathlib import Path

import pytest

from lawgov_score.errors import InputError
from lawgov_score.reading.document import read
from lawgov_score.reading.sources import read_file, read_stream


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_devices_are_refused_without_reading(device: str) -> None:
    if not os.path.exists(device):
        pytest.skip(f"no {device} here")
    started = time.perf_counter()
    with pytest.raises(InputError, match="is a device, not a regular file") as caught:
        read(device, dimensions=())
    assert caught.value.source == device and time.perf_counter() - started < 1


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    outcome: list[BaseException] = []
    worker = threading.Thread(target=lambda: _catch(outcome, fifo), daemon=True)
    worker.start()
    worker.join(5)
    assert not worker.is_alive(), "reading a FIFO blocked"
    assert isinstance(outcome[0], InputError) and "FIFO" in str(outcome[0])


def _catch(outcome: list[BaseException], path: Path) -> None:
    try:
        read(path, dimensions=())
    except BaseException as error:  # the test checks which
        outcome.append(error)


def test_the_size_limit_is_checked_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.txt"
    path.write_text("办理案件12件。\n" * 100, encoding="utf-8")
    monkeypatch.setenv("LAWGOV_SCORE_MAX_FILE_BYTES", "1000")
    with pytest.raises(InputError, match=r"size of the file in bytes is 2,100, above the limit of 1,000") as caught:
        read_file(path)
    assert "LAWGOV_SCORE_MAX_FILE_BYTES" in str(caught.value) and caught.value.source == str(path)
    monkeypatch.setenv("LAWGOV_SCORE_MAX_FILE_BYTES", "0")
    assert len(read_file(path)) == 2100


def test_a_stream_is_read_to_the_limit_and_one_byte_more(monkeypatch: pytest.MonkeyPatch) -> None:
    class Endless(io.RawIOBase):
        """Standard input that never ends, like ``cat /dev/zero |``; counts what is asked of it."""

        served = 0

        def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
            buffer[:] = b"x" * len(buffer)
            self.served += len(buffer)
            return len(buffer)

    endless = Endless()
    monkeypatch.setenv("LAWGOV_SCORE_MAX_FILE_BYTES", "5000")
    with pytest.raises(InputError, match=r"at least.*5,001, above the limit of 5,000") as caught:
        read_stream(endless)  # type: ignore[arg-type]
    assert caught.value.source == "<stdin>" and endless.served == 5001
    assert read_stream(io.BytesIO(b"abc")) == b"abc"


def test_names_that_cannot_be_paths_are_no_such_file() -> None:
    with pytest.raises(InputError, match=r"no such file.*text="):
        read("办理案件12件。" * 200, dimensions=())
    with pytest.raises(InputError, match="no such file"):
        read("a\x00b.txt", dimensions=())


def test_the_decoded_text_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "r.txt"
    path.write_text("办理案件12件。" * 100, encoding="utf-8")
    monkeypatch.setenv("LAWGOV_SCORE_MAX_TEXT_CHARS", "500")
    with pytest.raises(InputError, match="length of the report's text in characters is 800"):
        read(path, dimensions=())
