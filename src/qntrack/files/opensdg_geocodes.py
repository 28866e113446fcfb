"""A site's GeoCode column through `import opensdg` (issue 17, twentieth session).

Open SDG's maps join a data row to a region by its ``GeoCode`` cell (sdg-build's
OutputGeoJson, ``id_column: GeoCode``), a column sdg-build reads as no disaggregation. A
site writes the code beside the region's name (``Alberta,48``), so the import keeps it on
that unit (``{value: Alberta, geocode: '48'}``, plan.units.Unit.geocode), and the export
writes it back in a GeoCode column (files/opensdg_export.py). The column it goes with is
the first disaggregation column whose every value has one code in the file; a coded row
with no value there (a national headline's code, which no unit holds) keeps none, and a
file whose codes follow no column keeps none: each is said in the import's summary.
"""

from __future__ import annotations

from ..plan.units import listed_name
from .opensdg_repo import IndicatorData

__all__ = ["Geocodes"]


class Geocodes:
    """The codes met across the repository: by (dimension, unit), the first code met."""

    def __init__(self) -> None:
        self.codes: dict[tuple[str, str], str] = {}
        self.clashes: dict[tuple[str, str], list[str]] = {}  # a unit given other codes elsewhere
        self.unplaced: list[str] = []  # data files whose codes follow no column
        self.uncoded: set[tuple[str, str]] = set()  # units met without a code in a coded file
        self.loose: list[tuple[str, str, int]] = []  # (column, file, rows coded with no unit there)

    def column(self, ind: IndicatorData) -> str | None:
        """The disaggregation column (its label) the file's GeoCodes go with, or None."""
        if not any(r.geocode for r in ind.rows):
            return None
        for label in ind.columns:
            codes: dict[str, str] = {}
            if all(self._fits(dict(r.cells).get(label, ""), r.geocode, codes) for r in ind.rows) and any(
                codes.values()
            ):
                loose = sum(1 for r in ind.rows if r.geocode and not dict(r.cells).get(label))
                if loose:
                    self.loose.append((label, ind.data_file, loose))
                return label
        self.unplaced.append(ind.data_file)
        return None

    @staticmethod
    def _fits(value: str, code: str, codes: dict[str, str]) -> bool:
        # A coded row with no value here (a national headline's code) does not tell the
        # column apart: its code is the row's, held by no unit, and said as not kept.
        return not value or codes.setdefault(value, code) == code

    def place(self, dimension: str, unit: str, code: str) -> None:
        """``unit`` of ``dimension`` is placed on a map by ``code`` (none: ""); a second
        code is said, and so is a unit with a code in one file and none in another."""
        if not code:
            self.uncoded.add((dimension, unit))
            return
        first = self.codes.setdefault((dimension, unit), code)
        if first != code and code not in self.clashes.setdefault((dimension, unit), [first]):
            self.clashes[(dimension, unit)].append(code)

    def partly_names(self) -> list[str]:
        """The units with a code in one file and none in another: ``geography=Canada (11124)``."""
        return [f"{d}={listed_name(u)} ({code})" for (d, u), code in self.codes.items() if (d, u) in self.uncoded]

    def clash_names(self) -> list[str]:
        """The units given several codes: ``geography=Canada (11124, 01)``."""
        return [f"{d}={listed_name(u)} ({', '.join(codes)})" for (d, u), codes in self.clashes.items()]
