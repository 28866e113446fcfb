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
    from ..files.workspace import Workspace

__all__ = ["export_opensdg", "say_export", "withdrawn_left_out"]


def withdrawn_left_out(ws: Workspace, as_of: str | date | None, years_only: bool = False) -> list[str]:
    """The figures an export leaves out because a retraction is in force by ``as_of``, of
    the indicators it writes (those recorded, not derived), each named as ``history``
    takes it (``1_1_1[sex=Female] 2016``): neither an Open SDG data file nor SDMX-CSV's
    rows of figures has a way to say a figure was withdrawn, so the summary says it."""
    from ..method.withdrawals import withdrawn_of
    from ..plan.model import RETRACTED
    from ..plan.units import base_of

    day = as_of.isoformat() if isinstance(as_of, date) else as_of
    rows = ws.store.observations
    keys = {o.indicator for o in rows if o.status == RETRACTED}
    keys = {k for k in keys if base_of(k) in ws.plan.indicators and not ws.plan.indicators[base_of(k)].formula}
    if not keys:
        return []
    from ..method.series import as_of_bound

    found = withdrawn_of(rows, keys, as_of_bound(day, ws.plan.timezone) if day else None)
    gone = sorted(
        (o.period.sort_key, key, str(o.period))
        for key, pairs in found.items()
        for o, _ in pairs
        if o.period.is_year or not years_only  # Open SDG: a quarter is left out as such
    )
    return [f"{key} {period}" for _, key, period in gone]


def said_withdrawn(names: list[str], key: str) -> None:
    """The withdrawn figures an export left out, the first five named."""
    if names:
        from ..catalog import msg

        shown = ", ".join(names[:5]) + (", ..." if len(names) > 5 else "")
        _say(msg(key, count=len(names), figures=shown))


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
    from ..files.opensdg_write import refuse_foreign_folder, refuse_inputs, refuse_into_name, write_export
    from ..files.workspace import open_workspace, plan_day
    from ..kinds import assess

    into = os.fspath(into)  # a caller's Path, as the command's text
    refuse_into_name(into, msg("osexport_empty_name"))
    refuse_nul("into", into)
    from ..files.windows_paths import refuse_windows_folder

    refuse_windows_folder(into, parents=False)  # 'out\sdg' would be one folder named so
    parent = Path(into).parent
    from ..files.outputs import refuse_file_as_folder

    refuse_file_as_folder(into)  # 'targets.yaml/site': the folder for it is a file (exit 2)
    if not os.path.lexists(parent):
        # DIR is made when missing, its parent never (docs/formats.md): said as `-o` says it.
        raise fail(into, msg("outputs_no_folder", folder=parent), ExitCode.USAGE)

    def before_store(plan: object, targets_path: Path, store_path: Path) -> None:
        # Refused before the store is read: a national store takes seconds to read, and
        # these refusals need only the folder.
        refuse_inputs(into, [targets_path.parent, store_path.parent])
        refuse_foreign_folder(into, force)

    ws = open_workspace(targets, as_of, before_store=before_store)
    assessments = assess(ws.plan, ws.series, today=plan_day(as_of, ws.plan.timezone))
    export = build_export(ws.plan, ws.series, assessments)
    from ..files.opensdg_site_meta import keep_site_fields

    from ..files.opensdg_site_data import keep_site_data

    export.files, export.kept_fields = keep_site_fields(Path(into), export.files)
    export.files = keep_site_data(Path(into), export.files)  # one figure changed, one line
    export.kept = write_export(into, export.files, __version__, force)
    export.withdrawn = withdrawn_left_out(ws, as_of, years_only=True)
    if as_of is not None:
        from ..method.history import recorded_after
        from ..method.series import as_of_bound
        from .later import keys_of

        export.as_of = as_of.isoformat() if isinstance(as_of, date) else as_of
        export.zone = ws.plan.timezone
        export.later = recorded_after(
            ws.store.observations, keys_of(set(ws.plan.indicators)), as_of_bound(export.as_of, ws.plan.timezone)
        )
    export.warnings.extend(ws.warnings_for(ws.plan.indicators))
    from ..files.checks_open_sdg import hand_set_problems  # check's open-sdg-status, said here too

    export.warnings.extend(hand_set_problems(ws.plan, export.replaced))
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
    said_withdrawn(export.withdrawn, "roundtrip20_opensdg_withdrawn")
    for target_id, dims in export.units_not_written.items():
        example = "{" + ", ".join(f"{d}: ..." for d in dims) + "}"
        _say(msg("s42x_opensdg_units_not_written", id=target_id, dims=", ".join(dims), example=example))
    if export.as_of is not None:
        from .later import say_counted

        say_counted("cli_exported_later", *export.later, export.as_of, export.zone)
    if export.kept:
        _say(msg("osexport_kept_site_files", files=", ".join(export.kept)))
    if export.kept_fields:
        shown = ", ".join(export.kept_fields[:5]) + (", ..." if len(export.kept_fields) > 5 else "")
        _say(msg("opensdg22_kept_site_fields", count=len(export.kept_fields), files=shown))
    _report(export.warnings)
