"""A unit's SDMX code (issue 17, twenty-fourth session): the text an SDMX-CSV message
writes in a dimension's cell, and reads back as the unit.

In SDMX a dimension's value is a code of its code list, and a code is an id,
``[A-Za-z0-9_@$-]+`` (IDType, SDMX 2.1 and 3.0): .Stat Suite, FMR and sdmx-json tools
refuse a message whose cell holds a Vietnamese letter, a space or a comma. A unit's code
is, in order:

1. its ``code:`` in targets.yaml (an office's own code list: ``code: '195'``);
2. its name, when the name is such an id already (``female``, ``Uong_Bi``): what every
   earlier export wrote for it;
3. its name in capitals without its marks, every run of other characters an underscore,
   as the dataflow's default id is made (Cam Pha with its marks -> ``CAM_PHA``,
   ``Ha Long city`` -> ``HA_LONG_CITY``).

Read back, a code is the unit whose code it is (in the plan's declared units), so the
scheme is reversible exactly when no two units of a dimension have one code and every
unit written is declared (an open list has no declaration to read a made code back
from): the export refuses otherwise, at the line of targets.yaml to fix. Pure functions.
"""

from __future__ import annotations

import re
from typing import Iterable, Mapping

from ..plan.model import Observation, Text
from ..plan.units import Dimension, Unit

__all__ = [
    "usable",
    "made_code",
    "unit_code",
    "CodeClash",
    "dimension_codes",
    "code_units",
    "folded_codes",
    "written_codes",
]

# SDMX's IDType starting with a letter or a digit: not '-' or '@' (a spreadsheet would run
# the cell, written after an apostrophe, which no SDMX system reads), nor '_', which SDMX's
# cross-domain code lists keep for their own codes (_T total, _Z not applicable, _X, _U).
_USABLE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_@$-]*", re.ASCII)


def usable(text: str) -> bool:
    """Whether ``text`` can be written as an SDMX code as it is."""
    return _USABLE.fullmatch(text) is not None


def made_code(name: str) -> str:
    """A name as a code: capitals, no marks (d with stroke as ``d``), every run of other characters
    an underscore, none at the ends; "" when nothing is left (a name in another script)."""
    from .sdmx_csv import _ascii

    return re.sub(r"[^A-Z0-9]+", "_", _ascii(name).upper()).strip("_")


def unit_code(name: str, unit: Unit | None) -> str:
    """The code a unit is written with (the rule above); "" when it has none."""
    if unit is not None and unit.code:
        return unit.code
    return name if usable(name) else made_code(name)


class CodeClash(Exception):
    """Two units (or a unit and no code) that an SDMX-CSV message could not tell apart."""

    def __init__(self, unit: str, code: str, other: str | None, where: Unit | None) -> None:
        super().__init__(unit, code, other)
        self.unit, self.code, self.other, self.where = unit, code, other, where
        self.dimension = ""


def dimension_codes(dimension: Dimension, names: Iterable[str]) -> dict[str, str]:
    """Each of ``names`` (units of ``dimension`` with figures) and its code; raises
    CodeClash for a unit with no code, a unit of an open list whose name is no code (it
    could not be read back), or a code that another declared unit of the dimension has."""
    out: dict[str, str] = {}
    if dimension.values is None:
        for name in names:
            if not usable(name):
                raise CodeClash(name, made_code(name), None, None)
            out[name] = name
        return out
    # Codes told apart without regard to case: a system keeping codes in a database of
    # case-blind collation (.Stat Suite's SQL Server) would take Ha_Long and HA_LONG for one.
    holders: dict[str, list[Unit]] = {}
    for declared in dimension.values:
        made = unit_code(declared.value, declared)
        if made:  # a name in another script has no code: said as such, never a clash of ""
            holders.setdefault(made.lower(), []).append(declared)
    for name in names:
        unit = dimension.unit(name)
        code = unit_code(name, unit)
        if not code:
            raise CodeClash(name, code, None, unit)
        held = holders.get(code.lower(), [])
        if len(held) > 1:  # the later unit is named, at its line: the one to give a code
            raise CodeClash(held[1].value, code, held[0].value, held[1])
        if unit is None and (code != name or held):
            # A unit not declared whose code could not be read back to it.
            raise CodeClash(name, code, held[0].value if held else None, unit)
        out[name] = code
    return out


def code_units(dimensions: Mapping[str, Dimension]) -> dict[str, dict[str, str]]:
    """For reading: each declared dimension's codes and the unit each names, where only one
    unit has the code (a clash is refused by the export, and never guessed at here)."""
    out: dict[str, dict[str, str]] = {}
    for dim_id, dimension in dimensions.items():
        if dimension.values is None:
            continue
        codes: dict[str, str | None] = {}
        for unit in dimension.values:
            code = unit_code(unit.value, unit)
            codes[code] = None if code in codes else unit.value
        out[dim_id] = {code: value for code, value in codes.items() if value is not None and code}
    return out


def folded_codes(codes: Mapping[str, Mapping[str, str]]) -> dict[str, dict[str, str]]:
    """``code_units``' codes with case aside (casefolded), where only one unit has the code
    so: a download from a case-blind database, or an office's code list typed in another
    case, gives ``cam_pha`` for CAM_PHA, which names one unit (the export checks codes are
    unique case aside, as .Stat Suite compares them)."""
    out: dict[str, dict[str, str]] = {}
    for dim_id, units in codes.items():
        held: dict[str, str | None] = {}
        for code, unit in units.items():
            key = code.casefold()
            held[key] = unit if held.get(key, unit) == unit else None
        out[dim_id] = {key: unit for key, unit in held.items() if unit is not None}
    return out


def written_codes(dimensions: Mapping[str, Dimension], rows: Iterable[Observation]) -> dict[tuple[str, str], str]:
    """The code of each (dimension, unit) of ``rows``, the figures an export writes; raises
    CodeClash (``dimension_codes``) when one could not be read back as its unit."""
    from ..plan.units import split_key

    used: dict[str, dict[str, None]] = {}
    for o in rows:
        split = split_key(o.indicator) if "[" in o.indicator else None
        for dim, unit in split[1] if split is not None else ():
            used.setdefault(dim, {})[unit] = None
    out: dict[tuple[str, str], str] = {}
    for dim, names in used.items():
        dimension = dimensions.get(dim)
        if dimension is None:  # a dimension the plan no longer has: the store's own text
            dimension = Dimension(dim, Text(dim, dim))
        try:
            found = dimension_codes(dimension, names)
        except CodeClash as clash:
            clash.dimension = dim
            raise
        out.update(((dim, name), code) for name, code in found.items())
    return out
