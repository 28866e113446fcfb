"""Issue 17, forty-second session, pass L: the leftovers of passes A and X mended.

1. ``export opensdg`` of a tracker with no figure writes an Open SDG repository with no
   ``data/`` folder, as Open SDG wants it (an indicator with no figure is its metadata
   alone, ``reporting_status: notstarted``); importing it back said "is this an Open SDG
   data repository?". The import now recognises such a repository (qntrack's own export,
   or any with metadata and no data file) and says it holds no figure to import.
2. A list of units in a message was ambiguous where a unit's name holds a comma ("valid:
   Hà Nội, Bà Rịa, Vũng Tàu"): such a name is written in double quotes, in every message
   listing units, English and Vietnamese.
3. ``init /dev/null/x`` said /dev/null "is a file": a device on the way is named as one.
4. A unit judged with no figure of its own whose figures are all kept finer (women's by
   province): ``show lit-sex --dim sex=Female`` said "no figure has been recorded for
   Female" and ``rank`` listed Female not available, both in silence; ``show`` of a total
   kept only by unit said "no figure has been recorded for this indicator". Each now says
   where the figures are and which breakdown would judge them.
5. Halves written number first (``1H2025``: refused, offering 2025-H1) or year first
   (``2025H1``: read): found sound, pinned.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import enter, make_tracker
from helpers import run_clean

# --- 1. The round trip of a tracker with no figure ------------------------------------

EMPTY_PLAN = """\
title: Nothing yet
indicators:
  pov: {name: Poverty rate, unit: '%', measure: rate, direction: decrease}
  lit: {name: Literacy rate, unit: '%', measure: rate, direction: increase}
targets:
  - {id: pov-2030, type: open_sdg, indicator: pov, target: 2, direction: decrease}
"""
HEADER = "indicator,period,value,status,source,note,recorded_at\n"


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_an_export_with_no_figure_is_read_back_as_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    folder = tmp_path / "t"
    folder.mkdir()
    make_tracker(folder, monkeypatch, EMPTY_PLAN, HEADER)
    site = tmp_path / "site"
    done = run_clean("--lang", lang, "export", "opensdg", "--into", str(site))
    assert done.exit_code == 0, done.stderr
    # What Open SDG wants of indicators not started: their metadata, no data file.
    assert sorted(p.name for p in (site / "meta").iterdir()) == ["lit.md", "pov.md"]
    assert not (site / "data").exists()
    back = run_clean("--lang", lang, "import", "opensdg", str(site), "--into", str(tmp_path / "again"))
    assert back.exit_code == 1, back.stderr
    said = back.stderr
    assert "is this an Open SDG" not in said and "có phải kho dữ liệu Open SDG" not in said, said
    # Said as what it is: qntrack's export, 2 indicators, no figure; nothing written.
    assert "qntrack" in said and "2" in said and "meta/" in said, said
    assert ("no figure" in said) if lang == "en" else ("chưa có số liệu" in said), said
    assert not (tmp_path / "again").exists()


def test_a_site_with_metadata_and_no_data_file_is_said_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Not qntrack's export: an Open SDG site that reports nothing yet (3 metadata files).
    site = tmp_path / "site"
    (site / "meta").mkdir(parents=True)
    for inid in ("1-1-1", "1-2-1", "3-2-1"):
        (site / "meta" / f"{inid}.md").write_text(f"---\nindicator_name: {inid}\nreporting_status: notstarted\n---\n")
    enter(tmp_path, monkeypatch)
    back = run_clean("import", "opensdg", str(site), "--into", str(tmp_path / "again"))
    assert back.exit_code == 1, back.stderr
    assert "is this an Open SDG" not in back.stderr, back.stderr
    assert "3 metadata file(s)" in back.stderr and "no data file" in back.stderr, back.stderr
    assert not (tmp_path / "again").exists()


def test_a_folder_of_neither_is_still_asked_about(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A control: no data/ and no meta/, the question stays.
    (tmp_path / "elsewhere").mkdir()
    enter(tmp_path, monkeypatch)
    back = run_clean("import", "opensdg", str(tmp_path / "elsewhere"), "--into", str(tmp_path / "again"))
    assert back.exit_code == 1
    assert "is this an Open SDG data repository" in back.stderr, back.stderr


# --- 2. Units whose names hold a comma, listed -----------------------------------------

COMMA_PLAN = """\
title: Units with commas
dimensions:
  province:
    name: {en: Province, vi: Tỉnh}
    values:
      - Hà Nội
      - {value: "Bà Rịa, Vũng Tàu", until: "2025-06-30"}
      - {value: "Hồ Chí Minh", names: {en: "Ho Chi Minh City, HCMC"}}
