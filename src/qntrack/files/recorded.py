"""What ``record_many`` (files.recording) returns: ``Recorded``, six fields a caller
unpacks, and since issue 17's twenty-sixth session the retractions of the batch and what
they take with it (files.retract_notes)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping, NamedTuple, Sequence

from ..catalog import Message
from ..plan.model import Observation, Problem

__all__ = ["Recorded", "revisions_in"]


class _Recorded(NamedTuple):
    """What ``record_many`` did: the store, the rows added (or that would be), and how
    valid rows were left out as already recorded (``history.already_recorded``)."""

    store: Path
    rows: tuple[Observation, ...]
    skipped: tuple[Observation, ...]
    # Rows recorded (or that would be) that jump against the figures on record: one
    # warning each (checks_jumps_entry.entry_jump_problems); they are still recorded.
    warnings: tuple[Problem, ...]
    # For each skipped row, in order: the stored vintage it repeats and the vintage in
    # force for its period (history.stored_vintages), read under the lock; (None, None)
    # where the row repeats one earlier in the batch.
    vintages: tuple[tuple[Observation | None, Observation | None], ...] = ()
    # A single figure that becomes the one in force: the vintage it revises (a revision a
    # month after the estimate), or the retraction it follows (a figure put back), said
    # beside "added" (cli.recorded); None for any other.
    revising: Observation | None = None


class Recorded(_Recorded):
    """``_Recorded``'s six, unpacked as before, and three attributes: ``withdrew``, each
    retraction appended (or that would be) with the figure it withdraws, and ``notes``,
    what they take with it (retract's notes; issue 17, twenty-sixth session); ``revised``,
    each row added that takes the place of a vintage recorded before it, with that vintage
    (a figure it revises, or a retraction it follows), in the batch's order: an import says
    the first few (twenty-seventh session).

    Frozen, every sequence a tuple, as ``import_observations``' answer is: ``.rows`` was a
    list where an import's is a tuple, and ``done.notes`` could be set (thirty-sixth
    session). ``also(...)`` is a copy with some of them changed."""

    withdrew: tuple[tuple[Observation, Observation], ...] = ()
    notes: tuple[Message, ...] = ()
    revised: tuple[tuple[Observation, Observation], ...] = ()

    def __new__(
        cls,
        store: Path,
        rows: Sequence[Observation],
        skipped: Sequence[Observation],
        warnings: Sequence[Problem],
        vintages: Sequence[tuple[Observation | None, Observation | None]] = (),
        revising: Observation | None = None,
        *,
        withdrew: Sequence[tuple[Observation, Observation]] = (),
        notes: Sequence[Message] = (),
        revised: Sequence[tuple[Observation, Observation]] = (),
    ) -> Recorded:
        made = super().__new__(cls, store, tuple(rows), tuple(skipped), tuple(warnings), tuple(vintages), revising)
        object.__setattr__(made, "withdrew", tuple(withdrew))
        object.__setattr__(made, "notes", tuple(notes))
        object.__setattr__(made, "revised", tuple(revised))
        return made

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Recorded is frozen: {name} cannot be set; use .also({name}=...) for a copy")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"Recorded is frozen: {name} cannot be deleted")

    def also(self, **changes: Any) -> Recorded:
        """A copy with the fields named changed (any of the six, ``withdrew``, ``notes``,
        ``revised``), the others kept."""
        fields: dict[str, Any] = {
            **self._asdict(),
            "withdrew": self.withdrew,
            "notes": self.notes,
            "revised": self.revised,
        }
        fields.update(changes)
        return Recorded(**fields)

    def _replace(self, **changes: Any) -> Recorded:  # NamedTuple's copy: the three kept too
        return self.also(**changes)


def revisions_in(
    rows: Sequence[Observation],
    index: Mapping[tuple[str, int], Sequence[Observation]],
    found: Sequence[Sequence[Observation] | None] | None = None,
    met: Sequence[bool] | None = None,
) -> list[tuple[Observation, Observation]]:
    """Each of ``rows`` (a batch kept for the store, in its order) that comes after the
    vintage of its period in force before it, with that vintage: the latest stored one
    (``index``, history.vintage_index), or the batch's own row recorded before it (the same
    period twice in one file). A row recorded before that vintage revises nothing (it is
    never in force; checks_jumps warns of it); a retraction says what it withdraws itself,
    and is only the vintage the next row follows. A vintage whose value is no number and
    no retraction is none to revise, as ``recording._revised`` reads it. ``found``, ``met``:
    each row's stored vintages and whether another row is for its period, when known
    already (method.batch_periods.in_batch)."""
    from ..method.history import latest_vintage
    from ..plan.model import RETRACTED

    # A period the batch holds once (every row of a national import, nearly) is judged
    # where it is met, against its stored vintage in force: one pass, no list of places
    # per period and no sort of the answers. A period held twice or more keeps its rows'
    # places, judged after in the order they were recorded (issue 17, thirty-first session).
    if found is None or met is None:
        from ..method.batch_periods import in_batch

        found, met = in_batch(index, rows)
    said: list[tuple[int, Observation]] = []
    twice: dict[tuple[str, int], list[int]] = {}
    for i, again in enumerate(met):
        if again:
            o = rows[i]
            twice.setdefault((o.indicator, o.period.sort_key), []).append(i)
            continue
        earlier = found[i]
        if not earlier:
            continue
        before = earlier[0] if len(earlier) == 1 else latest_vintage(earlier)
        o = rows[i]
        if (
            before is not None
            and o.recorded_at >= before.recorded_at
            and o.status != RETRACTED
            and (before.status == RETRACTED or before.value == before.value)
        ):
            said.append((i, before))
    for key, places in twice.items():
        before = latest_vintage(index.get(key, ()))
        # Stable: rows recorded at the same moment keep the file's order, the later in force.
        for i in sorted(places, key=lambda i: rows[i].recorded_at):
            o = rows[i]
            if before is not None and o.recorded_at < before.recorded_at:
                continue
            if (
                before is not None
                and o.status != RETRACTED
                and (before.status == RETRACTED or before.value == before.value)
            ):
                said.append((i, before))
            before = o
    if twice:
        said.sort(key=lambda pair: pair[0])
    return [(rows[i], was) for i, was in said]
