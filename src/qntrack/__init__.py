"""qntrack: track quantified policy targets the way official statistics bodies do.

The Python API (docs/python-api.md): the names of ``__all__``, importable from here, each
loaded on first use (``qntrack --version`` and ``import qntrack`` load none of them)."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# Each public name, and the module that defines it (its documentation is there).
_WHERE = {
    "InputError": "errors",
    "ArgumentError": "errors",
    "PlanError": "errors",
    "StoreError": "errors",
    "StoreLockedError": "errors",
    "ExitCode": "errors",
    "Location": "plan.model",
    "Problem": "plan.model",
    "Observation": "plan.model",
    "Plan": "plan.model",
    "Workspace": "files.workspace",
    "open_workspace": "files.workspace",
    "reference_day": "files.workspace",
    "assess": "output.status_run",
    "assess_target": "output.status_run",
    "Assessed": "output.status_run",
    "assessed": "output.status_run",
    "status": "output.status_run",
    "show": "output.show_run",
    "history": "output.history_run",
    "rank": "output.rank_run",
    "status_document": "output.formats",
    "to_json": "output.formats",
    "Recorded": "files.recording",
    "record_many": "files.recording",
    "retract": "files.retracting",
    "Retracted": "files.retracting",
    "import_observations": "files.importing",
    "run_checks": "files.checks",
    "build_report": "output.report",
    "write_report": "output.report",
}

__all__ = [
    "__version__",
    "InputError",
    "ArgumentError",
    "PlanError",
    "StoreError",
    "StoreLockedError",
    "ExitCode",
    "Location",
    "Problem",
    "Observation",
    "Plan",
    "Workspace",
    "open_workspace",
    "reference_day",
    "assess",
    "assess_target",
    "Assessed",
    "assessed",
    "status",
    "show",
    "history",
    "rank",
    "status_document",
    "to_json",
    "Recorded",
    "record_many",
    "retract",
    "Retracted",
    "import_observations",
    "run_checks",
    "build_report",
    "write_report",
]

if TYPE_CHECKING:  # what a type checker and an editor see; at run time, __getattr__
    from .errors import ArgumentError, ExitCode, InputError, PlanError, StoreError, StoreLockedError
    from .files.checks import run_checks
    from .files.importing import import_observations
    from .files.recording import Recorded, record_many
    from .files.retracting import Retracted, retract
    from .files.workspace import Workspace, open_workspace, reference_day
    from .output.formats import status_document, to_json
    from .output.report import build_report, write_report
    from .output.history_run import history
    from .output.rank_run import rank
    from .output.show_run import show
    from .output.status_run import assess, assess_target, Assessed, assessed, status
    from .plan.model import Location, Observation, Plan, Problem


def __getattr__(name: str) -> Any:
    where = _WHERE.get(name)
    if where is None:
        raise AttributeError(f"module 'qntrack' has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{where}"), name)
    globals()[name] = value  # once: the next use is a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_WHERE))
