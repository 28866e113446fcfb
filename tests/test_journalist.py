"""Issue 17, nineteenth session: a data journalist checks a province's press release
("the processing and manufacturing industry reached N% of GRDP in 2024, on track for
2025; growth was double-digit every year") with qntrack installed fresh, on a copy of the
shipped Quang Ninh dataset (the ``shipped`` fixture) and copies of it altered.

Every expected value is worked out by hand from docs/methodology.md and the shipped rows
(/work/shared/data/quangninh-facts.md), the arithmetic in a comment beside it. Each test
of a defect was written failing first; what was attacked and held is in docs/decisions.md
(the nineteenth session's journalist section).
"""

from __future__ import annotations

import csv
import io
import math
import re
from pathlib import Path

import pytest

from helpers import json_of, run_clean

# --- Hand computations on the shipped data (these held: no defect) --------------------------


def _status_of(target_id: str, *extra: str) -> dict:
    doc = json_of("status", target_id, "--format", "json", *extra)
    (target,) = doc["targets"]
    return target


def test_five_shipped_figures_agree_with_a_hand_computation(shipped: Path):
    # 1. cbct-share (methodology.md, worked example 1): baseline 9.8 (2020), latest 12.3
    #    (2023), milestone 15 by 2025.
    #    a = (12.3 / 9.8)^(1/3) - 1 = 1.255102^(1/3) - 1 = 0.078681
    #    r = (15 / 9.8)^(1/5) - 1 = 1.530612^(1/5) - 1 = 0.088860
    #    P = a / r = 0.88542; gap 15 - 12.3 = 2.7 points.
    a = (12.3 / 9.8) ** (1 / 3) - 1
    r = (15 / 9.8) ** (1 / 5) - 1
    share = _status_of("cbct-share")
    assert share["status"] == "moderate_progress"
    assert share["progress_value"] == pytest.approx(0.88542, abs=5e-5)
    assert share["progress_value"] == pytest.approx(a / r, rel=1e-12)
    assert share["gap"] == pytest.approx(2.7, abs=1e-9)

    # 1b. Its 2030 milestone of 30, from the same baseline and latest figure:
    #    r = (30 / 9.8)^(1/10) - 1 = 3.061224^(1/10) - 1 = 0.118380; P = 0.078681 / 0.118380
    #    = 0.66465, score 7.1429 x 0.66465 - 4.2857 = 0.4618; trajectory in 2023
    #    9.8 x 3.061224^(3/10) = 13.7086; needed from 2023: (30 / 12.3)^(1/7) - 1 = 0.1358385;
    #    projected 2030: 9.8 x 1.078681^10 = 20.900; reached when 9.8 x 1.078681^t = 30,
    #    t = ln 3.061224 / ln 1.078681 = 14.77 years after 2020: 2035.
    m2030 = share["milestones"][1]
    assert m2030["progress_value"] == pytest.approx(0.66465, abs=2e-5)
    assert m2030["score"] == pytest.approx(0.4618, abs=5e-4)
    assert m2030["trajectory"] == pytest.approx(13.7086, abs=5e-5)
    assert m2030["required_rate_from_latest"] == pytest.approx(0.1358385, abs=5e-7)
    assert m2030["projected"] == pytest.approx(20.900, abs=5e-4)
    assert m2030["reached_in"] == "2035"

    # 2. grdp-average-2021-2025 (worked example 5): G = 1.1028 x 1.1028 x 1.1103 x 1.0842
    #    x 1.1189 = 1.63808; average = 1.63808^(1/5) - 1 = 10.374 % a year, P = 1.0374,
    #    every year in: target achieved.
    average = _status_of("grdp-average-2021-2025")
    assert average["status"] == "target_achieved"
    assert average["details"]["average"] == pytest.approx(10.374, abs=5e-4)

    # 3. grdp-per-capita: baseline 4,528 (2017), latest 10,402 (2025), milestone 10,000 by
    #    2025: 10,402 >= 10,000, achieved; P still reported:
    #    a = (10402 / 4528)^(1/8) - 1 = 2.297261^(1/8) - 1 = 0.109557
    #    r = (10000 / 4528)^(1/8) - 1 = 2.208481^(1/8) - 1 = 0.104102
    #    P = 1.05240.
    per_capita = _status_of("grdp-per-capita")
    assert per_capita["status"] == "target_achieved"
    assert per_capita["progress_value"] == pytest.approx(1.0524, abs=5e-5)

    # 4. fdi-plan-2022: 622 of a plan of 1,500: 622 / 1500 x 100 = 41.467 %; 622 - 1500 = -878.
    fdi = _status_of("fdi-plan-2022")
    assert fdi["status"] == "not_achieved"
    assert fdi["details"]["percent_of_plan"] == pytest.approx(41.4667, abs=5e-5)
    assert fdi["details"]["difference"] == pytest.approx(-878, abs=1e-9)

    # 5. cbct-va-growth-2021-2025: only 2021 (32.19 %) in a span of 5 years, at least 17:
    #    required for the 4 others = ((1.17^5 / 1.3219)^(1/4) - 1) x 100
    #    = ((2.192448 / 1.3219)^(1/4) - 1) x 100 = (1.658558^(1/4) - 1) x 100 = 13.4835 %.
    va = _status_of("cbct-va-growth-2021-2025")
    assert va["details"]["required_rate_remaining"] == pytest.approx(13.4835, abs=5e-4)
    assert math.isclose(va["progress_value"], 32.19 / 17, rel_tol=1e-12)  # P = 32.19 / 17 = 1.8935

    # 6. mining-share (worked example 2): 21.3 (2015) to 17.3 (2020), lower is better:
    #    a = (17.3 / 21.3)^(1/5) - 1 = 0.812207^(1/5) - 1 = -0.040747; P = -1 x a = 0.040747.
    mining = _status_of("mining-share")
    assert mining["status"] == "substantial_progress"
    assert mining["progress_value"] == pytest.approx(0.040747, abs=5e-7)


