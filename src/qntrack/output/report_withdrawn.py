"""A target's figures withdrawn (a retraction in force) in the report's section: a row in
its period's place in the table of figures, "2,877.8 million USD → –", and a sentence, as
``show`` writes them (output/withdrawn.py). Beside report_view.py, on whose cells it
builds (issue 17, nineteenth session)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from ..files.textfiles import as_given
from .i18n import date_text, label
from .judged_periods import part_year_reading
from .period_words import period_text
from .report_view import Cell, TableView, report_word, source_cell
from .withdrawn import in_place, with_withdrawn_sentences, withdrawn_value

if TYPE_CHECKING:
    from ..method.assessment import Assessment
    from ..plan.model import Observation, Target

__all__ = ["withdrawn_in", "with_withdrawn", "with_withdrawn_sentences"]

_COLUMNS = ("period", "value", "obs_status", "source", "note", "recorded_at")


def withdrawn_in(a: Assessment, withdrawn: Sequence[tuple[Observation, float | None]]) -> list:
    """The withdrawn figures of the target's own periods (``kinds.relevant_rows``)."""
    if not withdrawn:
        return []
    from ..kinds import relevant_rows

    kept = {id(o) for o in relevant_rows(a.target, [o for o, _ in withdrawn])}
    return [item for item in withdrawn if id(item[0]) in kept]  # each as it is: its ``withdrew`` kept


def with_withdrawn(
    table: TableView | None,
    shown: Sequence[Observation],
    withdrawn: Sequence[tuple[Observation, float | None]],
    unit: str,
    lang: str,
    target: Target,
) -> TableView | None:
    """``table`` (one row per figure of ``shown``, in its order) with a row for each
    withdrawn figure in its period's place."""
    if not withdrawn:
        return table
    gone = {id(o): value for o, value in withdrawn}
    rows = iter(table.rows if table is not None else ())
    out = []
    for o in in_place(shown, [o for o, _ in withdrawn]):
        if id(o) not in gone:
            out.append(next(rows))
            continue
        part = part_year_reading(target, o.period)
        when = period_text(o.period, lang)
        out.append(
            (
                Cell(f"{when} ({report_word('provisional_row', lang)})" if part else when, muted=part),
                Cell(withdrawn_value(gone[id(o)], unit, lang), muted=part),
                Cell(label(o.status, lang)),
                source_cell(o.source) or Cell(""),
                Cell(as_given(o.note or "")),
                Cell(date_text(o.recorded_at, lang)),
            )
        )
    headers = table.headers if table is not None else tuple(label(k, lang) for k in _COLUMNS)
    return TableView(headers, tuple(out), frozenset({1}), table.notes if table is not None else ())
