"""A revised figure's mark outside the status table: the report's summary, rank's table and
show's list of periods (issue 17, eighteenth session).

The status table marks a figure that replaced an earlier one with "[n]" against its number
("11.03[1] % y/y") and says under the table what each number stands for
(summary.revision_note, render_notes). The other places that list a figure in force do the
same, with the same words: a mark numbered in the order shown, one number for one note, and
the legend's lines (``notes``) for the caller to print under its table. Plain text: no
colour, so a mark reads the same piped, under NO_COLOR and in a document.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Iterator, Mapping

from .i18n import label, value_with_unit, with_kind
from .period_words import period_text

if TYPE_CHECKING:
    from ..method.assessment import Assessment
    from ..plan.model import Observation
    from ..plan.units import Dimension

__all__ = ["figure_marked", "latest_marked", "quoting", "revised_places", "said_decimals", "said_places"]

# By period's text, the value each figure of the target being written of replaced (the
# ``revised`` of ``figure_marked``), set by ``quoting`` while its sentences (narrative.explain)
# or its key figures are made: these have no mark nor note, so the figure they quote is
# written where it differs from the one it replaced (forty-fourth session). None: nothing
# known replaced.
_SAID_REVISED: ContextVar[Mapping[str, float | None] | None] = ContextVar("said_revised", default=None)


def figure_marked(
    o: Observation,
    key: str,
    revised: Mapping[str, float | None] | None,
    unit: str,
    lang: str,
    notes: dict[str, int],
    decimals: int = 2,
    gone: tuple[str, ...] = (),
    whence: Mapping[str, tuple[str, str]] | None = None,
    period: str | None = None,
) -> str:
    """The figure with its unit, "11.03[1] % y/y" when it replaced one (``revised``: by
    period's text, the value each figure of series ``key`` replaced, ``key`` written as
    the legend names it, ``legend_names.series_name``); the note's text is
    numbered in ``notes`` (kept in the order first shown), a text already there keeps
    its number. ``whence``: by period's text, where each figure replaced came from, said
    in its note (issue 17, twenty-fifth session). ``period``: the period as the note
    writes it (summary.revision_note's)."""
    from .summary import revision_note

    decimals = revised_places(o, revised, decimals)  # 1.0049 revising 1.005: never "1.005[1]"
    figure = value_with_unit(o.value, unit, lang, decimals)
    texts = [text for text, _ in revision_note(key, o, revised, unit, lang, decimals, whence, period)] + list(gone)
    if not texts:
        return figure
    number, space, rest = figure.partition(" ")
    marks = "".join(f"[{notes.setdefault(text, len(notes) + 1)}]" for text in texts)
    return f"{number}{marks}{space}{rest}"


def latest_marked(
    a: Assessment,
    lang: str,
    revised: Mapping[str, float | None] | None,
    key: str,
    notes: dict[str, int],
    short: bool = False,
    withdrawals: bool = False,
    whence: Mapping[str, tuple[str, str]] | None = None,
    kind: bool = False,
    dimensions: Mapping[str, Dimension] | None = None,
) -> str:
    """The latest figure with its period, else the provisional reading (report_view's
    ``_latest_text``), marked as ``figure_marked`` marks it; a plan's figure at the decimals
    where it differs from the plan (views.plan.figure_decimals). With ``kind``, an estimate
    or a preliminary figure says so after its period (i18n.with_kind: the reports' tables).
    With the plan's ``dimensions``, a note names a unit as the report's tables do."""
    from .summary import sum_marked
    from .views.plan import figure_decimals
    from .withdrawn import withdrawal_notes

    unit = a.indicator.unit_in(lang)
    # With ``withdrawals``, the figures withdrawn that it touches (Assessment.withdrawn)
    # marked too, their legend under its own heading (render_notes.legend).
    gone = tuple(withdrawal_notes(a, key, lang, dimensions=dimensions)) if withdrawals else ()
    if a.latest is not None:
        o, when = a.latest, period_text(a.latest.period, lang, short)
    elif a.provisional is not None:
        o = a.provisional
        when = f"{period_text(o.period, lang, short)}, {label('provisional', lang)}"
    else:
        return "–" + "".join(f"[{notes.setdefault(text, len(notes) + 1)}]" for text in gone)
    # A sum of months said to be one (summary.sum_marked), but in a chart's short label.
    when = when if short else sum_marked(o, when, lang)
    when = with_kind(o.status, when, lang) if kind else when
    from .legend_names import series_name  # the legend names the series as a reader knows it

    name = series_name(a.indicator, key, lang, dimensions)
    if o is a.provisional and not short:
        # A flow's figures recorded in the plan's period and not added to its reading, said
        # under the table as status's legend says them (summary.status_row): rank's table,
        # show's list of units and the reports' tables had said a unit's July with nothing
        # of its August (thirty-fifth session, pass G).
        from .views.sums import not_counted_sentences
        from .withdrawn import NOT_COUNTED_NOTE

        gone += tuple(NOT_COUNTED_NOTE + text for text in not_counted_sentences(a, lang, part=f"{name} "))
    return f"{figure_marked(o, name, revised, unit, lang, notes, figure_decimals(a, o), gone, whence)} ({when})"


def revised_places(o: Observation, revised: Mapping[str, float | None] | None, decimals: int = 2) -> int:
    """The decimals figure ``o`` is written at beside its revision mark: ``decimals``, or,
    where those would write the figure it replaced as its note writes it (1.0049 revising
    1.005, "1.005[1]%": no revision to see; forty-fourth session), where the two differ.
    10.33333 revising 9.9996 stays "10.33" (decisions.md, "Three decimals, not more")."""
    from ..kinds.plan import added_up
    from .i18n import differing_decimals, number, typed_places

    before = None if added_up(o) else (revised or {}).get(str(o.period))
    if before is None or before != before or o.value != o.value:
        return decimals
    if number(o.value, "en", decimals) != number(before, "en", max(decimals, typed_places(before))):
        return decimals
    return differing_decimals(before, o.value, decimals)


def said_decimals(a: Assessment, o: Observation) -> int:
    """The decimals a sentence quotes figure ``o`` of ``a`` at: as the tables write it
    (views.plan.figure_decimals), and where a revision would be invisible at those, where it
    differs from the figure it replaced (``said_places``): "not
    achieved: 1.0049%", never "1.005%" when 1.0049 revised 1.005."""
    from .views.plan import figure_decimals

    return said_places(o, figure_decimals(a, o))


def said_places(o: Observation | None, decimals: int) -> int:
    """``decimals``, or where those would write figure ``o`` as the figure it replaced
    (``quoting``'s), where the two differ (``revised_places``)."""
    return decimals if o is None else revised_places(o, _SAID_REVISED.get(), decimals)


@contextmanager
def quoting(revised: Mapping[str, float | None] | None) -> Iterator[None]:
    """Sentences and key figures made inside write a figure that replaced one (``revised``:
    by period's text, the value each replaced) where the two differ (``said_places``)."""
    token = _SAID_REVISED.set(revised)
    try:
        yield
    finally:
        _SAID_REVISED.reset(token)
