"""The short texts of a summary row (goal, gap), shared by the terminal table and reports.

Pure: words and numbers only, no Rich and no HTML, so both renderers say the same thing.
The terminal's status table is described here too, cell by cell, as pieces of text each
with a role ("muted", "provisional", "trend", "status:<status>") that render.py turns
into a style. Described as plain data, a row can be kept by the status cache and drawn
again without assessing anything (cache.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Mapping, Sequence

from ..kinds.cumulative import CumulativeResult
from ..kinds.plan import PlanResult, added_up
from ..method.parts import input_added_up
from ..method.assessment import Assessment
from ..output.i18n import (
    SIGNS,
    date_text,
    hundredfold,
    label,
    number,
    percent_reached_text,
    progress_text,
    replacing,
    status_label,
    typed_value,
    value_with_unit,
    with_kind,
)
from ..output.period_words import legend_period, period_text, periods_in_words
from ..files.textfiles import as_given
from ..plan.model import LevelTarget, Observation

if TYPE_CHECKING:
    from ..plan.units import Dimension

__all__ = [
    "PERIOD_KINDS",
    "Cell",
    "awaiting_text",
    "reason_word",
    "difference_text",
    "goal_text",
    "gap_phrase",
    "gap_text",
    "target_gap_phrase",
    "nothing_to_close",
    "first_of",
    "SHOWN_PERIODS",
    "missed_text",
    "reached_text",
    "revision_note",
    "sparkline",
    "status_cells",
]

Cell = tuple[tuple[str, str], ...]  # (text, role) pieces; role "" is plain text

_BARS = "▁▂▃▄▅▆▇█"


def difference_text(value: float | None, unit: str, lang: str, signed: bool = True, decimals: int = 2) -> str:
    """A difference in the indicator's unit; percentage points for a per-cent unit."""
    if value is None:
        return "–"
    text = number(value, lang, decimals)
    if signed and value > 0:
        text = "+" + text
    if unit.startswith("%"):
        return f"{text} {label('pp', lang)}"
    if unit.startswith(SIGNS):  # per mille (per cent is in points, above), as i18n.value_with_unit
        return f"{text}{unit}"
    return f"{text} {unit}".rstrip()


def goal_text(a: Assessment, lang: str) -> str:
    """What is aimed at: the next milestone, the bound over a span, or the plan figure."""
    unit = a.indicator.unit_in(lang)
    m = a.next_milestone
    if m is not None:
        return f"{typed_value(m.value, unit, lang)} {label('by', lang)} {period_text(m.by, lang)}"
    from .views import view_of

    goal = view_of(a).goal(a, lang)
    if goal is not None:
        return goal
    if a.target.kind not in ("level", "open_sdg"):
        # A plan or a span with no result: a unit given no amount of its own, which is not
        # judged at all; "higher is better" there read as judged by its direction alone
        # (forty-first session).
        return "–"
    return label(a.indicator.direction.value, lang)


def gap_text(a: Assessment, lang: str) -> str:
    """The gap, one meaning for every kind: the distance still to go in the target's
    direction (docs/methodology.md, "Gap"); "✓" once reached (zero or negative), since
    "-402 USD" would read as a shortfall. A year-to-date gap names its period, and so does
    an every-period target's ("✓ 2025", "1.2 pp (2025)"); beside a target that failed
    ("Not achieved") there is no tick: "–"."""
    if a.gap is None:
        return "–"
    # An every-period target's gap is its latest period's alone: the cell names it, so
    # that "✓" is not read as the whole target met (docs/methodology.md, "Gap").
    period = a.latest.period if _gap_per_period(a) and a.latest is not None else None
    if a.gap <= 0:
        if nothing_to_close(a):
            # Failed for good: a tick beside "Not achieved" would read as met, and nothing
            # is "still to go" (issue 12; the number stays in JSON and CSV).
            return "–"
        return f"✓ {period_text(period, lang)}" if period is not None else "✓"
    from .views.plan import gap_decimals

    text = difference_text(a.gap, a.indicator.unit_in(lang), lang, signed=False, decimals=gap_decimals(a))
    ytd = a.result.year_to_date if isinstance(a.result, PlanResult) and a.latest is None else None
    if ytd is not None:
        return f"{text} ({period_text(ytd.period, lang)})"
    return f"{text} ({period_text(period, lang)})" if period is not None else text


