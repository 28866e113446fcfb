"""`qntrack report`: the document a review meeting reads, in HTML, Markdown, JSON or TOML.

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

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence
from urllib.parse import urlsplit

from ..catalog import catalog, msg
from ..catalog import render as text_of
from ..kinds import assess
from ..kinds.average import AverageResult
from ..kinds.cumulative import CumulativeResult
from ..kinds.every_period import EveryPeriodResult, PeriodCheck
from ..method.assessment import Assessment
from ..output.charts import Chart, chart_for, too_large_to_draw
from ..output.summary import (
    awaiting_text,
    difference_text,
    gap_phrase,
    gap_text,
    goal_text,
    target_gap_phrase,
    missed_text,
    reached_text,
)
from ..output.i18n import date_text, label, number, signed_percent, status_label, value_with_unit
from ..plan.model import RETRACTED, Bound, Observation, Plan
from ..output.narrative import explain
from ..method.series import Series, as_of_bound, build_series, formula_inputs, read_by

__all__ = [
    "FORMATS",
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

FORMATS = ("html", "markdown", "json", "toml")


# --- the data ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Change:
    """An observation recorded after the review date: a new figure or a revision."""

    observation: Observation
    previous: Observation | None = None  # the row it revises (same indicator and period)

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


def build_report(
    plan: Plan,
    series: Series,
    observations: Iterable[Observation],
    target_ids: Sequence[str] | None = None,
    as_of: str | None = None,
    since: str | None = None,
    today: date | None = None,
) -> ReportData:
    """Everything the report shows. ``series`` must already be restricted to ``as_of``;
    ``today`` is the day the report speaks of (deadlines passed by then, assessment.ended)."""
    rows = tuple(observations)
    results = tuple(assess(plan, series, target_ids, today))
    bound = as_of_bound(as_of) if as_of else None
    used = [o.recorded_at for o in rows if o.recorded_at and (bound is None or o.recorded_at <= bound)]
    review = since_review(plan, rows, since, as_of, results) if since else None
    return ReportData(
        title=plan.title,
        as_of=as_of,
        assessments=results,
        series=series,
        recorded_through=max(used)[:10] if used else None,
        since=review,
        plan=plan,
    )


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

    after = as_of_bound(since)
    relevant = _inputs(plan, {a.indicator.id for a in assessments})
    changes: list[Change] = []
    for ind_id in sorted(relevant):
        for v in vintages(observations, ind_id, None, as_of):
            if v.observation.recorded_at > after:
                changes.append(Change(v.observation, v.revises))
    then, _ = build_series(plan.indicators, observations, since)
    # "Then" is the review's own day: the deadlines passed by then, as --as-of would say.
    before = {
        a.target.id: a for a in assess(plan, then, [a.target.id for a in assessments], date.fromisoformat(since[:10]))
    }
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


def _change_kind(c: Change) -> str:
    """added, revised, or retracted (a row of `qntrack retract`, which withdraws a figure)."""
    if c.observation.status == RETRACTED:
        return "retracted"
    return "revised" if c.revision else "added"


# --- JSON and TOML -------------------------------------------------------------------


def _observation_dict(o: Observation) -> dict[str, Any]:
    from .formats import observation_dict

    return observation_dict(o)


def report_document(data: ReportData) -> dict[str, Any]:
    """The status contract; with ``since``, one more top-level key, ``since``."""
    from ..output.formats import status_document

    doc = status_document(data.assessments, data.as_of, data.title)
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


# --- words ---------------------------------------------------------------------------

# The report's own words are in the catalog, as report_<key> ([report] of en.toml, vi.toml).
_KEYS = tuple(k[len("report_") :] for k in catalog("en") if k.startswith("report_"))


def _t(key: str, lang: str, **values: Any) -> str:
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


@dataclass(frozen=True, slots=True)
class TableView:
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    numeric: frozenset[int] = frozenset()  # columns aligned right


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


_URL = re.compile(r"^https?://[^\s<>\"']+$", re.I)


def source_cell(text: str) -> Cell | None:
    """A source: a link when it is one http(s) address, shown by its host; else plain text."""
    text = (text or "").strip()
    if not text:
        return None
    if _URL.match(text):
        host = urlsplit(text).hostname or text
        return Cell(host, url=text, title=text)
    return Cell(text)


def _percent(share: float | None, lang: str) -> str:
    return "–" if share is None else f"{number(share * 100, lang, 1)}%"


def _bound_text(bound: Bound, unit: str, lang: str) -> tuple[str, str]:
    return label(bound.keyword, lang), value_with_unit(bound.value, unit, lang)


def _join(items: Sequence[str], lang: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {_t('and', lang)} " + items[-1]


def definition(a: Assessment, lang: str) -> str:
    """The target in one sentence, as the plan states it."""
    from .views import view_of

    return view_of(a).definition(a, lang)


def _latest_text(a: Assessment, lang: str) -> str:
    unit = a.indicator.unit_in(lang)
    if a.latest is not None:
        return f"{value_with_unit(a.latest.value, unit, lang)} ({a.latest.period})"
    if a.provisional is not None:
        return (
            f"{value_with_unit(a.provisional.value, unit, lang)} ({a.provisional.period}, {label('provisional', lang)})"
        )
    return "–"


def _name(a: Assessment, lang: str) -> str:
    """The target's own name; a target without one is named by its indicator and its id,
    so that two targets on one indicator are told apart in headings, the summary and the
    charts' captions (issue 12)."""
    if a.target.name is not None:
        return a.target.name.get(lang)
    return f"{a.indicator.name.get(lang)} ({a.target.id})"


