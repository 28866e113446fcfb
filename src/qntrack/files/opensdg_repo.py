"""Reading an Open SDG data repository (issue 16): its settings, each indicator's tidy CSV
and YAML metadata, its translations, and when each data file last changed in git.

What is read, and how, follows Open SDG's build (sdg-build) so that the series it assesses
are the ones qntrack assesses (docs/formats.md, "Open SDG: import"):

- ``config_data.yml``: ``languages`` (the first is the site's own, the one the progress
  options are written in) and, when set, ``non_disaggregation_columns``;
- ``data/indicator_<id>.csv``: ``Year``, disaggregation columns (an empty cell is "all"),
  the non-disaggregation columns (``Units``, ``Series``, ``GeoCode``, observation
  attributes), ``Value`` and, on some indicators, ``Progress``;
- ``meta/<id>.md`` (YAML front matter) or ``meta/<id>.yml``;
- ``translations/<lang>/<group>.yml``: a cell or a header ``group.key`` is the key's text
  in the site's language (Statistics Canada writes ``data.All ages``).

Nothing here judges anything: ``opensdg_import`` maps what is read to a plan and rows.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..catalog import Message, msg
from .opensdg_keys import keys_said, utf16_refused, yaml_refused
from .yaml_nodes import NotAValue, Twice, nesting_line, safe_values
from .yaml_problems import typed_unprintable
from .yaml_words import yaml_words
from ..errors import InputError
from ..plan.model import Location, Problem
from .opensdg_cells import NA_LIKE as _NA_LIKE, number as _number, read_as_empty
from .opensdg_git import SHALLOW, config_lines, config_list, git_dates, inputs, no_data, unlisted_inputs
from .textfiles import read_present

__all__ = ["Repository", "IndicatorData", "DataRow", "read_repository", "NON_DISAGGREGATION", "YEAR", "VALUE"]

YEAR, VALUE, PROGRESS, SERIES, UNITS = "Year", "Value", "Progress", "Series", "Units"
# Open SDG's columns that never split a series into disaggregations, besides Year and
# Value (sdg-build's defaults); a site's config may name more.
GEOCODE = "GeoCode"
NON_DISAGGREGATION = (
    *("Units", "Series", GEOCODE, "Observation status", "Unit multiplier", "Unit measure", "UNIT_MEASURE", "SERIES"),
    *("COMMENT_TS", "DATA_LAST_UPDATE"),
    # sdg-build's default observation attributes (a note on one figure), which split no
    # series either; a site's config_data.yml may name more (observation_attributes).
    *("COMMENT_OBS", "SOURCE_DETAIL"),
)
# The translation group Open SDG's data files use when none of the site's own is found.
DATA_GROUP = "data"
# A data file's rows beyond this are refused rather than read into memory without end.
MAX_DATA_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class DataRow:
    """One row of a data file: its line, its year as Open SDG reads it (and the label as
    written), its disaggregation cells (label -> value, empty ones left out), its Series and
    Units, its Value and Progress (None when empty)."""

    line: int
    year: int
    year_label: str
    cells: tuple[tuple[str, str], ...]
    series: str
    units: str
    value: float | None
    progress: float | None
    geocode: str = ""  # its GeoCode cell: the code Open SDG's maps place the row by


@dataclass
class IndicatorData:
    """One indicator: its id, files, metadata and rows."""

    inid: str
    data_file: str
    meta_file: str | None
    meta: dict[str, Any]
    columns: list[str]  # disaggregation columns, labels in the site's language, in file order
    rows: list[DataRow]
    has_progress: bool
    has_series: bool
    has_units: bool
    changed_at: str = ""  # the date of the commit that last changed the data file ("" outside git)
    commit: str = ""
    # Rows repeated identically (Open SDG counts them once).
    repeated: int = 0
    # Metadata in the site's other languages, by language code.
    meta_by_lang: dict[str, dict[str, Any]] = field(default_factory=dict)


@dataclass
class Repository:
    root: Path
    languages: list[str]
    non_disaggregation: tuple[str, ...]
    translations: dict[str, dict[str, dict[str, str]]]
    indicators: list[IndicatorData]
    problems: list[Problem]
    git: bool
    # Each text read in the site's language, back to the translation key it was read from
    # (``Female`` <- ``data.Female``): its other languages are that key's translations.
    raw_of: dict[str, str] = field(default_factory=dict)
    # Metadata files with no data file (``meta/2-2-2.md``): nothing to import, but said.
    meta_only: list[str] = field(default_factory=list)
    passed_over: tuple[list[str], str] = ([], "")  # data files the site's pattern does not read, the pattern
    # Each indicator's files (data, metadata, translated metadata), so that a problem in
    # any of them is the indicator's (--skip-bad leaves it out); and the indicators whose
    # data file could not be read at all.
    files_of: dict[str, list[str]] = field(default_factory=dict)
    unread: list[str] = field(default_factory=list)
    # Each column label (in the site's language) -> its header as written (``data.Sex``),
    # the key its label in another language is looked up by.
    header_keys: dict[str, str] = field(default_factory=dict)
    shallow: bool = False  # a shallow clone: files unchanged since its oldest commit dated by it
    warnings: list[Problem] = field(default_factory=list)  # 'F' beside 'Female' in one column (opensdg_codes)

    @property
    def language(self) -> str:
        """The site's own language: the progress options are written in it."""
        return self.languages[0] if self.languages else "en"

    def translate(self, text: str, lang: str | None = None) -> str:
        """``group.key`` as the key's text in ``lang`` (the site's language by default);
        a key with no translation loses its group prefix when the group is a translation
        group (``data.All ages`` reads "All ages"); any other text is itself."""
        group, dot, key = text.partition(".")
        if not dot or " " in group:
            return text
        table = self.translations.get(lang or self.language, {})
        if key in table.get(group, {}):
            found = table[group][key]
        else:
            known = {DATA_GROUP} | {g for groups in self.translations.values() for g in groups}
            found = key if group in known else text
        if lang is None and found != text:
            self.raw_of.setdefault(found, text)
        return found

    def in_languages(self, text: str) -> dict[str, str]:
        """``text`` (read in the site's language) in each language of the site that
        translates it (the site's own language always)."""
        out = {self.language: text}
        group, dot, key = self.raw_of.get(text, text).partition(".")
        if not dot or " " in group:
            group, key = DATA_GROUP, text  # a plain cell: Open SDG looks it up in its data group
        for lang in self.languages:
            found = self.translations.get(lang, {}).get(group, {}).get(key)
            if found and lang != self.language:
                out[lang] = found
        return out


