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


@pytest.fixture(scope="module")
def changed_dir(tmp_path_factory):
    from survey_helpers import changed_wave

    return changed_wave(tmp_path_factory.mktemp("changed"))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_comparison_of_a_changed_questionnaire_keeps_2023_values_and_lists_what_is_not_comparable(changed_dir, book, lang):
    """Not asked: the 2023 value stays, said so; reworded: marked; an unmapped or new answer: listed, never paired."""
    page = open_page(str(changed_dir), lang)
    label = page.label
    parts = survey_pages.comparison_parts(page)
    frame = pd.concat([p.frame for p in parts[1:-3:2]])
    figure, new = label("column.figure"), label("column.new_value")
    not_asked = frame[frame[new] == label("comparison.not_asked")]
    assert len(not_asked) == 4 and not_asked[label("column.published_2023")].notna().all()
    assert frame[figure].str.endswith(label("comparison.reworded_figure").format(figure="")).sum() == 3  # by bank type
    assert label("comparison.not_comparable_heading") in parts[-3].data
    listed = parts[-1].frame
    answers = set(listed[label("column.answer")])
    assert len(listed) == 5 and ("Data compliance" if lang == "en" else "数据合规") in answers
    reasons = listed[label("column.reason")].value_counts()
    assert reasons[label("comparison.reason_new_question")] == 4 and reasons[label("comparison.reason_unmapped")] == 1
    statement = survey_pages.comparison_statement(page)
    assert label("comparison.status_changed").format(not_asked=1, new=1, reworded=1, unmapped=1) in statement


def test_a_renamed_answer_mapped_by_the_crosswalk_is_compared(changed_dir, book):
    """deploy_mode's on_premise is local_deployment in the wave: paired with its 2023 figure; without the crosswalk row, not."""
    import shutil

    page = open_page(str(changed_dir), "en")
    csv = survey_pages.comparison_file(page)
    assert csv is not None
    rows = survey_pages._comparison(page)[0]
    on_premise = rows[(rows["subject"] == "mode_on_premise") & (rows["topic"] == "deployment_mode")]
    assert set(on_premise["option_id"]) == {"local_deployment"} and on_premise["new_value"].notna().all()
    unmapped = book / "unmapped"
    shutil.copytree(changed_dir, unmapped)
    crosswalk = unmapped / "survey" / "crosswalk.csv"
    crosswalk.write_text("\n".join(l for l in crosswalk.read_text().splitlines() if "local_deployment" not in l) + "\n")
    rows = survey_pages._comparison(open_page(str(unmapped), "en"))[0]
    on_premise = rows[(rows["subject"] == "mode_on_premise") & (rows["topic"] == "deployment_mode")]
    assert on_premise["new_value"].isna().all() and set(on_premise["wave_change"]) == {"not_comparable"}