def nothing_to_close(a: Assessment) -> bool:
    """A gap of zero or less beside a target failed for good: an every-period ceiling
    broken once, its latest period under it (4 − 3.9). Nothing is left to close, and every
    output but the data (JSON, CSV) says "–", where the table said so and `show`, the key
    figures and the workbook "-0.1 pp" (issue 17, thirtieth session)."""
    return a.gap is not None and a.gap <= 0 and a.status.value == "not_achieved"


def _gap_per_period(a: Assessment) -> bool:
    from .views import view_of

    return view_of(a).gap_per_period


def gap_phrase(gap: float | None, unit: str, lang: str, decimals: int = 2, lower: bool = False) -> str:
    """The gap with what a negative one means: "-402 USD (beyond the target by 402 USD)";
    where lower is the goal (``lower``: a ceiling), "below the target by": "beyond" (and
    its Vietnamese) beside inflation under its ceiling read as above it."""
    if gap is None:
        return "–"
    text = difference_text(gap, unit, lang, signed=False, decimals=decimals)
    if gap >= 0:
        return text
    beyond = difference_text(-gap, unit, lang, signed=False, decimals=decimals)
    return f"{text} ({label('below' if lower else 'beyond', lang).format(beyond)})"


def lower_is_the_goal(a: Assessment) -> bool:
    """Whether ``a`` is met from above: a bound ``at_most`` (a ceiling), or, without a
    bound, an indicator where lower is better (a plan's ceiling, a level to bring down)."""
    bound = a.details.get("bound") if isinstance(a.details, dict) else None
    if isinstance(bound, dict) and len(bound) == 1:
        return "at_most" in bound
    return not a.indicator.increase


def target_gap_phrase(a: Assessment, lang: str) -> str:
    """The target's gap for ``show`` and the report's key figures: ``gap_phrase``, with the
    period for an every-period target (its gap is its latest period's); "–" beside a
    target that failed with nothing left to close (``nothing_to_close``: "beyond the
    target by 1.89 pp" beside "Not achieved" read as met, second hostile pass, and the bare
    "-1.89 pp" that replaced it contradicted the table's "–"). A plan's gap is written at the
    decimals of its figure, plan and difference beside it (views.plan): "-0.0049 pp" beside
    "+0.005 pp" contradicted it (last review, issue 17)."""
    from .views.plan import gap_decimals

    unit = a.indicator.unit_in(lang)
    places = gap_decimals(a)
    latest = a.latest.period if _gap_per_period(a) and a.latest is not None else None
    period = period_text(latest, lang) if latest is not None else None
    if a.gap is None or nothing_to_close(a):
        return "–"
    phrase = gap_phrase(a.gap, unit, lang, places, lower_is_the_goal(a))
    if period is None:
        return phrase
    return f"{phrase} ({period})" if a.gap >= 0 else phrase.replace(" (", f" ({period}: ", 1)


def reached_text(a: Assessment, lang: str) -> str:
    """The share of the target reached, under its own label ("reached 55.6%"); "" when the
    kind has none (a plan of an amount or a level, or a total over a span). Only where
    more is better: 3.5 % against a poverty plan of 3 % is 116.7 % of it, and 120 of a cap
    of 100 is 120 %, and neither was "reached" (docs/decisions.md, "Numbers audit by hand")."""
    d = a.result
    share = None
    if not a.indicator.increase:
        return ""
    if isinstance(d, PlanResult):
        share = d.full.percent_of_plan if d.full is not None else None
        if share is None and a.latest is None and d.year_to_date is not None:
            share = d.year_to_date.percent_of_plan
    elif (
        isinstance(d, CumulativeResult)
        and d.bound.at_least
        and d.figures is not None
        and d.figures.share_of_target is not None
    ):
        share = hundredfold(d.figures.share_of_target)
    if share is None:
        return ""
    return f"{label('reached', lang)} {percent_reached_text(share, lang)}%"


# The kinds with no milestones, whose missed deadlines are periods missed in show and the
# report ("Periods missed"), as missed_text's marker says for every kind but a level
# target; an Open SDG target's target year keeps the word milestone (last review, issue 17).
PERIOD_KINDS = ("every_period", "average", "cumulative", "plan")


# The periods a status cell's "missed" or "awaiting" list names before it counts the rest,
# and the headline's list of a span's awaited years with it (one rule, issue 17).
SHOWN_PERIODS = 3


def first_of(periods: Sequence[str], most: int = SHOWN_PERIODS) -> str:
    """``periods`` joined, the first ``most`` of them and the count of the rest: "2022,
    2023, 2024 +2"."""
    return ", ".join(periods[:most]) + (f" +{len(periods) - most}" if len(periods) > most else "")


