"""`qntrack report`: the document a review meeting reads, in HTML, Markdown, JSON or TOML
(and in Word: ``report_docx.render_docx``, bytes rather than text).

Two steps, kept apart so a Python caller can use either:

* ``build_report`` gathers the data (assessments, the observations behind them and,
  with ``since``, what changed since the last review). Pure: no I/O, no clock.
* ``render_html``, ``render_markdown``, ``render_json`` and ``render_toml`` turn it into
  text. HTML and Markdown share one view (``_view``) so they say the same things; JSON and
  TOML are the documented status contract (``formats.status_document``).

Every text that comes from targets.yaml or the observations is escaped by the template
engine (HTML) or by ``md_escape`` (Markdown); nothing from the data is trusted as markup.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from .i18n import spoken
from .period_words import speaks_periods
from .status_run import assess  # the library's: a caller's id or day refused by name
from ..method.assessment import Assessment
from ..output.charts import Chart, chart_for
from ..plan.model import RETRACTED, Observation, Plan
from ..plan.units import base_of
from ..method.recorded_days import recorded_day
from ..method.series import as_of_bound, build_series, formula_inputs, read_by
from .report_markup import md_escape, render_html, render_markdown
from .report_view import _change_kind
from .report_written import known_format

__all__ = [
    "Change",
    "StatusChange",
    "SinceReview",
    "ReportData",
    "build_report",
    "since_review",
    "report_document",
    "render_json",
    "render_toml",
    "render_markdown",
    "render_html",
    "charts_folder",
    "write_report",
    "md_escape",
    "render",
]

# --- the data ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Change:
    """An observation recorded after the review date: a new figure or a revision."""

    observation: Observation
    previous: Observation | None = None  # the row it revises (same indicator and period)
    # Whether it is still the period's vintage in force by the report's day (history's
    # ``in_force``): false for a figure a later row of the list revised or withdrew, and a
    # retraction a figure recorded again followed (issue 17, thirty-first session).
    in_force: bool = True

    @property
    def revision(self) -> bool:
        return self.previous is not None


@dataclass(frozen=True, slots=True)
class StatusChange:
    target_id: str
    before: Assessment
    after: Assessment


@dataclass(frozen=True, slots=True)
class SinceReview:
    """What is new since the last review (``--since DATE``)."""

    date: str
    changes: tuple[Change, ...] = ()
    status_changes: tuple[StatusChange, ...] = ()


@dataclass(frozen=True, slots=True)
class ReportData:
    title: str
    as_of: str | None
    assessments: tuple[Assessment, ...]
    series: Mapping[str, Sequence[Observation]]
    recorded_through: str | None = None  # date of the last figure recorded that the report uses
    since: SinceReview | None = None
    plan: Plan | None = field(default=None, compare=False)
    # Every row of the store, revisions included: the Excel report counts each figure's
    # vintages (output/report_xlsx.py).
    observations: Sequence[Observation] = field(default=(), compare=False, repr=False)
    # By series (each target's, each unit's of a breakdown), by period's text, the value
    # each figure in force replaced (formats.revised_in): the summary, the units' tables
    # and each target's figures mark them. Found once, in one walk of the store.
    revised: Mapping[str, Mapping[str, float | None]] = field(default_factory=dict, compare=False, repr=False)
    # The same figures' sources and recorded_at (formats.Whence): each legend line says
    # where the figure replaced came from, the JSON its revises_source (twenty-fifth session).
    whence: Mapping[str, Mapping[str, tuple[str, str]]] = field(default_factory=dict, compare=False, repr=False)
    # By series, the figures withdrawn by the as-of day (a retraction in force) and the value
    # each withdrew (method.withdrawals.withdrawn_of): each target's section says them.
    withdrawn: Mapping[str, Sequence[tuple[Observation, float | None]]] = field(
        default_factory=dict, compare=False, repr=False
    )
    # The day the report speaks of (``today``, else --as-of): a year has ended by it or not
    # (narrative.explain; thirty-first session). None: a caller that gave neither.
    today: date | None = None

    def __repr__(self) -> str:  # one line in a notebook, not every target and series
        from ..plan.notebook import report_repr

        return report_repr(self)

    @property
    def known_by(self) -> str | None:
        """The last ``recorded_at`` the report counts: the end of its day in the plan's zone."""
        if not self.as_of:
            return None
        return as_of_bound(self.as_of, self.plan.timezone if self.plan is not None else "")

    def title_in(self, lang: str) -> str:
        """The plan's title in ``lang`` (targets.yaml's ``title: {en, vi}``), else as given."""
        return self.plan.title_in(lang) if self.plan is not None else self.title


