"""Open SDG's progress options as sdg-build reads them (issue 16): which settings an
option may have, and which rows of an indicator's data it assesses, step by step as
sdg-build's progress measure selects them (docs/formats.md, "What maps to what")."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from ..catalog import Message, msg
from ..kinds.open_sdg import DEFAULT_BASE_YEAR as _BASE_YEAR, DEFAULT_TARGET_YEAR as _TARGET_YEAR
from ..plan.units import names_listed
from .opensdg_repo import DataRow, IndicatorData

__all__ = ["Selection", "tag", "option_problem", "DIRECTION_DEFAULT", "OPTION_KEYS"]

# Open SDG's default direction for an option that gives none (sdg-build's progress measure).
DIRECTION_DEFAULT = "negative"
OPTION_KEYS = {"series", "unit", "disaggregation", "base_year", "target", "target_year", "direction", "limit"}
_OPTION_KEYS = OPTION_KEYS


class Selection:
    """sdg-build's selection of the series an option assesses, step by step."""

    def __init__(self, indicator: IndicatorData, header_keys: Mapping[str, str] | None = None) -> None:
        self.indicator = indicator
        # A header read from a translation key the site's translations do not give
        # ('data.Leading causes of death (ICD-10)' read without its group): an option names
        # the key's text, which only the site's translations/ folder gives (session 45, O).
        self.keyed = any(_untranslated((header_keys or {}).get(c, c), c) for c in indicator.columns)
        # What the last option named that no row has, when one series remained all the
        # same: sdg-build warns of each and assesses the rows without that filter.
        self.unfiltered: list[Message] = []

    def rows(self, option: dict[str, Any]) -> tuple[list[DataRow], Message | None]:
        ind = self.indicator
        self.unfiltered = []
        rows = list(ind.rows)
        unit, series = option.get("unit"), option.get("series")
        # A name no row has filters nothing (sdg-build warns and goes on); the check for a
        # single series below then usually refuses it, as sdg-build does.
        if unit is not None and ind.has_units and any(r.units == str(unit) for r in rows):
            rows = [r for r in rows if r.units == str(unit)]
        if series is not None and ind.has_series and any(r.series == str(series) for r in rows):
            rows = [r for r in rows if r.series == str(series)]
        wanted = option.get("disaggregation") or []
        missing: list[Message] = []
        for key, named, column in (("unit", unit, "Units"), ("series", series, "Series")):
            if named is not None and not any((r.units if key == "unit" else r.series) == str(named) for r in rows):
                # sdg-build reads an option's unit in 'Units' alone: a file's 'UNITS' is named.
                held = ind.has_units if key == "unit" else ind.has_series
                missing.append(_not_found(column, str(named), ind, held, self.keyed))
        if wanted:
            for item in wanted:
                name, value = str(item.get("field", "")), str(item.get("value", ""))
                if name in ind.columns and any(dict(r.cells).get(name) == value for r in rows):
                    rows = [r for r in rows if dict(r.cells).get(name) == value]
                else:
                    missing.append(_not_found(name, value, ind, keyed=self.keyed))
        else:
            headline = [r for r in rows if not r.cells]
            if not headline and rows:
                # An option that names its series or unit, none of whose rows has it, is
                # told that rather than to name one (sdg-build warns of it, then stops here).
                return [], missing[0] if missing else msg("opensdg_no_headline")
            rows = headline
        groups = {(r.cells, r.series, r.units) for r in rows}
        if len(groups) > 1 and missing:
            # What sdg-build only warns of is what went wrong: said first, with the closest names.
            return [], missing[0]
        if len(groups) > 1:
            shown = "; ".join(sorted(_group_text(g) for g in groups)[:2])
            return [], msg("opensdg_many_series", count=len(groups), examples=shown)
        self.unfiltered = missing
        return rows, None


def _untranslated(header: str, label: str) -> bool:
    """Whether ``header`` as written is a translation key read as ``label`` without a
    translation: ``data.Sex`` read ``Sex``."""
    group, dot, key = header.partition(".")
    return bool(dot) and " " not in group and key == label


