"""Finding lines by number in a large store, for the status cache's appends.

A sparse index of where lines start (every ~8 KB: a byte offset and its line number)
is kept with the cache; with it an append re-reads the old rows of the indicators it
touched by splitting a few small slices of the store rather than all of it.

Every 8 KB rather than 64 KB (issue 17, fourth session): a province's indicator has a
line in nearly every slice of a national store, and its 10,573 lines were found in
0.070 s splitting 64 KB slices, 0.026 s splitting 8 KB ones; the index of a 77 MB
store grows from 20 KB to 158 KB and takes 0.005 s more to build (2 KB slices: 0.013 s,
but 620 KB and 0.026 s more).
"""

from __future__ import annotations

from array import array
from typing import Any, Sequence

_STRIDE = 8 * 1024  # bytes between two entries of the line index (below)


def _line_index(data: Any) -> tuple[bytes, bytes]:
    """Every ~8 KB, the byte offset of a line start and its line number (two arrays).

    With it, an append re-reads the old rows of the indicators it touched by splitting a
    few small slices of the store rather than all of it. ``_newlines`` counts the whole
    store's lines from it.
    """
    offsets, numbers = array("Q", [0]), array("I", [1])
    pos, line, end = 0, 1, len(data)
    while True:
        nxt = data.find(b"\n", pos + _STRIDE)
        if nxt < 0 or nxt + 1 >= end:
            return offsets.tobytes(), numbers.tobytes()
        line += data[pos : nxt + 1].count(b"\n")
        pos = nxt + 1
        offsets.append(pos)
        numbers.append(line)


def _newlines(data: Any, index: tuple[bytes, bytes]) -> int:
    """The number of newlines in ``data``, from its line index: those before the last
    line the index gives, and the rest counted (not the whole store again: 0.08 s)."""
    offsets, numbers = array("Q"), array("I")
    offsets.frombytes(index[0])
    numbers.frombytes(index[1])
    return numbers[-1] - 1 + data[offsets[-1] :].count(b"\n")


def _lines_at(data: Any, size: int, index: tuple[bytes, bytes], wanted: Sequence[int]) -> list[bytes]:
    """The lines numbered ``wanted`` in ``data[:size]``, without their newline, in the
    order asked (a broken-down indicator's lines come key by key, each key's ascending).

    Taken in the store's order, so that each ~8 KB slice is split once and let go before
    the next: a province's indicator has lines in every slice of a national store, and
    holding every split slice at once held the whole store as a million small objects.
    """
    from bisect import bisect_right

    offsets, numbers = array("Q"), array("I")
    offsets.frombytes(index[0])
    numbers.frombytes(index[1])
    out: list[bytes] = [b""] * len(wanted)
    current, piece = -1, []
    for at in sorted(range(len(wanted)), key=wanted.__getitem__):
        n = wanted[at]
        k = bisect_right(numbers, n) - 1
        if k != current:
            stop = offsets[k + 1] if k + 1 < len(offsets) else size
            current, piece = k, data[offsets[k] : stop].split(b"\n")
        out[at] = piece[n - numbers[k]]
    return out