def _facts(a: Assessment, lang: str) -> tuple[tuple[str, Cell], ...]:
    unit = a.indicator.unit_in(lang)
    facts: list[tuple[str, Cell]] = []
    if a.baseline is not None:
        facts.append(
            (label("baseline", lang), Cell(f"{value_with_unit(a.baseline.value, unit, lang)} ({a.baseline.period})"))
        )
    if a.latest is not None:
        facts.append(
            (label("latest", lang), Cell(f"{value_with_unit(a.latest.value, unit, lang)} ({a.latest.period})"))
        )
    if a.provisional is not None:
        facts.append(
            (
                label("provisional", lang).capitalize(),
                Cell(f"{value_with_unit(a.provisional.value, unit, lang)} ({a.provisional.period})", muted=True),
            )
        )
    if a.achieved_rate is not None:
        facts.append(
            (label("achieved_rate", lang), Cell(f"{signed_percent(a.achieved_rate, lang)}{label('per_year', lang)}"))
        )
    if a.score is not None or a.progress_value is not None:
        facts.append(
            (
                f"{label('p', lang)} / {label('score', lang)}",
                Cell(f"{number(a.progress_value, lang)} / {number(a.score, lang)}"),
            )
        )
    facts.append((label("status", lang), Cell(status_label(a.status.value, lang), status=a.status.value)))
    if a.missed_milestones:
        facts.append(
            (
                label("missed_milestones", lang),
                Cell(", ".join(str(p) for p in a.missed_milestones), status="not_achieved"),
            )
        )
    if a.awaiting_figures:
        facts.append((label("awaiting_figures", lang), Cell(", ".join(str(p) for p in a.awaiting_figures), muted=True)))
    return tuple(facts)