# --- Defects, each test written failing first --------------------------------------------


@pytest.mark.parametrize(
    ("typed", "target_id"),
    [
        ("CBCT share of GRDP: 15% by 2025, 30% by 2030", "cbct-share"),
        ("Tăng trưởng GRDP hai con số hằng năm", "grdp-double-digit"),
        # Case, accents and spacing as a person retypes a name from a printout.
        ("double-digit grdp growth  every year", "grdp-double-digit"),
    ],
)
def test_a_target_name_typed_for_its_id_is_told_the_id(shipped: Path, typed: str, target_id: str):
    # An indicator's name typed for its id is told the id (history, add-observation); a
    # target's name typed for a target id was only "no target '...'" with no hint at all.
    for command in ("show", "status", "report"):
        r = run_clean(command, typed)
        assert r.exit_code == 1, command
        assert r.stderr == (
            f"targets.yaml: error: '{typed}' is the name of target '{target_id}', not its id: write {target_id}\n"
        ), command
        assert r.stdout == ""
    r = run_clean("--lang", "vi", "show", typed)
    assert r.stderr == (
        f"targets.yaml: lỗi: '{typed}' là tên của mục tiêu '{target_id}', không phải mã của nó: hãy ghi {target_id}\n"
    )


def test_an_indicator_name_typed_for_a_target_names_its_targets(shipped: Path):
    # "GRDP growth" is the indicator grdp_growth's name; status/show take target ids: the
    # targets that follow it are what to write (as for the indicator's id, grdp_growth).
    r = run_clean("show", "GRDP growth")
    assert r.exit_code == 1
    assert r.stderr.startswith(
        "targets.yaml: error: 'GRDP growth' is the name of indicator 'grdp_growth', not a target; its targets: "
        "grdp-average-2021-2025, grdp-double-digit, grdp-growth-plan-2017,"
    )


def test_show_json_says_the_day_it_is_as_of(shipped: Path):
    # status, history, observations and check JSON all carry as_of; show's did not, so a
    # saved `show --as-of 2023-11-25 --format json` could not say which day it described:
    # on 2023-11-25 the 2023 growth in force is 11.02 (recorded 2023-11-24), which 11.03
    # replaced on 2023-11-27.
    doc = json_of("show", "grdp-growth-plan-2023", "--as-of", "2023-11-25", "--format", "json")
    assert doc["as_of"] == "2023-11-25"
    (row,) = [o for o in doc["observations"] if o["period"] == "2023"]
    assert (row["value"], row["revises"]) == (11.02, None)
    assert json_of("show", "grdp-growth-plan-2023", "--format", "json")["as_of"] is None


def _csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def _retract_fdi_2024() -> None:
    # The shipped FDI result for 2024 (2,877.8 million USD, recorded 2025-02-07) withdrawn on
    # 2025-03-01 at 00:00 UTC.
    r = run_clean(
        "retract", "fdi", "2024", "--source", "Provincial statistics office", "--note", "wrong year",
        "--recorded-at", "2025-03-01T00:00:00Z",
    )  # fmt: skip
    assert r.exit_code == 0, r.stderr


