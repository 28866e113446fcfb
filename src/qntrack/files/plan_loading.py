"""``load_plan`` without the parser: a plan kept parsed (kept_plans.py) is read back
without importing ``definitions``, PyYAML's loader, the plan's readers and their helpers.

``qntrack check`` on a national plan kept by an earlier run imported 17 modules of the
parser it never called (with PyYAML, some 15-20 ms of processor time; issue 17,
thirty-second session); the parser is imported here only when a plan is parsed: one
under ``KEEP_FROM``, or one not kept yet.
"""

from __future__ import annotations

from pathlib import Path

from . import kept_plans
from .shown_days import show_days_in
from .textfiles import plan_text
from ..plan.model import Plan

__all__ = ["load_plan"]


def load_plan(path: Path, text: str | None = None) -> Plan:
    """Read and validate targets.yaml; raise PlanError listing every problem. ``text``:
    the file's text, when the caller has read it (``plan_text``)."""
    if text is None:
        text = plan_text(path)
    if len(text) < kept_plans.KEEP_FROM:
        from .definitions import _parsed_recently  # a small plan is parsed: the parser is needed

        plan = _parsed_recently(text, str(path))
    else:
        plan = kept_plans.parsed(path, text, _parse)  # a national plan: perhaps kept parsed by an earlier run
    show_days_in(plan.timezone)  # the days figures were recorded on, shown in the plan's zone
    return plan


def _parse(text: str, file: str) -> Plan:
    """``definitions.parse_plan``, imported only when a plan is parsed (looked up when
    called, so that a test's stand-in for it is the one called)."""
    from . import definitions

    return definitions.parse_plan(text, file)
