"""``qntrack rank``: the units of a target's breakdown best to worst, as a JSON document
(docs/json.md, "Ranking"), CSV/TSV rows and the cells of the terminal's table.

The order and the ranks are ``method.ranking.rank_units``; this module only writes them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping, Sequence

from .. import __version__
from .formats import SCHEMA_VERSION, as_of_end
from .json_figures import figure_dict, milestone_list, withdrawn_list
from .status_csv import not_counted_cell

if TYPE_CHECKING:
    from ..method.assessment import Assessment
    from ..method.ranking import Ranked
    from ..plan.model import Indicator, Target
    from ..plan.units import Dimension, Dims

__all__ = [
    "RANK_COLUMNS",
    "RANK_FOLDABLE",
    "RANK_KEYS",
    "RANK_WRAP",
    "unit_name",
    "own_values",
    "rank_document",
    "rank_rows",
    "rank_table",
    "status_kept",
]

# The columns of ``rank_table``, as the terminal's table fitter names them: "unit" and
# "source" may wrap, a web address folded last (render._fitted_table), "source" left out
# when no unit's figure names one.
RANK_KEYS = ("rank", "unit", "status", "score", "p", "latest", "gap", "own_values", "source")
# "status" wraps its note ("(baseline 2023: no 2015 figure of its own)") between words,
# never its status (``status_kept``), and never folds: a unit of two dimensions with the
# note made every row of a 120-column terminal a block of nine lines (issue 17,
# twenty-third session).
# The gap wraps between its words too ("1,234 billion VND" over "(2026-H1)"), never inside a
# figure: a plan's units during the year, their year-to-date figure and its gap each
# twenty and more columns, made a 120-column table a block a unit (thirty-fourth session).
RANK_WRAP = ("unit", "status", "gap", "source")
# A source is shown by its site ("thoibaotaichinhvietnam.vn"), never cut: folded into lines
# of 8 it named no site, and the blocks a narrower terminal gets read better (thirty-fifth
# session).
# A unit's name is never folded either: a name of up to ``NAME_KEPT`` characters stays on
# one line (a two-word locality split over two lines at 121 and 160 columns was a row a
# reader scanning for that name missed), a longer one wraps between its words; a terminal
# too narrow for that gets the blocks (thirty-sixth session).
RANK_FOLDABLE: tuple[str, ...] = ()
# The longest name kept on one line: Vietnam's longest province's name, Ho Chi Minh City
# written in Vietnamese, is 21 characters; a longer one is a description (an Open SDG
# disaggregation) whose words may wrap.
NAME_KEPT = 24

# ``rank --format csv|tsv``'s columns, the breakdown's dimensions after the first; new ones
# only ever at the end (docs/json.md, "CSV and TSV"). No dimension may take one of these
# ids (files.dimensions.RESERVED_IDS).
RANK_COLUMNS = (
    "rank",
    "status",
    "reason",
    "score",
    "progress_value",
    "latest_period",
    "latest_value",
    "own_values",
    "latest_source",
    # The periods of the unit whose figure was withdrawn, joined by ';', as status's CSV
    # (issue 17, twentieth session).
    "withdrawn",
    # The periods of the milestones the unit was judged on, joined by ';' (an ended unit's,
    # those due while it existed), as status's CSV (issue 17, twenty-first session).
    "milestones",
    # The year-to-date reading a unit is ranked on during its plan's year, its period, value
    # and source, as status's CSV names them (issue 17, twenty-first session).
    "provisional_period",
    "provisional_value",
    "provisional_source",
    # The --as-of day on every row, empty without one, as status's CSV (issue 17,
    # twenty-fourth session).
    "as_of",
    # The stated status of the latest figure and of the year-to-date reading, as status's
    # CSV names them: the table says "(2024, estimate)" (issue 17, twenty-eighth session).
    "latest_status",
    "provisional_status",
    # The deadlines passed with no figure in force, joined by ';', as status's CSV: the
    # table says "⌛ awaiting figure 2024 (withdrawn)" (issue 17, thirty-second session).
    "awaiting_figures",
    # The deadlines the unit missed, joined by ';', as status's CSV: the table says
    # "✗ missed 2023" (issue 17, thirty-third session).
    "missed_milestones",
    # The distance still to go, as status's CSV and JSON give it (a.gap, in the
    # indicator's unit, percentage points for a per-cent unit; issue 17, thirty-fourth
    # session): a province's gap was in `status --by` alone.
    "gap",
    # The unit's figures recorded and not counted in its plan's reading, one cell as
    # status's CSV writes it (status_csv.not_counted_cell; thirty-sixth session).
    "not_counted",
)


def unit_name(dims: Dims, dimensions: Mapping[str, Dimension] | None = None, lang: str = "en") -> str:
    """A unit as a reader names it: its value alone for one dimension ("Ha Long"), each
    dimension named for several ("locality=Ha Long, sex=female"). With the plan's
    ``dimensions``, each unit by its name in ``lang`` (``names``): in Vietnamese as the
    report's tables name it, the names alone, "Ha Noi, Female" by their ``vi`` names (report_breakdowns.unit_name);
    in English the form above, a unit's English name where it has one (issue 17,
    thirty-second session)."""
    from ..plan.units import dims_text

    if dimensions and lang != "en":
        from .report_breakdowns import unit_name as named

        return named(dims, dimensions, lang, dated=False)
    if dimensions:
        dims = tuple((d, _named(dimensions, d, v, lang)) for d, v in dims)
    return dims[0][1] if len(dims) == 1 else dims_text(dims)


def _named(dimensions: Mapping[str, Dimension], dim_id: str, value: str, lang: str) -> str:
    dimension = dimensions.get(dim_id)
    unit = dimension.unit(value) if dimension is not None else None
    return unit.name_in(lang) if unit is not None else value


def own_values(target: Target, dims: Dims) -> bool:
    """Whether targets.yaml gives the unit its own values (``overrides:``)."""
    return any(d == dims for d, _ in target.overrides)


def rank_document(
    target: Target,
    ranked: Sequence[Ranked],
    as_of: str | None,
    revised: Mapping[str, Mapping[str, float | None]] | None = None,
    whence: Mapping[str, Mapping[str, tuple[str, str]]] | None = None,
    zone: str = "",
) -> dict[str, Any]:
    """``rank --format json``: the units in rank order (docs/json.md, "Ranking"); each
    ``latest`` with ``revises``, the value it replaced (``revised``, by unit's series,
    ``formats.revised_in``), and where that came from (``whence``, issue 17, twenty-fifth
    session), as status's breakdown gives them; last, ``as_of_end``, where the ``as_of``
    day ended in ``zone`` (the plan's ``timezone:``; thirty-ninth session)."""
    from ..plan.units import unit_key
    from .formats import zone_argument

    zone = zone_argument(zone)  # "Asia/Ho_Chi_Minh" ended the day in UTC, None raised

    units = []
    for r in ranked:
        a = r.unit.assessment
        latest = None
        key = unit_key(target.indicator, r.unit.dims)
        mine = (revised or {}).get(key) or {}
        mine_from = (whence or {}).get(key)
        latest = figure_dict(a.latest, mine, mine_from)
        units.append(
            {
                "rank": r.rank,
                "dims": dict(r.unit.dims),
                "status": a.status.value,
                "reason": a.reason,
                "score": a.score,
                "progress_value": a.progress_value,
                "latest": latest,
                "own_values": own_values(target, r.unit.dims),
                # Added in issue 17, twentieth session: as status's breakdown has it.
                "withdrawn": withdrawn_list(a),
                # Added in issue 17, twenty-first session: the milestones the unit was judged
                # on (an ended unit's, those due while it existed), as status's breakdown has
                # them; the table said it, the document did not.
                "milestones": milestone_list(a, mine, mine_from),
                # Added in issue 17, twenty-first session: the year-to-date reading a unit is
                # ranked on during its plan's year (latest is null until the year's figure),
                # which the table shows, as status's breakdown has it.
                "provisional": figure_dict(a.provisional, mine, mine_from),
                # Added in issue 17, twenty-first session: a declared unit listed for want
                # of any figure, as in status's breakdown.
                "without_figure": r.unit.without_figure,
                # Added in issue 17, thirty-second session: the deadlines passed with no
                # figure in force, as status's breakdown has them and rank's table says.
                "awaiting_figures": [str(p) for p in a.awaiting_figures],
                # Added in issue 17, thirty-third session: the deadlines missed, as status's
                # breakdown has them and rank's table says ("✗ missed 2023").
                "missed_milestones": [str(p) for p in a.missed_milestones],
                # Added in issue 17, thirty-fourth session: the distance still to go, as
                # status's breakdown has it (its unit: the indicator's, percentage points
                # for a per-cent unit).
                "gap": a.gap,
                # Added in issue 17, thirty-fifth session: a flow's figures recorded in the
                # plan's period and not added to the unit's reading, as status's breakdown
                # has them (details.year_to_date) and rank's table says them.
                "not_counted": _not_counted(a),
            }
        )
    return {
        "qntrack": __version__,
        "schema": SCHEMA_VERSION,
        "as_of": as_of,
        "target": target.id,
        "for_each": list(target.for_each),
        "units": units,
        "as_of_end": as_of_end(as_of, zone),
    }


def rank_rows(target: Target, ranked: Sequence[Ranked], as_of: str | None = None) -> list[tuple[Any, ...]]:
    """``rank --format csv|tsv``: a header, then one row per unit; a column per dimension
    of the breakdown, named by its id (docs/json.md, "CSV and TSV"); each row ends with
    the --as-of day ``as_of`` (empty without one)."""
    rows: list[tuple[Any, ...]] = [(RANK_COLUMNS[0], *target.for_each, *RANK_COLUMNS[1:])]
    for r in ranked:
        a = r.unit.assessment
        values = dict(r.unit.dims)
        rows.append(
            (
                r.rank,
                *(values.get(d) for d in target.for_each),
                a.status.value,
                a.reason,
                a.score,
                a.progress_value,
                str(a.latest.period) if a.latest is not None else None,
                a.latest.value if a.latest is not None else None,
                own_values(target, r.unit.dims),
                a.latest.source if a.latest is not None else None,  # as stored, as csv/json give texts
                ";".join(w.retraction.period.text for w in a.withdrawn),
                ";".join(str(m.by) for m in a.milestones),
                str(a.provisional.period) if a.provisional is not None else None,
                a.provisional.value if a.provisional is not None else None,
                (a.provisional.source or None) if a.provisional is not None else None,
                as_of,
                a.latest.status if a.latest is not None else None,
                a.provisional.status if a.provisional is not None else None,
                ";".join(str(p) for p in a.awaiting_figures),
                ";".join(str(p) for p in a.missed_milestones),
                a.gap,
                not_counted_cell(_not_counted(a)),  # as status's CSV (thirty-sixth session)
            )
        )
    return rows


def rank_table(
    target: Target,
    indicator: Indicator,
    ranked: Sequence[Ranked],
    dimensions: Mapping[str, Dimension],
    lang: str,
    revised: Mapping[str, Mapping[str, float | None]] | None = None,
    notes: dict[str, int] | None = None,
    withdrawals: bool = False,
    whence: Mapping[str, Mapping[str, tuple[str, str]]] | None = None,
) -> tuple[str, list[str], list[tuple[str, ...]]]:
    """The title, header and rows of the terminal's table, in ``lang``: rank, unit,
    status, score, progress value, latest figure and period, the gap (as the status table
    writes it), own values, and where that
    figure comes from (last: the column that wraps). A latest figure that replaced an
    earlier one (``revised``, by unit's series) is marked "[1]" as the status table marks
    it, its legend's lines gathered in ``notes`` (issue 17, eighteenth session); with
    ``withdrawals``, a unit's figures withdrawn too (twentieth session)."""
    from .i18n import label, progress_text, score_text
    from .report_breakdowns import unit_reason, unit_status
    from .revision_marks import latest_marked
    from .summary import gap_text
    from ..method.assessment import shown_figure
    from ..plan.units import unit_key

    name = (target.name or indicator.name).get(lang)
    title = label("rank_title", lang).format(name=name, id=target.id)
    dimension = dimensions.get(target.for_each[0]) if len(target.for_each) == 1 else None
    header = [
        label("rank", lang),
        dimension.name.get(lang) if dimension is not None else label("rank_unit", lang),
        label("status", lang),
        label("score", lang),
        label("p", lang),
        label("latest", lang),
        # The distance still to go beside the figure it is measured from, as the status
        # table writes it (summary.gap_text; issue 17, thirty-fourth session).
        label("gap", lang),
        label("rank_own_values", lang),
        label("source", lang),
    ]
    rows: list[tuple[str, ...]] = []
    for r in ranked:
        a = r.unit.assessment
        # A plan's year-to-date reading during its year, marked so (report_view._latest_text).
        key = unit_key(indicator.id, r.unit.dims)
        latest = latest_marked(
            a,
            lang,
            (revised or {}).get(key),
            key,
            notes if notes is not None else {},
            withdrawals=withdrawals,
            whence=(whence or {}).get(key),
            kind=True,  # an estimate said to be one, as status's table says it
            dimensions=dimensions,  # the legend names the unit as its row does
        )
        shown = shown_figure(a)  # the figure ``latest`` writes
        rows.append(
            (
                str(r.rank),
                unit_name(r.unit.dims, dimensions, lang),
                # A unit not assessed says why ("no plan assigned to this unit") where a
                # reader looks for its status: the reason decides what a review asks for.
                unit_status(target, r.unit, lang)
                + (f": {_without_not_assessed(unit_reason(a, lang), lang)}" if a.reason else "")
                + _awaited(a, lang),
                score_text(a.score, lang),
                progress_text(a.progress_value, lang, a.pace_within),
                latest,
                gap_text(a, lang),
                label("rank_yes" if own_values(target, r.unit.dims) else "rank_no", lang),
                _source_text(shown.source) if shown is not None else "",
            )
        )
    return title, header, rows


def _awaited(a: Assessment, lang: str) -> str:
    """The deadlines passed, each kind on a line of its own as the status table's cell has
    them (summary._status_cell): "✗ missed 2023", unmet on the way (summary.missed_text),
    then "⌛ awaiting figure 2024 (withdrawn)", with no figure in force
    (summary.awaiting_text); "" for none. A unit whose only figure was withdrawn had been
    told "no figure for the target's period yet" alone, as if none had ever been published,
    and a unit that missed a milestone on its way to the next was ranked with nothing said
    of the miss (issue 17, thirty-second session)."""
    from .summary import awaiting_text, missed_text

    return "".join(f"\n{text}" for text in (missed_text(a, lang), awaiting_text(a, lang)) if text)


def _not_counted(a: Assessment) -> list[dict[str, Any]]:
    """A unit's figures not counted in its plan's reading (``kinds.plan.YearToDate``); []."""
    from ..kinds.plan import PlanResult

    d = a.result
    ytd = d.year_to_date if isinstance(d, PlanResult) else None
    return ytd.not_counted_json() if ytd is not None else []


def status_kept(
    ranked: Sequence[Ranked], lang: str, dimensions: Mapping[str, Dimension] | None = None
) -> dict[str, int]:
    """The fewest columns of the status, gap and unit columns in ``rank_table``: the
    longest status, and the colon or space after it, so that only the note or reason after
    a status wraps; the longest gap's figure with its unit ("3.25 pp"), so that only the
    period after it wraps; the longest unit's name as ``rank_table`` writes it with
    ``dimensions``, up to ``NAME_KEPT``, so that a name is never split. The table's fitter
    keeps them whole while it can, then gives way first in the widest
    (render_fitted._fitted_table)."""
    from .i18n import status_label
    from .summary import gap_text

    # len, not Rich's cell_len (this module stays free of Rich): a status is letters of
    # one column each, in both languages, and a gap digits, signs and a unit's letters.
    status = max((len(status_label(r.unit.assessment.status.value, lang)) + 1 for r in ranked), default=0)
    # A gap is a figure and its unit, then its period in brackets ("1,234 billion VND
    # (2026-H1)", "✓ 2025"): Vietnamese percentage points, two words, cut before their
    # "%", and "4.99e+17" over "VND" read as other figures (thirty-fourth session, pass G).
    gap = max((len(_figure_of(gap_text(r.unit.assessment, lang))) for r in ranked), default=0)
    names = max((len(unit_name(r.unit.dims, dimensions, lang)) for r in ranked), default=0)
    return {"status": status, "gap": gap, "unit": min(names, NAME_KEPT)}


def _figure_of(gap: str) -> str:
    """A gap's text without the period it names, in brackets at its end."""
    return gap[: gap.rindex(" (")] if gap.endswith(")") and " (" in gap else gap


def _source_text(source: str) -> str:
    """A source as the terminal's table shows it: as the user gave it (without the store's
    apostrophe before a formula-looking text), a web address by its site alone, as the
    reports show one; the whole address is in JSON, CSV and ``qntrack history``. A
    hundred-character address in a column beside the status squeezed every column."""
    from .report_view import source_cell

    cell = source_cell(source)
    return "" if cell is None else cell.text


def _without_not_assessed(reason: str, lang: str) -> str:
    """A reason's sentence after the status "Not available": without its own opening "Not
    assessed:" ("Not available: Not assessed: the series crosses zero ..." said it twice;
    forty-second session, pass R's leftover)."""
    from .i18n import label

    opening = label("not_assessed", lang) + ": "
    return reason[len(opening) :] if reason.startswith(opening) else reason
