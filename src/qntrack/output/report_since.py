"""The report's "since the last review" section (``--since``): figures added or revised
after the date and targets whose status changed since then, as tables of the report's
cells (report_view.py builds the rest of the document)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping, Sequence

from ..output.i18n import date_text, kind_text, label, value_with_unit
from ..plan.model import RETRACTED
from ..plan.units import Dimension, base_of, split_key
from .period_words import period_text
from .report_breakdowns import unit_name
from .report_view import Cell, TableView, _change_kind, _name, _status_with_missed, report_word, source_cell

if TYPE_CHECKING:
    from .report import Change, ReportData

__all__ = ["since_view"]


def since_view(data: ReportData, lang: str) -> dict[str, Any] | None:
    """The section's two tables. A figure's status (estimate, official) has a column of its
    own, as in a target's table of figures: the year-end review cites the year's new
    figures from here, and an estimate read as the official figure is a wrong citation
    (issue 17, twenty-seventh session)."""
    s = data.since
    if s is None:
        return None
    units = {a.indicator.id: a.indicator.unit_in(lang) for a in data.assessments}
    names = {a.indicator.id: a.indicator.name.get(lang) for a in data.assessments}
    plan = data.plan
    dimensions = plan.dimensions if plan is not None else {}
    if plan is not None:
        units.update({i.id: i.unit_in(lang) for i in plan.indicators.values() if i.id not in units})
        names.update({i.id: i.name.get(lang) for i in plan.indicators.values() if i.id not in names})
    figures = None
    headers: tuple[str, ...]
    if s.changes:
        headers = (
            label("indicator", lang),
            label("period", lang),
            label("value", lang),
            label("obs_status", lang),
            report_word("change", lang),
            report_word("previous", lang),
            label("source", lang),
            label("recorded_at", lang),
        )
        rows = []
        notes: dict[str, int] = {}
        # A row a later row of the table revised (or withdrew) is no longer in force.
        later = {c.previous: c for c in s.changes if c.previous is not None}
        for c in s.changes:
            o = c.observation
            unit = units.get(base_of(o.indicator), "")  # a unit's row: its indicator's unit
            name = _figure_name(o.indicator, names, dimensions, lang)
            rows.append(
                (
                    Cell(name),
                    Cell(period_text(o.period, lang)),
                    Cell(_figure(c, later.get(o), name, unit, lang, notes, s.changes)),
                    Cell("–" if o.status == RETRACTED else kind_text(o.status, lang)),
                    Cell(_change_words(c, lang)),
                    Cell(_before(c, name, unit, lang, notes)),
                    source_cell(o.source) or Cell(""),
                    Cell(date_text(o.recorded_at, lang)),
                )
            )
        figures = TableView(headers, tuple(rows), frozenset({2, 5}), tuple(notes))
    statuses = None
    if s.status_changes:
        headers = (label("target", lang), report_word("before", lang), report_word("now", lang))
        statuses = TableView(
            headers,
            tuple(
                (
                    Cell(_name(sc.after, lang), section=sc.target_id),
                    Cell(_status_with_missed(sc.before, lang), status=sc.before.status.value),
                    Cell(_status_with_missed(sc.after, lang), status=sc.after.status.value),
                )
                for sc in s.status_changes
            ),
        )
    return {
        "title": report_word("since_title", lang, date=date_text(s.date, lang)),
        "figures": figures,
        "statuses": statuses,
        "none": report_word("since_none", lang, date=date_text(s.date, lang))
        if not s.changes and not s.status_changes
        else None,
    }


def _figure(
    c: Change,
    revised_by: Change | None,
    name: str,
    unit: str,
    lang: str,
    notes: dict[str, int],
    changes: Sequence[Change] = (),
) -> str:
    """The Value cell: the figure recorded, or "–" for a retraction. A figure that a later
    row of the table revised or withdrew (recorded new, then revised, both since the
    review) carries the mark its revision's Before cell carries, "8.5[1] %", one legend line
    for both: it was no longer in force, and read unmarked it looked like one of the new
    figures in force (issue 17, thirtieth session). A retraction no longer in force (a
    figure recorded again after it, a later row of ``changes``) is marked "–[2]" so, its
    legend line under the figures withdrawn saying what followed, as the status table's
    does: "8.5 → 9 % (withdrawn on …, recorded again on …)" (thirty-first session)."""
    o = c.observation
    if o.status == RETRACTED:
        return (
            "–" if c.in_force else f"–[{notes.setdefault(_superseded(c, name, unit, lang, changes), len(notes) + 1)}]"
        )
    if revised_by is None:
        return value_with_unit(o.value, unit, lang, _places(c))
    return _before(revised_by, name, unit, lang, notes)


def _superseded(c: Change, name: str, unit: str, lang: str, changes: Sequence[Change]) -> str:
    """The legend line of a retraction a later row of the table took out of force, as the
    status table's legend says a withdrawal (``withdrawn.withdrawal_note``), the period in
    words as the Before lines write it: "GRDP growth H1 2026: 8.5 % → 9 % (withdrawn on
    2026-07-20, recorded again on 2026-08-10; source: B)". The figure in force after it is
    the period's last row of the table ("–" when that is a retraction too); where the figure
    withdrawn came from, its own row's mark says."""
    from ..catalog import msg, render
    from ..files.textfiles import as_given
    from .i18n import replacing
    from .withdrawn import WITHDRAWN_NOTE

    o, before = c.observation, c.previous
    same = [
        d.observation for d in changes if (d.observation.indicator, d.observation.period) == (o.indicator, o.period)
    ]
    after = same[same.index(o) + 1 :] if o in same else []
    now = after[-1] if after and after[-1].status != RETRACTED else None
    was = before.value if before is not None else None
    if now is None:
        shown, key_id, again = replacing(was, "–", unit, lang), "narrative_status_note_withdrawn", {}
    else:
        places = _places(c)
        shown = replacing(was, value_with_unit(now.value, unit, lang, places), unit, lang, now.value, places)
        shown = shown if was is not None else f"– → {shown}"
        key_id, again = "narrative_status_note_withdrawn_again", {"again": date_text(now.recorded_at, lang)}
    source = as_given((now or o).source)
    where = label("note_source", lang).format(source) if source else label("note_no_source", lang)
    period = period_text(o.period, lang)
    day = date_text(o.recorded_at, lang)
    return WITHDRAWN_NOTE + render(
        msg(key_id, key=name, period=period, shown=shown, day=day, where=where, **again), lang
    )


