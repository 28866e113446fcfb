"""``qntrack show``: one target at the terminal, its facts, milestones or key figures,
sentences and observations. Drawn with Rich, like render.py, whose console and cells it
shares; imported only when ``show`` runs (render.show).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Mapping, Sequence

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .i18n import (
    achieved_rate_text,
    date_text,
    kind_text,
    label,
    needed_rate_text,
    progress_text,
    replacing,
    score_text,
    target_kind_name,
    typed_value,
    value_beside,
    value_with_unit,
)
from .render_show_chart import trajectory_chart
from .terminal_text import visible
from ..files.textfiles import as_given
from .render import STATUS_STYLE, _console, _name, _status, print_figures
from .render_fitted import mark_kept, print_grid
from .summary import PERIOD_KINDS

if TYPE_CHECKING:
    from datetime import date

    from ..method.assessment import Assessment, MilestoneResult
    from ..plan.model import Observation
    from ..plan.periods import Period
    from ..plan.units import Dimension

__all__ = ["show"]


def show(
    a: Assessment,
    rows: Sequence[Observation],
    lang: str,
    as_of: str | None,
    revises: Mapping[Period, float | None] | None = None,
    withdrawn: Sequence[tuple[Observation, float | None]] = (),
    more: Sequence[str] = (),
    replaced: Mapping[Period, Observation] | None = None,
    today: date | None = None,
    dimensions: Mapping[str, Dimension] | None = None,
    judged_on: str = "",
) -> None:
    """``more``: sentences said after the others (a derived figure's input withdrawn);
    ``replaced``: the vintages ``revises`` names, whose source and day the legend says;
    ``today``: the day the command speaks of (narrative.explain); ``dimensions``: the
    plan's, so that the legend names a target's own unit (``of:``) as the report does;
    ``judged_on``: a unit's note after its status, as rank writes it (milestones_note)."""
    from ..output.narrative import explain

    console = _console()
    t, ind = a.target, a.indicator
    unit = ind.unit_in(lang)
    head = Text(_name(a, lang), style="bold")
    head.append(f"  ({t.id}, {target_kind_name(t, lang)})", style="dim")
    console.print(head)
    if t.of and t.for_each:  # one unit of a breakdown (show --dim): whose figures these are
        from .report_breakdowns import unit_name

        # The title is the whole target's ("... 55,600 billion VND" over Cam Pha's 12,771).
        whose = unit_name(t.of, dimensions or {}, lang, dated=False)
        console.print(Text(label("show_unit_only", lang).format(unit=whose)))
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="dim")
    facts.add_column()
    # A target of one unit (`of:`) names it as the tables and the legend do, "Poverty rate
    # (Ha Noi, Female)" by the unit's names, then its store key, which --dim and history
    # read back.
    from .legend_names import series_name

    if t.of and t.for_each and dimensions:  # one unit of a breakdown (show --dim), first
        from .report_breakdowns import unit_name

        for d, v in t.of:
            named = dimensions[d].name.get(lang) if d in dimensions else d
            facts.add_row(named, Text(unit_name(((d, v),), dimensions, lang), overflow="fold"))
    titled = series_name(ind, a.target.series_key, lang, dimensions)
    facts.add_row(label("indicator", lang), Text(f"{titled} [{a.target.series_key}]"))
    # The plan's free texts fold a word wider than the column (an address) rather than
    # cutting it with an ellipsis, as a grid's cell does by default.
    if ind.description:  # what the reports print beside the indicator's name
        facts.add_row(label("description", lang), Text(ind.description.get(lang), overflow="fold"))
    facts.add_row(label("unit", lang), Text(unit or "–"))
    facts.add_row(label("direction", lang), label(ind.direction.value, lang))
    if t.source:
        facts.add_row(label("source", lang), Text(t.source.get(lang), overflow="fold"))
    if t.note:
        facts.add_row(label("note", lang), Text(t.note.get(lang), overflow="fold"))
    if t.group:
        facts.add_row(label("group", lang), Text(t.group.get(lang)))
    if t.owner:
        facts.add_row(label("owner", lang), Text(t.owner.get(lang)))
    # The latest figure and the provisional reading marked "[1]" where they revised one (a
    # sum, where a month of it did), as the status table marks them, the legend under the
    # facts or the table of periods (issue 17, twenty-seventh session); and so the baseline
    # read from a figure (thirty-second session: revised, it moved P with nothing said).
    revised = {str(p): v for p, v in (revises or {}).items()}
    whence = _whence(rows, replaced)
    marks: dict[str, int] = {}
    if a.baseline is not None:
        facts.add_row(label("baseline", lang), _baseline(a, rows, unit, lang, revised, whence, marks, dimensions))
    _figures_used(facts, a, unit, lang, revised, whence, marks, dimensions)
    if a.achieved_rate is not None:
        base = a.baseline.value if a.baseline is not None else None
        facts.add_row(label("achieved_rate", lang), achieved_rate_text(a.achieved_rate, base, lang))
    facts.add_row(label("status", lang), _status(a.status.value, lang).append(f" ({judged_on})" if judged_on else ""))
    if a.missed_milestones:
        facts.add_row(
            label("missed_periods" if a.target.kind in PERIOD_KINDS else "missed_milestones", lang),
            Text(", ".join(str(p) for p in a.missed_milestones), style=STATUS_STYLE["not_achieved"]),
        )
    if a.awaiting_figures:
        from .withdrawn import awaited

        facts.add_row(label("awaiting_figures", lang), ", ".join(awaited(a, a.awaiting_figures, lang, str)))
    if a.score is not None or a.progress_value is not None:
        facts.add_row(
            f"{label('p', lang)} / {label('score', lang)}",
            f"{progress_text(a.progress_value, lang, a.pace_within)} / {score_text(a.score, lang)}",
        )
    if as_of:
        facts.add_row(label("as_of_lower", lang), date_text(as_of, lang))
    print_grid(console, facts)

    if a.milestones or a.result is None:
        _print_legend(console, marks, lang)
    if a.milestones:
        console.print(Text(label("milestones", lang), style="bold"))
        for m in a.milestones:
            print_grid(console, _milestone_block(a, m, unit, lang, console))
        chart = trajectory_chart(a, rows, lang)
        if chart:
            console.print(chart)
    elif a.result is not None:
        _details(console, a, lang, rows, revised, whence, marks, dimensions)

    # The figure each one replaced before it, "10.3% → 9.8%" (method.history.revised_values),
    # so that a revision is never read as a first estimate.
    before = revises or {}
    keys = ("period", "value", "obs_status", "source", "recorded_at")
    if not rows and not withdrawn:
        # A broken-down target whose units alone have figures: the table below lists them.
        whole = "no_observations_whole" if a.reason == "no_total_figure" else "no_observations"
        console.print(Text(label(whole, lang), style="dim"))
    cells = []
    from .judged_periods import part_year_reading
    from .views.plan import recorded_decimals

    # A figure withdrawn (a retraction in force) in its period's place, "2,877.8 → –", as
    # history writes it: never read as a figure not recorded yet (issue 17, nineteenth session).
    from .withdrawn import in_place, with_withdrawn_sentences, withdrawn_value

    gone = {id(o): value for o, value in withdrawn}
    # Each figure's note ("revised after the annual survey"), a line under the table naming
    # its period: a column beside the sources folded them, or itself, to a few letters at
    # any width a long URL or note is shown (issue 17, twenty-first session).
    notes: list[str] = []
    for o in in_place(rows, [o for o, _ in withdrawn]):
        if o.note.strip() and not ind.formula:  # a computed figure's note is "derived": its source says so
            note = visible(as_given(o.note), lines=True)
            notes.append(label("figure_note", lang).format(period=o.period, note=note))
        style = "italic dim" if part_year_reading(a.target, o.period) else ""
        kind = kind_text(o.status, lang)
        if id(o) in gone:
            shown = withdrawn_value(gone[id(o)], unit, lang)
            cells.append([Text(str(o.period), style=style), Text(shown, style=style), Text(kind)])
            cells[-1] += [Text(visible(as_given(o.source), lines=True)), Text(date_text(o.recorded_at, lang))]
            continue
        # The figure judged against a plan at the decimals where it differs from it, as
        # the Result line above writes it (issue 17, eighteenth session).
        places = recorded_decimals(a, o)  # and every decimal typed (-1.2004)
        shown = value_with_unit(o.value, unit, lang, places)
        cells.append(
            [
                Text(str(o.period), style=style),
                Text(replacing(before.get(o.period), shown, unit, lang, o.value, places), style=style),
                Text(kind),
                Text(visible(as_given(o.source), lines=True)),
                Text(date_text(o.recorded_at, lang)),
            ]
        )
    if cells:
        print_figures(console, label("observations", lang), keys, cells, lang)
    for note in notes:
        console.print(Text(note))
    console.print(Text(label("summary", lang), style="bold"))
    # Sentences for people say a period in words (explain); the tables above keep the code
    # a user types back (`qntrack history ID 2025-H1`): docs/decisions.md, "Periods in words".
    for sentence in with_withdrawn_sentences(
        a, explain(a, lang, today, dimensions, revised), withdrawn, lang, dimensions
    ) + list(more):
        console.print(Text("• " + sentence))


