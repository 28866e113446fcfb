"""The report's breakdowns (issue 14): for a target judged for every unit (``for_each:``),
its units ranked best to worst in a table and a chart, the units' rollup in one line, the
units not assessed with their reason, and, beside a unit formed from others (``from:``),
its predecessors' figures before the reorganisation. HTML and Markdown both show it; a
target without a breakdown shows none. Pure: no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Callable, Mapping, Sequence

from ..method.assessment import shown_figure
from ..method.ranking import Ranked, rank_units
from ..plan.units import Dimension, Dims, Unit, listed_name, names_listed, unit_key
from .charts import Chart
from .i18n import date_text, label, progress_text, score_text, status_label, typed_places, value_with_unit
from .period_words import period_text
from .report_view import Cell, TableView, _status_with_missed, joined_list, report_word

if TYPE_CHECKING:
    from ..method.assessment import Assessment, UnitAssessment
    from ..plan.model import Target
    from ..plan.model import Observation
    from .report import ReportData

__all__ = [
    "BreakdownView",
    "Predecessors",
    "breakdown_view",
    "report_breakdowns",
    "chart_id",
    "dimension_names",
    "unit_name",
]

# The reasons the report words itself, shorter than the narrative's sentences (a cell, not
# a paragraph); any other reason is said by its narrative sentence (narrative.reason_text).
_SHORT_REASONS = (
    "no_amount_for_unit",
    "no_figures",
    "no_figure_for_period",
    "no_annual_figure",
    "no_baseline",
    "one_figure",
)


@dataclass(frozen=True, slots=True)
class Predecessors:
    """A successor unit and, by period, its predecessors' figures beside its own."""

    caption: str
    table: TableView


@dataclass(frozen=True, slots=True)
class BreakdownView:
    heading: str
    rollup: str
    table: TableView
    not_assessed: tuple[str, ...]  # "Uong Bi: no plan assigned to this unit"
    predecessors: tuple[Predecessors, ...]
    chart_id: str
    chart: Chart | None
    chart_note: str


def chart_id(target_id: str) -> str:
    """The breakdown chart's file name and key among the charts: an underscore, which no
    target id has, so it never meets a target's own chart (as report_groups.CHART_ID)."""
    return f"{target_id}_units"


def report_breakdowns(
    data: ReportData,
    lang: str,
    with_charts: bool,
    most_units: int | None = None,
    made: Callable[[BreakdownView], None] | None = None,
) -> dict[str, BreakdownView]:
    """The breakdown of every target of the report that has one, by target id; with
    ``most_units``, a breakdown of more units than that draws no chart. ``made`` is told
    of each breakdown as it is made (the PDF's running measure
    of its length, report_pdf.Budget, which may refuse there)."""
    # A target broken down whose units were all withdrawn has no breakdown left, and is
    # listed by its withdrawn units alone (twenty-second session).
    broken = [a for a in data.assessments if a.breakdown or a.target.for_each]
    if not broken:
        return {}
    dimensions = data.plan.dimensions if data.plan is not None else {}
    revised = data.revised  # the units' marks
    from .units_withdrawn import retracted_keys, unit_withdrawn_line, units_withdrawn

    retracted = retracted_keys(data.observations)  # once, not a walk of the store a target
    views = {}
    for a in broken:
        # A unit whose every figure was withdrawn: not judged, listed with the withdrawal.
        gone = units_withdrawn(a, data.observations, data.series, data.known_by, retracted)
        lines = tuple(unit_withdrawn_line(a, dims, rows, lang, dimensions) for dims, rows in gone)
        if not a.breakdown:
            if lines:
                views[a.target.id] = _withdrawn_only(a, dimensions, lang, lines)
            continue
        view = breakdown_view(a, data.series, dimensions, lang, with_charts, most_units, revised, data.whence)
        views[a.target.id] = replace(view, not_assessed=view.not_assessed + lines) if lines else view
        if made is not None:
            made(view)
    return views


def _withdrawn_only(
    a: Assessment, dimensions: Mapping[str, Dimension], lang: str, lines: tuple[str, ...]
) -> BreakdownView:
    """The units section of a target none of whose units is judged, every one listed with
    the figures withdrawn from it: no roll-up of no unit, no empty table, no chart."""
    return BreakdownView(
        heading=report_word("bd_heading", lang, dimension=dimension_names(a.target.for_each, dimensions, lang)),
        rollup="",
        table=TableView(headers=(), rows=()),
        not_assessed=lines,
        predecessors=(),
        chart_id=chart_id(a.target.id),
        chart=None,
        chart_note="",
    )