indicators:
  lit: {name: Literacy, unit: '%', measure: rate, direction: increase, dimensions: [province]}
targets:
  - {id: lit-2030, type: open_sdg, indicator: lit, target: 99, direction: increase, for_each: province}
"""
COMMA_STORE = HEADER + (
    "lit,2022,90,official,GSO,,2023-01-01T00:00:00Z\n"
    "lit[province=Hà Nội],2022,92,official,GSO,,2023-01-01T00:00:00Z\n"
    '"lit[province=Bà Rịa, Vũng Tàu]",2022,91,official,GSO,,2023-01-01T00:00:00Z\n'
)


@pytest.fixture
def commas(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, COMMA_PLAN, COMMA_STORE)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_unit_list_quotes_a_name_with_a_comma(commas: Path, lang: str) -> None:
    done = run_clean("--lang", lang, "retract", "lit", "2022", "--dim", "province=Nowhere")
    assert done.exit_code == 1, done.stderr
    listed = done.stderr.rsplit(": ", 1)[1].strip()
    # Three units, each told apart: the name with a comma in quotes, and so the other
    # name of Hồ Chí Minh read beside it.
    assert listed == 'Hà Nội, "Bà Rịa, Vũng Tàu", Hồ Chí Minh ("Ho Chi Minh City, HCMC")', done.stderr


MERGED_PLAN = """\
title: A merger
dimensions:
  province:
    name: {en: Province, vi: Tỉnh}
    values:
      - {value: "Bà Rịa, Vũng Tàu", until: "2025-06-30"}
      - {value: "Bình Dương", until: "2025-06-30"}
      - {value: "Đông Nam", since: "2025-07-01", from: ["Bà Rịa, Vũng Tàu", "Bình Dương"]}
indicators:
  lit: {name: Literacy, unit: '%', measure: rate, direction: increase, dimensions: [province]}
targets:
  - {id: lit-2030, type: open_sdg, indicator: lit, target: 99, direction: increase, for_each: province}
"""


@pytest.mark.parametrize(("lang", "words"), [("en", "units of that time"), ("vi", "2024")])
def test_the_units_of_a_time_are_listed_unambiguously(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, words: str
) -> None:
    # Đông Nam was formed on 1 July 2025 from two provinces: a 2024 figure of it names
    # them, two units, not three.
    make_tracker(tmp_path, monkeypatch, MERGED_PLAN, HEADER)
    done = run_clean("--lang", lang, "add-observation", "lit", "2024", "95", "--dim", "province=Đông Nam")
    assert done.exit_code == 1, done.stderr
    assert words in done.stderr, done.stderr
    assert done.stderr.rstrip().endswith(': "Bà Rịa, Vũng Tàu", Bình Dương'), done.stderr


def test_the_units_a_target_judges_are_listed_unambiguously(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # An open dimension (no values declared): Huế has no figure, and show names the units
    # the target judges.
    open_plan = COMMA_PLAN.replace(
        """    values:
      - Hà Nội
      - {value: "Bà Rịa, Vũng Tàu", until: "2025-06-30"}
      - {value: "Hồ Chí Minh", names: {en: "Ho Chi Minh City, HCMC"}}
