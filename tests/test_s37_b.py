"""Issue 17, thirty-seventh session, pass B: imports that said too little. Each test was
written failing first; what is expected is worked out by hand in its docstring."""

from __future__ import annotations

from pathlib import Path

import pytest

# --- 1. Two spellings of one open unit with a figure each: why they are one -------------------

OPEN_PLAN = """\
version: 1
title: "Open"
observations: observations.csv
dimensions:
  district:
    name: {en: District, vi: Quận/huyện}
  province:
    values: ["Hạ Long"]
indicators:
  pop:
    name: "Population"
    unit: "people"
    dimensions: [district]
  area:
    name: "Area"
    unit: "km2"
    dimensions: [province]
targets:
  - id: pop-2030
    indicator: pop
    baseline: 2020
    milestones:
      - {by: 2030, value: 200}
    for_each: district
"""

EMPTY_STORE = "indicator,period,value,status,source,note,recorded_at\n"


def _said(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(
    ("table", "here", "there"),
    [
        # the unit in its column, in two spellings (case)
        (
            "indicator,district,period,value,status\npop,Hạ Long,2021,120,official\npop,hạ long,2021,130,official\n",
            "hạ long",
            "Hạ Long",
        ),
        # in the key, in two spellings (case and a second space): the column reader wrote both
        (
            "indicator,period,value,status\npop[district=Hạ Long],2021,120,official\n"
            "pop[district=HẠ  LONG],2021,130,official\n",
            "HẠ  LONG",
            "Hạ Long",
        ),
        # one in a column, one in the key
        (
            "indicator,district,period,value,status\npop,Hạ Long,2021,120,official\n"
            "pop[district=hạ long],,2021,130,official\n",
            "hạ long",
            "Hạ Long",
        ),
        # the old and the new place of a tone mark
        (
            "indicator,district,period,value,status\npop,Hoà Bình,2021,120,official\npop,Hòa Bình,2021,130,official\n",
            "Hòa Bình",
            "Hoà Bình",
        ),
    ],
)
@pytest.mark.parametrize("sep", [",", ";"])
def test_two_spellings_of_an_open_unit_given_twice_say_they_are_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, table: str, here: str, there: str, sep: str
) -> None:
    """Line 2 and line 3 give pop 2021 for one district, spelt two ways, at one moment (the
    import's): 120 and 130. The user sees two names; the refusal must say the two
    spellings, that they are one unit of district, and which spelling is kept (line 2's:
    nothing is stored yet). Written with commas the column reader read the key form and
    wrote both figures (check then found two figures at one moment); with ';' the general
    path refused with only "already given on line 2"."""
    from conftest import make_tracker
    from helpers import run_clean

    make_tracker(tmp_path, monkeypatch, OPEN_PLAN, EMPTY_STORE)
    Path("in.csv").write_text(table.replace(",", sep), encoding="utf-8")
    made = run_clean("add-observation", "--from", "in.csv")
    assert made.exit_code == 1, made.output
    text = _said(made.stderr)
    assert "in.csv:3: error:" in text and "is already given on line 2" in text, text
    assert f"'{_said(here)}' and '{there}' are one unit of 'district' (District)" in text, text
    assert f"kept as '{there}'" in text, text
    assert Path("observations.csv").read_text(encoding="utf-8") == EMPTY_STORE
    made = run_clean("--lang", "vi", "add-observation", "--from", "in.csv")
    text = _said(made.stderr)
    assert f"'{_said(here)}' và '{there}' là một đơn vị của 'district' (Quận/huyện)" in text, text
    assert f"giữ cách viết '{there}'" in text, text