def _declared(dimensions: Mapping[str, Dimension], dim_id: str, value: str) -> Unit | None:
    dimension = dimensions.get(dim_id)
    return dimension.unit(value) if dimension is not None else None


def unit_name(dims: Dims, dimensions: Mapping[str, Dimension], lang: str, dated: bool = True) -> str:
    """The unit's values ("Ha Long"; "Ha Long, female" for two dimensions), each with the
    dates it existed between when it has them."""
    parts = []
    for dim_id, value in dims:
        unit = _declared(dimensions, dim_id, value)
        dates = _dates(unit, lang) if dated and unit is not None else ""
        shown = unit.name_in(lang) if unit is not None else value  # its name in the report's language
        shown = listed_name(shown) if len(dims) > 1 else shown  # "Ba Ria, Vung Tau" one of two units
        parts.append(f"{shown} ({dates})" if dates else shown)
    return ", ".join(parts)


def _dates(unit: Unit, lang: str) -> str:
    out = []
    if unit.since is not None:
        out.append(report_word("bd_since", lang, date=date_text(unit.since.isoformat(), lang)))
    if unit.until is not None:
        out.append(report_word("bd_until", lang, date=date_text(unit.until.isoformat(), lang)))
    return ", ".join(out)


def unit_reason(a: Assessment, lang: str) -> str:
    from .narrative import reason_text

    if a.reason == "one_figure" and a.baseline is not None:
        # The unit's own baseline year, which for a unit formed after the target's
        # baseline is its first year (methodology.md, "Breakdowns"): "only the baseline
        # year's figure" read as if the target's baseline year had been recorded.
        return report_word("bd_reason_one_figure", lang, year=a.baseline.period.year)
    if a.reason in _SHORT_REASONS:  # figures recorded, all withdrawn: never "no figure recorded" (s44)
        return report_word(
            "bd_reason_all_withdrawn" if a.reason == "no_figures" and a.withdrawn else f"bd_reason_{a.reason}", lang
        )
    if a.reason == "crosses_zero":  # an Open SDG target's own sentence, as show says it
        from .narrative import sign_reason

        return sign_reason(a, lang) or reason_text(a.reason, lang)
    if a.reason == "no_years_to_target":  # with its years, as show says it
        from .narrative import late_base

        return late_base(a, lang) or reason_text(a.reason, lang)
    return reason_text(a.reason or "undefined", lang)


def unit_status(target: Target, unit: UnitAssessment, lang: str) -> str:
    """A unit's status as the tables write it: with the milestones it was judged on when
    it existed for some of its target's alone (Old Town, until 30 June 2025, judged on
    2025's and not 2030's: kinds.breakdown.due_milestones)."""
    text = status_label(unit.assessment.status.value, lang)
    note = milestones_note(target, unit, lang)
    return f"{text} ({note})" if note else text


def milestones_note(target: Target, unit: UnitAssessment, lang: str) -> str:
    """ "milestones 2025 only: while the unit existed" for a unit judged on fewer of the
    target's milestones than the target has (``unit_status``), and ``baseline_note`` for
    one judged from a later year than the target's baseline; "" for neither."""
    from ..kinds.breakdown import inherits_milestones
    from ..plan.model import LevelTarget, SpanTarget

    judged = unit.assessment.target
    if (
        isinstance(target, LevelTarget)
        and isinstance(judged, LevelTarget)
        and len(judged.milestones) < len(target.milestones)
        and inherits_milestones(target, unit.dims)
    ):
        years = ", ".join(str(m.by) for m in judged.milestones)
        return "; ".join(
            n
            for n in (report_word("bd_milestones_while_it_existed", lang, years=years), baseline_note(unit, lang))
            if n
        )
    written = dict(target.overrides).get(unit.dims) or target  # a span an override gives is its own
    if isinstance(written, SpanTarget) and isinstance(judged, SpanTarget):
        if (judged.start, judged.end) != (written.start, written.end) and not unit.without_figure:
            # A span's periods while the unit existed (kinds.breakdown.lived_span): a
            # province formed in July 2025 judged on 2025 alone of 2021-2025 (s45).
            from .period_words import period_range

            periods = period_range(judged.start, judged.end, lang)
            return report_word("bd_periods_while_it_existed", lang, periods=periods)
    return baseline_note(unit, lang)


def baseline_note(unit: UnitAssessment, lang: str) -> str:
    """ "baseline 2025: no 2020 figure of its own" for a unit of a level target judged from
    a later year than the target's baseline period (a province formed on 1 July 2025 has
    no figure for 2020, and its predecessors' are never added up for it: methodology.md,
    "Breakdowns"), else "". Its status read as a test from 2020 like the others'."""
    from ..plan.model import LevelTarget

    judged, base = unit.assessment.target, unit.assessment.baseline
    if not isinstance(judged, LevelTarget) or judged.baseline is None or judged.baseline.value is not None:
        return ""
    if base is None or base.period.year <= judged.baseline.period.year:
        return ""
    return report_word("bd_baseline_later", lang, year=base.period.year, wanted=judged.baseline.period.year)


