"""Reading the tracker: ``show`` (a target in full), ``observations`` (the figures in
force), ``indicators`` and ``targets`` (what the plan holds), ``history`` (every vintage).
Each prints a document of output.documents (JSON, CSV/TSV) or a table of output.render."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Optional

import typer

from ..errors import ExitCode, fail
from .app import AsOfOpt, FormatOpt, Lang, LangOpt, OutputFormat, TargetsOpt, _as_of, _format, _lang, command
from .arguments import _check_ids, _dim_pairs, _split_unit, _typed_period, _unit_key, _unknown_indicator
from .completion import complete_indicator_ids, complete_target_ids
from .printing import _guard_stdout, _out, _out_parts, _out_pieces, _reason, _report

if TYPE_CHECKING:
    from pathlib import Path

    from collections.abc import Callable

    from ..catalog import Message
    from ..method.series import Series
    from ..plan.model import Plan
    from ..plan.units import Dims

DimOpt = Annotated[
    Optional[list[str]],
    typer.Option(
        "--dim",
        metavar="DIMENSION=UNIT",
        help="Only this unit of a breakdown, e.g. --dim locality=NAME (repeat for several dimensions).",
    ),
]


def _with_units(plan: Plan, ids: list[str], series: Series) -> list[str]:
    """Each indicator's series key, then those of its units that have figures, in the
    order of the breakdown's declared units (kinds.breakdown.unit_order)."""
    if not plan.dimensions:
        return ids
    from ..kinds.breakdown import unit_index, unit_order

    index = unit_index(plan, series)
    out = []
    for i in ids:
        out.append(i)
        out.extend(k for _, k in sorted(index.get(i, ()), key=lambda u: unit_order(plan.dimensions, u[0])))
    return out


