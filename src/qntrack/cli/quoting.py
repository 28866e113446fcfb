"""A text with spaces typed without quotes (``--source GSO press release``), told to be quoted.

The shell gives ``--source`` its first word alone, and the others become arguments the
command does not take: Click said "Got unexpected extra argument(s) (press release)", which
does not say why nor what to type. When the words beyond the command's arguments follow
the value of an option that takes a text, the same error ends with that option and its
words in quotes (issue 17, twenty-second session). So does add-observation's refusal of
arguments beside ``--from`` when they are such words (``mixed_hint``), and a plan's name cut
at its space before the command or a check's name (``command_hint``, ``targets_hint``:
twenty-third and twenty-fourth sessions). A plan named by QNTRACK_TARGETS is told as the
variable (a folder, a name the shell cut, stray quotes or a line end), and a refusal ends
with a note on words Windows' cmd left in single quotes or a CRLF script ended with a
carriage return (twenty-fifth session). A --source or --note that took the next option as
its text (an empty variable before it) is refused (twenty-sixth session). Imported when
Click refuses extra arguments or a command, a command is refused, or add-observation or
retract reads its texts (the module imports nothing beyond the standard library).
"""

from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING, Any, Collection, Sequence

if TYPE_CHECKING:
    from ..catalog import Message

# The options whose value is a text a person types in words (a source, a note, a unit's
# name, a group, a sheet, a file's name, a status in words): the ones a newcomer leaves
# unquoted.
# An indicator's name (--indicator), and the names of files and folders (twenty-second
# session's leftovers).
_TEXT_OPTIONS = (
    "--source",
    "--note",
    "--status",
    "--dim",
    "--group",
    "--sheet",
    "--from",
    "--indicator",
    "--output",
    "--into",
    "--targets",
)

_EXTRA = re.compile(r"Got unexpected extra arguments? ?(?:\(s\))? \((?P<args>.*)\)", re.DOTALL)


def _words(params: list[Any], args: list[str]) -> list[tuple[int, tuple[str, str, int] | None]]:
    """Each bare word of ``args`` (its index), with the text option it follows, its value
    and the value's index, when it comes after one."""
    options = [p for p in params if p.param_type_name == "option" and not getattr(p, "is_flag", False)]
    takes_value = {name for p in options for name in p.opts}
    # A short name is the text option its long name is (``-s`` for ``--status``).
    text_options = {name for p in options if set(p.opts) & set(_TEXT_OPTIONS) for name in p.opts}
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
            after = (arg, args[i + 1], i + 1) if arg in text_options else None
            i += 2
            continue
        if eq and name in takes_value and name.startswith("--"):
            after = (name, value, i) if name in text_options else None
        elif arg.startswith("-") and arg != "-":
            after = None
        else:
            words.append((i, after))
        i += 1
    return words


def _run(words: list[tuple[int, tuple[str, str, int] | None]], k: int, count: int) -> list[int] | None:
    """The indices of ``count`` words from the ``k``-th on when they come right after the
    value of the text option the ``k``-th follows, one after another; else None."""
    index, option = words[k]
    if option is None or index != option[2] + 1:
        return None  # only the words right after the option's value are its own
    run = [words[k + j][0] for j in range(count) if k + j < len(words) and words[k + j][1] == option]
    return run if run == list(range(index, index + count)) else None


# Quotes a shell did not read: cmd.exe keeps 'single quotes' as letters, and Word's curly
# quotes pasted into any shell are letters too.
_KEPT_QUOTES = ("''", "\u2018\u2019", "\u201c\u201d")


def _quoted(option: tuple[str, str, int], run: list[int], args: list[str]) -> str:
    text = " ".join([option[1], *(args[r].strip() for r in run)])
    if len(text) > 2 and text[0] + text[-1] in _KEPT_QUOTES:  # --source 'Cuc TK' under cmd
        text = text[1:-1]
    return '"' + text + '"'


def note_typed_words() -> None:
    """After a refusal, on stderr: the command line's words that came in single quotes
    (``single_quotes_note``) or with a carriage return (``crlf_note``)."""
    from .printing import _say

    words = typed_words()
    for note in (single_quotes_note(words), crlf_note(words)):
        if note is not None:
            _say(note)


def crlf_note(words: Sequence[str]) -> Message | None:
    """A script saved with Windows line ends (CRLF) run by bash: the last word of each
    line ends with a carriage return (``--format json\\r``), which no message shows. The
    first such word, and what to do; None when there is none."""
    for word in words:
        if word.endswith("\r"):
            from ..catalog import msg

            return msg("cli_carriage_return", word=f"'{word}'")
    return None


_NAMED_IN_QUOTES = re.compile(r"(?P<head>[^'=\s][^'\s]*=)'(?P<bare>[^'\s]+)'")


