"""An indicator's unit in SDMX's terms (issue 17, twenty-fourth session): targets.yaml's
``sdmx: {unit_measure: VND, unit_mult: 9}``, the codes an SDMX-CSV export writes as the
UNIT_MEASURE and UNIT_MULT attributes of each of the indicator's figures, and what an
import checks a file's cells against. qntrack's own ``unit:`` ("billion VND") is a text
for people; SDMX says the same as a code of a unit code list and a power of ten
(CL_UNIT_MULT 9: billions). docs/targets-format.md, docs/formats.md.
"""

from __future__ import annotations

import re

from yaml.nodes import Node

from typing import TYPE_CHECKING, Callable

from ..catalog import Message, msg
from .sdmx_codes import usable
from .yaml_reader import _Reader
from .yaml_problems import What, _at

if TYPE_CHECKING:
    from ..plan.model import Plan

__all__ = ["SDMX_KEYS", "PLAN_SDMX_KEYS", "read_sdmx_units", "read_plan_sdmx", "scaled_message"]

SDMX_KEYS = ("unit_measure", "unit_mult")
# The plan's own ``sdmx:`` (twenty-sixth session): the dataflow its exports belong to, said
# once rather than typed as --structure-id every month, and whether they carry FREQ.
PLAN_SDMX_KEYS = ("structure_id", "freq")
# A power of ten, as CL_UNIT_MULT's codes are: 0 (units), 3 (thousands), 6, 9, 12 ...
_MULT = re.compile(r"-?[0-9]{1,2}", re.ASCII)


def read_sdmx_units(reader: _Reader, node: Node | None, where: What) -> tuple[str, str] | None:
    """(UNIT_MEASURE, UNIT_MULT) of an indicator's ``sdmx:``, each "" when not given; None
    when a problem was reported (at its line)."""
    if node is None or reader.is_null(node):  # `sdmx:` left empty: not given
        return "", ""
    what = _at(where, "sdmx")
    keys = reader.mapping(node, what, SDMX_KEYS)
    if keys is None:
        return None
    measure = mult = ""
    if "unit_measure" in keys:
        value = keys["unit_measure"][1]
        text = reader.text(value, _at(what, "unit_measure"))
        if text is None:
            return None
        measure = text.strip()
        if not usable(measure):
            reader.error(value, msg("sdmx24_unit_measure_not_code", given=measure))
            return None
    if "unit_mult" in keys:
        value = keys["unit_mult"][1]
        raw = reader.scalar(value, _at(what, "unit_mult"))
        if raw is None:
            return None
        if not _MULT.fullmatch(raw.strip()):
            reader.error(value, msg("sdmx24_unit_mult_not_integer", given=raw.strip()))
            return None
        mult = str(int(raw.strip()))
    return measure, mult


def read_plan_sdmx(reader: _Reader, node: Node | None) -> tuple[str, bool]:
    """(STRUCTURE_ID, whether FREQ is written) of targets.yaml's top-level ``sdmx:``;
    ("", False) when not given or left empty, as an empty ``dimensions:`` is none. A problem is reported at its line."""
    if node is None or reader.is_null(node):  # `sdmx:` left empty (its keys deleted): not given
        return "", False
    keys = reader.mapping(node, "sdmx", PLAN_SDMX_KEYS) or {}
    structure = ""
    if "structure_id" in keys:
        from .sdmx_csv import valid_structure_id

        value = keys["structure_id"][1]
        given = reader.text(value, _at("sdmx", "structure_id"))
        structure = (given or "").strip()
        if given is not None and not valid_structure_id(structure):  # "" too: a key left empty
            reader.error(value, msg("sdmx_bad_structure_id", given=structure))
            structure = ""
    freq = "freq" in keys and reader.choice(keys["freq"][1], _at("sdmx", "freq"), ("true", "false")) == "true"
    return structure, freq


def scaled_message(cell: Callable[[str], str], plan: Plan | None, indicator_id: str) -> Message | None:
    """A row's UNIT_MULT or UNIT_MEASURE that says a unit: refused, naming the unit the
    indicator's figures are recorded in. qntrack keeps no SDMX unit of its own (docs/formats.md):
    a figure in thousands read as one in units would be a thousand times off. Empty: passed over."""
    for column in ("UNIT_MULT", "UNIT_MEASURE"):
        given = cell(column.lower())
        if given:
            indicator = plan.indicators.get(indicator_id) if plan is not None else None
            unit_en = indicator.unit_in("en") if indicator is not None else ""
            unit_vi = indicator.unit_in("vi") if indicator is not None else ""
            declared = (
                "" if indicator is None else indicator.unit_mult if column == "UNIT_MULT" else indicator.unit_measure
            )
            if declared and _same_unit(given, declared):
                continue  # what targets.yaml's sdmx: says (files/sdmx_units.py)
            return msg(
                "sdmx24_unit_attribute_other" if declared else "sdmx24_unit_attribute",
                declared=declared,
                column=column,
                key=column.lower(),  # targets.yaml's sdmx: key that takes it
                given=given,
                indicator=indicator_id,
                unit_en=unit_en or "-",
                unit_vi=unit_vi or "-",
            )
    return None


def _same_unit(given: str, declared: str) -> bool:
    """A file's UNIT_MULT or UNIT_MEASURE cell is the declared one ('09' is 9; '9.0' too,
    as pandas writes a whole number in a column with empty cells, issue 17)."""
    whole = _WHOLE.fullmatch(given)
    if whole and declared.lstrip("-").isdigit():
        return int(whole[1]) == int(declared)
    return given == declared


# A whole number, written with a decimal point and zeros or not: '9', '09', '9.0', '-3.00'.
_WHOLE = re.compile(r"(-?[0-9]+)(?:\.0*)?", re.ASCII)