@command()
def show(
    target_id: Annotated[
        str, typer.Argument(metavar="TARGET_ID", help="The target to show.", autocompletion=complete_target_ids)
    ],
    targets: TargetsOpt = None,
    fmt: Annotated[
        Optional[OutputFormat],
        typer.Option("--format", "-f", metavar="<table|json>", case_sensitive=False, help="table (default) or json."),
    ] = None,
    lang: LangOpt = None,
    as_of: AsOfOpt = None,
    dim: Annotated[
        Optional[list[str]],
        typer.Option(
            "--dim",
            metavar="DIMENSION=UNIT",
            help="Only this unit of a target with for_each, e.g. --dim locality=NAME (its own figures and status).",
        ),
    ] = None,
) -> None:
    """A target in full: definition, observations, every milestone and what it means.

    With --dim, one unit of a target broken down by unit (for_each): the unit's own
    status, gap, milestones and baseline, its figures over time with their revisions,
    and its figures withdrawn.

    Example: qntrack show cbct-share --lang vi

    Example: qntrack show budget-revenue-plan-2024 --dim locality=NAME
    """
    from ..files.workspace import plan_day

    if fmt is not None and fmt.value not in ("table", "json"):
        # A usage error, said before a national store is read (the help lists the two).
        from ..catalog import msg

        raise fail("--format", msg("cli_show_formats"), ExitCode.USAGE)
    day = _as_of(as_of, targets=targets)

    def before_store(plan: Plan, targets_path: Path, store_path: Path) -> None:
        # Answered from targets.yaml alone, before a national store's million rows are read.
        _guard_stdout(targets_path, plan)
        _check_ids(plan, [target_id])

    from ..output.show_run import shown

    # The library's own path (output.show_run): the command's document is a caller's.
    found = shown(
        targets, target_id, day, before_store=before_store, unit=_dim_unit(target_id, dim), refuse=_dim_refusal
    )
    ws, result, rows, revises = found.workspace, found.assessment, found.rows, found.revises
    target, indicator, today = result.target, result.indicator, plan_day(day, ws.plan.timezone)
    gone, vintages, revised, came = found.withdrawn, found.replaced, found.units, found.units_whence
    if fmt is not None and fmt.value == "json":
        from ..output.documents import show_document
        from ..output.formats import to_json

        zone = ws.plan.timezone
        _out(to_json(show_document(result, rows, revises, day, gone, vintages, revised, came, zone, found.dims)))
    else:
        from ..output import render

        from ..method.series import as_of_bound
        from ..method.withdrawals import withdrawn_of
        from ..output.withdrawn_inputs import input_keys, input_sentences

        # A derived figure missing because an input's was withdrawn: said, naming the input.
        known = as_of_bound(day, ws.plan.timezone) if day else None
        inputs = withdrawn_of(ws.store.observations, input_keys(ws.plan, [result]), known) if indicator.formula else {}
        more = input_sentences(ws.plan, result, inputs, rows, _lang(lang)) if inputs else []
        judged_on = ""
        if found.dims:  # one unit: its series named, as a target of one unit (of:) names its own
            from dataclasses import replace

            from ..method.assessment import UnitAssessment
            from ..output.report_breakdowns import milestones_note

            # What the unit was judged on, after its status as rank and status --by write it
            # ("baseline 2025: no 2020 figure of its own"; forty-second session, helper R).
            whole = ws.plan.target(target_id)
            judged_on = milestones_note(whole, UnitAssessment(found.dims, result), _lang(lang)) if whole else ""
            result = replace(result, target=replace(target, of=found.dims, for_each=tuple(d for d, _ in found.dims)))
        render.show(result, rows, _lang(lang), day, revises, gone, more, vintages, today, ws.plan.dimensions, judged_on)
        if result.breakdown:
            from ..method.ranking import rank_units
            from ..output.ranking import RANK_FOLDABLE, RANK_KEYS, RANK_WRAP, rank_table, status_kept

            from ..output.render_notes import print_legend

            ranked = rank_units(result.breakdown, increase=indicator.increase)
            notes: dict[str, int] = {}
            title, header, cells = rank_table(
                target, indicator, ranked, ws.plan.dimensions, _lang(lang), revised, notes, True, whence=came
            )
            render.listing_table(
                header,
                cells,
                keys=RANK_KEYS,
                wrap=RANK_WRAP,
                optional=("source",),
                title=title,
                labelled=True,  # as rank's: a block led by "Rank: 1", never a bare number
                foldable=RANK_FOLDABLE,
                kept=status_kept(ranked, _lang(lang), ws.plan.dimensions),
            )
            print_legend(list(notes), _lang(lang))
        from ..output.units_withdrawn import unit_withdrawn_line, units_withdrawn

        # A unit whose every figure was withdrawn: not judged, said (issue 17, twenty-first session).
        for dims, gone in [] if found.dims else units_withdrawn(result, ws.store.observations, ws.series, day):
            render.paragraph(
                unit_withdrawn_line(result, dims, gone, _lang(lang), ws.plan.dimensions)
            )  # at the window's width
    if found.dims and not rows:  # a unit with no figure of its own: are its figures kept finer?
        from .finer_units import say_judged_finer

        zone = ws.plan.timezone
        say_judged_finer(target, [found.dims], indicator.dimensions, ws.store.observations, day, zone, asked=True)
    elif not rows and not result.breakdown and target.series_key == indicator.id and indicator.dimensions:
        from .finer_units import say_total_units_only

        say_total_units_only(target, ws.store.observations, day, ws.plan.timezone)
    if day is not None and found.dims:  # one unit: its own series' later entries, no other unit's
        from ..plan.units import unit_key
        from .later import say_later

        key = unit_key(indicator.id, found.dims)
        say_later("cli_judged_later", ws.store.observations, key.__eq__, day, zone=ws.plan.timezone)
    elif day is not None:
        from .later import say_judged_later

        say_judged_later(ws.plan, ws.store.observations, [result], day)
    from ..files.checks_rows import ties_shown  # two vintages of one moment, as status warns

    _report(ws.warnings_for([indicator.id]) + ties_shown(rows, vintages, str(ws.store_path)))