def missed_text(a: Assessment, lang: str, most: int = SHOWN_PERIODS) -> str:
    """ "✗ missed 2025": the deadlines passed unmet, kept beside the headline status after
    it moves on to the next milestone; "" when none. More than ``most`` are counted."""
    # The headline's own deadline, when missed, is already said by "Not achieved"; the
    # marker names the others: a milestone the headline has moved on from, or the failed
    # periods of an every-period target (docs/decisions.md).
    own = a.next_milestone.by if a.next_milestone is not None else None
    from .views import view_of

    if view_of(a).one_deadline:
        own = a.missed_milestones[-1] if a.missed_milestones else None
    periods = [period_text(p, lang) for p in a.missed_milestones if a.status.value != "not_achieved" or p != own]
    if not periods:
        return ""
    shown = first_of(periods, most)
    # A level target misses a milestone; the other kinds a period (an every-period target's
    # failed year), which the Vietnamese catalog does not call a milestone.
    word = "missed" if isinstance(a.target, LevelTarget) else "missed_period"
    if word == "missed_period" and periods_in_words():
        # A period in words names its kind itself (Q2 2025): the Vietnamese word for
        # "period" before it would say it twice; a code (2025-Q2) needs it.
        word = "missed_period_named"
    return f"✗ {label(word, lang)} {shown}"


def awaiting_text(a: Assessment, lang: str, most: int = SHOWN_PERIODS) -> str:
    """ "⌛ awaiting figure 2025": deadlines passed with no figure recorded for them yet,
    beside a status that is still read on an earlier figure; "" when none."""
    from .withdrawn import awaited_runs

    periods = awaited_runs(a, a.awaiting_figures, lang)
    if not periods:
        return ""
    shown = first_of(periods, most)
    return f"⌛ {label('awaiting', lang)} {shown}"


def sparkline(values: Sequence[float]) -> str:
    """Eight-level bars of the values, lowest to highest."""
    if not values:
        return ""
    lo, hi = min(values), max(values)
    if hi == lo:
        return _BARS[3] * len(values)
    # Halves first: -1.5e308 to 1.5e308 is a range past the largest float, half of it not.
    span = hi / 2 - lo / 2
    return "".join(_BARS[min(7, int((v / 2 - lo / 2) / span * 7 + 0.5))] for v in values)


def status_cells(
    a: Assessment,
    lang: str,
    rows: Sequence[Observation],
    revised: Mapping[str, float | None] | None = None,
    key: str | None = None,
    whence: Mapping[str, tuple[str, str]] | None = None,
    dimensions: Mapping[str, Dimension] | None = None,
) -> tuple[Cell, ...]:
    """One row of the terminal's status table: target, latest, trend, goal, gap, P, status.

    ``rows`` is the indicator's series in force; the trend is its last eight full years.
    ``revised``: by period (its text), the value each figure of the target's series in
    force replaced (``method.history.revised_values``, by the day the table speaks of); a
    figure shown that replaced one is followed by a note piece (``revision_note``) naming
    the series ``key`` (default the target's; a unit's row of ``status --by``, the unit's),
    and ``whence`` says where each figure replaced came from (``revision_note``). With
    the plan's ``dimensions``, a unit in the notes is named as the report's tables name it
    (``legend_names.series_name``); the status cache passes them too (cache/entries.py).
    """
    from .views.plan import figure_decimals
    from .views.sums import not_counted_sentences
    from .withdrawn import NOT_COUNTED_NOTE, withdrawal_notes

    from .legend_names import series_name

    unit = a.indicator.unit_in(lang)
    key = key or a.target.series_key
    name = series_name(a.indicator, key, lang, dimensions)  # the legend's words for the series
    # The figures withdrawn that the status touches, marked on the first figure shown (or
    # on "–"), their legend under their own heading (issue 17, twentieth session).
    gone = tuple((text, "note") for text in withdrawal_notes(a, key, lang, dimensions=dimensions))
    latest: list[tuple[str, str]] = []
    if a.latest is not None:
        places = figure_decimals(a, a.latest)
        # An estimate said to be one, as the reports and `show` say it (i18n.with_kind).
        period = with_kind(a.latest.status, sum_marked(a.latest, str(a.latest.period), lang), lang)
        latest.extend(_figure(a.latest, period, "", name, revised, unit, lang, places, gone, whence))
        gone = ()
    if a.provisional is not None:
        if latest:
            latest.append(("\n", ""))
        period = with_kind(
            a.provisional.status,
            sum_marked(a.provisional, f"{a.provisional.period}, {label('provisional', lang)}", lang),
            lang,
        )
        places = figure_decimals(a, a.provisional)
        # A flow's figures recorded in the plan's period and not added to the reading,
        # said under the table as show says them (thirty-fifth session).
        left = not_counted_sentences(a, lang, part=f"{name} ")
        gone += tuple((NOT_COUNTED_NOTE + text, "note") for text in left)
        latest.extend(_figure(a.provisional, period, "provisional", name, revised, unit, lang, places, gone, whence))
        gone = ()
    if not latest:
        latest.append(("–", "muted"))
        latest.extend(gone)
    years = [o.value for o in rows if o.period.is_year][-8:]
    return (
        (((a.target.name or a.indicator.name).get(lang), ""), (f"\n{a.target.id}", "muted")),
        tuple(latest),
        ((sparkline(years), "trend"),),
        _goal_cell(a, lang),
        ((gap_text(a, lang), ""),),
        ((progress_text(a.progress_value, lang, a.pace_within), ""),),
        _status_cell(a, lang),
    )


