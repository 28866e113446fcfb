"""Review of the sixteenth session's merged change (issue 17): the defects a senior review
found in it, each test written before its fix (docs/decisions.md, "Review of the sixteenth
session's merged change"). Every expected number is worked out by hand in a comment.
"""

from __future__ import annotations

from conftest import dedent, make_tracker
from helpers import json_of, run_clean

# --- 1. a year-to-date reading below zero is not "already beyond" a bound ----------------

NET_PLAN = """
    title: Net inflow
    indicators:
      nf: {name: Net inflow, unit: bn, measure: flow}
    targets:
      - {id: nf-total, type: cumulative, indicator: nf, at_least: 1000, from: 2021, to: 2025}
      - {id: nf-cap, type: cumulative, indicator: nf, at_most: 1000, from: 2021, to: 2025}
"""

NET_FIGURES = """
    indicator,period,value,status,source,note,recorded_at
    nf,2021,300,official,,,2022-03-01T00:00:00Z
    nf,2022,300,official,,,2023-03-01T00:00:00Z
    nf,2023,300,official,,,2024-03-01T00:00:00Z
    nf,2024,200,official,,,2025-03-01T00:00:00Z
    nf,2025-H1,-200,estimate,,,2025-07-05T00:00:00Z
"""


def test_a_reading_below_zero_that_takes_a_total_back_within_is_not_called_beyond(tmp_path, monkeypatch):
    # By hand: the full years sum 300 + 300 + 300 + 200 = 1,100, past both bounds of 1,000
    # (at least: achieved; at most: over the cap, not achieved). With the H1 2025 estimate
    # of -200 the total recorded is 1,100 - 200 = 900, back below 1,000: the reading takes
    # the total back within, never "already beyond the target" or "already over the cap".
    # It said "With H1 2025, 900 bn is recorded: already beyond the target of 1,000 bn"
    # (and "already over the cap of 1,000 bn"), of a total below the bound.
    make_tracker(tmp_path, monkeypatch, dedent(NET_PLAN), dedent(NET_FIGURES))
    d = {t["id"]: t for t in json_of("status", "--format", "json", "--as-of", "2025-08-01")["targets"]}
    assert d["nf-total"]["status"] == "target_achieved"  # 1,100 >= 1,000 on the full years
    assert d["nf-cap"]["status"] == "not_achieved"  # 1,100 > 1,000 on the full years
    for target in ("nf-total", "nf-cap"):
        for lang in ("en", "vi"):
            shown = run_clean("show", target, "--as-of", "2025-08-01", "--lang", lang)
            assert shown.exit_code == 0, shown.output
            assert "already" not in shown.stdout, shown.stdout
            assert "vượt mục tiêu 1.000" not in shown.stdout and "vượt mức tối đa 1.000" not in shown.stdout
            assert "1,100 bn" in shown.stdout or "1.100 bn" in shown.stdout, shown.stdout


# --- 2. methodology.md quotes the sentence show prints ------------------------------------

INVESTMENT_PLAN = """
    title: Investment
    indicators:
      inv: {name: Investment, unit: bn, measure: flow}
    targets:
      - {id: inv-total, type: cumulative, indicator: inv, at_least: 1000, from: 2021, to: 2025}
"""

INVESTMENT_FIGURES = """
    indicator,period,value,status,source,note,recorded_at
    inv,2021,100,official,,,2022-03-01T00:00:00Z
    inv,2022-H1,1000.5,estimate,,,2022-07-05T00:00:00Z
"""


def test_methodologys_worked_example_quotes_the_sentence_show_prints(tmp_path, monkeypatch):
    # methodology.md's worked example of a reading beyond the bound quotes show's sentence:
    # 100 + 1,000.5 = 1,100.5 against at least 1,000. The sentence speaks its period in
    # words since the merge of "periods in words" ("With H1 2022"); the docs quoted the code
    # ("With 2022-H1"), a sentence qntrack no longer writes.
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    quoted = "With H1 2022, 1,100.5 bn is recorded: already beyond the target of 1,000 bn"
    text = " ".join((root / "docs" / "methodology.md").read_text(encoding="utf-8").split())
    assert quoted in text
    make_tracker(tmp_path, monkeypatch, dedent(INVESTMENT_PLAN), dedent(INVESTMENT_FIGURES))
    shown = run_clean("show", "inv-total", "--as-of", "2022-08-01")
    assert quoted in " ".join(shown.stdout.split()), shown.stdout


# --- 3. the figure a revision replaced: one rule for show, observations and the report ---


