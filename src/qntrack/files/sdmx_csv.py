"""SDMX-CSV (issue 16): the figures in force written as an SDMX-CSV 2.0 data message, and an
SDMX-CSV file (2.0, or 1.0) read as the rows ``add-observation --from`` imports.

The columns (docs/formats.md, "SDMX-CSV"): ``STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR``, one
column per dimension of targets.yaml (its id in capitals; ``_T``, SDMX's code for the
total, where the figure is not broken down by it), ``TIME_PERIOD,OBS_VALUE,OBS_STATUS``,
then ``SOURCE,COMMENT_OBS,RECORDED_AT``. The mapping functions are pure; reading the
text into candidates (``parse_sdmx``) returns what ``import_tables.parse_table`` returns,
so the import is the same all-or-nothing, idempotent import as for any other table.
"""

from __future__ import annotations

import re
from functools import lru_cache, partial
from typing import TYPE_CHECKING, Callable, Iterator, Mapping, Sequence

from ..catalog import Message, msg
from ..plan.model import Location, Observation, Plan, Problem
from ..plan.units import split_key, unit_match
from .sdmx_periods import freq_code, freq_disagrees, period_message, read_period, sdmx_period
from .empty_values import counted, passed_over
from .sdmx_units import scaled_message
from .moment_words import shown_date_refused
from .textfiles import CsvCells, formula_like, in_pieces, neutralise_formula, unpadded

if TYPE_CHECKING:
    from ..method.series import Series
    from .import_tables import ImportFormat, ParsedTable, RowDefaults

__all__ = [
    "TOTAL",
    "TO_SDMX_STATUS",
    "FROM_SDMX_STATUS",
    "header",
    "sdmx_period",
    "read_period",
    "structure_id",
    "valid_structure_id",
    "export_rows",
    "taken_names",
    "sdmx_pieces",
    "sdmx_version",
    "is_export_header",
    "parse_sdmx",
]

# SDMX's code for "total" in a dimension (the cross-domain code lists' _T).
TOTAL = "_T"
# SDMX's "not applicable" (_Z): a figure not broken down by the dimension, read as _T is.
NOT_APPLICABLE = "_Z"
# qntrack's statuses and CL_OBS_STATUS (SDMX cross-domain code list): A normal value,
# E estimated value, P provisional value. A figure with no status has no OBS_STATUS.
TO_SDMX_STATUS = {"official": "A", "estimate": "E", "preliminary": "P", "": ""}
FROM_SDMX_STATUS = {code: status for status, code in TO_SDMX_STATUS.items()}
# An OBS_VALUE of NaN (any case) is SDMX's missing observation: the row is skipped and
# counted apart from an empty cell, and never read as a figure.
NAN = "nan"
# A component's id in a heading (SDMX's IDType): a heading that is none is a name (labels=name).
_ID = re.compile(r"[A-Za-z0-9_@$-]+", re.ASCII)
# ACTION codes: I(nformation), A(ppend) and R(eplace) all record the figure (a replacement
# is a revision: a new vintage); D(elete) is refused (docs/formats.md).
RECORD_ACTIONS = frozenset({"", "I", "A", "R"})
# Columns SDMX files carry that say nothing qntrack stores: keys that repeat the
# dimensions, the frequency the period already says, display precision, the period's format.
IGNORED = ("SERIES_KEY", "OBS_KEY", "DECIMALS", "TIME_FORMAT", "STRUCTURE_NAME")
# SDMX columns and the import's names for them.
COLUMNS = {
    "INDICATOR": "indicator",
    "TIME_PERIOD": "period",
    "OBS_VALUE": "value",
    "OBS_STATUS": "status",
    "SOURCE": "source",
    "COMMENT_OBS": "note",
    "RECORDED_AT": "recorded_at",
    # SDMX's unit attributes: read only to be found empty (``_scaled``), never to scale a figure.
    "UNIT_MULT": "unit_mult",
    "UNIT_MEASURE": "unit_measure",
}
REQUIRED = ("INDICATOR", "TIME_PERIOD", "OBS_VALUE")
_AFTER_DIMENSIONS = ("TIME_PERIOD", "OBS_VALUE", "OBS_STATUS", "SOURCE", "COMMENT_OBS", "RECORDED_AT")

