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