def test_two_spellings_of_a_listed_unit_given_twice_say_the_plan_s_spelling(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A unit the plan lists is stored as the plan writes it, whatever the file's two
    spellings: 'ha long' and 'HẠ LONG' are both 'Hạ Long'."""
    from conftest import make_tracker
    from helpers import run_clean

    make_tracker(tmp_path, monkeypatch, OPEN_PLAN, EMPTY_STORE)
    Path("in.csv").write_text(
        "indicator,province,period,value,status\narea,HẠ LONG,2021,120,official\narea,hạ long,2021,130,official\n",
        encoding="utf-8",
    )
    made = run_clean("add-observation", "--from", "in.csv")
    assert made.exit_code == 1, made.output
    text = _said(made.stderr)
    assert "'hạ long' and 'HẠ LONG' are one unit of 'province'" in text, text
    assert "kept as 'Hạ Long'" in text, text


def test_one_spelling_given_twice_keeps_its_short_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same spelling twice needs no word on units."""
    from conftest import make_tracker
    from helpers import run_clean

    make_tracker(tmp_path, monkeypatch, OPEN_PLAN, EMPTY_STORE)
    Path("in.csv").write_text(
        "indicator,district,period,value,status\npop,Hạ Long,2021,120,official\npop,Hạ Long,2021,130,official\n",
        encoding="utf-8",
    )
    made = run_clean("add-observation", "--from", "in.csv")
    assert made.exit_code == 1, made.output
    text = _said(made.stderr)
    assert "is already given on line 2; keep one" in text and "one unit" not in text, text


def test_two_spellings_at_a_given_moment_say_they_are_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With a recorded_at of their own the words name the moment too."""
    from conftest import make_tracker
    from helpers import run_clean

    make_tracker(tmp_path, monkeypatch, OPEN_PLAN, EMPTY_STORE)
    Path("in.csv").write_text(
        "indicator,district,period,value,status,recorded_at\n"
        "pop,Cẩm Phả,2021,120,official,2022-01-01T00:00:00Z\npop,cẩm phả,2021,130,official,2022-01-01T00:00:00Z\n",
        encoding="utf-8",
    )
    made = run_clean("add-observation", "--from", "in.csv")
    assert made.exit_code == 1, made.output
    text = _said(made.stderr)
    assert "recorded at 2022-01-01T00:00:00Z is already given on line 2: 'cẩm phả' and 'Cẩm Phả'" in text, text


# --- 2. import opensdg of a folder that is not there, not a folder, or cannot be read ---------


def _import_folder(path: str, lang: str = "en"):
    from helpers import run_clean

    return run_clean("--lang", lang, "import", "opensdg", path, "--into", "out", "--recorded-at", "2025-06-30")


def test_a_loop_of_links_as_the_repository_is_named_a_loop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``ln -s a b; ln -s b a``: the system says ELOOP; the import said "not a folder"."""
    monkeypatch.chdir(tmp_path)
    Path("b").symlink_to("a")
    Path("a").symlink_to("b")
    made = _import_folder("a")
    assert made.exit_code == 1, made.output
    text = _said(made.stderr)
    assert "a: error:" in text and "loop of symbolic links" in text and "not a folder" not in text, text
    made = _import_folder("a", "vi")
    assert "vòng" in _said(made.stderr), made.stderr
    assert not Path("out").exists()


def test_a_missing_repository_is_said_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    made = _import_folder("sdg-data")
    assert made.exit_code == 1, made.output
    text = _said(made.stderr)
    assert "sdg-data: error: no such folder" in text and "not a folder" not in text, text
    assert "không có thư mục này" in _said(_import_folder("sdg-data", "vi").stderr)


def test_a_dangling_link_as_the_repository_names_its_target(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("sdg-data").symlink_to("/mnt/share/sdg-data")
    made = _import_folder("sdg-data")
    assert made.exit_code == 1, made.output
    text = _said(made.stderr)
    assert "is a symbolic link to /mnt/share/sdg-data, a folder that does not exist" in text, text
    assert "liên kết tượng trưng tới /mnt/share/sdg-data" in _said(_import_folder("sdg-data", "vi").stderr)


def test_a_file_as_the_repository_is_said_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("sdg.zip").write_bytes(b"PK")
    made = _import_folder("sdg.zip")
    assert made.exit_code == 1, made.output
    assert "sdg.zip: error: is a file, not a folder" in _said(made.stderr), made.stderr
    assert "là một tệp, không phải thư mục" in _said(_import_folder("sdg.zip", "vi").stderr)


def test_a_path_through_a_file_or_too_long_says_the_system_s_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("f").write_text("x", encoding="utf-8")
    text = _said(_import_folder("f/sdg").stderr)
    assert "f/sdg: error:" in text and "a part of the path is a file, not a folder" in text, text
    long = "x" * 300
    made = _import_folder(long)
    assert made.exit_code == 1, made.output
    text = _said(made.stderr)
    assert "File name too long: use a shorter path" in text and "cannot open the folder" in text, text


def test_an_unreadable_repository_says_permission(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """chmod 000 stops nothing for root: the kernel's EACCES on listing the folder is
    simulated (as tests/test_hostile_durability.py does)."""
    import errno
    import os

    monkeypatch.chdir(tmp_path)
    Path("sdg-data").mkdir()
    real = os.scandir

    def denied(path: object = ".") -> object:
        if os.fspath(path) == "sdg-data":  # type: ignore[arg-type]
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fspath(path))  # type: ignore[arg-type]
        return real(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", denied)
    made = _import_folder("sdg-data")
    assert made.exit_code == 1, made.output
    text = _said(made.stderr)
    assert "sdg-data: error: cannot open the folder: Permission denied" in text, text
    assert "ask for read access" in text, text
    assert not Path("out").exists()


# --- 3. A key given twice in an Open SDG file ---------------------------------------------------

REPO_DATA = """\
Year,Value
2015,10
2020,8
"""


def _meta(*lines: str) -> str:
    return "---\n" + "".join(line + "\n" for line in lines) + "---\n"


def _repository(tmp_path: Path, meta: str, config: str = "languages:\n  - en\n") -> Path:
    from helpers import write_repository

    return write_repository(
        tmp_path / "repo",
        {"config_data.yml": config, "data/indicator_1-1-1.csv": REPO_DATA, "meta/1-1-1.md": meta},
    )


def _import_repo(repo: Path, lang: str = "en"):
    from helpers import run_clean

    return run_clean(
        "--lang",
        lang,
        "import",
        "opensdg",
        str(repo),
        "--into",
        str(repo.parent / "out"),
        "--recorded-at",
        "2025-06-30",
    )


def test_a_name_given_twice_is_imported_with_a_warning_naming_both(tmp_path: Path) -> None:
    """meta/1-1-1.md: line 1 '---', line 2 the name 'Poverty rate', line 3 the unit, line 4
    the name again, 'Poverty share'. PyYAML keeps the last in silence; a name decides no
    figure, so the import goes on with it, and warns at line 4 with both values."""
    repo = _repository(
        tmp_path, _meta("indicator_name: Poverty rate", "computation_units: Percent", "indicator_name: Poverty share")
    )
    made = _import_repo(repo)
    assert made.exit_code == 0, made.output
    text = _said(made.stderr)
    assert (
        "meta/1-1-1.md:4: warning: 'indicator_name' is given twice: 'Poverty rate' on line 2, "
        "'Poverty share' here; the later one, 'Poverty share', is used"
    ) in text, text
    plan = (tmp_path / "out" / "targets.yaml").read_text(encoding="utf-8")
    assert "Poverty share" in plan and "Poverty rate" not in plan
    made = _import_repo(repo, "vi")
    text = _said(made.stderr)
    assert "meta/1-1-1.md:4: cảnh báo: khóa 'indicator_name' được ghi hai lần" in text, text


@pytest.mark.parametrize(
    ("meta", "line", "key", "first", "second"),
    [
        (
            _meta("indicator_name: Poverty rate", "computation_units: Percent", "computation_units: Number"),
            4,
            "computation_units",
            "Percent",
            "Number",
        ),
        (
            _meta(
                "indicator_name: Poverty rate",
                "auto_progress_calculation: true",
                "progress_calculation_options:",
                "- target: 5",
                "  target_year: 2030",
                "  target: 6",
            ),
            7,
            "target",
            "5",
            "6",
        ),
    ],
)
def test_a_key_that_decides_figures_given_twice_is_refused(
    tmp_path: Path, meta: str, line: int, key: str, first: str, second: str
) -> None:
    """A unit or a target value given twice: which one the office meant decides what is
    judged, so nothing is imported and the refusal names both."""
    repo = _repository(tmp_path, meta)
    made = _import_repo(repo)
    assert made.exit_code == 1, made.output
    text = _said(made.stderr)
    assert (
        f"meta/1-1-1.md:{line}: error: '{key}' is given twice: '{first}' on line {line - 1 if key != 'target' else 5}"
    ) in text, text
    assert "keep the one meant" in text, text
    assert not (tmp_path / "out").exists()
    text = _said(_import_repo(repo, "vi").stderr)
    assert f"khóa '{key}' được ghi hai lần" in text, text


def test_a_key_given_twice_with_one_value_is_no_news(tmp_path: Path) -> None:
    repo = _repository(
        tmp_path, _meta("indicator_name: Poverty rate", "computation_units: Percent", "computation_units: Percent")
    )
    made = _import_repo(repo)
    assert made.exit_code == 0, made.output
    assert "given twice" not in made.stderr, made.stderr


def test_a_setting_of_the_repository_given_twice_is_refused(tmp_path: Path) -> None:
    """config_data.yml's src_dir decides which files are read: given twice, refused."""
    repo = _repository(
        tmp_path, _meta("indicator_name: Poverty rate"), "languages:\n  - en\nsrc_dir: ''\nsrc_dir: site\n"
    )
    made = _import_repo(repo)
    assert made.exit_code == 1, made.output
    text = _said(made.stderr)
    assert "config_data.yml:4: error: 'src_dir' is given twice: '' on line 3, 'site' here" in text, text


# --- 4. A top-level key without its colon in the middle of targets.yaml -----------------------

MIDDLE = """\
version: 1
indicators:
  share:
    name: Share
    unit: '%'
targets
  - id: share-2030
    indicator: share
    baseline: 2020
    milestones:
      - {by: 2030, value: 50}
"""


@pytest.mark.parametrize(
    ("text", "line", "column", "key"),
    [
        (MIDDLE, 6, 1, "targets"),  # a top-level key between two blocks, its list indented under it
        (
            MIDDLE.replace("targets\n  - id", "targets:\n  - id").replace("\nindicators:\n", "\nindicators\n"),
            2,
            1,
            "indicators",
        ),  # after a key and its value
        # an inner key after another inner key
        ("version: 1\nindicators:\n  share:\n    name: Share\n  fdi\n    name: FDI\ntargets: []\n", 5, 3, "fdi"),
        # after a key whose value is a flow mapping, a comment and a blank line between
        ("version: 1\nindicators: {share: {name: Share}}\n# the targets\n\ntargets\n  - id: a\n", 5, 1, "targets"),
    ],
)
def test_a_block_key_without_its_colon_in_the_middle_is_said_as_at_the_start(
    text: str, line: int, column: int, key: str
) -> None:
    """A key that opens a block, written without its ':', was told its name and 'write
    key:' at the start of a file (session 36, pass D), but between two blocks only "a line
    that is not 'key: value' inside a mapping: give the key its ':', or check the
    indentation": the right line, without the key and the mend."""
    from helpers import plan_problems

    assert plan_problems(text) == [
        f"targets.yaml:{line}:{column}: error: not valid YAML: '{key}' opens the lines indented under it "
        f"but has no ':' after it: write '{key}:'"
    ]


def test_the_middle_case_in_vietnamese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from conftest import make_tracker
    from helpers import run

    make_tracker(tmp_path, monkeypatch, MIDDLE, EMPTY_STORE)
    r = run("--lang", "vi", "check")
    assert r.exit_code == 1
    assert r.stderr.splitlines() == [
        "targets.yaml:6:1: lỗi: không phải YAML hợp lệ: 'targets' mở đầu các dòng thụt lề bên dưới "
        "nhưng thiếu dấu ':' theo sau: hãy viết 'targets:'"
    ]


def test_a_key_and_its_value_without_the_colon_keep_their_words() -> None:
    """'frequency year' (a key and its value) is no block's key: its words stay."""
    from helpers import plan_problems

    said = plan_problems("version: 1\nindicators:\n  share:\n    frequency year\n    name: S\ntargets: []\n")
    assert len(said) == 1 and "opens the lines" not in said[0], said


def test_a_workbook_s_two_spellings_given_twice_say_they_are_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sheet's rows are said by their cells: A3's figure is the one of A2, its unit spelt
    "Hạ Long" in A2 and "HẠ LONG" in A3: one unit of district, kept as A2 spells it."""
    from openpyxl import Workbook

    from conftest import make_tracker
    from helpers import run_clean

    make_tracker(tmp_path, monkeypatch, OPEN_PLAN, EMPTY_STORE)
    book = Workbook()
    sheet = book.active
    sheet.title = "Data"
    sheet.append(["indicator", "district", "period", "value", "status"])
    sheet.append(["pop", "Hạ Long", "2021", 120, "official"])
    sheet.append(["pop", "HẠ LONG", "2021", 130, "official"])
    book.save("in.xlsx")
    made = run_clean("add-observation", "--from", "in.xlsx")
    assert made.exit_code == 1, made.output
    text = _said(made.stderr)
    assert "is already given at Data!A2: 'HẠ LONG' and 'Hạ Long' are one unit of 'district' (District)" in text, text
    assert Path("observations.csv").read_text(encoding="utf-8") == EMPTY_STORE


@pytest.mark.parametrize(
    ("text", "line", "column", "key"),
    [
        # the file's first key, alone: PyYAML stopped at line 2's ':' ("check this line's indentation")
        ("version\ntitle: x\nindicators: {}\ntargets: []\n", 1, 1, "version"),
        # a key alone between two keys of its mapping
        ("version: 1\ntitle: x\nobservations\nindicators:\n  a:\n    name: A\ntargets: []\n", 3, 1, "observations"),
        ("indicators:\n  a:\n    name: A\n    measure\n    unit: x\ntargets: []\n", 4, 5, "measure"),
    ],
)
def test_a_key_alone_on_its_line_is_said_by_its_name(text: str, line: int, column: int, key: str) -> None:
    """A word alone on its line above a key of the same mapping: a key with neither its ':'
    nor its value, said at its line with its name."""
    from helpers import plan_problems

    assert plan_problems(text) == [
        f"targets.yaml:{line}:{column}: error: not valid YAML: '{key}' stands alone on its line, with no ':' "
        f"and no value: write '{key}: ' and its value, or delete the line"
    ]


def test_record_many_s_two_spellings_given_twice_say_they_are_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A caller's list: 'Hạ Long' then 'hạ long' for pop 2021 at one moment, 120 and 121.
    The refusal named the unit once, as it would be stored, and not why the rows are one."""
    from conftest import make_tracker
    from qntrack import record_many
    from qntrack.errors import InputError

    make_tracker(tmp_path, monkeypatch, OPEN_PLAN, EMPTY_STORE)
    row = {"indicator": "pop", "period": "2021", "status": "official", "recorded_at": "2023-03-01T00:00:00Z"}
    with pytest.raises(InputError) as caught:
        record_many(
            "targets.yaml",
            [{**row, "value": 120, "dim:district": "Hạ Long"}, {**row, "value": 121, "dim:district": "hạ long"}],
        )
    text = _said(" ".join(str(p) for p in caught.value.problems))
    assert "is already given at" in text and "'hạ long' and 'Hạ Long' are one unit of 'district' (District)" in text, (
        text
    )
    assert Path("observations.csv").read_text(encoding="utf-8") == EMPTY_STORE


def test_the_fuller_words_keep_the_refusal_s_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A program tells a refusal by its key (``error.key``): the same refusal, said fuller,
    keeps it (recording_duplicate_at, as tests/test_s35_h.py pins for one spelling)."""
    from conftest import make_tracker
    from qntrack import import_observations, record_many
    from qntrack.errors import InputError

    make_tracker(tmp_path, monkeypatch, OPEN_PLAN, EMPTY_STORE)
    row = {"indicator": "pop", "period": "2021", "status": "official", "recorded_at": "2023-03-01T00:00:00Z"}
    with pytest.raises(InputError) as caught:
        record_many(
            "targets.yaml",
            [{**row, "value": 120, "dim:district": "Hạ Long"}, {**row, "value": 121, "dim:district": "hạ long"}],
        )
    assert caught.value.key == "recording_duplicate_at"
    Path("in.csv").write_text(
        "indicator,district,period,value,status\npop,Hạ Long,2021,120,official\npop,hạ long,2021,130,official\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        import_observations("targets.yaml", "in.csv")
    assert caught.value.key == "import_duplicate"
    assert "are one unit of 'district' (District)" in str(caught.value)


def test_skip_bad_leaves_out_the_indicator_whose_unit_is_given_twice(tmp_path: Path) -> None:
    """1-1-1's unit is given twice (refused), 1-2-1's name twice (warned): --skip-bad
    leaves 1-1-1 out, saying why, and imports 1-2-1 under its later name."""
    from helpers import run_clean, write_repository

    repo = write_repository(
        tmp_path / "repo",
        {
            "config_data.yml": "languages:\n  - en\n",
            "data/indicator_1-1-1.csv": REPO_DATA,
            "data/indicator_1-2-1.csv": REPO_DATA,
            "meta/1-1-1.md": _meta("indicator_name: A", "computation_units: Percent", "computation_units: Number"),
            "meta/1-2-1.md": _meta("indicator_name: B", "indicator_name: Bee"),
        },
    )
    made = run_clean(
        "import", "opensdg", str(repo), "--into", str(tmp_path / "out"), "--recorded-at", "2025-06-30", "--skip-bad"
    )
    assert made.exit_code == 0, made.output
    text = _said(made.stderr)
    assert "indicator 1-1-1 was left out (--skip-bad)" in text, text
    assert "meta/1-1-1.md:4: warning: 'computation_units' is given twice: 'Percent' on line 3, 'Number' here" in text
    assert "meta/1-2-1.md:3: warning: 'indicator_name' is given twice: 'B' on line 2, 'Bee' here" in text, text
    plan = (tmp_path / "out" / "targets.yaml").read_text(encoding="utf-8")
    assert "Bee" in plan and "1_1_1" not in plan, plan


@pytest.mark.parametrize("folder", ["data", "meta"])
def test_a_data_or_meta_folder_that_cannot_be_listed_is_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, folder: str
) -> None:
    """The repository readable, its data/ or meta/ not (EACCES simulated: root reads
    anything): a data/ was told "no data/indicator_*.csv here", and a meta/ passed over in
    silence, the indicator imported with no name, unit nor progress options."""
    import errno
    import os

    repo = _repository(tmp_path, _meta("indicator_name: Poverty rate", "auto_progress_calculation: true"))
    real = os.scandir

    def denied(path: object = ".") -> object:
        if os.fspath(path).rstrip("/").endswith(f"repo/{folder}"):  # type: ignore[arg-type]
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fspath(path))  # type: ignore[arg-type]
        return real(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", denied)
    made = _import_repo(repo)
    assert made.exit_code == 1, made.output
    text = _said(made.stderr)
    assert f"{folder}: error: cannot open the folder: Permission denied: ask for read access" in text, text
    assert not (tmp_path / "out").exists()


def test_keys_of_two_types_are_two_keys_and_a_nested_twice_names_its_line() -> None:
    """1 and '1' are two keys to YAML (an int and a text): neither is given twice. In the
    second text x is given twice in line 3's list item (lines 3 and 4, its second value a
    flow list over lines 4-5, quoted on one line), and a on lines 1 and 6."""
    from qntrack.files.yaml_nodes import safe_values

    twice: list = []
    assert safe_values("1: a\n'1': b\n", twice) == {1: "a", "1": "b"} and twice == []
    found = safe_values("a: 1\nb:\n  - x: 1\n    x: [1,\n     2]\na: 2\n", twice)
    assert found == {"a": 2, "b": [{"x": [1, 2]}]}
    assert [(t.path, t.key, t.first_line, t.first, t.line, t.value) for t in twice] == [
        (("b",), "x", 3, "1", 4, "[1, 2]"),
        ((), "a", 1, "1", 6, "2"),
    ]
