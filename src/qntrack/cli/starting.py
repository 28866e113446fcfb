"""Getting started: ``init`` (a new tracker) and ``docs`` (the references installed with
qntrack, readable offline)."""

from __future__ import annotations

import os
import re

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Iterable, Optional

import typer

from ..errors import ExitCode, fail
from .app import LangOpt, command
from .completion import complete_docs
from .printing import _out, _say

if TYPE_CHECKING:
    from ..catalog import Message
    from importlib.resources.abc import Traversable


@command()
def init(
    folder: Annotated[str, typer.Argument(metavar="[DIR]", help="Where to start the tracker (default: here).")] = ".",
    lang: LangOpt = None,  # the language of its messages and of the starter's comments
) -> None:
    """Start a new tracker: a small commented targets.yaml and an empty observations.csv.

    Its comments are in the language of messages (--lang vi: Vietnamese).

    Refuses to overwrite anything that exists.

    Example: qntrack init my-plan && cd my-plan && qntrack status
    """
    from ..catalog import msg
    from ..files.starter import write_starter
    from .session import _message_lang

    from ..files.windows_paths import refuse_windows_folder

    if not folder:  # `init "$DIR"` with DIR unset: not the folder a script happens to run in
        raise fail("DIR", msg("cli_init_empty"), ExitCode.USAGE)
    directory = Path(folder)
    refuse_windows_folder(folder)  # 'plans\2026' would be one folder named so
    from ..files.outputs import refuse_file_as_folder

    refuse_file_as_folder(folder, creates=True)  # 'targets.yaml/x', named as typed (exit 2)
    if not directory.is_absolute():
        try:
            os.getcwd()
        except FileNotFoundError:  # the shell's folder was removed: not "create the folder first"
            raise fail(str(directory), msg("starter_cwd_gone")) from None
    try:
        created = write_starter(directory, _message_lang(lang))
    except OSError as exc:
        from ..files.outputs import os_error_file, writing_failed

        raise writing_failed(
            exc, os_error_file(exc, str(directory)), msg("starter_doing_init"), msg("starter_nothing_created")
        ) from None
    for written in created:
        _say(msg("starter_created", path=written))
    step = _next_step(directory)
    above = _plan_above(directory) if step is not None and step.id == "starter_next_in_place" else None
    if above is not None:  # `cd tracker/reports && qntrack init`: its cron lines read examples (pass K)
        from ..plan.model import Location, Problem
        from .printing import _report

        _report([Problem(Location("init"), msg("starter_plan_above", above=above), severity="warning")])
    if step is not None:
        _say(step)


def _plan_above(directory: Path) -> str | None:
    """The targets.yaml of a folder above ``directory`` (as the path to type from here),
    which commands run in ``directory`` read until its own plan is made; None if none."""
    for folder in directory.resolve().parents:
        if os.path.lexists(folder / "targets.yaml"):
            return os.path.relpath(folder / "targets.yaml")
    return None


def _next_step(directory: Path) -> Message | None:
    """What to do after ``init DIR``: change into DIR, since every command reads the plan
    of the folder it runs in; naming that plan when there is one (README's first session
    runs init from the shipped plan's folder, whose store the next add-observation typed
    there wrote to). When the commands run here read the new plan already, the same step
    without the cd (twenty-second session: `init .` had said none)."""
    from ..catalog import msg
    from ..files.workspace import find_targets
    from ..errors import InputError

    new = (directory / "targets.yaml").resolve()
    try:
        here = find_targets(None)
    except InputError:
        here = None
    if here is not None and here.resolve() == new:
        return msg("starter_next_in_place")
    folder = str(directory)
    if not re.fullmatch(r"[^\s\"'$`&|;<>()*?!#~%^{}\[\]]+", folder):
        folder = f'"{folder}"'  # read alike by sh, cmd and PowerShell
    if here is None:
        return msg("starter_next", folder=folder)
    return msg("starter_next_here", folder=folder, here=str(here))


def _shipped_docs() -> dict[str, Traversable]:
    from importlib.resources import files

    folder = files("qntrack") / "docs"
    return {
        entry.name[:-3]: entry for entry in sorted(folder.iterdir(), key=lambda e: e.name) if entry.name.endswith(".md")
    }


@command("docs")
def show_docs(
    name: Annotated[
        Optional[str],
        typer.Argument(
            metavar="[NAME]",
            autocompletion=complete_docs,
            help="targets-format, observations-format, methodology, json, cli, data-integrity, formats or python-api.",
        ),
    ] = None,
    lang: LangOpt = None,  # its messages' language (the command decorator reads it); the pages are English
) -> None:
    """Print a reference installed with qntrack (Markdown); without NAME, list them.

    The same text as docs/ in the source, so it is there offline and matches this version.

    Example: qntrack docs targets-format | less
    """
    shipped = _shipped_docs()
    if name is None:
        _out("".join(f"{n}\n" for n in shipped))
        return
    entry = shipped.get(name.removesuffix(".md"))
    if entry is None:
        from ..errors import suggestion
        from ..catalog import msg

        meant = _named(name, shipped)
        raise fail(
            "docs",
            msg("cli_no_document", name=name, hint=suggestion(meant or name, shipped), documents=", ".join(shipped)),
            ExitCode.USAGE,
        )
    _out(entry.read_text(encoding="utf-8"))


def _named(typed: str, shipped: Iterable[str]) -> str | None:
    """The document ``typed`` names with its kind added or in other capitals (``json-format``
    as targets-format is named, ``JSON.md``, ``Targets``), else None. difflib's closest
    spelling told ``json-format`` "formats" (thirtieth session); still a hint, not a guess
    read in its place, as every unknown name is."""
    stem = typed.casefold().removesuffix(".md")
    for suffix in ("-formats", "-format", "_format", " format"):
        stem = stem.removesuffix(suffix)
    for name in shipped:
        if stem in (name, name.removesuffix("-format")):
            return name
    return None
