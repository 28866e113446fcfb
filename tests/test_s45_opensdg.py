"""Session 45, pass O: the Open SDG round trip as a national SDG office's data manager
meets it (Statistics Canada's sample, then damaged copies of its files)."""

from __future__ import annotations

from pathlib import Path

from helpers import run_clean, write_repository


def _import(repo: Path, into: Path, *extra: str):
    return run_clean(*extra, "import", "opensdg", str(repo), "--into", str(into), "--recorded-at", "2025-06-30")


def test_an_option_naming_a_column_whose_header_is_a_translation_key_says_the_translations_are_missing(
    tmp_path: Path,
):
    # Statistics Canada's headers are translation keys ("data.Leading causes of death
    # (ICD-10)"), its options name their English text ("Leading causes of death"): without
    # the site's translations/ folder no column has that name. docs/formats.md ("What the
    # sample needs") promises the note on translation keys there; it was left out, the
    # user told only the closest column, as if the option's field were misspelt.
    repo = write_repository(
        tmp_path / "repo",
        {
            "data/indicator_3-11-1.csv": """\
                "Year","data.Leading causes of death (ICD-10)","Value"
                "2015","data.Malignant neoplasms [C00-C97]",215.9
                "2016","data.Malignant neoplasms [C00-C97]",210.1
                "2015","data.Diabetes mellitus [E10-E14]",20.1
                """,
            "meta/3-11-1.md": """\
                ---
                indicator_name: Leading causes of death
                auto_progress_calculation: true
                progress_calculation_options:
                - direction: negative
                  disaggregation:
                  - field: Leading causes of death
                    value: Malignant neoplasms
                ---
                """,
        },
    )
    done = _import(repo, tmp_path / "tracker")
    assert done.exit_code == 1
    assert "needs its translations/ folder beside data/ and meta/" in done.stderr
    assert not (tmp_path / "tracker").exists()


def test_an_option_naming_a_misspelt_plain_column_is_still_told_without_the_note(tmp_path: Path):
    # The note is about translation keys: a plain header ("Sex") beside an option's
    # "Sexes" keeps the message without it (thirty-seventh session).
    repo = write_repository(
        tmp_path / "repo",
        {
            "data/indicator_1-1-1.csv": """\
                Year,Sex,Value
                2015,Female,1
                2016,Female,2
                2015,Male,3
                """,
            "meta/1-1-1.md": """\
                ---
                indicator_name: X
                auto_progress_calculation: true
                progress_calculation_options:
                - direction: negative
                  disaggregation:
                  - field: Sexes
                    value: Female
                ---
                """,
        },
    )
    done = _import(repo, tmp_path / "tracker")
    assert "translations/ folder" not in done.stderr