def _whence(rows: Sequence[Observation], replaced: Mapping[Period, Observation] | None) -> dict[str, tuple]:
    """By period's text, where each figure replaced came from, with the figure in force that
    replaced it (a month inside a sum says it): replaced_from.came."""
    from .replaced_from import came

    by_period = {o.period: o for o in rows}
    return {str(p): came(o, by_period.get(p)) for p, o in (replaced or {}).items()}


def _print_legend(console: Console, notes: Mapping[str, int], lang: str) -> None:
    """The legend of the marks numbered in ``notes``; nothing without any."""
    from .render_notes import legend

    said = legend(list(notes), lang)
    if said is not None:
        console.print(said)


def _baseline(
    a: Assessment,
    rows: Sequence[Observation],
    unit: str,
    lang: str,
    revised: Mapping[str, float | None],
    whence: Mapping[str, tuple] | None,
    marks: dict[str, int],
    dimensions: Mapping[str, Dimension] | None = None,
) -> str:
    """The baseline, "6%[1] (2021)" where it is a figure of the store that revised one
    (output.baseline_figure), its legend line with the latest figure's."""
    from .baseline_figure import baseline_marked

    if a.baseline is None:
        return ""
    return baseline_marked(a, rows, lang, revised, whence, marks, str(a.baseline.period), dimensions)


