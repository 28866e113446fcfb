"""What one run of a command has been told before the command itself: the options given
before its name (``qntrack --lang vi status``), and the language its messages are in."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .app import Lang


@dataclass(slots=True)
class Given:
    """The options given before the command (set by ``app._root``), and the language the
    command's messages are in (its own --lang, else the one before it; set by the
    ``command`` decorator)."""

    targets: str | None = None
    lang: Lang | None = None
    message_lang: Lang | None = None

    # The options a command takes from before its name when it was not given its own.
    SHARED = ("targets", "lang")


_GLOBAL = Given()


def _known_lang(value: str) -> str | None:
    """The language ``value`` names, in any case and with spaces around ('VI' -> 'vi'),
    or None (i18n.resolve_lang reads QNTRACK_LANG the same way)."""
    chosen = value.strip().lower()
    return chosen if chosen in ("en", "vi") else None


def _message_lang(lang: Lang | str | None = None) -> str:
    """The language of messages: the command's --lang, else the one given before the
    command, else QNTRACK_LANG, else English."""
    from ..output.i18n import resolve_lang

    chosen = lang if lang is not None else _GLOBAL.message_lang or _GLOBAL.lang
    return resolve_lang(chosen.value if isinstance(chosen, Enum) else chosen)


def refuse_missing_home(words: list[str]) -> None:
    """Before ``--install-completion``, which is Typer's: its installer writes
    ``~/.bashrc`` (or zsh's, fish's files) and makes the folders it needs, the home itself
    included, so a HOME naming a folder that does not exist was made and written into, and
    an empty HOME wrote ``/.bashrc`` (Python reads it as the root folder). A home that is no folder is
    refused, one line, exit 1, nothing made."""
    import os

    home = os.path.expanduser("~")  # "/" for an empty HOME, where Typer would write
    if os.environ.get("HOME", "~") and home != "~" and os.path.isdir(home):
        return
    import typer

    from ..catalog import msg
    from ..plan.model import Location, Problem
    from .printing import _report

    named = os.environ.get("HOME") or "HOME"  # an empty one by its name
    # Said before the command line is read (the root callback sets the language): the
    # line's own --lang, else QNTRACK_LANG's, never the language a command earlier in the
    # same process (a notebook, a test runner) left behind.
    from .app import Lang

    typed = [w for i, w in enumerate(words) if i and words[i - 1] == "--lang"]
    typed += [w[7:] for w in words if w.startswith("--lang=")]
    spoken = [Lang(w) for w in typed if w in Lang.__members__]  # one Click would refuse: none
    _GLOBAL.targets, _GLOBAL.lang, _GLOBAL.message_lang = None, (spoken[-1] if spoken else None), None
    _report([Problem(Location(named), msg("cli_completion_no_home"))])
    raise typer.Exit(1)
