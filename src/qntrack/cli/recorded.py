"""What ``add-observation`` says once the store has answered: the line that sums up what
was added and left out, the figure left out as already recorded, and the warnings of rows
that jump, come before the figure in force or repeat a vintage no longer in force (at
most ``JUMP_WARNINGS_SHOWN`` of each kind).
All of it on stderr, in the message catalog's words."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, Sequence

from .printing import _report, _say
from .session import _message_lang

if TYPE_CHECKING:
    from ..catalog import Message
    from ..plan.model import Observation, Problem

JUMP_WARNINGS_SHOWN = 20


class Said(NamedTuple):
    """What was recorded, as the summary line needs it."""

    path: Path
    rows: Sequence[Observation]  # added (or, in a dry run, that would be)
    skipped: int  # left out: already recorded, or repeating an earlier row of the file
    repeated: int  # of ``skipped``, those repeating an earlier row of the file only
    known: Sequence[Observation]  # a single figure left out as already recorded
    vintages: Sequence[tuple[Observation | None, Observation | None]]  # the single figure's
    from_file: str | None  # the file imported ("-": standard input), None for one figure
    dry_run: bool
    revising: Observation | None = None  # the figure in force the single figure revises
    typed_at: str = ""  # the single figure's --recorded-at as typed ("": none, now)
    # An import's rows that revise a vintage recorded before them, with it (Recorded.revised)
    revised: Sequence[tuple[Observation, Observation]] = ()
    # An import's retractions, with the figure each withdraws (Recorded.withdrew)
    withdrew: Sequence[tuple[Observation, Observation]] = ()


REVISIONS_SHOWN = 5  # an import's revisions named one a line; the rest counted
# Where the rest are: history, once recorded; a dry run's rows are in no history, and its
# JSON gives each with what it replaces (its revises).
_MORE = {False: "cli_revises_more", True: "cli_revises_more_dry_run"}


def say_recorded(
    said: Said, warnings: Sequence[Problem], notes: Sequence[Problem], read: Sequence[Problem] = ()
) -> None:
    """The summary line, then what was neutralised and the warnings. ``notes``: rows left
    out whose vintage is not in force; ``read``: what reading the file warns of."""
    from ..catalog import Figure, msg

    path, rows, skipped, repeated = said.path, said.rows, said.skipped, said.repeated
    shown = "<stdin>" if said.from_file == "-" else said.from_file
    # Rows left out for an earlier row of the file are said apart from those the store
    # holds: "already recorded" alone sent the reader looking for them in the store.
    apart = {"rows": len(rows), "known": skipped - repeated, "repeated": repeated, "path": path, "file": shown}
    if said.dry_run:
        one = _revision_words(rows[0], said.revising) if said.from_file is None and rows else None
        if one is not None:  # a figure revised or put back: said as the run says it
            kind, extra = one
            shown_row = {"indicator": rows[0].indicator, "period": rows[0].period, "value": Figure(rows[0].value)}
            _say(msg(f"cli_dry_run_one_{kind}", **shown_row, path=path, **extra))
        elif repeated:
            _say(msg("cli_dry_run_repeats", **apart))
        else:
            _say(msg("cli_dry_run", rows=len(rows), skipped=skipped, path=path))
        if said.from_file is None and rows:  # the day it would count on, as the run says it
            say_utc_day(said.typed_at, rows[0].recorded_at)
    elif said.known and not rows:
        _say_already_recorded(said.known, said.vintages, path)
    elif not rows and skipped:
        _say(msg("cli_all_already_recorded", skipped=skipped, path=path))
    elif not rows:
        # A header and no rows, e.g. a filter that matched nothing: not an error (issue 12).
        _say(msg("cli_header_only", file=shown))
    elif said.from_file is None:
        # What was stored (2024-H1, 1000), not what was typed (2024-6M, 1.000,0).
        stored = rows[0]
        added = {"indicator": stored.indicator, "period": stored.period, "value": Figure(stored.value), "path": path}
        one = _revision_words(stored, said.revising)
        _say(msg("cli_added_one", **added) if one is None else msg(f"cli_added_one_{one[0]}", **added, **one[1]))
        say_utc_day(said.typed_at, stored.recorded_at)
    elif repeated:
        _say(msg("cli_added_repeats", **apart))
    else:
        _say(msg("cli_added_many", rows=len(rows), skipped=skipped, path=path))
    if said.from_file is not None and said.revised:
        _say_revisions(said.revised, said.dry_run)
    if said.from_file is not None and said.withdrew:
        _say_withdrawals(said.withdrew, said.dry_run)
    _report_neutralised(rows, said.dry_run)
    _say_warnings(warnings, notes, read)


def _revision_words(stored: Observation, before: Observation | None) -> tuple[str, dict[str, object]] | None:
    """What ``stored`` does to ``before``, the vintage it takes the place of, as the run and
    its dry run say it alike: the kind of message ("revising", "after_retraction", or a
    revision of the status, source or note alone; "withdrawing" for a retraction, ``before``
    the figure it withdraws) and its words; None for a first figure."""
    from ..catalog import Day, Figure
    from ..files.shown_days import shown_day
    from ..plan.model import RETRACTED

    if before is None:
        return None
    day: dict[str, object] = {"day": Day(shown_day(before.recorded_at))}
    if stored.status == RETRACTED:  # a retraction's dry run: the figure it withdraws
        return "withdrawing", {"before": Figure(before.value), **day}
    if before.status == RETRACTED:  # a figure again, after the period's was withdrawn
        return "after_retraction", day
    alone = _revised_alone(stored, before)
    if alone is not None:
        return alone
    # A revision: the figure it takes the place of, and when that one was recorded; and its
    # status, when one was given and it changed too (an estimate replaced by the official
    # figure); a figure typed without one is warned of elsewhere (an official one retyped).
    revising = {"before": Figure(before.value), **day}
    if not stored.status or before.status == stored.status:
        return "revising", revising
    return "revising_status", {
        **revising,
        "status": _status_word(stored.status),
        "before_status": _status_word(before.status),
    }


def _say_revisions(revised: Sequence[tuple[Observation, Observation]], dry_run: bool) -> None:
    """An import's rows that revise a figure recorded before them: their count, then the
    first ``REVISIONS_SHOWN`` one a line in the single figure's words, the rest counted: an
    officer sees which published figures a file changes before and after it is imported."""
    from ..catalog import Figure, msg

    _say(msg("cli_revises_many_dry_run" if dry_run else "cli_revises_many", count=len(revised)))
    for row, before in revised[:REVISIONS_SHOWN]:
        kind, extra = _revision_words(row, before) or ("revising", {})
        key = "cli_revises_row" if kind == "revising" else f"cli_revises_row_{kind}"
        _say(msg(key, indicator=row.indicator, period=row.period, value=Figure(row.value), **extra))
    if len(revised) > REVISIONS_SHOWN:
        _say(msg(_MORE[dry_run], more=len(revised) - REVISIONS_SHOWN))


def _say_withdrawals(withdrew: Sequence[tuple[Observation, Observation]], dry_run: bool) -> None:
    """An import's retractions, after its revisions and in their words: their count, then
    the first ``REVISIONS_SHOWN`` with the figure each withdraws, the rest counted (issue
    17, twenty-seventh session: a file's retraction was said nowhere, though it takes a
    published figure out of every table)."""
    from ..catalog import Day, Figure, msg
    from ..files.shown_days import shown_day

    _say(msg("cli_withdraws_many_dry_run" if dry_run else "cli_withdraws_many", count=len(withdrew)))
    for row, was in withdrew[:REVISIONS_SHOWN]:
        figure = {"before": Figure(was.value), "day": Day(shown_day(was.recorded_at))}
        _say(msg("cli_withdraws_row", indicator=row.indicator, period=row.period, **figure))
    if len(withdrew) > REVISIONS_SHOWN:
        _say(msg(_MORE[dry_run], more=len(withdrew) - REVISIONS_SHOWN))


def _revised_alone(stored: Observation, before: Observation | None) -> tuple[str, dict[str, object]] | None:
    """When ``stored`` revises ``before`` (not a retraction) in its status, source or note
    alone, the figure staying the same: which ("status_only", "source_only", "note_only")
    and the words each says, for the run and its dry run alike; otherwise None."""
    from ..catalog import Day
    from ..files.shown_days import shown_day
    from ..plan.model import RETRACTED

    if before is None or before.status == RETRACTED or before.value != stored.value:
        return None
    day: dict[str, object] = {"day": Day(shown_day(before.recorded_at))}
    if before.status != stored.status:
        return "status_only", {
            **day,
            "status": _status_word(stored.status),
            "before_status": _status_word(before.status),
        }
    if before.source != stored.source:
        return "source_only", {**day, "source": stored.source or "-", "before_source": before.source or "-"}
    if before.note != stored.note:  # "revising 5" read as a change of the figure, which stayed 5
        return "note_only", day
    return None


def _status_word(status: str) -> Message:
    """A row's status in the reader's words, as every table says it (English's are the
    codes), an empty one "not stated"."""
    from ..catalog import msg

    return msg(f"label_{status}" if status else "label_kind_not_stated")


def say_utc_day(typed: str, stored: str) -> None:
    """A --recorded-at whose day as typed is not the day qntrack counts it on, said with
    the moment stored: without the plan's ``timezone:``, its UTC day (06:00 on 16 July in
    Hanoi is 23:00 UTC on the 15th); with it, its day in that zone (a moment typed in
    another offset), the day --as-of and every "recorded" day count it on."""
    import re

    from ..catalog import Day, Moment, msg
    from ..files.shown_days import shown_day, shown_zone

    local, day, zone = typed.strip()[:10], shown_day(stored), shown_zone()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", local) and local != day:
        from ..method.recorded_days import zone_name

        key, where = ("cli_recorded_zone_day", {"zone": zone_name(zone)}) if zone else ("cli_recorded_other_day", {})
        _say(msg(key, stored=Moment(stored), typed=typed.strip(), day=day, shown=Day(day), **where))


def _say_already_recorded(
    known: Sequence[Observation],
    vintages: Sequence[tuple[Observation | None, Observation | None]],
    path: Path,
) -> None:
    """A single figure left out as already recorded: the stored vintage it repeats (its own
    recorded_at and line), not the row typed, and which figure is in force if not that one."""
    from ..catalog import Figure, Moment, msg
    from ..catalog import render as render_message
    from ..method.history import figure_in_force
    from ..output.i18n import label
    from ..plan.model import RETRACTED

    stored, current = vintages[0] if vintages else (None, None)
    o = stored or known[0]
    # Not said when the vintage in force holds this very figure (history.figure_in_force).
    if stored is not None and current is not None and not figure_in_force(stored, current):
        # Not the figure in force: say which is, and how to put this one back.
        # The status in the reader's words, as below and as every table says it.
        status = label(o.status, _message_lang()) if o.status else ""
        given = ", ".join(t for t in (status, o.source) if t)
        now = msg("label_retracted") if current.status == RETRACTED else Figure(current.value)
        _say(
            msg(
                "cli_already_recorded_not_in_force",
                indicator=o.indicator,
                period=o.period,
                value=Figure(o.value),
                given=given,
                path=path,
                line=o.line,
                at=o.recorded_at,
                current=now,
                current_at=current.recorded_at,
            )
        )
    else:
        # The status in the reader's words, as tables say it (its Vietnamese word for the
        # stored "preliminary"; English words are the codes), the source as stored, the
        # moment as the reader writes dates.
        lang = _message_lang()
        recorded = render_message(msg("cli_recorded_at", at=Moment(o.recorded_at)), lang)
        status = label(o.status, lang) if o.status else ""
        given = ", ".join(t for t in (status, o.source, recorded) if t)
        _say(
            msg(
                "cli_already_recorded",
                indicator=o.indicator,
                period=o.period,
                value=Figure(o.value),
                given=given,
                path=path,
            )
        )
    typed = known[0] if known else None
    if typed is not None and typed.note and stored is not None and typed.note != stored.note:
        # The note does not count in "already recorded" (history.already_recorded): said, so
        # that the officer does not take the note for kept.
        _say(msg("cli_already_recorded_note_not_stored", note=typed.note))


def _say_warnings(warnings: Sequence[Problem], notes: Sequence[Problem], read: Sequence[Problem]) -> None:
    """A figure far from the one on record is recorded (a real jump must stay recordable),
    with one warning on stderr; the exit code stays 0 (checks.entry_jump_problems). A batch
    in another unit would warn on every row: the first few say it, check lists all. The
    same for rows left out whose vintage is not in force. What reading the file warns of
    (a name read as an id, a sheet passed over) is said whole, one line each: it is not
    rows of one kind, and was summed up as rows not in force past the twentieth. One
    count ends them all: each group ending with its own undercounted the warnings shown."""
    from ..catalog import msg

    # Each kind counted apart (a row can jump and be an earlier vintage too): one count of
    # all of them, said as jumps, hid every earlier vintage past the twentieth warning.
    kinds: dict[str, list[Problem]] = {}
    for w in warnings:
        kinds.setdefault(_kind(w), []).append(w)
    shown = {id(w) for group in kinds.values() for w in group[:JUMP_WARNINGS_SHOWN]}
    _report([w for w in warnings if id(w) in shown], totals=False)
    for kind, group in kinds.items():
        if len(group) > JUMP_WARNINGS_SHOWN:
            _say(msg(kind, more=len(group) - JUMP_WARNINGS_SHOWN))
    _report(list(read), totals=False)
    _report(list(notes[:JUMP_WARNINGS_SHOWN]), totals=False)
    if len(notes) > JUMP_WARNINGS_SHOWN:
        _say(msg("cli_more_not_in_force", more=len(notes) - JUMP_WARNINGS_SHOWN))
    count = len(warnings) + len(read) + len(notes)
    if count > 1:
        _say(msg("totals", errors=0, warnings=count))


def _kind(warning: Problem) -> str:
    """The message that counts the warnings of ``warning``'s kind past the first few."""
    said = getattr(warning.message, "id", "")
    if said.startswith("recording_jump_"):
        return "cli_more_jumps"
    if said.startswith("recording_earlier_"):
        return "cli_more_earlier_vintages"
    return "cli_more_entry_warnings"