def _figures_used(
    facts: Table,
    a: Assessment,
    unit: str,
    lang: str,
    revised: Mapping[str, float | None] | None = None,
    whence: Mapping[str, tuple] | None = None,
    notes: dict[str, int] | None = None,
    dimensions: Mapping[str, Dimension] | None = None,
) -> None:
    """The latest figure the status is read from and the provisional reading left out of it
    (a plan's during its year, the one it is judged on), as the report's figures table
    states them (issue 17, nineteenth session); periods as codes, as show's tables write them.
    Each marked "[1]" where it revised a figure (``revised``, ``whence``: as the status
    table's), the legend's lines numbered in ``notes``; and, as status marks it
    (revision_marks.latest_marked), where a figure of its periods was withdrawn: "12%[1]
    (2022)" said bare while 2023's was withdrawn (thirty-second session), "–[1]" for none."""
    from .legend_names import series_name
    from .revision_marks import figure_marked
    from .i18n import with_kind
    from .summary import sum_marked
    from .views.plan import figure_decimals
    from .withdrawn import withdrawal_notes

    name = series_name(a.indicator, a.target.series_key, lang, dimensions)
    marks: dict[str, int] = {} if notes is None else notes
    # The figures withdrawn marked on the figure shown, the latest else the provisional one,
    # as latest_marked marks status's cell.
    gone = tuple(withdrawal_notes(a, a.target.series_key, lang, dimensions=dimensions))
    if a.latest is None and a.provisional is None and gone:
        facts.add_row(label("latest", lang), "–" + "".join(f"[{marks.setdefault(t, len(marks) + 1)}]" for t in gone))
    if a.latest is not None:
        o = a.latest
        shown = figure_marked(o, name, revised, unit, lang, marks, figure_decimals(a, o), gone, whence)
        gone = ()
        # An estimate said to be one, as the reports' key figures say it (with_kind).
        when = with_kind(o.status, sum_marked(o, str(o.period), lang), lang)
        facts.add_row(label("latest", lang), f"{shown} ({when})")
    if a.provisional is not None:
        o = a.provisional
        shown = figure_marked(o, name, revised, unit, lang, marks, figure_decimals(a, o), gone, whence)
        period = with_kind(o.status, sum_marked(o, str(o.period), lang), lang)
        facts.add_row(label("provisional", lang).capitalize(), Text(f"{shown} ({period})", style="italic"))


