"""``qntrack export FORMAT``: the tracker in a format other systems read (issue 16), on
standard output or written atomically to a file, by the rules ``report -o`` follows
(files/outputs.py): never over what the tracker reads, never over a file qntrack did not
write unless --force.

Each format is one entry of ``_EXPORTERS``: a function of the workspace and the options
that gives the text and how many figures it holds.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Callable, Iterator, Optional

import typer

from ..errors import ExitCode, fail, os_words
from .app import AsOfOpt, LangOpt, TargetsOpt, _as_of, command
from .printing import _out_pieces, _report, _say

if TYPE_CHECKING:
    from ..files.workspace import Workspace
    from ..plan.model import Plan


class ExportFormat(str, Enum):
    sdmx_csv = "sdmx-csv"
    opensdg = "opensdg"


@command()
def export(
    fmt: Annotated[
        ExportFormat,
        typer.Argument(
            case_sensitive=False,  # SDMX-CSV as sdmx-csv, as --format and --lang are read
            metavar="FORMAT",
            help="sdmx-csv: the figures in force as an SDMX-CSV 2.0 data message; opensdg: the tracker as "
            "an Open SDG data repository, written into --into DIR (docs/formats.md).",
        ),
    ],
    targets: TargetsOpt = None,
    output: Annotated[
        Optional[str],
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write to FILE, atomically (default: stdout). "
            "Never a file the tracker reads; '-' or /dev/stdout: standard output.",
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="sdmx-csv: replace an existing -o file that is not an export of this plan qntrack wrote; "
            "opensdg: write into a non-empty folder qntrack did not export into (nothing else in it is removed).",
        ),
    ] = False,
    as_of: AsOfOpt = None,
    into: Annotated[
        Optional[str],
        typer.Option(
            "--into",
            metavar="DIR",
            help="opensdg: the folder to write the repository into (made if missing); an existing "
            "folder must be empty or one qntrack exported into before.",
        ),
    ] = None,
    structure: Annotated[
        Optional[str],
        typer.Option(
            "--structure-id",
            metavar="AGENCY:ID(VERSION)",
            help="sdmx-csv: the dataflow the rows belong to (default: targets.yaml's sdmx: structure_id, else "
            "QNTRACK:DF_<the plan's title>(1.0)).",
        ),
    ] = None,
    # Read by ``command``: the messages on stderr in this language, as for every other
    # command; the file written is the same in every language.
    lang: LangOpt = None,
) -> None:
    """The tracker in an exchange format: sdmx-csv (the figures in force, as of --as-of) or
    opensdg (an Open SDG data repository: data, metadata with progress options).

    Derived (formula) indicators are left out: they are computed from the others.

    Example: qntrack export sdmx-csv -o figures.csv --structure-id 'GSO:DF_QN_TARGETS(1.0)'

    Example: qntrack export opensdg --into sdg-data --as-of 2025-06-30
    """
    from ..catalog import msg
    from ..files.outputs import STDOUT_NAMES
    from ..files.sdmx_csv import valid_structure_id
    from ..files.workspace import open_workspace

    day = _as_of(as_of, targets=targets)
    if fmt is ExportFormat.opensdg:
        if structure is not None:  # an Open SDG repository has no dataflow: never dropped in silence
            raise fail("--structure-id", msg("exchange_structure_for_sdmx"), ExitCode.USAGE)
        _opensdg(targets, output, into, day, force)
        return
    if into is not None:
        raise fail("--into", msg("exchange_into_for_opensdg"), ExitCode.USAGE)
    if output == "":  # `-o ""`: an empty name, not the current folder
        raise fail("-o", msg("sdmx_out_empty_name"), ExitCode.USAGE)
    if structure is not None and not valid_structure_id(structure):
        raise fail("--structure-id", msg("sdmx_bad_structure_id", given=structure), ExitCode.USAGE)
    file_name = None if output is None or output in STDOUT_NAMES else output
    chosen: dict[str, Path | None] = {"path": None}

    def before_store(plan: Plan, targets_path: Path, store_path: Path) -> None:
        # Refused before the store is read (a national store: seconds of reading for a
        # refusal that needs the file's first line).
        with _as_an_export():
            if file_name is None:
                from ..files.outputs import refuse_stdout_into

                refuse_stdout_into(targets_path, store_path)
            else:
                from ..files.outputs import output_path, refuse_protected

                # What the tracker reads is refused first: that is the reason that matters most.
                refuse_protected(file_name, Path(os.path.realpath(file_name)), targets_path, store_path)
                chosen["path"] = out = output_path(file_name)  # a folder, a FIFO, a missing folder: refused as such
                _refuse_other_format(file_name, out)
                _refuse_foreign(file_name, out, plan, force)

    ws = open_workspace(targets, day, before_store=before_store)
    path = chosen["path"]
    pieces, count, label = _EXPORTERS[fmt](ws, structure)
    warnings = ws.warnings_for(ws.plan.indicators)
    from .export_opensdg import said_withdrawn, withdrawn_left_out

    withdrawn = withdrawn_left_out(ws, day)
    if path is None or file_name is None:
        _out_pieces(pieces)
        said_withdrawn(withdrawn, "roundtrip20_sdmx_withdrawn")
        _say_later(ws, day)
        _report(warnings)
        return
    _refuse_foreign(file_name, path, ws.plan, force)
    existed = path.exists()
    from ..files.starter import sweep_left_behind, write_atomically

    sweep_left_behind([path])  # what a killed export of this file left, as a report's
    try:
        write_atomically(path, (piece.encode("utf-8") for piece in pieces))
    except OSError as exc:
        from ..files.outputs import write_failed

        raise write_failed(exc, file_name, msg("sdmx_doing_write"), existed) from None
    _say(msg("sdmx_wrote", rows=count, path=file_name, structure=label))
    said_withdrawn(withdrawn, "roundtrip20_sdmx_withdrawn")
    _say_later(ws, day)
    _report(warnings)


def _say_later(ws: Workspace, day: str | None) -> None:
    """A past day's figures exported: how many rows came after it, said beside them."""
    if day is not None:
        from .later import say_exported_later

        say_exported_later(ws.plan, ws.store.observations, day)