def build_report(
    plan: Plan,
    series: Mapping[str, Sequence[Observation]],
    observations: Iterable[Observation],
    target_ids: Iterable[str] | str | None = None,
    as_of: str | date | None = None,
    since: str | date | None = None,
    today: date | str | None = None,
) -> ReportData:
    """Everything the report shows. ``series`` must already be restricted to ``as_of``;
    ``today``: the day the report speaks of (deadlines passed by then); None: ``as_of``, as
    ``report --as-of`` judges (forty-fifth session: none was passed), or no day without it.
    Each day is ``YYYY-MM-DD`` or a date, as ``open_workspace`` reads it.

    ``plan``, ``series`` and ``observations``: a workspace's ``.plan``, ``.series`` and
    ``.store.observations`` (``open_workspace(targets, as_of=as_of)``); ``target_ids``:
    the targets to report (None: all); ``since``: the day of the last review ("since the
    last review"), not after ``as_of``. Raises an ``ArgumentError`` naming the argument
    (a plan's path as ``plan``, an id the plan lacks, a day that does not read, a
    ``since`` after ``as_of``, series judged past ``as_of``)."""
    from ..files.argument_kinds import judged_figures, refuse_known_after, rows_argument, refuse_since
    from ..files.workspace import as_of_day
    from .formats import revised_in
    from ..method.withdrawals import withdrawn_of
    from .withdrawn_inputs import input_keys

    observations = rows_argument("observations", observations)  # None, a path, [None]: named
    as_of, since = as_of_day(as_of), as_of_day(since, "since")
    refuse_since(since, as_of, today)  # after its day: refused as `report --since` is
    today = as_of if today is None else today  # the day `report --as-of` judges deadlines on
    rows = tuple(observations)
    from ..kinds.withdrawals import with_withdrawals

    # Each target's and unit's figures withdrawn (issue 17, 20th session): tables, workbook.
    # The last moment of the day in the plan's zone (thirty-ninth session): every rule
    # below reads the figures recorded by it.
    bound = as_of_bound(as_of, plan.timezone) if as_of else None
    results = tuple(with_withdrawals(tuple(assess(plan, series, target_ids, today)), rows, bound))
    # The series of a workspace opened without the day: a report "as of" it over later
    # figures, refused by name (thirty-fifth session).
    refuse_known_after("series", judged_figures(results), as_of, plan.timezone)
    # The last figure the report uses: of its targets' indicators (and a derived one's
    # inputs), never another's, which dated a report of GRDP by the day exports came in.
    wanted = _inputs(plan, {a.indicator.id for a in results})
    used = [
        o.recorded_at
        for o in rows
        if o.recorded_at and (bound is None or o.recorded_at <= bound) and o.indicator.partition("[")[0] in wanted
    ]
    review = since_review(plan, rows, since, as_of, results) if since else None
    whence: dict[str, dict[str, tuple[str, str]]] = {}
    revised = revised_in(results, rows, as_of, whence, plan.timezone)
    return ReportData(
        title=plan.title,
        as_of=as_of,
        assessments=results,
        series=series,
        recorded_through=recorded_day(max(used), plan.timezone) if used else None,
        since=review,
        plan=plan,
        observations=rows,
        revised=revised,
        whence=whence,
        # And the inputs of a derived target's indicator: its section says an input's figure
        # withdrawn (output.withdrawn_inputs).
        withdrawn=withdrawn_of(
            rows,
            {a.target.series_key for a in results if not a.indicator.formula} | input_keys(plan, results),
            bound,
        ),
        today=_day(today) or _day(as_of),
    )


