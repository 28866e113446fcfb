"""``--fail-on`` given a status by its name (issue 17, twenty-fifth session).

A Vietnamese officer copies the status from the table she reads (its Vietnamese name, the
catalog's ``status_not_achieved``) into ``status --fail-on``; a gate is a script's, so it takes the status's code
(``not_achieved``), which stays the same whatever the catalog's words become. A word that
is a status's name in either language, in any case and spacing, or its code written with
spaces (``not achieved``), is told the code to write, never read as it: the gate line a
script greps for, and a translation changed later, would otherwise decide what passes."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

    from ..catalog import Message

__all__ = ["named_gate"]


def _plain(text: str) -> str:
    """A name compared as read: case, spacing and how a Vietnamese letter was composed aside."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().replace("_", " ").split())


def _bare(text: str) -> str:
    """A name as typed on a keyboard without Vietnamese input (twenty-sixth session): the
    tool's one fold (plan.units.fold: letters without their marks, the crossed d a plain
    d) of the name as ``_plain`` reads it, '_' a space and case folded as casefold does."""
    from ..plan.units import fold

    return fold(_plain(text))


def _names(codes: Iterable[str], awaiting: str) -> dict[str, str]:
    """Every name a status is shown by (English and Vietnamese), and its code with spaces."""
    from ..catalog import catalog

    names: dict[str, str] = {}
    for code in codes:
        key = "label_awaiting" if code == awaiting else "status_" + code
        for lang in ("en", "vi"):
            shown = catalog(lang).get(key)
            if shown:
                names.setdefault(_plain(shown), code)
                names.setdefault(_bare(shown), code)
        names.setdefault(_plain(code), code)
    return names


def named_gate(typed: str, valid: Iterable[str], awaiting: str) -> Message | None:
    """The refusal of a ``--fail-on`` value that names its statuses rather than giving their
    codes, told the value to write; None when a word is neither a code nor a name (the
    plain refusal lists the codes)."""
    from ..catalog import msg

    codes = set(valid)
    names = _names(sorted(codes), awaiting)
    words = [w.strip() for w in typed.split(",") if w.strip()]
    # A code in any case is a code, as the gate reads it.
    meant = [w.lower() if w.lower() in codes else names.get(_plain(w)) or names.get(_bare(w)) for w in words]
    if any(m is None for m in meant):
        return None
    gate = ",".join(dict.fromkeys(m for m in meant if m))
    named = [w for w in words if w.lower() not in codes]
    if len(named) == 1:
        code = names.get(_plain(named[0])) or names[_bare(named[0])]
        return msg("cli_status_by_name", typed=named[0], code=code, gate=gate)
    return msg("cli_statuses_by_name", typed=", ".join(f"'{w}'" for w in named), gate=gate)


def unknown_gate(unknown: list[str], valid: Iterable[str]) -> Message:
    """Statuses --fail-on does not know, with the code one alone is close to (`notachieved`:
    not_achieved; issue 17, twenty-sixth session), or the codes it is a word of."""
    from ..catalog import msg
    from ..plan.suggest import closest

    codes = sorted(valid)
    statuses, listed = ", ".join(unknown), ", ".join(codes)
    if len(unknown) == 1:
        # A word of several codes (`achieved`: target_achieved and not_achieved, opposites)
        # is told them all: the nearest by spelling would pick one for the user (thirtieth
        # session).
        word = _plain(unknown[0]).replace(" ", "_").replace("-", "_")
        parts = [code for code in codes if word and word in code.split("_")]
        if len(parts) > 1:
            several = ", ".join(f"'{code}'" for code in parts)
            return msg("cli_unknown_status_several", statuses=statuses, codes=several, valid=listed)
        if len(parts) == 1:  # `target`: the one code it is a word of, where none is close by spelling
            return msg("cli_unknown_status_hint", statuses=statuses, hint=parts[0], valid=listed)
    hint = closest(unknown[0], codes) if len(unknown) == 1 else None
    if hint is not None:
        return msg("cli_unknown_status_hint", statuses=statuses, hint=hint, valid=listed)
    return msg("cli_unknown_status", statuses=statuses, valid=listed)
