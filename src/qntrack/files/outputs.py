"""Where a report may be written: never over what the tracker reads, never over a file
qntrack did not write (unless --force), never in place of a FIFO or a device, and never
in a format its extension contradicts (docs/report.md, "Where a report is written").

Edge code: it looks at the disk, so the core never imports it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Iterable

from ..errors import ExitCode, InputError, fail, os_words
from ..catalog import Message, msg
from .example_name import example, in_folder
from .report_marks import GENERATOR_MARK, mark_state, stamp

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
        refuse_file_as_folder(output)  # a link to nothing on the way: named as such
        from .windows_paths import with_home_hint

        shown = real.parent if given.is_symlink() else given.parent
        raise fail(output, with_home_hint(msg("outputs_no_folder", folder=shown), output, "folder"), ExitCode.USAGE)
    return real


def refuse_file_as_folder(output: str | os.PathLike[str], *, creates: bool = False) -> None:
    """Refuse an output whose path goes through a file (``-o targets.yaml/r.md``): the
    folder it names is no folder, a usage mistake as a folder that does not exist is (exit
    2, README "Exit codes"), where the system's ENOTDIR made it exit 1 (issue 17,
    forty-first session). The file is named as the path writes it; nothing when every
    part of the path that is there is a folder. ``creates``: the command makes the folders
    that are not there (`init DIR`, `import opensdg --into`; forty-second session), so the
    advice is not "an existing folder". A part that is a link to nothing is said so."""
    shown = os.fspath(output)
    for part in reversed(Path(shown).parents):
        if os.path.exists(part) and not os.path.isdir(part):
            key = "outputs_folder_is_file_created" if creates else "outputs_folder_is_file"
            mode = os.stat(part).st_mode
            if not stat.S_ISREG(mode):
                # /dev/null/x: a device (a pipe, a socket) named as what it is, not "a file".
                from .textfiles import _kind

                kind = msg(f"outputs_kind_{_kind(mode)}")
                raise fail(shown, msg(key.replace("_file", "_other"), folder=str(part), kind=kind), ExitCode.USAGE)
            raise fail(shown, msg(key, folder=str(part)), ExitCode.USAGE)
        if os.path.islink(part) and not os.path.exists(part):
            # A link to a share not mounted: named, as `--into` of the link itself is (it was
            # "File exists" or "create the folder first", exit 1; forty-second session).
            said = msg("outputs_folder_dangling_link", folder=str(part), target=os.readlink(part))
            raise fail(shown, said, ExitCode.USAGE)


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