def _milestones(a: Assessment, lang: str) -> TableView | None:
    if not a.milestones:
        return None
    unit = a.indicator.unit_in(lang)
    per_year = label("per_year", lang)
    headers = tuple(
        label(k, lang)
        for k in (
            "milestone",
            "status",
            "p",
            "score",
            "gap",
            "required_rate",
            "trajectory",
            "deviation",
            "required_from_latest",
            "projected",
            "reached_in",
        )
    )
    rows = []
    for m in a.milestones:
        if m.status.value == "target_achieved":
            reached = "–"
        else:
            reached = str(m.reached_in) if m.reached_in else (label("never", lang) if m.never_reached else "–")
            if m.reached_is_projection:
                # Where the achieved rate would take the value: a projection, said as one.
                reached = _t("would_be", lang, year=reached)
        rows.append(
            (
                Cell(f"{value_with_unit(m.value, unit, lang)} {label('by', lang)} {m.by}"),
                Cell(status_label(m.status.value, lang), status=m.status.value),
                Cell(number(m.progress_value, lang)),
                Cell(number(m.score, lang)),
                Cell(gap_phrase(m.gap, unit, lang)),
                Cell(
                    f"{signed_percent(m.required_rate, lang)}{per_year}"
                    if m.required_rate is not None
                    else f"{difference_text(m.required_change, unit, lang)}{per_year}"
                    if m.required_change is not None
                    else "–"
                ),
                Cell(value_with_unit(m.trajectory, unit, lang)),
                Cell(difference_text(m.deviation, unit, lang)),
                Cell(
                    f"{signed_percent(m.required_rate_from_latest, lang)}{per_year}"
                    if m.required_rate_from_latest is not None
                    else f"{difference_text(m.required_change_from_latest, unit, lang)}{per_year}"
                    if m.required_change_from_latest is not None
                    else "–"
                ),
                Cell(value_with_unit(m.projected, unit, lang)),
                Cell(reached),
            )
        )
    return TableView(headers, tuple(rows), frozenset(range(2, 10)))


def _key_figures(a: Assessment, lang: str) -> tuple[tuple[str, Cell], ...]:
    """The figures of a non-level target, one per line, then its gap."""
    from .views import view_of

    out = view_of(a).key_figures(a, lang)
    if out is None:
        return ()
    if a.gap is not None:
        # One meaning for every kind: still to go in the target's direction (methodology, "Gap").
        out.append((label("gap", lang), target_gap_phrase(a, lang)))
    return tuple((k, Cell(v)) for k, v in out)


def _periods(a: Assessment, lang: str) -> TableView | None:
    d = a.result
    if not isinstance(d, (EveryPeriodResult, AverageResult, CumulativeResult)) or not d.periods:
        return None
    unit = a.indicator.unit_in(lang)
    with_pass = isinstance(d, EveryPeriodResult)
    headers = (label("period", lang), label("value", lang)) + ((_t("passed", lang),) if with_pass else ())
    rows = []
    for p in d.periods:
        cells = [Cell(str(p.period)), Cell(value_with_unit(p.value, unit, lang))]
        if isinstance(p, PeriodCheck):
            ok = p.passed
            cells.append(
                Cell(
                    f"✓ {_t('yes', lang)}" if ok else f"✗ {_t('no', lang)}",
                    status="target_achieved" if ok else "not_achieved",
                )
            )
        rows.append(tuple(cells))
    return TableView(headers, tuple(rows), frozenset({1}))


def relevant_observations(a: Assessment, rows: Sequence[Observation]) -> list[Observation]:
    """The observations that bear on the target, not the indicator's whole history."""
    from .views import view_of

    return view_of(a).report_rows(a, rows)


def _observations(rows: Sequence[Observation], unit: str, lang: str) -> TableView | None:
    if not rows:
        return None
    headers = tuple(label(k, lang) for k in ("period", "value", "obs_status", "source", "note", "recorded_at"))
    out = []
    for o in rows:
        part = not o.period.is_year
        period = f"{o.period} ({_t('provisional_row', lang)})" if part else str(o.period)
        out.append(
            (
                Cell(period, muted=part),
                Cell(value_with_unit(o.value, unit, lang), muted=part),
                Cell(label(o.status, lang) if o.status else ""),
                source_cell(o.source) or Cell(""),
                Cell(o.note or ""),
                Cell(date_text(o.recorded_at, lang)),
            )
        )
    return TableView(headers, tuple(out), frozenset({1}))


