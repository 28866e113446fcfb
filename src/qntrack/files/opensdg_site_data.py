"""The site's own data files changed line by line (issue 17, twenty-third session).

``export opensdg --into`` the checkout of a site's data repository wrote each
``data/indicator_<id>.csv`` in qntrack's way (its column order, no quotes, ``\\n``, its row
order), so that the first export's diff was every line of every file, and a maintainer
could not see the one figure that changed. Now, when DIR already holds the file, the
export's rows are written into the site's file instead (docs/formats.md, "Where it is
written"):

- the site's header, column order, quoting, line ends, BOM and row order are kept;
- a row whose figure the export has, the same number, is kept byte for byte (``11.0``
  stays ``11.0``); a different number replaces that cell alone, quoted as it was;
- a row of a figure the tracker no longer has in force (a retraction) is removed; a row
  with no figure (an empty or NA Value), or one the import could not read, is the site's
  and is kept;
- the export's new rows go at the end of the file, in the export's order (total first,
  then each unit, by year), each written as the last row of its series is written (or,
  for a new series, as the file's last row quotes its cells);
- columns that split no series (GeoCode, COMMENT_OBS, OBS_STATUS, ... sdg-build's
  non-disaggregation columns and observation attributes, and the site's own from
  config_data.yml) keep their cells; a new row has them empty, GeoCode aside.

A site's file whose columns are not the export's (a dimension added or removed, a
Progress column on one side only), or that cannot be read, is replaced as before.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any, Mapping

import yaml

from ..plan.units import unit_match
from .opensdg_cells import number, read_as_empty
from .opensdg_repo import NON_DISAGGREGATION, Repository, _translations

__all__ = ["keep_site_data"]

_FIELD = re.compile(r'("(?:[^"]|"")*"[^,\r\n]*|[^,\r\n]*)(,|\r\n|\n|\r|$)')
_FIXED = {"Year", "Value", "Progress", "GeoCode"}


def keep_site_data(target: Path, files: Mapping[str, bytes]) -> dict[str, bytes]:
    """``files`` with each ``data/*.csv`` that ``target`` already holds written into it."""
    out = dict(files)
    names = [n for n in files if n.startswith("data/") and n.endswith(".csv")]
    present = [n for n in names if os.path.isfile(target / n) and not (target / n).is_symlink()]
    if not present:
        return out
    repo, others = _site(target)
    for name in present:
        try:
            site = (target / name).read_bytes()
            merged = _merge(site, files[name].decode("utf-8"), repo, others)
        except (OSError, UnicodeDecodeError, ValueError):
            merged = None
        if merged is not None:
            out[name] = merged
    return out


def _site(target: Path) -> tuple[Repository, set[str]]:
    """The site's translations (to read ``data.Sex`` as Sex) and its columns that split no
    series, from its config_data.yml when it reads."""
    config: Any = {}
    try:
        config = yaml.safe_load((target / "config_data.yml").read_text(encoding="utf-8-sig")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        config = {}
    config = config if isinstance(config, dict) else {}

    def listed(key: str) -> list[str]:
        value = config.get(key)
        return [str(v) for v in value if isinstance(v, str)] if isinstance(value, list) else []

    languages = listed("languages") or ["en"]
    try:
        translations = _translations(target, [])
    except Exception:  # noqa: BLE001 - a translation file qntrack cannot read translates nothing
        translations = {}
    repo = Repository(target, languages, (), translations, [], [], False)
    others = {*NON_DISAGGREGATION, *listed("non_disaggregation_columns"), *listed("observation_attributes")}
    return repo, others - {"Series", "Units"}


def _records(text: str) -> list[tuple[list[str], str]]:
    """Each record's fields as written (quotes and all) and its line end ('' for none)."""
    out: list[tuple[list[str], str]] = []
    fields: list[str] = []
    pos = 0
    while pos < len(text):
        m = _FIELD.match(text, pos)
        if m is None:  # pragma: no cover - the pattern matches at every position
            raise ValueError(pos)
        fields.append(m.group(1))
        pos = m.end()
        if m.group(2) != ",":
            out.append((fields, m.group(2)))
            fields = []
        elif pos == len(text):
            fields.append("")
            out.append((fields, ""))
    return out


def _cell(raw: str) -> str:
    if len(raw) >= 2 and raw.startswith('"') and raw.endswith('"'):
        return raw[1:-1].replace('""', '"')
    return raw


def _quoted(text: str, like: str) -> str:
    """``text`` as a cell, quoted when ``like`` (the cell it stands for) was, or when it must be."""
    if like.startswith('"') or any(c in text for c in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def _merge(site: bytes, ours: str, repo: Repository, others: set[str]) -> bytes | None:
    text = site.decode("utf-8")
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    records = _records(text[len(bom) :])
    mine = _records(ours)
    if not records or not mine:
        return None
    header = [_cell(f).strip() for f in records[0][0]]
    their = [_cell(f) for f in mine[0][0]]
    columns = _columns(header, their, repo, others)
    if columns is None:
        return None
    at = {h: i for i, h in enumerate(header) if h in _FIXED}
    dims = [i for i, c in enumerate(columns) if c is not None and their[c] not in _FIXED]
    ours_at = {h: i for i, h in enumerate(their)}
    spelled: dict[tuple[int, str], str] = {}  # (site column, unit as matched) -> the site's cell

    dims_ours = [c for c in (columns[i] for i in dims) if c is not None]
    wanted: dict[tuple[tuple[str, ...], int], list[str]] = {}  # the export's rows by series and year
    for fields, _ in mine[1:]:
        cells = [_cell(f) for f in fields]
        label = cells[ours_at["Year"]].strip()
        if len(cells) == len(their) and label[:4].isascii() and label[:4].isdigit():
            wanted[(tuple(unit_match(cells[c]) for c in dims_ours), int(label[:4]))] = cells
    sliced = any(len(_cell(r[0][at["Year"]]).strip()) > 4 for r in records[1:] if len(r[0]) == len(header))
    ending = records[0][1] or "\n"
    kept: list[tuple[list[str], str]] = [records[0]]
    met: set[tuple[tuple[str, ...], int]] = set()
    last_of: dict[tuple[str, ...], list[str]] = {}
    for fields, end in records[1:]:
        key = _site_key(fields, header, at, dims, sliced, repo, spelled) if len(fields) == len(header) else None
        if key is None:
            kept.append((fields, end))  # the site's own row: no figure, or one not read
            continue
        last_of[key[0]] = fields
        row = wanted.get(key)
        if row is None:
            continue  # no longer in force
        met.add(key)
        kept.append((_updated(fields, header, at, row, ours_at), end))
    added = [(k, row) for k, row in wanted.items() if k not in met]
    if added and kept[-1][1] == "":
        kept[-1] = (kept[-1][0], ending)
    for n, (k, row) in enumerate(added):
        like = last_of.get(k[0]) or (kept[-1][0] if len(kept) > 1 else records[0][0])
        fields = _new_row(like, header, at, columns, row, their, k[0] in last_of, spelled)
        kept.append((fields, ending if n < len(added) - 1 or records[-1][1] else ""))
    return (bom + "".join(",".join(f) + end for f, end in kept)).encode("utf-8")


def _columns(header: list[str], their: list[str], repo: Repository, others: set[str]) -> list[int | None] | None:
    """For each site column, the export's column it is (None: one that splits no series);
    None when the two files' columns are not the same."""
    wanted = {unit_match(h): i for i, h in enumerate(their) if h != "GeoCode"}
    out: list[int | None] = []
    for h in header:
        names = {h, repo.translate(h), repo.translate(h, "en")}
        found = next((wanted[unit_match(n)] for n in names if unit_match(n) in wanted), None)
        if found is None and h not in others and h != "GeoCode":
            return None
        out.append(found)
    if sorted(c for c in out if c is not None) != sorted(wanted.values()):
        return None
    return out


def _site_key(
    fields: list[str],
    header: list[str],
    at: Mapping[str, int],
    dims: list[int],
    sliced: bool,
    repo: Repository,
    spelled: dict[tuple[int, str], str],
) -> tuple[tuple[str, ...], int] | None:
    """A site row's series and year as the export's rows are keyed; None for a row with no
    figure or one the import does not read (the site's, kept as it is)."""
    label = _cell(fields[at["Year"]]).strip()
    year = label[:4] if sliced else label
    if not (year.isascii() and year.isdigit() and len(year) == 4):
        return None
    try:
        figures = [number(_cell(fields[at[c]])) for c in ("Value", "Progress") if c in at]
    except ValueError:
        return None
    if all(f is None for f in figures):
        return None
    units = []
    for i in dims:
        cell = _cell(fields[i]).strip()
        if read_as_empty(cell):
            return None
        unit = unit_match(repo.translate(cell)) if cell else ""
        spelled.setdefault((i, unit), _cell(fields[i]))
        units.append(unit)
    return tuple(units), int(year)


def _updated(
    fields: list[str], header: list[str], at: Mapping[str, int], row: list[str], ours_at: Mapping[str, int]
) -> list[str]:
    """The site's row with each figure that differs from the export's replaced, alone."""
    out = list(fields)
    for column in ("Value", "Progress"):
        if column not in at or column not in ours_at:
            continue
        raw = fields[at[column]]
        now = row[ours_at[column]]
        try:
            same = number(_cell(raw)) == (float(now) if now else None)
        except ValueError:
            same = False
        if not same:
            out[at[column]] = _quoted(now, raw)
    return out


def _new_row(
    like: list[str],
    header: list[str],
    at: Mapping[str, int],
    columns: list[int | None],
    row: list[str],
    their: list[str],
    same_series: bool,
    spelled: Mapping[tuple[int, str], str],
) -> list[str]:
    """A row the site's file does not have, written as ``like`` (the last row of its series
    when it has one, else the file's last row) writes its cells."""
    out: list[str] = []
    ours_at = {h: i for i, h in enumerate(their)}
    for i, h in enumerate(header):
        template = like[i] if i < len(like) else ""
        c = columns[i]
        if h == "GeoCode":
            text = _cell(template) if same_series else (row[ours_at["GeoCode"]] if "GeoCode" in ours_at else "")
        elif c is None:
            text = ""  # an observation attribute: the site's note on another figure
        else:
            text = row[c]
            if their[c] not in _FIXED:
                text = spelled.get((i, unit_match(text)), text) if text else ""
        out.append(_quoted(text, template))
    return out
