"""A new user's first hour, trying to break it (issue 17, twenty-sixth session). Each
defect's test was written failing first; the expected values are worked out by hand in
a comment beside them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import run_clean

# --- 1. A figure typed, corrected and withdrawn within one second (a script, or a quick
# typist): the correction is stamped one second after the first figure (same_moment), so
# it is dated "in the future" when the retraction runs, and the retraction was refused
# as if a hand edit had dated it so, asking for --force. It now steps past the seconds
# qntrack itself stamped, as add-observation does.


def test_a_retraction_steps_past_a_correction_stamped_in_the_same_second(
    shipped: Path, monkeypatch: pytest.MonkeyPatch
):
    import qntrack.files.recording as recording

    monkeypatch.setattr(recording, "utc_now", lambda: "2026-08-01T10:00:00Z")
    first = run_clean("add-observation", "grdp_growth", "2026-H1", "11.2", "--status", "estimate", "--source", "s")
    fixed = run_clean("add-observation", "grdp_growth", "2026-H1", "11.4", "--status", "estimate", "--source", "s")
    assert first.exit_code == 0 and fixed.exit_code == 0, first.output + fixed.output
    r = run_clean("retract", "grdp_growth", "2026-H1")
    assert r.exit_code == 0, r.output
    # 11.2 at 10:00:00, 11.4 stepped to 10:00:01, the retraction to 10:00:02.
    last = (shipped / "observations.csv").read_text(encoding="utf-8").splitlines()[-3:]
    assert last[0].endswith(",2026-08-01T10:00:00Z") and last[1].endswith(",2026-08-01T10:00:01Z"), last
    assert last[2] == "grdp_growth,2026-H1,,retracted,,,2026-08-01T10:00:02Z", last
    assert "11.4" in r.stderr, r.stderr  # the figure withdrawn is the correction
    assert run_clean("check").exit_code == 0
    doc = json.loads(run_clean("observations", "--indicator", "grdp_growth", "--format", "json").stdout)
    assert "2026-H1" not in [o["period"] for o in doc["observations"]]


def test_a_retraction_still_refuses_a_figure_dated_in_the_future_by_hand(
    shipped: Path, monkeypatch: pytest.MonkeyPatch
):
    # A row dated a day ahead (a hand edit) is no second qntrack stepped to: --force alone.
    import qntrack.files.recording as recording

    monkeypatch.setattr(recording, "utc_now", lambda: "2026-08-01T10:00:00Z")
    with (shipped / "observations.csv").open("a", encoding="utf-8") as f:
        f.write("grdp_growth,2026-H1,11.2,estimate,s,,2026-07-20T10:00:00Z\n")
        f.write("grdp_growth,2026-H1,11.4,estimate,s,,2026-08-02T10:00:00Z\n")
    r = run_clean("retract", "grdp_growth", "2026-H1")
    assert r.exit_code == 1 and "--force" in r.stderr, r.output


# --- 2. 'observations:' pointing into a folder that takes no new file (/proc, /sys: a
# system folder, or a mount that refuses it): the lock file could not be made, filelock
# took that for a lock held by someone else, and after 30 s the user read "another qntrack
# process holds the lock" and exit 75, "try again later", which a cron job does forever.
# It is now said at once, naming the folder, exit 1; nothing is written.


def test_a_store_in_a_folder_that_takes_no_file_is_not_told_locked(shipped: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("QNTRACK_LOCK_TIMEOUT", "1")
    plan = (shipped / "targets.yaml").read_text(encoding="utf-8")
    (shipped / "targets.yaml").write_text(
        plan.replace("observations: observations.csv", "observations: /proc/qntrack-newuser26.csv"), encoding="utf-8"
    )
    r = run_clean("add-observation", "fdi", "2026-10", "5", "--status", "estimate", "--source", "s")
    assert r.exit_code == 1, r.output
    assert "another qntrack process" not in r.stderr and "'/proc'" in r.stderr, r.stderr
    assert "nothing was added" in r.stderr and r.stdout == ""
    vi = run_clean("--lang", "vi", "add-observation", "fdi", "2026-10", "5", "--status", "estimate", "--source", "s")
    assert vi.exit_code == 1 and "'/proc'" in vi.stderr and "khóa" in vi.stderr, vi.stderr


# --- 3. A milestone's deadline written as a day within its year, `by: 30/6/2026`, was told
# "'30/6/2026' is a date; write its year alone: 2026": typed so, the deadline moved six
# months later without a word (a level target is judged on whole years, 2026 on the
# year's figure). A day that ends no year now says what the year means, and names the
# year ended before it too. 31/12/2020 keeps its message: that day is its year's end.


def _plan_with(shipped: Path, text: str) -> None:
    with (shipped / "targets.yaml").open("a", encoding="utf-8") as f:
        f.write(text)


def test_a_deadline_inside_its_year_is_told_what_the_year_means(shipped: Path):
    _plan_with(
        shipped,
        "\n  - id: new-cbct\n    indicator: cbct_share\n    name: x\n    baseline: 2020\n"
        "    milestones:\n      - {by: 30/6/2026, value: 16}\n",
    )
    r = run_clean("check")
    assert r.exit_code == 1, r.output
    # 30 June 2026 lies inside 2026, which ends on 31 December; the last year ended by then is 2025.
    assert "'30/6/2026'" in r.stderr and "31 December" in r.stderr and "2025" in r.stderr, r.stderr
    assert "write its year alone" not in r.stderr, r.stderr
    vi = run_clean("--lang", "vi", "check")
    assert "31/12" in vi.stderr and "2025" in vi.stderr, vi.stderr


def test_a_deadline_on_its_years_last_day_is_told_the_year(shipped: Path):
    _plan_with(
        shipped,
        "\n  - id: new-cbct\n    indicator: cbct_share\n    name: x\n    baseline: 2020\n"
        "    milestones:\n      - {by: 31/12/2026, value: 16}\n",
    )
    r = run_clean("check")
    assert r.exit_code == 1 and "'31/12/2026' is a date; write its year alone: 2026" in r.stderr, r.stderr


# --- 4. 'N/A' pasted from a sheet, the English table's "no figure" as '-' is the
# Vietnamese one, was "'N/A' is not a number; write e.g. 1234,5": as if a figure had been
# mistyped. It is now said to mark no figure, with what to do, as '-' is.


@pytest.mark.parametrize("mark", ["N/A", "n/a", "NA", "n.a.", ".."])
def test_a_not_available_mark_is_told_it_marks_no_figure(shipped: Path, mark: str):
    typed = run_clean("add-observation", "fdi", "2026-10", mark)
    assert typed.exit_code == 1, typed.output
    assert f"'{mark}' marks no figure" in typed.stderr and "leave this row out" in typed.stderr, typed.stderr
    (shipped / "p.tsv").write_text(
        f"indicator\tperiod\tvalue\nfdi\t2026-10\t{mark}\nfdi\t2026-09\t12,5\n", encoding="utf-8"
    )
    imported = run_clean("add-observation", "--from", "p.tsv")
    assert imported.exit_code == 1 and f"p.tsv:2: error: '{mark}' marks no figure" in imported.stderr, imported.stderr
    vi = run_clean("--lang", "vi", "add-observation", "fdi", "2026-10", mark)
    assert vi.exit_code == 1 and "không có số liệu" in vi.stderr, vi.stderr


# --- 5. A Vietnamese key written as the English ones are, with an underscore
# (`chỉ_tiêu:`, as `for_each:` is), had no hint ("unknown key 'chỉ_tiêu'"), where
# `chỉ tiêu:` is told 'indicator'. The underscore is now read as the space.


def test_a_vietnamese_key_with_an_underscore_is_told_the_key(shipped: Path):
    _plan_with(
        shipped,
        "\n  - id: new-cbct\n    chỉ_tiêu: cbct_share\n    name: x\n    baseline: 2020\n"
        "    milestones:\n      - {by: 2026, value: 16}\n",
    )
    r = run_clean("check")
    assert r.exit_code == 1, r.output
    assert "unknown key 'chỉ_tiêu'; did you mean 'indicator'?" in r.stderr, r.stderr


# --- 6. A figure typed empty, `add-observation fdi 2026-10 "$VALUE"` with the variable
# unset, was "'' is not a number; write a decimal like 10.28": two quotes and nothing to
# see. It is now said to be empty, as `--recorded-at ""` is, with what to do.


def test_an_empty_figure_typed_is_said_to_be_empty(shipped: Path):
    before = (shipped / "observations.csv").read_bytes()
    r = run_clean("add-observation", "fdi", "2026-10", "")
    assert r.exit_code == 1, r.output
    assert "is not a number" not in r.stderr and "empty" in r.stderr and "unset" in r.stderr, r.stderr
    vi = run_clean("--lang", "vi", "add-observation", "fdi", "2026-10", " ")
    assert vi.exit_code == 1 and "để trống" in vi.stderr, vi.stderr
    assert (shipped / "observations.csv").read_bytes() == before


# --- 7. `for_each: địa phương`, the dimension named as targets.yaml's own `name:` gives
# it ("Địa phương (cấp huyện đến 30/6/2025)"), was told "not broken down by it (its
# dimensions: locality)" without saying that it is that dimension. It is now told the id
# to write.


@pytest.mark.parametrize("typed", ["địa phương", "Dia phuong", "Locality"])
def test_a_dimension_named_by_its_name_is_told_its_id(shipped: Path, typed: str):
    _plan_with(
        shipped,
        f"\n  - id: b26\n    type: plan\n    indicator: budget_revenue\n    name: x\n    period: 2026\n"
        f"    value: 60000\n    for_each: {typed}\n",
    )
    r = run_clean("check")
    assert r.exit_code == 1, r.output
    assert f"for_each '{typed}'" in r.stderr and "for_each: locality" in r.stderr, r.stderr


# --- 8. A target id written as a title or in Vietnamese (`kế-hoạch-fdi`, `FDI 2026`,
# `fdi_2026`) was told the rule alone, "use lower-case letters, digits and '-' only (e.g.
# cbct-share)": the id it could be is now said too.


@pytest.mark.parametrize(
    ("typed", "fixed"), [("kế-hoạch-fdi", "ke-hoach-fdi"), ("FDI 2026", "fdi-2026"), ("fdi_2026", "fdi-2026")]
)
def test_a_target_id_of_other_letters_is_told_the_id_it_could_be(shipped: Path, typed: str, fixed: str):
    _plan_with(
        shipped,
        f"\n  - id: {typed}\n    type: plan\n    indicator: fdi\n    name: x\n    period: 2026\n    value: 1500\n",
    )
    r = run_clean("check")
    assert r.exit_code == 1, r.output
    assert f"target id '{typed}'" in r.stderr and f"id: {fixed}" in r.stderr, r.stderr
    vi = run_clean("--lang", "vi", "check")
    assert f"id: {fixed}" in vi.stderr, vi.stderr


# --- 9. `--fail-on notachieved` (the code typed without its underscore, as a gate in a
# CI script is often written) was "unknown status notachieved; valid: ..." and the eight
# codes to read through. The one it is close to is now named.


def test_a_fail_on_status_typed_without_its_underscore_is_told_the_code(shipped: Path):
    r = run_clean("status", "--fail-on", "notachieved")
    assert r.exit_code == 2, r.output
    assert "did you mean 'not_achieved'?" in r.stderr and r.stdout == "", r.stderr
    vi = run_clean("--lang", "vi", "status", "--fail-on", "notachieved")
    assert vi.exit_code == 2 and "'not_achieved'" in vi.stderr, vi.stderr