def _section(number_: int, a: Assessment, rows: Sequence[Observation], lang: str, with_chart: bool) -> SectionView:
    t, ind = a.target, a.indicator
    unit = ind.unit_in(lang)
    shown = relevant_observations(a, rows)
    return SectionView(
        number=number_,
        id=t.id,
        name=_name(a, lang),
        kind=_t(f"kind_{t.kind}", lang),
        status=a.status.value,
        status_text=_status_with_missed(a, lang),
        definition=definition(a, lang),
        indicator=ind.name.get(lang),
        indicator_id=ind.id,
        unit=unit,
        direction=label(ind.direction.value, lang),
        description=ind.description,
        source=source_cell(t.source),
        note=t.note,
        facts=_facts(a, lang),
        milestones=_milestones(a, lang),
        key_figures=_key_figures(a, lang),
        periods=_periods(a, lang),
        observations=_observations(shown, unit, lang),
        sentences=tuple(explain(a, lang)),
        chart=chart_for(a, rows, lang) if with_chart else None,
        no_chart=_t("no_chart_large" if too_large_to_draw(rows) else "no_chart", lang),
    )


def _summary(data: ReportData, lang: str) -> TableView:
    headers = (
        "#",
        label("target", lang),
        label("type", lang),
        label("latest", lang),
        _t("goal", lang),
        label("gap", lang),
        label("p", lang),
        label("status", lang),
    )
    rows = []
    for i, a in enumerate(data.assessments, 1):
        rows.append(
            (
                Cell(str(i)),
                Cell(_name(a, lang), title=a.target.id),
                Cell(_t(f"kind_{a.target.kind}", lang)),
                Cell(_latest_text(a, lang)),
                Cell(_goal_with_reached(a, lang)),
                Cell(gap_text(a, lang)),
                Cell(number(a.progress_value, lang)),
                Cell(_status_with_missed(a, lang), status=a.status.value),
            )
        )
    return TableView(headers, tuple(rows), frozenset({0, 3, 5, 6}))


def _goal_with_reached(a: Assessment, lang: str) -> str:
    """The goal, and the share of it reached under its own label (never called gap)."""
    reached = reached_text(a, lang)
    return f"{goal_text(a, lang)}; {reached}" if reached else goal_text(a, lang)


def _status_with_missed(a: Assessment, lang: str) -> str:
    """The headline status, with the deadlines missed on the way kept beside it, and those
    passed with no figure yet."""
    missed = "; ".join(t for t in (missed_text(a, lang), awaiting_text(a, lang)) if t)
    text = status_label(a.status.value, lang)
    return f"{text} ({missed})" if missed else text


def _since_view(data: ReportData, lang: str) -> dict[str, Any] | None:
    s = data.since
    if s is None:
        return None
    units = {a.indicator.id: a.indicator.unit_in(lang) for a in data.assessments}
    plan = data.plan
    if plan is not None:
        units.update({i.id: i.unit_in(lang) for i in plan.indicators.values() if i.id not in units})
    figures = None
    headers: tuple[str, ...]
    if s.changes:
        headers = (
            label("indicator", lang),
            label("period", lang),
            label("value", lang),
            _t("change", lang),
            _t("previous", lang),
            label("source", lang),
            label("recorded_at", lang),
        )
        rows = []
        for c in s.changes:
            o = c.observation
            unit = units.get(o.indicator, "")
            rows.append(
                (
                    Cell(o.indicator),
                    Cell(str(o.period)),
                    Cell("–" if o.status == RETRACTED else value_with_unit(o.value, unit, lang)),
                    Cell(_t(_change_kind(c), lang)),
                    Cell(value_with_unit(c.previous.value, unit, lang) if c.previous else "–"),
                    source_cell(o.source) or Cell(""),
                    Cell(date_text(o.recorded_at, lang)),
                )
            )
        figures = TableView(headers, tuple(rows), frozenset({2, 4}))
    statuses = None
    if s.status_changes:
        headers = (label("target", lang), _t("before", lang), _t("now", lang))
        statuses = TableView(
            headers,
            tuple(
                (
                    Cell(_name(sc.after, lang), title=sc.target_id),
                    Cell(_status_with_missed(sc.before, lang), status=sc.before.status.value),
                    Cell(_status_with_missed(sc.after, lang), status=sc.after.status.value),
                )
                for sc in s.status_changes
            ),
        )
    return {
        "title": _t("since_title", lang, date=date_text(s.date, lang)),
        "figures": figures,
        "statuses": statuses,
        "none": _t("since_none", lang, date=date_text(s.date, lang))
        if not s.changes and not s.status_changes
        else None,
    }