# The source of the shipped 2024 FDI figure (observations.csv, line 75 of the shipped store).
CAFEF_2024 = (
    "https://cafef.vn/grdp-binh-quan-dau-nguoi-mot-tinh-mien-bac-vuot-moc-10000-usd-cao-hon-ba-ria-vung-tau-neu-khong-"
    "tinh-dau-khi-188250207111255042.chn"
)


def test_show_says_a_figure_was_withdrawn_not_that_none_was_recorded(shipped: Path):
    # After a retraction the period has no figure in force: show's table dropped it and its
    # sentence said "The 2024 plan period is over; its full figure is not recorded yet", as
    # if 2,877.8 had never been published. A journalist holding the press release could not
    # tell a withdrawn figure from a missing one. history and the report's review section
    # said it; show now does too: a row "2,877.8 million USD → –" (as history writes a
    # retraction), its kind, source and day, and a sentence.
    _retract_fdi_2024()
    r = run_clean("show", "fdi-plan-2024", env={"COLUMNS": "200"})
    assert r.exit_code == 0, r.stderr
    (row,) = [line for line in r.stdout.splitlines() if line.strip().startswith("2024 ")]
    assert row.split() == ["2024", "2,877.8", "million", "USD", "→", "–", "retracted"] + [
        "Provincial", "statistics", "office", "2025-03-01",
    ]  # fmt: skip
    assert "• 2024: 2,877.8 million USD was withdrawn on 2025-03-01 (retracted); no figure for it is in force." in (
        r.stdout
    )
    vi = run_clean("--lang", "vi", "show", "fdi-plan-2024", env={"COLUMNS": "200"})
    assert (
        "• Năm 2024: số liệu 2.877,8 triệu USD đã bị rút lại ngày 01/03/2025; kỳ này không còn số liệu có hiệu lực."
        in (vi.stdout)
    )
    doc = json_of("show", "fdi-plan-2024", "--format", "json")
    assert [o["period"] for o in doc["observations"] if o["period"].startswith("2024")] == ["2024-H1"]
    assert doc["retracted"] == [
        {
            "period": "2024",
            "value": None,
            "status": "retracted",
            "source": "Provincial statistics office",
            "note": "wrong year",
            "recorded_at": "2025-03-01T00:00:00Z",
            "revises": 2877.8,
            # Where the figure withdrawn came from (added last, issue 17, twenty-sixth session):
            # the shipped 2024 row's source and recorded_at.
            "revises_source": CAFEF_2024,
            "revises_recorded_at": "2025-02-07T00:00:00Z",
            "revises_status": "estimate",  # its status (twenty-seventh session)
        }
    ]
    # The day before the retraction, 2,877.8 is in force and nothing is withdrawn; on the
    # day itself (00:00 UTC is by the end of 2025-03-01) it is withdrawn.
    before = json_of("show", "fdi-plan-2024", "--format", "json", "--as-of", "2025-02-28")
    assert before["retracted"] == []
    assert [o["value"] for o in before["observations"] if o["period"] == "2024"] == [2877.8]
    on_the_day = json_of("show", "fdi-plan-2024", "--format", "json", "--as-of", "2025-03-01")
    assert [o["revises"] for o in on_the_day["retracted"]] == [2877.8]
    r = run_clean("show", "fdi-plan-2024", "--as-of", "2025-02-28", env={"COLUMNS": "200"})
    assert "withdrawn" not in r.stdout