def _day(value: date | str | None) -> date | None:
    """A day given as a date or as YYYY-MM-DD text (already read by as_of_day), else None."""
    if isinstance(value, date):
        return value
    return date.fromisoformat(value[:10]) if isinstance(value, str) and value else None


def _inputs(plan: Plan, indicator_ids: Iterable[str]) -> set[str]:
    """The indicators named, and every indicator a derived one among them is computed from."""
    return read_by(formula_inputs(plan.indicators), indicator_ids)


def since_review(
    plan: Plan,
    observations: Sequence[Observation],
    since: str,
    as_of: str | None,
    assessments: Sequence[Assessment],
) -> SinceReview:
    """Figures recorded after the end of ``since`` (up to ``as_of``), and the statuses they moved.

    A row is a revision when a row for the same indicator and period was recorded before
    it (a vintage that ``history.vintages`` says revises another); otherwise it is a new
    figure. The status "then" is the assessment on the figures recorded by the end of
    ``since``, exactly what ``--as-of`` that day would have shown.
    """
    from ..method.history import vintages

    after = as_of_bound(since, plan.timezone)
    known = as_of_bound(as_of, plan.timezone) if as_of else None
    relevant = _inputs(plan, {a.indicator.id for a in assessments})
    changes: list[Change] = []
    # Each indicator's rows gathered in one walk of the store, then its vintages worked out
    # from them: asking ``vintages`` of the whole store for each indicator walked a
    # national store's million rows once per indicator (hours for 10,000; issue 17).
    # A unit's rows (fdi[locality=Ha Long]) are its indicator's figures too: each unit's
    # vintages are its own, by its key as the store holds it (the plan's spelling).
    rows_of: dict[str, list[Observation]] = {}
    for o in observations:
        key = o.indicator
        if (base_of(key) if "[" in key else key) in relevant:
            mine = rows_of.get(key)
            if mine is None:
                rows_of[key] = [o]
            else:
                mine.append(o)
    for key in sorted(rows_of):
        for v in vintages(rows_of[key], key, None, known):
            if v.observation.recorded_at > after:
                # A figure recorded after a retraction enters a figure again, as the first
                # did: the period had none in force, so it revises nothing (history's
                # ``revises`` is null there too).
                prior = v.revises if v.revises is not None and v.revises.status != RETRACTED else None
                changes.append(Change(v.observation, prior, v.in_force))
    then, _ = build_series(plan.indicators, observations, since, zone=plan.timezone)
    # "Then" is the review's own day: the deadlines passed by then, as --as-of would say.
    judged = [a.target.id for a in assessments]  # none: nothing to compare (no ids is every target)
    from ..kinds.withdrawals import with_withdrawals

    # With the figures withdrawn by then, as `status --as-of` that day says them: "awaiting
    # figure 2025" alone read as never published (issue 17, forty-fourth session, helper H).
    judged_then = assess(plan, then, judged, date.fromisoformat(since[:10])) if judged else []
    before = {a.target.id: a for a in with_withdrawals(tuple(judged_then), observations, after)}
    # A milestone missed since the review is a change even when the headline status,
    # moved on to the next milestone, reads the same (issue 12: a miss never disappears).
    moved = tuple(
        StatusChange(a.target.id, before[a.target.id], a)
        for a in assessments
        if a.target.id in before
        and (before[a.target.id].status is not a.status or before[a.target.id].missed_milestones != a.missed_milestones)
    )
    changes.sort(key=lambda c: (c.observation.indicator, c.observation.period.sort_key, c.observation.recorded_at))
    return SinceReview(since, tuple(changes), moved)


# --- JSON and TOML -------------------------------------------------------------------


def _observation_dict(o: Observation) -> dict[str, Any]:
    from .json_figures import observation_dict

    return observation_dict(o)


