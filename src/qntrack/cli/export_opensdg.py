"""``qntrack export opensdg --into DIR``: the tracker as an Open SDG data repository
(files/opensdg_export.py decides the files, files/opensdg_write.py writes them).

``export_opensdg`` is the library-level function a Python caller uses; the command only
reads the options and prints its summary on stderr."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ExitCode, fail, refuse_nul
from .printing import _report, _say

if TYPE_CHECKING:
    from ..files.opensdg_export import Export

__all__ = ["export_opensdg", "say_export"]


def export_opensdg(
    targets: str | os.PathLike[str] | None,
    into: str | os.PathLike[str],
    as_of: str | date | None = None,
    force: bool = False,
) -> Export:
    """Write the tracker (as of ``as_of``, else today) into the folder ``into``; the
    ``Export`` written (its files and counts). Raises InputError as every command does."""
    from .. import __version__
    from ..catalog import msg
    from ..files.opensdg_export import build_export
    from ..files.opensdg_write import refuse_foreign_folder, refuse_inputs, write_export
    from ..files.workspace import open_workspace, reference_day
    from ..kinds import assess

    into = os.fspath(into)  # a caller's Path, as the command's text
    if not into.strip():
        raise fail("--into", msg("osexport_empty_name"), ExitCode.USAGE)

    refuse_nul("into", into)
    from ..files.windows_paths import refuse_windows_folder

    refuse_windows_folder(into)  # 'out\sdg' would be one folder named so
    parent = Path(into).parent
    if not os.path.lexists(parent):
        # DIR is made when missing, its parent never (docs/formats.md): said as `-o` says it.
        raise fail(into, msg("outputs_no_folder", folder=parent), ExitCode.USAGE)

    def before_store(plan: object, targets_path: Path, store_path: Path) -> None:
        # Refused before the store is read: a national store takes seconds to read, and
        # these refusals need only the folder.
        refuse_inputs(into, [targets_path.parent, store_path.parent])
        refuse_foreign_folder(into, force)

    ws = open_workspace(targets, as_of, before_store=before_store)
    assessments = assess(ws.plan, ws.series, today=reference_day(as_of))
    export = build_export(ws.plan, ws.series, assessments)
    export.kept = write_export(into, export.files, __version__, force)
    export.warnings.extend(ws.warnings_for(ws.plan.indicators))
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
    if export.kept:
        _say(msg("osexport_kept_site_files", files=", ".join(export.kept)))
    _report(export.warnings)
