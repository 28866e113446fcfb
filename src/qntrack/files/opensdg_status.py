"""A progress status an Open SDG site sets by hand (issue 17, thirty-seventh session).

With ``auto_progress_calculation: false``, sdg-build publishes the metadata's
``progress_status`` as the indicator's status: one the office chose, not one computed.
qntrack judges no such status, but the plan carries it for the indicator
(targets.yaml's ``open_sdg: {progress_status: substantial_progress}``), so that
``import opensdg`` keeps it and ``export opensdg`` writes it back: a round trip through
qntrack no longer drops what the site published. docs/targets-format.md, docs/formats.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..catalog import msg
from ..plan.model import Problem

if TYPE_CHECKING:  # the YAML reader's, loaded by the plan's parse; `check` of a kept plan needs none
    from yaml.nodes import Node

    from ..plan.model import Indicator
    from .yaml_problems import What
    from .yaml_reader import _Reader

__all__ = ["OPEN_SDG_KEYS", "OPEN_SDG_STATUSES", "PROGRESS_SUFFIX", "read_open_sdg", "companion_status_problems"]

OPEN_SDG_KEYS = ("progress_status",)
# Open SDG's own status types (its site configuration's progress_status.status_types by
# default), in the order its documentation lists them.
OPEN_SDG_STATUSES = (
    "not_available",
    "deterioration",
    "limited_progress",
    "moderate_progress",
    "substantial_progress",
    "target_achieved",
)


def read_open_sdg(reader: _Reader, node: Node | None, where: What) -> str | None:
    """The status an indicator's ``open_sdg:`` sets by hand, "" when none is given; None
    when a problem was reported (at its line)."""
    from .yaml_problems import _at

    if node is None or reader.is_null(node):  # `open_sdg:` left empty: not given
        return ""
    what = _at(where, "open_sdg")
    keys = reader.mapping(node, what, OPEN_SDG_KEYS)
    if keys is None:
        return None
    if "progress_status" not in keys:
        return ""
    return reader.choice(keys["progress_status"][1], _at(what, "progress_status"), OPEN_SDG_STATUSES)


# An indicator ``x_progress`` beside ``x`` is Open SDG's Progress column of ``x``: the one
# spelling the export, the import, this module and check's open-sdg-status share.
PROGRESS_SUFFIX = "_progress"


def companion_status_problems(reader: _Reader, indicators: dict[str, Indicator]) -> None:
    """``open_sdg`` on ``x_progress`` beside ``x``: the export writes ``x_progress`` as the
    Progress column of ``x``'s data file, and Open SDG reads a status set by hand only from
    ``x``'s metadata, so it would never be written. Refused at its line, naming ``x``
    (thirty-seventh session, pass J). Without ``x`` (or with a formula on either, which
    the export does not pair), ``x_progress`` is an Open SDG indicator of its own."""
    for ind_id, where in reader.open_sdg_at.items():
        if not ind_id.endswith(PROGRESS_SUFFIX):
            continue
        base = indicators.get(ind_id[: -len(PROGRESS_SUFFIX)])
        own = indicators.get(ind_id)
        if base is None or own is None or base.formula or own.formula:
            continue
        reader.problems.append(Problem(where, msg("opensdg_status_on_progress", id=ind_id, base=base.id)))
