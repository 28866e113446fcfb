"""The line of a progress option in its metadata file (session 45, pass O): an option that
cannot be judged, or that selects no series, is said at its file and line, as every other
problem of an Open SDG repository is (docs/formats.md, "All or nothing")."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from ..plan.model import Location

__all__ = ["option_at"]

_KEY = "progress_calculation_options"


def option_at(root: Path, meta_file: str, item: int) -> Location:
    """Where the ``item``-th (from 1) option of ``meta_file`` (relative to ``root``) starts:
    the line of its ``-``; item 0, the line of ``progress_calculation_options`` itself;
    the file alone (line 0) when it cannot be found."""
    return Location(meta_file, _line(root / meta_file, item))


def _line(path: Path, item: int) -> int:
    try:
        stat = path.stat()
    except OSError:
        return 0
    lines = _option_lines(str(path), stat.st_size, stat.st_mtime_ns)
    return lines[item] if 0 <= item < len(lines) else 0


@lru_cache(maxsize=32)
def _option_lines(path: str, size: int, mtime: int) -> tuple[int, ...]:
    """The line of ``progress_calculation_options`` and of each of its items' ``-``, the
    file composed once (``size`` and ``mtime`` tell a file changed since): looked up for
    each of a thousand options' problems, the file was composed for each, 250 s."""
    try:
        lines = Path(path).read_bytes().decode("utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return ()
    first = 1
    if path.endswith(".md"):  # the YAML front matter, between the first two '---' lines
        end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
        if not lines or lines[0].strip() != "---" or end is None:
            return ()
        lines, first = lines[1:end], 2
    try:
        node = yaml.compose("\n".join(lines), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return ()
    found: tuple[int, ...] = ()
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:  # the last of a key given twice, as the reader keeps it
            if isinstance(key, yaml.ScalarNode) and key.value == _KEY:
                items = value.value if isinstance(value, yaml.SequenceNode) else []
                found = (first + key.start_mark.line, *(first + i.start_mark.line for i in items))
    return found
