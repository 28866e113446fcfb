"""Issue 17, thirty-ninth session, pass J: every document with an ``as_of`` says where its
day ended, ``as_of_end``, the last ``recorded_at`` it counted (docs/json.md).

A plan that names its zone ends its ``--as-of`` day at midnight there, so ``"as_of":
"2025-07-02"`` beside UTC ``recorded_at`` moments did not say which rows it counted: an
analyst filtering the store by ``recorded_at <= "2025-07-02T23:59:59Z"`` got a row
qntrack had left out, and nothing in the document told them. The bounds below are
worked out by hand:

- ``+07:00`` (Hà Nội): 2 July ends at 24:00 there, 17:00 UTC, so the last second counted
  is ``2025-07-02T16:59:59Z``.
- ``-05:00``: 2 July ends at 24:00 there, 05:00 UTC on 3 July: ``2025-07-03T04:59:59Z``.
- no zone: the UTC day, ``2025-07-02T23:59:59Z``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import dedent, make_tracker
from helpers import run_clean

PLAN = dedent("""
    title: Where the day ended
    {zone}dimensions:
      locality:
        name: {{en: Locality, vi: Địa phương}}
        values: [Alpha, Beta]
    indicators:
      share:
        name: {{en: Share, vi: Tỷ trọng}}
        unit: "%"
        dimensions: [locality]
    targets:
      - id: share-2025
        indicator: share
        baseline: 2020
        milestones: [{{by: 2025, value: 20}}]
        for_each: locality
""")

# The 2024 total recorded at 16:59:59Z on 2 July (23:59:59 in Hà Nội, still 2 July there)
# and revised at 17:00:00Z (00:00 on 3 July in Hà Nội; 12:00 on 2 July at -05:00).
ROWS = dedent("""
    indicator,period,value,status,source,note,recorded_at
    share,2020,10,,census,,2021-03-01T00:00:00Z
    share[locality=Alpha],2020,9,,census,,2021-03-01T00:00:00Z
    share[locality=Beta],2020,11,,census,,2021-03-01T00:00:00Z
    share,2024,15,,press,,2025-07-02T16:59:59Z
    share[locality=Alpha],2024,14,,press,,2025-07-02T16:59:59Z
    share,2024,15.5,,yearbook,,2025-07-02T17:00:00Z
