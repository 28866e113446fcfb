"""``qntrack export-opensdg --into DIR``: the tracker as an Open SDG data repository
(files/opensdg_export.py decides the files, files/opensdg_write.py writes them).

``export_opensdg`` is the library-level function a Python caller uses; the command only
reads the options and prints its summary on stderr."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import ExitCode, fail
from .app import AsOfOpt, LangOpt, TargetsOpt, _as_of, command
from .printing import _say

if TYPE_CHECKING:
    from ..files.opensdg_export import Export

__all__ = ["export_opensdg"]


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


@command("export-opensdg")
def export_opensdg_command(
    into: Annotated[
        str,
        typer.Option(
            "--into",
            metavar="DIR",
            help="The folder to write the repository into (created if missing). An existing "
            "folder must be empty or one qntrack exported into before.",
        ),
    ],
    targets: TargetsOpt = None,
    force: Annotated[
        bool,
        typer.Option("--force", help="Write into a non-empty folder that qntrack did not export into."),
    ] = False,
    lang: LangOpt = None,
    as_of: AsOfOpt = None,
) -> None:
    """Write the plan and its figures in force as an Open SDG data repository.

    data/indicator_<id>.csv per indicator (whole years only), meta/<id>.md with the
    progress options of its open_sdg targets (or the status qntrack computed for its
    other targets), config_data.yml for Open SDG's build. Derived indicators are left out.

    Example: qntrack export-opensdg --into sdg-data --as-of 2025-06-30
    """
    from ..catalog import msg

    export = export_opensdg(targets, into, _as_of(as_of), force)
    _say(msg("osexport_wrote", indicators=export.indicators, figures=export.figures, folder=into))
    if export.sub_annual:
        _say(msg("osexport_left_sub_annual", count=export.sub_annual))
    if export.unknown_units:
        _say(msg("osexport_left_unknown_units", count=export.unknown_units))
    if export.derived:
        _say(msg("osexport_left_derived", count=len(export.derived), ids=", ".join(export.derived)))
