"""Recording figures: ``add-observation`` (one figure, or a file of them with --from) and
``retract`` (withdraw the figure in force). The library validates and appends
(files.recording, files.importing); this module reads the options and says what was done."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, NamedTuple, Optional

import typer

from ..errors import ExitCode, fail
from .app import (
    LangOpt,
    OutputFormat,
    TargetsOpt,
    _chosen_lang,
    _command_class,
    command,
)
from .arguments import _refuse_unknown_unit, _typed_period
from .added_rows import guard_rows_output, print_rows
from .completion import complete_indicator_ids
from .printing import _reason
from .recorded import Said, not_in_force_notes, say_kept_quotes, say_recorded
from .session import _message_lang
from .withdrawing import say_batch_notes, withdraw_and_say

if TYPE_CHECKING:
    from ..files.recording import Recorded
    from ..plan.model import Problem


@command("add-observation", cls=_command_class(numbers=True))
def add_observation(
    indicator: Annotated[
        Optional[str], typer.Argument(help="Indicator id, as in targets.yaml.", autocompletion=complete_indicator_ids)
    ] = None,
    period: Annotated[Optional[str], typer.Argument(help="2023, 2023-H1, 2023-Q2, 2023-04 or 2023-9M.")] = None,
    value: Annotated[
        Optional[str], typer.Argument(help="The figure: 10.28, -2.5, or 10,5 with a decimal comma.")
    ] = None,
    obs_status: Annotated[
        Optional[str],
        typer.Option(
            "--status", "-s", help="estimate, preliminary or official (with --from: for rows that leave it empty)."
        ),
    ] = None,
    source: Annotated[str, typer.Option("--source", help="Where the figure was published (URL or document).")] = "",
    note: Annotated[str, typer.Option("--note", help="Anything a reader should know.")] = "",
    recorded_at: Annotated[
        Optional[str],
        typer.Option("--recorded-at", metavar="TIMESTAMP", help="When it was published (ISO 8601; default: now, UTC)."),
    ] = None,
    from_file: Annotated[
        Optional[str],
        typer.Option(
            "--from",
            metavar="FILE",
            help="Add every row of a CSV/TSV file, an SDMX-CSV file (docs/formats.md) or an .xlsx workbook ('-' for stdin), all or nothing.",
        ),
    ] = None,
    wide: Annotated[
        bool,
        typer.Option(
            "--wide",
            help="With --from: one row per indicator, one column per period (a table with neither a period nor a value column is read so unasked).",
        ),
    ] = False,
    delimiter: Annotated[
        Optional[str],
        typer.Option(
            "--delimiter",
            "-d",
            metavar="CHAR",
            help="With --from: ',' ';' '|' or 'tab' (default: detected from the header).",
        ),
    ] = None,
    decimal_comma: Annotated[
        Optional[bool],
        typer.Option(
            "--decimal-comma/--decimal-point",
            help=(
                "With --from: how numbers are written (default: decimal comma if the file is ';'-separated;"
                " in a tab- or '|'-separated one, as its numbers show)."
            ),
        ),
    ] = None,
    sheet: Annotated[
        Optional[str],
        typer.Option(
            "--sheet",
            metavar="NAME",
            help="With --from a workbook (.xlsx): the sheet to read (default: the first not hidden).",
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", "-n", help="Validate and show what would be added; write nothing.")
    ] = False,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Record a figure for a period not yet begun, or one recorded "
            "before its period ended without --status estimate; after a "
            "vintage dated in the future, one second after it.",
        ),
    ] = False,
    tz: Annotated[
        Optional[str],
        typer.Option(
            "--tz",
            metavar="OFFSET",
            help="Time zone of a recorded_at given without one, e.g. +07:00 (default: targets.yaml's timezone:).",
        ),
    ] = None,
    dim: Annotated[
        Optional[list[str]],
        typer.Option(
            "--dim",
            metavar="DIMENSION=UNIT",
            help="The unit the figure is for, as targets.yaml spells it, e.g. --dim locality=NAME (repeat for several dimensions); none: the total. With --from: a column named after the dimension.",
        ),
    ] = None,
    fmt: Annotated[
        Optional[OutputFormat],
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            help="The rows added (with --dry-run: that would be added, then by default a table on a terminal, tsv when piped) as a table, json, csv or tsv on stdout, [] or a header alone when none. Without --format or --dry-run only the confirmation, a message on stderr.",
        ),
    ] = None,
    lang: LangOpt = None,
    targets: TargetsOpt = None,
) -> None:
    """Validate figures against targets.yaml and append them to the observations file.

    One figure from INDICATOR PERIOD VALUE, or many with --from FILE (CSV or TSV with a
    header: indicator,period,value and optionally status,source,note,recorded_at; or,
    with --wide, indicator followed by one column per period), or an .xlsx workbook
    holding such a table (--sheet NAME; errors name the cell, figures.xlsx:Sheet1!C7).
    All or nothing: any bad row rejects the batch, every problem listed with its line. A later figure for the
    same indicator and period is a revision: both rows are kept, the one recorded last
    is in force.

    Example: qntrack add-observation grdp_growth 2025 11.89 --status estimate --source "GSO press release, 2026-01-07"

    Example: qntrack add-observation --from yearbook.csv --wide --status official --dry-run

    A unit's figure (NAME as targets.yaml spells it): qntrack add-observation budget_revenue 2024 VALUE --dim locality=NAME
    """
    # A leading space marks a negative number protected from option parsing (above).
    indicator, period, value = (a.strip() if a is not None else None for a in (indicator, period, value))
    from ..files.rules import NEUTRALISED
    from .store_first import store_first

    NEUTRALISED.set(set())  # the texts this command puts an apostrophe before (cli.recorded)

    with store_first(targets):  # a store left mid-merge is said first, beside what is refused
        from ..catalog import msg

        _refuse_mixed_arguments(
            from_file, [a for a in (indicator, period, value) if a is not None], wide, delimiter, decimal_comma, sheet
        )
        from .quoting import refuse_blank_moment  # not on the start-up path of other commands

        refuse_blank_moment(recorded_at, source, note)
        from .argument_order import swapped as _swapped  # only add-observation reads it, not a status

        if from_file is None and (told := _swapped("add-observation", indicator or "", period or "", value)):
            raise fail("add-observation", told)
        dims = _typed_dims(dim or [], from_file, targets)
        if from_file is None:
            _refuse_unknown_unit(targets, indicator or "", dims)
        if tz is not None:
            from ..method.timing import parse_zone

            try:
                parse_zone(tz)
            except ValueError as exc:
                raise fail("--tz", _reason(exc), ExitCode.USAGE) from None
        if from_file is None and _is_retraction(value, obs_status):
            # docs/observations-format.md: an empty value with status retracted is a retraction,
            # withdrawn as `qntrack retract` withdraws it (the figure in force must be there).
            # A dry run is judged by the same rules, then shows its row below as any dry run.
            args = (
                targets,
                indicator or "",
                period or "",
                source,
                note,
                recorded_at,
                False,
                dims,
                tz,
                "add-observation",
            )
            if not dry_run:
                if fmt is not None:  # the row added is printed, as any figure's: never into the plan or the store
                    guard_rows_output(targets)
                _, row, was = withdraw_and_say(*args)
                if fmt is not None:
                    print_rows(targets, [row], fmt, lang, False, [(row, was)])
                return
            withdraw_and_say(*args, dry_run=True)
        if fmt is not None and not dry_run:
            guard_rows_output(targets)  # the rows added are printed: never into the plan or the store
        if from_file is None:
            typed = _TypedFigure(
                indicator or "", period or "", value or "", obs_status or "", source, note, recorded_at or "", dims
            )
            one = _record_one(targets, typed, _chosen_lang(lang), dry_run, force, tz)
            path, revising = one.store, one.revising
            # Lists, as an import's below are made (the library's answer is frozen tuples).
            rows, known, warnings, vintages = list(one.rows), list(one.skipped), list(one.warnings), list(one.vintages)
            replacing = [*one.revised, *one.withdrew]  # the JSON's revises
            if revising is None and one.withdrew:  # a retraction's dry run says what it withdraws
                revising = one.withdrew[0][1]
            notes: list[Problem] = []  # a single figure says it in its own message below
            revised, withdrew = (), ()
            read: list[Problem] = []
            skipped, repeated = len(known), 0
        else:
            from ..files.importing import DELIMITERS, ImportFormat, RowDefaults, import_file

            sep = None if delimiter is None else DELIMITERS.get(delimiter) or DELIMITERS.get(delimiter.strip().lower())
            if delimiter is not None and sep is None:
                raise fail("--delimiter", msg("cli_bad_delimiter", given=delimiter), ExitCode.USAGE)
            from ..files.status_flags import typed_plan_status

            # --status KH is typed once, for every row: said once, of the option, as for one
            # figure, never "leave this row out" of each row (a row's own KH cell still is).
            if obs_status and (told := typed_plan_status(obs_status)) is not None:
                raise fail("add-observation", told)
            from .waiting import import_status  # here: not on every command's start-up

            with import_status(from_file, _message_lang(lang)):  # a status line on a terminal
                result = import_file(
                    targets,
                    from_file,
                    ImportFormat(sep, decimal_comma, wide),
                    RowDefaults(obs_status or "", source, note, recorded_at or ""),
                    dry_run,
                    force=force,
                    tz=tz,
                    sheet=sheet,
                )
            path, rows, skipped, known, vintages = result.store, list(result.rows), result.skipped, [], []
            repeated = result.repeated
            revising, revised = None, result.revised  # the single figure's; an import's, said apart
            withdrew = result.withdrew
            replacing = [*revised, *withdrew]
            warnings = list(result.warnings)
            # A row left out as recorded may repeat a vintage no longer in force (withdrawn,
            # or revised since): said for each, as for a single figure, so that "already
            # recorded" never hides that the figure is not in force.
            notes, read = not_in_force_notes(result.vintages, path), list(result.notes)
        if dry_run:
            print_rows(targets, rows, fmt, lang, dry_run, replacing)
        typed_at = (recorded_at or "") if from_file is None else ""
        said = Said(
            path, rows, skipped, repeated, known, vintages, from_file, dry_run, revising, typed_at, revised, withdrew
        )
        say_recorded(said, warnings, notes, read)
        if from_file is not None:  # what its retractions take with them
            say_batch_notes(result.retraction_notes)
        say_kept_quotes(source, note, rows if from_file is not None else None)  # cmd's --source 'GSO', if used
        if fmt is not None and not dry_run:  # after the confirmation: a stdout that cannot be
            print_rows(targets, rows, fmt, lang, dry_run, replacing)  # written never hides what was added


def _refuse_mixed_arguments(
    from_file: str | None,
    positional: list[str],
    wide: bool,
    delimiter: str | None,
    decimal_comma: bool | None,
    sheet: str | None = None,
) -> None:
    """One figure (INDICATOR PERIOD VALUE) or a file (--from), whole, never both; the
    options of a file only with one (exit 2)."""
    from ..catalog import msg

    if from_file == "":  # `--from "$FILE"` with FILE unset: not the current folder
        raise fail("--from", msg("cli_from_empty"), ExitCode.USAGE)
    if from_file is not None and positional:
        raise fail("add-observation", msg("cli_positional_and_from"), ExitCode.USAGE)
    if from_file is not None:
        return
    if not positional:
        raise fail("add-observation", msg("cli_give_positional_or_from"), ExitCode.USAGE)
    if len(positional) < 3:
        raise fail(
            "add-observation",
            msg("cli_missing_value") if len(positional) == 2 else msg("cli_missing_period_value"),
            ExitCode.USAGE,
        )
    from_only = [
        flag
        for flag, on in (
            ("--wide", wide),
            ("--delimiter", delimiter is not None),
            ("--decimal-comma/--decimal-point", decimal_comma is not None),
            ("--sheet", sheet is not None),
        )
        if on
    ]
    if from_only:
        raise fail(
            "add-observation",
            msg("cli_options_only_with_from", options=", ".join(from_only))
            if len(from_only) > 1
            else msg("cli_option_only_with_from", option=from_only[0]),
            ExitCode.USAGE,
        )


class _TypedFigure(NamedTuple):
    """One figure as typed on the command line, before it is read."""

    indicator: str
    period: str
    value: str
    status: str
    source: str
    note: str
    recorded_at: str
    dims: tuple[tuple[str, str], ...] = ()


def _is_retraction(value: str | None, status: str | None) -> bool:
    """An empty VALUE with --status retracted (in any of its words): a retraction."""
    from ..files.vocabulary import status_word
    from ..plan.model import RETRACTED

    return value == "" and status_word(status or "") == RETRACTED


def _typed_dims(given: list[str], from_file: str | None, targets: str | None) -> tuple[tuple[str, str], ...]:
    """``--dim locality=NAME`` as (dimension, unit) pairs; a --dim without '=' or
    with --from (where a column gives each row's unit) is a usage error (exit 2)."""
    from ..catalog import msg

    if given and from_file is not None:
        # The columns the file needs, named after the dimensions given (one --dim without
        # '=' names its text: it is the dimension, or the message after this one says so).
        columns = [c for c in dict.fromkeys(text.split("=", 1)[0].strip() for text in given) if c]
        if not columns:  # `--dim =x`: no dimension named at all
            raise fail("--dim", msg("cli_dim_form", given=given[0]), ExitCode.USAGE)
        if len(columns) == 1:
            raise fail("--dim", msg("cli_dim_with_from", column=columns[0]), ExitCode.USAGE)
        raise fail("--dim", msg("cli_dim_with_from_many", columns=", ".join(columns)), ExitCode.USAGE)
    from .arguments import _dim_pairs

    return _dim_pairs(given, targets=targets)


def _record_one(
    targets: str | None, typed: _TypedFigure, lang: str | None, dry_run: bool, force: bool, tz: str | None
) -> Recorded:
    """Read one typed figure as a person writes it and record it (files.recording.record_many):
    the value in any of the ways numbers are typed (10,5; 1.000,0; a real minus sign),
    stored canonically; the period and status in the words offices use."""
    from ..errors import InputError
    from ..files.batch_rows import SHOWN_PERIOD
    from ..files.importing import parse_typed_number
    from ..catalog import msg
    from ..files.recording import record_many
    from ..files.figure_size import too_small
    from ..files.store import format_value
    from ..files.vocabulary import status_word
    from ..plan.model import Location
    from .quoting import refuse_cut_plan

    refuse_cut_plan(targets)  # -t ke hoach/targets.yaml: the arguments are words of it
    try:
        # Only a language the user chose decides '1,234' or '85.000' (not the default).
        # A retraction has no value (--dry-run shows the row it would append).
        value = "" if _is_retraction(typed.value, typed.status) else format_value(parse_typed_number(typed.value, lang))
        if value and too_small(float(value)):  # quoted as typed, '0.0000000000009', not as stored
            raise ValueError(msg("recording_value_too_small", text=typed.value.strip()))
    except ValueError as exc:
        from .typed_words import typed_empty, with_unit  # '1,5 billion USD': the indicator's unit told

        said = typed_empty(_reason(exc), typed.indicator, typed.period, typed.dims)  # "": the line to type
        raise fail("add-observation", with_unit(said, targets, typed.indicator)) from None
    fields = {
        "indicator": typed.indicator,
        "period": _typed_period(typed.period, "add-observation", targets=targets),
        "value": value,
        "status": status_word(typed.status),
        "source": typed.source,
        "note": typed.note,
        "recorded_at": typed.recorded_at,
        SHOWN_PERIOD: typed.period.strip(),  # as typed, for a message quoting it ('04/2025')
    }
    for i, (dimension, unit) in enumerate(typed.dims):
        fields[f"dim:{dimension}" if f"dim:{dimension}" not in fields else f"dim:{dimension}#{i}"] = unit
    try:
        return record_many(
            targets,
            [(Location("add-observation"), fields)],
            dry_run=dry_run,
            force=force,
            tz=tz,
            command="add-observation",
        )
    except InputError as exc:
        from .typed_words import typed_total  # 'Tong so' typed: a total, no table's line

        told = typed_total(exc)
        if told is None:
            raise
        raise told from None


@command()
def retract(
    indicator: Annotated[
        str,
        typer.Argument(
            metavar="INDICATOR", help="Indicator id, as in targets.yaml.", autocompletion=complete_indicator_ids
        ),
    ],
    period: Annotated[str, typer.Argument(metavar="PERIOD", help="The period whose figure is withdrawn (e.g. 2023).")],
    source: Annotated[str, typer.Option("--source", help="Who withdrew it, or where that was said.")] = "",
    note: Annotated[str, typer.Option("--note", help="Why, e.g. 'typo: 12.3 was the 9-month figure'.")] = "",
    recorded_at: Annotated[
        Optional[str],
        typer.Option("--recorded-at", metavar="TIMESTAMP", help="When it was withdrawn (ISO 8601; default: now, UTC)."),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Withdraw a figure dated in the future (a hand-edited "
            "recorded_at): the retraction is recorded one second "
            "after it.",
        ),
    ] = False,
    dim: Annotated[
        Optional[list[str]],
        typer.Option(
            "--dim",
            metavar="DIMENSION=UNIT",
            help="The unit whose figure is withdrawn, as targets.yaml spells it, e.g. --dim locality=NAME (repeat for several dimensions); none: the total.",
        ),
    ] = None,
    tz: Annotated[
        Optional[str],
        typer.Option(
            "--tz",
            metavar="OFFSET",
            help="Time zone of a --recorded-at given without one, e.g. +07:00 (default: targets.yaml's timezone:).",
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", "-n", help="Say what would be withdrawn; write nothing.")
    ] = False,
    targets: TargetsOpt = None,
    lang: LangOpt = None,  # the language of its messages (the command decorator reads it)
) -> None:
    """Withdraw the figure in force for an indicator and period, without editing the file.

    Appends a row with an empty value and status 'retracted': from then on the period has
    no figure (until a later add-observation gives one). history lists it as a vintage,
    and --as-of a date before it still shows the figure.

    Example: qntrack retract grdp_growth 2025 --note "typed 11.89 for 8.89"

    A unit's figure: qntrack retract budget_revenue 2025 --dim locality=NAME

    A quarter or a month of a year that is its parts added up: the year, the figures
    derived from it and the targets judged on them are said as they now stand.
    """
    from ..catalog import msg

    if force and recorded_at is not None:
        raise fail("retract", msg("cli_retract_force_recorded_at"), ExitCode.USAGE)
    from .quoting import refuse_blank_moment  # not on the start-up path of other commands

    refuse_blank_moment(recorded_at, source, note)
    from .argument_order import swapped as _swapped  # here: a status never loads it

    if told := _swapped("retract", indicator, period):
        raise fail("retract", told)
    dims = _typed_dims(dim or [], None, targets)  # before the store is opened: a usage error writes nothing
    _refuse_unknown_unit(targets, indicator, dims)
    if tz is not None:
        from ..method.timing import parse_zone

        try:
            parse_zone(tz)
        except ValueError as exc:
            raise fail("--tz", _reason(exc), ExitCode.USAGE) from None
    from .store_first import store_first

    with store_first(targets):  # a store left mid-merge is said first, beside what is refused
        withdraw_and_say(targets, indicator, period, source, note, recorded_at, force, dims, tz, dry_run=dry_run)