def _problem(file: str, line: int, message: Any) -> Problem:
    return Problem(Location(file, line), message)


def _yaml(data: bytes, file: str, problems: list[Problem], first_line: int = 1) -> Any:
    if first_line == 1 and utf16_refused(data, file, problems):  # (front matter was asked already)
        return None
    twice: list[Twice] = []  # keys given twice, said by opensdg_keys
    try:
        return keys_said(safe_values(data.decode("utf-8-sig"), twice), twice, file, first_line, problems)
    except UnicodeDecodeError:
        problems.append(_problem(file, 0, msg("opensdg_not_utf8")))
    except NotAValue as exc:
        line = first_line + exc.problem_mark.line if exc.problem_mark is not None else 0
        problems.append(_problem(file, line, msg("opensdg_not_a_value", value=exc.value, kind=exc.kind)))
    except RecursionError:
        # Hundreds of brackets inside one another exhaust Python's stack (as in targets.yaml).
        line = nesting_line(data.decode("utf-8-sig", errors="replace"))
        problems.append(_problem(file, first_line - 1 + line if line else 0, msg("opensdg_too_deep")))
    except yaml.reader.ReaderError as exc:  # a control character or U+FFFE typed as is: at its line
        text = data.decode("utf-8-sig")
        typed = typed_unprintable(file, exc.character, exc.position, text)
        line = first_line - 1 + typed.location.line if typed is not None else 0
        said = typed.message if typed is not None else msg("opensdg_bad_yaml", problem=yaml_words(str(exc)))
        problems.append(_problem(file, line, said))
    except yaml.MarkedYAMLError as exc:  # at its line, in the reader's language (opensdg_keys)
        problems.append(yaml_refused(exc, data.decode("utf-8-sig"), file, first_line))
    except yaml.YAMLError as exc:
        problems.append(_problem(file, 0, msg("opensdg_bad_yaml", problem=yaml_words(str(exc)))))
    return None