""",
        "",
    )
    assert "values" not in open_plan
    make_tracker(tmp_path, monkeypatch, open_plan, COMMA_STORE)
    done = run_clean("show", "lit-2030", "--dim", "province=Huế")
    assert done.exit_code != 0, done.stdout
    said = [line for line in done.stderr.splitlines() if "units judged" in line]
    assert said and said[0].endswith('units judged: province="Bà Rịa, Vũng Tàu", province=Hà Nội'), done.stderr


MERGED_STORE = HEADER + (
    '"lit[province=Bà Rịa, Vũng Tàu]",2020,91,official,GSO,,2021-03-01T00:00:00Z\n'
    "lit[province=Bình Dương],2020,93,official,GSO,,2021-03-01T00:00:00Z\n"
    "lit[province=Đông Nam],2025,94,official,GSO,,2026-03-01T00:00:00Z\n"
)


@pytest.mark.parametrize(
    ("lang", "caption"),
    [
        ("en", 'Đông Nam was formed from "Bà Rịa, Vũng Tàu" and Bình Dương:'),
        ("vi", 'Đông Nam được hình thành từ "Bà Rịa, Vũng Tàu" và Bình Dương:'),
    ],
)
def test_the_reports_predecessors_are_told_apart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, caption: str
) -> None:
    make_tracker(tmp_path, monkeypatch, MERGED_PLAN, MERGED_STORE)
    done = run_clean("--lang", lang, "report")
    assert done.exit_code == 0, done.stderr
    assert caption in done.stdout, done.stdout


def test_the_reports_units_without_a_figure_are_told_apart(commas: Path) -> None:
    # Hồ Chí Minh, named Ho Chi Minh City, HCMC in English, has no figure: one unit.
    done = run_clean("report")
    assert done.exit_code == 0, done.stderr
    assert '1 without a figure: "Ho Chi Minh City, HCMC"' in done.stdout, done.stdout


def test_the_listed_names_read_back_as_the_units() -> None:
    from qntrack.plan.units import names_listed, units_listed

    names = ["Hà Nội", "Bà Rịa, Vũng Tàu", 'The "Old" Town', "Hạ Long (city)"]
    assert names_listed(names) == 'Hà Nội, "Bà Rịa, Vũng Tàu", "The ""Old"" Town", "Hạ Long (city)"'
    assert names_listed(names, most=2) == 'Hà Nội, "Bà Rịa, Vũng Tàu", ...'
    two = ((("province", "Bà Rịa, Vũng Tàu"), ("sex", "Nữ")), (("province", "Hà Nội"), ("sex", "Nam")))
    assert units_listed(two) == 'province="Bà Rịa, Vũng Tàu", sex=Nữ; province=Hà Nội, sex=Nam'


# --- 3. A device on the way of a folder -------------------------------------------------


@pytest.mark.parametrize(
    ("args", "lang", "word"),
    [
        (["init", "/dev/null/x"], "en", "character device"),
        (["init", "/dev/null/x"], "vi", "thiết bị ký tự"),
        (["import", "opensdg", ".", "--into", "/dev/null/y"], "en", "character device"),
        (["report", "-o", "/dev/null/r.md"], "en", "character device"),
    ],
)
def test_a_device_on_the_way_is_named_a_device(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], lang: str, word: str
) -> None:
    make_tracker(tmp_path, monkeypatch, EMPTY_PLAN, HEADER)
    done = run_clean("--lang", lang, *args)
    assert done.exit_code == 2, done.stderr
    assert "/dev/null" in done.stderr and word in done.stderr, done.stderr
    assert "is a file" not in done.stderr and "là một tệp" not in done.stderr, done.stderr


def test_a_named_pipe_on_the_way_is_named_a_pipe(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    os.mkfifo(tmp_path / "pipe")
    enter(tmp_path, monkeypatch)
    done = run_clean("--lang", "vi", "init", "pipe/x")
    assert done.exit_code == 2, done.stderr
    assert "'pipe' là một ống dẫn có tên (FIFO), không phải thư mục" in done.stderr, done.stderr
    assert not (tmp_path / "pipe").is_dir()


# --- 4. A unit whose figures are all kept finer: show --dim and rank ---------------------

FINER_PLAN = """\
title: Finer
dimensions:
  province:
    name: {en: Province, vi: Tỉnh}
    values: [North, South]
  sex:
    name: {en: Sex, vi: Giới tính}
    values: [Female, Male]
indicators:
  lit: {name: Literacy, unit: '%', measure: rate, direction: increase, dimensions: [province, sex]}
targets:
  - {id: lit-sex, type: open_sdg, indicator: lit, target: 99, direction: increase, for_each: sex}