def _view(data: ReportData, lang: str, with_charts: bool) -> dict[str, Any]:
    from .. import __version__

    sections = [
        _section(i, a, data.series.get(a.indicator.id, []), lang, with_charts)
        for i, a in enumerate(data.assessments, 1)
    ]
    statuses = [
        (key, status_label(key, lang))
        for key in (
            "target_achieved",
            "substantial_progress",
            "moderate_progress",
            "limited_progress",
            "deterioration",
            "not_achieved",
            "not_available",
        )
    ]
    # Dates as the reader's language writes them: 05/01/2025 in Vietnamese, ISO in English.
    meta = [f"{_t('as_of', lang)} {date_text(data.as_of, lang)}"] if data.as_of else []
    if data.recorded_through:
        meta.append(f"{_t('recorded_through', lang)} {date_text(data.recorded_through, lang)}")
    meta.append(_t("targets_count", lang, n=len(sections)))
    return {
        "lang": lang,
        "title": data.title or _t("report", lang),
        "heading": _t("report", lang),
        "meta": " · ".join(meta),
        "summary": _summary(data, lang),
        "since": _since_view(data, lang),
        "sections": sections,
        "statuses": statuses,
        "w": _words(lang),
        "l": {
            k: label(k, lang)
            for k in (
                "indicator",
                "unit",
                "direction",
                "source",
                "note",
                "milestones",
                "observations",
                "summary",
                "status",
                "type",
                "details",
                "value",
            )
        },
        "footer": _t("footer", lang, version=__version__),
    }


# --- templates -----------------------------------------------------------------------


def _environment(kind: str) -> Any:
    import jinja2

    loader = jinja2.PackageLoader("qntrack.output", "templates")
    if kind == "html":
        # Autoescape everything: a target named "<script>" is shown, never run.
        return jinja2.Environment(
            loader=loader,
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            undefined=jinja2.StrictUndefined,
        )
    env = jinja2.Environment(
        loader=loader,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        finalize=_md_finalize,
    )
    env.filters["code"] = _md_code
    env.filters["cell"] = _md_cell
    env.filters["url"] = _md_url
    env.filters["raw"] = _Raw
    return env


class _Raw(str):
    """Markdown that the template builds itself and must not be escaped again."""


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_MD_ENTITY = re.compile(r"&(?=#?\w+;)")


def md_escape(text: str) -> str:
    """Text shown as typed by a Markdown renderer: its markup characters backslash-escaped.

    Line breaks become spaces, so a value can never end a table row or start a heading.
    """
    text = " ".join(str(text).split())
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _MD_ENTITY.sub("&amp;", text)


def _md_finalize(value: Any) -> Any:
    if isinstance(value, _Raw):
        return value
    if value is None:
        return ""
    return md_escape(str(value))


def _md_code(text: str) -> _Raw:
    text = str(text)
    fence = "``" if "`" in text else "`"
    pad = " " if "`" in text else ""
    return _Raw(f"{fence}{pad}{text}{pad}{fence}")


def _md_url(url: str) -> _Raw:
    # Characters that would end a Markdown link destination are percent-encoded.
    return _Raw("".join({" ": "%20", "(": "%28", ")": "%29", "<": "%3C", ">": "%3E"}.get(c, c) for c in url))


def _md_cell(cell: Cell) -> _Raw:
    text = md_escape(cell.text) if cell.text else ""
    if cell.url:
        text = f"[{text}]({_md_url(cell.url)})"
    if cell.status:
        text = f"**{text}**"
    elif cell.muted and text:
        text = f"_{text}_"
    return _Raw(text)


def render_markdown(
    data: ReportData,
    lang: str,
    chart_links: Mapping[str, str] | None = None,
    chart_notes: Mapping[str, Sequence[str]] | None = None,
) -> str:
    """The Markdown report; ``chart_links`` maps a target id to the SVG file to link, and
    ``chart_notes`` to the sentences that say how to read it."""
    view = _view(data, lang, with_charts=False)
    view["chart_links"] = dict(chart_links or {})
    view["chart_notes"] = {k: " ".join(v) for k, v in (chart_notes or {}).items() if v}
    text = _environment("markdown").get_template("report.md.j2").render(**view)
    # The template's loops leave runs of blank lines; Markdown needs at most one.
    # The closing comment (invisible when rendered) marks the file as qntrack's, so a
    # later report may replace it (outputs.py).
    from ..files.outputs import GENERATOR_MARK

    return re.sub(r"\n{3,}", "\n\n", text).rstrip("\n") + f"\n\n{GENERATOR_MARK}\n"