def _front_matter(data: bytes, file: str, problems: list[Problem]) -> dict[str, Any]:
    """The YAML between a Markdown file's opening ``---`` and the next one."""
    if utf16_refused(data, file, problems):  # Notepad's "Unicode": its '---' is there, in UTF-16
        return {}
    text = data.decode("utf-8-sig", errors="surrogateescape")  # a bad byte kept, for _yaml to refuse
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        problems.append(_problem(file, 1, msg("opensdg_no_front_matter")))
        return {}
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if end is None:
        problems.append(_problem(file, 1, msg("opensdg_front_matter_open")))
        return {}
    found = _yaml("\n".join(lines[1:end]).encode("utf-8", "surrogateescape"), file, problems, first_line=2)
    if found is None:
        return {}
    if not isinstance(found, dict):
        problems.append(_problem(file, 2, msg("opensdg_meta_not_mapping")))
        return {}
    return found


def _flatten(prefix: str, node: Any, into: dict[str, str]) -> None:
    if isinstance(node, dict):
        for k, v in node.items():
            _flatten(f"{prefix}.{k}" if prefix else str(k), v, into)
    elif node is not None:
        into[prefix] = str(node)


def _translations(root: Path, problems: list[Problem]) -> dict[str, dict[str, dict[str, str]]]:
    out: dict[str, dict[str, dict[str, str]]] = {}
    folder = root / "translations"
    if not folder.is_dir():
        return out
    for lang_dir in sorted(p for p in folder.iterdir() if p.is_dir()):
        for file in sorted(lang_dir.glob("*.yml")) + sorted(lang_dir.glob("*.yaml")):
            data = read_present(file, msg("opensdg_what_translation"))
            if data is None:
                continue
            node = _yaml(data, name := str(file.relative_to(root)), problems)  # as meta/ is named (pass F)
            if node is not None and not isinstance(node, dict):  # a list: no key read (session 45, pass O)
                problems.append(Problem(Location(name, 1), msg("s45o_opensdg_translation_list"), severity="warning"))
            if isinstance(node, dict):
                table: dict[str, str] = {}
                _flatten("", node, table)
                out.setdefault(lang_dir.name, {})[file.stem] = table
    return out