# --- writing ----------------------------------------------------------------------------


def header(plan: Plan) -> list[str]:
    """The header row: the structure columns, FREQ when targets.yaml's ``sdmx:`` asks for it
    (the first dimension of SDMX's own structures), INDICATOR, the plan's dimensions, the
    rest; UNIT_MEASURE and UNIT_MULT at the end when an indicator says its unit in SDMX's terms."""
    dims = [d.upper() for d in plan.dimensions]
    freq = ["FREQ"] if plan.sdmx_freq else []
    return ["STRUCTURE", "STRUCTURE_ID", "ACTION", *freq, "INDICATOR", *dims, *_AFTER_DIMENSIONS, *_unit_columns(plan)]


def _unit_columns(plan: Plan) -> tuple[str, ...]:
    said = any(i.unit_measure or i.unit_mult for i in plan.indicators.values() if i.formula is None)
    return ("UNIT_MEASURE", "UNIT_MULT") if said else ()


# The columns whose names a dimension cannot have in an SDMX-CSV file: a dimension
# ``action`` would make the header name ACTION twice (export refuses: ``taken_names``).
FIXED = ("STRUCTURE", "STRUCTURE_ID", "ACTION", *COLUMNS)


def taken_names(plan: Plan) -> list[str]:
    """The dimensions of the plan whose column would have a fixed column's name."""
    return [d for d in plan.dimensions if d.upper() in FIXED or (plan.sdmx_freq and d.upper() == "FREQ")]


def unnamed_columns(plan: Plan) -> list[str]:
    """The dimensions whose column would be no SDMX component id: a dimension's id there
    starts with a letter (NCNameIDType), where targets.yaml's may start with a digit or _."""
    return [d for d in plan.dimensions if not d[:1].isalpha()]


def _ascii(text: str) -> str:
    """``text`` in ASCII, lower case: the tool's one fold (plan.units.fold) of its
    compatibility letters made plain (NFKD: a full-width 'Ａ', a ligature, a superscript
    '²'), any character left without an ASCII letter left out."""
    import unicodedata

    from ..plan.units import fold

    return fold(unicodedata.normalize("NFKD", text)).encode("ascii", "ignore").decode("ascii")


def structure_id(plan: Plan) -> str:
    """``QNTRACK:DF_<the plan's title, in capitals and underscores>(1.0)``: a dataflow id
    the export derives when none is given (``--structure-id``), stable for a plan."""
    slug = re.sub(r"[^A-Z0-9]+", "_", _ascii(plan.title).upper()).strip("_")[:40].rstrip("_")
    return f"QNTRACK:DF_{slug or 'TRACKER'}(1.0)"


_STRUCTURE_ID = re.compile(
    r"[A-Za-z][A-Za-z0-9_-]*(?:\.[A-Za-z][A-Za-z0-9_-]*)*:[A-Za-z0-9_@$-]+(?:\(\d+(?:\.\d+){0,2}\))?", re.ASCII
)


def valid_structure_id(text: str) -> bool:
    """Whether ``text`` is ``AGENCY:ID(VERSION)`` (or ``AGENCY:ID``), as SDMX-CSV 2.0 writes one."""
    return _STRUCTURE_ID.fullmatch(text) is not None


