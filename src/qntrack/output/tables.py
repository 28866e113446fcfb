"""CSV and TSV tables: each text cell made safe for a spreadsheet (``formats.safe_cell``)
and quoted as the csv module would, written a few thousand rows at a time."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Sequence

from ..files.textfiles import CsvCells, csv_cell, formula_like, in_pieces
from .formats import safe_cell

if TYPE_CHECKING:
    from ..plan.model import Observation

__all__ = ["OBSERVATION_COLUMNS", "observation_rows", "observation_pieces", "table_pieces", "write_table"]

OBSERVATION_COLUMNS = ("indicator", "period", "value", "status", "source", "note", "recorded_at")


def observation_rows(observations: Iterable[Observation]) -> Iterable[Sequence[Any]]:
    from ..files.store import format_value

    yield OBSERVATION_COLUMNS
    for o in observations:
        # A retraction has no figure: empty, as the store writes it (a dry run listed 'nan').
        # The value as the store writes it (1000, not 1000.0): what was stored is what shows.
        yield (
            o.indicator,
            o.period.text,
            "" if o.value != o.value else format_value(o.value),
            o.status,
            o.source,
            o.note,
            o.recorded_at,
        )


class _Cells(CsvCells):
    """Each text cell as the table writes it, remembered for the table being written:
    ``safe_cell``'s formula rule, then ``encode`` (quoted as the csv module would, or with
    a TSV's separators turned into spaces). A national store's million rows share a few
    hundred indicators, sources, notes and moments: asking the formula rule and the csv
    writer of each of their seven million cells took 13 of the 21 s of
    `observations --format csv` (issue 17)."""

    def __init__(self, cell: Callable[[str], str]) -> None:
        super().__init__()
        self.cell = cell

    def encode(self, text: str) -> str:
        return self.cell("'" + text if formula_like(text) else text)


def _tsv_cell(text: str) -> str:
    cell = text.replace("\t", " ").replace("\n", " ").replace("\r", " ")
    # A line feed made a space can put a formula back in front ("\n=X" is " =X"), and
    # spreadsheets skip leading spaces: the formula rule is asked of the cell as written.
    cell = "'" + cell if cell != text and formula_like(cell) else cell
    # A cell opening with a quote is read as a quoted cell by TSV readers (qntrack's import,
    # pandas): '"whole"' came back as 'whole'. Quoted as in CSV, it reads back as written.
    return '"' + cell.replace('"', '""') + '"' if cell[:1] == '"' else cell


def write_table(rows: Iterable[Sequence[Any]], fmt: str) -> str:
    """CSV or TSV text; every cell passes through ``safe_cell``."""
    return "".join(table_pieces(rows, fmt))


def table_pieces(rows: Iterable[Sequence[Any]], fmt: str) -> Iterator[str]:
    """``write_table``'s text in pieces of a few thousand rows, each ending with a
    newline, for a command to print as they come."""
    encode, separator = (_tsv_cell, "\t") if fmt == "tsv" else (csv_cell, ",")
    # Text cells through the table's memory of them; numbers and anything else through
    # safe_cell itself (1, 1.0 and True are one key of a dict, and print differently).
    cell = _Cells(encode).__getitem__

    def line(row: Sequence[Any]) -> str:
        text = separator.join([cell(c) if type(c) is str else encode(safe_cell(c)) for c in row])
        # As the csv module writes a row of one empty cell: an empty line is no row.
        return '""' if not text and separator == "," and len(row) == 1 else text

    return in_pieces(map(line, rows))


def observation_pieces(observations: Iterable[Observation], fmt: str) -> Iterator[str]:
    """``table_pieces(observation_rows(observations), fmt)``, made quicker for a national
    store: a figure's period, value and moment are plain text (a period as the plan
    writes it, a number as the store does, a UTC moment the readers have checked), which
    is no formula and needs no quotes, so they skip the table's memory of texts, where
    every one of a million distinct values was a miss (7.3 s, now about 3 s, of
    `observations --format csv`). tests/test_export_scale.py holds the two to one text."""
    from ..files.store import format_value

    encode, separator = (_tsv_cell, "\t") if fmt == "tsv" else (csv_cell, ",")
    cell = _Cells(encode).__getitem__
    yield from table_pieces([OBSERVATION_COLUMNS], fmt)
    yield from in_pieces(
        separator.join(
            (
                cell(o.indicator),
                o.period.text,
                "" if o.value != o.value else format_value(o.value),
                cell(o.status),
                cell(o.source),
                cell(o.note),
                o.recorded_at,
            )
        )
        for o in observations
    )
