"""How far a write got, for whoever wants to know: a listener set in a context variable.

The console sets one for each command, to say what an interrupted command left behind
(cli/app.py); a Python caller may set its own. A module of its own, light, so that every
command can listen without importing the store's code.
"""

from __future__ import annotations

from contextvars import ContextVar
from pathlib import Path
from typing import Callable

__all__ = ["APPEND_STAGE"]

# Told ("writing", store, rows) once an append's journal is durable, and ("added", store,
# rows) once its batch is whole and the journal gone, or ("undone", store, rows) once a
# batch cut short (a full disk, Ctrl-C) is cut back off (files/appending.py). None: nobody.
APPEND_STAGE: ContextVar[Callable[[str, Path, int], None] | None] = ContextVar("append_stage", default=None)