def _dim_unit(target_id: str, dim: list[str] | None) -> Callable[[Plan], Dims] | None:
    """``show --dim``: the unit read from the plan, by history's resolver (``_unit_key``), and
    checked against the target's breakdown; a target without one refused with those that
    have one (as ``rank``), each exit code as ``history --dim``'s."""
    if not dim:
        return None

    def unit(plan: Plan) -> Dims:
        from ..output.rank_run import not_broken_down
        from ..output.show_unit import for_each_unit

        target = plan.target(target_id)
        assert target is not None  # refused before (_check_ids)
        _dim_pairs(dim, plan)  # its form first, a usage error whatever the target (README, "Exit codes")
        if not target.for_each:
            raise fail(plan.source_file, not_broken_down(plan, target_id))
        return for_each_unit(plan, target, _unit_key(plan, target.indicator, dim), _dim_refusal)

    return unit


def _dim_refusal(said: Message) -> Exception:
    return fail("--dim", said)


@command()
def observations(
    indicator: Annotated[
        Optional[str],
        typer.Option(
            "--indicator",
            "-i",
            metavar="ID",
            help="Only this indicator (a unit: ID[dimension=unit], as the CSV prints it, or --dim).",
            autocompletion=complete_indicator_ids,
        ),
    ] = None,
    dim: DimOpt = None,
    targets: TargetsOpt = None,
    fmt: FormatOpt = None,
    lang: LangOpt = None,
    as_of: AsOfOpt = None,
) -> None:
    """List the observations in force (the latest vintage of each indicator and period),
    each indicator's total first, then its units (a breakdown's, in targets.yaml's order).

    Example: qntrack observations --indicator grdp_growth --format csv > growth.csv
    """
    from ..files.workspace import open_workspace

    day = _as_of(as_of, targets=targets)
    if dim and indicator is None:
        from ..catalog import msg

        raise fail("--dim", msg("cli_dim_needs_indicator"), ExitCode.USAGE)
    where = "--dim"
    if indicator is not None:
        indicator, dim, where = _split_unit(indicator, dim)
    unit: list[str] = []

    def before_store(plan: Plan, targets_path: Path, store_path: Path) -> None:
        # Answered from targets.yaml alone, before a national store's million rows are read.
        _guard_stdout(targets_path, plan)
        if indicator is not None and indicator not in plan.indicators:
            raise fail(plan.source_file, _unknown_indicator(plan, indicator, store_path))
        if dim and indicator is not None:
            unit.append(_unit_key(plan, indicator, dim, where))

    ws = open_workspace(targets, day, before_store=before_store, only=lambda plan: [indicator] if indicator else None)
    if unit:  # an open unit typed in another spelling than the store's (files.open_units)
        from ..files.open_units import held_key

        unit[0] = held_key(ws.plan, unit[0], ws.series)
    ids = [indicator] if indicator else list(ws.plan.indicators)
    keys = unit or _with_units(ws.plan, ids, ws.series)
    rows = [o for k in keys for o in ws.series.get(k, [])]
    if unit and not rows:
        from .finer_units import say_finer_units

        say_finer_units(unit[0], ws.store.observations, None, day, ws.plan.timezone)
    kind = _format(fmt)
    if kind == "json":
        from ..method.history import measured_keys, replaced_vintages_of
        from ..method.series import as_of_bound
        from ..output.documents import observations_parts

        # The figure each one replaced, as the table writes it before the figure, and where
        # it came from (its source, recorded_at; issue 17, twenty-fifth session).
        known = as_of_bound(day, ws.plan.timezone) if day else None
        replaced = replaced_vintages_of(ws.store.observations, measured_keys(keys, ws.plan.indicators), known)
        values = {key: {p: o.value for p, o in periods.items()} for key, periods in replaced.items()}
        _out_parts(observations_parts(rows, day, values, replaced, ws.plan.timezone))
    elif kind in ("csv", "tsv"):
        from ..output.tables import observation_pieces

        _out_pieces(observation_pieces(rows, kind))
    else:
        from ..output import render

        from ..method.history import measured_keys, revised_values_of
        from ..method.series import as_of_bound

        # The figure each one replaced, written before it as show and history write it.
        known = as_of_bound(day, ws.plan.timezone) if day else None
        revised = revised_values_of(ws.store.observations, measured_keys(keys, ws.plan.indicators), known)
        render.observations_table(ws.plan, rows, _lang(lang), day, revised)
    if day is not None:
        # What the as-of view leaves out, said beside it (stderr: the data of the day stay
        # the same whatever is recorded later): the rows of the series it lists.
        from .later import keys_of, say_later

        shown = None if indicator is None else unit.__contains__ if unit else keys_of({indicator})
        say_later("cli_observations_later", ws.store.observations, shown, day, zone=ws.plan.timezone)
    _report(ws.warnings_for(ids))