def _milestone_block(a: Assessment, m: MilestoneResult, unit: str, lang: str, console: Console) -> Table:
    """One milestone as label/value lines: readable at 80 columns, unlike a wide table."""
    from ..output.summary import difference_text, gap_phrase

    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="dim", min_width=18)
    grid.add_column()
    title = Text(f"{typed_value(m.value, unit, lang)} {label('by', lang)} {m.by}  ", style="bold")
    title.append_text(_status(m.status.value, lang))
    if m.awaiting_figure:
        # Its deadline is behind us with no figure: said on the milestone itself, not only
        # on the headline's (issue 12).
        title.append(f"  ⌛ {label('awaiting', lang)}", style="yellow")
    grid.add_row(label("milestone", lang), title)
    rate = label("per_year", lang)
    base = a.baseline.value if a.baseline is not None else None
    grid.add_row(
        f"{label('p', lang)} / {label('score', lang)}",
        f"{progress_text(m.progress_value, lang)} / {score_text(m.score, lang)}",
    )
    from ..output.views.plan import gap_decimals

    grid.add_row(label("gap", lang), gap_phrase(m.gap, unit, lang, gap_decimals(a, m), not a.indicator.increase))
    if m.method == "absolute_change":
        # No growth rate across zero: the change a year the path asks for, in the unit.
        from .views.level import path_places  # at the path's decimals, as the path (41st session)

        grid.add_row(
            label("required_rate", lang),
            f"{difference_text(m.required_change, unit, lang, decimals=path_places(a, m))}{rate}",
        )
    else:
        grid.add_row(label("required_rate", lang), achieved_rate_text(m.required_rate, base, lang))
    if m.trajectory is not None:
        from .views.level import path_places

        places = path_places(a, m)
        grid.add_row(
            label("trajectory", lang),
            f"{value_with_unit(m.trajectory, unit, lang, places)}"
            f" ({label('deviation', lang).lower()} {difference_text(m.deviation or 0.0, unit, lang, decimals=places)})",
        )
    from .views.level import allowed, needed_change, needs_nothing

    # No "needed from now" once the deadline is over (only where the pace would have
    # ended), nor for a level to keep not reached (it needs the level, its gap above). A
    # milestone achieved early is still judged on its deadline's figure: what it may lose
    # a year and still meet it is said as allowed, not needed (forty-second session).
    early = allowed(m)
    if early or not needs_nothing(a, m):
        if m.method == "absolute_change":
            needed, places = needed_change(a, m)  # written so that it suffices, as the sentences
            need = f"{difference_text(needed, unit, lang, decimals=places)}{rate}"
        else:
            need = needed_rate_text(m.required_rate_from_latest, base, a.indicator.increase, lang)
        grid.add_row(label("allowed_from_latest" if early else "required_from_latest", lang), need)
    if m.awaiting_figure or not m.due:
        grid.add_row(label("projected", lang), f"{value_beside(m.projected, m.value, unit, lang)} ({m.by})")
    reached = str(m.reached_in) if m.reached_in else (label("never", lang) if m.never_reached else "–")
    if m.status.value != "target_achieved":
        # A year the achieved rate would take the value to is a projection, not a fact.
        grid.add_row(label("would_be_reached_in" if m.reached_is_projection else "reached_in", lang), reached)
    mark_kept(title, console, within=grid)  # "⌛" never alone at a line's end
    return grid


