"""A figure published, then withdrawn (a retraction in force, ``method.withdrawals.withdrawn``):
what ``show`` and the report say of it, in its period's place and in a sentence, so that it
is never read as a figure not recorded yet (issue 17, nineteenth session). No Rich here:
both the terminal and the documents use it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Mapping, Sequence

from .i18n import date_text, replacing, typed_places, value_with_unit
from .period_words import legend_period

if TYPE_CHECKING:
    from ..method.assessment import Assessment
    from ..method.withdrawals import Withdrawal
    from ..plan.model import Observation
    from ..plan.periods import Period
    from ..plan.units import Dimension

__all__ = [
    "NOT_COUNTED_NOTE",
    "WITHDRAWN_NOTE",
    "in_place",
    "withdrawn_value",
    "withdrawn_sentence",
    "where_withdrawn_from",
    "with_withdrawn_sentences",
    "withdrawal_note",
    "withdrawal_notes",
    "legend_groups",
    "awaited",
]


def in_place(rows: Sequence[Observation], withdrawn: Sequence[Observation]) -> list[Observation]:
    """``rows`` in their order, each retraction in ``withdrawn`` before the first row of a
    later period (so in its period's place)."""
    out = list(rows)
    for o in withdrawn:
        at = next((i for i, r in enumerate(out) if r.period.sort_key > o.period.sort_key), len(out))
        out.insert(at, o)
    return out


def withdrawn_value(value: float | None, unit: str, lang: str) -> str:
    """The value cell of a withdrawn figure, "2,877.8 million USD → –", as history writes a
    retraction ("–" when it withdrew none)."""
    return replacing(value, "–", unit, lang)


def withdrawn_sentence(
    o: Observation, value: float | None, unit: str, lang: str, withdrew: Observation | None = None
) -> str:
    """ "2024: 2,877.8 million USD was withdrawn on 2025-03-01 (retracted); ...", the period
    in words, as every sentence for people writes it; then, when the figure withdrawn is
    known (``withdrew``), where it came from: "It was recorded on 2025-02-01; source: …"
    (issue 17, twenty-sixth session: a story on a withdrawn figure names its publication)."""
    from ..catalog import msg, render
    from .period_words import period_words

    # As typed, as its row writes it ("480.125 → –"): never "480.13" (forty-fourth session).
    shown = value_with_unit(value, unit, lang, typed_places(value)) if value is not None else "–"
    day = date_text(o.recorded_at, lang)
    said = render(msg("narrative_withdrawn", period=period_words(o.period, lang), value=shown, day=day), lang)
    return where_withdrawn_from(said, value, withdrew, lang)


def where_withdrawn_from(said: str, value: float | None, withdrew: Observation | None, lang: str) -> str:
    """A withdrawal's sentence ``said``, then, when the figure withdrawn is known (``withdrew``,
    of ``value``), where it was published: "It was recorded on 2025-02-01; source: …", as
    every withdrawn figure's sentence ends, its own or a derived figure's input's
    (withdrawn_inputs); its first letter a capital."""
    from ..catalog import msg, render
    from .replaced_from import said_of

    if withdrew is not None and value is not None:
        said += " " + render(
            msg("narrative_withdrawn_from", said=said_of(withdrew.source, withdrew.recorded_at, lang)), lang
        )
    return said[:1].upper() + said[1:]


def with_withdrawn_sentences(
    a: Assessment,
    sentences: Sequence[str],
    withdrawn: Sequence[tuple[Observation, float | None]],
    lang: str,
    dimensions: Mapping[str, Dimension] | None = None,
) -> list[str]:
    """The assessment's ``sentences`` (narrative.explain), then one for each withdrawn
    figure; "no figure has been recorded for this indicator yet" (reason ``no_figures``)
    becomes "no figure ... is in force; those recorded were withdrawn", which it is then."""
    if not withdrawn:
        return list(sentences)
    from .narrative import no_figures_text

    unit = a.indicator.unit_in(lang)
    said = list(sentences)
    if a.reason == "no_figures":
        none = no_figures_text(a, lang, dimensions=dimensions)
        said = [no_figures_text(a, lang, withdrawn=True, dimensions=dimensions) if t == none else t for t in said]
    said = [_awaited_withdrawn(t, {o.period for o, _ in withdrawn}, lang) for t in said]
    return said + [
        withdrawn_sentence(o, value, unit, lang, getattr(item, "withdrew", None))
        for item in withdrawn
        for o, value in [item]
    ]


# The sentences of a deadline or plan period over with no figure in force, which say it was
# "not recorded yet", and what each says when its period's figure was withdrawn instead.
_AWAITED = (
    ("narrative_awaiting_plan", "period", ("period",)),
    ("narrative_awaiting_milestone", "by", ("by", "latest", "period")),
    ("narrative_awaiting_milestone_too", "by", ("by", "goal")),
)


def _awaited_withdrawn(sentence: str, periods: set[Period], lang: str) -> str:
    """``sentence`` as is, unless it says a withdrawn period's figure is not recorded yet
    (untrue: it was recorded, then withdrawn): then the same sentence saying it was
    withdrawn. Matched on the rendered catalog sentence, its other values read back from it."""
    import re

    from ..catalog import msg, render
    from .period_words import period_words

    # The sentence's period is written as its code or in words, as the output asked.
    written = {t for p in periods for t in (str(p), period_words(p, lang))}
    for key, named, fields in _AWAITED:
        for period in written:
            marks = {f: f"\x00{i}\x00" for i, f in enumerate(fields)}
            marks[named] = period
            pattern = re.escape(render(msg(key, **marks), lang))
            for i, f in enumerate(fields):
                if f != named:
                    pattern = pattern.replace(re.escape(f"\x00{i}\x00"), f"(?P<{f}>.*?)", 1)
            found = re.fullmatch(pattern, sentence)
            if found is not None:
                values = {f: found.group(f) for f in fields if f != named}
                return render(msg(key + "_withdrawn", **{named: period}, **values), lang)
    # The span kinds' sentences name a list of periods with no figure ("2022, 2024"): said
    # withdrawn when every period listed was (issue 17, twentieth session); when some were,
    # each kind said as it is, "no figure yet for 2023, 2025, and the figure for 2024 was
    # withdrawn" (twenty-first session).
    for key, named, listed in _AWAITED_LISTS:
        marks = {f: f"\x00{i}\x00" for i, f in enumerate(listed)}
        pattern = re.escape(render(msg(key, **marks), lang))
        for i, f in enumerate(listed):
            pattern = pattern.replace(re.escape(f"\x00{i}\x00"), f"(?P<{f}>.*?)", 1)
        found = re.fullmatch(pattern, sentence)
        if found is None:
            continue
        items = found.group(named).split(", ")
        gone = [p for p in items if p in written]
        values = {f: found.group(f) for f in listed}
        if gone and len(gone) == len(items):
            return render(msg(key + "_withdrawn", **values), lang)
        if gone:
            values[named] = ", ".join(p for p in items if p not in written)
            return render(msg(key + "_mixed", **values, withdrawn=", ".join(gone)), lang)
    return sentence


# The span kinds' sentences of periods over with no figure in force, each naming a list.
_AWAITED_LISTS = (
    ("narrative_awaiting_average", "years", ("span", "years", "word", "need")),
    ("narrative_awaiting_average_one", "years", ("span", "years", "word", "need")),
    ("narrative_awaiting_periods", "periods", ("periods",)),
    ("narrative_every_missing", "periods", ("periods",)),
)


# A legend line's first character when it says a withdrawal, not a revision: the legend
# (render_notes.legend) prints such lines under their own heading, without it. Never shown.
WITHDRAWN_NOTE = "\x1e"
# A legend line's first character when it says where a figure replaced came from, under the
# report's "since the last review" table (report_since; issue 17, twenty-sixth session).
PREVIOUS_NOTE = "\x1d"
# A legend line's first character when it says a figure recorded and not counted in a plan's
# reading during its period (output.views.sums.not_counted_sentences; thirty-fifth session).
NOT_COUNTED_NOTE = "\x1c"


def withdrawal_note(key: str, w: Withdrawal, unit: str, lang: str, decimals: int = 2) -> str:
    """The legend line of a figure withdrawn (``method.withdrawals.Withdrawal``), marked with
    ``WITHDRAWN_NOTE``: "Processing and manufacturing share of GRDP 2023: 12.3 % of GRDP → – (withdrawn on 2025-09-01;
    source: DoIT)", or, when a figure was recorded again after it, "... → 12.5 % of GRDP
    (withdrawn on 2025-09-01, recorded again on 2025-10-01; source: GSO)" (the source of the
    figure in force). Written as the revision notes are (summary.revision_note)."""
    from ..catalog import msg, render
    from ..files.textfiles import as_given
    from .i18n import label

    r, now = w.retraction, w.now
    if now is None:
        shown = withdrawn_value(w.value, unit, lang)
        key_id, values = "narrative_status_note_withdrawn", {}
    else:
        shown = replacing(w.value, value_with_unit(now.value, unit, lang, decimals), unit, lang, now.value, decimals)
        if w.value is None:
            shown = f"– → {shown}"
        key_id, values = "narrative_status_note_withdrawn_again", {"again": date_text(now.recorded_at, lang)}
    source = as_given((now or r).source)
    where = label("note_source", lang).format(source) if source else label("note_no_source", lang)
    said = WITHDRAWN_NOTE + render(
        msg(
            key_id,
            key=key,
            period=legend_period(r.period, lang),
            shown=shown,
            day=date_text(r.recorded_at, lang),
            where=where,
            **values,
        ),
        lang,
    )
    if w.withdrew is None or w.value is None:
        return said
    # Where the figure withdrawn came from, after the line as it was (scripts grep it), as a
    # revision's line goes on ", replacing …" (replaced_from; issue 17, twenty-sixth session).
    from .replaced_from import said_of

    # As the line's own "99.995 → –" writes it (i18n.replacing): never "withdrawing 100"
    # where the line withdrew 99.995 (forty-fourth session).
    from .i18n import replacing_places

    places = typed_places(w.value) if now is None else replacing_places(w.value, now.value, decimals)
    before = value_with_unit(w.value, unit, lang, places)
    return label("note_withdrew", lang).format(
        note=said, before=before, said=said_of(w.withdrew.source, w.withdrew.recorded_at, lang)
    )


def withdrawal_notes(
    a: Assessment, key: str, lang: str, decimals: int = 2, dimensions: Mapping[str, Dimension] | None = None
) -> list[str]:
    """``withdrawal_note`` of each figure withdrawn that the assessment's numbers touch
    (``Assessment.withdrawn``), by period; the series ``key`` named as the reader knows
    it (``legend_names.series_name``, its units by name with the plan's ``dimensions``),
    as the revision notes name it."""
    if not a.withdrawn:
        return []
    from .legend_names import series_name

    unit, name = a.indicator.unit_in(lang), series_name(a.indicator, key, lang, dimensions)
    return [_shown_instead(a, w, withdrawal_note(name, w, unit, lang, decimals), lang) for w in a.withdrawn]


def _shown_instead(a: Assessment, w: Withdrawal, note: str, lang: str) -> str:
    """``note``, and, where the figure the row shows is an earlier period's because this one's
    was withdrawn with none recorded again ("12%[1] (2022)" after 2023's retraction), that
    said plainly: the mark on 12% was read as "12% was revised" (issue 17, thirty-second
    session)."""
    from ..method.assessment import shown_figure
    from .i18n import label

    shown, period = shown_figure(a), w.retraction.period
    if w.now is not None or w.value is None or shown is None or not shown.period < period:
        return note
    if not _why_shown(a, shown.period, period):
        return note
    return label("note_shown_instead", lang).format(
        note=note, shown=legend_period(shown.period, lang), period=legend_period(period, lang)
    )


def _why_shown(a: Assessment, shown: Period, period: Period) -> bool:
    """Whether the figure of ``period`` withdrawn is why the earlier ``shown`` is read. A
    latest figure: any later one withdrawn is (in force, it would be shown). A plan's
    year to date (``kinds.plan``): an amount's sum stops at the first month missing, so
    only a figure covering the month right after ``shown`` would have lengthened it; a
    level's reading is from the period's start, so only one from there. March, April
    and May withdrawn each said "2026-2M is shown because the 2026-04 figure was
    withdrawn", where April in force leaves 2026-2M read (forty-fourth session, pass H)."""
    from ..plan.model import PlanTarget

    if not isinstance(a.target, PlanTarget) or a.latest is not None or shown.year != period.year:
        return True
    if a.indicator.adds_up:
        return period.first <= shown.last + 1
    return period.first == shown.first


def legend_groups(notes: Sequence[str]) -> list[tuple[str, list[tuple[int, str]]]]:
    """A legend's lines by heading (a catalog label's id): the revisions' ("notes_heading")
    and the figures withdrawn ("withdrawn_heading", their lines without ``WITHDRAWN_NOTE``),
    and the since-table's figures replaced ("previous_heading", ``PREVIOUS_NOTE``), a plan's
    figures recorded and not counted ("not_counted_heading", ``NOT_COUNTED_NOTE``),
    each line with its number, the heading of mark 1 first; a heading without lines left out. The terminal's legend
    (render_notes) and the reports' (report_view.TableView.legend) print them so."""
    out = []
    marked = (WITHDRAWN_NOTE, PREVIOUS_NOTE, NOT_COUNTED_NOTE)
    for heading, mark in (
        ("notes_heading", ""),
        ("withdrawn_heading", WITHDRAWN_NOTE),
        ("previous_heading", PREVIOUS_NOTE),
        ("not_counted_heading", NOT_COUNTED_NOTE),
    ):
        mine = [
            (n, text.removeprefix(mark))
            for n, text in enumerate(notes, 1)
            if (text.startswith(mark) if mark else not text.startswith(marked))
        ]
        if mine:
            out.append((heading, mine))
    # The group whose first mark comes first in the table first: "[1]" is read before "[2]".
    return sorted(out, key=lambda group: group[1][0][0])


def awaited(
    a: Assessment, periods: Sequence[Period], lang: str, text: Callable[[Period], str] | None = None
) -> list[str]:
    """Periods awaited or without a figure ("2023", "2024"), each whose figure a retraction in
    force withdrew marked so ("2024 (withdrawn)"): "figure awaited" alone read as a figure
    not published yet (issue 17, twentieth session). ``text``: how a period is written
    (``period_text`` by default)."""
    from .i18n import label
    from .period_words import period_text

    gone = {w.retraction.period for w in a.withdrawn if w.now is None}
    write = text or (lambda p: period_text(p, lang))
    mark = f" ({label('withdrawn_mark', lang)})"
    return [write(p) + (mark if p in gone else "") for p in periods]


def awaited_runs(
    a: Assessment, periods: Sequence[Period], lang: str, text: Callable[[Period], str] | None = None
) -> list[str]:
    """``awaited``, with a run of three or more periods in a row written as one range
    ("2022–2025"): a finished span with no figure since its first year awaits every year
    after it, which listed one by one widened the status column past the trend's room at
    120 columns (issue 17, thirtieth session). A period whose figure was withdrawn stays on
    its own, marked."""
    from .period_words import period_range, period_text

    write = text or (lambda p: period_text(p, lang))
    gone = {w.retraction.period for w in a.withdrawn if w.now is None}
    out: list[str] = []
    i = 0
    while i < len(periods):
        j = i
        while (
            j + 1 < len(periods)
            and periods[i] not in gone
            and periods[j + 1] not in gone
            and _follows(periods[j], periods[j + 1])
        ):
            j += 1
        if j - i >= 2 and text is None:
            # A run of years is one span as GSO writes it ("2022–2025"), in words too: in
            # Vietnamese each end in words repeated the word for year.
            out.append(period_range(periods[i], periods[j], lang))
        elif j - i >= 2:
            out.append(f"{write(periods[i])}–{write(periods[j])}")
        else:
            out.extend(awaited(a, periods[i : j + 1], lang, text))
        i = j + 1
    return out


def _follows(p: Period, q: Period) -> bool:
    """``q`` is the period of ``p``'s length right after it (2022 then 2023, 2025-Q4 then 2026-Q1)."""
    if p.months != q.months:
        return False
    if p.last == 12:
        return q.year == p.year + 1 and q.first == 1
    return q.year == p.year and q.first == p.last + 1
