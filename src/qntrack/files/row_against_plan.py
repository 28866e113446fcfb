"""What a row's indicator cell, unit cells and period come to against the plan, worked out
once for the plan last read: the rules ``recording.validate_record`` asks of every row of
an import, and which the column-at-a-time path (``import_columns``) asks of each distinct
cell or pair of cells. Pure: no I/O."""

from __future__ import annotations

from typing import Any

from ..catalog import Message, msg
from ..catalog import said as _said
from ..plan.model import Indicator, Plan
from ..plan.periods import Frequency, Period
from ..plan.suggest import Hints
from ..plan.units import units_dated
from . import rules
from .figure_units import typed_unit, unit_date_problems, unit_of

__all__ = ["whose", "period_fits", "unit_dates"]


# What a row's indicator cell and unit cells come to, and its unit's dates in a period,
# worked out once for the plan last read (a strong reference, so that its id cannot be
# another plan's while it is here): an import names a few hundred units and periods over
# its 300,000 rows (issue 17). Messages are values, so a remembered one is the same message.
# Its did-you-mean of an unknown indicator too, within suggest.Hints' bound: 5,000 rows of
# unknown ids against a plan of 10,000 took 104 s to refuse.
_PLAN_MEMO: list[Any] = [None, {}, {}, None, {}]
_FITS: dict[tuple[int, Frequency], bool] = {}


def _memo_of(plan: Plan) -> list[Any]:
    if _PLAN_MEMO[0] is not plan:
        _PLAN_MEMO[:] = [plan, {}, {}, Hints(plan.indicators), {}]
    return _PLAN_MEMO


def whose(
    plan: Plan, indicator: str, dims: tuple[tuple[str, str], ...]
) -> tuple[Indicator | None, str, tuple[tuple[str, str], ...], tuple[Message | str, ...]]:
    """The indicator a row is for, its store key, its unit's dimension values, and what is
    wrong with them (a key that does not read, an unknown indicator, an undeclared unit, a
    derived indicator), in the order they are said."""
    memo = _memo_of(plan)[1]
    found = memo.get((indicator, dims))
    if found is None:
        found = memo[(indicator, dims)] = _whose_now(plan, indicator, dims)
    return found


def _whose_now(
    plan: Plan, indicator: str, dims: tuple[tuple[str, str], ...]
) -> tuple[Indicator | None, str, tuple[tuple[str, str], ...], tuple[Message | str, ...]]:
    said: list[Message | str] = []
    ind = None
    name, given, bad_key = typed_unit(indicator, dims)
    if bad_key is not None:
        said.append(bad_key)
    try:
        ind = rules.indicator(plan, name, _memo_of(plan)[3])
    except ValueError as exc:
        said.append(_said(exc))
    key = ind.id if ind is not None else ""
    unit_dims: tuple[tuple[str, str], ...] = ()
    if ind is not None:
        key, unit_dims, wrong = unit_of(plan, ind, given)
        said.extend(wrong)
    if ind is not None and ind.formula:
        said.append(msg("recording_derived", indicator=ind.id, formula=ind.formula))
    return ind, key, unit_dims, tuple(said)


def period_fits(period: Period, frequency: Frequency) -> bool:
    pair = (period.sort_key, frequency)
    fit = _FITS.get(pair)
    if fit is None:
        fit = _FITS[pair] = period.fits(frequency)
    return fit


def unit_dates(plan: Plan, unit_dims: tuple[tuple[str, str], ...], period: Period) -> list[Message]:
    # Units with no dates (most) exist in every period: their figure is never refused so,
    # and is not kept by period (an import's units times its years are mostly distinct).
    dated = _memo_of(plan)[4]
    has_dates = dated.get(unit_dims)
    if has_dates is None:
        has_dates = dated[unit_dims] = units_dated(plan.dimensions, unit_dims)
    if not has_dates:
        return []
    memo = _memo_of(plan)[2]
    found = memo.get((unit_dims, period.sort_key))
    if found is None:
        found = memo[(unit_dims, period.sort_key)] = unit_date_problems(plan, unit_dims, period)
    return found
