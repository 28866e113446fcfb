"""What ``record_many`` (files.recording) returns: ``Recorded``, six fields a caller
unpacks, and since issue 17's twenty-sixth session the retractions of the batch and what
they take with it (files.retract_notes)."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple, Sequence

from ..catalog import Message
from ..plan.model import Observation, Problem

__all__ = ["Recorded"]


class _Recorded(NamedTuple):
    """What ``record_many`` did: the store, the rows added (or that would be), and how
    valid rows were left out as already recorded (``history.already_recorded``)."""

    store: Path
    rows: list[Observation]
    skipped: list[Observation]
    # Rows recorded (or that would be) that jump against the figures on record: one
    # warning each (checks_jumps.entry_jump_problems); they are still recorded.
    warnings: list[Problem]
    # For each skipped row, in order: the stored vintage it repeats and the vintage in
    # force for its period (history.stored_vintage), read under the lock; (None, None)
    # where the row repeats one earlier in the batch.
    vintages: Sequence[tuple[Observation | None, Observation | None]] = ()
    # A single figure that becomes the one in force: the vintage it revises (a revision a
    # month after the estimate), or the retraction it follows (a figure put back), said
    # beside "added" (cli.recorded); None for any other.
    revising: Observation | None = None


class Recorded(_Recorded):
    """``_Recorded``'s six, unpacked as before, and two attributes (issue 17, twenty-sixth
    session): ``withdrew``, each retraction appended (or that would be) with the figure it
    withdraws, and ``notes``, from record_many, what they take with it (retract's notes)."""

    withdrew: Sequence[tuple[Observation, Observation]] = ()
    notes: Sequence[Message] = ()
