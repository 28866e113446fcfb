"""The text of a file of figures (``add-observation --from``): its bytes read from a stream
(a pipe, a terminal) within a bound, and decoded as the encoding its byte-order mark names,
UTF-8 without one; a binary file, or UTF-16 or UTF-32 text without a mark, refused with what
it is and the mend (moved from importing.py)."""

from __future__ import annotations

from typing import BinaryIO

from ..catalog import Message, msg
from ..errors import fail
from ..plan.model import Location

__all__ = ["MARKED", "ZIP", "binary", "decode_source", "read_bounded"]

ZIP = b"PK\x03\x04"  # a workbook (.xlsx) read from a pipe: read as one, not as text

_CHUNK = 1024 * 1024  # bytes read at a time from a stream


def binary(head: bytes) -> Message:
    """A binary file given as figures; a PDF said as one (figures often arrive as a PDF),
    and UTF-16 or UTF-32 text without a byte-order mark as what it is, with the mend."""
    if head.startswith(b"%PDF-"):
        return msg("hostile_documents_pdf")
    from .store import looks_like_utf16, looks_like_utf32

    wide = "UTF-32" if looks_like_utf32(head) else "UTF-16" if looks_like_utf16(head) else None
    return msg("small_import_no_bom", encoding=wide) if wide else msg("import_binary")


# Byte-order marks: UTF-32's first (its little-endian mark begins with UTF-16's), read as
# the mark says, where UTF-32 was decoded as UTF-16 and its header found no column.
_UTF32_MARKS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")
MARKED = (*_UTF32_MARKS, b"\xff\xfe", b"\xfe\xff")


def decode_source(data: bytes, file: str) -> str:
    """Text of an import file: UTF-8 (with or without BOM), or UTF-16 or UTF-32 with a BOM."""
    if data.startswith(_UTF32_MARKS):
        try:
            return data.decode("utf-32")
        except UnicodeDecodeError:
            raise fail(file, msg("import_binary")) from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # Excel's "Unicode text" export: UTF-16 with a byte-order mark, tab-separated.
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise fail(file, msg("import_bad_utf16")) from None
    if b"\x00" in data[:8192] or data.startswith(b"%PDF-"):
        raise fail(file, binary(data))
    from .merge_markers import refuse_merge_conflict

    refuse_merge_conflict(data, file)  # a file left mid-merge: one message at its first marker
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        from .garbled import not_utf8  # only for a file that is not UTF-8

        raise fail(Location(file, line), not_utf8(data, exc.start, file)) from None


def read_bounded(stream: BinaryIO, name: str, limit: int) -> bytes:
    """All of a stream or pipe, refused as soon as it shows it is binary (the first
    chunk, as ``decode_source`` would judge it) or grows past ``limit`` bytes (importing.MAX_IMPORT_BYTES)."""
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = stream.read(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        if not chunks:
            head = chunk
            if not head.startswith((*MARKED, ZIP)) and (b"\x00" in head[:8192] or head.startswith(b"%PDF-")):
                raise fail(name, binary(head))
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            raise fail(name, msg("import_too_large", limit=limit // (1024 * 1024)))
        if len(chunk) < _CHUNK and _typed(stream):
            # A buffered read comes back short only at the end; at a terminal the end is one
            # Ctrl-D, and a second read would wait for another (forty-third session).
            return b"".join(chunks)


def _typed(stream: BinaryIO) -> bool:
    """Whether ``stream`` is a terminal (rows typed or pasted there)."""
    try:
        return stream.isatty()
    except (AttributeError, OSError, ValueError):
        return False
