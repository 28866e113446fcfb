"""The message catalog: one file per language, the same ids and {names} in each, every id
the code names present, and messages on stderr in the language the user chose."""

from __future__ import annotations

import re
import string
import tomllib
from pathlib import Path


from qntrack.catalog import Day, Message, catalog, msg, render
from qntrack.plan.model import Location, Problem

SRC = Path(__file__).resolve().parents[1] / "src" / "qntrack"


def _names(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field}


def _sections(lang: str) -> dict:
    return tomllib.loads((SRC / "catalog" / f"{lang}.toml").read_text(encoding="utf-8"))


def test_ids_are_unique_across_sections():
    for lang in ("en", "vi"):
        seen: dict[str, str] = {}
        for section, entries in _sections(lang).items():
            for key in entries:
                assert key not in seen, f"{lang}: '{key}' in both [{seen[key]}] and [{section}]"
                seen[key] = section


# Sentences whose two languages say it with different values, by grammar: Vietnamese
# names a change by its direction ("tăng từ … lên …", {change}, {moved}) where English
# names both years; "the remaining year" has no number in English; the Vietnamese path
# sentence does not repeat the milestone; a month is 04 in English's ISO form, 4 in
# Vietnamese. The code passes the union of both sets.
DIFFERENT_NAMES = {
    "narrative_level_rate": ({"base", "latest"}, {"change"}),
    "narrative_level_change": ({"base", "latest"}, {"change"}),
    "narrative_level_abs_change": ({"base", "latest"}, {"change"}),
    "narrative_level_abs_change_required": ({"base", "latest"}, {"change"}),
    "narrative_path": ({"by", "goal"}, set()),
    "narrative_average_remaining_one": (set(), {"n"}),
    "narrative_against_year": ({"was"}, {"moved"}),
    "narrative_against_period": ({"was"}, {"moved"}),
    # A month with no such day: English writes it as ISO does (2025-04), Vietnamese
    # without the leading zero (tháng 4/2025).
    "cli_no_such_day": ({"mm"}, {"m"}),
    "store_timestamp_no_such_day": ({"mm"}, {"m"}),  # the same calendar, said of a recorded_at
    # A growth plan met or missed: English gives the signed difference, Vietnamese says
    # "cao hơn" or "thấp hơn" the plan by the difference without its sign.
    "narrative_plan_rate_above": ({"pp"}, {"by"}),
    "narrative_plan_rate_below": ({"pp"}, {"by"}),
    "narrative_plan_rate_equal": ({"pp"}, set()),
    # A period typed without its year: English adds the year after the words typed (H1
    # 2026), Vietnamese offers the words a report writes (quý I/2026).
    "cli_period_no_year": ({"year"}, {"words"}),
    # A dimension named as the plan labels it, in the reader's language: its English
    # label in English, its Vietnamese one in Vietnamese (eighteenth session).
    "units_unknown_value": ({"named_en"}, {"named_vi"}),
    "units_unknown_value_hint": ({"named_en"}, {"named_vi"}),
    "units_unknown_value_lost": ({"named_en"}, {"named_vi"}),  # twenty-first session
    "units_shared_name": ({"named_en"}, {"named_vi"}),  # thirty-first session, pass R
    # A unit spelt two ways, its dimension so named too (thirty-seventh session, pass I).
    "duplicate_one_unit_open": ({"named_en"}, {"named_vi"}),
    "duplicate_one_unit_listed": ({"named_en"}, {"named_vi"}),
    "checks_unit_spelt_otherwise": ({"named_en"}, {"named_vi"}),
    "units_open_spelt_as_stored": ({"named_en"}, {"named_vi"}),
    "units_open_spelt_as_batch": ({"named_en"}, {"named_vi"}),
    # Units that do not add up, their dimension named (forty-fifth session, helper R).
    "checks_units_sum": ({"named_en"}, {"named_vi"}),
    "units_not_broken_down": ({"dimensions_en"}, {"dimensions_vi"}),
    "ranking_unknown_dimension": ({"dimensions_en"}, {"dimensions_vi"}),
    # show --dim: the dimensions a target is broken down by (thirty-ninth session, helper S).
    "show_unit_dimensions": ({"dimensions_en"}, {"dimensions_vi"}),
    "library_show_unit_dimensions": ({"dimensions_en"}, {"dimensions_vi"}),
    "sdmx24_unit_attribute": ({"unit_en"}, {"unit_vi"}),  # twenty-fourth session: the indicator's unit
    "sdmx24_unit_attribute_other": ({"unit_en"}, {"unit_vi"}),
    # An uncommon system error: English gives the system's text, which is English;
    # Vietnamese names the errno beside it, for a search (thirty-sixth session).
    "os_error_named": (set(), {"name"}),
    # A moment an --as-of notice tells of: ISO in English, its time and its day in
    # Vietnamese, as the notice's other days are written (thirty-sixth session).
    "moment_beside_days": ({"iso"}, {"clock", "day"}),
    "moment_in_zone": ({"iso"}, {"clock", "day", "offset"}),
}


def test_vietnamese_has_every_english_id_with_the_same_names():
    en, vi = catalog("en"), catalog("vi")
    assert sorted(set(en) - set(vi)) == []
    assert sorted(set(vi) - set(en)) == []
    for key, template in en.items():
        en_only, vi_only = DIFFERENT_NAMES.get(key, (set(), set()))
        assert _names(vi[key]) - vi_only == _names(template) - en_only, key
        assert en_only <= _names(template) and vi_only <= _names(vi[key]), key


def test_every_id_the_code_names_is_in_the_catalog():
    used = set()
    for path in SRC.rglob("*.py"):
        used.update(re.findall(r"""\bmsg\(\s*["']([a-z0-9_]+)["']\s*[,)]""", path.read_text(encoding="utf-8")))
    assert used, "no msg() call found: the pattern is wrong"
    assert sorted(used - set(catalog("en"))) == []


def test_render_fills_names_and_falls_back_to_english():
    m = msg("totals", errors=2, warnings=1)
    assert render(m, "en") == "2 error(s), 1 warning(s)"
    assert render(m, "vi") == "2 lỗi, 1 cảnh báo"
    assert render(Message("no_such_id_anywhere"), "vi") == "no_such_id_anywhere"
    assert render("plain text", "vi") == "plain text"


def test_a_problem_is_shown_in_the_chosen_language():
    p = Problem(Location("targets.yaml", 3, 5), msg("totals", errors=1, warnings=0), "warning")
    assert str(p) == "targets.yaml:3:5: warning: 1 error(s), 0 warning(s)"
    assert p.text("vi") == "targets.yaml:3:5: cảnh báo: 1 lỗi, 0 cảnh báo"


def test_a_day_qntrack_worked_out_is_written_as_the_reader_writes_dates():
    """A period's end or a due day in a message: DD/MM/YYYY in Vietnamese, as reports and
    terminal tables write dates; ISO in English, and so in str() and check's JSON."""
    m = msg("timing_before_end", recorded=Day("2024-12-28"), period="2024", end=Day("2024-12-31"))
    assert "28/12/2024" in render(m, "vi") and "(31/12/2024)" in render(m, "vi")
    assert "2024-12-28" in str(m) and "2024-12-31" in str(m) and "/" not in str(m)
    assert Day("2024-12-31") == Day("2024-12-31") and hash(Day("2024-12-31")) == hash(Day("2024-12-31"))