def export_rows(plan: Plan, series: Series) -> list[Observation]:
    """The figures in force that an export writes, as ``qntrack observations`` lists them:
    each measured indicator in the plan's order, its total, then its units in the declared
    order. A derived indicator's figures are computed from others, so they are left out."""
    from ..kinds.breakdown import unit_index, unit_order

    index = unit_index(plan, series)
    out: list[Observation] = []
    for ind_id, indicator in plan.indicators.items():
        if indicator.formula is not None:
            continue
        keys = [ind_id, *(k for _, k in sorted(index.get(ind_id, ()), key=lambda u: unit_order(plan.dimensions, u[0])))]
        for key in keys:
            out.extend(series.get(key, ()))
    return out


def _number(value: float) -> str:
    """The stored figure in positional notation: ``repr``'s digits (so it reads back as the
    same float), never ``1e-05``, which a spreadsheet may read as text or a date."""
    from .store import format_value

    text = format_value(value)
    if "e" in text or "E" in text:
        from decimal import Decimal

        text = format(Decimal(repr(value)), "f")
    return text


# The formula rule asked once per distinct text: a national export's million rows share
# a few hundred sources and notes (0.2 s of its 24).
_safe_text = lru_cache(maxsize=1 << 16)(neutralise_formula)


def _unit_cell(text: str) -> str:
    """A unit's cell as sdmx_pieces wrote it: the apostrophe before a unit a spreadsheet
    would run ("'@a") is taken off again. (A unit whose own name were an apostrophe and
    such a text would come back without it, and be said as an unknown unit.)"""
    return text[1:] if text[:1] == "'" and formula_like(text[1:]) else text


def sdmx_pieces(
    plan: Plan, rows: Sequence[Observation], structure: str, codes: Mapping[tuple[str, str], str] | None = None
) -> Iterator[str]:
    """The SDMX-CSV 2.0 message (the header, then one row per figure, ACTION I), in pieces
    of a few thousand rows, each ending with a newline; each unit written as its SDMX code
    (``codes``, by default ``sdmx_codes.written_codes``, which raises ``CodeClash``)."""
    if codes is None:
        from .sdmx_codes import written_codes

        codes = written_codes(plan.dimensions, rows)
    return in_pieces(_sdmx_lines(plan, rows, structure, codes))


def _sdmx_lines(
    plan: Plan, rows: Sequence[Observation], structure: str, codes: Mapping[tuple[str, str], str]
) -> Iterator[str]:
    # Each distinct text quoted once, by the store's own rule (textfiles.csv_cell, which
    # also quotes the bare CR a hand edit can leave in a note: Python 3.11's writer does not).
    cell = CsvCells().__getitem__
    dims = list(plan.dimensions)
    yield ",".join(map(cell, header(plan)))
    units = bool(_unit_columns(plan))
    freq = plan.sdmx_freq
    indicators = plan.indicators
    for o in rows:
        split = split_key(o.indicator)
        base, given = split if split is not None else (o.indicator, ())
        values = dict(given)
        # People open this file in a spreadsheet too: a source or note it would run (a hand
        # edit of the store) gets the apostrophe `observations --format csv` gives it.
        fields = (
            "dataflow",
            structure,
            "I",
            *((freq_code(o.period),) if freq else ()),
            base,
            *(codes[d, values[d]] if d in values else TOTAL for d in dims),  # SDMX codes (sdmx_codes)
            sdmx_period(o.period),
            _number(o.value),
            TO_SDMX_STATUS.get(o.status, ""),
            _safe_text(o.source),
            _safe_text(o.note),
            o.recorded_at,
        )
        if units:
            said = indicators.get(base)
            fields += (said.unit_measure, said.unit_mult) if said is not None else ("", "")
        yield ",".join(map(cell, fields))


# --- reading ----------------------------------------------------------------------------

_HEAD_20 = re.compile(r'"?STRUCTURE(?:\[[^\]]*\])?"?([,;\t])"?STRUCTURE_ID"?(?:[,;\t\r\n]|$)', re.IGNORECASE)
_HEAD_10 = re.compile(r'"?DATAFLOW"?([,;\t])', re.IGNORECASE)