def render_html(data: ReportData, lang: str) -> str:
    from markupsafe import Markup

    view = _view(data, lang, with_charts=True)
    # pygal built the SVG from our numbers and escaped every label itself; it is the only
    # markup that goes into the page unescaped.
    charts = {s.id: Markup(s.chart.inline()) for s in view["sections"] if s.chart is not None}
    return _environment("html").get_template("report.html.j2").render(charts=charts, **view)


# --- writing -------------------------------------------------------------------------


def charts_folder(report_path: Path) -> Path:
    """Where the Markdown report's charts go: a folder beside it, named after it."""
    return report_path.with_name(f"{report_path.stem}-charts")


def markdown_charts(data: ReportData, lang: str) -> list[Chart]:
    out = []
    for a in data.assessments:
        chart = chart_for(a, data.series.get(a.indicator.id, []), lang)
        if chart is not None:
            out.append(chart)
    return out


def report_files(data: ReportData, fmt: str, lang: str, path: Path) -> list[tuple[Path, bytes]]:
    """The files a report to ``path`` consists of, with their bytes: for Markdown its
    charts first (in a folder beside it), the report last. Each carries qntrack's
    generator mark, so that a later report knows it may replace them (outputs.py)."""
    from ..files.outputs import GENERATOR_MARK, stamp

    files: list[tuple[Path, bytes]] = []
    if fmt == "markdown":
        charts = markdown_charts(data, lang)
        links: dict[str, str] = {}
        notes = {chart.target_id: chart.notes for chart in charts}
        folder = charts_folder(path)
        for chart in charts:
            file = folder / f"{chart.target_id}.svg"
            # An XML comment may precede the root element: the SVG stays valid.
            files.append((file, stamp("svg", f"{GENERATOR_MARK}\n{chart.svg}".encode("utf-8"))))
            links[chart.target_id] = f"{folder.name}/{file.name}"
        text = render_markdown(data, lang, links, notes)
    else:
        text = render(data, fmt, lang)
    # Each file's mark carries a fingerprint of its bytes: a later report replaces it only
    # while nobody has edited it (outputs.py).
    files.append((path, stamp(fmt, text.encode("utf-8"))))
    return files


def write_report(data: ReportData, fmt: str, lang: str, path: Path) -> list[Path]:
    """Write the report to ``path`` (and, for Markdown, its charts); every file atomically.

    Returns the files written, the report last. The caller checks first that each may be
    written (cli.report, outputs.py).
    """
    return write_files(report_files(data, fmt, lang, path))


def write_files(files: list[tuple[Path, bytes]]) -> list[Path]:
    """Write the report and its charts, each atomically. On an error the charts folder
    this call created is removed again, so a failed first report leaves nothing behind
    (a folder that was there is kept: it may hold more than our charts)."""
    import shutil

    from ..files.starter import write_atomically

    made: list[Path] = []
    try:
        for file, _ in files[:-1]:
            if file.parent not in made:
                try:
                    file.parent.mkdir()
                    made.append(file.parent)
                except FileExistsError:
                    pass
        for file, payload in files:
            write_atomically(file, payload)
    except BaseException:
        for folder in made:
            shutil.rmtree(folder, ignore_errors=True)
        raise
    return [file for file, _ in files]


def render(data: ReportData, fmt: str, lang: str) -> str:
    if fmt == "html":
        return render_html(data, lang)
    if fmt == "markdown":
        return render_markdown(data, lang)
    if fmt == "json":
        return render_json(data)
    if fmt == "toml":
        return render_toml(data)
    raise ValueError(f"unknown report format {fmt!r}; valid: {', '.join(FORMATS)}")
