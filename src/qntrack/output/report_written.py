"""A report written to a file by a Python caller (``qntrack.write_report``) under the rules
`report -o` follows (docs/report.md, "Where a report is written"): never the plan or the
store the report was built from, nor their side files or the status cache; never a folder,
a FIFO or a device, a missing folder, a name whose extension is another format's (as
``--format`` is), or through a link to a file of another format; a file qntrack did not write only with ``force``; a system error one ``InputError``, the old
file left as it was. It wrote anywhere before (issue 17, twenty-fourth session): over the
store, over targets.yaml, and, as root, over /dev/full."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from ..errors import ExitCode, InputError, fail, refuse_nul

if TYPE_CHECKING:
    from .report import ReportData

__all__ = ["check_charts_folder", "write_checked", "write_laid_out"]


def check_charts_folder(charts: Sequence[tuple[Path, object]], name: str = "") -> None:
    """The Markdown report's charts folder must be a folder (or not exist yet), each chart
    in it a regular file (or not there yet). Named beside the report's ``name`` as typed
    (``r-charts`` for ``-o r.md``) when it lies there, as the report is named (fortieth
    session: its absolute path)."""
    if not charts:
        return
    from ..catalog import msg

    folder = charts[0][0].parent
    if folder.exists() and not folder.is_dir():
        beside = Path(name).parent / folder.name if name else None
        shown = str(beside) if beside is not None and os.path.realpath(beside) == str(folder) else str(folder)
        raise fail(shown, msg("cli_charts_folder_is_file"), ExitCode.USAGE)
    for file, _ in charts:
        if file.exists() and not file.is_file():
            raise fail(str(file), msg("cli_chart_not_regular"), ExitCode.USAGE)


def known_format(fmt: str, data: object, text: bool = False) -> None:
    """Refuse a format qntrack does not write (or, ``text``, one that is bytes, asked of
    ``render``), naming ``fmt``: an ArgumentError, still the ValueError it was; and
    ``data`` that is not ``build_report``'s (None raised "no attribute 'assessments'")."""
    from ..catalog import msg
    from ..errors import ArgumentError, ExitCode, fail
    from ..files.argument_kinds import refuse_instance
    from .report import WRITTEN, ReportData

    refuse_instance("data", data, ReportData, "library_data_type")

    if fmt not in WRITTEN:
        message = msg("report_unknown_format", format=repr(fmt), valid=", ".join(WRITTEN))
        raise fail("fmt", message, ExitCode.USAGE, ArgumentError)
    if text and fmt in ("xlsx", "docx", "pdf"):
        raise fail("fmt", msg("report_format_is_bytes", format=fmt), ExitCode.USAGE, ArgumentError)


def write_checked(data: ReportData, fmt: str, lang: str, path: str | os.PathLike[str], force: bool) -> list[Path]:
    """``write_report``'s work: the checks of `report -o`, then the files written; a
    refusal in the words of its arguments."""
    from .report import spoken

    known_format(fmt, data)
    spoken(lang)
    try:
        return _checked_and_written(data, fmt, lang, path, force)
    except InputError as error:
        from ..files.library_arguments import for_library

        raise for_library(error) from None


def _checked_and_written(
    data: ReportData, fmt: str, lang: str, path: str | os.PathLike[str], force: bool
) -> list[Path]:
    from ..catalog import msg
    from ..files.outputs import output_path, refuse_link_format, refuse_protected, report_format
    from ..files.workspace import store_path_for
    from .report import report_files

    refuse_nul("path", path)
    name = os.fspath(path)
    if name in ("", "-"):  # no file, or standard output, which a caller writes itself
        raise fail("path", msg("library_report_path", path=repr(name)), ExitCode.USAGE)
    read: tuple[Path, Path] | None = None
    if data.plan is not None:  # the files it was built from, as the caller opened them
        targets_path = Path(data.plan.source_file)
        read = (targets_path, store_path_for(data.plan, targets_path))
        refuse_protected(name, Path(os.path.realpath(name)), *read, fmt)
    real = output_path(name, fmt, report=True)
    report_format(name, fmt)  # a PDF into review.html: refused, as report -o's --format is
    refuse_link_format(name, real, fmt, fmt)
    target = real if Path(name).is_symlink() else Path(name)  # written through a link
    made = report_files(data, fmt, lang, target)
    write_laid_out(made, name, real, read, force)
    return [file for file, _ in made]  # as the caller named them, in the order written


def write_laid_out(
    made: Sequence[tuple[Path, bytes]], name: str, real: Path, read: tuple[Path, Path] | None, force: bool
) -> list[Path]:
    """What `report -o` and ``write_report`` both do once the report is laid out (one
    sequence, where each had its own copy until the twenty-fifth session): every file taken
    at its real path (a linked chart or charts folder is written through), none of them the
    plan or the store ``read`` or their side files, the charts folder a folder, a file
    qntrack did not write replaced only with ``force``; then the files written, a system
    error said once under ``name`` with the old file left as it was."""
    from ..catalog import msg
    from ..files.outputs import WRITABLE, refuse_foreign, refuse_protected, write_failed

    files = [(Path(os.path.realpath(file)), payload) for file, payload in made]
    named = [(name if file == real else str(file), file) for file, _ in files]
    if read is not None:
        for shown, file in named:  # a chart's name offered instead as the report's (its format)
            refuse_protected(shown, file, *read, WRITABLE.get(Path(name).suffix.lower()))
    check_charts_folder(files[:-1], name)
    refuse_foreign(named, force)
    existed = os.path.lexists(real)
    try:
        return write_files(files)
    except OSError as exc:
        if _charts_folder_refused(exc, files, real):
            exc.filename = None  # said of the report, as typed (write_failed's fallback)
        raise write_failed(exc, name, msg("cli_doing_write_report"), existed) from None


def _charts_folder_refused(exc: OSError, files: Sequence[tuple[Path, bytes]], real: Path) -> bool:
    """Whether ``exc`` is the charts folder beside the report not made: the report's own
    folder refused a new name (``-o /sys/r.md``, a read-only folder), which the refusal
    said of '/sys/r-charts', a folder the officer never typed (forty-first session). A
    chart refused in a folder that is there (another user's) is still named itself."""
    if len(files) < 2 or not exc.filename:
        return False
    folder = files[0][0].parent
    made = Path(os.path.realpath(os.fsdecode(exc.filename)))
    return made == folder and folder.parent == real.parent


def write_files(files: list[tuple[Path, bytes]]) -> list[Path]:
    """Write the report and its charts, each atomically. On an error the charts folder
    this call created is removed again, so a failed first report leaves nothing behind
    (a folder that was there is kept: it may hold more than our charts)."""
    import shutil

    from ..files.starter import sweep_left_behind, write_atomically

    made: list[Path] = []
    sweep_left_behind([file for file, _ in files])  # what a killed run writing them left
    try:
        for file, _ in files[:-1]:
            if file.parent not in made:
                try:
                    file.parent.mkdir()
                    made.append(file.parent)
                except FileExistsError:
                    pass
        for file, payload in files:
            write_atomically(file, payload)
    except BaseException:
        for folder in made:
            shutil.rmtree(folder, ignore_errors=True)
        raise
    return [file for file, _ in files]
