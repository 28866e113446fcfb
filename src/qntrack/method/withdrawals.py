"""A history's withdrawals: the figures a retraction withdrew, in force or since replaced,
that show, status and the reports say. Apart from the vintages because a retraction is
read for what it took away, not as one more vintage. ``as_of``, as ``method.history``'s:
a day ended in UTC, or the last moment counted (``series.as_of_bound(day, zone)``)."""

from __future__ import annotations

from typing import Iterable, NamedTuple, Sequence

from ..plan.model import RETRACTED, Observation
from ..method.series import as_of_bound

__all__ = ["withdrawn", "withdrawn_of", "Gone", "Withdrawal", "withdrawals_of"]


def withdrawn(
    observations: Iterable[Observation], key: str, as_of: str | None = None
) -> list[tuple[Observation, float | None]]:
    """The periods of ``key`` whose vintage in force by ``as_of`` is a retraction, each as
    that retraction and the value it withdrew (None when it withdrew none), by period: what
    ``show`` and the report say of a figure published, then withdrawn, which the series in
    force lacks. One rule with ``withdrawn_of``, which it asks."""
    return withdrawn_of(observations, (key,), as_of)[key]


def withdrawn_of(
    observations: Iterable[Observation], keys: Iterable[str], as_of: str | None = None
) -> dict[str, list[tuple[Observation, float | None]]]:
    """``withdrawn`` of every key in ``keys``: ``withdrawals_of``'s retractions in force."""
    found = withdrawals_of(observations, keys, as_of)
    return {key: [Gone(w.retraction, w.value, w.withdrew) for w in found[key] if w.now is None] for key in found}


class Gone(tuple[Observation, "float | None"]):
    """A retraction in force and the value it withdrew, the pair ``withdrawn`` lists (and
    its callers unpack), with ``withdrew``, the vintage withdrawn (None when it withdrew
    none): where that figure came from, its source and recorded_at, which ``show`` and the
    reports say of it (issue 17, twenty-sixth session)."""

    withdrew: Observation | None

    def __new__(cls, retraction: Observation, value: float | None, withdrew: Observation | None = None) -> Gone:
        made = super().__new__(cls, (retraction, value))
        made.withdrew = withdrew
        return made


class Withdrawal(NamedTuple):
    """A period's figure withdrawn: the ``retraction``, the ``value`` it withdrew (None when
    it withdrew none), and the figure in force ``now``, recorded right after the retraction
    (None while the retraction is in force); ``withdrew``, the vintage withdrawn, whose
    source and recorded_at are said with it (issue 17, twenty-sixth session)."""

    retraction: Observation
    value: float | None
    now: Observation | None
    withdrew: Observation | None = None


def withdrawals_of(
    observations: Iterable[Observation], keys: Iterable[str], as_of: str | None = None
) -> dict[str, list[Withdrawal]]:
    """By key, by period, the figures withdrawn by ``as_of`` that a number shown touches:
    a retraction in force (``withdrawn_of``'s), or the retraction the figure in force was
    recorded right after (which ``revised_values`` says replaced nothing). What the status
    table, its JSON and CSV, ``status --by`` and ``rank`` say (issue 17, twentieth session).
    Only keys with a retraction recorded are walked twice."""
    wanted = set(keys)
    bound = as_of_bound(as_of) if as_of else None
    rows = observations if isinstance(observations, Sequence) else list(observations)
    out: dict[str, list[Withdrawal]] = {k: [] for k in wanted}
    asked = {
        (o.indicator, o.period.sort_key)
        for o in rows
        if o.status == RETRACTED and o.indicator in wanted and (bound is None or o.recorded_at <= bound)
    }
    if not asked:
        return out
    groups: dict[tuple[str, int], list[Observation]] = {}
    for o in rows:
        if (o.indicator, o.period.sort_key) in asked and (bound is None or o.recorded_at <= bound):
            groups.setdefault((o.indicator, o.period.sort_key), []).append(o)
    for (key, _), group in sorted(groups.items(), key=lambda item: item[0][1]):
        group.sort(key=lambda o: (o.recorded_at, o.line))
        now = None if group[-1].status == RETRACTED else group[-1]
        at = len(group) - (1 if now is None else 2)
        if at < 0 or group[at].status != RETRACTED:
            continue  # the figure in force revised a figure: its revision mark says it
        before = group[at - 1] if at > 0 else None
        figure = before if before is not None and before.status != RETRACTED else None
        out[key].append(Withdrawal(group[at], None if figure is None else figure.value, now, figure))
    return out
