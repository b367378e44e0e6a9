"""Tests of report_lib.present.survey_tables: question blocks, share cells, topline and outline tables."""

from __future__ import annotations

import pandas as pd
import pytest

from report_lib.data.survey.questionnaire import load_questionnaire
from report_lib.present import survey_tables as st
from report_lib.present.labels import Labels


@pytest.fixture(scope="module")
def survey(dataset):
    return load_questionnaire(dataset.data_dir / "survey")


def numbers(survey) -> dict[str, int]:
    return {q.question_id: i for i, q in enumerate(survey.questions, start=1)}


def test_routed_question_names_the_option_and_question(dataset, survey):
    """crm_in_use is asked of those who answered 'Deployed' to crm_deployed (question 12), in both languages."""
    en, zh = Labels(dataset, "en"), Labels(dataset, "zh")
    assert st.asked_text(en, "crm_deployed=yes", numbers(survey), survey.option_table) == (
        "Asked of those who answered “Deployed” to question 12")
    assert st.asked_text(zh, "crm_deployed=yes", numbers(survey), survey.option_table) == "仅面向第12题选择“已部署”的受访者"
    assert st.asked_text(en, "all", numbers(survey), survey.option_table) == "Asked of all respondents"


def test_question_block_shows_both_wordings_as_text(dataset, survey):
    """A heading with an anchor; the page's language first, the other in italics; markup in the wording is escaped."""
    label = Labels(dataset, "zh")
    question = survey.question_table.iloc[0].copy()
    question["text_en"] = "Which *needs*? <b>"
    block = st.question_block(label, question, 1, numbers(survey), survey.option_table, n="120")
    assert block.startswith('<h2 class="report-question" id="question-core_needs">第1题（core_needs）</h2>')
    assert question["text_zh"] in block and '<em lang="en">Which *needs*? &lt;b&gt;</em>' in block
    assert "全部银行（n=120）" in block


def test_share_cell_and_n_cell(dataset):
    """A share with its interval; n with its effective n when weighted; empty without respondents."""
    en, zh = Labels(dataset, "en"), Labels(dataset, "zh")
    row = pd.Series({"value": 45.25, "ci_low": 38.1, "ci_high": 52.4, "unit": "percent"})
    assert st.share_cell(en, row) == "45.2% (38.1–52.4)"
    assert st.share_cell(zh, row) == "45.2%（38.1–52.4）"
    assert st.share_cell(en, pd.Series({**row, "value": float("nan")})) == ""
    assert st.n_cell(en, 111, 101.44, True) == "111 (effective 101.4)" and st.n_cell(en, 111, 111.0, False) == "111"


def test_topline_table_has_a_row_per_option_and_a_row_of_n(dataset):
    """Options in questionnaire order, a column per segment, n last; a segment nobody answered is blank."""
    label = Labels(dataset, "en")
    options = pd.DataFrame({"question_id": "q", "option_id": ["b", "a"], "label_en": ["Bee", "Ay"], "label_zh": ["乙", "甲"]})
    rows = pd.DataFrame({
        "question_id": "q", "option_id": ["a", "b", "a", "b"], "segment": ["all", "all", "regional", "regional"],
        "value": [25.0, 75.0, float("nan"), float("nan")], "ci_low": [20.0, 70.0] + [float("nan")] * 2,
        "ci_high": [30.0, 80.0] + [float("nan")] * 2, "n": [40, 40, 0, 0], "n_eff": [40.0, 40.0, 0.0, 0.0],
        "unit": "percent", "weighted": False})
    table = st.topline_table(label, rows, options, ["all", "regional"])
    assert list(table.iloc[:, 0]) == ["Bee", "Ay", "n"]
    assert list(table["All"]) == ["75.0% (70.0–80.0)", "25.0% (20.0–30.0)", "40"]
    assert table["Regional"].isna().all()


def test_outline_names_fed_figures_and_what_2023_printed(dataset, survey):
    """A printed figure shows per segment as printed (with qualifier); an unprinted answer shows its subject id."""
    from report_lib.analysis.survey_toplines import questionnaire_outline

    label = Labels(dataset, "en")
    outline = questionnaire_outline(survey.option_table, dataset.figures)
    table = st.outline_table(label, outline[outline["question_id"] == "crm_deployed"])
    printed, feeds = table["Printed in the 2023 report"], table["Figure of the book it feeds"]
    assert printed.iloc[0] == "All: ≥ 98%" and pd.isna(printed.iloc[1])
    assert feeds.iloc[0] == "Deployed · Customer relationship management platform"
    assert feeds.iloc[1] == "stage_not_deployed · Customer relationship management platform"