def not_in_force_notes(vintages: Sequence[tuple[Observation | None, Observation | None]], path: Path) -> list[Problem]:
    """One note per imported row left out as recorded whose stored vintage is not in force."""
    from ..catalog import Figure, msg
    from ..method.history import figure_in_force
    from ..plan.model import RETRACTED, Location, Problem

    notes: list[Problem] = []
    for stored, current in vintages:
        if stored is None or current is None or figure_in_force(stored, current):
            continue
        now = msg("label_retracted") if current.status == RETRACTED else Figure(current.value)
        notes.append(
            Problem(
                Location(str(path), stored.line),
                msg(
                    "cli_skipped_not_in_force",
                    indicator=stored.indicator,
                    period=stored.period,
                    value=Figure(stored.value),
                    at=stored.recorded_at,
                    current=now,
                    current_at=current.recorded_at,
                ),
                severity="warning",
            )
        )
    return notes


def _report_neutralised(rows: Sequence[Observation], dry_run: bool) -> None:
    """Say when a source or note was stored with an apostrophe that this command put before
    it (rules.given_text): one given with it, as the observations CSV qntrack wrote holds
    it, is stored as it came and not said."""
    from ..files.rules import NEUTRALISED

    added = NEUTRALISED.get() or set()
    count = sum(1 for o in rows for text in (o.source, o.note) if text in added) if added else 0
    if count:
        from ..catalog import msg

        _say(msg("cli_neutralised_dry_run", count=count) if dry_run else msg("cli_neutralised", count=count))