def test_status_csv_cites_the_provisional_reading_it_shows(shipped: Path):
    # During 2025 the growth plan of 14 % is judged on the year-to-date reading (methodology.md,
    # "Annual plan"): 2025-H1 = 11.03, 11.03 - 14 = -2.97 points, limited progress. JSON's
    # `provisional` says where 11.03 came from; the CSV had its period and value only, no
    # status, source or day (its latest_* columns are empty: no 2025 figure yet), so a
    # spreadsheet row could not be cited. The average target's provisional 2025-H1 reading
    # (23.81), printed by the table, was not in the CSV at all.
    rows = _csv_rows(run_clean("status", "grdp-growth-plan-2025", "cbct-va-growth-2021-2025",
                               "--as-of", "2025-07-10", "--format", "csv").stdout)  # fmt: skip
    by_id = {row["id"]: row for row in rows}
    plan = by_id["grdp-growth-plan-2025"]
    assert (plan["status"], plan["gap"], plan["latest_period"]) == ("limited_progress", "2.97", "")
    assert {k: plan[k] for k in plan if k.startswith("provisional_")} == {
        "provisional_period": "2025-H1",
        "provisional_value": "11.03",
        "provisional_status": "estimate",
        "provisional_source": "https://vov.vn/kinh-te/quang-ninh-tang-truong-grdp-1103-trong-nua-dau-nam-2025-post1212464.vov",
        "provisional_recorded_at": "2025-07-05T00:00:00Z",
        "provisional_revises": "",
        "provisional_parts_revised": "",  # a figure published for its half year, no sum
        "provisional_revises_source": "",  # it replaced none (twenty-fifth session)
        "provisional_revises_recorded_at": "",
        "provisional_revises_status": "",  # its status (twenty-seventh session)
        "provisional_note": "publication date approximate",  # the row's note (session 46)
    }
    va = by_id["cbct-va-growth-2021-2025"]
    assert (va["provisional_period"], va["provisional_value"], va["provisional_recorded_at"]) == (
        "2025-H1", "23.81", "2025-07-05T00:00:00Z",
    )  # fmt: skip
    # The columns come last, after latest_revises: scripts reading by position keep working.
    header = next(csv.reader(io.StringIO(run_clean("status", "--format", "csv").stdout)))
    # before withdrawn, direction, milestones, name_vi, the parts_revised two, as_of and the
    # four revises_source/recorded_at (twenty-fifth session)
    at = header.index("latest_revises")  # named, not counted from the end (28th session)
    assert header[at : at + 7] == [  # then the two *_revises_status (twenty-seventh session)
        "latest_revises", "provisional_period", "provisional_value", "provisional_status",
        "provisional_source", "provisional_recorded_at", "provisional_revises",
    ]  # fmt: skip
    # A revised half-year estimate: 11.2 recorded 2025-08-01 replaces 11.03 (2025-07-05).
    r = run_clean("add-observation", "grdp_growth", "2025-H1", "11.2", "--status", "estimate",
                  "--source", "Statistics office, August 2025", "--recorded-at", "2025-08-01T00:00:00Z")  # fmt: skip
    assert r.exit_code == 0, r.stderr
    (plan,) = _csv_rows(run_clean("status", "grdp-growth-plan-2025", "--as-of", "2025-08-02", "--format", "csv").stdout)
    assert (plan["provisional_value"], plan["provisional_revises"], plan["gap"]) == (
        "11.2",
        "11.03",
        "2.8",
    )  # 14 - 11.2
    tsv_text = run_clean("status", "grdp-growth-plan-2025", "--as-of", "2025-08-02", "--format", "tsv").stdout
    (tsv,) = csv.DictReader(io.StringIO(tsv_text), delimiter="\t")
    assert tsv["provisional_source"] == "Statistics office, August 2025"


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        # A year, as a journalist types "as of 2024": the month's hint ("'2024-12' is a
        # month, not a day; ... 2024-12-31 (its last day)") given for every period.
        ("2024", "'2024' is a period (2024), not a day; write YYYY-MM-DD, e.g. 2024-12-31 (its last day)"),
        ("2024-Q3", "'2024-Q3' is a period (2024-Q3), not a day; write YYYY-MM-DD, e.g. 2024-09-30 (its last day)"),
        (
            "Quý I/2024",
            "'Quý I/2024' is a period (2024-Q1), not a day; write YYYY-MM-DD, e.g. 2024-03-31 (its last day)",
        ),
        ("2024-H1", "'2024-H1' is a period (2024-H1), not a day; write YYYY-MM-DD, e.g. 2024-06-30 (its last day)"),
        # A day with its zone is a moment too: the day it names, and the boundary of an as-of day,
        # in the shipped plan's zone (+07:00) since the thirty-ninth session: 00:00 at +07:00 and
        # 00:00 UTC (07:00 in Hà Nội) both fall on 31 December there.
        (
            "2024-12-31+07:00",
            "'2024-12-31+07:00' is not a date; write YYYY-MM-DD, e.g. 2023-06-28 (a day, not a moment: "
            "'2024-12-31+07:00' falls on 2024-12-31 in the plan's zone (UTC+07:00), and 2024-12-31 takes the "
            "figures recorded by the end of that day there)",
        ),
        (
            "2024-12-31Z",
            "'2024-12-31Z' is not a date; write YYYY-MM-DD, e.g. 2023-06-28 (a day, not a moment: "
            "'2024-12-31Z' falls on 2024-12-31 in the plan's zone (UTC+07:00), and 2024-12-31 takes the "
            "figures recorded by the end of that day there)",
        ),
        # Full-width digits (an East Asian keyboard, a PDF): "is no day of the calendar:
        # ２０２４-１２ has 31 days" said a right day did not exist.
        ("２０２４-１２-３１", "'２０２４-１２-３１' is written in digits other than 0-9; type it with 0-9"),
    ],
)
def test_as_of_typed_as_a_journalist_types_it_is_told_the_day_to_write(shipped: Path, typed: str, said: str):
    for command in (["status"], ["show", "cbct-share"], ["history", "grdp_growth"]):
        r = run_clean(*command, "--as-of", typed)
        assert r.exit_code == 2, command
        assert r.stderr == f"--as-of: error: {said}\n", command
        assert r.stdout == ""


