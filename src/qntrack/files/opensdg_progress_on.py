"""Whether an Open SDG indicator's metadata turns the progress calculation on, and the
status a site set by hand when it does not (the import's reading of both, split out of
opensdg_import).

sdg-build's progress measure turns the calculation on only for YAML's true
(``meta.get('auto_progress_calculation') is True``): a quoted ``"true"`` or ``'yes'`` is
text, and the site then computes nothing and publishes the ``progress_status`` set by
hand, if any. The import reads it so too, and says what it read when the value is
neither true nor false (thirty-seventh session, pass J). Options given are imported
whatever the setting says (docs/formats.md, "Open SDG: import").
"""

from __future__ import annotations

from ..catalog import msg
from ..plan.model import Location, Problem
from .opensdg_repo import IndicatorData
from .opensdg_status import OPEN_SDG_STATUSES

__all__ = ["progress_on"]


def progress_on(ind: IndicatorData, meta_file: str, warnings: list[Problem]) -> tuple[bool, str]:
    """Whether the import reads the indicator's progress options, and the Open SDG status
    set by hand that the plan keeps ("" when none); what needs saying added to ``warnings``."""
    setting = ind.meta.get("auto_progress_calculation")
    if setting is not None and not isinstance(setting, bool):
        shown = f"'{setting}'" if isinstance(setting, str) else str(setting)
        warnings.append(Problem(Location(meta_file, 0), msg("opensdg_auto_not_bool", value=shown), severity="warning"))
    asks = setting is True or bool(ind.meta.get("progress_calculation_options"))
    hand_set = ""
    if not asks and (status := ind.meta.get("progress_status")) not in (None, ""):
        # sdg-build publishes a status set by hand; qntrack judges none, but the plan keeps
        # one of Open SDG's own for the export to write back (opensdg_status).
        if str(status) in OPEN_SDG_STATUSES:
            hand_set = str(status)
            manual = msg("opensdg_manual_status", status=hand_set)
        else:
            manual = msg("opensdg_manual_status_other", status=str(status), valid=", ".join(OPEN_SDG_STATUSES))
        warnings.append(Problem(Location(meta_file, 0), manual, severity="warning"))
    return asks, hand_set
