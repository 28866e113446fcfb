"""``qntrack export opensdg --into DIR``: the tracker as an Open SDG data repository
(files/opensdg_export.py decides the files, files/opensdg_write.py writes them).

``export_opensdg`` is the library-level function a Python caller uses; the command only
reads the options and prints its summary on stderr."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import ExitCode, fail
from .printing import _say

if TYPE_CHECKING:
    from ..files.opensdg_export import Export

__all__ = ["export_opensdg", "say_export"]


def export_opensdg(targets: str | None, into: str, as_of: str | None = None, force: bool = False) -> Export:
    """Write the tracker (as of ``as_of``, else today) into the folder ``into``; the
    ``Export`` written (its files and counts). Raises InputError as every command does."""
    from .. import __version__
    from ..catalog import msg
    from ..files.opensdg_export import build_export
    from ..files.opensdg_write import refuse_inputs, write_export
    from ..files.workspace import open_workspace, reference_day
    from ..kinds import assess

    if not into.strip():
        raise fail("--into", msg("osexport_empty_name"), ExitCode.USAGE)
    ws = open_workspace(targets, as_of)
    refuse_inputs(into, [ws.targets_path.parent, ws.store_path.parent])
    assessments = assess(ws.plan, ws.series, today=reference_day(as_of))
    export = build_export(ws.plan, ws.series, assessments)
    write_export(into, export.files, __version__, force)
    return export


def say_export(export: Export, into: str) -> None:
    """What ``export opensdg`` wrote and left out, on stderr."""
    from ..catalog import msg

    _say(msg("osexport_wrote", indicators=export.indicators, figures=export.figures, folder=into))
    if export.sub_annual:
        _say(msg("osexport_left_sub_annual", count=export.sub_annual))
    if export.unknown_units:
        _say(msg("osexport_left_unknown_units", count=export.unknown_units))
    if export.derived:
        _say(msg("osexport_left_derived", count=len(export.derived), ids=", ".join(export.derived)))
