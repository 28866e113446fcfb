"""The lead's mends of the thirty-first session (issue 17)."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_s30_i import _quarters_only, run_clean


def test_a_years_figure_withdrawn_does_not_end_the_yearly_unjudged_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 2024's figure was recorded, then retracted: in force, the series holds quarters only,
    # so the target is never judged. The check asks for a year's figure that is not a
    # retraction; the retraction's row (an annual period) must not end the warning.
    _quarters_only(
        tmp_path,
        monkeypatch,
        "cbct_share,2024-Q1,11.0,,,,2025-05-01T00:00:00Z",
        "cbct_share,2024,11.8,,,,2025-06-01T00:00:00Z",
        "cbct_share,2024,,retracted,,typo,2025-06-02T00:00:00Z",
    )
    r = run_clean("check")
    assert r.exit_code == 0, r.output
    # In force: 2024-Q1 (11.0) and 2024's retraction; one figure, a quarter's.
    said = "and only one figure is recorded, for 2024-Q1, a quarter or month: it is never judged"
    assert said in r.stderr, r.stderr  # it said "(1 figures, 2024-Q1 to 2024-Q1)"
    vi = run_clean("--lang", "vi", "check")
    assert "nhưng mới chỉ ghi một số liệu, của 2024-Q1, là quý hoặc tháng" in vi.stderr, vi.stderr


def test_a_stored_row_with_an_empty_value_is_told_so_by_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # An officer adds a line by hand for a figure not yet out: "'' is not a number" named
    # two quotes and nothing to do (pass L2's leftover).
    _quarters_only(
        tmp_path,
        monkeypatch,
        "cbct_share,2024,11.8,,,,2025-06-01T00:00:00Z",
        "cbct_share,2025,,estimate,,,2025-07-01T00:00:00Z",
    )
    r = run_clean("check")
    assert r.exit_code == 1, r.output
    said = (
        "observations.csv:3: error: the value is empty: a figure not yet published needs no row in the"
        " observations file; delete the line and record the figure once it is published (qntrack"
        " add-observation), or, to withdraw the figure in force, give the row the status retracted"
    )
    assert said in r.stderr, r.stderr
    assert "is not a number" not in r.stderr, r.stderr
    vi = run_clean("--lang", "vi", "check")
    assert (
        "observations.csv:3: lỗi: giá trị để trống: số liệu chưa công bố thì không cần dòng nào trong tệp số liệu"
        in vi.stderr
    ), vi.stderr


def test_a_running_caps_periods_over_without_a_figure_are_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Pass A's leftover. At most 400 kt over 2024-2027, 60 (2024) and 140 (2025), read on
    # 2027-06-30: 2026 is over with no figure and 2027 is running. (400 - 200) / 2 = 100 kt
    # each; "each of the 2 remaining periods" read as two periods ahead where one is.
    from test_s31_a import NEWEST, NEWEST_ROWS, _shown

    from conftest import make_tracker

    make_tracker(tmp_path, monkeypatch, NEWEST, NEWEST_ROWS)
    shown = _shown("cap", "--as-of", "2027-06-30")
    said = "Each of the 2 periods without a figure (2026, 2027) may add at most 100 kt within the cap"
    assert said in shown, shown
    assert "remaining periods may add" not in shown, shown
    shown = _shown("cap", "--as-of", "2027-06-30", "--lang", "vi")
    assert "Mỗi kỳ trong 2 kỳ chưa có số liệu (năm 2026, năm 2027) chỉ được thêm tối đa 100 kt" in shown, shown
    # A year earlier nothing is over without its figure: the sentence is as it was.
    shown = _shown("cap", "--as-of", "2026-06-30")
    assert "Each of the 2 remaining periods may add at most 100 kt within the cap" in shown, shown


def test_a_broken_down_target_named_as_a_later_sheet_leaves_that_name_to_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Pass E's leftover: a broken-down target whose id is 'charts' took the name, and the
    # workbook's own Charts sheet became "Charts (2)"; the fixed sheets keep their names
    # (a reader looks for "Charts"), the target's sheet is the one told apart.
    import io

    import openpyxl

    from test_s31_e import OBSERVATIONS, TARGETS

    from conftest import make_tracker

    plan = TARGETS.replace("  - id: history\n", "  - id: charts\n") + (
        "  - id: growth\n    indicator: budget_revenue\n    baseline: {period: 2024}\n"
        "    milestones:\n      - {by: 2030, value: 5000}\n"
    )
    rows = OBSERVATIONS + "budget_revenue,2024,3000,official,,,2025-03-01T00:00:00Z\n"
    rows += "budget_revenue,2025,3234.5,official,,,2026-03-01T00:00:00Z\n"
    make_tracker(tmp_path, monkeypatch, plan, rows)
    out = tmp_path / "r.xlsx"
    r = run_clean("report", "--as-of", "2026-06-30", "--since", "2026-01-01", "-o", str(out))
    assert r.exit_code == 0, r.output
    names = openpyxl.load_workbook(io.BytesIO(out.read_bytes())).sheetnames
    assert "Charts" in names and "charts (2)" in names, names


def test_a_refusal_before_the_command_is_read_does_not_speak_the_last_commands_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # In one process (a notebook, a test runner calling the CLI again and again), a
    # `--lang vi` command left its language behind, and the next command's refusal of a
    # missing HOME for --install-completion, said before the command line is read, came
    # out in Vietnamese (the full suite met it in an order of its tests).
    import typer._completion_shared as shared

    from helpers import run

    monkeypatch.setattr(shared, "_get_shell_name", lambda: "bash")
    _quarters_only(tmp_path, monkeypatch, "cbct_share,2024,11.8,,,,2025-06-01T00:00:00Z")
    monkeypatch.delenv("QNTRACK_LANG", raising=False)
    assert run("--lang", "vi", "status").exit_code == 0
    r = run("--install-completion", env={"HOME": str(tmp_path / "missing")})
    assert r.exit_code == 1, r.output
    assert r.stderr.startswith(f"{tmp_path / 'missing'}: error: "), r.stderr
    r = run("--lang", "vi", "--install-completion", env={"HOME": str(tmp_path / "missing")})
    assert r.stderr.startswith(f"{tmp_path / 'missing'}: lỗi: "), r.stderr  # the line's own --lang


def test_the_pdf_engines_install_line_is_the_extras_pin() -> None:
    # Pass N's leftover: the refusal said `pip install 'qntrack[pdf]'`, which an install
    # from a clone (README's first command) cannot follow; it names the engine as the
    # `pdf` extra pins it, so the two cannot drift apart.
    import tomllib

    from qntrack.output.report_pdf import INSTALL

    root = Path(__file__).resolve().parents[1]
    pins = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    assert INSTALL == "pip install " + " ".join(f"'{pin}'" for pin in pins["pdf"])


def test_an_absolute_change_path_of_figures_past_the_largest_float_is_the_floats() -> None:
    # Pass R's find: the decimal path raised decimal.InvalidOperation on an infinite figure
    # (a Python caller's Observation; the command line refuses such figures), where the
    # float code it replaced gave inf or nan; it falls back to the floats' answers, as
    # kinds.cumulative._divided does.
    import math

    from qntrack.kinds.pace import linear_path

    path = linear_path(math.inf, 2020, 1.0, 2023, 2.0, 2030, False)
    assert path.required is not None and path.required == -math.inf  # (2 - inf) / 10
    assert path.achieved == -math.inf  # (1 - inf) / 3
    assert path.trajectory is not None and math.isnan(path.trajectory)  # inf + (-inf) x 3
    # Finite figures keep the decimal answers the methodology works: 2 -> 8 % against 10 %.
    assert linear_path(2.0, 2020, 8.0, 2023, 10.0, 2025, False).trajectory == 6.8


_DEAD_NAMES = """\
version: 1
dimensions:
  sex:
    name: {en: Sex, vi: Giới tính}
    values:
      - {value: Male, names: {vi: Nam, fr: Female}}
      - {value: Female, names: {vi: Nữ}}
      - {value: Other, names: {vi: Khác}}
      - {value: Unknown, names: {fr: Khác}}