def single_quotes_note(words: Sequence[str]) -> Message | None:
    """A refusal's note when words of the command line came in single quotes, which
    Windows' cmd passes on as letters (``history grdp '2023'``: "''2023'' is not a
    period"): the words, and what to type instead; None when none did. So does a unit's
    name in them (``--dim locality='HaLong'``: "''HaLong'' is not a unit")."""
    kept, bare = [], []
    for w in words:
        # A unit's name after its dimension (``--dim locality='HaLong'``), or an option's
        # value after its ``=``: cmd keeps those quotes too; a word cmd did not split
        # (no space) with no other quote inside (O'Hare is a name).
        named = _NAMED_IN_QUOTES.fullmatch(w)
        if len(w) > 2 and w[0] == w[-1] == "'":
            kept.append(w)
            bare.append(w[1:-1])
        elif named is not None:
            kept.append(w)
            bare.append(named["head"] + named["bare"])
    if not kept:
        return None
    from ..catalog import msg

    fixed = " ".join(f'"{w}"' if re.search(r"\s", w) else w for w in bare)
    return msg("cli_single_quotes_kept", words=", ".join(kept), fixed=fixed)


def quoting_hint(detail: str, params: list[Any], args: list[str], figures: bool = False) -> str | None:
    """Click's ``detail`` of extra arguments with the option to quote and its words, for
    the command line ``args`` as Click read it (``params``: the command's); None when the
    surplus words follow no text option's value, or ``detail`` is another error. With
    ``figures`` (add-observation) options after ``--`` are told a figure's minus needs none."""
    from ..catalog import msg, render

    found = _EXTRA.fullmatch(detail)
    if found is None:
        return None
    words = _words(params, args)
    surplus = len(words) - sum(1 for p in params if p.param_type_name == "argument")
    for k in range(len(words)) if surplus >= 1 else ():
        run = _run(words, k, surplus)
        option = words[k][1]
        if run is not None and option is not None:
            quoted = _quoted(option, run, args)
            return render(msg("usage_extra_arguments_quote", args=found["args"], option=option[0], quoted=quoted), "en")
    from .option_words import after_double_dash

    return after_double_dash(found["args"], params, args, figures)


def mixed_hint(params: list[Any], args: list[str]) -> str | None:
    """add-observation's ``--from so lieu.csv`` (or ``--source GSO press release --from x.csv``):
    words that can only be a text option's, read as INDICATOR PERIOD VALUE beside --from,
    which the command refuses as "not both". The refusal with the option to quote, when
    every such word comes right after a text option's value; else None."""
    from ..catalog import msg, render

    if not any(a == "--from" or a.startswith("--from=") for a in args):
        return None
    words = _words(params, args)
    if not words:
        return None
    k, first = 0, None
    while k < len(words):
        option = words[k][1]
        count = 1
        while k + count < len(words) and words[k + count][1] == option:
            count += 1
        run = _run(words, k, count)
        if run is None or option is None:
            return None  # a word after no text option's value: the command's own refusal
        first = first or (option, run)
        k += count
    assert first is not None
    given = " ".join(args[i].strip() for i, _ in words)
    return render(
        msg("usage_mixed_quote", args=given, option=first[0][0], quoted=_quoted(first[0], first[1], args)), "en"
    )


def output_hint(file_name: str, target_ids: Sequence[str], suffixes: Collection[str]) -> Message | None:
    """``report -o bao cao.md``: the shell gives --output "bao" and the command "cao.md" as
    a target id. When the name has no report's extension and it with the first words after
    it has one (``suffixes``), and none of those words can be a target id (``[a-z0-9-]+``),
    the refusal with the name to quote; else None."""
    from pathlib import PurePath

    from ..catalog import msg
    from ..files.definitions import TARGET_ID

    if PurePath(file_name).suffix.lower() in suffixes:
        return None
    for k in range(1, len(target_ids) + 1):
        words = target_ids[:k]
        whole = " ".join([file_name, *words])
        if any(TARGET_ID.match(w) for w in words):
            return None
        if PurePath(whole).suffix.lower() in suffixes:
            return msg("cli_output_quote", value=file_name, words=" ".join(words), quoted=f'"{whole}"')
    return None


