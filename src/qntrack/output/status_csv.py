"""The rows of ``status --format csv|tsv`` (written by ``output.tables``): one a target,
its columns only ever added at the end (docs/json.md, "CSV and TSV"). Moved out of
formats.py, which names them too (issue 17, nineteenth session)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable, Mapping, Sequence

if TYPE_CHECKING:  # annotations only: a status served by the cache needs no assessment
    from ..method.assessment import Assessment
    from ..plan.periods import Period
    from .formats import Revised, Whence
    from ..plan.model import Observation, Text

__all__ = ["STATUS_COLUMNS", "not_counted_cell", "status_rows"]


def _period(p: Period | None) -> str | None:
    return str(p) if p is not None else None


STATUS_COLUMNS = (
    "id",
    "type",
    "indicator",
    "name",
    "unit",
    "status",
    "score",
    "progress_value",
    "latest_period",
    "latest_value",
    "next_milestone",
    "next_value",
    "gap",
    "source",
    # Added after the first columns, never between them: scripts that read by position
    # keep working (docs/json.md, "CSV and TSV").
    "missed_milestones",
    # Each kind's key figures (docs/json.md, "CSV and TSV"), named as in the JSON: empty
    # where the kind has no such figure.
    "reason",
    "bound_kind",
    "bound",
    "from",
    "to",
    "plan_period",
    "plan",
    "percent_of_plan",
    "difference",
    "year_to_date_period",
    "year_to_date_value",
    "year_to_date_percent_of_plan",
    "average",
    "required_rate_remaining",
    "total",
    "share_of_target",
    "share_of_time",
    "needed_per_remaining_period",
    "passed",
    "failed",
    "first_failure",
    "streak",
    # Deadlines passed with no figure yet (docs/json.md), joined by ';' as missed_milestones.
    "awaiting_figures",
    # The latest figure's vintage, as JSON's latest has it: a row of a spreadsheet can be
    # cited, and an estimate told from an official figure (issue 17, sixteenth session).
    "latest_status",
    "latest_source",
    "latest_recorded_at",
    # The value the latest figure replaced, JSON's latest.revises (issue 17, eighteenth
    # session); empty for a first figure.
    "latest_revises",
    # The provisional reading, JSON's provisional (a plan's year-to-date figure, judged during
    # the year; a part-year reading after the latest full year, shown by the table): cited
    # as the latest figure is (issue 17, nineteenth session).
    "provisional_period",
    "provisional_value",
    "provisional_status",
    "provisional_source",
    "provisional_recorded_at",
    "provisional_revises",
    # The periods of the target whose figure was withdrawn (a retraction in force, or the
    # one the figure in force followed), joined by ';': JSON's withdrawn (issue 17,
    # twentieth session).
    "withdrawn",
    # JSON's direction: a ceiling (a plan or a level "at most", lower is better: decrease)
    # told from a floor, whose plan, difference and gap read alike otherwise; and the
    # periods of the milestones the row was judged on, joined by ';': an ended unit's (status
    # --by), those due while it existed, which the table says in words (issue 17,
    # twenty-first session).
    "direction",
    "milestones",
    # The target's Vietnamese name, JSON's names.vi (name is the English, whatever --lang
    # says), as the groups' CSV has name_vi (issue 17, twenty-first session).
    "name_vi",
    # JSON's parts_revised of the latest figure and of the provisional reading: the months
    # (or quarters) of a sum qntrack added up whose figure in force replaced an earlier one,
    # each "period=the value replaced", joined by ';'; empty for a sum none of whose parts
    # was revised and for a figure published for its period (issue 17, twenty-third session).
    "latest_parts_revised",
    "provisional_parts_revised",
    # The --as-of day, JSON's as_of, on every row (empty without --as-of, as JSON's null): a
    # CSV of a past day pasted into a spreadsheet or a story says which day it describes
    # (issue 17, twenty-fourth session).
    "as_of",
    # Where the figure latest_revises and provisional_revises name came from: the source
    # and recorded_at of the vintage replaced, as JSON's revises_source and
    # revises_recorded_at (a story citing a revision names both publications); empty when
    # the figure replaced none (issue 17, twenty-fifth session).
    "latest_revises_source",
    "latest_revises_recorded_at",
    "provisional_revises_source",
    "provisional_revises_recorded_at",
    # The status of the vintage each replaced, as JSON's revises_status: an estimate
    # confirmed as official reads "estimate" here (issue 17, twenty-seventh session).
    "latest_revises_status",
    "provisional_revises_status",
    # The target's source in Vietnamese, JSON's source_names.vi (source is the English,
    # whatever --lang says), as name_vi is beside name (issue 17, twenty-eighth session).
    "source_vi",
    # The target's note and its indicator's description, English then Vietnamese, as JSON's
    # note_names and description_names (issue 17, twenty-ninth session): a spreadsheet of
    # the targets carries their caveats as the reports do.
    "note",
    "note_vi",
    "description",
    "description_vi",
    # A flow plan's figures recorded in its period and not counted in its reading, as JSON's
    # details.year_to_date.not_counted (issue 17, thirty-sixth session): "2024-08=50
    # no_period;2024-09=20 period_missing 2024-08" (not_counted_cell).
    "not_counted",
    # The note of the figure judged and of the provisional reading, JSON's latest.note and
    # provisional.note: the caveat the store keeps beside the figure ("publication date
    # approximate", "revised down after the audit") goes with the figure cited (session 46).
    "latest_note",
    "provisional_note",
)


def _key_figures(a: Assessment) -> tuple[Any, ...]:
    """The kind's figures of ``details``, in the order of the last STATUS_COLUMNS."""
    d = a.details
    bound = d.get("bound") or {}
    ((keyword, value),) = bound.items() if bound else ((None, None),)
    ytd = d.get("year_to_date") or {}
    plan = "plan" in d
    return (
        a.reason,
        keyword,
        value,
        d.get("from"),
        d.get("to"),
        d.get("period") if plan else None,
        d.get("plan"),
        d.get("percent_of_plan"),
        d.get("difference"),
        ytd.get("period"),
        ytd.get("value"),
        ytd.get("percent_of_plan"),
        d.get("average"),
        d.get("required_rate_remaining"),
        d.get("total"),
        d.get("share_of_target"),
        d.get("share_of_time"),
        d.get("needed_per_remaining_period"),
        d.get("passed"),
        d.get("failed"),
        d.get("first_failure"),
        d.get("streak"),
    )


