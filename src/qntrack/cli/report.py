"""``qntrack report``: the review-meeting document (HTML, Markdown, JSON or TOML), on
standard output or written atomically to a file with its charts (output.report)."""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Iterator, Optional

import typer

from ..errors import ExitCode, InputError, fail
from .app import AsOfOpt, LangOpt, TargetsOpt, _as_of, _command_class, _lang, command
from .arguments import _check_ids
from .completion import TargetIdsArg
from .printing import _out, _report, _say


class ReportFormat(str, Enum):
    html = "html"
    markdown = "markdown"
    json = "json"
    toml = "toml"
    xlsx = "xlsx"
    docx = "docx"
    pdf = "pdf"


# The extensions `-o` reads as a format (files/outputs.WRITABLE: .md, .htm), taken as
# that format by --format too: `--format md` is what `-o review.md` means. Only these:
# `xls` is Excel 97's binary format, which qntrack does not write, so no alias of xlsx.
_FORMAT_ALIASES = {"md": "markdown", "htm": "html"}


def _aliased(args: list[str]) -> list[str]:
    """``args`` with an alias given to --format/-f (``--format md``, ``--format=MD``,
    ``-f md``, ``-fmd``) written as its format; the rest, after ``--`` too, as typed."""

    def format_of(value: str) -> str:
        return _FORMAT_ALIASES.get(value.lower(), value)

    out: list[str] = []
    taking = False
    for n, arg in enumerate(args):
        if arg == "--":
            return out + args[n:]
        if taking:
            arg, taking = format_of(arg), False
        elif arg in ("--format", "-f"):
            taking = True
        elif arg.startswith("--format="):
            arg = "--format=" + format_of(arg[9:])
        elif arg.startswith("-f") and not arg.startswith("--"):
            arg = "-f" + format_of(arg[2:])
        out.append(arg)
    return out


class _ReportCommand(_command_class()):  # type: ignore[misc]
    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        return super().parse_args(ctx, _aliased(list(args)))