def targets_hint(value: str, argv: Sequence[str]) -> tuple[str, str] | None:
    """``-t ke hoach/targets.yaml``: the shell gives --targets "ke" and the command the
    rest. When ``value`` follows -t or --targets in ``argv`` and it with the words after
    it (none an option) names a file that exists, the option as typed and the name in
    quotes; else None (a name mistyped keeps the plain "not found")."""
    import os

    for i, arg in enumerate(argv):
        if arg in ("-t", "--targets") and i + 1 < len(argv) and argv[i + 1] == value:
            option, after = arg, argv[i + 2 :]
        elif arg == f"--targets={value}":
            option, after = "--targets", argv[i + 1 :]
        else:
            continue
        # The longest run of words that names a plan: 'ke hoach 2/targets.yaml' beside a
        # folder 'ke hoach' is the plan typed, not the one its first two words name.
        words: list[str] = []
        found: tuple[str, str] | None = None
        for word in after:
            if word.startswith("-"):
                break
            words.append(word)
            whole = " ".join([value, *words])
            if os.path.isfile(whole):
                found = option, f'"{whole}"'
            elif os.path.isfile(os.path.join(whole, "targets.yaml")):  # a folder: the plan in it
                found = option, f'"{os.path.join(whole, "targets.yaml")}"'
        if found is not None:
            return found
    return None


def command_hint(exc: Any, targets: str | None, argv: Sequence[str]) -> str | None:
    """Click's "No such command 'hoach/targets.yaml'." for ``-t ke hoach/targets.yaml
    status`` (``argv``: the words the group read), with the option and the plan's name in
    quotes when ``targets`` and the words after it name one (``targets_hint``); else None:
    a mistyped command keeps Click's words and its "Did you mean"."""
    from ..catalog import msg, render

    said = re.match(r"No such command (?P<name>.+?)\.(?: Did you mean .*)?$", exc.format_message(), re.DOTALL)
    hint = targets_hint(targets, argv) if targets and said else None
    if said is None or hint is None:
        return None
    return render(msg("usage_no_such_command_quote", name=said["name"], option=hint[0], quoted=hint[1]), "en")


def typed_words() -> list[str]:
    """The words of the command line as the group read them (a test runner's too), else
    the process's own."""
    from typer._click.globals import get_current_context  # Typer carries its own Click

    ctx = get_current_context(silent=True)
    words = ctx.find_root().meta.get("qntrack.args") if ctx is not None else None
    return list(words) if words is not None else sys.argv[1:]


def quoting_told(problems: list[Any], targets: str | None) -> list[Any]:
    """``problems``, a plan "not found" under a name the shell split at a space (``-t ke
    hoach/targets.yaml``) told to be quoted (cli/quoting.targets_hint)."""
    first = problems[0].message if problems else None
    if targets and getattr(first, "id", None) == "textfile_directory_targets":
        return _folder_told(problems, targets)
    if not targets or getattr(first, "id", None) != "textfile_not_found_targets":
        return problems
    if from_variable(targets):
        return _variable_cut_told(problems, targets)
    hint = targets_hint(targets, typed_words())
    from ..catalog import msg
    from ..plan.model import Problem

    if hint is None:
        near = _near_plan(targets)
        if near is None:
            return problems
        return [Problem(problems[0].location, msg("cli_targets_near", plan=near)), *problems[1:]]
    told = Problem(problems[0].location, msg("cli_targets_quote", option=hint[0], quoted=hint[1]))
    return [told, *problems[1:]]


def _near_plan(targets: str) -> str | None:
    """The YAML file beside a plan not found whose name is a typo away (``target.yaml``
    for targets.yaml; thirtieth session), as the path to give; None when none is close."""
    import os

    from ..plan.suggest import closest

    folder, name = os.path.split(targets)
    try:
        names = [n for n in os.listdir(folder or ".") if n.endswith((".yaml", ".yml"))]
    except OSError:
        return None
    found = closest(name, names, cutoff=0.8)
    return os.path.join(folder, found) if found is not None and found != name else None


def _folder_told(problems: list[Any], targets: str) -> list[Any]:
    """``-t "ke hoach"``, a folder holding targets.yaml: "is a directory" told the plan
    inside, under the option as typed (issue 17, twenty-fourth session), as the unquoted
    form is told by ``targets_hint``; a folder without one keeps the plain refusal."""
    import os

    plan = os.path.join(targets, "targets.yaml")
    if not os.path.isfile(plan):
        return problems
    words = typed_words()
    option = "--targets"
    for i, arg in enumerate(words):
        if arg in ("-t", "--targets") and i + 1 < len(words) and words[i + 1] == targets:
            option = arg
    # Quoted only when the shell would split or read it (a space, a quote, a $).
    quoted = f'"{plan}"' if re.search(r"[^\w@%+=:,./\\-]", plan) else plan
    from ..catalog import msg
    from ..plan.model import Problem

    if from_variable(targets):  # QNTRACK_TARGETS="ke hoach": the variable is what to mend
        told = Problem(problems[0].location, msg("cli_targets_directory_plan_variable", plan=quoted))
        return [told, *problems[1:]]
    told = Problem(problems[0].location, msg("cli_targets_directory_plan", option=option, plan=quoted))
    return [told, *problems[1:]]


