"""qntrack as a Python library, as a national statistics office's programmer uses it: load
the plan and the store, list the statuses as of a day, record a figure and its revision,
read a breakdown, handle a bad plan (issue 17, twenty-third session; docs/python-api.md,
docs/decisions.md "qntrack as a Python library").

Each test was written failing first, against what the docs promise a caller."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from qntrack.errors import InputError
from qntrack.plan.model import Location


def _typo_in_plan() -> int:
    """Misspells the first target type ``plan`` of the shipped targets.yaml as ``plna``;
    the 1-based line it is on (found by reading the file, as a person would)."""
    lines = Path("targets.yaml").read_text(encoding="utf-8").split("\n")
    at = lines.index("    type: plan")
    lines[at] = "    type: plna"
    Path("targets.yaml").write_text("\n".join(lines), encoding="utf-8")
    return at + 1


def test_a_bad_plan_is_a_plan_error_carrying_file_line_and_key(shipped: Path) -> None:
    from qntrack.errors import PlanError
    from qntrack.files.workspace import open_workspace

    line = _typo_in_plan()
    with pytest.raises(PlanError) as caught:
        open_workspace("targets.yaml")
    error = caught.value
    assert isinstance(error, InputError)  # the one base a caller may catch instead
    # The first problem: the file, the line of the typo, and the catalog's key of
    # "'plna' is not one of ...; did you mean 'plan'?".
    assert (error.file, error.line, error.key) == ("targets.yaml", line, "definitions_not_one_of_hint")
    assert "plna" in error.text("en") and "did you mean 'plan'" in error.text("en")


def test_a_missing_plan_is_a_plan_error_too(shipped: Path) -> None:
    from qntrack.errors import PlanError
    from qntrack.files.workspace import open_workspace

    with pytest.raises(PlanError) as caught:
        open_workspace("no-such-plan.yaml")
    assert caught.value.file == "no-such-plan.yaml"


def test_a_bad_store_row_is_a_store_error_carrying_its_line(shipped: Path) -> None:
    from qntrack.errors import PlanError, StoreError
    from qntrack.files.workspace import open_workspace

    # The shipped store has a header and 82 rows: 83 lines; the appended row is line 84.
    assert Path("observations.csv").read_text(encoding="utf-8").count("\n") == 83
    with open("observations.csv", "a", encoding="utf-8") as fh:
        fh.write("budget_revenue,2025,abc,,https://example.org,,2026-01-05T00:00:00Z\n")
    with pytest.raises(StoreError) as caught:
        open_workspace("targets.yaml")
    error = caught.value
    assert not isinstance(error, PlanError)
    assert (error.file, error.line, error.key) == ("observations.csv", 84, "store_value_not_number")


def test_a_store_another_writer_holds_is_a_store_locked_error(shipped: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from filelock import FileLock

    from qntrack.errors import StoreError, StoreLockedError
    from qntrack.files.recording import record_many

    monkeypatch.setenv("QNTRACK_LOCK_TIMEOUT", "0")
    before = Path("observations.csv").read_bytes()
    caught: list[BaseException] = []

    def writer() -> None:  # another thread: the lock held here is another open file
        try:
            record_many(
                "targets.yaml",
                [(Location("python"), {"indicator": "budget_revenue", "period": "2025", "value": "84500"})],
            )
        except BaseException as exc:  # noqa: BLE001 - handed to the test's thread
            caught.append(exc)

    with FileLock(str(Path("observations.csv").resolve()) + ".lock"):
        thread = threading.Thread(target=writer)
        thread.start()
        thread.join()
    assert len(caught) == 1 and isinstance(caught[0], StoreLockedError), caught
    assert isinstance(caught[0], StoreError)
    assert (caught[0].file, caught[0].key) == ("observations.csv", "store_lock_busy")
    assert Path("observations.csv").read_bytes() == before  # nothing written


def test_an_error_is_told_in_each_callers_language_without_leaking(shipped: Path) -> None:
    from qntrack.errors import PlanError
    from qntrack.files.workspace import open_workspace

    _typo_in_plan()
    with pytest.raises(PlanError) as caught:
        open_workspace("targets.yaml")
    error = caught.value
    # vi, then en, then vi again, from one exception in one process: no language is
    # remembered between calls ("lỗi" is Vietnamese for "error").
    vi = error.text("vi")
    assert ": lỗi: " in vi and ": error: " not in vi
    assert ": error: " in error.text("en") and ": lỗi: " not in error.text("en")
    assert error.text("vi") == vi
    assert str(error) == error.text("en")  # str() is the English text, as before


def _withdraw_budget_2025() -> None:
    """Withdraws the store's 2025 budget revenue figure (82,235, the HĐND's estimate),
    recorded now: in force today, after 2025-12-31."""
    from qntrack.files.retracting import retract

    retract("targets.yaml", "budget_revenue", "2025", "https://example.org/withdrawn", "withdrawn", None)


@pytest.mark.parametrize("as_of", [None, "2025-12-31", "2099-01-01"])
def test_the_librarys_status_document_is_what_status_format_json_prints(shipped: Path, as_of: str | None) -> None:
    from helpers import run

    import qntrack
    from qntrack.output.formats import to_json

    _withdraw_budget_2025()
    args = ["status", "--format", "json"] + (["--as-of", as_of] if as_of else [])
    printed = run(*args)
    assert printed.exit_code == 0, printed.stderr
    # The same bytes once written as JSON: as of now (the status cache's path), as of a
    # day before the withdrawal and one after it (the plain path).
    assert to_json(qntrack.status("targets.yaml", as_of=as_of)) == printed.stdout
    if as_of != "2025-12-31":
        # The withdrawal is in force: the 2025 plan's item lists the figure withdrawn
        # (82,235, the value the store held), which a caller's dashboard must show too.
        (item,) = [
            t for t in qntrack.status("targets.yaml", as_of=as_of)["targets"] if t["id"] == "budget-revenue-plan-2025"
        ]
        assert [(w["period"], w["value"]) for w in item["withdrawn"]] == [("2025", 82235.0)]


def test_the_readme_recipe_gives_the_commands_document_once_a_figure_is_withdrawn(shipped: Path) -> None:
    """README's "From Python" example (as of a day) run after a withdrawal recorded now,
    and as of now: it left out ``withdrawn``, which the command prints."""
    from helpers import run

    from qntrack.output.formats import to_json

    _withdraw_budget_2025()
    (block,) = [b for b in _python_blocks(Path(__file__).resolve().parents[1] / "README.md")]
    names: dict[str, object] = {}
    exec(block.replace('"2025-12-31"', "None"), names)  # noqa: S102 - our own README's example, as of now
    assert to_json(names["doc"]) == run("status", "--format", "json").stdout


def _python_blocks(path: Path) -> list[str]:
    import re

    return re.findall(r"```python\n(.*?)```", path.read_text(encoding="utf-8"), re.S)


def test_status_says_an_id_the_plan_lacks_as_a_qntrack_error(shipped: Path) -> None:
    import qntrack

    # The core's ValueError reached the caller bare; a dashboard catching InputError
    # (or the status code it maps to) missed it.
    with pytest.raises(InputError) as caught:
        qntrack.status("targets.yaml", target_ids=["cbct-shaer"])
    assert caught.value.file == "target_ids"
    assert "cbct-shaer" in caught.value.text("en") and "cbct-shaer" in caught.value.text("vi")


def test_every_public_name_is_importable_typed_documented_and_in_the_api_page() -> None:
    import inspect

    import qntrack

    page = (Path(__file__).resolve().parents[1] / "docs" / "python-api.md").read_text(encoding="utf-8")
    assert len(qntrack.__all__) == len(set(qntrack.__all__)) > 20
    for name in qntrack.__all__:
        if name == "__version__":
            continue
        value = getattr(qntrack, name)
        assert f"`{name}" in page, f"{name} is not in docs/python-api.md"
        assert inspect.getdoc(value), f"{name} has no docstring"
        if inspect.isfunction(value):
            hints = inspect.signature(value)
            missing = [p for p in hints.parameters.values() if p.annotation is inspect.Parameter.empty]
            assert not missing and hints.return_annotation is not inspect.Signature.empty, name
    assert sorted(dir(qntrack)) == sorted(set(dir(qntrack)))
    with pytest.raises(AttributeError):
        qntrack.no_such_name  # noqa: B018


def test_importing_qntrack_loads_none_of_the_api() -> None:
    """``import qntrack`` stays what ``qntrack --version`` pays: no module of the API until
    a name is used."""
    import subprocess
    import sys

    code = "import sys, qntrack; print(sorted(m for m in sys.modules if m.startswith('qntrack.')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_the_api_pages_worked_example_runs_on_the_shipped_tracker(shipped: Path) -> None:
    """docs/python-api.md's example, run in a copy of the shipped tracker: its asserts hold,
    and its figure and revision are in the store, after its 82 rows (83 lines)."""
    import csv

    (block,) = _python_blocks(Path(__file__).resolve().parents[1] / "docs" / "python-api.md")
    names: dict[str, object] = {}
    exec(block, names)  # noqa: S102 - our own documentation's example
    with open("observations.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 82 + 2
    assert [(r["indicator"], r["period"], r["value"]) for r in rows[-2:]] == [
        ("budget_revenue", "2025", "84500"),
        ("budget_revenue", "2025", "84620"),
    ]
    from helpers import run

    from qntrack.output.formats import to_json

    shown = run("show", "budget-revenue-plan-2024", "--format", "json", "--as-of", "2025-12-31")
    assert to_json(names["shown"]) == shown.stdout  # the 2024 plan: the figures recorded are 2025's
    # The Vietnamese text says the error in Vietnamese ("lỗi"), the English in English.
    assert ": lỗi: " in str(names["vietnamese"]) and ": error: " in str(names["english"])


def test_two_threads_writing_reports_in_two_languages_each_get_their_own(shipped: Path) -> None:
    """A web service serving an English and a Vietnamese reader at once: each report is
    the one a single call in its language writes (no language is kept between calls)."""
    from concurrent.futures import ThreadPoolExecutor

    from qntrack.files.workspace import open_workspace
    from qntrack.output.report import build_report, render

    ws = open_workspace("targets.yaml", as_of="2025-12-31")
    data = build_report(ws.plan, ws.series, ws.store.observations, None, "2025-12-31", None, "2025-12-31")
    alone = {lang: render(data, "markdown", lang) for lang in ("en", "vi")}
    assert alone["en"] != alone["vi"]
    with ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(lambda lang: (lang, render(data, "markdown", lang)), ["en", "vi"] * 4))
    assert all(text == alone[lang] for lang, text in got)


def test_two_plans_in_one_process_never_share_a_parse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The plan memo is keyed by the file's name and its text: two trackers' targets.yaml,
    opened by the same relative name from two folders, are each their own plan; an edit
    between two calls is read."""
    import shutil

    from conftest import ROOT

    from qntrack.files.workspace import open_workspace

    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        for name in ("targets.yaml", "observations.csv"):
            shutil.copyfile(ROOT / name, tmp_path / folder / name)
    plan_b = tmp_path / "b" / "targets.yaml"
    text = plan_b.read_text(encoding="utf-8")
    english = 'title: {en: "Quảng Ninh:'  # the title's line begins so
    assert text.count(english) == 1
    plan_b.write_text(text.replace(english, 'title: {en: "B - Quảng Ninh:'), encoding="utf-8")
    monkeypatch.chdir(tmp_path / "a")
    title_a = open_workspace("targets.yaml").plan.title
    monkeypatch.chdir(tmp_path / "b")
    title_b = open_workspace("targets.yaml").plan.title
    assert title_a.startswith("Quảng Ninh:") and title_b == "B - " + title_a
    plan_b.write_text(text.replace(english, 'title: {en: "B2 - Quảng Ninh:'), encoding="utf-8")
    assert open_workspace("targets.yaml").plan.title.startswith("B2 - ")