def sum_marked(o: Observation, period: str, lang: str) -> str:
    """``period`` as written beside ``o``, followed by "periods added up" when ``o`` is the
    months (or quarters) a plan added up, not a figure published for it (twenty-first
    session): "100 billion USD (2025-Q1, periods added up)"."""
    if input_added_up(o):  # a derived figure worked out from a sum: said so, not as one
        return f"{period}, {label('input_added_up', lang)}"
    return f"{period}, {label('added_up', lang)}" if added_up(o) else period


def _figure(
    o: Observation,
    period: str,
    role: str,
    key: str,
    revised: Mapping[str, float | None] | None,
    unit: str,
    lang: str,
    decimals: int = 2,
    gone: tuple[tuple[str, str], ...] = (),
    whence: Mapping[str, tuple[str, str]] | None = None,
) -> list[tuple[str, str]]:
    """ "11.03 % y/y (2023)", a figure that replaced another with its note right after the
    number, "11.03[1] % y/y (2023)": one word with it, so that the mark never wraps away
    from its figure and makes a column no wider than the number does (a mark after the
    period, "(2025-Q2)[12]", widened the narrowest a column can be, and squeezed the status).
    ``gone``: the notes of figures withdrawn (output.withdrawn), marked after it."""
    from .revision_marks import revised_places

    decimals = revised_places(o, revised, decimals)
    figure = value_with_unit(o.value, unit, lang, decimals)
    note = revision_note(key, o, revised, unit, lang, decimals, whence) + gone
    if not note:
        return [(f"{figure} ({period})", role)]
    number, space, rest = figure.partition(" ")
    return [(number, role), *note, (f"{space}{rest} ({period})", role)]


def revision_note(
    key: str,
    o: Observation,
    revised: Mapping[str, float | None] | None,
    unit: str,
    lang: str,
    decimals: int = 2,
    whence: Mapping[str, tuple[str, str]] | None = None,
    period: str | None = None,
) -> tuple[tuple[str, str], ...]:
    """The note of a figure shown that replaced an earlier one, as a piece of role "note":
    its text is the legend line, which the table numbers ("[1]") where the figure is and
    prints under it (render.status_table). None (``()``) for a first figure, and for one
    recorded after a retraction (``revised`` holds no value for it then). The two figures
    at the decimals, from the table's ``decimals``, where they differ (i18n.replacing).
    ``key`` is the series as the reader knows it (``legend_names.series_name``): "GRDP
    growth 2023: ...", "State budget revenue collected in the area (Ha Long) 2024: ...".
    ``whence``: by period's text, the source and recorded_at of the figure replaced, said
    after it (output.replaced_from; issue 17, twenty-fifth session). ``period``: the
    figure's period as the line writes it; by default a part of a year as ``period_text``
    writes it, in words in a document (the summary's legend wrote "2024-Q1" where the
    document writes "Q1 2024"), a year as its code."""
    from .i18n import kind_text
    from .replaced_from import status_replaced, with_replaced

    if added_up(o):  # a sum replaced nothing itself: its parts that revised one are said
        return _parts_notes(key, o, revised, unit, lang, whence)
    before = (revised or {}).get(str(o.period))
    if before is None or before != before:
        return ()
    shown = replacing(before, value_with_unit(o.value, unit, lang, decimals), unit, lang, o.value, decimals)
    said = [label(o.status, lang)] if o.status else []
    was = status_replaced((whence or {}).get(o.period.text))
    if was is not None and was != o.status and before == o.value:
        # The status alone changed (an estimate confirmed as official): which it replaced,
        # "estimate → official", as the since-table says it (twenty-seventh session).
        said = [f"{kind_text(was, lang)} → {kind_text(o.status, lang)}"]
    said.append(label("note_recorded", lang).format(date_text(o.recorded_at, lang)))
    source = as_given(o.source)  # as typed: the store's guard against spreadsheet formulas taken off
    where = label("note_source", lang).format(source) if source else label("note_no_source", lang)
    # A part of a year in words in a document, as its tables write it ("Q1 2024"); in
    # the terminal, and a year anywhere ("GRDP growth 2023"), its code.
    when = period or legend_period(o.period, lang)
    note = f"{key} {when}: {shown} ({', '.join(said)}; {where})"
    return ((with_replaced(note, shown.partition(" → ")[0], o.period.text, whence, lang), "note"),)