def _opensdg(targets: str | None, output: str | None, into: str | None, day: str | None, force: bool) -> None:
    """``export opensdg --into DIR``: a folder of files, never one file or standard output."""
    from ..catalog import msg
    from .export_opensdg import export_opensdg, say_export

    if output is not None:
        raise fail("-o", msg("exchange_opensdg_into"), ExitCode.USAGE)
    if into is None:
        raise fail("--into", msg("exchange_opensdg_into"), ExitCode.USAGE)
    say_export(export_opensdg(targets, into, day, force), into)


def _sdmx_csv(ws: Workspace, structure: str | None) -> tuple[Iterator[str], int, str]:
    """The export's text in pieces (``sdmx_pieces``), its number of rows and its dataflow."""
    from ..files.sdmx_csv import (
        export_rows,
        sdmx_pieces,
        structure_id,
        taken_names,
        unnamed_columns,
    )

    taken = taken_names(ws.plan)
    if taken:
        from ..catalog import msg

        where = ws.plan.dimensions[taken[0]].location or ws.plan.source_file  # its line in targets.yaml
        # FREQ is the format's only because sdmx: {freq: true} asks for it: freq: false is a way out too.
        key = "sdmx_dimension_taken_freq" if taken[0].upper() == "FREQ" else "sdmx_dimension_taken"
        raise fail(where, msg(key, id=taken[0], column=taken[0].upper()))
    unnamed = unnamed_columns(ws.plan)
    if unnamed:
        from ..catalog import msg

        where = ws.plan.dimensions[unnamed[0]].location or ws.plan.source_file
        raise fail(where, msg("sdmx24_dimension_not_id", id=unnamed[0], column=unnamed[0].upper()))

    rows = export_rows(ws.plan, ws.series)
    if ws.plan.sdmx_freq:
        from ..files.sdmx_periods import freq_code

        span = next((o for o in rows if not freq_code(o.period)), None)
        if span is not None:  # CL_FREQ has no code for January to September
            from ..catalog import msg

            said = msg("sdmx26_freq_span", indicator=span.indicator, period=str(span.period))
            raise fail(ws.plan.source_file, said)
    label = structure or ws.plan.sdmx_structure or structure_id(ws.plan)
    return sdmx_pieces(ws.plan, rows, label, _codes(ws.plan, rows)), len(rows), label


