"""Properties that must hold for every input, not just the examples we thought of."""

from __future__ import annotations

import tempfile
import unicodedata
from datetime import datetime, timezone
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qntrack.files.definitions import parse_plan
from qntrack.files.figures import parse_number_cell
from qntrack.plan.model import LevelTarget, Location, Observation, Text
from qntrack.plan.periods import Period, PeriodError, parse_period
from qntrack.files.recording import validate_record
from qntrack.files.appending import append_observations
from qntrack.files.store import read_store

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --- periods ----------------------------------------------------------------------------

years = st.integers(min_value=1000, max_value=9999)


@st.composite
def period_texts(draw) -> str:
    year = draw(years)
    kind = draw(st.sampled_from(["year", "half", "quarter", "month", "months"]))
    if kind == "year":
        return str(year)
    if kind == "half":
        return f"{year}-{draw(st.sampled_from('Hh'))}{draw(st.integers(1, 2))}"
    if kind == "quarter":
        return f"{year}-{draw(st.sampled_from('Qq'))}{draw(st.integers(1, 4))}"
    if kind == "month":
        return f"{year}-{draw(st.integers(1, 12)):02d}"
    return f"{year}-{draw(st.integers(1, 12))}{draw(st.sampled_from('Mm'))}"


periods = period_texts().map(parse_period)


@FAST
@given(period_texts())
def test_period_text_round_trips(text: str):
    period = parse_period(text)
    canonical = str(period)
    assert parse_period(canonical) == period
    assert str(parse_period(canonical)) == canonical  # the canonical name is a fixed point
    assert parse_period(f"  {text} ") == period


@FAST
@given(periods, periods)
def test_period_order_is_by_end_then_longer_first(a: Period, b: Period):
    assert (a < b) == ((a.end, a.first) < (b.end, b.first))
    assert [a < b, a == b, a > b].count(True) == 1
    assert (a <= b) == (a < b or a == b)
    if a.end < b.end:
        assert a < b


@FAST
@given(st.text(max_size=20))
def test_any_text_is_a_period_or_a_period_error(text: str):
    try:
        period = parse_period(text)
    except PeriodError as exc:
        assert "valid forms" in str(exc)
    else:
        assert parse_period(str(period)) == period


# --- targets.yaml -----------------------------------------------------------------------

ids = st.from_regex(r"[a-z][a-z0-9_]{0,12}", fullmatch=True)


# Any one-line text a person could type: not lone surrogates (not Unicode), control
# characters or line separators (YAML folds U+0085, U+2028 into spaces), or blanks; nor
# Unicode's noncharacters (U+FDD0..U+FDEF, U+xFFFE and U+xFFFF), which targets.yaml refuses
# at their line since issue 16's review (Hypothesis found a title "\ufdd0" refused: the
# strategy, not the loader, was wrong; seventeenth session).
def _no_noncharacter(text: str) -> bool:
    return not any(0xFDD0 <= ord(c) <= 0xFDEF or ord(c) & 0xFFFE == 0xFFFE for c in text)


names = (
    st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=30)
    .filter(lambda s: s.strip())
    .filter(_no_noncharacter)
)
finite = st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12)


@st.composite
def plans(draw) -> tuple[dict, dict]:
    indicator_ids = draw(st.lists(ids, min_size=1, max_size=4, unique=True))
    indicators = {
        i: {
            "name": {"en": draw(names), "vi": draw(names)},
            "unit": draw(st.sampled_from(["%", "USD", ""])),
            "direction": draw(st.sampled_from(["increase", "decrease"])),
        }
        for i in indicator_ids
    }
    targets = []
    for n, ind in enumerate(draw(st.lists(st.sampled_from(indicator_ids), max_size=4))):
        base = draw(st.integers(1990, 2030))
        steps = draw(st.lists(st.integers(1, 5), max_size=3))
        bys = [base + sum(steps[: i + 1]) for i in range(len(steps))]
        targets.append(
            {
                "id": f"t-{n}",
                "indicator": ind,
                "source": draw(names),
                "baseline": {"period": base, "value": draw(finite)},
                "milestones": [{"by": by, "value": draw(finite)} for by in bys],
            }
        )
    return {"version": 1, "title": draw(names), "indicators": indicators, "targets": targets}, indicators


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@FAST
@given(plans())
def test_loader_reads_back_every_generated_plan(generated):
    doc, indicators = generated
    text = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)
    plan = parse_plan(text, "targets.yaml")
    assert plan.title == nfc(doc["title"])
    assert list(plan.indicators) == list(indicators)
    for ind_id, spec in indicators.items():
        ind = plan.indicators[ind_id]
        assert (ind.name.en, ind.name.vi) == (nfc(spec["name"]["en"]), nfc(spec["name"]["vi"]))
        assert ind.unit == spec["unit"] and ind.direction.value == spec["direction"]
    assert len(plan.targets) == len(doc["targets"])
    for got, want in zip(plan.targets, doc["targets"], strict=True):
        assert isinstance(got, LevelTarget)
        # A plain source is the same text in both languages, without spaces after its text
        # (twenty-eighth session: a block scalar's last line break is no part of a note).
        source = nfc(want["source"]).rstrip()
        assert (got.id, got.indicator, got.source) == (want["id"], want["indicator"], Text(source, source))
        assert got.baseline is not None
        assert (got.baseline.period, got.baseline.value) == (
            Period(want["baseline"]["period"]),
            want["baseline"]["value"],
        )
        assert [(m.by, m.value) for m in got.milestones] == [(Period(m["by"]), m["value"]) for m in want["milestones"]]