"""
# Women's figures by province only (North 80 -> 85, South 70 -> 78); men's as a whole too.
FINER_STORE = HEADER + (
    "lit[province=North;sex=Female],2015,80,official,GSO,,2016-03-01T00:00:00Z\n"
    "lit[province=North;sex=Female],2021,85,official,GSO,,2022-03-01T00:00:00Z\n"
    "lit[province=South;sex=Female],2015,70,official,GSO,,2016-03-01T00:00:00Z\n"
    "lit[province=South;sex=Female],2021,78,official,GSO,,2022-03-01T00:00:00Z\n"
    "lit[sex=Male],2015,84,official,GSO,,2016-03-01T00:00:00Z\n"
    "lit[sex=Male],2021,88,official,GSO,,2022-03-01T00:00:00Z\n"
)


@pytest.fixture
def finer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_tracker(tmp_path, monkeypatch, FINER_PLAN, FINER_STORE)


@pytest.mark.parametrize("fmt", [[], ["--format", "json"]])
def test_show_of_a_unit_kept_finer_says_where_its_figures_are(finer: Path, fmt: list[str]) -> None:
    done = run_clean("show", "lit-sex", "--dim", "sex=Female", *fmt)
    assert done.exit_code == 0, done.stderr
    said = [line for line in done.stderr.splitlines() if "lit[sex=Female]" in line]
    assert len(said) == 1, done.stderr
    # 4 figures, in 2 cells; the way to have them judged: a target by both dimensions.
    for words in ("2 unit(s)", "province", "lit[province=North;sex=Female]", "for_each: [sex, province]"):
        assert words in said[0], said[0]
    # Not told to add a --dim that show refuses (lit-sex is not broken down by province).
    assert "add --dim" not in said[0], said[0]


@pytest.mark.parametrize(("lang", "words"), [("en", "Female"), ("vi", "Female")])
def test_rank_names_the_units_kept_finer(finer: Path, lang: str, words: str) -> None:
    done = run_clean("--lang", lang, "rank", "lit-sex")
    assert done.exit_code == 0, done.stderr
    said = [line for line in done.stderr.splitlines() if "lit-sex" in line]
    assert len(said) == 1, done.stderr
    for word in (words, "lit[province=North;sex=Female]", "for_each: [sex, province]"):
        assert word in said[0], said[0]
    assert "Male" not in said[0].replace("Female", ""), said[0]
    assert said[0].startswith("1 "), said[0]


def test_rank_says_nothing_of_a_unit_with_no_figure_at_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A control: women have no figure anywhere; nothing is kept finer to point to.
    men_only = HEADER + "".join(
        line + "\n" for line in FINER_STORE.splitlines() if "Male]" in line and "Female" not in line
    )
    make_tracker(tmp_path, monkeypatch, FINER_PLAN, men_only)
    done = run_clean("rank", "lit-sex")
    assert done.exit_code == 0, done.stderr
    assert "for_each: [" not in done.stderr, done.stderr
    shown = run_clean("show", "lit-sex", "--dim", "sex=Female")
    assert "lit[sex=Female]" not in shown.stderr, shown.stderr


def test_show_of_a_total_kept_only_by_unit_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A target on the total, whose figures are all by province and sex: "no figure has
    # been recorded for this indicator yet" alone was false (6 figures are).
    plan = FINER_PLAN + "  - {id: lit-all, type: open_sdg, indicator: lit, target: 99, direction: increase}\n"
    make_tracker(tmp_path, monkeypatch, plan, FINER_STORE)
    done = run_clean("show", "lit-all")
    assert done.exit_code == 0, done.stderr
    said = [line for line in done.stderr.splitlines() if "lit-all" in line]
    assert len(said) == 1, done.stderr
    # 3 units hold figures: North×Female, South×Female, Male.
    for words in ("3 unit(s)", "lit[province=North;sex=Female]", "observations --indicator lit"):
        assert words in said[0], said[0]


# --- 5. A half written number first or year first ----------------------------------------

HALF_PLAN = """\
title: Halves
indicators:
  growth: {name: GRDP growth, unit: '%', measure: rate, direction: increase, frequency: quarter}
targets:
  - {id: growth-2030, type: open_sdg, indicator: growth, target: 8, direction: increase}
"""


@pytest.mark.parametrize("typed", ["1H2025", "1H 2025", "2025-S1"])
def test_a_half_refused_offers_its_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, typed: str) -> None:
    make_tracker(tmp_path, monkeypatch, HALF_PLAN, HEADER)
    done = run_clean("add-observation", "growth", typed, "7.5", "--status", "estimate", "--dry-run")
    assert done.exit_code != 0 and "write 2025-H1 if that is the period meant" in done.stderr, done.stderr


@pytest.mark.parametrize("typed", ["2025H1", "2025 H1", "H1 2025", "H1/2025"])
def test_a_half_year_first_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, typed: str) -> None:
    make_tracker(tmp_path, monkeypatch, HALF_PLAN, HEADER)
    done = run_clean("add-observation", "growth", typed, "7.5", "--status", "estimate", "--dry-run")
    assert done.exit_code == 0 and "growth\t2025-H1\t7.5\t" in done.stdout, done.stdout + done.stderr


def test_a_cycle_of_units_is_listed_unambiguously(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = COMMA_PLAN.replace(
        """      - Hà Nội
      - {value: "Bà Rịa, Vũng Tàu", until: "2025-06-30"}
      - {value: "Hồ Chí Minh", names: {en: "Ho Chi Minh City, HCMC"}}
""",
        """      - {value: Hà Nội, from: ["Bà Rịa, Vũng Tàu"]}
      - {value: "Bà Rịa, Vũng Tàu", from: [Huế]}
      - {value: Huế, from: [Hà Nội]}
""",
    )
    make_tracker(tmp_path, monkeypatch, plan, HEADER)
    done = run_clean("check")
    assert done.exit_code == 1, done.stderr
    cycle = [line for line in done.stderr.splitlines() if "formed from each other" in line]
    assert cycle and '"Bà Rịa, Vũng Tàu"' in cycle[0], done.stderr
