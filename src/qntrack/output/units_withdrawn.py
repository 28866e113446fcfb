"""The units of a breakdown whose every figure was withdrawn (a retraction in force for
each, none recorded again): no series in force, so they are not judged and the roll-up
does not count them (kinds.breakdown.unit_index), but they are said, "Huyen A: all
figures withdrawn, none in force (2023: 5,000 billion VND, withdrawn on 2025-06-01)", in
`status --by`'s table, `show` and the report's breakdown (issue 17, twenty-first session:
such a unit vanished from all three in silence).

Pure: the store's rows and the series in force are given."""

from __future__ import annotations

from typing import TYPE_CHECKING, AbstractSet, Iterable, Mapping, Sequence

if TYPE_CHECKING:
    from ..method.assessment import Assessment
    from ..plan.model import Observation
    from ..plan.units import Dimension, Dims

__all__ = ["retracted_keys", "units_withdrawn", "unit_withdrawn_line"]

Gone = list[tuple["Dims", list[tuple["Observation", "float | None"]]]]


def retracted_keys(observations: Iterable[Observation]) -> frozenset[str]:
    """The series keys the store holds a retraction for: what ``units_withdrawn`` looks
    among, found in one walk of the store for all the targets of a report or a status
    (a walk a target had made a provinces report of 145 breakdowns 4 s slower)."""
    from ..plan.model import RETRACTED

    return frozenset(o.indicator for o in observations if o.status == RETRACTED)


def units_withdrawn(
    a: Assessment,
    observations: Iterable[Observation],
    series: Mapping[str, Sequence[Observation]],
    as_of: str | None = None,
    retracted: AbstractSet[str] | None = None,
) -> Gone:
    """The units of ``a``'s breakdown (its ``for_each`` dimensions, no other) with a figure
    withdrawn and none in force by ``as_of``, each with its retractions and the values they
    withdrew, in the order of their keys. ``retracted``: ``retracted_keys`` of the same
    observations, when the caller asks of many targets."""
    if not a.target.for_each or a.indicator.formula:
        return []
    from ..method.withdrawals import withdrawn_of
    from ..plan.units import split_key, unit_key

    prefix = a.indicator.id + "["
    judged = {unit_key(a.indicator.id, u.dims) for u in a.breakdown}
    if retracted is None:
        retracted = retracted_keys(observations)
    keys = {k for k in retracted if k.startswith(prefix)}
    keys = {k for k in keys - judged if not series.get(k)}
    if not keys:
        return []
    found = withdrawn_of(observations, keys, as_of)
    out: Gone = []
    for key in sorted(keys):
        split = split_key(key)
        if split is not None and {d for d, _ in split[1]} == set(a.target.for_each) and found.get(key):
            out.append((split[1], found[key]))
    return out


def unit_withdrawn_line(
    a: Assessment,
    dims: Dims,
    gone: Sequence[tuple[Observation, float | None]],
    lang: str,
    dimensions: Mapping[str, Dimension] | None = None,
) -> str:
    """ "Huyen A: all figures withdrawn, none in force (2023: 5,000 billion VND, withdrawn
    on 2025-06-01)", the periods in words, as a sentence for people writes them; the unit
    by its name with the plan's ``dimensions`` (``ranking.unit_name``)."""
    from ..catalog import msg, render
    from .i18n import date_text, typed_places, value_with_unit
    from .period_words import period_words
    from .ranking import unit_name

    unit = a.indicator.unit_in(lang)
    figures = "; ".join(
        render(
            msg(
                "units_withdrawn_figure",
                period=period_words(o.period, lang),
                # As typed, as the figure's own row wrote it: 7.125, never "7.13" (s44).
                value=value_with_unit(value, unit, lang, typed_places(value)) if value is not None else "–",
                day=date_text(o.recorded_at, lang),
            ),
            lang,
        )
        for o, value in gone
    )
    return render(msg("units_withdrawn_line", unit=unit_name(dims, dimensions, lang), figures=figures), lang)
