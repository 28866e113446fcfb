"""The report's view: what HTML and Markdown both show, as plain (unescaped) text.

Sections, tables and cells built from ``ReportData`` (output/report.py); the templates
(output/report_markup.py) only lay them out. Each kind's definition, key figures and rows
come from its view (output/views). Pure: no I/O.
"""

from __future__ import annotations

from contextvars import ContextVar

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Mapping, Sequence
from urllib.parse import urlsplit

from ..catalog import catalog, msg
from ..files.textfiles import as_given
from ..catalog import render as text_of
from ..method.assessment import Assessment
from ..output.charts import Chart, chart_for, too_large_to_draw
from .withdrawn import awaited, legend_groups
from ..output.summary import (
    PERIOD_KINDS,
    awaiting_text,
    target_gap_phrase,
    missed_text,
)
from ..output.i18n import (
    achieved_rate_text,
    date_text,
    kind_key,
    kind_text,
    label,
    progress_text,
    replacing,
    score_text,
    status_label,
    value_with_unit,
    with_kind,
)
from ..plan.model import RETRACTED, Observation, text_in
from ..output.narrative import explain
from ..output.period_words import period_text

if TYPE_CHECKING:
    from datetime import date

    from ..plan.units import Dimension
    from .report import Change

__all__ = ["Cell", "SectionView", "TableView", "definition", "relevant_observations", "source_cell"]


def _change_kind(c: Change) -> str:
    """added, revised, or retracted (a row of `qntrack retract`, which withdraws a figure)."""
    if c.observation.status == RETRACTED:
        return "retracted"
    return "revised" if c.revision else "added"


_KEYS = tuple(k[len("report_") :] for k in catalog("en") if k.startswith("report_"))


def kind_words(target: object, lang: str) -> str:
    """A target's kind in a report's words ("Annual plan", "Plan for a period")."""
    return report_word(f"kind_{kind_key(target)}", lang)


def report_word(key: str, lang: str, **values: Any) -> str:
    """A word of the report (catalog ``report_<key>``), else an i18n label."""
    if key not in _KEYS:
        text = label(key, lang)
        return text.format(**values) if values else text
    return text_of(msg("report_" + key, **values), lang)


def _words(lang: str) -> dict[str, str]:
    """Every report word in ``lang``, for the templates (``w.<key>``)."""
    return {key: text_of(msg("report_" + key), lang) for key in _KEYS}


# --- the view: what HTML and Markdown both show, as plain (unescaped) text -----------


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    url: str | None = None  # an http(s) link (sources only)
    status: str | None = None  # a status key: the cell is coloured by it in HTML
    muted: bool = False  # a part-year reading
    title: str | None = None  # the full text behind a shortened one (e.g. the whole URL)
    section: str | None = None  # a target's id: the text links to its section (#t-<id>)


@dataclass(frozen=True, slots=True)
class TableView:
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    numeric: frozenset[int] = frozenset()  # columns aligned right
    notes: tuple[str, ...] = ()  # the legend of its marks ("[1]"), printed under it

    @property
    def legend(self) -> list[tuple[str, list[tuple[int, str]]]]:  # by heading (withdrawn.legend_groups)
        return legend_groups(self.notes)


@dataclass(frozen=True, slots=True)
class SectionView:
    number: int
    id: str
    name: str
    kind: str
    status: str
    status_text: str
    definition: str
    indicator: str
    indicator_id: str
    unit: str
    direction: str
    description: str
    source: Cell | None
    note: str
    facts: tuple[tuple[str, Cell], ...]
    milestones: TableView | None
    key_figures: tuple[tuple[str, Cell], ...]
    periods: TableView | None
    observations: TableView | None
    sentences: tuple[str, ...]
    chart: Chart | None
    # Why there is no chart, when there is none: no figure yet, or one too large to draw.
    no_chart: str = ""
    # In a report of a large plan: how many earlier figures the table leaves out, and how
    # to see them (issue 17); "" otherwise.
    earlier: str = ""
    # The legend of the Figures table's marks: a baseline read from a figure that revised
    # one, "6%[1] (2021)", as show marks it (issue 17, thirty-second session).
    facts_notes: tuple[str, ...] = ()

    @property
    def facts_legend(self) -> TableView:
        """The Figures table's legend, as a table without rows: the templates print a
        table's legend by one macro."""
        return TableView((), (), notes=self.facts_notes)


_URL = re.compile(r"^https?://[^\s<>\"']+$", re.I)


def source_cell(text: str) -> Cell | None:
    """A source: a link when it is one http(s) address, shown by its host; else plain text."""
    text = as_given((text or "").strip())  # a stored text behind its apostrophe: as given
    if not text:
        return None
    if _URL.match(text):
        try:
            host = urlsplit(text).hostname or text
        except ValueError:  # shaped like a link, but no URL ('http://[x', a host NFKC breaks)
            return Cell(text)
        return Cell(host, url=text, title=text)
    return Cell(text)