def report_document(data: ReportData) -> dict[str, Any]:
    """The status contract; with ``since``, one more top-level key, ``since``; and last,
    ``headline`` (the counts by status, the targets missed and awaiting a figure)."""
    from ..output.formats import status_document

    zone = data.plan.timezone if data.plan is not None else ""
    doc = status_document(data.assessments, data.as_of, data.title, revised=data.revised, whence=data.whence, zone=zone)
    if data.since is not None:
        s = data.since
        doc["since"] = {
            "date": s.date,
            "observations": [
                {
                    **_observation_dict(c.observation),
                    "change": _change_kind(c),
                    "previous_value": c.previous.value if c.previous else None,
                    "previous_recorded_at": c.previous.recorded_at if c.previous else None,
                    # Added in issue 17, twenty-sixth session, in turn: where the figure replaced came
                    # from, and its status (a revision of the status alone is not "no change").
                    "previous_source": (c.previous.source or None) if c.previous else None,
                    "previous_status": c.previous.status if c.previous else None,
                    # Added in issue 17, thirty-first session, last: false for a row a later
                    # row of this list revised or withdrew (no longer the figure in force).
                    "in_force": c.in_force,
                }
                for c in s.changes
            ],
            "status_changes": [
                {
                    "id": sc.target_id,
                    "before": sc.before.status.value,
                    "after": sc.after.status.value,
                    "missed_milestones_before": [str(p) for p in sc.before.missed_milestones],
                    "missed_milestones_after": [str(p) for p in sc.after.missed_milestones],
                }
                for sc in s.status_changes
            ],
        }
    # The leader's headline (issue 17, twenty-second session): appended last, after since.
    from .headline import headline, headline_document, provisional_list

    top = headline(data.assessments)
    doc["headline"] = headline_document(top)
    # Last, the day its deadlines were read by (--as-of, else the day it was made): a snapshot
    # made without --as-of recorded it nowhere (issue 17, thirty-second session).
    doc["headline"]["day"] = data.today.isoformat() if data.today else None
    # After it, the targets judged on an estimate or a preliminary figure (thirty-sixth session).
    doc["headline"]["provisional"] = provisional_list(top)
    doc["as_of_end"] = doc.pop("as_of_end")  # the status document's last key stays last
    return doc


def render_json(data: ReportData) -> str:
    from ..output.formats import to_json

    return to_json(report_document(data))


def without_none(value: Any) -> Any:
    """TOML has no null: keys whose value is None are left out (a missing key means null).

    The contract has no None inside an array; should one appear, it becomes an empty
    table so that the positions of the other items do not shift.
    """
    if isinstance(value, Mapping):
        return {str(k): without_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, (list, tuple)):
        return [{} if v is None else without_none(v) for v in value]
    return value


def render_toml(data: ReportData) -> str:
    import tomli_w

    return tomli_w.dumps(without_none(report_document(data)))


def charts_folder(report_path: Path) -> Path:
    """Where the Markdown report's charts go: a folder beside it, named after it."""
    from ..files.name_room import fitted

    # Its name made to fit beside a report named up to the system's limit (files.name_room).
    return report_path.with_name(fitted(report_path.stem, len("-charts"), report_path.parent) + "-charts")


@speaks_periods
def markdown_charts(data: ReportData, lang: str) -> list[Chart]:
    """The charts beside a Markdown report: the groups' (report_groups.CHART_ID), then each
    target's, each followed by its units' when it has a breakdown (report_breakdowns)."""
    from .report_breakdowns import report_breakdowns
    from .report_groups import groups_chart, report_groups

    from .report_view import LARGE_PLAN

    groups = groups_chart(report_groups(data.assessments), lang)
    out = [groups] if groups is not None else []
    breakdowns = report_breakdowns(data, lang, with_charts=True)
    # The HTML's large-plan layout: no chart per target past LARGE_PLAN. Drawing them all
    # anyway took 350 s and wrote 196 MB of SVG beside a 10,000-target report.
    per_target = len(data.assessments) <= LARGE_PLAN
    for a in data.assessments:
        chart = chart_for(a, data.series.get(a.target.series_key, []), lang) if per_target else None
        if chart is not None:
            out.append(chart)
        units = breakdowns.get(a.target.id)
        if units is not None and units.chart is not None:
            out.append(units.chart)
    return out


def report_files(data: ReportData, fmt: str, lang: str, path: str | os.PathLike[str]) -> list[tuple[Path, bytes]]:
    """The files a report to ``path`` consists of, with their bytes: for Markdown its
    charts first (in a folder beside it), the report last. Each carries qntrack's
    generator mark, so that a later report knows it may replace them (outputs.py)."""
    from ..files.shown_days import days_in

    known_format(fmt, data)
    spoken(lang)
    # Its plan's days (forty-fifth session: the last plan read in this thread's, UTC in a
    # worker thread), as render and write_report show them.
    with days_in(data.plan.timezone if data.plan is not None else ""):
        return _report_files(data, fmt, lang, Path(path))  # a caller's text, as the command's Path