@command(cls=_ReportCommand)
def report(
    target_ids: TargetIdsArg = None,
    targets: TargetsOpt = None,
    fmt: Annotated[
        Optional[ReportFormat],
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            help="html, markdown, json, toml, xlsx, docx or pdf; md and htm as -o reads them (default: from the -o file's extension; markdown on stdout).",
        ),
    ] = None,
    output: Annotated[
        Optional[str],
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write the report to FILE, atomically (default: stdout). "
            "With markdown, the charts go beside it as SVG files (review.md: review-charts/*.svg). "
            "Never a file the tracker reads; '-' or /dev/stdout: standard output.",
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Replace an existing -o file (or chart) that "
            "qntrack did not write, or that was edited since "
            "qntrack wrote it.",
        ),
    ] = False,
    lang: LangOpt = None,
    as_of: AsOfOpt = None,
    since: Annotated[
        Optional[str],
        typer.Option(
            "--since",
            metavar="DATE",
            help="Add a 'since the last review' section: figures added or revised "
            "after the end of DATE (YYYY-MM-DD; in targets.yaml's timezone:, else UTC) and targets whose "
            "status changed since then.",
        ),
    ] = None,
) -> None:
    """The review-meeting document: a summary of every target, then one section per target.

    html is one self-contained file with charts that prints on A4; markdown has the same
    content as tables; docx is an editable Word document laid out as Vietnamese
    administrative documents are; json and toml are the full assessment snapshot for archiving.

    Example: qntrack report --format html -o review-2025.html --since 2025-06-30
    """

    from ..catalog import msg
    from ..output.report import build_report, render
    from ..files.workspace import open_workspace

    day = _as_of(as_of, targets=targets)
    since_day = _as_of(since, "--since", "2025-06-30", targets)
    if since_day is not None:
        if day is not None and since_day >= day:
            raise fail("--since", msg("cli_since_not_before", since=since_day, day=day), ExitCode.USAGE)
        if day is None:
            from .later import plan_today

            today = plan_today(targets, since_day)  # the day the report speaks of
            if since_day >= today:
                raise fail("--since", msg("cli_since_not_before_today", since=since_day, day=today), ExitCode.USAGE)
    from ..files.outputs import STDOUT_NAMES, WRITABLE, output_path, refuse_foreign, refuse_protected, report_format
    from ..files.outputs import refuse_link_format

    if output == "":  # `-o ""`: an empty name, not the current folder
        from ..files.example_name import example

        raise fail("-o", msg("outputs_empty_name", **example("", fmt.value if fmt else None)), ExitCode.USAGE)
    file_name = None if output is None or output in STDOUT_NAMES else output
    if file_name is not None and target_ids:
        from .quoting import output_hint

        # `-o bao cao.md`: the name's second word read as a target id (twenty-second session).
        if (cut := output_hint(file_name, target_ids, WRITABLE)) is not None:
            raise fail("--output", cut, ExitCode.USAGE)
    kind = fmt.value if fmt is not None else None
    if file_name is None and kind == "html" and sys.stdout.isatty():
        raise fail("--format html", msg("cli_html_to_terminal"), ExitCode.USAGE)
    if file_name is None and kind == "xlsx" and sys.stdout.isatty():
        raise fail("--format xlsx", msg("cli_xlsx_to_terminal"), ExitCode.USAGE)
    if file_name is None and kind == "docx" and sys.stdout.isatty():
        raise fail("--format docx", msg("docx_to_terminal"), ExitCode.USAGE)
    if file_name is None and kind == "pdf":  # a binary file: never on standard output
        raise fail("--format pdf", msg("report_pdf_needs_file"), ExitCode.USAGE)
    from ..files.workspace import plan_day
    from .waiting import work_status

    chosen: dict[str, Any] = {"path": None, "kind": kind}
    language = _lang(lang)
    # A national store takes seconds to read and assess before the progress bar can start:
    # a status line says so on a terminal (issue 17's hostile pass: 13 s of nothing).
    with work_status(language) as show:

        def before_store(plan: Any, targets_path: Path, store_path: Path) -> None:
            # Refused before the store is read: writing over it, or into a device, was
            # refused only as late as the report itself on a national store.
            if file_name is None:
                from ..files.outputs import refuse_stdout_into

                refuse_stdout_into(targets_path, store_path, kind=kind)
                chosen["kind"] = kind or "markdown"
            else:
                # What the tracker reads is refused first: that is the reason that matters most.
                refuse_protected(file_name, Path(os.path.realpath(file_name)), targets_path, store_path, kind)
                chosen["path"] = output_path(file_name, kind, report=True)  # a FIFO or device: refused as such
                chosen["kind"] = report_format(file_name, kind)
                refuse_link_format(file_name, chosen["path"], chosen["kind"], kind)
                # A file it will not replace is said now, not after the layout (a PDF of
                # a national plan: minutes); looked at again before it is replaced.
                refuse_foreign([(file_name, Path(os.path.realpath(file_name)))], force)
            # The store's reading is told by open_workspace (files.stages.WORK_STEP).

        ws = open_workspace(targets, day, before_store=before_store)
        path, kind = chosen["path"], chosen["kind"]
        _check_ids(ws.plan, target_ids)
        show(msg("report_step_assessing", targets=len(ws.plan.targets)), ws.store_path)
        data = build_report(
            ws.plan, ws.series, ws.store.observations, target_ids, day, since_day, plan_day(day, ws.plan.timezone)
        )
    if kind == "docx":
        from . import collect_while_drawing

        # CairoSVG's drawings make cycles: collected, what was read left alone. Not for
        # the other formats, which draw with no CairoSVG: an HTML report of 3,000 targets
        # took a tenth more processor time with it on, for the same memory.
        collect_while_drawing()
    shown = {a.indicator.id for a in data.assessments}
    # Two vintages of one moment judged on, as status warns of them (check's error): the
    # document a review cites rests on whichever line came last (forty-seventh session).
    from ..files.checks_rows import ties_in_force

    ties = ties_in_force(ws.series, data.revised, data.whence, shown, str(ws.store_path))
    warnings = ws.warnings_for(shown) + ties
    if day is not None:
        from .later import say_judged_later

        # A past day's document: what was recorded after it, said beside it (never in it).
        say_judged_later(ws.plan, ws.store.observations, data.assessments, day)
    if path is None or file_name is None:
        if kind in ("xlsx", "docx"):
            # A pipe or a redirection (never a terminal: above): the bytes a file would hold.
            from ..output.report import report_files

            sys.stdout.buffer.write(report_files(data, kind, language, Path("-"))[0][1])
            sys.stdout.flush()
            _report(warnings)
            return
        with _progress(len(data.assessments), language):
            text = render(data, kind, language)
        _out(text)
        _report(warnings)
        return
    from ..output.report import charts_folder, report_files
    from ..output.report_written import write_laid_out

    try:
        with _progress(len(data.assessments), language):
            made = report_files(data, kind, language, path)
    except InputError as exc:
        raise _as_typed(exc, fmt is None, file_name) from None
    written = write_laid_out(made, file_name, path, (ws.targets_path, ws.store_path), force)
    charts = len(written) - 1
    linked = Path(file_name).is_symlink()
    # Unlinked, the folder the report's links name (review-charts), even when it is itself a
    # link written through: its target's name beside the report is no folder there.
    folder = written[0].parent if linked else charts_folder(Path(file_name))
    if linked:
        _say(
            msg("cli_wrote_linked_charts", path=path, link=file_name, charts=charts, folder=folder)
            if charts
            else msg("cli_wrote_linked", path=path, link=file_name)
        )
    else:
        _say(
            msg("cli_wrote_charts", path=file_name, charts=charts, folder=folder)
            if charts
            else msg("cli_wrote", path=file_name)
        )
    _report(warnings)