def _table(
    a: Assessment,
    ranked: Sequence[Ranked],
    dimensions: Mapping[str, Dimension],
    lang: str,
    revised: Mapping[str, Mapping[str, float | None]] | None = None,
    whence: Mapping[str, Mapping[str, tuple[str, str]]] | None = None,
) -> TableView:
    """Rank, unit, status, score, progress value, latest figure, its gap, own values (overrides),
    and where that figure comes from (a review asks whose each district's number is),
    a column left out when no unit's figure names a source. A unit's latest figure that
    replaced one (``revised``, by unit's series) is marked "[1]" as rank marks it, the
    table's ``notes`` its legend (issue 17, eighteenth session)."""
    from ..plan.units import unit_key
    from .revision_marks import latest_marked
    from .summary import gap_text

    own = {dims for dims, _ in a.target.overrides}
    notes: dict[str, int] = {}
    keys = {r.unit.dims: unit_key(a.indicator.id, r.unit.dims) for r in ranked}
    headers: tuple[str, ...] = (
        report_word("bd_rank", lang),
        dimension_names(a.target.for_each, dimensions, lang),
        label("status", lang),
        label("score", lang),
        label("p", lang),
        label("latest", lang),
        # The distance still to go beside the figure it is measured from, as the summary
        # and `status --by` write it (issue 17, thirty-fourth session).
        label("gap", lang),
        report_word("bd_own_values", lang),
        label("source", lang),
    )
    rows: tuple[tuple[Cell, ...], ...] = tuple(
        (
            Cell(str(r.rank)),
            Cell(unit_name(r.unit.dims, dimensions, lang)),
            # With the deadlines missed on the way and those awaited, as the summary writes a
            # target's: a unit's miss was said by `status --by` alone (thirty-second session).
            Cell(
                _status_with_missed(r.unit.assessment, lang, unit_status(a.target, r.unit, lang)),
                status=r.unit.assessment.status.value,
            ),
            Cell(score_text(r.unit.assessment.score, lang)),
            Cell(progress_text(r.unit.assessment.progress_value, lang, r.unit.assessment.pace_within)),
            Cell(
                latest_marked(
                    r.unit.assessment,
                    lang,
                    (revised or {}).get(keys[r.unit.dims]),
                    keys[r.unit.dims],
                    notes,
                    withdrawals=True,
                    whence=(whence or {}).get(keys[r.unit.dims]),
                    kind=True,
                    dimensions=dimensions,  # its notes name the unit as the table's column does
                )
            ),
            Cell(gap_text(r.unit.assessment, lang)),
            Cell(report_word("bd_yes" if r.unit.dims in own else "bd_no", lang)),
            _source(r.unit.assessment),
        )
        for r in ranked
    )
    if not any(row[-1].text for row in rows):  # no unit's figure names a source: no empty column
        headers, rows = headers[:-1], tuple(row[:-1] for row in rows)
    # A unit's figure withdrawn is marked too, its legend under its own heading
    # (TableView.legend; issue 17, twentieth session).
    return TableView(headers, rows, frozenset({0, 3, 4, 5, 6}), tuple(notes))


def _source(a: Assessment) -> Cell:
    """The source of the figure ``_latest`` writes (the year-to-date reading's, if that)."""
    from .report_view import source_cell

    shown = shown_figure(a)
    return (source_cell(shown.source) if shown is not None else None) or Cell("")


def dimension_names(for_each: Sequence[str], dimensions: Mapping[str, Dimension], lang: str) -> str:
    names = [dimensions[d].name.get(lang) if d in dimensions else d for d in for_each]
    return " × ".join(names)


def _rollup(units: Sequence[UnitAssessment], lang: str, dimensions: Mapping[str, Dimension]) -> str:
    """ "4 units: 1 target achieved, 3 not available; combined: Target achieved (score 5)"."""
    from ..kinds.breakdown import rollup, without_figures

    score, status, counts = rollup(units)
    absent = without_figures(units)
    judged = len(units) - len(absent)
    said = ", ".join(
        report_word("bd_count", lang, n=n, status=status_label(s.value, lang).lower()) for s, n in counts.items() if n
    )
    key = "bd_rollup" if score is not None else "bd_rollup_unscored"
    if judged == 1:  # "1 unit", not "1 units" (a breakdown with one unit left after an end)
        key += "_one"
    line = report_word(
        key, lang, count=judged, counts=said, status=status_label(status.value, lang), score=score_text(score, lang)
    )
    if not absent:
        return line
    # The declared units with no figure, named (issue 17, twenty-first session) as the
    # table below names them, in the report's language (thirty-first session).
    shown = (unit_name(u.dims, dimensions, lang, dated=False) for u in absent)
    # A name holding a comma quoted, where ", " parts the names (units_listed's rule).
    names = "; ".join(shown) if len(absent[0].dims) > 1 else names_listed(shown)
    more = report_word("bd_without_figure", lang, judged=judged, count=len(units), absent=len(absent), names=names)
    return f"{line}. {more}"