def sdmx_version(text: str) -> tuple[str, str] | None:
    """("2.0" or "1.0", the field separator) when ``text`` is an SDMX-CSV message: its
    header starts ``STRUCTURE,STRUCTURE_ID`` (2.0; the separator is the character after
    STRUCTURE, as the specification says) or ``DATAFLOW`` (1.0); else None."""
    first = text.lstrip("\ufeff\r\n")
    m = _HEAD_20.match(first)
    if m:
        return "2.0", m[1]
    m = _HEAD_10.match(first)
    if m:
        return "1.0", m[1]
    return None


def is_export_header(line: str, plan: Plan) -> bool:
    """Whether a file's first line is the header an export of this plan writes: a file
    qntrack wrote, which an export may replace without --force (SDMX-CSV has no place for
    the generator mark a report carries: docs/decisions.md)."""
    written = [c for c in header(plan) if c != "FREQ"]
    given = line.rstrip("\r\n").lstrip("\ufeff").replace(",ACTION,FREQ,", ",ACTION,", 1)
    # An export made before the plan said its SDMX units has the header without them, and
    # one made before (or after) it asked for FREQ with (or without) that column.
    return given in (",".join(written), ",".join(written[: len(written) - 2]))


def _columns(
    names: list[str],
    where: Location,
    dimensions: Mapping[str, str],
    problems: list[Problem],
    empty: Callable[[int], bool] = lambda i: False,
) -> dict[str, int] | None:
    """Each column's meaning: import names (indicator, period, ...), ``dim:<id>`` for a
    dimension, ACTION; the structure columns, IGNORED and a column qntrack does not read
    that is ``empty`` in every row (an attribute of the sender's structure) are left out."""
    before = len(problems)
    out: dict[str, int] = {}
    valid = [
        "STRUCTURE",
        "STRUCTURE_ID",
        "ACTION",
        "FREQ",
        *COLUMNS,
        *(d.upper() for d in dict.fromkeys(dimensions.values())),
        *IGNORED,
    ]
    for i, raw in enumerate(names):
        name = raw.strip().lstrip("\ufeff").strip('"').upper()
        if i == 0 or name == "STRUCTURE_ID":
            continue  # STRUCTURE / DATAFLOW and the structure's id: any dataflow is read
        key = COLUMNS.get(name) or ("ACTION" if name == "ACTION" else None)
        if key is None and unit_match(raw) in dimensions:
            key = "dim:" + dimensions[unit_match(raw)]  # before FREQ: a dimension `freq` is read
        if key is None and name == "FREQ":
            key = "freq"  # checked against the period (freq_disagrees)
        if key is None and (name in IGNORED or (name and empty(i))):
            continue
        if key is None and not name:
            problems.append(Problem(where, msg("import_column_empty", column=i + 1, columns=", ".join(valid))))
        elif key is None:
            problems.append(Problem(where, msg("import_unknown_column", name=raw.strip(), columns=", ".join(valid))))
        elif key in out:
            problems.append(Problem(where, msg("import_column_twice", name=raw.strip())))
        else:
            out[key] = i
    missing = [c for c in REQUIRED if COLUMNS[c] not in out]
    named = [n.strip() for n in names[1:] if missing and n.strip() and not _ID.fullmatch(n.strip().strip('"'))]
    if named:
        # labels=name (.Stat Suite): 'Time period', 'Observation value', and coded cells that
        # are names: said once, with the downloads that are read, rather than per column.
        del problems[before:]
        problems.append(Problem(where, msg("sdmx26_labels_name", name=named[0])))
    elif missing:
        found = ", ".join(n.strip() or "''" for n in names)
        problems.append(Problem(where, msg("import_header_needs", missing=", ".join(missing), found=found)))
    return None if len(problems) > before else out


