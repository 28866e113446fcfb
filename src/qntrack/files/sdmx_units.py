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

from ..catalog import msg
from .sdmx_codes import usable
from .yaml_reader import What, _at, _Reader

__all__ = ["SDMX_KEYS", "read_sdmx_units"]

SDMX_KEYS = ("unit_measure", "unit_mult")
# A power of ten, as CL_UNIT_MULT's codes are: 0 (units), 3 (thousands), 6, 9, 12 ...
_MULT = re.compile(r"-?[0-9]{1,2}", re.ASCII)


def read_sdmx_units(reader: _Reader, node: Node | None, where: What) -> tuple[str, str] | None:
    """(UNIT_MEASURE, UNIT_MULT) of an indicator's ``sdmx:``, each "" when not given; None
    when a problem was reported (at its line)."""
    if node is None:
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
