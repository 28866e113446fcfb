"""``qntrack rank TARGET_ID``: the units of a target's breakdown, best to worst (issue 14;
the rule is method.ranking, the outputs output.ranking)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import fail
from .app import AsOfOpt, FormatOpt, LangOpt, TargetsOpt, _as_of, _format, _lang, command
from .arguments import _check_ids
from .completion import complete_ranked_target_ids
from .printing import _guard_stdout, _out, _report, _say

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

    from ..catalog import Message
    from ..plan.model import Plan, Target


@command()
def rank(
    target_id: Annotated[
        str,
        typer.Argument(
            metavar="TARGET_ID",
            help="A target with for_each: in targets.yaml.",
            autocompletion=complete_ranked_target_ids,
        ),
    ],
    targets: TargetsOpt = None,
    fmt: FormatOpt = None,
    lang: LangOpt = None,
    as_of: AsOfOpt = None,
) -> None:
    """The units of a target's breakdown, best to worst: by status, then score (missed for
    good counts as -5), then progress value, then a plan's share reached (each unit against
    its own plan), then the period of the figure shown (the latest first: a figure is
    ranked only against figures of its own period), then that figure (the latest, else
    the year-to-date reading), in the target's direction. Units equal on all of these
    share a rank.

    Example: qntrack rank budget-revenue-plan-2024 --format json | jq '.units[] | {rank, dims, gap}'
    """
    from ..output.rank_run import not_broken_down, rank_json, ranked

    day = _as_of(as_of, targets=targets)
    kind = _format(fmt)

    def before_store(plan: Plan, targets_path: Path, store_path: Path) -> None:
        # Answered from targets.yaml alone, before a national store's million rows are read.
        _guard_stdout(targets_path, plan)
        _check_ids(plan, [target_id])
        target = plan.target(target_id)
        if target is not None and not target.for_each:
            raise fail(plan.source_file, not_broken_down(plan, target_id))

    # The library's own path (output.rank_run): the command's document is a caller's.
    found = ranked(targets, target_id, day, before_store=before_store)
    ws, judged, ranked_units = found.workspace, found.assessment, found.units
    target, indicator = judged.target, judged.indicator
    if not any(u.assessment.latest is not None or u.assessment.provisional is not None for u in judged.breakdown):
        # An empty list would read as "every unit is fine"; say why there is none. A
        # reading during the period (a plan's year to date) is a figure the unit is
        # judged on too: only units with neither are "not available" for want of one.
        wider = _recorded_with_others(target, indicator.dimensions, ws.series)
        _say(_no_figures(target, indicator.id, day, listed=bool(ranked_units), wider=wider))
    else:  # some units judged: those with no figure of their own whose figures are kept finer
        from ..kinds.breakdown import NO_FIGURES
        from .finer_units import say_judged_finer

        bare = [u.dims for u in judged.breakdown if u.assessment.latest is None and u.assessment.reason == NO_FIGURES]
        say_judged_finer(target, bare, indicator.dimensions, ws.store.observations, day, ws.plan.timezone)
    from ..output.units_withdrawn import units_withdrawn

    # A unit whose every figure was withdrawn has nothing to rank it on and is no row; it is
    # named on stderr, as status --by lists it, not left out in silence (pass R's leftover).
    gone = [dims for dims, _ in units_withdrawn(judged, ws.store.observations, ws.series, day)]
    if gone:
        from ..catalog import msg
        from ..plan.units import units_listed

        _say(msg("s42_rank_all_withdrawn", units=units_listed(gone, most=10)))
    if kind == "json":
        from ..output.formats import to_json

        _out(to_json(rank_json(found)))
    elif kind in ("csv", "tsv"):
        from ..output.tables import write_table
        from ..output.ranking import rank_rows

        _out(write_table(rank_rows(target, ranked_units, day), kind))
    else:
        from ..output import render
        from ..output.ranking import RANK_FOLDABLE, RANK_KEYS, RANK_WRAP, rank_table, status_kept

        from ..output.formats import revised_in
        from ..output.render_notes import print_legend

        notes: dict[str, int] = {}
        came: dict[str, dict[str, tuple[str, str]]] = {}  # where each figure replaced came from
        revised = revised_in([judged], ws.store.observations, day, came, ws.plan.timezone)
        chosen = _lang(lang)
        title, header, rows = rank_table(
            target, indicator, ranked_units, ws.plan.dimensions, chosen, revised, notes, True, whence=came
        )
        render.listing_table(
            header,
            rows,
            keys=RANK_KEYS,
            wrap=RANK_WRAP,
            optional=("source",),
            title=title,
            labelled=True,
            foldable=RANK_FOLDABLE,
            kept=status_kept(ranked_units, chosen, ws.plan.dimensions),
        )
        print_legend(list(notes), chosen)
    if day is not None:  # the entries --as-of left out, as status and show say them
        from .later import say_judged_later

        say_judged_later(ws.plan, ws.store.observations, [judged], day)
    _report(ws.warnings_for([indicator.id]))


def _recorded_with_others(
    target: Target, declared: tuple[str, ...], series: Mapping[str, object]
) -> tuple[tuple[str, ...], str] | None:
    """The dimensions the indicator's figures name beside every one of ``for_each`` (and a
    figure's key, as an example), when no figure names those alone: Open SDG's rows name
    every column (``Canada, Total``), so a target ``for_each: geography`` has no unit with
    a figure, though the figures are there as cells. None when no figure is such a cell."""
    from ..plan.units import base_of, split_key

    wanted = set(target.for_each)
    others: set[str] = set()
    example = ""
    for key in series:
        if base_of(key) != target.indicator:
            continue
        found = split_key(key)
        names = {name for name, _ in found[1]} if found else set()
        if wanted < names:
            others |= names - wanted
            example = example or key
    if not others:
        return None
    ordered = [d for d in declared if d in others] + sorted(others - set(declared))
    return tuple(ordered), example


def _no_figures(
    target: Target,
    indicator: str,
    as_of: str | None,
    *,
    listed: bool,
    wider: tuple[tuple[str, ...], str] | None = None,
) -> Message:
    """Why no unit is judged: no figure yet (record some), or none by --as-of's date (the
    figures came later), or figures that each name more dimensions than ``for_each``
    (``wider``: cells of a wider breakdown); and whether the units below are listed, or
    none is."""
    from ..catalog import Day, msg

    if wider is not None:
        others, example = wider
        return msg(
            "ranking_figures_with_others" if listed else "ranking_figures_with_others_none",
            target=target.id,
            indicator=indicator,
            dims=", ".join(target.for_each),
            others=", ".join(others),
            example=example,
            wider=", ".join((*target.for_each, *others)),
            for_each=_for_each_text(target.for_each),
        )
    if as_of is not None:
        return msg(
            "ranking_no_figures_as_of" if listed else "ranking_no_figures_as_of_none", target=target.id, date=Day(as_of)
        )
    dims = " ".join(f"--dim {d}=..." for d in target.for_each)
    key = "ranking_no_figures" if listed else "ranking_no_figures_none"
    return msg(key, target=target.id, indicator=indicator, dims=dims)


def _for_each_text(dims: tuple[str, ...]) -> str:
    """``sex``, or ``[province, sex]``: a target's for_each as targets.yaml writes it."""
    return dims[0] if len(dims) == 1 else "[" + ", ".join(dims) + "]"
