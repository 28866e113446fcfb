"""The rows ``add-observation`` added, or with --dry-run would add, printed on standard
output in the chosen format (docs/json.md): a script running the month's import tells
"nothing new" from "rows added" by them, not by the confirmation's words on stderr."""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from .app import Lang, OutputFormat, _format, _lang
from .printing import _guard_stdout, _out

if TYPE_CHECKING:
    from ..plan.model import Observation


def guard_rows_output(targets: str | None) -> None:
    """Refuse, before anything is written, to print the rows into the plan or the store."""
    from ..files.workspace import find_targets

    _guard_stdout(find_targets(targets))


def print_rows(
    targets: str | None,
    rows: Sequence[Observation],
    fmt: OutputFormat | None,
    lang: Lang | None,
    dry_run: bool = True,
    replacing: Sequence[tuple[Observation, Observation]] = (),
) -> None:
    """The rows a --dry-run would append, or (``dry_run`` false, --format given) the rows
    appended, in the chosen format, never into the plan or the store; ``replacing``: each
    row with the vintage it replaces or the figure it withdraws (the JSON's ``revises``)."""
    from ..files.workspace import find_targets

    guard_rows_output(targets)
    kind = _format(fmt)
    if kind == "json":
        from ..output.documents import dry_run_document
        from ..output.formats import to_json

        _out(to_json(dry_run_document(rows, dry_run, replacing)))
    elif kind in ("csv", "tsv"):
        from ..output.tables import observation_pieces

        _out("".join(observation_pieces(rows, kind)))
    else:
        from ..output import render
        from ..files.plan_loading import load_plan

        render.observations_table(load_plan(find_targets(targets)), rows, _lang(lang))