def test_revised_values_is_one_rule_for_one_key_and_many():
    # By hand, for gr: 2025-Q1 one figure (replaces none); 2025-Q3 8.2 then a retraction
    # (the retraction replaced 8.2; no figure is in force there, so no table shows it);
    # 2025-Q4 9 after a retraction of nothing before it... here: 9.5, retracted, then 9
    # (9 is put back after a retraction: it replaces none); 2026-Q1 9.1 then 9.2 (9.2
    # replaced 9.1), and by 2026-04-30, before 9.2 was recorded, 9.1 is in force and
    # replaces none. show asked revised_values and observations and the report
    # revised_values_of, two walks written apart; they are one rule.
    from qntrack.method.history import revised_values, revised_values_of
    from qntrack.plan.model import Observation
    from qntrack.plan.periods import parse_period as P

    def o(period: str, value: float, at: str, line: int, status: str = "official") -> Observation:
        return Observation("gr", P(period), value, status=status, recorded_at=at, line=line)

    nan = float("nan")
    rows = [
        o("2025-Q1", 8.5, "2025-04-05T00:00:00Z", 2),
        o("2025-Q3", 8.2, "2025-10-05T00:00:00Z", 3),
        o("2025-Q3", nan, "2025-10-20T00:00:00Z", 4, "retracted"),
        o("2025-Q4", 9.5, "2026-01-05T00:00:00Z", 5),
        o("2025-Q4", nan, "2026-01-06T00:00:00Z", 6, "retracted"),
        o("2025-Q4", 9.0, "2026-01-07T00:00:00Z", 7),
        o("2026-Q1", 9.1, "2026-04-05T00:00:00Z", 8),
        o("2026-Q1", 9.2, "2026-05-05T00:00:00Z", 9),
    ]
    now = {P("2025-Q3"): 8.2, P("2026-Q1"): 9.1}
    assert revised_values(rows, "gr") == now
    assert revised_values_of(rows, ["gr"])["gr"] == now
    then = {P("2025-Q3"): 8.2}
    assert revised_values(rows, "gr", "2026-04-30") == then
    assert revised_values_of(rows, ["gr"], "2026-04-30")["gr"] == then


# --- 4. the English targets table writes a kind targets.yaml has -------------------------

HALF_YEAR_PLAN = """
    title: Half-year plan
    indicators:
      fdi: {name: FDI attracted, unit: million USD, measure: flow, frequency: month}
    targets:
      - {id: fdi-h1, type: plan, indicator: fdi, period: 2026-H1, value: 600}
      - {id: fdi-2026, type: plan, indicator: fdi, period: 2026, value: 1200}
"""


def test_the_english_targets_table_writes_the_kind_as_targets_yaml_types_it(tmp_path, monkeypatch):
    # In English a kind is the code a reader types in targets.yaml (i18n.kind_name): a
    # half year's plan is `type: plan`. The table wrote "plan_period", the catalog key of
    # its Vietnamese words ("Kế hoạch theo kỳ"), which targets.yaml refuses; show writes
    # "plan". Vietnamese keeps the words of the report.
    make_tracker(
        tmp_path, monkeypatch, dedent(HALF_YEAR_PLAN), "indicator,period,value,status,source,note,recorded_at\n"
    )
    en = run_clean("targets", "--format", "table")
    assert en.exit_code == 0, en.output
    assert "plan_period" not in en.stdout, en.stdout
    line = next(x for x in en.stdout.splitlines() if "fdi-h1" in x)
    assert line.split()[1] == "plan", line
    vi = run_clean("targets", "--format", "table", "--lang", "vi")
    line = next(x for x in vi.stdout.splitlines() if "fdi-h1" in x)
    assert "Kế hoạch theo kỳ" in line, line
    line = next(x for x in vi.stdout.splitlines() if "fdi-2026" in x)
    assert "Kế hoạch năm" in line, line


# --- 5. history's help quotes the arrow its table prints ---------------------------------


def test_historys_help_quotes_the_table_as_it_prints(tracker):
    # The help said the table writes "'10.3% -> 9.8%'", an ASCII arrow, where the table
    # writes "10.3% → 9.8%" (tests/test_as_known.py) and the same help writes "–" for a
    # retraction: a reader searching the table for "->" finds nothing.
    r = run_clean("history", "--help", env={"COLUMNS": "200"})
    assert r.exit_code == 0, r.output
    flat = " ".join(r.stdout.split())
    assert "'10.3% → 9.8%', '9.8% → –' for a retraction" in flat, flat
    assert "->" not in flat, flat