def _listing(kind: str, key: str, header: tuple[str, ...], rows: list[tuple[str, ...]], lang: str) -> None:
    """One listing in the chosen format, like the other listings (piped: TSV)."""
    if kind == "json":
        from ..output.documents import listing_document
        from ..output.formats import to_json

        _out(to_json(listing_document(key, header, rows)))
    elif kind in ("csv", "tsv"):
        from ..output.tables import write_table

        _out(write_table([header, *rows], kind))
    else:
        from ..output import render
        from ..output.i18n import label

        render.listing_table(
            [label(h, lang) for h in header],
            rows,
            keys=header,
            wrap=("name", "unit", "formula", "kind", "group", "owner"),
            optional=("formula", "group", "owner"),
        )


def _listed_plan(targets: str | None, lang: Lang | None, fmt: OutputFormat | None) -> tuple[Plan, str, str]:
    """The plan a listing (indicators, targets) shows, with its language and format; its
    output never goes into the plan or the store."""
    from ..files.plan_loading import load_plan
    from ..files.workspace import find_targets

    path = find_targets(targets)
    plan = load_plan(path)
    _guard_stdout(path, plan)
    return plan, _lang(lang), _format(fmt)


@command()
def indicators(
    targets: TargetsOpt = None,
    fmt: FormatOpt = None,
    lang: LangOpt = None,
) -> None:
    """List the plan's indicators: id, name, unit, frequency, measure, direction, formula.

    Example: qntrack indicators --lang vi
    """
    plan, chosen, kind = _listed_plan(targets, lang, fmt)
    # The table is for people: its values in their language; CSV, TSV and JSON keep
    # targets.yaml's own words, a contract (docs/decisions.md).
    from ..output.documents import INDICATOR_COLUMNS, INDICATOR_MORE_COLUMNS, indicator_rows, indicators_document

    if kind == "json":
        from ..output.formats import to_json

        _out(to_json(indicators_document(plan, chosen)))
        return
    # The description, a paragraph, in CSV and TSV only: not in a terminal's table.
    more = kind != "table"
    rows = indicator_rows(plan, chosen, in_words=kind == "table" and chosen == "vi", more=more)
    _listing(kind, "indicators", INDICATOR_COLUMNS + (INDICATOR_MORE_COLUMNS if more else ()), rows, chosen)


@command("targets")
def list_targets(
    targets: TargetsOpt = None,
    fmt: FormatOpt = None,
    lang: LangOpt = None,
) -> None:
    """List the plan's targets: id, kind, indicator and name.

    The table and JSON also give each target's group and owner, when it has them.

    Example: qntrack targets --format csv
    """
    plan, chosen, kind = _listed_plan(targets, lang, fmt)
    # As for indicators: the table names the kind in the reader's language; CSV, TSV and
    # JSON keep the codes of targets.yaml.
    from ..output.documents import TARGET_COLUMNS, TARGET_MORE_COLUMNS, target_rows, targets_document

    if kind == "json":
        from ..output.formats import to_json

        _out(to_json(targets_document(plan, chosen)))
        return
    # Group and owner in the table and the JSON, not in CSV/TSV (documents.TARGET_MORE_COLUMNS).
    more = kind in ("table", "json")
    header = TARGET_COLUMNS + TARGET_MORE_COLUMNS if more else TARGET_COLUMNS
    _listing(kind, "targets", header, target_rows(plan, chosen, kind_in_words=kind == "table", more=more), chosen)