def _as_typed(error: InputError, by_name: bool, file_name: str) -> InputError:
    """``error`` under the name the officer typed when the format came from it (`-o r.pdf`):
    a PDF refused (too long, no engine) was said under "--format pdf", an option never
    typed (thirty-fifth session)."""
    if not by_name or not any(p.location.file.startswith("--format ") for p in error.problems):
        return error
    from dataclasses import replace

    where = f"-o {file_name}"
    problems = [
        replace(p, location=replace(p.location, file=where)) if p.location.file.startswith("--format ") else p
        for p in error.problems
    ]
    return type(error)(problems, error.code, error.rows_of, error.kinds)


# A report of more targets than this shows its progress on a terminal (issue 17).
PROGRESS_FROM = 100


@contextmanager
def _progress(total: int, lang: str) -> Iterator[None]:
    """A progress bar on standard error while the targets' sections are made, when standard
    error is a terminal (never in a pipe or a log) and the plan is large enough to wait for."""
    from ..output.report_view import REPORT_PACKING, SECTION_DONE

    if total < PROGRESS_FROM or not sys.stderr.isatty():
        yield
        return
    from rich.console import Console

    from ..catalog import msg, render
    from ..output.render_console import terminal_as_it_is
    from .waiting import fitted_progress

    with fitted_progress(Console(stderr=True, force_terminal=terminal_as_it_is(sys.stderr))) as bar:
        task = bar.add_task(render(msg("cli_report_progress"), lang), total=total)
        # The total as the report counts its work (targets; an Excel workbook's rows).
        token = SECTION_DONE.set(lambda done, total: bar.update(task, completed=done, total=total))
        packing = REPORT_PACKING.set(lambda: bar.update(task, description=render(msg("cli_report_packing"), lang)))
        try:
            yield
        finally:
            SECTION_DONE.reset(token)
            REPORT_PACKING.reset(packing)
