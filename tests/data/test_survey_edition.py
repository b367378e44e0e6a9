"""Tests of report_lib.data.survey.edition: a wave's edition metadata, read and checked through the real check-data."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import run_cli, run_command
from report_lib import paths
from report_lib.data.errors import DataError
from report_lib.data.survey.edition import META_FILE, Edition, edition_of, edition_problems, edition_warnings
from survey_helpers import tiny_wave_data

VALID = """year: 2024
fieldwork: 2024-03-01/2024-04-30
title_en: "Bank marketing in China: the 2024 wave"
title_zh: 2024年中国银行营销调研
description: Six respondents typed by hand.
synthetic: true
seed: 7
"""


@pytest.fixture(scope="module")
def wave_folder(tmp_path_factory) -> Path:
    """A full data folder (data of record, reference tables) with the six-respondent tiny wave."""
    root = tmp_path_factory.mktemp("edition")
    data = tiny_wave_data(root)
    return data


def with_meta(folder: Path, text: str | None) -> Path:
    """``folder`` with ``survey/responses.meta.yaml`` holding ``text`` (removed when ``None``)."""
    path = folder / META_FILE
    path.unlink(missing_ok=True)
    if text is not None:
        path.write_text(text, encoding="utf-8")
    return folder


def test_valid_metadata_makes_the_edition(wave_folder):
    """Every key is read: year, fieldwork as two dates, titles, description, synthetic and the responses file."""
    edition = edition_of(with_meta(wave_folder, VALID))
    assert edition == Edition(2024, (dt.date(2024, 3, 1), dt.date(2024, 4, 30)),
                              "Bank marketing in China: the 2024 wave", "2024年中国银行营销调研",
                              "Six respondents typed by hand.", True, "survey/responses.csv")
    assert edition.is_wave and edition.title("zh") == "2024年中国银行营销调研"
    assert edition_problems(wave_folder) == [] and edition_warnings(wave_folder) == []


def test_valid_metadata_passes_check_data_silently(wave_folder):
    """``check-data``: exit 0, no warning."""
    result = run_command("check-data", str(with_meta(wave_folder, VALID)))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_without_a_wave_the_edition_is_the_report_of_record():
    """The 2023 data folder: the year of the data of record's source, no wave file, the book's own titles."""
    source = yaml.safe_load((paths.DEFAULT_DATA_DIR / "published" / "figures.meta.yaml").read_text(encoding="utf-8"))
    edition = edition_of(paths.DEFAULT_DATA_DIR)
    assert edition == Edition(int(source["source"]["year"]))
    assert edition.year == 2023 and not edition.is_wave and edition.title("en") is None


BAD = {
    "not a number": ("year: 20x4", "year", "must be a year such as 2024, not '20x4'"),
    "a fraction": ("year: 2024.5", "year", "must be a year such as 2024, not 2024.5"),
    "a boolean": ("year: true", "year", "must be a year such as 2024, not True"),
    "empty": ("year:", "year", "must be a year such as 2024, not None"),
    "out of range": ("year: 1850", "year", "must be a year between 1900 and 2100, not 1850"),
    "fieldwork reversed": ("year: 2024\nfieldwork: 2024-05-01/2024-04-30", "fieldwork",
                           "starts after it ends (2024-05-01 > 2024-04-30)"),
    "fieldwork one date": ("year: 2024\nfieldwork: 2024-03-01", "fieldwork",
                           "must be an ISO 8601 interval of two dates, start/end, such as 2024-03-01/2024-04-30; "
                           "got '2024-03-01'"),
    "fieldwork not a date": ("year: 2024\nfieldwork: 2024-03-01/2024-13-01", "fieldwork",
                             "got '2024-03-01/2024-13-01'"),
    "fieldwork in words": ("year: 2024\nfieldwork: spring 2024", "fieldwork", "got 'spring 2024'"),
    "empty title": ("year: 2024\ntitle_zh: ''", "title_zh", "must be a non-empty text, not ''"),
    "synthetic not a boolean": ("year: 2024\nsynthetic: maybe", "synthetic", "must be true or false, not 'maybe'"),
}


@pytest.mark.parametrize("case", BAD)
def test_bad_metadata_is_one_line_naming_file_and_key(case, wave_folder):
    """``check-data``: one line ``<file>: key '<key>': <reason>``, exit 1."""
    text, key, reason = BAD[case]
    result = run_command("check-data", str(with_meta(wave_folder, text)))
    problems = [line for line in result.stderr.splitlines() if line.startswith(str(wave_folder))]
    assert result.returncode == 1
    assert len(problems) == 1, result.stderr
    assert problems[0].startswith(f"{wave_folder / META_FILE}: key '{key}': ")
    assert problems[0].endswith(reason)
    with pytest.raises(DataError):
        edition_of(wave_folder)


def test_metadata_that_is_not_a_mapping_is_one_line(wave_folder):
    """A YAML list, or text that is not YAML, is named with its file."""
    for text, reason in (("- 2024\n", "must be a mapping of keys"), ("year: [2024\n", "cannot be read as YAML")):
        result = run_command("check-data", str(with_meta(wave_folder, text)))
        assert result.returncode == 1
        assert result.stderr.splitlines()[0].startswith(str(wave_folder / META_FILE)), result.stderr
        assert reason in result.stderr


@pytest.mark.parametrize("text", [None, "synthetic: true\n"], ids=["no metadata file", "no year key"])
def test_a_wave_without_a_year_builds_with_one_warning(text, wave_folder):
    """``check-data`` (its own process): exit 0, exactly one warning line naming the file and the key."""
    result = run_cli("check-data", str(with_meta(wave_folder, text)))
    assert result.returncode == 0, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"{wave_folder / META_FILE}: key 'year': warning: missing")
    edition = edition_of(wave_folder)
    assert edition.year is None and edition.is_wave


def test_the_data_of_record_alone_has_no_warning():
    """The 2023 data folder has no wave: nothing to warn about."""
    assert edition_warnings(paths.DEFAULT_DATA_DIR) == [] and edition_problems(paths.DEFAULT_DATA_DIR) == []


def test_the_synthetic_example_says_its_year(tmp_path):
    """``examples/synthetic_wave.py`` writes ``year`` (2024) into the wave's metadata."""
    from survey_helpers import synthetic_wave

    folder = synthetic_wave(tmp_path, n=30)
    edition = edition_of(folder)
    assert edition.year == 2024 and edition.synthetic and edition.wave_file == "survey/responses.csv"
    assert edition_warnings(folder) == []


def test_a_wave_and_its_metadata_are_recorded_as_read_even_when_absent(tmp_path):
    """A page run without a wave records the responses and metadata files it looked for, so the cache
    (which hashes a missing file as ``missing``) executes the page again when a wave or its metadata appears."""
    from report_lib import run_record
    from report_lib.publish.cache import read_hashes

    data = tmp_path / "data"
    shutil.copytree(paths.DEFAULT_DATA_DIR, data)
    run_record.reset()
    assert edition_of(data).year == 2023
    before = read_hashes(data, run_record.files_read())
    assert before["survey/responses.csv"] == "missing"
    shutil.copy(tiny_wave_data(tmp_path / "wave") / "survey" / "responses.csv", data / "survey" / "responses.csv")
    assert read_hashes(data, list(before)) != before
    run_record.reset()
    edition_of(data)
    assert run_record.files_read().count(META_FILE) == 1  # looked for, though the wave has none
    run_record.reset()
