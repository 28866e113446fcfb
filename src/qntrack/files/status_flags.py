"""A statistics table's flag of a figure's status: `2024 (p)` (provisional) or `2024 (e)`
(estimated), as Eurostat's and the OECD's tables print it after a period, and `(p)` or `e`
written in a status cell (issue 17, twenty-eighth session). No footnote mark
(heading_marks): read past, the figure was recorded with no status. Each is refused with
the status to write; (p) may be qntrack's preliminary or estimate, so the user chooses."""

from __future__ import annotations

import re
from dataclasses import replace

from ..catalog import Message, msg
from ..plan.periods import PeriodError

__all__ = ["status_flag", "flag_problem", "status_cell_flag", "typed_plan_status", "in_heading", "column_refusal"]

_FLAG = re.compile(r"^(?P<rest>.*?\S)\s*(?P<flag>\(\s*(?P<letter>[pPeE])\s*\))$")


def status_flag(text: str) -> tuple[str, str, str] | None:
    """(the flag's letter, p or e; the flag as written; the period before it) of a period
    followed by a status flag, '2024 (p)'; None for any other text."""
    from . import rules
    from .import_headers import _read_period

    found = _FLAG.match(text.strip())
    if found is None:
        return None
    try:
        period = str(rules.period(_read_period(found["rest"])))
    except PeriodError:
        return None
    return found["letter"].lower(), found["flag"], period


def flag_problem(text: str) -> Message | None:
    """What a period cell or heading followed by a status flag is told (the period alone,
    the status in its column), or None when ``text`` holds no flag. A plan's mark on the
    period ('KH 2025', twenty-ninth session) is told it is a plan: never an observation."""
    from .plan_marks import plan_period

    if (planned := plan_period(text)) is not None:
        return msg("periods_plan", text=text, code=planned)
    flag = status_flag(text)
    if flag is None:
        return None
    return msg(f"periods_ends_with_flag_{flag[0]}", text=text, flag=flag[1], code=flag[2])


_STATUS_FLAG = re.compile(r"\(?\s*([pe])\s*\)?", re.IGNORECASE)


def typed_plan_status(status: str) -> Message | None:
    """What ``--status KH`` (typed: a plan, no status of a figure) is told, with no row to
    leave out: record the figure when it is published, with its status; None for any other
    text. The one rule for a status typed once, for one figure or for every row of an
    import (issue 17, twenty-ninth session)."""
    from .plan_marks import is_plan_word

    if not is_plan_word(status):
        return None
    return replace(msg("recording_status_plan", status=status.strip()), wording="recording_status_plan_typed")


def status_cell_flag(status: str) -> Message | None:
    """What a status cell holding a statistics table's flag is told ('(p)', 'e', as
    Eurostat's and the OECD's tables print them, written where a period cell's flag was
    told to go): what the flag stands for and the status to write, (p) preliminary or
    estimate (the user chooses, as for the period cell), (e) estimate; None for any other
    text, which the list of statuses answers."""
    from .plan_marks import is_plan_word

    if is_plan_word(status):  # 'KH': a plan's figure (twenty-ninth session)
        return msg("recording_status_plan", status=status.strip())
    if status.strip().lower() in ("revised", "revision"):  # a later row, not a status (s41)
        return msg("recording_status_revised", status=status.strip())
    found = _STATUS_FLAG.fullmatch(status.strip())
    if found is None or ("(" in status) != (")" in status):
        return None
    return msg(f"recording_status_flag_{found[1].lower()}", status=status.strip())


def in_heading(exc: PeriodError) -> PeriodError:
    """A wide table's heading refused for its status flag (``flag_problem``), told the wide
    table's way: its status goes in the heading with the period ("Prel. 2024"), which
    --wide reads as the column's status; a status column would give the status of every
    period of its row. The same refusal (its id), in other words; any other as it is."""
    told = exc.args[0] if exc.args else None
    if not isinstance(told, Message) or not told.id.startswith("periods_ends_with_flag_"):
        return exc
    return PeriodError(replace(told, wording=told.id.replace("periods_ends_with_flag_", "periods_heading_flag_")))


def column_refusal(exc: PeriodError, breakdowns: bool) -> str:
    """The id of what a heading that is no period nor a known column is told. One refused
    for its status flag (``in_heading``) is a period and a flag, and said so: "is neither a
    period" contradicted the line above it, which reads the table as wide for that very
    period."""
    told = exc.args[0] if exc.args else None
    if isinstance(told, Message) and told.id.startswith("periods_ends_with_flag_"):
        return "import_column_flagged_period"
    return "import_column_not_period_or_dimension" if breakdowns else "import_column_not_period"