def status_rows(
    assessments: Iterable[Assessment],
    revised: Revised | None = None,
    keys: Sequence[str] | None = None,
    as_of: str | None = None,
    whence: Whence | None = None,
) -> Iterable[Sequence[Any]]:
    """The status CSV/TSV's header, then a row per assessment; ``revised`` and ``whence``
    as ``assessment_dict``'s, by ``keys`` (an assessment's series; default its target's);
    ``as_of`` the --as-of day each row ends with, before where the figures replaced came from."""
    yield STATUS_COLUMNS
    for i, a in enumerate(assessments):
        key = keys[i] if keys else a.target.series_key
        mine = (revised or {}).get(key, {})
        mine_from = (whence or {}).get(key)
        nxt = a.next_milestone
        names = a.target.name or a.indicator.name
        yield (
            a.target.id,
            a.target.kind,
            a.indicator.id,
            names.en,
            a.indicator.unit,
            a.status.value,
            a.score,
            a.progress_value,
            _period(a.latest.period) if a.latest else None,
            a.latest.value if a.latest else None,
            _period(nxt.by) if nxt else None,
            nxt.value if nxt else None,
            a.gap,
            a.target.source.en if a.target.source else "",  # English, as name is (name_vi beside it)
            ";".join(str(p) for p in a.missed_milestones),
            *_key_figures(a),
            ";".join(str(p) for p in a.awaiting_figures),
            (a.latest.status or None) if a.latest else None,
            (a.latest.source or None) if a.latest else None,
            (a.latest.recorded_at or None) if a.latest else None,
            mine.get(a.latest.period.text) if a.latest else None,
            *_provisional(a, mine),
            ";".join(w.retraction.period.text for w in a.withdrawn),
            a.indicator.direction.value,
            ";".join(str(m.by) for m in a.milestones),
            names.vi,
            _parts(a.latest, mine),
            _parts(a.provisional, mine),
            as_of,
            *_whence(a.latest, mine, mine_from),
            *_whence(a.provisional, mine, mine_from),
            _status_replaced(a.latest, mine, mine_from),
            _status_replaced(a.provisional, mine, mine_from),
            a.target.source.vi if a.target.source else "",
            *_both(a.target.note),
            *_both(a.indicator.description),
            not_counted_cell(((a.details.get("year_to_date") or {}).get("not_counted")) or ()),
            (a.latest.note or None) if a.latest else None,
            (a.provisional.note or None) if a.provisional else None,
        )