def _record(row: dict[str, object], dry_run: bool = True) -> object:
    from qntrack.files.recording import record_many

    return record_many("targets.yaml", [(Location("dashboard", 3), row)], dry_run=dry_run)  # type: ignore[list-item]


def test_a_row_to_record_takes_the_numbers_and_dates_a_caller_has(shipped: Path) -> None:
    from datetime import datetime, timezone

    # A float, an int, a year as an int and an aware datetime were each an AttributeError
    # ("'float' object has no attribute 'strip'") from inside the validation.
    moment = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    for value, stored in ((84500.5, 84500.5), (84500, 84500.0)):
        done = _record({"indicator": "budget_revenue", "period": 2025, "value": value, "recorded_at": moment})
        (row,) = done.rows  # type: ignore[attr-defined]
        assert (str(row.period), row.value, row.recorded_at) == ("2025", stored, "2026-01-02T03:04:05Z")
    # A day as a period, as a caller's date: the day period 2025-03-31 of a yearly
    # indicator is refused by the plan's own rule, not by an AttributeError.
    with pytest.raises(InputError):
        _record({"indicator": "budget_revenue", "period": datetime(2025, 3, 31).date(), "value": 1})


def test_a_row_to_record_refuses_what_no_field_can_hold(shipped: Path) -> None:
    # True is an int to Python, never a figure; a list is no field's value.
    with pytest.raises(InputError) as caught:
        _record({"indicator": "budget_revenue", "period": "2025", "value": True, "note": ["a"]})
    assert [(str(p.location), p.message.id) for p in caught.value.problems] == [  # type: ignore[union-attr]
        ("dashboard:3", "library_field_type"),
        ("dashboard:3", "library_field_type"),
    ]
    assert "'value'" in caught.value.text("en") and "bool" in caught.value.text("en")
    assert "trường 'note'" in caught.value.text("vi")


