"""Issue 17, twenty-ninth session, helper L: the session's leftovers, each at its root (a
batch's retraction notes read the store once, a made example name of the format asked, a
number of months in words out of range, a total line's label with a colon, a parameter no
wording used). Each test written failing first; the expected words are the catalog's, the
figures the ones typed here."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import refused_here as _refused
from helpers import run_clean

# --- 1. a batch's retraction notes read the store's rows once ----------------------------------


def _revised(years: list[int]) -> None:
    """share: a figure of each year, then a wrong revision of it (41 for 4.1, ...)."""
    for year in years:
        assert run_clean("add-observation", "share", str(year), "4.1", "--recorded-at", "2024-05-10").exit_code == 0
        assert run_clean("add-observation", "share", str(year), "41", "--recorded-at", "2024-06-10").exit_code == 0


def _retract(years: list[int]) -> list[str]:
    """record_many of a batch retracting share's figure of each year: its notes, in English."""
    import qntrack

    rows = [{"indicator": "share", "period": str(y), "value": "", "status": "retracted"} for y in years]
    done = qntrack.record_many("targets.yaml", rows, undated="2024-07-01T00:00:00Z")
    return [n.text("en") for n in done.notes]


def _counted(monkeypatch: pytest.MonkeyPatch) -> list[set[str]]:
    import qntrack.files.appending as appending

    calls: list[set[str]] = []
    real = appending._stored_now

    def counting(path: Path, ids: set[str]):
        calls.append(set(ids))
        return real(path, ids)

    monkeypatch.setattr(appending, "_stored_now", counting)
    return calls


def test_a_batchs_retractions_read_the_store_as_often_as_one_does(
    tracker: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _revised([2015, 2016, 2017, 2018])
    calls = _counted(monkeypatch)
    _retract([2015])
    one = len(calls)
    calls.clear()
    notes = _retract([2016, 2017, 2018])
    # Three retractions: as many readings as one (the append's, and one for all the notes).
    assert len(calls) == one, calls
    # The same notes, in the batch's order: each year's 4.1 does not come back.
    assert notes == [
        f"share {y} now has no figure in force: the figure it revised, 4.1 (recorded"
        " 2024-05-10), does not come back; to have it in force again, record it again with"
        " add-observation"
        for y in (2016, 2017, 2018)
    ]


# --- 3. a number of months in words out of its range --------------------------------------------


@pytest.mark.parametrize("typed", ["mười ba tháng 2025", "Mười ba tháng đầu năm 2025", "muoi lam thang 2025"])
def test_months_in_words_out_of_range_are_told_as_digits_are(shipped: Path, typed: str) -> None:
    said = _refused("add-observation", "fdi", typed, "5")
    # As '13 tháng 2025' is told (catalog: periods_months_out_of_range).
    assert f"'{typed}': first-N-months needs N from 1 to 12" in said, said
    assert "is not a period" not in said, said


def test_months_in_words_out_of_range_in_a_cell_are_told_as_digits_are(shipped: Path) -> None:
    Path("t.tsv").write_text(
        "Chỉ tiêu\tKỳ\tGiá trị\nfdi\tmười ba tháng 2025\t5\nfdi\t13 tháng 2025\t5\n", encoding="utf-8"
    )
    said = _refused("add-observation", "--from", "t.tsv")
    assert "t.tsv:2: error: 'mười ba tháng 2025': first-N-months needs N from 1 to 12" in said, said
    assert "t.tsv:3: error: '13 tháng 2025': first-N-months needs N from 1 to 12" in said, said


def test_twelve_months_in_words_are_still_the_year_to_december(shipped: Path) -> None:
    r = run_clean("add-observation", "fdi", "mười hai tháng 2025", "5", "--status", "estimate", "--dry-run")
    assert r.exit_code == 0, r.stderr


# --- 4. a total line's label with a colon, or Cộng before a total word --------------------------


@pytest.mark.parametrize("word", ["Tổng cộng:", "Cộng:", "Cộng toàn tỉnh", "CỘNG TOÀN TỈNH", "Toàn tỉnh:"])
def test_a_total_lines_label_in_the_indicator_column_is_a_total_line(shipped: Path, word: str) -> None:
    Path("t.tsv").write_text(
        f"Chỉ tiêu\tKỳ\tGiá trị\nbudget_revenue\t2024\t57330\n{word}\t2024\t60000\n", encoding="utf-8"
    )
    said = _refused("add-observation", "--from", "t.tsv")
    assert f"t.tsv:3: error: '{word}' is a table's total line, not an indicator:" in said, said
    assert "known:" not in said, said


@pytest.mark.parametrize("word", ["Cộng:", "Cộng toàn tỉnh"])
def test_a_total_lines_label_in_a_units_column_is_the_total(shipped: Path, word: str) -> None:
    import json

    Path("t.tsv").write_text(
        "Chỉ tiêu\tĐịa phương\tKỳ\tGiá trị\tLoại số liệu\n"
        "budget_revenue\tHạ Long\t2025\t20000\testimate\n"
        f"budget_revenue\t{word}\t2025\t39000\testimate\n",
        encoding="utf-8",
    )
    r = run_clean("add-observation", "--from", "t.tsv", "--dry-run", "--format", "json")
    assert r.exit_code == 0, r.output
    rows = json.loads(r.stdout)["observations"]
    assert [(o["dims"], o["value"]) for o in rows] == [({"locality": "Hạ Long"}, 20000), ({}, 39000)]


@pytest.mark.parametrize("word", ["Công:", "Cong toan tinh", "Cộng tác viên"])
def test_words_near_a_total_are_no_total(word: str) -> None:
    from qntrack.files.vocabulary import is_total

    assert not is_total(word)


# --- 5. a plan's period typed: the message carries what its wordings use ------------------------


def test_a_typed_plans_period_carries_only_what_its_words_use() -> None:
    from qntrack.files.typed_periods import typed_period

    _, told = typed_period("KH 2025", True)
    assert told is not None and told.wording == "periods_plan_typed"
    assert {name for name, _ in told.params} == {"text", "code"}
    assert told.text("en") == (
        "'KH 2025' marks a plan for 2025, not a figure observed: a plan is a target's milestone in"
        " targets.yaml, never an observation; the period alone is 2025"
    )


# --- 2. the name offered instead of a refused -o is of the format asked --------------------------


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ["report", "-o", "targets.yaml", "--format", "docx"],
            "targets.yaml: error: is the plan (targets.yaml) this tracker reads; a report never replaces it:"
            " give another name, e.g. -o review.docx",
        ),
        (
            ["--lang", "vi", "report", "-o", "targets.yaml", "--format", "docx"],
            "targets.yaml: lỗi: là kế hoạch (targets.yaml) mà bộ theo dõi này đọc; báo cáo không bao giờ ghi"
            " đè lên nó: hãy cho tên khác, ví dụ -o bao-cao.docx",
        ),
        (
            ["report", "-o", "observations.csv", "--format", "pdf"],
            "observations.csv: error: is the observations file this tracker reads; a report never replaces it:"
            " give another name, e.g. -o review.pdf",
        ),
        (
            ["report", "-o", "observations.csv.lock", "--format", "markdown"],
            "observations.csv.lock: error: belongs to the observations file: a name that begins"
            " 'observations.csv.' is kept for its lock or side files; give another name, e.g. -o review.md",
        ),
        (  # the format of the name's own extension when --format is not given
            ["report", "-o", "sub.xlsx/../targets.yaml"],
            "sub.xlsx/../targets.yaml: error: is the plan (targets.yaml) this tracker reads; a report never"
            " replaces it: give another name, e.g. -o review.html",
        ),
        (
            ["report", "-o", "", "--format", "xlsx"],
            "-o: error: the file name is empty; give one, e.g. -o review.xlsx, or - for standard output",
        ),
        (  # an export keeps its own kind of name
            ["--lang", "vi", "export", "sdmx-csv", "-o", "targets.yaml"],
            "targets.yaml: lỗi: là kế hoạch (targets.yaml) mà bộ theo dõi này đọc; tệp xuất không bao giờ ghi"
            " đè lên nó: hãy cho tên khác, ví dụ -o so-lieu.csv",
        ),
    ],
)
def test_a_refused_output_is_offered_a_name_of_the_format_asked(tracker: Path, args: list[str], said: str) -> None:
    before = {name: Path(name).read_bytes() for name in ("targets.yaml", "observations.csv")}
    r = run_clean(*args)
    assert r.exit_code == 2, r.output
    assert r.stderr.splitlines()[0] == said, r.stderr
    assert r.stdout == ""
    assert {name: Path(name).read_bytes() for name in before} == before