def not_counted_cell(items: Iterable[Mapping[str, Any]]) -> str | None:
    """JSON's ``not_counted`` as one cell of the status and rank CSVs: each item
    ``period=value why``, then the period missing where one stopped the sum, joined by
    ``;`` ("2024-08=50 no_period;2024-09=20 period_missing 2024-08"); None for none. A
    reader splits it by ``;``, then ``=``, then spaces: no period, value or reason holds one."""
    from ..files.store import format_value

    cells = (
        " ".join([f"{i['period']}={format_value(i['value'])}", i["why"], *([i["missing"]] if i["missing"] else [])])
        for i in items
    )
    return ";".join(cells) or None


def _both(text: Text | None) -> tuple[str, str]:
    """A text's English and Vietnamese cells, empty for none."""
    return ("", "") if text is None else (text.en, text.vi)


def _whence(
    o: Observation | None, revised: Mapping[str, float | None], whence: Mapping[str, tuple[str, str]] | None
) -> tuple[str | None, str | None]:
    """The source and recorded_at of the vintage ``o`` replaced, as JSON's
    ``revises_source`` and ``revises_recorded_at``; empty when it replaced none."""
    if o is None or not whence or revised.get(o.period.text) is None:
        return (None, None)
    was = whence.get(o.period.text)
    return (None, None) if was is None else (was[0] or None, was[1] or None)


def _status_replaced(
    o: Observation | None, revised: Mapping[str, float | None], whence: Mapping[str, tuple[str, str]] | None
) -> str | None:
    """The status of the vintage ``o`` replaced, as JSON's ``revises_status``; empty when it
    replaced none or none was stated."""
    from .replaced_from import status_replaced

    if o is None or not whence or revised.get(o.period.text) is None:
        return None
    return status_replaced(whence.get(o.period.text)) or None


def _parts(o: Observation | None, revised: Mapping[str, float | None]) -> str | None:
    """``parts_revised`` of ``o`` as one cell: "2025-02=30;2025-03=12", None without any."""
    if o is None or not revised:
        return None  # most series: nothing of theirs revised, and nothing to import
    from ..files.store import format_value
    from .parts_revised import parts_revised

    return ";".join(f"{p}={format_value(v)}" for p, v in parts_revised(o, revised)) or None


def _provisional(a: Assessment, revised: Mapping[str, float | None]) -> tuple[Any, ...]:
    """The last STATUS_COLUMNS: the provisional reading's period, value, vintage and the
    value it replaced, as JSON's ``provisional``; empty without one."""
    p = a.provisional
    if p is None:
        return (None,) * 6
    return (
        _period(p.period),
        p.value,
        p.status or None,
        p.source or None,
        p.recorded_at or None,
        revised.get(p.period.text),
    )
