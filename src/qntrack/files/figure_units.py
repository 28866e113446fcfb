"""The unit of a breakdown a new figure is for (issue 14): read from ``--dim``, an
import's dimension columns, or the indicator written as its store key
(``grdp_growth[locality=Ha Long]``), and checked against targets.yaml's dimensions and
the unit's dates. ``recording.validate_record`` asks it; docs/observations-format.md.
"""

from __future__ import annotations

import re
from typing import Any, Sequence

from ..catalog import Message, msg
from ..plan.model import Indicator, Plan
from ..plan.periods import Frequency, Period
from ..plan.units import (
    Dims,
    Unit,
    names_listed,
    split_key,
    unit_key,
    unit_lifetime,
    units_of_that_time,
    units_outside,
)
from ..plan.unit_resolution import resolve_dims
from .vocabulary import is_total

__all__ = ["UNIT_KEY", "frequency_of", "typed_unit", "unit_of", "unit_date_problems", "retract_words", "shell_word"]

# An indicator id followed by a bracket: a unit's key (plan.units), not a typo.
UNIT_KEY = re.compile(r"^[a-z0-9_]+\s*\[")


def typed_unit(indicator: str, dims: Sequence[tuple[str, str]]) -> tuple[str, list[tuple[str, str]], Message | None]:
    """The indicator id as typed, the (dimension, unit) pairs given with it, and what is
    wrong with a key that does not read (an unclosed bracket, a part without '=')."""
    given: list[tuple[str, str]] = []
    problem = None
    if UNIT_KEY.match(indicator.strip()):
        split = split_key(indicator.strip())
        if split is None:
            problem = msg("recording_bad_unit_key", indicator=indicator)
            indicator = indicator.partition("[")[0]
        else:
            indicator, typed = split
            given.extend(typed)
    given.extend(dims)
    return indicator, given, problem


# The units already worked out for the plan last read: an import names the same few
# hundred units over thousands of rows. One plan is kept (a strong reference, so that its
# id cannot be another plan's while it is here).
_KNOWN: list[Any] = [None, {}]


def frequency_of(indicator: str, plan: Plan | None) -> Frequency | None:
    """The frequency targets.yaml gives the indicator a row names by id (with or without
    its unit, ``fdi[locality=Ha Long]``); None for a name, an unknown id or no plan."""
    found = plan.indicators.get(typed_unit(indicator, [])[0].strip()) if plan is not None else None
    return found.frequency if found is not None else None


def unit_of(plan: Plan, indicator: Indicator, given: Sequence[tuple[str, str]]) -> tuple[str, Dims, list[Message]]:
    """The store key of ``indicator``'s figure for the unit ``given`` names (the indicator's
    own id for the total), its dimension values as declared, and what is wrong."""
    if _KNOWN[0] is not plan:
        _KNOWN[0], _KNOWN[1] = plan, {}
    memo = (indicator.id, tuple(given))
    found = _KNOWN[1].get(memo)
    if found is None:
        found = _KNOWN[1][memo] = _unit_of(plan, indicator, given)
    key, dims, wrong = found
    return key, dims, list(wrong)


def _unit_of(plan: Plan, indicator: Indicator, given: Sequence[tuple[str, str]]) -> tuple[str, Dims, list[Message]]:
    # A total's row in a table says so in the unit's column (files.vocabulary.is_total): the
    # total, unless the dimension declares a unit of that name.
    given = [(k, v) for k, v in given if not (is_total(v) and not _declares(plan, indicator, k, v))]
    if not given:
        return indicator.id, (), []
    dims, wrong = resolve_dims(indicator, given, plan.dimensions)
    return unit_key(indicator.id, dims), dims, wrong


def _declares(plan: Plan, indicator: Indicator, dimension: str, value: str) -> bool:
    """Whether a dimension of ``indicator`` named ``dimension`` lists a unit called ``value``."""
    from ..plan.dimension_names import dimension_named

    dim_id = dimension_named(dimension, plan.dimensions, indicator.dimensions)
    d = plan.dimensions.get(dim_id) if dim_id is not None else None
    return d is not None and d.unit(value) is not None


def unit_date_problems(plan: Plan, dims: Dims, period: Period) -> list[Message]:
    """A figure for a unit in a period the unit did not exist in (a district after it was
    abolished on 1 July 2025, a new commune before it was formed): refused. ``check``
    says the same of a stored row (checks_units)."""
    return [
        outside_message("recording_unit_outside", plan, dims, unit, period)
        for unit in units_outside(plan.dimensions, dims, period)
    ]


def outside_message(key: str, plan: Plan, dims: Dims, unit: Unit, period: Period) -> Message:
    """``key``'s message for a figure of ``unit`` in a ``period`` it did not exist in,
    naming the units of that time when targets.yaml declares them (``units_of_that_time``:
    a 2026 figure under Vinh Phuc is Phu Tho's): "the unit of that time" alone sent the
    office to targets.yaml to find which (docs/decisions.md, twenty-first session)."""
    then = units_of_that_time(plan.dimensions, dims, unit, period)
    words = {
        "value": unit.value,
        "period": period,
        "lifetime": unit_lifetime(unit),
    }
    if not then:
        return msg(key, **words)
    return msg(f"{key}_then" if len(then) == 1 else f"{key}_then_many", units=names_listed(then), **words)


def retract_words(key: str, period: object) -> str:
    """What follows ``qntrack retract`` in a message that says how to withdraw a figure,
    ready to paste into a shell: a unit's key as ``INDICATOR PERIOD --dim "dimension=unit"``
    (its brackets and spaces, written bare, would be read by the shell)."""
    split = split_key(key) if "[" in key else None
    if not split or not split[1]:
        return f"{key} {period}"
    base, dims = split
    return f"{base} {period}" + "".join(f" --dim {shell_word(f'{k}={v}')}" for k, v in dims)


def history_words(key: str) -> str:
    """What follows ``qntrack history`` in a message, ready to paste into a shell: the
    indicator, and a unit's dimensions as ``--dim "dimension=unit"`` (as retract_words)."""
    split = split_key(key) if "[" in key else None
    if not split or not split[1]:
        return key
    return split[0] + "".join(f" --dim {shell_word(f'{k}={v}')}" for k, v in split[1])


def shell_word(text: str) -> str:
    """``text`` as one word of a shell command shown inside a message's single quotes
    ('qntrack retract ... --dim "province=Ha Long"'): bare when the shell reads it so, else in
    double quotes, which nest in the message's; in single quotes only when it holds what
    a shell reads inside double quotes ($, `, \\, ", !)."""
    import shlex

    if shlex.quote(text) == text:
        return text
    if any(ch in text for ch in '$`\\"!'):
        return shlex.quote(text)
    return f'"{text}"'
