"""Reading a person's text file safely: UTF-8 only, with a helpful word when it is not."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from .errors import fail
from .model import Location

__all__ = ["read_text", "nfc"]


def nfc(text: str) -> str:
    """Unicode NFC, so that 'ệ' typed two ways compares equal (Vietnamese input methods differ)."""
    return text if text.isascii() else unicodedata.normalize("NFC", text)


# Windows-1258 and TCVN3 (ABC) were the common encodings before Unicode in Vietnam and
# still come out of old spreadsheets; neither can be told apart reliably from bytes alone.
_LEGACY_HINT = (
    "not UTF-8 text (perhaps Windows-1258 or TCVN3/ABC, older Vietnamese encodings); "
    "open it in an editor and save it as UTF-8"
)


def read_text(path: Path, what: str) -> str:
    """The file's text, or an InputError naming the file and what is wrong with it."""
    name = str(path)
    if not path.exists():
        raise fail(name, f"{what} not found")
    if path.is_dir():
        raise fail(name, f"{what} is a directory, expected a file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise fail(name, f"cannot read {what}: {exc.strerror or exc}") from None
    if b"\x00" in data[:8192]:
        raise fail(name, f"{what} is a binary file, not text")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise fail(Location(name, line), f"{what}: {_LEGACY_HINT}") from None
    return text
