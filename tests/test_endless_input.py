"""An import from a stream that never ends (`< /dev/zero`, `yes |`) is refused early,
before it fills the memory: binary at its first chunk, text past the size limit."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from qntrack.errors import InputError
from qntrack.files import importing


class Endless(io.RawIOBase):
    """A stream that gives ``pattern`` for ever, counting what was read."""

    def __init__(self, pattern: bytes):
        self.pattern = pattern
        self.given = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        if size is None or size < 0:
            raise AssertionError("read everything from an endless stream")
        self.given += size
        return (self.pattern * (size // len(self.pattern) + 1))[:size]


def test_an_endless_binary_stream_is_refused_at_its_first_chunk():
    stream = Endless(b"\x00")
    with pytest.raises(InputError) as caught:
        importing.read_source("-", stream)  # type: ignore[arg-type]
    assert "binary" in str(caught.value.problems[0])
    assert stream.given <= 2 * 1024 * 1024


def test_an_endless_text_stream_is_refused_past_the_limit(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(importing, "MAX_IMPORT_BYTES", 3 * 1024 * 1024)
    stream = Endless(b"y\n")
    with pytest.raises(InputError) as caught:
        importing.read_source("-", stream)  # type: ignore[arg-type]
    problem = caught.value.problems[0]
    assert str(problem.location) == "<stdin>" and "more than 3 MB" in str(problem)
    assert stream.given <= 5 * 1024 * 1024


def test_a_stream_under_the_limit_is_read_whole():
    data = b"indicator,period,value\n" + b"share,2024,12.5\n" * 100_000
    assert importing.read_source("-", io.BytesIO(data)) == data


def test_a_utf16_stream_with_its_byte_order_mark_is_not_called_binary():
    data = "\ufeffindicator\tperiod\tvalue\nshare\t2024\t12.5\n".encode("utf-16-le")
    assert importing.read_source("-", io.BytesIO(data)) == data


def test_a_file_is_read_through_the_same_bound(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(importing, "MAX_IMPORT_BYTES", 1024 * 1024)
    big = tmp_path / "big.csv"
    big.write_bytes(b"indicator,period,value\n" + b"share,2024,12.5\n" * 200_000)
    with pytest.raises(InputError) as caught:
        importing.read_source(str(big))
    assert "more than 1 MB" in str(caught.value.problems[0])
