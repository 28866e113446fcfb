"""A figure far from the one on record is recorded with one warning (issue 12, wave 3):
'1189' typed for 11.89 used to turn a missed plan into an achieved one in silence."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from helpers import last_row as _last_row
from qntrack.cli import app

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()
STAMP = "2026-02-01T00:00:00Z"  # after the shipped store's last row (2026-01-07) and after 2025 ended


def _warnings(r) -> list[str]:
    """The warning lines on stderr (the confirmation goes there too)."""
    return [line for line in r.stderr.splitlines() if ": warning: " in line or ": cảnh báo: " in line]


def test_a_hundredfold_slip_is_recorded_with_one_warning(shipped: Path):
    # 2025 in force: 11.89 (line 40 of the shipped store); 1189 / 11.89 = 100.
    r = runner.invoke(
        app,
        [
            "add-observation",
            "grdp_growth",
            "2025",
            "1189",
            "--status",
            "official",
            "--source",
            "typo",
            "--recorded-at",
            STAMP,
        ],
    )
    assert r.exit_code == 0, r.stderr
    assert _warnings(r) == [
        "add-observation: warning: grdp_growth 2025 = 1189 is 100 times the figure in force "
        "(11.89); a unit or typing slip? If so, 'qntrack retract grdp_growth 2025' withdraws it"
    ]
    assert r.stderr.startswith("added grdp_growth 2025 = 1189")
    assert _last_row(shipped) == f"grdp_growth,2025,1189,official,typo,,{STAMP}"  # a real jump stays recordable
    # and retract, as the warning says, puts 11.89 back in force
    r = runner.invoke(app, ["retract", "grdp_growth", "2025", "--recorded-at", "2026-02-02T00:00:00Z"])
    assert r.exit_code == 0, r.stderr
    assert _warnings(r) == []


def test_in_vietnamese_and_smaller(shipped: Path):
    # 0.1189 is 1/100 of 11.89.
    r = runner.invoke(app, ["add-observation", "grdp_growth", "2025", "0.1189", "--recorded-at", STAMP, "--lang", "vi"])
    assert r.exit_code == 0, r.stderr
    assert _warnings(r) == [
        "add-observation: cảnh báo: grdp_growth kỳ 2025 = 0,1189 chỉ bằng 1/100 số liệu đang có "
        "hiệu lực (11,89): có phải một tỷ lệ phần trăm bị bảng tính lưu thành số thập phân "
        "(11,89% ghi thành 0,1189)? Nếu vậy, 'qntrack retract grdp_growth 2025' sẽ rút lại số "
        "liệu này, và số cần ghi là 11,89"
    ]


def test_dry_run_warns_too_and_writes_nothing(shipped: Path):
    before = (shipped / "observations.csv").read_bytes()
    r = runner.invoke(app, ["add-observation", "grdp_growth", "2025", "1189", "--recorded-at", STAMP, "--dry-run"])
    assert r.exit_code == 0, r.stderr
    assert len(_warnings(r)) == 1 and "100 times the figure in force (11.89)" in r.stderr
    assert (shipped / "observations.csv").read_bytes() == before


def test_a_revision_within_the_factor_is_silent(shipped: Path):
    # 11.89 -> 12.1 is a revision, not a slip; nor is 11.89 -> 50 (4.2 times, under 5).
    for day, value in (("01", "12.1"), ("02", "50")):  # each vintage its own moment
        r = runner.invoke(
            app, ["add-observation", "grdp_growth", "2025", value, "--recorded-at", STAMP.replace("-01T", f"-{day}T")]
        )
        assert r.exit_code == 0, r.stderr
        assert _warnings(r) == [], value


def test_a_new_period_is_judged_against_its_neighbours(shipped: Path):
    # 2026-Q1 has no figure yet: it is judged against the nearest quarter on record,
    # 2025-Q3 (12.88; there is no later one): 1288 is 100 times it.
    r = runner.invoke(
        app,
        [
            "add-observation",
            "grdp_growth",
            "2026-Q1",
            "1288",
            "--status",
            "estimate",
            "--recorded-at",
            "2026-04-05T00:00:00Z",
        ],
    )
    assert r.exit_code == 0, r.stderr
    assert _warnings(r) == [
        "add-observation: warning: grdp_growth 2026-Q1 = 1288 is 100 times the figure for "
        "2025-Q3 (12.88); a unit or typing slip? If so, 'qntrack retract grdp_growth 2026-Q1' "
        "withdraws it"
    ]


def test_from_a_file_one_warning_per_suspicious_row(shipped: Path):
    # 2025 (11.89) typed 1189 and 2024 (8.42) typed 842: two warnings naming their lines;
    # 2023-Q1 at 8.1 (8.04 in force) is silent. All three are recorded.
    (shipped / "in.csv").write_text(
        "indicator,period,value,status\n"
        "grdp_growth,2025,1189,official\n"
        "grdp_growth,2023-Q1,8.1,official\n"
        "grdp_growth,2024,842,official\n",
        encoding="utf-8",
    )
    r = runner.invoke(app, ["add-observation", "--from", "in.csv", "--recorded-at", STAMP])
    assert r.exit_code == 0, r.stderr
    lines = _warnings(r)
    assert (
        lines[0].startswith("in.csv:2")
        and "grdp_growth 2025 = 1189 is 100 times the figure in force (11.89)" in lines[0]
    )
    assert (
        lines[1].startswith("in.csv:4") and "grdp_growth 2024 = 842 is 100 times the figure in force (8.42)" in lines[1]
    )
    assert len(lines) == 2
    assert (shipped / "observations.csv").read_text(encoding="utf-8").count(STAMP) == 3


def test_retract_is_not_judged(shipped: Path):
    r = runner.invoke(app, ["retract", "grdp_growth", "2025", "--recorded-at", STAMP])
    assert r.exit_code == 0, r.stderr
    assert _warnings(r) == []


def test_a_batch_in_another_unit_warns_a_few_times_then_counts_the_rest(tmp_path, monkeypatch):
    """A whole file in thousands instead of millions would warn on every row; the first
    20 warnings say it, one line counts the rest (cli.JUMP_WARNINGS_SHOWN)."""
    from typer.testing import CliRunner

    from conftest import make_tracker
    from qntrack.cli import app

    targets = (
        "version: 1\ntitle: t\nindicators:\n  fdi:\n    name: FDI\n    unit: USD\n"
        "    frequency: month\ntargets:\n  - id: fdi\n    indicator: fdi\n    baseline: 2000\n"
    )
    stored = "".join(
        f"fdi,{2000 + i // 12}-{i % 12 + 1:02d},{100 + i},official,s,,2025-01-01T00:00:00Z\n" for i in range(30)
    )
    make_tracker(tmp_path, monkeypatch, targets, "indicator,period,value,status,source,note,recorded_at\n" + stored)
    batch = "".join(
        f"fdi,{2000 + i // 12}-{i % 12 + 1:02d},{(100 + i) * 1000},official,s2,,2025-02-01T00:00:00Z\n"
        for i in range(30)
    )
    (tmp_path / "in.csv").write_text(
        "indicator,period,value,status,source,note,recorded_at\n" + batch, encoding="utf-8"
    )
    r = CliRunner().invoke(app, ["add-observation", "--from", "in.csv"])
    assert r.exit_code == 0, r.stderr
    lines = r.stderr.splitlines()
    assert sum(": warning:" in line for line in lines) == 20
    assert "... and 10 more row(s) far from the figures on record" in r.stderr


def test_an_added_row_recorded_before_the_figure_in_force_says_it_stays_an_earlier_vintage(shipped: Path):
    # 2022-H1: 10.66 recorded 2022-07-05, 9.22 recorded 2023-07-05 (in force).
    r = runner.invoke(
        app,
        [
            "add-observation",
            "grdp_growth",
            "2022-H1",
            "9.5",
            "--status",
            "official",
            "--source",
            "Niên giám 2022",
            "--recorded-at",
            "2023-01-01",
        ],
    )
    assert r.exit_code == 0, r.stderr
    assert _warnings(r) == [
        "add-observation: warning: grdp_growth 2022-H1 = 9.5 recorded 2023-01-01T00:00:00Z, "
        "before the figure in force (9.22, recorded 2023-07-05T00:00:00Z): it is kept as an "
        "earlier vintage and 9.22 stays in force"
    ]
    assert _last_row(shipped).endswith(",2023-01-01T00:00:00Z")  # kept: history stays replayable
    r = runner.invoke(
        app, ["add-observation", "grdp_growth", "2022-H1", "9.6", "--recorded-at", "2023-01-02", "--lang", "vi"]
    )
    assert r.exit_code == 0, r.stderr
    assert len(_warnings(r)) == 1 and "9,22" in _warnings(r)[0]  # Vietnamese: a decimal comma


def test_a_retraction_recorded_before_the_figure_in_force_is_refused(shipped: Path):
    before = (shipped / "observations.csv").read_bytes()
    r = runner.invoke(app, ["retract", "grdp_growth", "2022-H1", "--recorded-at", "2022-08-01"])
    assert r.exit_code != 0
    assert "9.22" in r.stderr and "2023-07-05T00:00:00Z" in r.stderr and "(was 10.66)" not in r.stderr
    assert (shipped / "observations.csv").read_bytes() == before
    r = runner.invoke(app, ["retract", "grdp_growth", "2022-H1", "--recorded-at", "2022-08-01", "--lang", "vi"])
    # The reader's decimal mark: 9.22 reads as nine hundred and twenty-two in Vietnamese.
    assert r.exit_code != 0 and "9,22" in r.stderr and "sẽ rút 10,66" in r.stderr


def test_the_jump_check_looks_at_neighbours_on_both_sides_even_when_recorded_later(shipped: Path):
    # cbct_share: 9.8 for 2020 and 11.3 for 2021, both recorded after 2020-06-01; nothing before 2020.
    r = runner.invoke(
        app,
        [
            "add-observation",
            "cbct_share",
            "2019",
            "980",
            "--status",
            "official",
            "--source",
            "s",
            "--recorded-at",
            "2020-06-01",
        ],
    )
    assert r.exit_code == 0, r.stderr
    assert _warnings(r) == [
        "add-observation: warning: cbct_share 2019 = 980 is 100 times the figure for 2020 (9.8); "
        "a unit or typing slip? If so, 'qntrack retract cbct_share 2019' withdraws it"
    ]
    # one side only: 11 for 2015, nothing earlier, even back-dated before 2015's figure was recorded
    r = runner.invoke(
        app,
        [
            "add-observation",
            "grdp_growth",
            "2014",
            "1050",
            "--status",
            "official",
            "--source",
            "s",
            "--recorded-at",
            "2015-06-01",
        ],
    )
    assert r.exit_code == 0, r.stderr
    assert len(_warnings(r)) == 1 and "the figure for 2015 (11)" in _warnings(r)[0]


def test_a_figure_between_two_neighbours_warns_only_when_both_jump(shipped: Path):
    # 9.9 for 2019, next to 9.8 for 2020: no jump, no warning
    r = runner.invoke(app, ["add-observation", "cbct_share", "2019", "9.9", "--recorded-at", STAMP])
    assert r.exit_code == 0, r.stderr
    assert _warnings(r) == []


def test_retract_never_offers_a_force_it_does_not_have(shipped: Path):
    r = runner.invoke(app, ["retract", "grdp_growth", "2030"])
    assert r.exit_code != 0
    assert "period 2030 has not begun" in r.stderr and "--force" not in r.stderr
    r = runner.invoke(app, ["retract", "grdp_growth", "2030", "--lang", "vi"])
    assert r.exit_code != 0 and "--force" not in r.stderr
    # add-observation, which has --force, still offers it
    r = runner.invoke(app, ["add-observation", "grdp_growth", "2030", "5"])
    assert r.exit_code != 0 and "--force records it as it is" in r.stderr


def test_a_retyped_older_figure_names_the_stored_vintage_and_how_to_put_it_back(shipped: Path):
    store = shipped / "observations.csv"
    store.write_text(
        "indicator,period,value,status,source,note,recorded_at\n"
        "grdp_growth,2024,8,estimate,a,,2025-03-01T00:00:00Z\n"
        "grdp_growth,2024,8.5,official,b,,2025-06-01T00:00:00Z\n",
        encoding="utf-8",
    )
    before = store.read_bytes()
    r = runner.invoke(app, ["add-observation", "grdp_growth", "2024", "8.0", "--status", "estimate", "--source", "a"])
    assert r.exit_code == 0, r.stderr
    assert store.read_bytes() == before
    assert r.stderr == (
        "nothing to add: grdp_growth 2024 = 8 (estimate, a) is already recorded in observations.csv "
        "(line 2, recorded 2025-03-01T00:00:00Z), but it is not the figure in force (8.5, recorded "
        "2025-06-01T00:00:00Z); to put it back in force, add it again with --recorded-at and a time "
        "after 2025-06-01T00:00:00Z\n"
    )
    r = runner.invoke(
        app, ["add-observation", "grdp_growth", "2024", "8.0", "--status", "estimate", "--source", "a", "--lang", "vi"]
    )
    assert r.exit_code == 0 and "2025-03-01T00:00:00Z" in r.stderr and "--recorded-at" in r.stderr
    # the figure in force, retyped: the stored vintage's own timestamp is shown
    r = runner.invoke(app, ["add-observation", "grdp_growth", "2024", "8.5", "--status", "official", "--source", "b"])
    assert r.stderr == (
        "nothing to add: grdp_growth 2024 = 8.5 (official, b, recorded 2025-06-01T00:00:00Z) is "
        "already recorded in observations.csv\n"
    )
    # and --recorded-at puts 8.0 back, as the message says
    r = runner.invoke(
        app,
        [
            "add-observation",
            "grdp_growth",
            "2024",
            "8.0",
            "--status",
            "estimate",
            "--source",
            "a",
            "--recorded-at",
            "2025-07-01",
        ],
    )
    assert r.exit_code == 0 and r.stderr.startswith("added grdp_growth 2024 = 8")


def test_check_does_not_flag_a_jump_that_was_retracted(tracker):
    # A slip already withdrawn with `qntrack retract` needs no more warning from check.
    from typer.testing import CliRunner

    from qntrack.cli import app

    run = CliRunner().invoke
    assert run(app, ["add-observation", "share", "2022", "1150", "--recorded-at", "2023-02-01"]).exit_code == 0
    flagged = run(app, ["check"])
    assert "1150" in flagged.stderr and "share 2022" in flagged.stderr
    assert run(app, ["retract", "share", "2022", "--recorded-at", "2023-02-02"]).exit_code == 0
    assert run(app, ["check"]).stderr == ""


def test_an_earlier_vintage_is_not_told_to_retract_the_figure_in_force(shipped: Path):
    """fdi 2022: 622 in force, recorded 2022-12-28. A row recorded 2022-06-01 is kept as an
    earlier vintage and does not take effect; a jump warning's hint 'qntrack retract fdi
    2022' would withdraw 622, the figure in force, not this row. The earlier-vintage
    warning says what happens to it, with both values."""
    r = runner.invoke(
        app,
        ["add-observation", "fdi", "2022", "6220", "--status", "estimate", "--source", "x"]
        + ["--recorded-at", "2022-06-01"],
    )
    assert r.exit_code == 0, r.stderr
    said = _warnings(r)
    assert len(said) == 1, said
    assert "before the figure in force (622" in said[0] and "retract" not in said[0]
