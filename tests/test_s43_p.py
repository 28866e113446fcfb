"""Issue 17, forty-third session, pass P: a researcher scripting qntrack from Python (a
notebook, a cron job, a web dashboard), played as a hostile tester of the documented API.

1. A whole number too large for a float (``10**400``: an ``int`` of a notebook's
   arithmetic, Python's own, which has no bound) given as a row's value, source, note,
   status, moment or unit, as ``retract``'s source, note or unit, as ``history``'s and
   ``show``'s unit or as ``run_checks``' ``jump_factor``, raised Python's
   ``OverflowError`` ("int too large to convert to float") from inside qntrack, where the
   same figure typed as text is refused as no finite number (``store_value_not_finite``),
   a unit's name of 401 digits is told too long, and a jump factor out of range is
   refused by its name.
2. One id given as text, as the docs allow (``target_ids="fdi"``), where it was an
   indicator's id: ``status``, ``assessed`` and ``assess`` said "no target 'fdi' in the
   plan", where the same id in a list, and ``qntrack status fdi``, say it is an indicator
   and name its targets.
3. An import whose rows give no ``recorded_at`` (stamped with the clock, as documented),
   run between 17:00 and 24:00 UTC for a plan in +07:00 (a cron job on a UTC server each
   evening; 00:00-07:00 in Hà Nội), warned "1 row(s) have a recorded_at whose day in the
   plan's zone (UTC+07:00) is not the day typed, the first '2026-11-30T20:00:00Z'": no day
   was typed; the moment was qntrack's own. ``import_observations``' ``.notes`` held it,
   and ``add-observation --from`` printed it (the lead's session 43 made test_s30_r record
   at a fixed moment to dodge it). A moment the file does type is still warned of.
4. ``status_document`` given the store's rows (``observations=``) works out what each
   figure revised itself, as documented, but not the figures withdrawn: a dashboard that
   judged with ``assess`` (its own series, its own day) and built the document so got
   ``"withdrawn": []`` for grdp's targets after 2025's 11.89 was retracted, where
   ``status`` (and ``qntrack status --format json``) list that figure withdrawn: the
   document said nothing had been withdrawn.
5. ``help()`` of the public functions: ``help(qntrack.status)`` named none of its
   arguments (what ``targets``, ``as_of`` and ``target_ids`` take), ``open_workspace``'s
   spoke of the command's hooks (``reader``, ``before_store``) and not of ``targets``,
   ``as_of`` or what it returns, ``import_observations``' of none of ``fmt``, ``dry_run``,
   ``stdin``, ``force``, ``tz``, ``sheet``; and several said nothing of what they raise.
   Each public function's help now names every argument a caller gives and what it raises.
6. ``retract``'s ``recorded_at`` in the future, or before its period began, was refused
   in the command line's words, "recorded_at: error: --recorded-at 2099-01-01T00:00:00Z is
   in the future", "fix the period or --recorded-at": a Python caller passed no option.
   Said now by the argument's name, ``recorded_at``, in English and Vietnamese; the key
   is the same.
7. A store's row given back to ``record_many`` as it is (``ws.store.observations``, a
   ``Recorded``'s ``.rows``: the typed records qntrack returns; two trackers merged) was
   refused "is of type (str, Period, float, str, str, str, str, int), not a row", where
   its fields as a dict (``o._asdict()`` without ``line``) are recorded as itself. An
   ``Observation`` is now a row as its fields are, alone or as a ``(where, row)`` pair.
8. ``Workspace.warnings_for``, which a nightly job asks so as not to pass over what the
   commands warn of: one indicator's id as text (``"share"``) was read letter by letter
   and gave no warning at all, in silence, where ``["share"]`` gave the milestone on the
   wrong side of its baseline; an id the plan lacks gave none either; and ``None`` or a
   number raised ``TypeError: 'NoneType' object is not iterable`` from inside. One id as
   text is that id, ``None`` every indicator (as ``target_ids``), an id the plan lacks or
   a number is an ``ArgumentError`` naming ``indicator_ids``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import qntrack
from helpers import store_text

HUGE = 10**400  # an int: exact in Python, past the largest float (about 1.8e308)


def _row(**fields: object) -> dict[str, object]:
    row: dict[str, object] = {"indicator": "fdi", "period": "2026-11", "value": 1500, "status": "estimate"}
    row.update(fields)
    return row


@pytest.mark.parametrize("sign", [1, -1], ids=["positive", "negative"])
def test_a_huge_whole_value_is_refused_as_its_text_is(shipped: Path, sign: int) -> None:
    before = store_text(shipped)
    with pytest.raises(qntrack.InputError) as raised:
        qntrack.record_many("targets.yaml", [_row(value=sign * HUGE)])
    # The same key as the value typed as text ('1000…000'), at the row's place.
    assert raised.value.key == "store_value_not_finite"
    assert raised.value.file == "candidates"
    assert "not a finite number" in str(raised.value)
    assert store_text(shipped) == before  # nothing written


@pytest.mark.parametrize("field", ["source", "note"])
def test_a_huge_whole_number_in_a_text_field_is_its_digits(shipped: Path, field: str) -> None:
    # A whole number in a text field is written as a workbook's number cell: its digits.
    done = qntrack.record_many("targets.yaml", [_row(**{field: HUGE})], dry_run=True)
    assert getattr(done.rows[0], field) == "1" + "0" * 400


@pytest.mark.parametrize("field", ["status", "recorded_at"])
def test_a_huge_number_as_a_status_or_a_moment_is_refused_at_the_row(shipped: Path, field: str) -> None:
    with pytest.raises(qntrack.InputError) as raised:
        qntrack.record_many("targets.yaml", [_row(**{field: HUGE})], dry_run=True)
    assert raised.value.file == "candidates"
    assert not isinstance(raised.value, qntrack.ArgumentError)


def test_a_huge_number_as_a_rows_unit_is_no_unit_of_the_plan(shipped: Path) -> None:
    row = {"indicator": "budget_revenue", "period": "2026", "value": 1, "dim:locality": HUGE}
    with pytest.raises(qntrack.InputError) as raised:
        qntrack.record_many("targets.yaml", [row], dry_run=True)
    # Its 401 digits are told too long for a unit's name, at the row's place.
    assert (raised.value.file, raised.value.key) == ("candidates", "hostile_unit_too_long")


def test_retract_a_huge_source_or_note_is_its_digits(shipped: Path) -> None:
    done = qntrack.retract("targets.yaml", "grdp_growth", "2025", HUGE, HUGE, None, dry_run=True)
    assert (done.row.source, done.row.note) == ("1" + "0" * 400, "1" + "0" * 400)


def test_a_huge_unit_is_refused_at_dims_by_every_function(shipped: Path) -> None:
    calls = [
        lambda: qntrack.retract(
            "targets.yaml", "budget_revenue", "2024", "x", None, None, dims={"locality": HUGE}, dry_run=True
        ),
        lambda: qntrack.history("targets.yaml", "budget_revenue", dims={"locality": HUGE}),
        lambda: qntrack.show("targets.yaml", "budget-revenue-plan-2024", dims={"locality": HUGE}),
    ]
    for call in calls:
        with pytest.raises(qntrack.ArgumentError) as raised:
            call()
        assert (raised.value.file, raised.value.key, raised.value.code) == ("dims", "hostile_unit_too_long", 1)


@pytest.mark.parametrize("factor", [HUGE, -HUGE], ids=["positive", "negative"])
def test_a_huge_jump_factor_is_refused_by_its_name(shipped: Path, factor: int) -> None:
    with pytest.raises(qntrack.ArgumentError) as raised:
        qntrack.run_checks("targets.yaml", jump_factor=factor)
    assert (raised.value.file, raised.value.key) == ("jump_factor", "cli_bad_jump_factor")


def _indicator_told(error: qntrack.ArgumentError) -> None:
    assert (error.file, error.key, error.code) == ("target_ids", "kinds_unknown_targets", 1)
    assert str(error).startswith("target_ids: error: 'fdi' is an indicator, not a target; its targets: fdi-plan-2022")


def test_an_indicators_id_given_as_one_text_is_told_its_targets(shipped: Path) -> None:
    ws = qntrack.open_workspace("targets.yaml")
    calls = [
        lambda: qntrack.status("targets.yaml", target_ids="fdi"),
        lambda: qntrack.assessed("targets.yaml", target_ids="fdi"),
        lambda: qntrack.assess(ws.plan, ws.series, "fdi"),
    ]
    for call in calls:
        with pytest.raises(qntrack.ArgumentError) as raised:
            call()
        _indicator_told(raised.value)
    # As the same id in a list is told.
    with pytest.raises(qntrack.ArgumentError) as raised:
        qntrack.status("targets.yaml", target_ids=["fdi"])
    _indicator_told(raised.value)


EVENING_UTC = "2026-11-30T20:00:00Z"  # 03:00 on 1 December in Hà Nội (+07:00)


@pytest.fixture
def evening(shipped: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from qntrack.files import store

    monkeypatch.setattr(store, "utc_now", lambda: EVENING_UTC)
    return shipped


def test_an_import_stamped_by_the_clock_is_not_told_a_day_it_never_typed(evening: Path) -> None:
    Path("i.csv").write_text("indicator,period,value,status,source\nfdi,2026-10,1400,estimate,GSO\n", encoding="utf-8")
    done = qntrack.import_observations("targets.yaml", "i.csv")
    assert [o.recorded_at for o in done.rows] == [EVENING_UTC]
    assert [n.message.id for n in done.notes] == []


def test_the_command_says_no_such_day_either(evening: Path) -> None:
    from helpers import run_clean

    Path("i.csv").write_text("indicator,period,value,status,source\nfdi,2026-10,1400,estimate,GSO\n", encoding="utf-8")
    r = run_clean("add-observation", "--from", "i.csv")
    assert r.exit_code == 0, r.output
    assert "not the day typed" not in r.stderr
    assert store_text(evening).endswith(f"fdi,2026-10,1400,estimate,GSO,,{EVENING_UTC}\n")


def test_a_moment_the_file_types_is_still_told_its_day_in_the_plans_zone(evening: Path) -> None:
    # Typed at 02:00 on 1 December in Hà Nội, an hour before the clock.
    Path("i.csv").write_text(
        "indicator,period,value,status,source,recorded_at\nfdi,2026-10,1400,estimate,GSO,2026-11-30T19:00:00Z\n",
        encoding="utf-8",
    )
    done = qntrack.import_observations("targets.yaml", "i.csv", dry_run=True)
    (note,) = done.notes
    assert note.message.id == "import_recorded_zone_day"
    assert dict(note.message.params)["day"] == "2026-12-01"


def test_status_document_given_the_rows_lists_the_figures_withdrawn(shipped: Path) -> None:
    # 2025's GRDP growth, 11.89 (recorded 2026-01-07), withdrawn on 1 February 2026.
    qntrack.retract("targets.yaml", "grdp_growth", "2025", "typo", None, "2026-02-01T00:00:00Z")
    whole = qntrack.status("targets.yaml", target_ids="grdp-average-2021-2025")
    ws = qntrack.open_workspace("targets.yaml")
    judged = qntrack.assess(ws.plan, ws.series, "grdp-average-2021-2025", qntrack.reference_day(None, ws.plan))
    parts = qntrack.status_document(
        judged, None, ws.plan.title, observations=ws.store.observations, zone=ws.plan.timezone
    )
    (withdrawn,) = parts["targets"][0]["withdrawn"]
    assert (withdrawn["period"], withdrawn["value"], withdrawn["recorded_at"], withdrawn["source"]) == (
        "2025",
        11.89,
        "2026-02-01T00:00:00Z",
        "typo",
    )
    assert qntrack.to_json(parts) == qntrack.to_json(whole)


def test_status_document_of_a_day_lists_only_what_was_withdrawn_by_then(shipped: Path) -> None:
    qntrack.retract("targets.yaml", "grdp_growth", "2025", "typo", None, "2026-02-01T00:00:00Z")
    for day, count in (("2026-01-31", 0), ("2026-02-01", 1)):
        ws = qntrack.open_workspace("targets.yaml", as_of=day)
        judged = qntrack.assess(ws.plan, ws.series, "grdp-average-2021-2025", day)
        parts = qntrack.status_document(
            judged, day, ws.plan.title, observations=ws.store.observations, zone=ws.plan.timezone
        )
        assert len(parts["targets"][0]["withdrawn"]) == count, day
        whole = qntrack.status("targets.yaml", as_of=day, target_ids="grdp-average-2021-2025")
        assert qntrack.to_json(parts) == qntrack.to_json(whole), day


# The arguments a command passes, which a caller never gives (hooks of the command line).
HOOKS = {"reader", "before_store", "only", "replaced", "vintages", "opened", "command", "keep", "before"}


def test_help_of_each_public_function_names_its_arguments_and_what_it_raises() -> None:
    import inspect
    import re

    unsaid: dict[str, list[str]] = {}
    for name in qntrack.__all__:
        thing = getattr(qntrack, name)
        if not callable(thing) or isinstance(thing, type):
            continue
        doc = inspect.getdoc(thing) or ""
        missing = [p for p in inspect.signature(thing).parameters if p not in HOOKS and not re.search(rf"\b{p}\b", doc)]
        if not re.search(r"\braise", doc, re.IGNORECASE):
            missing.append("(what it raises)")
        if missing:
            unsaid[name] = missing
    assert unsaid == {}


@pytest.mark.parametrize(
    ("moment", "where", "key"),
    [
        ("2099-01-01T00:00:00Z", "recorded_at", "timing_future"),
        ("2024-06-01T00:00:00Z", "period", "timing_begins_after_recorded"),
    ],
    ids=["future", "before-the-period"],
)
def test_retract_tells_a_moment_by_its_arguments_name(shipped: Path, moment: str, where: str, key: str) -> None:
    with pytest.raises(qntrack.ArgumentError) as raised:
        qntrack.retract("targets.yaml", "grdp_growth", "2025", "x", None, moment, dry_run=True)
    error = raised.value
    assert (error.file, error.key) == (where, key)
    for lang in ("en", "vi"):
        assert "--recorded-at" not in error.text(lang)
        assert "recorded_at" in error.text(lang)


def test_a_stores_rows_given_back_as_they_are_merge_two_trackers(shipped: Path, tmp_path: Path) -> None:
    qntrack.retract("targets.yaml", "grdp_growth", "2025", "typo", None, "2026-02-01T00:00:00Z")
    other = tmp_path / "other"
    other.mkdir()
    (other / "targets.yaml").write_text(Path("targets.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (other / "observations.csv").write_text("indicator,period,value,status,source,note,recorded_at\n", encoding="utf-8")
    rows = qntrack.open_workspace("targets.yaml").store.observations
    done = qntrack.record_many(other / "targets.yaml", rows)
    # Every row, its units' and the retraction's included, recorded as itself.
    assert (len(done.rows), len(done.skipped)) == (len(rows), 0)
    assert sorted(store_text(other).splitlines()) == sorted(store_text(shipped).splitlines())
    again = qntrack.record_many(other / "targets.yaml", [("tracker-a", o) for o in rows])
    assert (len(again.rows), len(again.skipped)) == (0, len(rows))  # repeats, passed over
    mine = qntrack.status("targets.yaml")
    assert qntrack.to_json(qntrack.status(other / "targets.yaml")) == qntrack.to_json(mine)


# A milestone on the wrong side of its baseline: up from 20 to "15 by 2025", which reads
# achieved at once; the commands (and check) warn of it.
WRONG_SIDE = """\
title: Wrong side
timezone: +07:00
indicators:
  share: {name: Share, unit: '%', frequency: year}
  other: {name: Other, unit: '%', frequency: year}
