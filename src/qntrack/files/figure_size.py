"""The smallest size of a figure other than 0 that entry takes (forty-seventh session,
helper L): 10^-12, where qntrack's tables stop writing decimals (output.i18n.number writes
1e-13 with its exponent). No office publishes a figure below it; a spreadsheet's sum
leaves such a remainder where 0 is meant, and -1e-300 was stored and written "-1e-300%"
in every table. Refused by add-observation, --from and record_many (recording.
validate_record; import_columns leaves such a file to it); the store's reader still reads
one, as a hand edit may hold it. No ceiling is set: it depends on the unit (issue 12).
Pure."""

from __future__ import annotations

__all__ = ["SMALLEST", "too_small"]

SMALLEST = 1e-12


def too_small(found: float) -> bool:
    """Whether ``found`` is a figure other than 0 of a size below ``SMALLEST``."""
    return 0.0 < abs(found) < SMALLEST
