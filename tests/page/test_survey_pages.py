"""Tests of report_lib.page.survey_pages: what the toplines and comparison pages show, with and without a wave."""

from __future__ import annotations

import pandas as pd
import pytest

from report_lib.page import survey_pages
from report_lib.page.page import open_page
from report_lib.present.tables import Table
from survey_helpers import synthetic_wave


@pytest.fixture(scope="module")
def wave_dir(tmp_path_factory):
    return synthetic_wave(tmp_path_factory.mktemp("pages"), n=240, weighted=True)


@pytest.fixture()
def book(tmp_path, monkeypatch):
    """A scratch book root, so CSV downloads land in tmp_path/_build/.site-static."""
    (tmp_path / "_config.yml").write_text("title: t\n")
    (tmp_path / "reference").mkdir()
    monkeypatch.chdir(tmp_path / "reference")
    return tmp_path


def test_toplines_of_a_wave_cover_every_question(wave_dir, book):
    """One block and one table per question; the CSV holds every option x segment, with intervals."""
    page = open_page(str(wave_dir), "en")
    parts = survey_pages.toplines_sections(page)
    survey = survey_pages.questionnaire(page)
    assert len(parts) == 2 * len(survey.questions)
    assert all(isinstance(p, Table) for p in parts[1::2])
    link = survey_pages.toplines_download(page)
    assert "toplines.csv" in link.data
    written = pd.read_csv(book / "_build" / ".site-static" / "chart-data" / "toplines.csv", encoding="utf-8-sig")
    assert len(written) == 4 * len(survey.option_table) and {"ci_low", "ci_high", "n_eff", "text_zh"} <= set(written)
    assert "weighted" in survey_pages.toplines_statement(page)


def test_2023_toplines_are_the_questionnaire(book):
    """Without responses: the reconstructed questionnaire, each option with what 2023 printed (zh labels in zh)."""
    page = open_page(None, "zh")
    assert not survey_pages.has_answers(page)
    statement = survey_pages.toplines_statement(page)
    assert "只有问卷" in statement and "37道题" in statement
    tables = [p.frame for p in survey_pages.toplines_sections(page)[1::2]]
    assert len(tables) == 37 and all("2023年报告所载" in t.columns for t in tables)
    survey_pages.toplines_download(page)
    written = pd.read_csv(book / "_build" / ".site-static" / "chart-data" / "toplines-zh.csv", encoding="utf-8-sig",
                          keep_default_na=False)
    assert len(written) == len(survey_pages.questionnaire(page).option_table) and written["question_note"].str.startswith("Reconstruction").any()
    assert written.loc[written["option_id"] == "no", "printed_ids"].eq("").all()


def test_comparison_with_a_wave_links_each_row_to_its_chapter(wave_dir, book):
    """A linked heading per chapter, then its table whose figures link to it; the statement counts the figures."""
    page = open_page(str(wave_dir), "en")
    parts = survey_pages.comparison_parts(page)
    headings, tables = parts[0::2], parts[1::2]
    assert '<a href="../chapters/02_current_state.html">Chapter 2</a>' in headings[0].data
    assert all(h.startswith("../chapters/0") and h.endswith(".html") for t in tables for h in t.hrefs)
    frame = pd.concat([t.frame for t in tables])
    assert "≥\u00a083%" in set(frame["2023 report"]) and frame["Change"].str.startswith("≤").any()
    assert survey_pages.comparison_statement(page).startswith("This book was built from a survey wave.")


def test_comparison_without_a_wave_lists_what_a_wave_would_be_compared_with(book):
    """The 2023 folder: no new values, the statement says there is no wave."""
    page = open_page(None, "en")
    tables = survey_pages.comparison_parts(page)[1::2]
    assert tables and all("This wave (95% interval)" not in t.frame.columns for t in tables)
    assert "no survey wave" in survey_pages.comparison_statement(page)