indicators:
  poverty: {name: Poverty, unit: "%", measure: level, direction: decrease, dimensions: [sex]}
targets:
  - {id: poverty-down, indicator: poverty, baseline: {period: 2020, value: 10}, milestones: [{by: 2025, value: 5}]}
"""


def test_check_warns_of_a_unit_name_that_can_never_name_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Pass R's leftover. Male's French name is Female, another unit's value (the value
    # wins: the name never names Male); 'Khác' is the name of Other and of Unknown (a name
    # two units share names neither). Each was found only when an import refused a row.
    from conftest import make_tracker

    make_tracker(tmp_path, monkeypatch, _DEAD_NAMES, "indicator,period,value,status,source,note,recorded_at\n")
    r = run_clean("check")
    assert r.exit_code == 0, r.output
    assert (
        "targets.yaml:6:9: warning: unit 'Male' of 'sex' is given the name 'Female', which is the unit 'Female':"
        " the name never names 'Male'; give it another name or remove it"
    ) in r.stderr, r.stderr
    assert (
        "targets.yaml:8:9: warning: the name 'Khác' is given to more than one unit of 'sex' (Other, Unknown),"
        " so it names none of them; give each unit a name of its own"
    ) in r.stderr, r.stderr
    assert r.stderr.count("warning:") == 2, r.stderr
    vi = run_clean("--lang", "vi", "check")
    assert "đơn vị 'Male' của 'sex' được đặt tên 'Female', trùng với đơn vị 'Female'" in vi.stderr, vi.stderr
    listed = run_clean("check", "--list")
    assert "unit-names" in listed.stdout, listed.stdout