def parse_sdmx(text: str, file: str, fmt: ImportFormat, defaults: RowDefaults, plan: Plan | None = None) -> ParsedTable:
    """An SDMX-CSV message as the import's candidate rows (``import_tables.ParsedTable``):
    never raises for a bad row; every problem is collected with its line. A row without
    an observation value (SDMX's missing value) is skipped and counted in a note. A
    dimension's cell that is a unit's SDMX code of ``plan`` is that unit (sdmx_codes)."""
    from .figures import canonical, convention_shown, excel_error, parse_number_cell, shows_thousands
    from .batch_rows import note_duplicate as _note_duplicate
    from .import_tables import _DEFAULT_CONVENTION, ParsedTable, _check_cells, _records
    from .import_rows import _EXCEL_TIMESTAMP

    found = sdmx_version(text)
    delimiter = fmt.delimiter or (found[1] if found else ",")
    # As any CSV file's (import_tables): a tab-separated message shows its convention or has none.
    decimal_comma = fmt.decimal_comma if fmt.decimal_comma is not None else _DEFAULT_CONVENTION.get(delimiter, False)
    explicit = fmt.decimal_comma is not None
    parsed = ParsedTable(delimiter, decimal_comma)
    problems = parsed.problems
    records = list(_records(text, delimiter, file, problems))
    records = [r for r in records if r[2] and any(f.strip() for f in r[2])]
    if not records:
        return parsed
    head_line, _, names = records[0]
    # A spreadsheet's empty columns after the last name (a separator ending every line) are
    # passed over, as the CSV path passes over them (import_tables._header).
    names = names[: max((i + 1 for i, n in enumerate(names) if n.strip()), default=0)]
    # labels=both (.Stat Suite's downloads): 'ID: Name' headings and 'CODE: Name' coded
    # cells, read by their ids and codes (docs/formats.md).
    labelled = any(": " in n for n in names[1:])
    if labelled:
        names = [n.partition(": ")[0] for n in names]

    def empty(i: int) -> bool:  # asked only of a column qntrack does not read
        return not any(i < len(f) and f[i].strip() for _, _, f in records[1:])

    columns = _columns(names, Location(file, head_line), dict(fmt.dimensions), problems, empty)
    if columns is None:
        return parsed
    if not explicit:
        cells = [f[columns["value"]] for _, _, f in records[1:] if columns["value"] < len(f)]
        decimal_comma = parsed.decimal_comma = convention_shown(cells, decimal_comma)
        explicit = decimal_comma is not None and shows_thousands(cells, decimal_comma)
    width = len(names)
    seen: dict = {}
    missing = nans = 0
    from .sdmx_codes import code_units, folded_codes

    codes = code_units(plan.dimensions) if plan is not None else {}
    unit_of = partial(_unit_of, codes, folded_codes(codes), plan)
    # qntrack's ids have no capitals: FDI, an office's code list in SDMX's custom, is fdi.
    indicators = plan.indicators if plan is not None else {}
    for first, last, fields in records[1:]:
        where = Location(file, first)
        fields = unpadded(fields, width)
        if len(fields) != width:
            problems.append(Problem(where, msg("import_cell_count", width=width, found=len(fields))))
            continue
        if not _check_cells(fields, where, first, last, problems):
            continue
        cell = partial(_cell, fields, columns, labelled)
        action = cell("ACTION").upper()
        if action not in RECORD_ACTIONS:
            problems.append(Problem(where, _action_message(action)))
            continue
        value = cell("value")
        if not value or value.lower() == NAN:  # SDMX's missing observation: no figure
            missing += not value
            nans += bool(value)
            if not value:  # said at its line, as a CSV's row passed over is (empty_values)
                parsed.notes.append(passed_over(where, cell("indicator"), cell("period")))
            continue
        indicator = cell("indicator")
        row = {"indicator": indicator.lower() if indicator.lower() in indicators else indicator}
        wrong_total = None
        for key in columns:
            if key.startswith("dim:"):
                value = _unit_cell(cell(key))
                given = value in (TOTAL, NOT_APPLICABLE)
                row[key] = "" if given else unit_of(key[4:], value)
                if value != TOTAL and value.upper() == TOTAL:
                    wrong_total = msg("roundtrip20_sdmx_total_case", column=names[columns[key]].strip(), code=value)
        if wrong_total is not None:
            # SDMX's codes are case-sensitive: '_t' is no code, and not its total _T.
            problems.append(Problem(where, wrong_total))
            continue
        period = read_period(cell("period"))
        if period is None:
            problems.append(Problem(where, period_message(cell("period"))))
            continue
        row["period"] = period
        expected = freq_disagrees(cell("freq"), period)
        if expected is not None:
            problems.append(
                Problem(where, msg("sdmx26_freq_period", given=cell("freq"), period=cell("period"), expected=expected))
            )
            continue
        scaled = scaled_message(cell, plan, row["indicator"])
        if scaled is not None:
            problems.append(Problem(where, scaled))
            continue
        code = cell("status").upper()  # SDMX's codes are capitals; a hand-typed "e" is E
        if code not in FROM_SDMX_STATUS:
            problems.append(Problem(where, msg("sdmx_bad_status", code=code)))
            continue
        row["status"] = FROM_SDMX_STATUS[code] or defaults.status
        row["source"] = cell("source") or defaults.source
        row["note"] = cell("note") or defaults.note
        row["recorded_at"] = cell("recorded_at") or defaults.recorded_at
        if excel_error(row["recorded_at"]):  # '#N/A', as COMMENT_OBS's is told (garbled)
            problems.append(
                Problem(where, msg("import_cell_excel_error", column="recorded_at", text=row["recorded_at"]))
            )
            continue
        if "/" in row["recorded_at"] and _EXCEL_TIMESTAMP.fullmatch(row["recorded_at"]):
            # As the CSV path says it: a timestamp Excel showed in the regional date form.
            problems.append(Problem(where, shown_date_refused(row["recorded_at"])))
            continue
        try:
            row["value"] = canonical(parse_number_cell(cell("value"), decimal_comma, explicit))
        except ValueError as exc:
            from ..catalog import said

            problems.append(Problem(where, said(exc)))
            continue
        _note_duplicate(row, where, seen, problems, defaults.recorded_at, plan)
        parsed.candidates.append((where, row))
    parsed.notes = counted(file, parsed.notes, count=False)  # the first rows of no value, by line
    if nans:
        parsed.notes.append(Problem(Location(file), msg("sdmx26_nan_values", count=nans), "warning"))
    if missing:
        parsed.notes.append(Problem(Location(file), msg("sdmx_missing_values", count=missing), "warning"))
    return parsed