""")

ZONES = {
    "+07:00": ('timezone: "+07:00"\n', "2025-07-02T16:59:59Z"),
    "-05:00": ('timezone: "-05:00"\n', "2025-07-03T04:59:59Z"),
    "none": ("", "2025-07-02T23:59:59Z"),
}


@pytest.fixture(params=sorted(ZONES))
def zoned(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str]:
    """A tracker whose plan names the zone of the parameter (or none), and the last moment
    of 2 July there, worked out by hand (the module's docstring)."""
    line, end = ZONES[request.param]
    return make_tracker(tmp_path, monkeypatch, PLAN.format(zone=line), ROWS), end


def _doc(*args: str) -> dict:
    r = run_clean(*args)
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


COMMANDS = {
    "status": ("status", "--format", "json"),
    "report": ("report", "--format", "json"),
    "show": ("show", "share-2025", "--format", "json"),
    "show --dim": ("show", "share-2025", "--dim", "locality=Alpha", "--format", "json"),
    "history": ("history", "share", "--format", "json"),
    "history period": ("history", "share", "2024", "--format", "json"),
    "observations": ("observations", "--format", "json"),
    "rank": ("rank", "share-2025", "--format", "json"),
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_each_document_ends_with_the_last_moment_its_day_counted(zoned: tuple[Path, str], command: str) -> None:
    _, end = zoned
    doc = _doc(*COMMANDS[command], "--as-of", "2025-07-02")
    assert doc["as_of"] == "2025-07-02"
    assert list(doc)[-1] == "as_of_end"  # added last: every key before it where it was
    assert doc["as_of_end"] == end


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_without_as_of_the_end_is_null(zoned: tuple[Path, str], command: str) -> None:
    doc = _doc(*COMMANDS[command])
    assert doc["as_of"] is None
    assert list(doc)[-1] == "as_of_end" and doc["as_of_end"] is None


def test_the_end_names_the_rows_the_document_counted(zoned: tuple[Path, str]) -> None:
    # A reader filtering the store by recorded_at <= as_of_end gets qntrack's rows: the
    # revision at 17:00:00Z is in force on 2 July west of Hà Nội only.
    _, end = zoned
    doc = _doc("observations", "--format", "json", "--as-of", "2025-07-02")
    total = [o for o in doc["observations"] if o["dims"] == {} and o["period"] == "2024"]
    assert [o["value"] for o in total] == [15.5 if end > "2025-07-02T17:00:00Z" else 15]
    assert all(o["recorded_at"] <= doc["as_of_end"] for o in doc["observations"])


def test_the_reports_toml_says_the_end_last(zoned: tuple[Path, str]) -> None:
    import tomllib

    _, end = zoned
    r = run_clean("report", "--format", "toml", "--as-of", "2025-07-02")
    assert r.exit_code == 0, r.output
    doc = tomllib.loads(r.stdout)
    assert doc["as_of_end"] == end


def test_the_report_keeps_since_and_headline_where_they_were(zoned: tuple[Path, str]) -> None:
    doc = _doc("report", "--format", "json", "--as-of", "2025-07-02", "--since", "2025-01-01")
    assert list(doc)[-4:] == ["groups", "since", "headline", "as_of_end"]


# --- a Python caller ------------------------------------------------------------------


def test_the_library_documents_end_the_day_in_the_plans_zone(zoned: tuple[Path, str]) -> None:
    import qntrack

    folder, end = zoned
    plan = str(folder / "targets.yaml")
    assert qntrack.status(plan, "2025-07-02")["as_of_end"] == end
    assert qntrack.status(plan)["as_of_end"] is None
    assert qntrack.show(plan, "share-2025", "2025-07-02")["as_of_end"] == end
    assert qntrack.history(plan, "share", as_of="2025-07-02")["as_of_end"] == end
    assert qntrack.rank(plan, "share-2025", "2025-07-02")["as_of_end"] == end


def test_a_document_builder_given_a_zone_ends_the_day_there() -> None:
    from qntrack.output.documents import history_document, observations_document
    from qntrack.output.formats import status_document

    assert status_document([], "2025-07-02", zone="-05:00")["as_of_end"] == "2025-07-03T04:59:59Z"
    assert status_document([], "2025-07-02")["as_of_end"] == "2025-07-02T23:59:59Z"  # UTC, as before
    assert observations_document([], "2025-07-02", zone="+07:00")["as_of_end"] == "2025-07-02T16:59:59Z"
    assert history_document("share", [], as_of="2025-07-02", zone="+07:00")["as_of_end"] == "2025-07-02T16:59:59Z"
    assert history_document("share", [])["as_of_end"] is None


def test_the_observations_pieces_are_the_whole_document(zoned: tuple[Path, str]) -> None:
    from qntrack.files.workspace import open_workspace
    from qntrack.output.documents import observations_document, observations_parts
    from qntrack.output.formats import to_json

    folder, _ = zoned
    ws = open_workspace(str(folder / "targets.yaml"))
    rows = [o for o in ws.store.observations if o.recorded_at <= "2025-07-02T16:59:59Z"]
    zone = ws.plan.timezone
    whole = to_json(observations_document(rows, "2025-07-02", zone=zone)).encode("utf-8")
    assert b"".join(observations_parts(rows, "2025-07-02", zone=zone)) == whole


# --- check: its rows are cut at the same bound --------------------------------------------


def test_checks_document_ends_with_where_its_day_ended(zoned: tuple[Path, str]) -> None:
    _, end = zoned
    doc = _doc("check", "--format", "json", "--as-of", "2025-07-02")
    assert list(doc) == ["qntrack", "as_of", "checks", "problems", "as_of_end"]
    assert (doc["as_of"], doc["as_of_end"]) == ("2025-07-02", end)
    assert _doc("check", "--format", "json")["as_of_end"] is None


def test_a_check_that_could_not_read_the_plan_counted_no_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # No plan read, no zone known and no row counted: as_of_end says none (not a UTC guess).
    make_tracker(tmp_path, monkeypatch, "title: [unclosed\n", ROWS)
    r = run_clean("check", "--format", "json", "--as-of", "2025-07-02")
    assert r.exit_code == 1
    doc = json.loads(r.stdout)
    assert doc["as_of"] == "2025-07-02" and doc["as_of_end"] is None and doc["problems"]


def test_a_callers_check_document_ends_the_day_in_the_zone_given() -> None:
    from qntrack.output.documents import check_document

    assert check_document(None, [], "2025-07-02", zone="-05:00")["as_of_end"] == "2025-07-03T04:59:59Z"
    assert check_document(None, [], "2025-07-02")["as_of_end"] == "2025-07-02T23:59:59Z"