def test_write_report_offers_a_name_of_the_format_asked(tracker: Path) -> None:
    import qntrack

    ws = qntrack.open_workspace("targets.yaml")
    data = qntrack.build_report(ws.plan, ws.series, ws.store.observations, today="2025-01-01")
    with pytest.raises(qntrack.InputError) as raised:
        qntrack.write_report(data, "docx", "vi", "targets.yaml")  # a Vietnamese report; the error in English
    assert str(raised.value).splitlines()[0].endswith('pass write_report another path, e.g. "review.docx"'), str(
        raised.value
    )
    with pytest.raises(qntrack.InputError) as raised:
        qntrack.write_report(data, "pdf", "en", "observations.csv.pending")
    assert str(raised.value).splitlines()[0].endswith('pass write_report another path, e.g. "review.pdf"'), str(
        raised.value
    )


# --- 1b. an import's retractions say what `retract` says -----------------------------------------
# `add-observation --from` listed "withdrawing 41" and said nothing of the 4.1 it revised, which
# `retract` and record_many say does not come back.


@pytest.mark.parametrize("dry_run", [False, True])
def test_an_imports_retraction_of_a_revision_says_the_figure_it_revised_does_not_come_back(
    tracker: Path, dry_run: bool
) -> None:
    _revised([2016, 2017])
    Path("in.csv").write_text(
        "indicator,period,value,status,source,note,recorded_at\n"
        "share,2016,,retracted,x,,2024-07-01T00:00:00Z\n"
        "share,2017,,retracted,x,,2024-07-01T00:00:00Z\n",
        encoding="utf-8",
    )
    r = run_clean("add-observation", "--from", "in.csv", *(["--dry-run"] if dry_run else []))
    assert r.exit_code == 0, r.stderr
    said = [line for line in r.stderr.splitlines() if "does not come back" in line]
    assert said == [
        f"share {y} now has no figure in force: the figure it revised, 4.1 (recorded"
        " 2024-05-10), does not come back; to have it in force again, record it again with"
        " add-observation"
        for y in (2016, 2017)
    ], r.stderr
