"""The mark qntrack leaves in a report it writes, and the fingerprint that tells a report
left as written from one a person edited since (docs/report.md, "Where a report is
written"): moved out of files/outputs.py, which re-exports what it offers, at its 500-line
limit (issue 17, forty-first session).

Edge code: it reads files, so the core never imports it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

__all__ = ["GENERATOR_MARK", "mark_state", "stamp"]

# Markdown and SVG carry this comment (PDF too, after a '%': report_pdf.stamp_pdf; a Word or
# Excel report as its zip's comment); HTML its <meta name="generator">, JSON and TOML
# their leading "qntrack" key. Only the first and last few KB of a file are read for it
# (and the whole file once a fingerprint is found there: see below).
GENERATOR_MARK = "<!-- generator: qntrack -->"
_PEEK = 4096
_MARKS = (
    re.compile(rb'<meta name="generator" content="qntrack'),
    re.compile(re.escape(GENERATOR_MARK[:-4].encode("ascii"))),
    re.compile(rb'\A\s*\{\s*"qntrack"\s*:\s*"'),
    re.compile(rb'\A\s*qntrack\s*=\s*"'),
)
# qntrack 0.1 wrote no mark in Markdown or SVG; its Markdown footer and its chart element
# are specific enough to stand for one, so that an upgrade does not ask for --force. The
# element as pygal writes it declares the xlink namespace before the id.
_MARKS_01 = (
    re.compile(
        rb"\nMade by qntrack \d+\.\d+\.\d+\. Statuses follow the Statistics Canada / Open SDG "
        rb"progress measure \(docs/methodology\.md\)\.\n\Z"
    ),
    re.compile(
        rb'\A<svg xmlns="http://www\.w3\.org/2000/svg"(?: xmlns:xlink="http://www\.w3\.org/1999/xlink")?'
        rb' id="chart-[^"]*" class="pygal-chart"'
    ),
)


# A report written to a file carries a fingerprint of what qntrack wrote: "sha256:" and
# the hex SHA-256 of the whole file with those 64 digits as zeros. A file whose digits no
# longer match was edited since (a person's minutes added to it): it is no longer what
# qntrack wrote, so it is not replaced without --force. Where it goes, per format:
#   Markdown, SVG: <!-- generator: qntrack; sha256:... -->
#   PDF:           %<!-- generator: qntrack; sha256:... --> before the last startxref
#   HTML:          <meta name="generator" content="qntrack; sha256:...">
#   JSON:          "fingerprint": "sha256:..." right after the leading "qntrack" key
#   TOML:          fingerprint = "sha256:..." right after the leading qntrack line
#   Excel (.xlsx): <!-- generator: qntrack; sha256:... --> as the zip archive's comment
#   Word (.docx):  <!-- generator: qntrack; sha256:... --> as the zip's comment, at its end
# A mark without a fingerprint (reports written before it existed, 0.1's) still counts
# as qntrack's, so an upgrade does not ask for --force.
_ZEROS = b"0" * 64
_PLACEHOLDER = b"sha256:" + _ZEROS
_FINGERPRINTS = (
    re.compile(rb"<!-- generator: qntrack; sha256:([0-9a-f]{64}) -->"),
    re.compile(rb'<meta name="generator" content="qntrack; sha256:([0-9a-f]{64})">'),
    re.compile(rb'\A\s*\{\s*"qntrack"\s*:\s*"[^"\n]*",\s*"fingerprint"\s*:\s*"sha256:([0-9a-f]{64})"'),
    re.compile(rb'\A\s*qntrack\s*=\s*"[^"\n]*"\s*\n\s*fingerprint\s*=\s*"sha256:([0-9a-f]{64})"'),
)
# A report is a few MB at most (a national plan's HTML): it is hashed whole. A file with
# a fingerprint but larger than this is not one qntrack wrote as it is now.
_MAX_HASHED = 256 * 1024 * 1024


def _digest(data: bytes) -> bytes:
    import hashlib

    return hashlib.sha256(data).hexdigest().encode("ascii")


def stamp(fmt: str, payload: bytes) -> bytes:
    """The report (or chart) as written to a file: its generator mark with the fingerprint
    of these very bytes. ``fmt``: "markdown", "svg", "html", "json", "toml", "xlsx", "docx" or
    "pdf" (an Excel or Word report's mark is the zip archive's comment, the file's last bytes:
    output/report_xlsx.py, output/docx_layout.py; a PDF's a comment line near its end:
    report_pdf.stamp_pdf)."""
    if fmt in ("xlsx", "docx"):
        # The zip's comment holds the mark with the placeholder already: the comment's
        # length is written in the archive's last record, so it stays as it is.
        with_zeros = payload
    elif fmt in ("markdown", "svg", "pdf"):
        mark = GENERATOR_MARK.encode("ascii")
        i = payload.rfind(mark) if fmt in ("markdown", "pdf") else payload.find(mark)
        with_zeros = payload[:i] + mark[:-4] + b"; " + _PLACEHOLDER + b" -->" + payload[i + len(mark) :]
    elif fmt == "html":
        mark = b'<meta name="generator" content="qntrack">'
        with_zeros = payload.replace(mark, b'<meta name="generator" content="qntrack; ' + _PLACEHOLDER + b'">', 1)
    elif fmt == "json":
        with_zeros = re.sub(
            rb'\A(\{\n(\s*)"qntrack": "[^"\n]*",\n)',
            rb'\1\2"fingerprint": "' + _PLACEHOLDER + rb'",\n',
            payload,
            count=1,
        )
    elif fmt == "toml":
        with_zeros = re.sub(
            rb'\A(qntrack = "[^"\n]*"\n)', rb'\1fingerprint = "' + _PLACEHOLDER + rb'"\n', payload, count=1
        )
    else:
        raise ValueError(f"unknown format {fmt!r}")
    if _PLACEHOLDER not in with_zeros:
        raise ValueError(f"no generator mark to stamp in this {fmt} file")
    # A zip's mark is its last bytes: found from the end, never in the data before it.
    at = (with_zeros.rindex if fmt == "xlsx" else with_zeros.index)(_PLACEHOLDER) + len(b"sha256:")
    return with_zeros[:at] + _digest(with_zeros) + with_zeros[at + 64 :]


def _fingerprint_holds(fh, size: int, head: bytes, tail: bytes) -> bool | None:
    """None when the file carries no fingerprint; else whether it matches the file."""
    spans = []
    for pattern in _FINGERPRINTS:
        for where, base in ((head, 0), (tail, size - len(tail))):
            for m in pattern.finditer(where):
                spans.append(base + m.start(1))
    if not spans:
        return None
    if size > _MAX_HASHED:
        return False
    fh.seek(0)
    data = fh.read()
    for at in sorted(set(spans)):
        found = data[at : at + 64]
        if found and _digest(data[:at] + _ZEROS + data[at + 64 :]) == found:
            return True
    return False


def mark_state(path: Path) -> str:
    """ "qntrack" for a file qntrack wrote and nobody changed since (or one with the mark
    but no fingerprint: written before fingerprints), "edited" for one qntrack wrote
    that was changed since, "foreign" for any other. Only the first and last few KB are
    read for the mark; a file that has one with a fingerprint is then read whole."""
    with open(path, "rb") as fh:
        head = fh.read(_PEEK)
        size = os.fstat(fh.fileno()).st_size
        tail = b""
        if size > _PEEK:
            fh.seek(size - _PEEK)  # the last 4 KB whole, overlapping the head if need be
            tail = fh.read(_PEEK)
        end = tail or head
        marked = (
            any(m.search(head) for m in _MARKS)
            or (bool(tail) and _MARKS[1].search(tail) is not None)
            or _MARKS_01[0].search(end) is not None
            or _MARKS_01[1].search(head) is not None
        )
        if not marked:
            return "foreign"
        holds = _fingerprint_holds(fh, size, head, tail)
    return "edited" if holds is False else "qntrack"