def _read_data(
    repo: Repository, inid: str, path: Path, meta: dict[str, Any], meta_file: str | None
) -> IndicatorData | None:
    from .opensdg_names import column_twice, index_column, separator_line  # it imports this module

    file = str(path.relative_to(repo.root))
    raw = _read(path, file, msg("opensdg_what_data"), repo.problems)
    if raw is None:
        return None
    if len(raw) > MAX_DATA_BYTES:
        repo.problems.append(_problem(file, 0, msg("opensdg_too_large", limit=MAX_DATA_BYTES // (1024 * 1024))))
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        from .store import looks_like_utf16  # Excel's "Unicode Text": said what it is (pass O, s45)

        repo.problems.append(_problem(file, 0, msg("opensdg_utf16" if looks_like_utf16(raw) else "opensdg_not_utf8")))
        return None
    table = list(csv.reader(io.StringIO(text, newline="")))
    if not table or not table[0]:
        repo.problems.append(_problem(file, 1, msg("opensdg_empty_data")))
        return None
    header = [h.strip() for h in table[0]]
    twice = separator_line(table[0], table[1] if len(table) > 1 else []) or column_twice(header)  # its tab unstripped
    if twice is not None:
        repo.problems.append(_problem(file, 1, twice))
        return None
    for needed in (YEAR, VALUE):
        if needed not in header:
            # One column holding ';' or a tab: a spreadsheet's "CSV" of another separator.
            sep = next(
                (f"'{c}'" if c == ";" else msg("opensdg_tab") for c in ";\t" if len(header) == 1 and c in header[0]),
                None,
            )
            said = msg("opensdg_missing_column", column=needed, header=", ".join(header))
            repo.problems.append(_problem(file, 1, said if sep is None else msg("opensdg_separator", separator=sep)))
            return None
    skip = set(repo.non_disaggregation) | {YEAR, VALUE, PROGRESS}
    body = table[1:]
    disagg = [i for i, h in enumerate(header) if h not in skip and (h or _filled(body, i))]
    labels = [repo.translate(header[i]) for i in disagg]
    for i, label in zip(disagg, labels, strict=True):
        repo.header_keys.setdefault(label, header[i])
    columns = [(i, label) for i, label in zip(disagg, labels, strict=True)]
    figures = {i for i, h in enumerate(header) if h in (VALUE, PROGRESS)}
    wrong = _unnamed_or_twice(columns) or index_column(columns, body, figures)
    if wrong is not None:
        repo.problems.append(_problem(file, 1, wrong))
        return None
    at = {h: i for i, h in enumerate(header)}
    from .opensdg_codes import mixed_codes, spaced_cells

    repo.warnings.extend(mixed_codes(file, header, disagg, body) + spaced_cells(file, header, disagg, body, table[0]))
    # Open SDG reads every Year by its first four characters once one is longer (a range
    # such as 2014-2015, a quarter such as "2015 Q4"): sdg-build's progress measure.
    sliced = any(len(r[at[YEAR]].strip()) > 4 for r in body if len(r) > at[YEAR])
    # Each distinct cell translated once: a file repeats a few dozen labels over its rows.
    # The first translation of a text is the one ``repo.raw_of`` keeps, as before.
    cell_texts: dict[str, str] = {}

    def translated(cell: str) -> str:
        found = cell_texts.get(cell)
        if found is None:
            found = cell_texts[cell] = repo.translate(cell.strip())
        return found

    unit_columns = (*disagg, *(at[c] for c in (SERIES, UNITS) if c in at))
    rows: list[DataRow] = []
    seen: dict[tuple, tuple[int, DataRow]] = {}
    repeated = 0
    for n, cells in enumerate(body, start=2):
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            repo.problems.append(_problem(file, n, msg("opensdg_field_count", found=len(cells), expected=len(header))))
            continue
        blank = next((i for i in unit_columns if read_as_empty(cells[i])), None)
        if blank is not None:  # 'NA' is no value to pandas: a headline row on the site
            repo.problems.append(
                _problem(file, n, msg("opensdg22_read_as_empty", column=header[blank], cell=cells[blank]))
            )
            continue
        label = cells[at[YEAR]].strip()
        year_text = label[:4] if sliced else label
        # pandas' digits alone; '02015' read by its first four characters is no year (201)
        if not (year_text.isascii() and year_text.isdigit() and len(year_text) == 4) or year_text[0] == "0":
            repo.problems.append(_problem(file, n, msg("opensdg_bad_year", year=label)))
            continue
        try:
            value = _number(cells[at[VALUE]])
            progress = _number(cells[at[PROGRESS]]) if PROGRESS in at else None
        except ValueError as exc:
            bad = cells[at[VALUE]] if PROGRESS not in at else f"{cells[at[VALUE]]} / {cells[at[PROGRESS]]}"
            word = next((c.strip() for c in (cells[i] for i in figures) if c.strip().lower() in _NA_LIKE), None)
            said = msg("opensdg23_not_no_value", value=word) if word else msg("opensdg_bad_value", value=bad.strip())
            said = exc.args[0] if exc.args and isinstance(exc.args[0], Message) else said  # 2**53 + 1
            repo.problems.append(_problem(file, n, said))
            continue
        row = DataRow(
            n,
            int(year_text),
            label,
            tuple((labels[k], translated(cells[i])) for k, i in enumerate(disagg) if cells[i].strip()),
            repo.translate(cells[at[SERIES]].strip()) if SERIES in at else "",
            repo.translate(cells[at[UNITS]].strip()) if UNITS in at else "",
            value,
            progress,
            cells[at[GEOCODE]].strip() if GEOCODE in at else "",
        )
        key = (row.year, row.cells, row.series, row.units)
        before = seen.get(key)
        if before is not None:
            if (before[1].value, before[1].progress) == (value, progress):
                repeated += 1  # the same row twice: Open SDG's figures count it once
                continue
            repo.problems.append(
                _problem(
                    file, n, msg("opensdg_two_values", year=label, first=before[0], value=cells[at[VALUE]].strip())
                )
            )
            continue
        seen[key] = (n, row)
        rows.append(row)
    has = (PROGRESS in at, SERIES in at, UNITS in at)
    return IndicatorData(inid, file, meta_file, meta, labels, rows, *has, repeated=repeated)


def raw_cells(r: DataRow) -> list[tuple[str, str]]:
    """A row's disaggregation cells, then its Series and Units, as (label, cell)."""
    return [*r.cells, *((("Series", r.series),) if r.series else ()), *((("Units", r.units),) if r.units else ())]


def spaced(text: str) -> str:
    """Control characters as spaces, as in a unit's name: targets.yaml holds none."""
    return "".join(" " if unicodedata.category(c) == "Cc" else c for c in text)


def one_unit(first: DataRow, row: DataRow) -> Message | None:
    """Two rows of one year whose cells differ only as qntrack's unit names do not
    (``Female``, ``female``) are one series in qntrack: with other figures, refused."""
    if first is row or (first.value, first.progress) == (row.value, row.progress):
        return None
    pairs = zip(raw_cells(row), raw_cells(first), strict=False)
    mine, theirs = next(((a, b) for (_, a), (_, b) in pairs if a != b), ("", ""))
    if unicodedata.normalize("NFC", mine) == unicodedata.normalize("NFC", theirs):
        # Identical on screen: only how the letters are stored differs, which is what to say.
        return msg("hostile16_one_unit_composed", unit=mine, line=first.line, year=row.year_label)
    return msg("hostile16_one_unit", unit=mine, other=theirs, line=first.line, year=row.year_label)


def _read(path: Path, file: str, what: Message, problems: list[Problem]) -> bytes | None:
    """The file's bytes; a folder, FIFO, link to nothing or unreadable file is a problem
    of the file (its indicator's, which --skip-bad may leave out), not the end of the import."""
    try:
        return read_present(path, what)
    except InputError as exc:
        problems.extend(_problem(file, 0, p.message) for p in exc.problems)
        return None


def _filled(body: list[list[str]], column: int) -> bool:
    """Whether any row has a cell in ``column`` (a trailing comma on every line has none)."""
    return any(len(r) > column and r[column].strip() for r in body)


def _unnamed_or_twice(columns: list[tuple[int, str]]) -> Any:
    """A disaggregation column without a name, or two with one label once translated
    (``Sex`` and ``data.Sex``): each would be a dimension of the plan the import writes,
    which cannot hold either."""
    from ..plan.units import unit_match  # "Sex" and "sex" are one dimension's name

    first: dict[str, int] = {}
    for i, label in columns:
        if not label:
            return msg("hostile16_column_unnamed", column=i + 1, index=i)
        if unit_match(label) in first:
            return msg("hostile16_column_twice", column=label, first=first[unit_match(label)] + 1, second=i + 1)
        first[unit_match(label)] = i
    return None


def read_repository(root: Path) -> Repository:
    """Everything qntrack reads of the repository at ``root``; the problems found (a file
    and line each) are in ``problems``: the caller decides what to do with them."""
    problems: list[Problem] = []
    config: dict[str, Any] = {}
    lines: dict[str, int] = {}
    config_path = root / "config_data.yml"
    if config_path.exists() or config_path.is_symlink():  # a link to nothing is refused
        data = read_present(config_path, msg("opensdg_what_config"))
        found = _yaml(data, "config_data.yml", problems) if data is not None else None
        config = found if isinstance(found, dict) else {}
        lines = config_lines(data.decode("utf-8", errors="replace")) if data is not None else {}
    languages = [str(x) for x in config_list(config, "languages", problems, lines)] or ["en"]
    extra = [
        *config_list(config, "non_disaggregation_columns", problems, lines),
        *config_list(config, "observation_attributes", problems, lines),
    ]
    non_disagg = tuple(dict.fromkeys([*NON_DISAGGREGATION, *(str(c) for c in extra if isinstance(c, str))]))
    repo = Repository(root, languages, non_disagg, _translations(root, problems), [], problems, False)
    src, patterns = inputs(root, config, problems, lines)
    unread = unlisted_inputs(root, src, patterns)  # a folder globbing would pass over
    problems.extend(unread)
    files = sorted(p for p in src.glob(patterns["InputCsvData"]) if p.suffix == ".csv")
    from .opensdg_names import passed_over  # it imports this module

    repo.passed_over = passed_over(src, patterns["InputCsvData"], files, root), patterns["InputCsvData"]
    metas: dict[str, Path] = {}
    for cls in ("InputYamlMeta", "InputYamlMdMeta"):  # the .md files win, as listed last
        metas.update({p.stem: p for p in sorted(src.glob(patterns[cls])) if p.suffix in (".md", ".yml", ".yaml")})
    if not files and not unread:  # a data/ unread (a file, denied) is said as such alone
        problems.append(_problem(str(root), 0, no_data(root, len(metas), patterns["InputYamlMdMeta"])))
    for path in files:
        inid = path.stem.removeprefix("indicator_")
        owned = repo.files_of[inid] = [str(path.relative_to(root))]
        meta: dict[str, Any] = {}
        meta_file = None
        for candidate in (metas[inid],) if inid in metas else ():
            if candidate.exists() or candidate.is_symlink():  # a link to nothing is refused
                meta_file = str(candidate.relative_to(root))
                owned.append(meta_file)
                raw = _read(candidate, meta_file, msg("opensdg_what_meta"), problems)
                if raw is not None:
                    if candidate.suffix == ".md":
                        meta = _front_matter(raw, meta_file, problems)
                    else:
                        found = _yaml(raw, meta_file, problems)
                        meta = found if isinstance(found, dict) else {}
                break
        indicator = _read_data(repo, inid, path, meta, meta_file)
        if indicator is None:
            repo.unread.append(inid)
            continue
        for lang in languages[1:]:
            translated = root / "meta" / lang / f"{inid}.md"
            if translated.exists() or translated.is_symlink():
                owned.append(str(translated.relative_to(root)))
                raw = _read(translated, owned[-1], msg("opensdg_what_meta"), problems)
                if raw is not None:
                    indicator.meta_by_lang[lang] = _front_matter(raw, owned[-1], problems)
        repo.indicators.append(indicator)
    ids = {path.stem[len("indicator_") :] for path in files}
    meta_dir = root / "meta"
    if meta_dir.is_dir():
        found = [p for p in meta_dir.iterdir() if p.suffix in (".md", ".yml", ".yaml") and p.stem not in ids]
        repo.meta_only = sorted(str(p.relative_to(root)) for p in found)
    dates = git_dates(root, [i.data_file for i in repo.indicators])
    repo.shallow = dates is not None and SHALLOW in dates
    if dates is not None:
        repo.git = True
        for indicator in repo.indicators:
            indicator.changed_at, indicator.commit = dates.get(indicator.data_file, ("", ""))
    repo.warnings[:0] = [p for p in problems if p.severity == "warning"]  # a key given twice (opensdg_keys)
    problems[:] = [p for p in problems if p.severity != "warning"]
    return repo
