"""The line of a progress option in its metadata file (session 45, pass O): an option that
cannot be judged, or that selects no series, is said at its file and line, as every other
problem of an Open SDG repository is (docs/formats.md, "All or nothing")."""

from __future__ import annotations

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
        lines = path.read_bytes().decode("utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return 0
    first = 1
    if path.suffix == ".md":  # the YAML front matter, between the first two '---' lines
        end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
        if not lines or lines[0].strip() != "---" or end is None:
            return 0
        lines, first = lines[1:end], 2
    try:
        node = yaml.compose("\n".join(lines), Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return 0
    found = 0
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:  # the last of a key given twice, as the reader keeps it
            if isinstance(key, yaml.ScalarNode) and key.value == _KEY and item == 0:
                found = first + key.start_mark.line
            elif isinstance(key, yaml.ScalarNode) and key.value == _KEY and isinstance(value, yaml.SequenceNode):
                items = value.value
                found = first + items[item - 1].start_mark.line if 0 < item <= len(items) else 0
    return found