def _before(c: Change, name: str, unit: str, lang: str, notes: dict[str, int]) -> str:
    """The Before cell: the figure replaced, "5[1] % y/y", its mark's legend line under the
    table naming when it was recorded and its source, "GRDP growth (grdp_growth) Q1 2026: 5
    % y/y (recorded 2026-04-20; source: Cuc TK)": the Source column is the new figure's, and
    the replaced one's was only in the JSON's previous_source (issue 17, twenty-sixth session)."""
    from .replaced_from import said_of
    from .withdrawn import PREVIOUS_NOTE

    before = c.previous
    if before is None:
        return "–"
    figure = value_with_unit(before.value, unit, lang, _places(c))
    said = said_of(before.source, before.recorded_at, lang)
    if before.status and before.status != c.observation.status:  # an estimate made official
        said = f"{label(before.status, lang)}, {said}"
    text = f"{PREVIOUS_NOTE}{name} {period_text(c.observation.period, lang)}: {figure} ({said})"
    number, space, rest = figure.partition(" ")
    return f"{number}[{notes.setdefault(text, len(notes) + 1)}]{space}{rest}"


def _change_words(c: Change, lang: str) -> str:
    """A row's change in words: new, revised, retracted; a revision of the status alone said
    with both statuses, "status: estimate → official", where "revised | 5 | 5" read as no
    change (issue 17, twenty-sixth session); of the source alone, "source: A → B"; of the note
    alone, "note changed" (a note may be a paragraph: not quoted in a table's cell)."""
    from .i18n import kind_text

    o, before = c.observation, c.previous
    kind = _change_kind(c)
    if kind != "revised" or before is None or before.value != o.value:
        return report_word(kind, lang)
    if before.status == o.status:  # the source alone, or the note alone (its text may be long)
        if before.source == o.source:
            return report_word("note_changed" if before.note != o.note else kind, lang)
        return report_word("source_changed", lang, before=before.source or "–", after=o.source or "–")
    return report_word("status_changed", lang, before=kind_text(before.status, lang), after=kind_text(o.status, lang))


def _figure_name(key: str, names: dict[str, str], dimensions: Mapping[str, Dimension], lang: str) -> str:
    """A row's indicator in the reader's language with its code (what `qntrack history`
    takes), and a unit's row its unit by name: the store key alone (`budget_revenue[locality=
    Ha Long]`) put the dimension's English id and brackets in a Vietnamese document."""
    split = split_key(key)
    base, dims = split if split is not None else (key, ())
    name = f"{names[base]} ({base})" if names.get(base, base) != base else base
    return f"{name}, {unit_name(dims, dimensions, lang, dated=False)}" if dims else name


def _places(c: Change) -> int:
    """The decimals of a change's two figures: as published (three at most, i18n.typed_places)
    and where they differ, so a revision never reads "11.03 | revised | 11.03" (issue 17,
    nineteenth session)."""
    from .i18n import differing_decimals, typed_places

    o, before = c.observation, c.previous
    places = typed_places(o.value) if o.status != RETRACTED else 2
    if before is None or before.value != before.value:
        return places
    places = max(places, typed_places(before.value))
    return places if o.status == RETRACTED else differing_decimals(before.value, o.value, places)