def _report_files(data: ReportData, fmt: str, lang: str, path: Path) -> list[tuple[Path, bytes]]:
    from ..files.outputs import GENERATOR_MARK, stamp

    files: list[tuple[Path, bytes]] = []
    if fmt == "xlsx":
        from .report_xlsx import render_xlsx

        return [(path, stamp("xlsx", render_xlsx(data, lang)))]
    if fmt == "docx":
        from .report_docx import render_docx

        return [(path, render_docx(data, lang))]  # stamped as it is saved (docx_layout)
    if fmt == "pdf":
        from .report_pdf import render_pdf

        return [(path, render_pdf(data, lang))]  # stamped by render_pdf: a binary file
    if fmt == "markdown":
        from .report_markup import markdown_and_alts

        charts = markdown_charts(data, lang)
        notes = {chart.target_id: chart.notes for chart in charts}
        folder = charts_folder(path)
        links = {chart.target_id: f"{folder.name}/{chart.target_id}.svg" for chart in charts}
        text, alts = markdown_and_alts(data, lang, links, notes, charts)
        for chart in charts:
            # Named inside by its text alternative, as the report's image is (issue 17).
            svg = chart.labelled(alts[chart.target_id]) if chart.target_id in alts else chart.svg
            # An XML comment may precede the root element: the SVG stays valid.
            files.append((folder / f"{chart.target_id}.svg", stamp("svg", f"{GENERATOR_MARK}\n{svg}".encode("utf-8"))))
    else:
        text = render(data, fmt, lang)
    # Each file's mark carries a fingerprint of its bytes: a later report replaces it only
    # while nobody has edited it (outputs.py).
    files.append((path, stamp(fmt, text.encode("utf-8"))))
    return files


def write_report(
    data: ReportData, fmt: str, lang: str, path: str | os.PathLike[str], *, force: bool = False
) -> list[Path]:
    """Write the report to ``path`` (and, for Markdown, its charts); every file atomically.
    Raises, never an ``OSError``: each refusal below is an error naming its argument.

    Returns the files written, the report last. ``path`` is refused as `report -o` refuses
    it (output/report_written.py): the plan or the store ``data`` was built from, their
    side files, a folder, a FIFO or device, a missing folder, a link to a file of another
    format; a file qntrack did not write (or wrote and someone edited) is replaced only
    with ``force``. A refusal is an ``InputError`` naming ``path``; a system error (a full
    disk) one too, the old file left as it was. A format or language qntrack does not
    write is an ``ArgumentError`` (also a ``ValueError``) naming ``fmt`` or ``lang``.
    """
    from ..files.library_arguments import refuse_flags, refuse_path
    from ..files.shown_days import days_in
    from .report_written import write_checked

    refuse_path("path", path, none=False)  # None, a number: named, not os.fspath's TypeError
    refuse_flags(force=force)
    plan = data.plan if isinstance(data, ReportData) else None  # no report data: refused by write_checked
    with days_in(plan.timezone if plan is not None else ""):  # its plan's days, whatever was read since
        return write_checked(data, fmt, lang, path, force)


# Every format a report is written in; the text ones are ``render``'s, the others bytes.
WRITTEN = ("html", "markdown", "json", "toml", "xlsx", "docx", "pdf")


def render(data: ReportData, fmt: str, lang: str) -> str:
    """The report as text (html, markdown, json, toml); a Word, Excel or PDF report is
    bytes (``report_files``, ``write_report``)."""
    from ..files.shown_days import days_in

    known_format(fmt, data, text=True)
    spoken(lang)
    with days_in(data.plan.timezone if data.plan is not None else ""):  # its plan's days
        if fmt == "html":
            return render_html(data, lang)
        if fmt == "markdown":
            return render_markdown(data, lang)
        if fmt == "json":
            return render_json(data)
        return render_toml(data)