targets:
  - id: share-up
    indicator: share
    baseline: {period: 2020, value: 20}
    milestones:
      - {by: 2025, value: 15}
"""


@pytest.fixture
def wrong_side(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from conftest import make_tracker

    return make_tracker(tmp_path, monkeypatch, WRONG_SIDE, "indicator,period,value,status,source,note,recorded_at\n")


def test_warnings_for_one_id_as_text_is_that_indicators(wrong_side: Path) -> None:
    ws = qntrack.open_workspace("targets.yaml")
    listed = [p.message.id for p in ws.warnings_for(["share"])]
    assert listed == ["checks_milestone_below"]
    assert [p.message.id for p in ws.warnings_for("share")] == listed
    assert [p.message.id for p in ws.warnings_for(None)] == listed  # every indicator
    assert [p.message.id for p in ws.warnings_for(ws.plan.indicators)] == listed
    assert ws.warnings_for("other") == []


@pytest.mark.parametrize("given", [5, ["share", None], "shares", ["nope"]], ids=["int", "none-item", "typo", "unknown"])
def test_warnings_for_what_names_no_indicator_is_refused_by_its_name(wrong_side: Path, given: object) -> None:
    ws = qntrack.open_workspace("targets.yaml")
    with pytest.raises(qntrack.ArgumentError) as raised:
        ws.warnings_for(given)  # type: ignore[arg-type]
    assert raised.value.file == "indicator_ids"
