"""Withdrawing a figure from the command line and saying what went (``retract``, and
``add-observation`` of an empty value with status retracted): the confirmation, the day in
UTC, what the retraction took with it (files.retract_notes) and cmd's quotes. Apart from
cli/recording.py, which defines the two commands, to keep each module small."""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from .arguments import _typed_period
from .printing import _say
from .recorded import say_kept_quotes

if TYPE_CHECKING:
    from ..files.retracting import Retracted
    from ..catalog import Message

__all__ = ["withdraw_and_say", "say_batch_notes"]


def withdraw_and_say(
    targets: str | None,
    indicator: str,
    period: str,
    source: str,
    note: str,
    recorded_at: str | None,
    force: bool,
    dims: tuple[tuple[str, str], ...],
    tz: str | None,
    command: str = "retract",
    dry_run: bool = False,
) -> Retracted:
    """Withdraw the figure in force (files.retracting.retract) and say what was withdrawn;
    ``command`` names the command in a period's error. ``dry_run``: only judged (an error
    if the retraction would be refused) and nothing written; ``retract --dry-run`` says
    what it would withdraw, add-observation's own dry run its row. Returns what was (or
    would be) withdrawn, for add-observation's --format to print its row."""
    from ..catalog import Day, Figure, msg
    from ..files.shown_days import shown_day
    from ..files.retracting import retract as withdraw

    done = withdraw(
        targets,
        indicator,
        _typed_period(period.strip(), command, targets=targets),
        source,
        note,
        recorded_at or None,
        force=force,
        dims=dims,
        tz=tz,
        command=command,
        dry_run=dry_run,
    )
    path, row, was = done
    notes = done.notes  # a year its parts made, a figure derived from it, gone with it
    if dry_run:
        if command == "retract":  # add-observation's retraction says its row as it says any
            # The day, as the notes after it and an import's withdrawal lines say theirs.
            figure = {"value": Figure(was.value), "recorded_at": Day(shown_day(was.recorded_at))}
            _say(msg("cli_retract_dry_run", indicator=was.indicator, period=was.period, path=path, **figure))
        for said in notes:
            _say(said)
        return done
    _say(
        msg(
            "cli_retracted",
            indicator=was.indicator,
            period=was.period,
            value=Figure(was.value),
            recorded_at=Day(shown_day(was.recorded_at)),
            path=path,
        )
    )
    from .recorded import say_utc_day

    say_utc_day(recorded_at or "", row.recorded_at)  # typed in Hanoi time, a UTC day before
    for said in notes:
        _say(said)
    say_kept_quotes(source, note)
    return done


def say_batch_notes(notes: Sequence[Message]) -> None:
    """What an import's retractions take with them (a figure revised that does not come
    back, a year its parts made, a derived figure, a target's status), said as `retract`
    says it of one (``ImportResult.retraction_notes``). An import listed "withdrawing 41"
    and no more (twenty-ninth session)."""
    for said in notes:
        _say(said)