def test_as_of_a_year_in_vietnamese(shipped: Path):
    r = run_clean("--lang", "vi", "status", "--as-of", "2024")
    assert r.exit_code == 2
    assert r.stderr == (
        "--as-of: lỗi: '2024' là một kỳ (2024), không phải một ngày; hãy viết YYYY-MM-DD, ví dụ 2024-12-31 (ngày cuối kỳ)\n"
    )
    r = run_clean("--lang", "vi", "status", "--as-of", "２０２４-１２-３１")
    assert r.stderr == "--as-of: lỗi: '２０２４-１２-３１' được viết bằng chữ số khác 0-9; hãy gõ bằng chữ số 0-9\n"


def test_the_report_says_a_figure_was_withdrawn_as_show_does(shipped: Path, tmp_path: Path):
    # The report's section of fdi-plan-2024 had show's defect: 2,877.8 gone from its table,
    # "its full figure is not recorded yet" in its sentences. Its review section (--since)
    # listed the retraction; a report without --since did not say it anywhere.
    _retract_fdi_2024()
    r = run_clean("report", "--format", "markdown", "-o", "r.md")
    assert r.exit_code == 0, r.stderr
    text = (shipped / "r.md").read_text(encoding="utf-8")
    section = text[text.index('<a id="t-fdi-plan-2024">') : text.index('<a id="t-fdi-plan-2025">')]
    assert (
        "| 2024 | 2,877.8 million USD → – | retracted | Provincial statistics office | wrong year | 2025-03-01 |"
        in section
    )
    # In its period's place: after H1 2024, the last row before it.
    assert section.index("H1 2024 (part-year)") < section.index("2,877.8 million USD → –")
    assert "- 2024: 2,877.8 million USD was withdrawn on 2025-03-01 (retracted); no figure for it is in force." in (
        section
    )
    r = run_clean("--lang", "vi", "report", "--format", "html", "-o", "r.html")
    assert r.exit_code == 0, r.stderr
    html = (shipped / "r.html").read_text(encoding="utf-8")
    assert '2.877,8 triệu USD <span role="img" aria-label="thành">→</span> –' in html  # the arrow said
    assert "Năm 2024: số liệu 2.877,8 triệu USD đã bị rút lại ngày 01/03/2025" in html
    # As of the day before the retraction the figure is in force: nothing withdrawn.
    r = run_clean("report", "--format", "markdown", "-o", "before.md", "--as-of", "2025-02-28")
    assert r.exit_code == 0, r.stderr
    before = (shipped / "before.md").read_text(encoding="utf-8")
    assert "withdrawn" not in before
    assert "| 2024 | 2,877.8 million USD | estimate |" in before


def test_an_average_just_short_of_its_bound_is_never_written_as_the_bound(shipped: Path):
    # Worked example 5, "early 2025": G = 1.1028 x 1.1028 x 1.1103 x 1.0842 = 1.464007,
    # average = 1.464007^(1/4) - 1 = 9.9983 % a year, 0.0017 points short of 10. The
    # sentence said "9.998% a year", but show's "Average so far" and the report's
    # "Achieved average" (and its chart's legend) said "10% y/y": a journalist quoting the
    # figure would report the bound met. Written at the decimals where it differs from the
    # bound, as the sentence writes it.
    r = run_clean("show", "grdp-average-2021-2025", "--as-of", "2025-06-20", env={"COLUMNS": "120"})
    assert re.search(r"Average so far +9\.998% y/y \(4/5\)", r.stdout)
    assert "9.998% a year (target: at least 10% a year)" in r.stdout
    r = run_clean("report", "--format", "markdown", "-o", "r.md", "--as-of", "2025-06-20")
    assert r.exit_code == 0, r.stderr
    text = (shipped / "r.md").read_text(encoding="utf-8")
    assert "| Achieved average | 9.998% y/y |" in text
    assert "Achieved average (9.998% y/y)" in text  # the chart's description
    r = run_clean("--lang", "vi", "show", "grdp-average-2021-2025", "--as-of", "2025-06-20", env={"COLUMNS": "120"})
    assert "9,998% so với cùng kỳ (4/5)" in r.stdout
    # A whole average keeps two decimals: 2021-2025 with 11.89 for 2025 is 10.374 (10.37).
    r = run_clean("show", "grdp-average-2021-2025", env={"COLUMNS": "120"})
    assert re.search(r"Average so far +10\.37% y/y \(5/5\)", r.stdout)


