"""What a command stopped by Ctrl-C, SIGTERM or SIGHUP says it did: the rows it added, an append
it was in the middle of, or nothing (moved out of cli/app.py, at its 500-line limit)."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from .printing import _say

__all__ = ["report_interrupted", "STOPPED_SAID"]


def report_interrupted(stages: Sequence[tuple[str, Path, int]], adds_rows: bool, how: str = "interrupted") -> None:
    """What an interrupted command says: the rows it added, or that an append was under
    way (its journal tells check), or that it added nothing (every row qntrack writes to
    a store goes through an append, all or nothing: files/appending.py); a command that
    adds no rows, that it was interrupted. ``how``: "interrupted" (Ctrl-C), or the
    ``word`` of errors.Terminated: "terminated" (SIGTERM) or "hungup" (SIGHUP), said so
    (the cli_terminated and cli_hungup messages), since no one pressed a key."""
    from ..catalog import msg

    said = STOPPED_SAID[how]
    # A batch cut short and cut back off ("undone") added nothing.
    added = [(path, rows) for stage, path, rows in stages if stage == "added"]
    if stages and stages[-1][0] == "moved":
        _say(msg(said["after_repair"], side_file=stages[-1][1].name))
    elif stages and stages[-1][0] == "writing":
        _say(msg(said["writing"], path=stages[-1][1].name))
    elif added:
        _say(msg(said["after_append"], rows=sum(r for _, r in added), path=added[-1][0].name))
    else:
        _say(msg(said["nothing_added" if adds_rows else "reading"]))


# What a stopped command says, by how it was stopped: Ctrl-C, SIGTERM or SIGHUP.
STOPPED_SAID = {
    word: {
        "after_repair": f"cli_{word}_after_repair",
        "writing": f"cli_{word}_writing",
        "after_append": f"cli_{word}_after_append",
        "nothing_added": f"cli_{word}",
        "reading": f"cli_{word}_reading",
    }
    for word in ("interrupted", "terminated", "hungup")
}