def test_a_misspelt_field_of_a_row_to_record_is_refused_not_dropped(shipped: Path) -> None:
    before = Path("observations.csv").read_bytes()
    # 'sorce' was dropped in silence: the figure was recorded without its source.
    with pytest.raises(InputError) as caught:
        _record({"indicator": "budget_revenue", "period": "2025", "value": "84500", "sorce": "https://x.org"}, False)
    assert (caught.value.file, caught.value.line, caught.value.key) == ("dashboard", 3, "library_unknown_field")
    assert "did you mean 'source'?" in caught.value.text("en")
    assert "có phải ý bạn là 'source'?" in caught.value.text("vi")
    assert Path("observations.csv").read_bytes() == before
    # A unit's field (dim:<dimension>) is a field.
    done = _record({"indicator": "budget_revenue", "period": "2025", "value": "7", "dim:locality": "Hạ Long"})
    assert done.rows[0].indicator == "budget_revenue[locality=Hạ Long]"  # type: ignore[attr-defined]


def test_retract_takes_a_year_and_a_moment_as_a_caller_has_them(shipped: Path) -> None:
    from datetime import datetime, timezone

    import qntrack

    # An int period and a datetime were AttributeErrors ('int' object has no attribute 'strip').
    moment = datetime(2026, 1, 2, 10, 0, tzinfo=timezone.utc)
    _, row, withdrawn = qntrack.retract("targets.yaml", "budget_revenue", 2025, "https://x.org", "", moment)
    # The store's 2025 figure was 82,235 (the HĐND's estimate), recorded 2025-12-31.
    assert (str(row.period), row.recorded_at, withdrawn.value) == ("2025", "2026-01-02T10:00:00Z", 82235.0)
    with pytest.raises(InputError) as caught:
        qntrack.retract("targets.yaml", "budget_revenue", 2025, "https://x.org", ["a note"], None)  # type: ignore[arg-type]
    # Told at the argument, note, as an ArgumentError (thirty-seventh session: at "retract:").
    assert (caught.value.file, caught.value.key) == ("note", "library_text_type")