def test_a_figure_published_with_three_decimals_is_quoted_as_published(shipped: Path):
    # The statistics office revises 2025 growth to 9.996 % (official): short of double digits
    # by 0.004 point. The status table wrote it "9.996[1]" for the double-digit target and
    # "10[2]" for the 2025 growth plan, two notes for one revision ("→ 9.996" and "→ 10");
    # show's plan said "Result 10% y/y", history "11.89% y/y → 10% y/y": a journalist
    # quoting any of those would report double-digit growth. A figure is written at least at
    # the decimals it was published with, everywhere (never fewer than two).
    r = run_clean("--lang", "en", "add-observation", "grdp_growth", "2025", "9.996", "--status", "official",
                  "--source", "Statistics office yearbook", "--recorded-at", "2026-03-01T00:00:00Z")  # fmt: skip
    assert r.exit_code == 0, r.stderr
    table = run_clean("status", "grdp-double-digit", "grdp-growth-plan-2025", "--format", "table",
                      env={"COLUMNS": "160"}).stdout  # fmt: skip
    assert table.count("9.996%[1] y/y (2025)") == 2
    assert "[2]" not in table and "10[" not in table
    assert "[1] GRDP growth 2025: 11.89% y/y → 9.996% y/y (official, recorded 2026-03-01" in table
    # 9.996 - 14 = -4.004 points; the gap 14 - 9.996 = 4.004.
    assert "4.004 pp" in table
    shown = run_clean("show", "grdp-growth-plan-2025", env={"COLUMNS": "160"}).stdout
    assert re.search(r"Result +9\.996% y/y", shown)
    assert re.search(r"Against plan +-4\.004 pp", shown)
    history = run_clean("history", "grdp_growth", "2025", "--format", "table", env={"COLUMNS": "160"}).stdout
    assert "11.89% y/y → 9.996% y/y" in history
    listed = run_clean("observations", "--indicator", "grdp_growth", "--format", "table", env={"COLUMNS": "160"})
    assert "11.89% y/y → 9.996% y/y" in listed.stdout
    r = run_clean("report", "--format", "markdown", "-o", "r.md")
    assert r.exit_code == 0, r.stderr
    text = (shipped / "r.md").read_text(encoding="utf-8")
    assert "| 2025 | 10% y/y" not in text and "10\\[" not in text
    # The span targets' tables of periods: the average's and the every-period's (a fail).
    assert "| 2025 | 9.996% y/y |" in text
    assert "| 2025 | 9.996% y/y | **✗ no** |" in text
    assert "9.996%\\[1\\] y/y (2025)" in text
    # Figures typed with two decimals or fewer are written as before: 11.03, 8.42.
    assert "| 2024 | 8.42% y/y |" in text


def test_the_workbook_shows_a_three_decimal_figure_with_its_decimals(shipped: Path):
    # Excel shows a cell by its number format: 9.996 under #,##0.00 reads 10.00.
    import openpyxl

    r = run_clean("--lang", "en", "add-observation", "grdp_growth", "2025", "9.996", "--status", "official",
                  "--recorded-at", "2026-03-01T00:00:00Z")  # fmt: skip
    assert r.exit_code == 0, r.stderr
    r = run_clean("report", "-o", "r.xlsx")
    assert r.exit_code == 0, r.stderr
    book = openpyxl.load_workbook(shipped / "r.xlsx")
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value == 9.996]
    assert cells and all(c.number_format == "#,##0.000" for c in cells)
    eight = [c for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value == 8.42]
    assert eight and all(c.number_format == "#,##0.00" for c in eight)  # 8.42: two, as before