# --- the store --------------------------------------------------------------------------

# Text for source and note: anything on one line, with the characters CSV must quote
# (commas, double quotes) made common.
one_line = st.lists(
    st.one_of(
        st.sampled_from([",", '"', "'", ";", "\t", " ", "=", "\u1ec7", "e\u0302\u0323", '""', "\ufeff"]),
        st.characters(blacklist_categories=("Cs", "Cc")),
    ),
    max_size=30,
).map("".join)
moments = st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1)).map(
    lambda d: d.replace(microsecond=0, tzinfo=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
)
observations = st.builds(
    Observation,
    indicator=ids,
    period=periods,
    value=st.floats(allow_nan=False, allow_infinity=False),
    status=st.sampled_from(["", "estimate", "preliminary", "official"]),
    source=one_line,
    note=one_line,
    recorded_at=moments,
)


@FAST
@given(st.lists(st.lists(observations, min_size=1, max_size=5), min_size=1, max_size=4))
def test_what_is_appended_reads_back_identical(batches: list[list[Observation]]):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "observations.csv"
        for batch in batches:
            append_observations(path, batch)
        contents = read_store(path)
    written = [o for batch in batches for o in batch]
    assert contents.problems == () and contents.torn_line == 0
    assert len(contents.observations) == len(written)
    for line, (got, want) in enumerate(zip(contents.observations, written, strict=True), start=2):
        assert got.line == line
        assert (got.indicator, got.period, got.status, got.recorded_at) == (
            want.indicator,
            want.period,
            want.status,
            want.recorded_at,
        )
        assert got.value == want.value  # bit for bit, not approximately
        assert (got.source, got.note) == (nfc(want.source), nfc(want.note))


PLAN = parse_plan("version: 1\nindicators:\n  share: {name: S, frequency: month}\ntargets: []\n")


@FAST
@given(periods, finite, one_line, one_line, moments)
def test_a_validated_record_is_stored_as_validated(period: Period, value: float, source: str, note: str, moment: str):
    # force and a far "now": the timing rules (timing.py, tested there) are not what this tests.
    obs, problems = validate_record(
        PLAN,
        Location("t"),
        "share",
        str(period),
        repr(value),
        None,
        source,
        note,
        moment,
        now="9999-12-31T23:59:59Z",
        force=True,
    )
    if obs is None:
        # The only reasons a one-line text is refused are its length and a noncharacter in
        # it (U+FDD0 to U+FDEF, U+FFFE and U+FFFF of every plane: refused since the
        # eighteenth session, which the characters drawn here may hold, rarely: a run of
        # the twenty-first session drew a note of U+FFFE).
        def noncharacter(text: str) -> bool:
            return any(0xFDD0 <= ord(c) <= 0xFDEF or ord(c) & 0xFFFE == 0xFFFE for c in text)

        assert all(
            "characters long" in str(p.message)
            or (p.message.id.endswith("_noncharacter") and noncharacter(source + note))
            or (p.message.id == "recording_value_too_small" and 0 < abs(value) < 1e-12)
            for p in problems
        ), problems
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "observations.csv"
        append_observations(path, [obs])
        (back,) = read_store(path).observations
    assert back == Observation(
        obs.indicator, obs.period, obs.value, obs.status, obs.source, obs.note, obs.recorded_at, 2
    )


@FAST
@given(one_line, st.sampled_from(["\n", "\r", "\r\n"]), one_line, st.sampled_from(["source", "note"]))
def test_line_breaks_in_source_or_note_are_refused(before: str, brk: str, after: str, field: str):
    text = before + brk + after
    source, note = (text, "") if field == "source" else ("", text)
    obs, problems = validate_record(PLAN, Location("t"), "share", "2023", "1", None, source, note, "2024-01-01")
    assert obs is None
    assert [str(p.message) for p in problems] == [f"the {field} must be on one line"]


# --- numbers in imported files ----------------------------------------------------------


@FAST
@given(
    st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.booleans(),
)
def test_a_number_formatted_either_way_reads_back(value, decimal_comma: bool, grouped: bool):
    text = f"{value:,.2f}" if grouped else f"{value:.2f}"
    if decimal_comma:
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    assert parse_number_cell(text, decimal_comma, explicit=True) == float(value)