# Columns of free text, never 'CODE: Name' (a source may well hold ': ').
_TEXTS = frozenset({"source", "note", "recorded_at"})


def _cell(fields: Sequence[str], columns: Mapping[str, int], labelled: bool, name: str) -> str:
    i = columns.get(name)
    if i is None:
        return ""
    text = fields[i].strip()
    return text.partition(": ")[0].rstrip() if labelled and ": " in text and name not in _TEXTS else text


def _unit_of(
    codes: Mapping[str, Mapping[str, str]],
    folded: Mapping[str, Mapping[str, str]],
    plan: Plan | None,
    dim: str,
    cell: str,
) -> str:
    """The unit a dimension's cell names: a unit's SDMX code as written; else, when the cell
    is no unit's name (names are matched however typed, later), a code in another case
    that one unit has (``folded_codes``); else the cell itself, matched as a name."""
    exact = codes.get(dim, {})
    if cell in exact:
        return exact[cell]
    dimension = plan.dimensions.get(dim) if plan is not None else None
    if dimension is not None and dimension.unit(cell) is None:
        return folded.get(dim, {}).get(cell.casefold(), cell)
    return cell


def _action_message(action: str) -> Message:
    if action == "D":
        return msg("sdmx_delete_refused")
    return msg("sdmx_bad_action", action=action)