def _not_found(name: str, value: str, ind: IndicatorData, held: bool = False, keyed: bool = False) -> Message:
    """No row has ``name`` = ``value``: with the closest column or value as a hint (none
    when the file has the column, ``held``), in the reader's language. A column spelt
    otherwise than Open SDG reads it ('UNITS' for 'Units', thirty-seventh session, pass F)
    is told the exact name to give it, without the translation keys' note: not the cause;
    so is any column no file has, but in a file whose headers are translation keys with no
    translation (``keyed``: Statistics Canada's sample without its translations/ folder)."""
    from ..plan.suggest import closest, closest_unit

    if held:
        return msg("opensdg_not_found", field=name, value=value, hint="")
    if name not in ind.columns:
        near = closest(name, ind.columns, cutoff=0.5)
        if near and near.casefold() == name.casefold():
            said = msg(
                "opensdg_not_found", field=name, value=value, hint=msg("opensdg_hint_spelt", near=near, field=name)
            )
            return Message(said.id, said.params, "opensdg_not_found_spelt")  # its key kept, for a program
        columns = ", ".join(ind.columns)
        hint = (
            msg("opensdg_hint_columns_closest", columns=columns, near=near)
            if near
            else msg("opensdg_hint_columns", columns=columns)
        )
        # A column no file has: its name is at fault, never a translation key (the note is
        # about cells; thirty-seventh session), said without it, its key kept.
        said = msg("opensdg_not_found", field=name, value=value, hint=hint)
        return said if keyed else Message(said.id, said.params, "opensdg_not_found_spelt")
    values = sorted({dict(r.cells).get(name, "") for r in ind.rows} - {""})
    # A value is a group of the rows (an age band, a year): one of other figures is
    # another group, never offered ('15-24' is no '15-64'; forty-first session).
    near = closest_unit(value, values, cutoff=0.5)
    hint = (
        msg("opensdg_hint_closest_value", near=near)
        if near
        else msg("opensdg_hint_values", values=names_listed(values[:5]))
    )
    return msg("opensdg_not_found", field=name, value=value, hint=hint)


def _group_text(group: tuple) -> str:
    cells, series, units = group
    parts = (
        [f"{k}={v}" for k, v in cells]
        + ([f"Series={series}"] if series else [])
        + ([f"Units={units}"] if units else [])
    )
    return ", ".join(parts) or "(headline)"


def tag(inid: str, option: dict[str, Any]) -> str:
    """Open SDG's name of an option's series: the id, series, unit and values, by ' / '."""
    parts = [inid]
    for key in ("series", "unit"):
        if option.get(key) is not None:
            parts.append(str(option[key]))
    parts += [str(d.get("value", "")) for d in option.get("disaggregation") or []]
    return " / ".join(parts)


def option_problem(option: Any) -> Message | None:
    """What makes an option one qntrack cannot judge as Open SDG does, if anything."""
    if not isinstance(option, dict):
        return msg("opensdg_option_not_mapping")
    unknown = sorted(set(map(str, option)) - _OPTION_KEYS)
    if unknown:
        return msg("opensdg_option_unknown_key", keys=", ".join(unknown), valid=", ".join(sorted(_OPTION_KEYS)))
    for key in ("base_year", "target_year"):
        year = option.get(key)
        # A year qntrack's periods hold (1000 to 9999), or targets.yaml would refuse it.
        if key in option and (isinstance(year, bool) or not isinstance(year, int) or not 1000 <= year <= 9999):
            return msg("opensdg_option_year", key=key, value=str(option[key]))
    for key in ("target", "limit"):
        number = option.get(key)
        if number is not None and (
            isinstance(number, bool) or not isinstance(number, (int, float)) or not math.isfinite(number)
        ):
            return msg("opensdg_option_number", key=key, value=str(option[key]))
    base, year = option.get("base_year", _BASE_YEAR), option.get("target_year", _TARGET_YEAR)
    if option.get("target") is not None and year <= base:
        return msg("hostile16_years_order", year=year, base=base)
    if option.get("direction") not in (None, "positive", "negative"):
        return msg("opensdg_option_direction", value=str(option.get("direction")))
    wanted = option.get("disaggregation")
    if wanted is not None and (
        not isinstance(wanted, list) or not all(isinstance(d, dict) and "field" in d and "value" in d for d in wanted)
    ):
        return msg("opensdg_option_disaggregation")
    return None