def _predecessors(
    a: Assessment,
    units: Sequence[UnitAssessment],
    series: Mapping[str, Sequence[Observation]],
    dimensions: Mapping[str, Dimension],
    lang: str,
) -> tuple[Predecessors, ...]:
    """For each unit formed from others, the figures in force of every predecessor (its
    series key: the unit's with the predecessor in the successor's place) and its own, by
    period, so the reader sees the history before the reorganisation."""
    out = []
    unit_of_measure = a.indicator.unit_in(lang)
    for u in units:
        for place, (dim_id, value) in enumerate(u.dims):
            unit = _declared(dimensions, dim_id, value)
            if unit is None or not unit.predecessors:
                continue
            columns: list[tuple[str, Sequence[Observation]]] = []
            for before in unit.predecessors:
                dims = u.dims[:place] + ((dim_id, before),) + u.dims[place + 1 :]
                columns.append((unit_name(dims, dimensions, lang), series.get(unit_key(a.indicator.id, dims), ())))
            columns.append((unit_name(u.dims, dimensions, lang), series.get(unit_key(a.indicator.id, u.dims), ())))
            by_period = [{o.period: o.value for o in rows} for _, rows in columns]
            periods = sorted({o.period for _, rows in columns for o in rows}, key=lambda p: p.sort_key)
            if not periods:
                continue  # no figure on either side: nothing to set beside
            rows = tuple(
                (Cell(period_text(p, lang)),)
                + tuple(
                    # At the figure's own decimals: 12.345 is not 12.35 (issue 17, twentieth session).
                    Cell(
                        value_with_unit(figures[p], unit_of_measure, lang, typed_places(figures[p]))
                        if p in figures
                        else "–"
                    )
                    for figures in by_period
                )
                for p in periods
            )
            table = TableView(
                (label("period", lang), *(name for name, _ in columns)), rows, frozenset(range(1, len(columns) + 1))
            )
            # A unit with no `since:` existed before: the units it names joined it (Phu Tho,
            # which kept its name), it was not formed from them.
            caption = report_word(
                "bd_predecessors" if unit.since is not None else "bd_absorbed",
                lang,
                unit=unit_name(u.dims, dimensions, lang, dated=False),
                # Each in the report's language, as the unit itself is (``names:``).
                # "A, B and C", as the report's sentences list them (the catalog's "and").
                units=joined_list(
                    [listed_name(unit_name(((dim_id, b),), dimensions, lang, dated=False)) for b in unit.predecessors],
                    lang,
                ),
            )
            out.append(Predecessors(caption, table))
    return tuple(out)


def breakdown_view(
    a: Assessment,
    series: Mapping[str, Sequence[Observation]],
    dimensions: Mapping[str, Dimension],
    lang: str,
    with_chart: bool,
    most_units: int | None = None,
    revised: Mapping[str, Mapping[str, float | None]] | None = None,
    whence: Mapping[str, Mapping[str, tuple[str, str]]] | None = None,
) -> BreakdownView:
    from .report_units_chart import units_chart

    ranked = rank_units(a.breakdown, a.indicator.increase)
    with_chart = with_chart and (most_units is None or len(ranked) <= most_units)
    not_assessed = tuple(
        f"{unit_name(r.unit.dims, dimensions, lang, dated=False)}: {unit_reason(r.unit.assessment, lang)}"
        for r in ranked
        if r.unit.assessment.status.value == "not_available"
    )
    return BreakdownView(
        heading=report_word("bd_heading", lang, dimension=dimension_names(a.target.for_each, dimensions, lang)),
        rollup=_rollup(a.breakdown, lang, dimensions),
        table=_table(a, ranked, dimensions, lang, revised, whence),
        not_assessed=not_assessed,
        predecessors=_predecessors(a, a.breakdown, series, dimensions, lang),
        chart_id=chart_id(a.target.id),
        chart=units_chart(a, ranked, dimensions, lang, revised) if with_chart else None,
        chart_note=report_word("bd_chart_note", lang),
    )
