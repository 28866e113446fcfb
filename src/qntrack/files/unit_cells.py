"""A unit cell (DVT), or a unit line above the table (``unit_line``), of an import against its indicator's unit in targets.yaml: the same
unit however an office spells it, and, when not, what the refusal says (issue 17,
twenty-eighth session). Asked by the CSV reader (indicator_names) and the workbook reader
(workbooks) alike, so that both say the same."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterable

from ..catalog import Count, Message, msg
from ..plan.model import Indicator, Plan
from .textfiles import nfc
from .vocabulary import PER_PERSON_VI, fold, unit_words

__all__ = ["unit_matches", "unit_fits", "unit_mismatch", "row_unit_problem", "unit_line", "unit_line_problems"]


def unit_matches(given: str, unit: str, unit_vi: str) -> bool:
    """Whether a unit cell names the indicator's unit: the English or Vietnamese name of
    targets.yaml, alike in case, diacritics and spacing (``fold``) and in an office's
    spelling of each word (``unit_words``: Tr.USD, ty VND); a bare ``%`` (how a yearbook
    heads a column of growth rates and shares alike) matches any per-cent unit."""
    said = unit_words(given)
    names = {unit_words(unit), unit_words(unit_vi)} - {""}
    return not names or said in names or (said == "%" and any(n.startswith("%") for n in names))


# "Per person" after a unit, folded: `USD/nguoi`, `USD / dau nguoi`, `USD/person`, `USD per
# capita`. Only at the end: `USD/nguoi/nam` (a year's figure per person) is another unit.
_PER_PERSON = re.compile(
    r"\s*(?:/\s*(?:dau\s+)?(?:nguoi|person|capita|head|inhabitant)|\s+per\s+(?:person|capita|head|inhabitant))$"
)
# An indicator's name that says its figures are per person, folded: "GRDP per capita",
# "GRDP binh quan dau nguoi", "Thu nhap binh quan mot nguoi".
_NAMED_PER_PERSON = re.compile(r"\bper (?:capita|person|head|inhabitant)\b|\bdau nguoi\b|\bbinh quan (?:1|mot) nguoi\b")


def _per_person(text: str) -> tuple[str, bool]:
    """(the unit without its per-person suffix, whether it had one), folded."""
    folded = fold(text)
    found = _PER_PERSON.search(folded)
    return (folded[: found.start()], True) if found and found.start() else (folded, False)


def unit_fits(given: str, indicator: Indicator) -> bool:
    """Whether a unit cell names ``indicator``'s unit (``unit_matches``), or names it per
    person where the indicator is per person (``_per_person_indicator``). `USD/nguoi` is
    then `USD`, the same figure of the same size; the size and the currency are compared as
    ever (`trieu dong/nguoi` is no USD, `nghin USD/nguoi` no USD), and nothing else is
    taken off (`USD/nguoi/nam`)."""
    if unit_matches(given, indicator.unit, indicator.unit_vi):
        return True
    bare, per_person = _per_person(given)
    (unit, declared), (unit_vi, declared_vi) = _per_person(indicator.unit), _per_person(indicator.unit_vi)
    if not (per_person or declared or declared_vi):
        return False  # no side says per person: unit_matches said all there is
    if not _per_person_indicator(indicator):
        return False  # the cell says per person, the plan does not: maybe a real difference
    return unit_matches(bare, unit, unit_vi)


def _per_person_indicator(indicator: Indicator) -> bool:
    """Whether the plan says ``indicator``'s figures are per person: its name does (per
    capita, binh quan dau nguoi), in either language, or its unit does (`USD/person`)."""
    if _per_person(indicator.unit)[1] or _per_person(indicator.unit_vi)[1]:
        return True
    return any(_NAMED_PER_PERSON.search(fold(name)) for name in (indicator.name.en, indicator.name.vi))


# An index's base, "= 100" after the period it is measured against (a yearbook's "Nam
# truoc = 100", "Cung ky = 100", "previous year = 100").
_INDEX_BASE = re.compile(r"=\s*100\b")


def unit_mismatch(given: str, indicator: Indicator) -> Message:
    """What a unit cell that is not ``indicator``'s unit is told: the two units, and a hint
    only where it helps: the per-cent rule when either unit is a per-cent (it says nothing
    of `d` against billion VND), how to declare a per-person unit when the cell says per
    person and the plan does not (where it does, the size or currency differs)."""
    units = " / ".join(dict.fromkeys(u for u in (indicator.unit, indicator.unit_vi) if u))
    said = {"given": given, "indicator": indicator.id, "unit": units}
    if _INDEX_BASE.search(given) and any(unit_words(u).startswith("%") for u in (indicator.unit, indicator.unit_vi)):
        # "Nam truoc = 100": an index, 110.5 for a growth of 10.5% (forty-third session).
        return replace(msg("workbook_unit_mismatch", **said), wording="workbook_unit_mismatch_index")
    if any(unit_words(u).startswith("%") for u in (given, indicator.unit, indicator.unit_vi)):
        return msg("workbook_unit_mismatch", **said)
    # The same refusal (its id, which a script tests), in other words.
    if _per_person(given)[1] and indicator.unit.strip() and not _per_person_indicator(indicator):
        told = msg(
            "workbook_unit_mismatch",
            **said,
            en=indicator.unit.strip(),
            vi=indicator.unit_in("vi").strip() + PER_PERSON_VI,
        )
        return replace(told, wording="workbook_unit_mismatch_per_person")
    from .unit_languages import sizes_apart

    for unit in dict.fromkeys(u for u in (indicator.unit_vi, indicator.unit) if u):
        power = sizes_apart(given, unit)
        if power is not None:
            # 'ty USD' against million USD: the factor to write the figures in the plan's
            # size, never applied by qntrack (forty-fifth session).
            wording = "workbook_unit_mismatch_size_up" if power > 0 else "workbook_unit_mismatch_size_down"
            return replace(msg("workbook_unit_mismatch", **said, factor=Count(10 ** abs(power))), wording=wording)
    return replace(msg("workbook_unit_mismatch", **said), wording="workbook_unit_mismatch_plain")


def row_unit_problem(
    plan: Plan, names: dict[str, tuple[str, ...]], cells: tuple[str, ...], given: str
) -> Message | None:
    """A row's unit cell (``given``) that names another unit than its indicator's in
    targets.yaml: the figure may be in thousands, or on the wrong row. The row's indicator
    is read as indicator_names reads it (``cells``: its code and name columns; ``names``:
    the plan's names), so that a name, or a code in the second column, does not let a
    figure in another unit through. None when it fits, or names no indicator of the plan
    (record_many says that)."""
    from .indicator_names import row_indicator

    found = plan.indicators.get(row_indicator(plan, cells, names) or "")
    return None if found is None or unit_fits(given, found) else unit_mismatch(given, found)


# A yearbook's unit line above its table, its words as ``fold`` writes them ("Don vi tinh:
# Ty dong", "DVT: %", "(Don vi: ty dong)", "Unit: billion VND"); "Don vi bao cao: ..." (the
# office reporting) is no unit.
_UNIT_LINE_WORDS = frozenset({"don vi tinh", "dvt", "don vi", "unit", "units"})


def unit_line(value: object) -> str | None:
    """The unit a cell above the table names for all its figures, or None for any other
    cell: passed over with the title, a table in millions was stored as billions, a
    thousand times too large (forty-third session)."""
    if not isinstance(value, str):
        return None
    text = " ".join(nfc(value).split())
    words, colon, unit = text.replace("\uff1a", ":").partition(":")
    bracketed = words.lstrip().startswith("(")
    if not colon or " ".join(fold(words.lstrip("( ")).split()) not in _UNIT_LINE_WORDS:
        return None
    unit = unit.strip()
    unit = unit[:-1].strip() if bracketed and unit.endswith(")") else unit
    return unit or None


def unit_line_problems(
    plan: Plan, names: dict[str, tuple[str, ...]], given: str, rows: Iterable[tuple[str, str]]
) -> list[Message]:
    """What a unit line (``given``) above a table with no unit column is told, once an
    indicator of ``rows`` (each row's indicator and second indicator cells) whose unit it
    is not."""
    said: list[Message] = []
    for cells in dict.fromkeys(rows):
        if (wrong := row_unit_problem(plan, names, cells, given)) is not None and wrong not in said:
            said.append(wrong)
    return said
