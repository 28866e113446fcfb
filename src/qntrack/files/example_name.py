"""The report's name a refusal of an -o name offers instead (review.docx; bao-cao.docx in
Vietnamese), of the format asked: `report -o targets.yaml --format docx` was offered
"e.g. -o review.html" whatever the format or the language (issue 17, twenty-ninth
session). Moved beside files/outputs.py, which had reached its 500 lines. Pure."""

from __future__ import annotations

from pathlib import Path

from ..catalog import Message

__all__ = ["example", "in_folder"]


def example(output: str, kind: str | None) -> dict[str, object]:
    """The report's name a refusal of ``output`` offers instead, as the message's ``stem``
    (review, bao-cao: in the message's language) and ``ext``: the extension of the format
    asked for, else ``output``'s own if a report's, else .html (twenty-ninth session:
    `-o targets.yaml --format docx` was offered review.html)."""
    from .outputs import WRITABLE

    suffix = Path(output).suffix.lower()
    ext = next((e for e, k in WRITABLE.items() if k == kind), None) if kind else None
    return {"stem": Message("outputs_example_name"), "ext": ext or (suffix if suffix in WRITABLE else ".html")}


def in_folder(folder: str, kind: str | None) -> dict[str, object]:
    """A report's name in ``folder``, for -o ("My reports/review.docx", quoted when it holds
    a space), as the message's ``before``, ``name`` (in the message's language) and
    ``after``; its extension ``example``'s."""
    named = example(folder, kind)
    quote = '"' if " " in folder else ""
    return {"before": quote + folder.rstrip("/") + "/", "name": named["stem"], "after": f"{named['ext']}{quote}"}