def _codes(plan: Plan, rows: list) -> dict[tuple[str, str], str]:
    """Each unit's SDMX code (files/sdmx_codes.py), or the refusal at the line of
    targets.yaml to fix: a code two units would share, a unit with none, an open list's."""
    from ..catalog import msg
    from ..files.sdmx_codes import CodeClash, written_codes

    try:
        return written_codes(plan.dimensions, rows)
    except CodeClash as clash:
        dimension = plan.dimensions.get(clash.dimension)
        said = {"unit": clash.unit, "id": clash.dimension, "code": clash.code or "-"}
        if clash.other is not None:
            message = msg("sdmx24_export_clash", other=clash.other, **said)
        elif clash.where is not None:
            message = msg("sdmx24_export_no_code", **said)
        else:
            # No code could be made of it (`东兴`): no "(-)" where the code would be named.
            message = msg("sdmx24_export_open_unit" if clash.code else "sdmx24_export_open_unit_no_code", **said)
        where = (clash.where and clash.where.location) or (dimension and dimension.location) or plan.source_file
        raise fail(where, message) from None


_EXPORTERS: dict[ExportFormat, Callable[[Workspace, Optional[str]], tuple[Iterator[str], int, str]]] = {
    ExportFormat.sdmx_csv: _sdmx_csv,
}


# report -o's refusals (files/outputs.py) in an export's words: "an export never replaces
# it", with a CSV file as the example name, not "a report ..., e.g. -o review.html".
_WORDED = {
    "outputs_is_read_by_tracker": "sdmx_out_is_read_by_tracker",
    "outputs_belongs_to": "sdmx_out_belongs_to",
    "outputs_inside_cache": "sdmx_out_inside_cache",
    "outputs_is_folder": "sdmx_out_is_folder",
    "outputs_tilde_folder": "sdmx_out_tilde_folder",
    "outputs_tilde_file": "sdmx_out_tilde_file",
    "outputs_not_regular": "sdmx_out_not_regular",
    "outputs_stdout_is_tracked": "sdmx_out_stdout_is_tracked",
}


@contextmanager
def _as_an_export() -> Iterator[None]:
    from dataclasses import replace

    from ..catalog import Message
    from ..errors import InputError

    try:
        yield
    except InputError as exc:
        problems = [
            replace(p, message=Message(_WORDED[p.message.id], p.message.params))
            if isinstance(p.message, Message) and p.message.id in _WORDED
            else p
            for p in exc.problems
        ]
        raise InputError(problems, exc.code) from None


# Names whose extension says another format: CSV text under them would be opened as that
# format (or read back as it: add-observation --from reads an .xlsx name as a workbook).
_NOT_CSV = frozenset(
    ".xls .xlsx .xlsm .ods .tsv .json .xml .yaml .yml .toml .html .htm .md .markdown .pdf .doc .docx .odt .zip".split()
)


def _refuse_other_format(shown: str, real: Path) -> None:
    """A name whose extension says another format is refused, with the same name ending
    .csv as what to write; so is a link (``latest.csv -> notes.md``) to such a file, which
    is the file written, with or without --force, as a report through one is."""
    from ..catalog import msg

    suffix = Path(shown).suffix.lower()
    if suffix in _NOT_CSV:
        instead = shown[: -len(suffix)] + ".csv"
        instead = f'"{instead}"' if " " in instead else instead  # as a shell takes it, as report -o says it
        raise fail(shown, msg("sdmx_out_other_format", suffix=suffix, name=instead), ExitCode.USAGE)
    if real.suffix.lower() in _NOT_CSV and os.path.normcase(Path(shown).name) != os.path.normcase(real.name):
        said = msg("sdmx_out_link_other_format", real=real, suffix=real.suffix.lower())
        raise fail(shown, said, ExitCode.USAGE)


def _refuse_foreign(shown: str, path: Path, plan: Plan, force: bool) -> None:
    """An existing file is replaced only when it is an export of this plan (its header is
    the one qntrack writes: a CSV file has no place for the mark a report carries), or
    with --force; a read-only one only with --force (a rename ignores the mode)."""
    if force or not path.exists():
        return
    from ..catalog import msg
    from ..files.sdmx_csv import is_export_header

    try:
        if not os.stat(path).st_mode & 0o222:
            raise fail(shown, msg("outputs_read_only"), ExitCode.USAGE)
        with open(path, "rb") as fh:
            first = fh.readline(65536).decode("utf-8", "replace")
    except OSError as exc:
        raise fail(shown, msg("outputs_cannot_read_mark", reason=os_words(exc))) from None
    if not is_export_header(first, plan):
        raise fail(shown, msg("sdmx_foreign_file"), ExitCode.USAGE)