def joined_list(items: Sequence[str], lang: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {report_word('and', lang)} " + items[-1]


def definition(a: Assessment, lang: str) -> str:
    """The target in one sentence, as the plan states it."""
    from .views import view_of

    return view_of(a).definition(a, lang)


def _latest_text(a: Assessment, lang: str, short: bool = False) -> str:
    """The latest figure with its period (a chart's label: the period's ``short`` form), at
    the decimals the tables write it: 14.999 is not "15%" (issue 17, twentieth session);
    inside revision_marks.quoting, a figure that revised one where the two differ."""
    from .summary import sum_marked
    from .revision_marks import said_decimals as places  # and a revision seen (quoting)

    unit = a.indicator.unit_in(lang)
    # A sum of months said to be one (summary.sum_marked), but in a chart's short label.
    if a.latest is not None:
        when = period_text(a.latest.period, lang, short)
        when = when if short else sum_marked(a.latest, when, lang)
        return f"{value_with_unit(a.latest.value, unit, lang, places(a, a.latest))} ({when})"
    if a.provisional is not None:
        when = f"{period_text(a.provisional.period, lang, short)}, {label('provisional', lang)}"
        when = when if short else sum_marked(a.provisional, when, lang)
        shown = value_with_unit(a.provisional.value, unit, lang, places(a, a.provisional))
        return f"{shown} ({when})"
    return "–"


def _name(a: Assessment, lang: str) -> str:
    """The target's own name; a target without one is named by its indicator and its id,
    so that two targets on one indicator are told apart in headings, the summary and the
    charts' captions (issue 12)."""
    if a.target.name is not None:
        return a.target.name.get(lang)
    return f"{a.indicator.name.get(lang)} ({a.target.id})"


def _facts(
    a: Assessment,
    lang: str,
    rows: Sequence[Observation] = (),
    revises: Mapping[str, float | None] | None = None,
    whence: Mapping[str, tuple[str, str]] | None = None,
    dimensions: Mapping[str, Dimension] | None = None,
    marks: dict[str, int] | None = None,
) -> tuple[tuple[str, Cell], ...]:
    """The Figures table's rows; a baseline read from a figure of the store (``rows``, in
    force) that revised one marked "[1]" as show marks it, its legend line numbered in
    ``marks`` in the words of the Observations table's (the period in words)."""
    from .baseline_figure import baseline_marked
    from .revision_marks import revised_places
    from .summary import sum_marked
    from .views.plan import figure_decimals

    unit = a.indicator.unit_in(lang)
    facts: list[tuple[str, Cell]] = []
    if a.baseline is not None:
        when = period_text(a.baseline.period, lang)
        shown = baseline_marked(a, rows, lang, revises, whence, {} if marks is None else marks, when, dimensions, when)
        facts.append((label("baseline", lang), Cell(shown)))
    if a.latest is not None:  # as the summary writes it: 9.99999 beside a plan of 10
        # A figure that revised one where the two differ (1.0049 revising 1.005: never "1.005%").
        places = revised_places(a.latest, revises, figure_decimals(a, a.latest))
        shown = value_with_unit(a.latest.value, unit, lang, places)
        when = with_kind(a.latest.status, sum_marked(a.latest, period_text(a.latest.period, lang), lang), lang)
        latest = f"{shown} ({when})"
        facts.append((label("latest", lang), Cell(latest)))
    if a.provisional is not None:
        facts.append(
            (
                label("provisional", lang).capitalize(),
                Cell(
                    f"{value_with_unit(a.provisional.value, unit, lang, revised_places(a.provisional, revises, figure_decimals(a, a.provisional)))} "
                    f"({with_kind(a.provisional.status, sum_marked(a.provisional, period_text(a.provisional.period, lang), lang), lang)})",
                    muted=True,
                ),
            )
        )
    if a.achieved_rate is not None:
        facts.append(
            (
                label("achieved_rate", lang),
                Cell(achieved_rate_text(a.achieved_rate, a.baseline.value if a.baseline else None, lang)),
            )
        )
    if a.score is not None or a.progress_value is not None:
        facts.append(
            (
                f"{label('p', lang)} / {label('score', lang)}",
                Cell(f"{progress_text(a.progress_value, lang, a.pace_within)} / {score_text(a.score, lang)}"),
            )
        )
    facts.append((label("status", lang), Cell(status_label(a.status.value, lang), status=a.status.value)))
    if a.missed_milestones:
        facts.append(
            (
                # A target every period has no milestones: what it missed are periods.
                label("missed_periods" if a.target.kind in PERIOD_KINDS else "missed_milestones", lang),
                Cell(", ".join(period_text(p, lang) for p in a.missed_milestones), status="not_achieved"),
            )
        )
    if a.awaiting_figures:
        facts.append(
            (
                label("awaiting_figures", lang),
                Cell(", ".join(awaited(a, a.awaiting_figures, lang)), muted=True),
            )
        )
    return tuple(facts)


def _key_figures(a: Assessment, lang: str, revises: Mapping[str, float | None] | None) -> tuple[tuple[str, Cell], ...]:
    """The figures of a non-level target, one per line, then its gap; a figure that revised
    one where the two differ (revision_marks.quoting: 1.0049 revising 1.005, never "1.005%")."""
    from .revision_marks import quoting
    from .views import view_of

    with quoting(revises):
        out = view_of(a).key_figures(a, lang)
    if out is None:
        return ()
    if a.gap is not None:
        # One meaning for every kind: still to go in the target's direction (methodology, "Gap").
        out.append((label("gap", lang), target_gap_phrase(a, lang)))
    return tuple((k, Cell(v)) for k, v in out)


def _periods(a: Assessment, lang: str) -> TableView | None:
    """The table of the span's figures (a span kind's), else None."""
    from .views import view_of

    return view_of(a).periods(a, lang)


def relevant_observations(a: Assessment, rows: Sequence[Observation]) -> list[Observation]:
    """The observations that bear on the target, not the indicator's whole history."""
    from .views import view_of

    return view_of(a).report_rows(a, rows)


def _replacing(before: float | None, o: Observation, unit: str, lang: str, places: int) -> str:
    return replacing(before, value_with_unit(o.value, unit, lang, places), unit, lang, o.value, places)


def _observations(
    rows: Sequence[Observation],
    unit: str,
    lang: str,
    revises: Mapping[str, float | None] | None,
    a: Assessment,
    whence: Mapping[str, tuple[str, str]] | None = None,
    dimensions: Mapping[str, Dimension] | None = None,
) -> TableView | None:
    """The target's figures; each with the figure it replaced before it ("10.3% → 9.8%",
    ``method.history.revised_values``), so a revision is never read as a first estimate;
    a plan's figure at the decimals where it differs from the plan (views.plan). A figure
    whose replaced figure's source is known (``whence``) is marked "[1]", its legend line
    under the table the summary's, ", replacing 11.02% (recorded …; source: …)": the Source
    column names the figure in force only (issue 17, twenty-sixth session)."""
    from .judged_periods import part_year_reading
    from .legend_names import series_name
    from .summary import revision_note
    from .views.plan import recorded_decimals

    before = revises or {}
    if not rows:
        return None
    headers = tuple(label(k, lang) for k in ("period", "value", "obs_status", "source", "note", "recorded_at"))
    out = []
    notes: list[str] = []
    for o in rows:
        part = part_year_reading(a.target, o.period)  # not a month that a monthly target judges
        when = period_text(o.period, lang)
        period = f"{when} ({report_word('provisional_row', lang)})" if part else when
        value = _replacing(before.get(str(o.period)), o, unit, lang, recorded_decimals(a, o))
        if whence and o.period.text in whence:
            name = series_name(a.indicator, a.target.series_key, lang, dimensions)
            # The period as the document writes it, in words ("H1 2022"), as the table above does.
            places = recorded_decimals(a, o)
            marks = ""
            for text, _ in revision_note(name, o, before, unit, lang, places, whence, period=when):
                notes.append(text)
                marks += f"[{len(notes)}]"
            # Against the figure in force, as status and show mark it ("11.02% y/y →
            # 11.03%[2] y/y"), never after its unit ("11.03% y/y[2]"; forty-second session).
            head, arrow, last = value.rpartition(" → ")
            number, space, rest = last.partition(" ")
            value = f"{head}{arrow}{number}{marks}{space}{rest}"
        value = _again_marked(a, o, value, notes, lang, dimensions)
        out.append(
            (
                Cell(period, muted=part),
                Cell(value, muted=part),
                Cell(kind_text(o.status, lang)),
                source_cell(o.source) or Cell(""),
                Cell(as_given(o.note or "")),
                Cell(date_text(o.recorded_at, lang)),
            )
        )
    return TableView(headers, tuple(out), frozenset({1}), tuple(notes))


def _again_marked(
    a: Assessment,
    o: Observation,
    value: str,
    notes: list[str],
    lang: str,
    dimensions: Mapping[str, Dimension] | None,
) -> str:
    """``value`` of the figure ``o``, marked "130[2]" when it was recorded again right after
    a retraction (``Assessment.withdrawn``, a withdrawal with ``now``), its legend line the
    status table's and show's, "120 → 130 (withdrawn on …, recorded again on …)": the
    section printed a bare 130 where show and the summary mark it, and no line of the section
    said 120 had been withdrawn (issue 17, forty-fourth session, helper H)."""
    again = [
        w for w in a.withdrawn if w.now is not None and (w.now.period, w.now.recorded_at) == (o.period, o.recorded_at)
    ]
    if not again:
        return value
    from .legend_names import series_name
    from .views.plan import recorded_decimals
    from .withdrawn import withdrawal_note

    name = series_name(a.indicator, a.target.series_key, lang, dimensions)
    unit, places = a.indicator.unit_in(lang), recorded_decimals(a, o)
    marks = ""
    for w in again:
        notes.append(withdrawal_note(name, w, unit, lang, places))
        marks += f"[{len(notes)}]"
    head, arrow, last = value.rpartition(" → ")
    number, space, rest = last.partition(" ")
    return f"{head}{arrow}{number}{marks}{space}{rest}"


def _section(
    number_: int,
    a: Assessment,
    rows: Sequence[Observation],
    lang: str,
    with_chart: bool,
    large: bool = False,
    revises: Mapping[str, float | None] | None = None,
    withdrawn: Sequence[tuple[Observation, float | None]] = (),
    whence: Mapping[str, tuple[str, str]] | None = None,
    today: date | None = None,
    dimensions: Mapping[str, Dimension] | None = None,
) -> SectionView:
    from .report_milestones import milestones_table
    from .report_withdrawn import with_withdrawn, with_withdrawn_sentences, withdrawn_in

    t, ind = a.target, a.indicator
    unit = ind.unit_in(lang)
    shown, withdrawn = relevant_observations(a, rows), withdrawn_in(a, withdrawn)
    earlier = ""
    marks: dict[str, int] = {}  # the Figures table's legend: a revised baseline's line
    facts = _facts(a, lang, rows, revises, whence, dimensions, marks)
    if large and len(shown) > RECENT:
        # A national plan's report lists each target's latest figures: the whole series of
        # ten thousand targets would be a document no one opens (issue 17).
        earlier = report_word("earlier_figures", lang, n=len(shown) - RECENT, indicator=t.indicator)
        shown = shown[-RECENT:]
    return SectionView(
        number=number_,
        id=t.id,
        name=_name(a, lang),
        kind=kind_words(t, lang),
        status=a.status.value,
        status_text=_status_with_missed(a, lang),
        definition=definition(a, lang),
        indicator=ind.name.get(lang),
        indicator_id=t.series_key,  # a target ``of:`` one unit names the unit too
        unit=unit,
        direction=label(ind.direction.value, lang),
        description=text_in(ind.description, lang),
        source=source_cell(text_in(t.source, lang)),
        note=text_in(t.note, lang),
        facts=facts,
        milestones=milestones_table(a, lang),
        key_figures=_key_figures(a, lang, revises),
        periods=_periods(a, lang),
        observations=with_withdrawn(
            _observations(shown, unit, lang, revises, a, whence, dimensions), shown, withdrawn, unit, lang, a.target
        ),
        sentences=tuple(
            with_withdrawn_sentences(a, explain(a, lang, today, dimensions, revises), withdrawn, lang, dimensions)
        ),
        chart=chart_for(a, rows, lang) if with_chart and not large else None,
        no_chart=report_word(
            "no_chart_many" if large else "no_chart_large" if too_large_to_draw(rows) else "no_chart",
            lang,
            limit=LARGE_PLAN,
            id=t.id,
        ),
        earlier=earlier,
        facts_notes=tuple(marks),
    )


# Above this many targets a report is a national plan's: no chart per target, and each
# target's latest RECENT figures (issue 17, docs/report.md "A large plan").
LARGE_PLAN = 200
RECENT = 5
# Called after each target's section is made (done, total): the command line's progress bar.
SECTION_DONE: ContextVar[Callable[[int, int], None] | None] = ContextVar("section_done", default=None)
# Called once a document's content is all made, as its library packs it into the file
# (XlsxWriter writes every sheet's XML then: half of a national workbook's time).
REPORT_PACKING: ContextVar[Callable[[], None] | None] = ContextVar("report_packing", default=None)


def _status_with_missed(a: Assessment, lang: str, text: str | None = None) -> str:
    """The headline status, with the deadlines missed on the way kept beside it, and those
    passed with no figure yet. ``text``: the status as the caller writes it (a unit's, with
    the milestones it was judged on: report_breakdowns.unit_status), else its label."""
    missed = "; ".join(t for t in (missed_text(a, lang), awaiting_text(a, lang)) if t)
    text = status_label(a.status.value, lang) if text is None else text
    return f"{text} ({missed})" if missed else text
