"""``qntrack import FORMAT SOURCE --into DIR``: another system's repository as a tracker of
its own (issue 16): today an Open SDG data repository (files/opensdg_run.py)."""

from __future__ import annotations

from dataclasses import replace
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from .app import LangOpt, command
from .printing import _report, _say


class ImportFormat(str, Enum):
    opensdg = "opensdg"


@command("import")
def import_(
    fmt: Annotated[
        ImportFormat,
        typer.Argument(
            metavar="FORMAT",
            case_sensitive=False,  # OPENSDG as opensdg, as --format and --lang are read
            help="opensdg: an Open SDG data repository (docs/formats.md).",
        ),
    ],
    source: Annotated[
        str, typer.Argument(metavar="REPO_DIR", help="The repository's folder: the one that holds data/ and meta/.")
    ],
    into: Annotated[
        str,
        typer.Option(
            "--into",
            metavar="DIR",
            help="The folder to write targets.yaml and observations.csv in (made if missing); "
            "a later import of a newer checkout into it adds only what changed.",
        ),
    ],
    recorded_at: Annotated[
        Optional[str],
        typer.Option(
            "--recorded-at",
            metavar="DATE",
            help="When the figures were published, for a folder that is not a git checkout "
            "(a checkout dates each data file by its last commit).",
        ),
    ] = None,
    skip_bad: Annotated[
        bool,
        typer.Option("--skip-bad", help="Leave out the indicators with problems (each said) and import the others."),
    ] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Say what would be imported; write nothing.")] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Replace a targets.yaml in DIR that an earlier import did not write.")
    ] = False,
    lang: LangOpt = None,  # the language of its messages (the command decorator reads it)
) -> None:
    """Read another system's repository into a tracker of its own: targets.yaml (one
    open_sdg target per progress option, each Open SDG indicator a group) and
    observations.csv (every figure, each unit of a disaggregation its own series).

    All or nothing: any problem stops the import with every problem listed (or, with
    --skip-bad, leaves out the indicators that have one).

    Example: qntrack import opensdg sdg-data --into tracker && qntrack --targets tracker/targets.yaml status

    Example (a folder that is not a git checkout, as export opensdg writes one): qntrack
    import opensdg sdg-data --into tracker --recorded-at 2025-06-30
    """
    from ..catalog import msg
    from ..errors import ExitCode, fail, os_failure
    from ..files.opensdg_run import import_opensdg, problems_of

    if not source:  # `import opensdg "$REPO"` with REPO unset: not the current folder
        raise fail("REPO_DIR", msg("cli_repo_empty"), ExitCode.USAGE)
    before = _written(into)
    try:
        # --into as typed: Path('') would be the current folder, which the import refuses.
        done = import_opensdg(Path(source), into, recorded_at, skip_bad=skip_bad, dry_run=dry_run, force=force)
    except OSError as exc:
        # What is true of the tracker: "a rerun adds the rest" only when something was written.
        after = msg("opensdg_after") if _written(into) != before else msg("cli_nothing_written")
        if _made_in(exc, into):
            from ..files.outputs import os_error_file, writing_failed

            # A folder that takes no new file (/proc) said so, as init and export say it.
            name = os_error_file(exc, str(into))
            raise writing_failed(exc, name, msg("opensdg_doing"), after) from None
        raise os_failure(exc, None, msg("opensdg_doing"), after, made=True) from None
    planned = done.planned
    for inid, found in planned.left_out.items():
        _say(msg("opensdg_left_out", inid=inid, count=len(found)))
    _report([replace(p, severity="warning") for p in problems_of(done)] + planned.warnings)
    counts = dict(
        indicators=planned.indicators,
        targets=planned.targets,
        targets_file=str(done.targets),
        added=done.added,
        unchanged=done.unchanged,
    )
    for key, value in (
        ("opensdg_repeated", dict(repeated=planned.repeated)),
        ("opensdg_empty_values", dict(empty=planned.empty_values)),
        ("opensdg_renamed_units", dict(renamed=planned.renamed_units)),
        ("opensdg_respelled_units", dict(respelled=planned.respelled_units)),
    ):
        if next(iter(value.values())):
            said = msg(key, **value)
            if key == "opensdg_respelled_units" and planned.respelled_first is not None:
                said = msg("opensdg22_respelled_where", said=said, first=planned.respelled_first)
            _say(said)
    if planned.geocode_clashes:
        clashes = planned.geocode_clashes
        shown = ", ".join(clashes[:5]) + (", ..." if len(clashes) > 5 else "")
        _say(msg("roundtrip20_geocode_clashes", count=len(clashes), units=shown))
    if planned.geocodes_partly:
        partly = planned.geocodes_partly
        shown = ", ".join(partly[:5]) + (", ..." if len(partly) > 5 else "")
        _say(msg("roundtrip20_geocode_partly", count=len(partly), units=shown))
    for column, file, rows in planned.geocodes_loose:
        _say(msg("roundtrip20_geocode_loose", rows=rows, column=column, file=file))
    if planned.geocodes_unplaced:
        _say(msg("roundtrip20_geocodes_unplaced", files=", ".join(planned.geocodes_unplaced)))
    if done.gone:
        # Named, the first five, so that the officer can look each up (history, retract).
        shown = ", ".join(done.gone[:5]) + (", ..." if len(done.gone) > 5 else "")
        _say(msg("opensdg_gone", gone=len(done.gone), figures=shown))
    if done.still_withdrawn:
        shown = ", ".join(done.still_withdrawn[:5]) + (", ..." if len(done.still_withdrawn) > 5 else "")
        _say(msg("s42x_opensdg_still_withdrawn", count=len(done.still_withdrawn), figures=shown))
    if recorded_at is not None and planned.dated_by_git:
        _say(msg("hostile16_recorded_at_git", count=planned.dated_by_git))
    if planned.shallow:
        _say(msg("opensdg_shallow"))
    if planned.passed_over[0]:
        passed, pattern = planned.passed_over
        shown = ", ".join(passed[:10]) + (", ..." if len(passed) > 10 else "")
        _say(msg("opensdg22_passed_over", count=len(passed), pattern=pattern, files=shown))
    if planned.meta_only:
        # A site's metadata often covers every SDG indicator, reported or not: the first ten.
        shown = ", ".join(planned.meta_only[:10]) + (", ..." if len(planned.meta_only) > 10 else "")
        _say(msg("hostile16_meta_without_data", count=len(planned.meta_only), files=shown))
    if planned.data_only:
        # Metadata elsewhere (meta/ renamed): no name, unit or option read, said (session 45, O).
        first = Path(planned.data_only[0])
        expected = (first.parent.parent / "meta" / (first.stem.removeprefix("indicator_") + ".md")).as_posix()
        shown = ", ".join(planned.data_only[:10]) + (", ..." if len(planned.data_only) > 10 else "")
        _say(msg("s45o_opensdg_data_without_meta", count=len(planned.data_only), expected=expected, files=shown))
    if done.kept_indicators:
        kept = done.kept_indicators
        _say(msg("hostile16_kept_indicators", count=len(kept), ids=", ".join(kept)))
    _say(msg("opensdg_dry_run" if dry_run else "opensdg_done", **counts))


def _written(into: str) -> tuple[tuple[int, int, int] | None, ...]:
    """The tracker's two files in ``into`` as the disk holds them (None: not there), to
    tell after a failed import whether it wrote anything (a new folder on a read-only disk
    holds nothing; figures appended before the plan failed stay, and a rerun adds it)."""
    import os

    found: list[tuple[int, int, int] | None] = []
    for name in ("targets.yaml", "observations.csv"):
        try:
            info = os.stat(os.path.join(into, name))
        except (OSError, ValueError):  # not there, a part of the path a file, a NUL refused later
            found.append(None)
        else:
            found.append((info.st_ino, info.st_size, info.st_mtime_ns))
    return tuple(found)


def _made_in(exc: OSError, into: str) -> bool:
    """Whether the file the system refused is --into, one in it, or a folder above it that
    the import makes first (what the import makes), not a file of the repository it reads."""
    import os

    if not exc.filename or not into:
        return False
    made = os.path.abspath(os.fsdecode(exc.filename))
    folder = os.path.abspath(into)
    return os.path.commonpath([made, folder]) in (made, folder)
