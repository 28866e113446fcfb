"""A text with spaces typed without quotes (``--source GSO press release``), told to be quoted.

The shell gives ``--source`` its first word alone, and the others become arguments the
command does not take: Click said "Got unexpected extra argument(s) (press release)", which
does not say why nor what to type. When the words beyond the command's arguments follow
the value of an option that takes a text, the same error ends with that option and its
words in quotes (issue 17, twenty-second session). Imported only when Click refuses
extra arguments.
"""

from __future__ import annotations

import re
from typing import Any

# The options whose value is a text a person types in words (a source, a note, a unit's
# name, a group, a sheet): the ones a newcomer leaves unquoted.
_TEXT_OPTIONS = ("--source", "--note", "--dim", "--group", "--sheet")

_EXTRA = re.compile(r"Got unexpected extra arguments? ?(?:\(s\))? \((?P<args>.*)\)", re.DOTALL)


def quoting_hint(detail: str, params: list[Any], args: list[str]) -> str | None:
    """Click's ``detail`` of extra arguments with the option to quote and its words, for
    the command line ``args`` as Click read it (``params``: the command's); None when the
    surplus words follow no text option's value, or ``detail`` is another error."""
    from ..catalog import msg, render

    found = _EXTRA.fullmatch(detail)
    if found is None:
        return None
    takes_value = {
        name for p in params if p.param_type_name == "option" and not getattr(p, "is_flag", False) for name in p.opts
    }
    wanted = sum(1 for p in params if p.param_type_name == "argument")
    # Each bare word, and the text option (and its value) it directly follows, if any.
    words: list[tuple[int, tuple[str, str, int] | None]] = []
    after: tuple[str, str, int] | None = None  # the option, its value, the value's index
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            words.extend((k, None) for k in range(i + 1, len(args)))
            break
        name, eq, value = arg.partition("=")
        if arg in takes_value and i + 1 < len(args):
            after = (arg, args[i + 1], i + 1) if arg in _TEXT_OPTIONS else None
            i += 2
            continue
        if eq and name in takes_value and name.startswith("--"):
            after = (name, value, i) if name in _TEXT_OPTIONS else None
        elif arg.startswith("-") and arg != "-":
            after = None
        else:
            words.append((i, after))
        i += 1
    surplus = len(words) - wanted
    if surplus < 1:
        return None
    for k, (index, option) in enumerate(words):
        if option is None or index != option[2] + 1:
            continue  # only the words right after the option's value are its own
        run = [words[k + j][0] for j in range(surplus) if k + j < len(words) and words[k + j][1] == option]
        if len(run) < surplus or run != list(range(index, index + surplus)):
            continue
        text = " ".join([option[1], *(args[r].strip() for r in run)])
        return render(
            msg("usage_extra_arguments_quote", args=found["args"], option=option[0], quoted=f'"{text}"'), "en"
        )
    return None
