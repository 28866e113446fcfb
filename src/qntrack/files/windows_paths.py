"""A store's path written the Windows way, read on Linux or macOS (issue 17, twentieth session).

A tracker folder shared between a Windows PC and a Linux colleague (OneDrive, a share, git)
may say ``observations: C:\\Users\\hoa\\qntrack\\observations.csv`` (Explorer's "Copy as
path") or ``observations: data\\obs.csv``. Here a drive is no folder and a backslash is
part of a file's name: the warning of a missing store says what to write instead (a path
from the plan's folder with '/', which Windows reads too), and an append never starts a
store whose name is such a path (docs/decisions.md).

A report's or an export's name (``-o``) that Windows cannot hold is refused on every
system: the report is for an office of Windows PCs, and a name ending in a space, a
device's name (CON, NUL) or one with ':' is a slip there, a file no PC of the office can
open when written elsewhere. A plan or store that Notepad saved as a text document
(``targets.yaml.txt``, which Explorer shows as targets.yaml) is named, never passed over,
and a file named the Windows way on the command line is told what to write. The same
places say a Mac's slips (twenty-first session): a '~' a shell left as typed, a file
iCloud Drive keeps in the cloud only, a store named between typographic quotes.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from ..catalog import Message, msg

__all__ = [
    "another_plan_name",
    "other_plan_file",
    "plan_named_otherwise",
    "drive_path",
    "first_missing",
    "home_hint",
    "text_document",
    "refuse_windows_folder",
    "refuse_windows_name",
    "refuse_home_output",
    "refuse_windows_output",
    "windows_advice",
    "with_home_hint",
    "with_windows_hint",
]

# A drive ('C:' alone, or followed by a separator) or a share ('\\server\...').
_DRIVE = re.compile(r"^[A-Za-z]:(?:[\\/]|$)")


def drive_path(path: Path) -> tuple[Path, str] | None:
    """When ``path`` (the plan's folder joined with what 'observations:' says) holds a
    Windows drive or share on a system whose separator is '/': the plan's folder and the
    path as written from the drive on; else None."""
    if os.sep != "/":
        return None
    parts = path.parts
    for i, part in enumerate(parts):
        if _DRIVE.match(part) or part.startswith("\\\\"):
            return Path(*parts[:i]) if i else Path("."), "/".join(parts[i:])
    return None


def windows_advice(folder: Path, written: str) -> Message:
    """What to write in 'observations:' in place of a drive path: the file's own name, said
    to be beside targets.yaml when it is, else to be copied there."""
    name = re.split(r"[\\/]", written)[-1]
    key = "windows_path_beside" if (folder / name).is_file() else "windows_path_copy"
    return msg(key, name=name)


def text_document(path: Path) -> Path | None:
    """``observations.csv.txt`` (in any case) beside a missing ``path``: the file Notepad
    saved as a text document, which Explorer shows under ``path``'s name; else None."""
    if os.path.lexists(path):
        return None
    wanted = (path.name + ".txt").casefold()
    try:
        names = sorted(n for n in os.listdir(path.parent or ".") if n.casefold() == wanted)
    except OSError:
        return None
    return path.parent / names[0] if names else None


def refuse_windows_name(path: Path, not_done: Message | None = None) -> None:
    """Refuse to start a store that the file system would name after a Windows path: a
    drive path, or a name holding a backslash, on a system where a backslash is part of a
    name; or beside the store Notepad saved as a text document (``text_document``). An
    existing file of that name is the user's and is appended to as before."""
    from ..errors import fail

    if os.path.lexists(path):
        return
    after = not_done or msg("store_nothing_added")
    found = drive_path(path)  # None where '\\' separates folders
    if found is not None:
        folder, written = found
        advice = windows_advice(folder, written)
        raise fail(str(path), msg("store_windows_new", written=written, hint=advice, not_done=after))
    if "\\" in path.name and os.sep == "/":
        slashed = path.name.replace("\\", "/")
        raise fail(str(path), msg("store_backslash_new", name=path.name, path=slashed, not_done=after))
    saved = text_document(path)
    if saved is not None:
        raise fail(str(path), msg("store_txt_new", found=saved.name, name=path.name, not_done=after))
    from .figure_units import shell_word
    from .icloud import icloud_placeholder
    from .smart_quotes import unquoted_name

    unquoted = unquoted_name(path)  # “observations.csv” from TextEdit's Smart Quotes: never started
    if unquoted is not None:
        raise fail(str(path), msg("store_smart_quotes_new", written=path.name, name=unquoted, not_done=after))
    placeholder = icloud_placeholder(path)  # a Mac's iCloud Drive keeps the store in the cloud only
    if placeholder is not None:
        said = msg("store_icloud_new", found=placeholder.name, path=shell_word(str(path)), not_done=after)
        raise fail(str(path), said)


# The names Windows gives its devices, with or without an extension (con.html is CON).
_DEVICES = frozenset(
    ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"] + [f"{p}{n}" for p in ("COM", "LPT") for n in range(1, 10)]
)
_NOT_IN_A_NAME = re.compile(r'[<>:"|?*]')
# The control characters (1-31), which no Windows name holds either, shown by their code.
_CONTROL = re.compile("[\x01-\x1f]")


def refuse_windows_output(output: str) -> None:
    """Refuse (exit 2) ``-o output`` whose file name Windows cannot hold: one ending in a
    space or a dot (Windows drops them), a device's name, a character Windows does not
    allow; and, where '/' separates folders, a backslash (``reports\\bao-cao.html``)."""
    from ..errors import ExitCode, fail

    if os.sep == "/" and "\\" in output:
        raise fail(output, msg("outputs_backslash", path=output.replace("\\", "/")), ExitCode.USAGE)
    name = os.path.basename(output)
    if name in ("", ".", ".."):
        return  # a folder's name: output_path says so
    if name[-1] in " .":
        what = msg("outputs_a_space" if name[-1] == " " else "outputs_a_dot")
        raise fail(output, msg("outputs_windows_trailing", what=what, name=name.rstrip(" .")), ExitCode.USAGE)
    if name.split(".")[0].rstrip(" ").upper() in _DEVICES:
        # The example keeps the folder and the extension, which says the file's kind
        # ("aux.xlsx" was told "-o bao-cao.html", another format; last review, twentieth session).
        device, dot, extension = name.partition(".")
        example = os.path.join(os.path.dirname(output), "bao-cao" + dot + extension)
        said = msg("outputs_windows_device", name=name, device=device.upper(), example=example)
        raise fail(output, said, ExitCode.USAGE)
    found = _NOT_IN_A_NAME.search(name)
    if found is not None:
        raise fail(output, msg("outputs_windows_character", char=found[0]), ExitCode.USAGE)
    control = _CONTROL.search(name)
    if control is not None:  # a line break or a tab pasted with the name, or another (ESC)
        key = "outputs_control_character" if control[0] in "\t\n\r" else "outputs_control_character_other"
        raise fail(output, msg(key, code=f"U+{ord(control[0]):04X}"), ExitCode.USAGE)


def refuse_home_output(output: str, kind: str | None) -> None:
    """Refuse (exit 2) ``-o output`` that starts with a '~' a shell left as typed (quoted,
    or from a script) and stands for a folder: the home folder itself (``-o "~"``,
    ``"~/"``) or a folder in it. It was written as a file named '~' in the current folder,
    in silence (thirty-ninth session): who types '~' means the home folder. Told as a bare
    '~' to read is (``home_hint``), with a file's name in that folder for ``kind``. A folder
    '~' here is what the path names, as on the input side; a file '~' here (a report an
    earlier qntrack wrote to ``-o "~"``, replaced again with only "wrote ~") is refused
    too, with ``-o ./~`` for whoever does mean it."""
    first = output.partition("/")[0]
    if not first.startswith("~") or os.path.isdir(first):
        return
    home = os.path.expanduser(output)
    if home == output or not os.path.isdir(home):
        return
    from ..errors import ExitCode, fail
    from .example_name import in_folder

    folder = home.rstrip("/") or "/"
    if os.path.lexists(first):
        if first != output:  # "~/x" through a file '~': the system says it is no folder
            return
        said = msg("outputs_tilde_file", tilde=first, path=folder, **in_folder(folder, kind))
    else:
        said = msg("outputs_tilde_folder", tilde=first, path=folder, **in_folder(folder, kind))
    raise fail(output, said, ExitCode.USAGE)


def with_windows_hint(said: Message, name: str) -> Message:
    """``said`` (a file "not found"), followed by what to write when ``name`` is a Windows
    path on a system whose separator is '/': a drive's or share's, or one with backslashes
    (``--from data\\in.csv`` copied from a Windows colleague's note). Or, on any system,
    what to write for a '~' that a shell left as typed (``"~/Library/Mobile
    Documents/..."`` quoted for its spaces), or how to download a file iCloud Drive keeps
    in the cloud only (twenty-first session)."""
    if (told := with_home_hint(said, name, "file")) is not said:
        return told
    from .figure_units import shell_word
    from .icloud import icloud_placeholder

    placeholder = icloud_placeholder(Path(name))  # a Mac's iCloud Drive keeps it in the cloud only
    if placeholder is not None:
        hint = msg("path_hint_icloud", found=placeholder.name, path=shell_word(name))
        return msg("path_said_windows", said=said, hint=hint)
    if os.sep != "/" or "\\" not in name and not _DRIVE.match(name):
        return said
    if _DRIVE.match(name) or name.startswith("\\\\"):
        hint = msg("path_hint_drive", path=name)
    else:
        hint = msg("path_hint_backslash", path=name.replace("\\", "/"))
    return msg("path_said_windows", said=said, hint=hint)


def with_home_hint(said: Message, name: str, need: str = "path") -> Message:
    """``said`` followed by the path to write when ``name`` starts with a '~' that a shell
    left as typed and that is no folder here; else ``said``. ``need``: as ``home_hint``."""
    hint = home_hint(name, need)
    return said if hint is None else msg("path_said_windows", said=said, hint=hint)


def home_hint(name: str, need: str = "path") -> Message | None:
    """What to write for ``name`` when it starts with a '~' a shell left as typed (quoted,
    or from QNTRACK_TARGETS): '~/x' ("~/"x"" or the full path), and a bare '~' or
    '~user/x' (the full path; thirty-seventh session, pass I); None for any other name, one
    whose home is unknown, or when a file or folder named as its first part ('~') is here:
    that is what the path names, and it is never expanded behind the user's back.

    The full path is offered only where it would do (thirty-eighth session: it was offered
    where it did not exist either): ``need`` is "path" for a file or folder to read, which
    must exist; "folder" for one to write, whose folder must exist; "made" for a folder
    made with its parents (``init``), which need not; "file" for a file to read, which must
    be one: a bare '~' (the home folder) or a folder at home is said to be a folder, with
    the file's path in it to write (pass M2: "write the full path" offered a folder). Where
    the full path would not do either, the first folder of it missing is named instead."""
    first, _, rest = name.partition("/")
    if not first.startswith("~") or os.path.lexists(first):
        return None
    home = os.path.expanduser(name)
    if home == name:
        return None
    if (missing := first_missing(home, "path" if need == "file" else need)) is not None:
        key = "path_hint_tilde_missing" if first == "~" else "path_hint_tilde_full_missing"
        return msg(key, tilde=first, missing=missing)
    if need == "file" and os.path.isdir(home):
        folder = home.rstrip("/") or "/"
        return msg("path_hint_tilde_folder", tilde=first, path=folder, inside=folder.rstrip("/") + "/")
    if first == "~" and rest:
        return msg("path_hint_tilde", path=home, rest=rest)
    return msg("path_hint_tilde_full", tilde=first, path=home)


def first_missing(path: str, need: str) -> str | None:
    """The first part of ``path`` (a '~' expanded) that is missing where ``need`` (as
    ``home_hint``'s) wants it: the path itself or its folder; None when it is there, or
    when nothing need be."""
    wanted = path.rstrip("/") or "/"
    if need == "folder":
        wanted = os.path.dirname(wanted) or "/"
    elif need != "path":
        return None
    if os.path.exists(wanted):
        return None
    while not os.path.exists(os.path.dirname(wanted)) and os.path.dirname(wanted) != wanted:
        wanted = os.path.dirname(wanted)
    return wanted


# A plan saved under a name Windows shows as targets.yaml (Notepad's "Text Documents" adds
# .txt, which Explorer hides), or with YAML's other extension.
_OTHER_PLAN_NAMES = {"targets.yaml.txt": "workspace_targets_txt", "targets.yml": "workspace_targets_yml"}


def another_plan_name(folder: Path) -> Message | None:
    """What to say of a folder holding no targets.yaml but a plan under another name
    (``_OTHER_PLAN_NAMES``, in any case), else None: passed over, a parent folder's plan
    was used and its store written to."""
    name = other_plan_file(folder)
    if name is None:
        return None
    found = os.path.relpath(folder / name)
    shown = name[: -len(".txt")] if name.casefold().endswith(".txt") else name
    return msg(_OTHER_PLAN_NAMES[name.casefold()], found=found, shown=shown)


def other_plan_file(folder: Path) -> str | None:
    """The name of a plan ``folder`` holds under a name Windows shows as targets.yaml
    (``_OTHER_PLAN_NAMES``, in any case), else None; init refuses beside it (forty-fifth
    session: it wrote a second targets.yaml beside the officer's own)."""
    try:
        names = sorted(n for n in os.listdir(folder) if n.casefold() in _OTHER_PLAN_NAMES)
    except OSError:
        return None
    return names[0] if names else None


# A plan's top-level keys, at the start of a line: what tells a plan from another YAML file.
_PLAN_KEY = re.compile(r"^(?:indicators|targets)[ \t]*:", re.MULTILINE)


def plan_named_otherwise(folder: Path) -> Message | None:
    """What to say when no targets.yaml was found anywhere and ``folder`` holds a YAML file
    that is a plan ('ke hoach.yaml', with 'indicators:' or 'targets:'), else None: told only
    "run 'qntrack init'", the officer started a second plan beside their own (forty-fifth
    session). Another YAML file (mkdocs.yml) is not named."""
    from .figure_units import shell_word

    name = named_plan(folder)
    if name is None:
        return None
    found = os.path.relpath(folder / name)
    return msg("workspace_plan_named_otherwise", found=found, given=shell_word(found))


def named_plan(folder: Path) -> str | None:
    """The name of a YAML file in ``folder`` that is a plan ('indicators:' or 'targets:'),
    else None; init refuses beside it, as beside targets.yaml.txt (forty-fifth session)."""
    try:
        names = sorted(n for n in os.listdir(folder) if n.lower().endswith((".yaml", ".yml")))
    except OSError:
        return None
    for name in names:
        try:
            with open(folder / name, encoding="utf-8", errors="replace") as fh:
                head = fh.read(65536)
        except OSError:
            continue
        if _PLAN_KEY.search(head):
            return name
    return None


def refuse_windows_folder(given: str, parents: bool = True) -> None:
    """Refuse (exit 2) a folder to create (``init DIR``, ``export opensdg --into DIR``)
    written the Windows way where '/' separates folders: it would be made as one folder
    named ``plans\\2026`` or ``C:\\Users\\...``. Or, on any system, one starting with a
    '~/' a shell left as typed: a folder named '~' would be made here (twenty-first session).
    ``parents``: whether the command makes the folders above it (``init``, ``import
    opensdg --into``), else they must exist (``export opensdg --into``)."""
    from ..errors import ExitCode, fail

    if (home := home_hint(given, "made" if parents else "folder")) is not None:
        raise fail(given, home, ExitCode.USAGE)
    if os.sep != "/" or "\\" not in given and not _DRIVE.match(given):
        return
    if _DRIVE.match(given) or given.startswith("\\\\"):
        raise fail(given, msg("path_folder_drive", path=given), ExitCode.USAGE)
    raise fail(given, msg("path_hint_backslash", path=given.replace("\\", "/")), ExitCode.USAGE)