@command()
def history(
    indicator: Annotated[
        str,
        typer.Argument(
            metavar="INDICATOR",
            help="Indicator id, as in targets.yaml (a unit: ID[dimension=unit], or --dim).",
            autocompletion=complete_indicator_ids,
        ),
    ],
    period: Annotated[
        Optional[str], typer.Argument(metavar="[PERIOD]", help="Only this period (e.g. 2022-H1).")
    ] = None,
    dim: DimOpt = None,
    targets: TargetsOpt = None,
    fmt: FormatOpt = None,
    lang: LangOpt = None,
    as_of: AsOfOpt = None,
) -> None:
    """Every vintage recorded for an indicator: estimates, revisions, official figures.

    Latest period first; within a period the newest vintage first, with its status,
    source and recorded_at, and the figure it replaced (the table's '10.3% → 9.8%',
    '9.8% → –' for a retraction; JSON's revises). The vintage in force (recorded last)
    is marked.

    Example: qntrack history grdp_growth 2022-H1

    Example: qntrack history budget_revenue --dim locality=NAME
    """

    from ..plan.periods import PeriodError
    from ..files import rules

    day = _as_of(as_of, targets=targets)
    wanted = None
    if period is not None:
        from .quoting import refuse_cut_plan

        refuse_cut_plan(targets)  # -t ke hoach/targets.yaml: the period is a word of it
        try:
            # Located at the command, as add-observation and retract locate a period they
            # refuse (not at "PERIOD", a word of the help); a usage error, as before.
            wanted = rules.period(_typed_period(period.strip(), "history", ExitCode.USAGE, targets))
        except PeriodError as exc:
            from .argument_order import swapped

            raise fail("history", swapped("history", indicator, period) or _reason(exc), ExitCode.USAGE) from None
    indicator, dim, where = _split_unit(indicator, dim)

    def unit_of(plan: Plan, targets_path: Path, store_path: Path) -> str:
        # Answered from targets.yaml alone, before a national store's million rows are read.
        _guard_stdout(targets_path, plan)
        ind = plan.indicators.get(indicator)
        if ind is None:
            raise fail(plan.source_file, _unknown_indicator(plan, indicator, store_path))
        if ind.formula:
            from ..catalog import msg

            raise fail(plan.source_file, msg("cli_history_derived", indicator=indicator, formula=ind.formula))
        return _unit_key(plan, indicator, dim, where)

    from ..output.history_run import histories

    # The library's own path (output.history_run): the command's document is a caller's.
    # A period the indicator's frequency has not: the plan says so, invalid input (1) as a
    # unit the plan lacks is (README, "Exit codes"; a usage error before session 37's pass H).
    listed = histories(targets, day, wanted, unit_of, lambda said: fail("history", said))
    ws, key, found = listed.workspace, listed.key, listed.found
    kind = _format(fmt)
    if kind == "json":
        from ..output.documents import history_document
        from ..output.formats import to_json

        _out(to_json(history_document(key, found, wanted, day, ws.plan.timezone)))
    elif kind in ("csv", "tsv"):
        from ..output.documents import history_rows
        from ..output.tables import table_pieces

        _out_pieces(table_pieces(history_rows(found, day, ws.plan.timezone), kind))
    else:
        from ..output import render

        render.history_table(ws.plan, key, found, _lang(lang), day, wanted)
    if not found:
        from .finer_units import say_empty_period, say_finer_units, say_units_only

        if wanted is not None:  # 2099, not begun; 2014, no figure: said, with the periods held
            say_empty_period(key, ws.store.observations, wanted, day, ws.plan.timezone)

        if key == indicator:
            say_units_only(indicator, ws.store.observations, wanted, day, ws.plan.timezone)
        else:
            say_finer_units(key, ws.store.observations, wanted, day, ws.plan.timezone)
    if day is not None:
        from .later import say_later

        series = key if wanted is None else f"{key} {wanted}"
        zone = ws.plan.timezone
        say_later("cli_history_later", ws.store.observations, key.__eq__, day, wanted, zone=zone, series=series)
    from ..files.store_missing import missing_store

    _report(missing_store(ws.store_path, ws.store, ws.plan.source_file))