def _key_figures(a: Assessment, lang: str, revised: Mapping[str, float | None] | None) -> Table | None:
    """The few figures a meeting asks for first, one per line, for the non-level kinds; a
    figure that revised one where the two differ (revision_marks.quoting)."""
    from ..output.summary import target_gap_phrase
    from .revision_marks import quoting
    from .views import view_of

    with quoting(revised):
        rows = view_of(a).show_figures(a, lang)
    if a.gap is not None:
        # One meaning for every kind: still to go in the target's direction (methodology, "Gap").
        rows.append((label("gap", lang), target_gap_phrase(a, lang)))
    if not rows:
        return None
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="dim", min_width=18)
    grid.add_column()
    for key, value in rows:
        grid.add_row(key, value)
    return grid


def _details(
    console: Console,
    a: Assessment,
    lang: str,
    rows: Sequence[Observation] = (),
    revised: Mapping[str, float | None] | None = None,
    came: Mapping[str, tuple] | None = None,
    notes: dict[str, int] | None = None,
    dimensions: Mapping[str, Dimension] | None = None,
) -> None:
    """A kind's key figures, then its periods' figures: one that replaced an earlier one
    marked "[1]", and the legend under the list, as the status table's (``rows`` the
    figures in force, ``revised`` by period's text what each replaced, ``came`` where those
    came from, whose source and day the legend says; issue 17, eighteenth and twenty-fifth
    sessions). ``notes``: the marks already numbered above (the latest figure's), said in
    the same legend."""
    from ..kinds.every_period import PeriodCheck
    from .revision_marks import figure_marked
    from .views.plan import recorded_decimals  # a table of figures: every decimal typed

    from .legend_names import series_name

    d = a.result
    marks: dict[str, int] = {} if notes is None else notes
    unit = a.indicator.unit_in(lang)
    name = series_name(a.indicator, a.target.series_key, lang, dimensions)  # the legend's words for it
    figures = _key_figures(a, lang, revised)
    if figures is not None:
        print_grid(console, figures)
    periods = getattr(d, "periods", ())
    if periods:
        from .render_fitted import _fitted_table, print_fitted

        keys = ["period", "value"]
        headers = [label("period", lang), label("value", lang)]
        has_pass = isinstance(periods[0], PeriodCheck)
        if has_pass:
            from .report_view import report_word

            # Headed, and said in words beside the mark, as the report's table is: a screen
            # reader read a bare "check mark" under no heading, and colour alone told the two.
            keys.append("passed")
            headers.append(report_word("passed", lang))
        by_period = {o.period: o for o in rows}
        cells: list[list[Text]] = []
        for p in periods:
            o = by_period.get(p.period)
            shown = (
                figure_marked(o, name, revised, unit, lang, marks, recorded_decimals(a, o), whence=came)
                if o is not None and o.value == p.value
                else value_with_unit(p.value, unit, lang)
            )
            row = [Text(str(p.period)), shown if isinstance(shown, Text) else Text(shown)]
            if isinstance(p, PeriodCheck):
                row.append(
                    Text(f"✓ {report_word('yes', lang)}", style="green")
                    if p.passed
                    else Text(f"✗ {report_word('no', lang)}", style="bold red")
                )
            cells.append(row)
        # Fitted as the observations under it are: a row a block of "Heading: value" lines
        # where the table would cut a period or a figure ("20…  10.…" at 20 columns).
        table = _fitted_table(
            Table(title=label("details", lang), box=box.SIMPLE_HEAD, title_justify="left"),
            headers,
            cells,
            console.width,
            wrap=("value",),
            keys=keys,
            right=("value",),
            foldable=(),
        )
        print_fitted(console, table, headers, cells)
    _print_legend(console, marks, lang)