def say_kept_quotes(source: str, note: str, rows: Sequence[Observation] | None = None) -> None:
    """A ``--source`` or ``--note`` given in single quotes, which Windows' cmd passes on as
    letters (``--source 'GSO'`` stores 'GSO', quotes and all): a warning naming the option
    and the double-quoted form (issue 17, twenty-sixth session). The text is stored as
    typed: qntrack cannot know the shell, and a text is never changed in silence nor
    guessed at; typed again with double quotes, the later row is the one in force. Only a
    text without a space or another single quote inside: cmd splits at spaces, so its
    quotes can only be around one word, and a text such as 'Vision' and 'Plan' was meant.
    ``rows``: those an import adds (or would), when the texts are the file's rows' defaults:
    a text no row takes (each has its own) is stored nowhere, and not said."""
    import re

    from ..catalog import msg
    from ..plan.model import Location, Problem

    kept = [
        Problem(
            Location(option),
            msg("cli_single_quotes_text", value=text, option=option, fixed=f'"{text[1:-1]}"'),
            "warning",
        )
        for option, field, text in (("--source", "source", source), ("--note", "note", note))
        if len(text) > 2
        and text[0] == text[-1] == "'"
        and re.fullmatch(r"[^\s']+", text[1:-1])
        and (rows is None or any(getattr(o, field) == text for o in rows))
    ]
    _report(kept, totals=False)
