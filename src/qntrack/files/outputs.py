"""Where a report may be written: never over what the tracker reads, never over a file
qntrack did not write (unless --force), never in place of a FIFO or a device, and never
in a format its extension contradicts (docs/report.md, "Where a report is written").

Edge code: it looks at the disk, so the core never imports it.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import Iterable

from ..errors import ExitCode, InputError, fail, os_words
from ..catalog import Message, msg
from .example_name import example, in_folder

__all__ = [
    "os_error_file",
    "GENERATOR_MARK",
    "stamp",
    "mark_state",
    "STDOUT_NAMES",
    "WRITABLE",
    "report_format",
    "output_path",
    "refuse_file_as_folder",
    "refuse_protected",
    "refuse_foreign",
    "refuse_stdout_into",
]

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

# `-o -` and `-o /dev/stdout` both mean standard output, as in most Unix tools.
STDOUT_NAMES = ("-", "/dev/stdout")

WRITABLE = {
    ".html": "html",
    ".htm": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".json": "json",
    ".toml": "toml",
    ".xlsx": "xlsx",
    ".docx": "docx",
    ".pdf": "pdf",
}

# Extensions that name some other format: a report is never written under them, even
# with --format, so `review.pdf` can never hold Markdown.
_OTHER = {
    ".doc": "Word 97-2003",
    ".odt": "OpenDocument",
    ".rtf": "RTF",
    ".xls": "Excel 97-2003",
    ".xlsm": "Excel",
    ".ods": "OpenDocument",
    ".ppt": "PowerPoint",
    ".pptx": "PowerPoint",
    ".odp": "OpenDocument",
    ".csv": "CSV",
    ".tsv": "TSV",
    ".yaml": "YAML",
    ".yml": "YAML",
    ".xml": "XML",
    ".svg": "SVG",
    ".png": "PNG",
    ".jpg": "JPEG",
    ".jpeg": "JPEG",
    ".gif": "GIF",
    ".zip": "ZIP",
    ".lock": "lock",
    ".py": "Python",
    ".sh": "shell",
}
# Of those, the ones whose modern form qntrack writes: the refusal gives that name instead
# ("bao-cao.xls": write -o bao-cao.xlsx).
_NEAREST = {".doc": ".docx", ".odt": ".docx", ".rtf": ".docx", ".xls": ".xlsx", ".xlsm": ".xlsx", ".ods": ".xlsx"}
# "(that of an HTML report)": a noun phrase per format, in the message's language.
_A = {
    "html": "outputs_an_html_report",
    "markdown": "outputs_a_markdown_report",
    "json": "outputs_a_json_report",
    "toml": "outputs_a_toml_report",
    "xlsx": "outputs_an_xlsx_report",
    "docx": "outputs_a_docx_report",
    "pdf": "outputs_a_pdf_report",
}
# The two things a report may be written over by mistake, named in the message's language.
_PLAN, _STORE = Message("outputs_the_plan"), Message("outputs_the_store")
# Beside its path, the plan is named without the "(targets.yaml)" the name above carries:
# "standard output is the plan file (plan.yaml)", not "the plan (targets.yaml) (plan.yaml)".
_PLAN_FILE = Message("outputs_the_plan_file")


def report_format(output: str, explicit: str | None) -> str:
    """The report's format for ``-o output``: from the extension where qntrack writes it.

    An explicit --format is taken for an extension that names no other format (e.g.
    ``--format markdown -o notes.txt``), refused for one that does (``x.pdf``) and for
    a contradiction (``--format json -o x.html``).
    """
    suffix = Path(output).suffix.lower()
    implied = WRITABLE.get(suffix)
    if explicit is not None:
        if implied is not None and implied != explicit:
            raise fail(
                output,
                msg("outputs_format_contradicts", format=explicit, suffix=suffix, report=Message(_A[implied])),
                ExitCode.USAGE,
            )
        if suffix in _OTHER:
            raise fail(
                output,
                msg("outputs_other_format_explicit", suffix=suffix, kind=_OTHER[suffix], format=explicit),
                ExitCode.USAGE,
            )
        return explicit
    if implied is not None:
        return implied
    if suffix in _OTHER:
        kind, nearest = _OTHER[suffix], _NEAREST.get(suffix)
        if nearest is None:
            raise fail(output, msg("outputs_cannot_write_other", kind=kind, suffix=suffix), ExitCode.USAGE)
        instead = output[: -len(suffix)] + nearest
        # A name with spaces, quoted as a shell (cmd.exe and PowerShell too) takes it.
        instead = f'"{instead}"' if " " in instead else instead
        raise fail(
            output, msg("outputs_cannot_write_other_instead", kind=kind, suffix=suffix, name=instead), ExitCode.USAGE
        )
    if suffix:
        raise fail(output, msg("outputs_extension_says_no_format", suffix=suffix), ExitCode.USAGE)
    raise fail(output, msg("outputs_no_extension"), ExitCode.USAGE)


def refuse_link_format(output: str, real: Path, fmt: str, explicit: str | None) -> None:
    """``-o`` a symbolic link (``latest.md -> review.pdf``): the file written is the link's
    target, so its name obeys the extension rule too, else a Markdown report lands in a
    .pdf file, a .csv or a name with no extension. A target of the same format passes; one
    with no or an unknown extension only with an explicit --format, as a name typed so."""
    if os.path.normcase(Path(output).name) == os.path.normcase(real.name):
        return  # no link, or one to a file of the same name: the name's check stands
    suffix = real.suffix.lower()
    implied = WRITABLE.get(suffix)
    if implied == fmt:
        return
    report = Message(_A[fmt])
    if implied is not None or suffix in _OTHER:
        other: object = Message(_A[implied]) if implied is not None else _OTHER[suffix]
        raise fail(
            output,
            msg("outputs_link_other_format", real=real, suffix=suffix, other=other, report=report),
            ExitCode.USAGE,
        )
    if explicit is None:
        raise fail(output, msg("outputs_link_no_format", real=real, report=report), ExitCode.USAGE)


def output_path(output: str, kind: str | None = None, report: bool = False) -> Path:
    """The real file a report for ``-o output`` goes to: a symlink is written through to
    its target, after the same checks on the target. Refuses a folder, a missing folder
    and anything that is not a regular file (a FIFO, a device, a socket), a name
    Windows cannot hold, and a quoted '~' standing for a folder, the home folder or one
    in it (files/windows_paths.py)."""
    from .windows_paths import refuse_home_output, refuse_windows_output

    refuse_windows_output(output)
    refuse_home_output(output, kind)  # "~", "~/": the home folder, never a file named '~' here
    given = Path(output)
    real = Path(os.path.realpath(given))
    info: os.stat_result | None
    try:
        info = os.stat(real)
    except FileNotFoundError:
        # /dev/stderr or /dev/fd/1 on a pipe resolves to /proc/PID/fd/pipe:[N], a name that
        # is no path; the link itself still reaches the pipe, which is refused as one below.
        info = _stat_or_none(given)
    except OSError as exc:
        refuse_file_as_folder(output)  # the folder for it is a file: as a missing one, exit 2
        # A name too long, a loop of links: the system's answer, so exit 1 (README, "Exit
        # codes"), with what to do about it.
        from ..errors import os_reason

        raise fail(output, msg("outputs_cannot_look", reason=os_reason(exc))) from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        if report:  # a report's folder: a file in it, of the format asked (--format, or its name's)
            raise fail(output, msg("outputs_is_folder_report", **in_folder(output, kind)), ExitCode.USAGE)
        raise fail(output, msg("outputs_is_folder", **example(output, kind)), ExitCode.USAGE)
    if output.endswith(("/", os.sep)):
        # A folder's name (pathlib drops the '/': 'review.md/' would be the file review.md),
        # of a folder that is not there, which qntrack never creates; or of a file.
        named = output.rstrip("/" + os.sep)
        if info is not None:
            raise fail(output, msg("outputs_file_as_folder", file=named), ExitCode.USAGE)
        raise fail(output, msg("outputs_no_folder", folder=named), ExitCode.USAGE)
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise fail(output, msg("outputs_not_regular"), ExitCode.USAGE)
    if not real.parent.is_dir():
        from .windows_paths import with_home_hint

        shown = real.parent if given.is_symlink() else given.parent
        raise fail(output, with_home_hint(msg("outputs_no_folder", folder=shown), output, "folder"), ExitCode.USAGE)
    return real


def refuse_file_as_folder(output: str) -> None:
    """Refuse an output whose path goes through a file (``-o targets.yaml/r.md``): the
    folder it names is no folder, a usage mistake as a folder that does not exist is (exit
    2, README "Exit codes"), where the system's ENOTDIR made it exit 1 (issue 17,
    forty-first session). The file is named as the path writes it; nothing when every
    part of the path that is there is a folder."""
    for part in reversed(Path(output).parents):
        if os.path.exists(part) and not os.path.isdir(part):
            raise fail(output, msg("outputs_folder_is_file", folder=str(part)), ExitCode.USAGE)


def _stat_or_none(path: Path) -> os.stat_result | None:
    try:
        return os.stat(path)
    except OSError:
        return None


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def refuse_protected(output: str, real: Path, targets_path: Path, store_path: Path, kind: str | None = None) -> None:
    """Refuse a report path that is a file the tracker reads or keeps: targets.yaml, the
    observations file, their lock and side files (``observations.csv.*``) and anything in
    the status cache. Real paths are compared, so a symlink, a hard link or
    ``./x/../observations.csv`` is seen for what it is. The name offered instead is of the
    format ``kind`` asked (``example``)."""
    other = example(output, kind)
    for path, what in ((targets_path, _PLAN), (store_path, _STORE)):
        if _same(real, path):
            raise fail(output, msg("outputs_is_read_by_tracker", what=what, **other), ExitCode.USAGE)
        base = Path(os.path.realpath(path))
        from .name_room import shortened

        stems = (base.name + ".", shortened(base.name, base.parent) + ".")  # its lock's, journal's
        taken = next((s for s in stems if real.name.startswith(s)), None)
        if real.parent == base.parent and taken is not None:
            raise fail(output, msg("outputs_belongs_to", what=what, prefix=taken, **other), ExitCode.USAGE)
    from .workspace import CACHE_DIR

    if CACHE_DIR in real.parts:
        raise fail(output, msg("outputs_inside_cache", cache=CACHE_DIR, **other), ExitCode.USAGE)


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


_SAVED_BY = {".docx": "Word", ".xlsx": "Excel"}


def refuse_foreign(files: Iterable[tuple[str, Path]], force: bool) -> None:
    """Refuse to replace an existing file that qntrack did not write, one qntrack wrote
    that was edited since (its fingerprint no longer matches), or one that is
    read-only (no write permission for anyone), unless --force.
    ``files``: each file as the user knows it (for the message) and its real path."""
    if force:
        return
    for shown, path in files:
        try:
            if not path.exists():
                continue
            if not os.stat(path).st_mode & 0o222:
                # A rename ignores the mode, so honour it here (even for root).
                raise fail(shown, msg("outputs_read_only"), ExitCode.USAGE)
            state = mark_state(path)
        except OSError as exc:
            raise fail(shown, msg("outputs_cannot_read_mark", reason=os_words(exc))) from None
        if state == "edited":
            raise fail(shown, msg("outputs_edited_report"), ExitCode.USAGE)
        if state != "qntrack":
            # Word and Excel drop a .docx's or .xlsx's mark (the zip's comment) when they
            # save it: a report edited there is said so, not as a stranger's file.
            app = _SAVED_BY.get(path.suffix.lower())
            raise fail(
                shown,
                msg("outputs_foreign_office_file", app=app) if app else msg("outputs_foreign_file"),
                ExitCode.USAGE,
            )


def os_error_file(exc: OSError, fallback: str) -> str:
    """The file an OSError is about, as the user knows it: the temporary file of an
    atomic write (``.review.md.x1y2.tmp``, starter.write_atomically) is named by the file
    it was to become: ``fallback`` as the user typed it, or a chart beside a report by its
    path (another user's charts folder was said as the report)."""
    name = exc.filename
    if not name:
        return fallback
    folder, base = os.path.split(os.fsdecode(name))
    if base.startswith(".") and base.endswith(".tmp"):
        intended = base[1:-4].rpartition(".")[0]  # mkstemp's random part has no "."
        if not intended or intended == os.path.basename(fallback):
            return fallback
        return os.path.join(folder, intended)
    if os.path.realpath(os.fsdecode(name)) == os.path.realpath(fallback):
        return fallback  # the file written at its real path (a report's): named as typed
    return os.fsdecode(name)


def write_failed(exc: OSError, file_name: str, doing: Message, existed: bool) -> InputError:
    """The one message of an output that could not be written: what was being done, why,
    and what became of the file (a file that did not exist is not "left as it was")."""
    after = msg("cli_left_as_it_was", file=file_name) if existed else msg("cli_nothing_written")
    return writing_failed(exc, os_error_file(exc, file_name), doing, after)


def writing_failed(exc: OSError, where: str, doing: Message, after: Message) -> InputError:
    """``errors.os_failure`` of a file or folder being made; "No such file or directory:
    create the folder first" of a folder that is there (/proc, /sys, a mount refusing new
    files) said as a folder that takes no new file, as the store's lock says it
    (appending._refuse_folder_without_files; issue 17, twenty-sixth session)."""
    from ..errors import os_failure

    made = os.path.abspath(os.fsdecode(exc.filename or where))
    folder = os.path.dirname(made)
    # Not of a link whose target's folder is missing: that one is "no such file" indeed.
    if isinstance(exc, FileNotFoundError) and os.path.isdir(folder) and not os.path.islink(made):
        reason = msg("outputs_folder_takes_no_file", folder=folder)
        return fail(where, msg("os_cannot_after", doing=doing, reason=reason, after=after))
    return os_failure(exc, where, doing, after, made=True)


def refuse_stdout_into(
    targets_path: Path, store_path: Path | None, report: bool = True, kind: str | None = None
) -> None:
    """Refuse to write when standard output is itself the plan or the store, as after
    ``qntrack report >> observations.csv``: the report would be glued onto the data. With
    ``>`` the shell has emptied the file before qntrack starts; nothing here can undo that,
    so the refusal says the file is empty now, to be put back from a copy."""
    try:
        out = os.fstat(1)
    except OSError:
        return
    if not stat.S_ISREG(out.st_mode):
        return
    for path, what in ((store_path, _STORE), (targets_path, _PLAN_FILE)):
        if path is None:
            continue
        try:
            mine = os.stat(path)
        except OSError:
            continue
        if (mine.st_dev, mine.st_ino) == (out.st_dev, out.st_ino):
            from ..plan.model import STANDARD_OUTPUT

            said = (
                msg("outputs_stdout_is_tracked", what=what, path=path, **example("", kind or "markdown"))
                if report
                else msg("outputs_stdout_is_input", what=what, path=path)
            )
            if out.st_size == 0:
                # The shell's `>` emptied it before qntrack started: said, or every later
                # command reads an empty tracker silently (issue 17, forty-first session).
                said = msg("outputs_stdout_emptied", said=said)
            raise fail(STANDARD_OUTPUT, said, ExitCode.USAGE)