def test_status_refuses_a_grouping_it_does_not_have(shipped: Path) -> None:
    import qntrack

    # 'owners' was a KeyError ('owners_names') from inside the groups' document.
    with pytest.raises(InputError) as caught:
        qntrack.status("targets.yaml", group_by="owners")  # type: ignore[arg-type]
    assert (caught.value.file, caught.value.key) == ("group_by", "library_group_by")
    assert "did you mean 'owner'?" in caught.value.text("en") and "group, owner" in caught.value.text("en")
    assert "có phải ý bạn là 'owner'?" in caught.value.text("vi")
    assert qntrack.status("targets.yaml", group_by="owner")["groups"] is not None


def test_an_import_says_a_bad_plan_or_a_held_lock_by_its_kind(shipped: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """import_observations gathers every problem into one error; when they are all the
    plan's, or the store's lock, it is that kind (a nightly job retries on a lock)."""
    from filelock import FileLock

    from qntrack.errors import PlanError, StoreLockedError
    from qntrack.files.importing import import_observations

    Path("new.csv").write_text("indicator,period,value\nbudget_revenue,2025,84500\n", encoding="utf-8")
    monkeypatch.setenv("QNTRACK_LOCK_TIMEOUT", "0")
    caught: list[BaseException] = []

    def importer() -> None:
        try:
            import_observations("targets.yaml", "new.csv")
        except BaseException as exc:  # noqa: BLE001 - handed to the test's thread
            caught.append(exc)

    with FileLock(str(Path("observations.csv").resolve()) + ".lock"):
        thread = threading.Thread(target=importer)
        thread.start()
        thread.join()
    assert len(caught) == 1 and isinstance(caught[0], StoreLockedError), caught
    line = _typo_in_plan()
    with pytest.raises(PlanError) as plan_error:
        import_observations("targets.yaml", "new.csv")
    assert (plan_error.value.file, plan_error.value.line) == ("targets.yaml", line)


def test_an_error_is_told_in_the_language_a_web_request_names(shipped: Path) -> None:
    from qntrack.errors import PlanError
    from qntrack.files.workspace import open_workspace

    _typo_in_plan()
    with pytest.raises(PlanError) as caught:
        open_workspace("targets.yaml")
    error = caught.value
    # '?lang=VI' or a locale's name was English in silence, beside a Vietnamese 'vi'.
    assert error.text("VI") == error.text(" vi ") == error.text("vi_VN.UTF-8") == error.text("vi")
    assert error.problems[0].text("VI") == error.problems[0].text("vi")
    assert error.text("fr") == error.text("en")  # a language qntrack does not speak: English


def test_threads_recording_into_one_store_lose_no_row(shipped: Path) -> None:
    from qntrack.files.recording import record_many

    failed: list[BaseException] = []

    def writer(k: int) -> None:
        for year in (2010, 2011):  # periods the store has no budget figure for
            # Each thread its own moment: the rows are judged only by the store's lock.
            moment = f"2026-01-0{k + 1}T00:00:00Z"
            row = {
                "indicator": "budget_revenue",
                "period": year,
                "value": 100 * k,
                "source": f"s{k}",
                "recorded_at": moment,
            }
            try:
                record_many("targets.yaml", [(Location(f"thread {k}"), row)])
            except BaseException as exc:  # noqa: BLE001 - handed to the test's thread
                failed.append(exc)

    threads = [threading.Thread(target=writer, args=(k,)) for k in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not failed
    # 83 lines, then 3 threads x 2 rows; every row whole, each thread's source kept.
    lines = Path("observations.csv").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 83 + 6
    assert sorted(line.split(",")[4] for line in lines[83:]) == ["s0", "s0", "s1", "s1", "s2", "s2"]


@pytest.mark.parametrize(
    ("args", "given"),
    [
        (["--group-by", "owner"], {"group_by": "owner"}),
        (["cbct-share", "grdp-per-capita"], {"target_ids": ["cbct-share", "grdp-per-capita"]}),
        (["--as-of", "2024-06-30", "--group-by", "owner"], {"as_of": "2024-06-30", "group_by": "owner"}),
    ],
)
def test_status_with_ids_and_groupings_is_the_commands_json(shipped: Path, args: list[str], given: dict) -> None:
    from helpers import run

    import qntrack

    printed = run("status", "--format", "json", *args)
    assert printed.exit_code == 0, printed.stderr
    assert qntrack.to_json(qntrack.status("targets.yaml", **given)) == printed.stdout


def test_a_row_to_record_may_come_as_a_dict_alone_or_with_its_place_as_text(shipped: Path) -> None:
    from qntrack.files.recording import record_many

    good = {"indicator": "budget_revenue", "period": "2025", "value": "84500"}
    bad = {"indicator": "budget_revenue", "period": "2025", "value": "x"}
    # A bare dict was a ValueError ("too many values to unpack"); a place given as text
    # gave problems whose location had no .file (error.file an AttributeError).
    assert len(record_many("targets.yaml", [good], dry_run=True).rows) == 1
    with pytest.raises(InputError) as caught:
        record_many("targets.yaml", [good, bad], dry_run=True)
    # The second row of the list: its place is the list's name and its 1-based position.
    assert (caught.value.file, caught.value.line) == ("candidates", 2)
    with pytest.raises(InputError) as caught:
        record_many("targets.yaml", [("dashboard", bad)], dry_run=True)  # type: ignore[list-item]
    assert (caught.value.file, caught.value.line, caught.value.key) == ("dashboard", 0, "store_value_not_number")


def test_an_error_crosses_a_process_pool_with_its_problems(shipped: Path) -> None:
    import pickle

    from qntrack.errors import PlanError
    from qntrack.files.workspace import open_workspace

    with pytest.raises(PlanError) as caught:
        open_workspace("no-such-plan.yaml")
    back = pickle.loads(pickle.dumps(caught.value))
    assert type(back) is PlanError
    assert (back.file, back.key, back.text("vi")) == (caught.value.file, caught.value.key, caught.value.text("vi"))