def refuse_cut_plan(targets: str | None) -> None:
    """``history -t ke hoach/targets.yaml grdp_growth``: the shell gave -t "ke", and the
    rest of the name and the words after it became the command's arguments, refused
    before the plan was looked for ("'grdp_growth' is not a period"). When ``targets``
    is no file and it with the words after it names one (``targets_hint``), a usage
    error telling the name in quotes; else nothing."""
    import os

    if not targets or os.path.lexists(targets):
        return
    hint = targets_hint(targets, typed_words())
    if hint is None:
        return
    from ..catalog import msg
    from ..errors import ExitCode, fail

    raise fail(targets, msg("cli_targets_quote_arguments", option=hint[0], quoted=hint[1]), ExitCode.USAGE)


def from_variable(targets: str) -> bool:
    """Whether the plan's name ``targets`` came from QNTRACK_TARGETS: no -t or --targets
    was typed, and the variable holds it (issue 17, twenty-fifth session)."""
    import os

    typed = any(w in ("-t", "--targets") or w.startswith(("--targets=", "-t")) for w in typed_words())
    return not typed and os.environ.get("QNTRACK_TARGETS") == targets


def _variable_cut_told(problems: list[Any], value: str) -> list[Any]:
    """``export QNTRACK_TARGETS=ke hoach/targets.yaml`` (or systemd's ``Environment=``
    line): the shell sets the variable to 'ke' and drops the rest, which qntrack never
    sees. When exactly one plan beside it starts with the value and a space (a file
    ``ke hoach.yaml``, or a folder ``ke hoach...`` holding targets.yaml), "not found"
    names it and the variable set in quotes; else the plain refusal. Told, never read."""
    import os

    from ..catalog import msg
    from ..plan.model import Problem

    # cmd's `set QNTRACK_TARGETS="x.yaml"` keeps the quotes (and `set X=a ` the space); a
    # .env file saved with Windows line ends adds \r: told the name without them.
    bare = value.strip().strip("\"'").strip()
    if bare and bare != value:
        plan = bare if os.path.isfile(bare) else os.path.join(bare, "targets.yaml")
        if os.path.isfile(plan):
            shown = f'"{plan}"' if re.search(r"\s", plan) else plan
            told = Problem(problems[0].location, msg("cli_targets_variable_stray", value=f"'{value}'", plan=shown))
            return [told, *problems[1:]]
    folder, start = os.path.split(value)
    try:
        names = sorted(os.listdir(folder or "."))
    except OSError:
        return problems
    plans = []
    for name in names:
        if not name.startswith(start + " "):
            continue
        whole = os.path.join(folder, name)
        if os.path.isfile(whole) and name.lower().endswith((".yaml", ".yml")):
            plans.append(whole)
        elif os.path.isfile(os.path.join(whole, "targets.yaml")):
            plans.append(os.path.join(whole, "targets.yaml"))
    if len(plans) != 1:
        return problems
    told = Problem(problems[0].location, msg("cli_targets_variable_cut", value=value, plan=plans[0]))
    return [told, *problems[1:]]


def refuse_option_texts(texts: dict[str, str]) -> None:
    """``--source $SOURCE --dry-run`` with SOURCE empty or unset: bash passes no word for the
    variable (Windows PowerShell 5.1 drops even a quoted ""), so Click gives --source the
    word ``--dry-run``, and the figure was recorded, its source "--dry-run", with no dry
    run made (issue 17, twenty-sixth session). A text (``texts``: each option and its value)
    that is one of the command's options, alone or with ``=``, is a usage error; a text that
    only starts with a dash (``-2 points``, ``--``) is a text."""
    from typer._click.globals import get_current_context  # Typer carries its own Click

    ctx = get_current_context(silent=True)
    if ctx is None:
        return
    names = {"--help", "-h"}
    for context in (ctx, ctx.parent):  # the command's options, and those before it (-t, --lang)
        for param in context.command.params if context is not None else ():
            names.update(param.opts if param.param_type_name == "option" else ())
            names.update(getattr(param, "secondary_opts", ()) if param.param_type_name == "option" else ())
    for option, value in texts.items():
        if value.strip().partition("=")[0] in names:
            from ..catalog import msg
            from ..errors import ExitCode, fail

            raise fail(option, msg("cli_option_as_text", option=option, value=value.strip()), ExitCode.USAGE)


def refuse_blank_moment(recorded_at: str | None, source: str, note: str) -> None:
    """An empty ``--recorded-at`` (a shell variable left unset) is a usage error: taken as
    no option, it stamped a figure being backdated with now, in silence, as ``--as-of ""``
    would have read today had it not been refused. So is a text that is an option (quoting)."""
    refuse_option_texts({"--source": source, "--note": note})
    if recorded_at is not None and not recorded_at.strip():
        from ..catalog import msg
        from ..errors import ExitCode, fail

        raise fail("--recorded-at", msg("cli_recorded_at_blank"), ExitCode.USAGE)