def _parts_notes(
    key: str,
    o: Observation,
    revised: Mapping[str, float | None] | None,
    unit: str,
    lang: str,
    whence: Mapping[str, tuple[str, str]] | None = None,
) -> tuple[tuple[str, str], ...]:
    """A note for each month (or quarter) of a sum qntrack added up that revised an earlier
    figure, "Exports 2025-02: 30 billion USD → revised, a part of 2025-Q1 (periods added
    up)": the sum rests on it (issue 17, twenty-second session). Then the month's figure
    in force, its status, day and source, where ``whence`` knows it (twenty-seventh
    session): the line said only the figure replaced."""
    from .i18n import typed_places
    from .parts_revised import parts_revised
    from .replaced_from import in_force_of, said_of, with_replaced

    text = label("note_part_revised", lang)
    added = label("added_up", lang)
    notes = []
    for part, before in parts_revised(o, revised):
        figure = value_with_unit(before, unit, lang, typed_places(before))
        period = period_text(o.period, lang)  # in words in a document, as revision_note's
        note = text.format(key=key, part=period_text(part, lang), before=figure, period=period, added=added)
        note = with_replaced(note, figure, part, whence, lang, part=True)
        now = in_force_of((whence or {}).get(part))
        if now is not None:
            value, status, source, at = now
            said = ", ".join([*([label(status, lang)] if status else []), said_of(source, at, lang)])
            shown = value_with_unit(value, unit, lang, typed_places(value))
            note = label("note_part_in_force", lang).format(note=note, figure=shown, said=said)
        notes.append((note, "note"))
    return tuple(notes)


def _goal_cell(a: Assessment, lang: str) -> Cell:
    reached = reached_text(a, lang)
    if not reached:
        return ((goal_text(a, lang), ""),)
    return ((goal_text(a, lang), ""), ("\n" + reached, "muted"))


def _status_cell(a: Assessment, lang: str) -> Cell:
    status = (status_label(a.status.value, lang), f"status:{a.status.value}")
    cell: tuple[tuple[str, str], ...] = (status,)
    why = reason_word(a.reason, lang, bool(a.withdrawn)) if a.status.value == "not_available" else ""
    if why:  # what "Not available" is for, before the marks that follow any status
        cell += (("\n" + why, "muted"),)
    missed = missed_text(a, lang)
    if missed:
        cell += (("\n" + missed, "status:not_achieved"),)
    awaiting = awaiting_text(a, lang)
    if awaiting:
        cell += (("\n" + awaiting, "muted"),)
    return cell


def reason_word(reason: str | None, lang: str, withdrawn: bool = False) -> str:
    """Why a target is not available, in a word (``no_figures``: "no figure yet"), under
    "Not available" in the status table, as the JSON's ``reason`` says it to a program
    and ``show`` in a sentence: the table alone had said nothing of why (issue 17,
    twenty-sixth session). "" for no reason, or a code the catalog has no word for.
    ``withdrawn``: figures were withdrawn from the series, so ``no_figures`` means every
    one was ("all figures withdrawn", as the reports say it; forty-fourth session)."""
    from ..catalog import catalog

    if reason == "no_figures" and withdrawn:
        reason = "all_withdrawn"
    key = "label_why_" + (reason or "")
    return catalog(lang).get(key, "") if reason else ""