P_EDGE_PLAN = """\
version: 1
title: "P edge"
observations: observations.csv
indicators:
  x: {name: "X", unit: "%", measure: level}
targets:
  - id: x-level
    indicator: x
    baseline: 2020
    milestones:
      - {by: 2025, value: 200}
"""


def test_a_p_just_below_a_band_edge_is_never_written_as_the_edge(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    # From 100 (2020) to 148.6 (2023), 200 by 2025:
    #   a = 1.486^(1/3) - 1 = 0.141102;  r = 2^(1/5) - 1 = 0.148698;  P = a / r = 0.94918,
    #   below 0.95: moderate progress (methodology.md, "Statuses"), score
    #   7.1429 x 0.94918 - 4.2857 = 2.4942.
    # The table, show and the report printed "P 0.95" beside "Moderate progress", which a
    # reader checking the band by hand reads as substantial. Written where it differs from
    # the edge: 0.949 (at three decimals 0.949 < 0.95).
    from conftest import STORE_HEADER, make_tracker

    make_tracker(
        tmp_path,
        monkeypatch,
        P_EDGE_PLAN,
        STORE_HEADER + "x,2020,100,official,s,,2021-01-01T00:00:00Z\nx,2023,148.6,official,s,,2024-01-01T00:00:00Z\n",
    )
    (target,) = json_of("status", "--format", "json")["targets"]
    assert target["progress_value"] == pytest.approx(0.94918, abs=5e-6)
    assert target["status"] == "moderate_progress"
    table = run_clean("status", "--format", "table", env={"COLUMNS": "120"}).stdout
    assert " 0.949 " in table and " 0.95 " not in table
    shown = run_clean("show", "x-level", env={"COLUMNS": "120"}).stdout
    assert re.search(r"P / Score +0\.949 / 2\.49", shown), shown
    r = run_clean("report", "--format", "markdown", "-o", "r.md")
    assert r.exit_code == 0, r.stderr
    text = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert "| 0.949 |" in text and "0.949 / 2.49" in text
    vi = run_clean("--lang", "vi", "show", "x-level", env={"COLUMNS": "120"}).stdout
    assert "0,949 / 2,49" in vi


def test_a_target_whose_only_figure_was_withdrawn_is_not_said_never_recorded(shipped: Path):
    # The 2025 budget revenue (82,235, the shipped series' only total) withdrawn: show and
    # the report said "Not assessed: no figure has been recorded for this indicator yet."
    # beside the new sentence saying it was withdrawn: the first is no longer true.
    r = run_clean("retract", "budget_revenue", "2025", "--recorded-at", "2026-02-01T00:00:00Z")
    assert r.exit_code == 0, r.stderr
    shown = run_clean("show", "budget-revenue-plan-2025", env={"COLUMNS": "120"}).stdout
    assert "no figure has been recorded" not in shown
    assert "• Not assessed: no figure of this indicator is in force; those recorded were withdrawn." in shown
    assert "• 2025: 82,235 billion VND was withdrawn on 2026-02-01 (retracted); no figure for it is in force." in shown
    r = run_clean("--lang", "vi", "report", "--format", "markdown", "-o", "r.md")
    assert r.exit_code == 0, r.stderr
    text = (shipped / "r.md").read_text(encoding="utf-8")
    assert (
        "- Chưa đánh giá: chỉ tiêu không còn số liệu nào có hiệu lực; các số liệu đã ghi nhận đều đã bị rút lại."
        in text
    )
    # Before the retraction, as before: the figure in force, no such sentence.
    before = run_clean("show", "budget-revenue-plan-2025", "--as-of", "2026-01-31", env={"COLUMNS": "120"}).stdout
    assert "withdrawn" not in before and "82,235 billion VND" in before


def test_the_review_section_writes_a_revision_where_the_figures_differ(shipped: Path):
    # report --since lists 2025 growth revised from 11.89 to 9.996: the Value column said
    # "10% y/y" (the figure in force rounded to two decimals) beside "revised" and the
    # previous 11.89; a revision 11.031 -> 11.029 would have read "11.03 | revised | 11.03".
    for value, day in (("11.031", "2026-02-01"), ("11.029", "2026-03-01")):
        r = run_clean("--lang", "en", "add-observation", "grdp_growth", "2025", value, "--status", "official",
                      "--source", "Statistics office", "--recorded-at", f"{day}T00:00:00Z")  # fmt: skip
        assert r.exit_code == 0, r.stderr
    r = run_clean("report", "--format", "markdown", "-o", "r.md", "--since", "2026-02-15")
    assert r.exit_code == 0, r.stderr
    text = (shipped / "r.md").read_text(encoding="utf-8")
    # The figure replaced marked "[1]": its source under the table (issue 17, twenty-sixth session).
    assert "| 2025 | 11.029% y/y | official | revised | 11.031%\\[1\\] y/y | Statistics office | 2026-03-01 |" in text


def test_show_states_the_latest_figure_and_the_provisional_reading_as_the_report_does(shipped: Path):
    # The report's figures table opens with "Latest 17.3% of GRDP (2020)" and "Provisional
    # 16% of GRDP (Q1 2023)" for the mining share; show stated neither (its sentence named
    # only 2015 and 2020, the table listed 2023-Q1 in grey), so a journalist reading show
    # could not tell which figure the status was read from and which was left out.
    shown = run_clean("show", "mining-share", env={"COLUMNS": "120"}).stdout
    # The 2020 figure is an estimate, said as the report says it since issue 17's
    # twenty-seventh session (pass H); 2023-Q1's has no status stated: its period alone.
    assert re.search(r"\nLatest +17\.3% of GRDP \(2020, estimate\)", shown), shown
    assert re.search(r"\nPart-year +16% of GRDP \(2023-Q1\)", shown), shown
    vi = run_clean("--lang", "vi", "show", "mining-share", env={"COLUMNS": "120"}).stdout
    assert re.search(r"\nSố mới nhất +17,3% GRDP \(2020, ước tính\)", vi), vi
    # A plan during its year has no latest, only the reading it is judged on.
    during = run_clean("show", "grdp-growth-plan-2025", "--as-of", "2025-07-10", env={"COLUMNS": "120"}).stdout
    assert "\nLatest " not in during
    assert re.search(r"\nPart-year +11\.03% y/y \(2025-H1, estimate\)", during), during


def test_a_run_of_passes_is_broken_by_a_year_without_a_figure(shipped: Path):
    # "Double-digit growth every year": with 2024 withdrawn, 2015-2023 and 2025 passed and
    # 2024 is unknown. methodology.md defines the streak as "the number of periods passed in
    # a row up to the latest one"; qntrack said 10 ("Current run 10"), which a journalist
    # would quote as ten years in a row across a year no one knows. In a row, back from
    # 2025: 2025 passed (11.89 >= 10), 2024 has no figure: 1.
    r = run_clean("retract", "grdp_growth", "2024", "--recorded-at", "2026-06-01T00:00:00Z")
    assert r.exit_code == 0, r.stderr
    (target,) = json_of("status", "grdp-double-digit", "--format", "json")["targets"]
    d = target["details"]
    assert (d["passed"], d["failed"], d["missing"], d["streak"]) == (10, 0, ["2024"], 1)
    assert target["status"] == "substantial_progress"
    shown = run_clean("show", "grdp-double-digit", env={"COLUMNS": "120"}).stdout
    assert re.search(r"Current run +1 *\n", shown), shown
    # Without the retraction the run is 1 too (2024 failed at 8.42); as of mid-2024, with
    # 2015-2023 in, it is 9 (worked example 4).
    (before,) = json_of("status", "grdp-double-digit", "--format", "json", "--as-of", "2024-07-10")["targets"]
    assert before["details"]["streak"] == 9


def test_history_of_one_period_names_it_even_with_nothing_to_list(shipped: Path):
    # `history grdp_growth 2022-H1 --as-of 2022-07-04` (the day before 10.66 was first
    # reported) printed "GRDP growth [grdp_growth] — as of 2022-07-04 / No observations
    # yet.": a saved copy did not say which period had none. The period asked is in the title.
    r = run_clean("history", "grdp_growth", "2022-H1", "--as-of", "2022-07-04", "--format", "table")
    assert r.stdout.splitlines()[:2] == ["GRDP growth [grdp_growth] 2022-H1 — as of 2022-07-04", "No observations yet."]
    r = run_clean("history", "grdp_growth", "2022-H1", "--as-of", "2022-07-05", "--format", "table",
                  env={"COLUMNS": "120"})  # fmt: skip
    assert r.stdout.splitlines()[0].rstrip() == "GRDP growth [grdp_growth] 2022-H1 — as of 2022-07-05"
    assert "10.66% y/y" in r.stdout
    r = run_clean("history", "grdp_growth", "--as-of", "2022-07-05", "--format", "table", env={"COLUMNS": "120"})
    assert r.stdout.splitlines()[0].rstrip() == "GRDP growth [grdp_growth] — as of 2022-07-05"  # all periods
