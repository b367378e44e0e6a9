"""Tests of report_lib.analysis.survey_toplines: the toplines of the synthetic wave equal a pandas recount of its responses."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from report_lib.analysis.survey_toplines import bases, questionnaire_outline, toplines
from report_lib.analysis.wave_dataset import with_wave
from report_lib.data.dataset import load_dataset
from report_lib.data.survey.questionnaire import MEAN_OPTION, load_questionnaire
from survey_helpers import synthetic_wave

SEGMENTS = ["all", "state_owned", "joint_stock", "regional"]


def pandas_share(responses: pd.DataFrame, question, option: str, segment: str, weighted: bool) -> tuple[float, int]:
    """Share (percent) choosing ``option`` among those of ``segment`` who answered ``question``, and their n."""
    answered = responses[list(question.columns)].notna().any(axis=1)
    base = responses[answered & ((responses["segment"] == segment) | (segment == "all"))]
    weight = base["weight"] if weighted else pd.Series(1.0, index=base.index)
    if option == MEAN_OPTION:
        return float((weight * base[question.question_id]).sum() / weight.sum()), len(base)
    if question.kind == "multi":
        chosen = base[question.option_column(option)] == 1
    elif question.kind == "scale":
        chosen = base[question.question_id] == int(option)
    else:
        chosen = base[question.question_id].astype(str) == option
    return float(100 * (weight * chosen).sum() / weight.sum()), len(base)


@pytest.fixture(scope="module", params=[False, True], ids=["unweighted", "weighted"])
def wave(request, tmp_path_factory):
    data = synthetic_wave(tmp_path_factory.mktemp("toplines"), n=400, weighted=request.param)
    return data, request.param


def test_toplines_equal_a_pandas_recount(wave):
    """Every share and n, for all banks and each bank type, is what pandas counts in responses.csv."""
    data, weighted = wave
    survey = load_questionnaire(data / "survey")
    table = toplines(with_wave(load_dataset(data)).figures, survey.option_table, SEGMENTS)
    responses = pd.read_csv(data / "survey" / "responses.csv", dtype={"respondent_id": str})
    assert len(table) == len(survey.option_table) * len(SEGMENTS)
    for row in table.itertuples():
        value, n = pandas_share(responses, survey.question(row.question_id), row.option_id, row.segment, weighted)
        assert row.n == n, (row.question_id, row.option_id, row.segment)
        assert row.value == pytest.approx(value, abs=0.051), (row.question_id, row.option_id, row.segment)
        assert bool(row.weighted) is weighted
        if row.option_id != MEAN_OPTION:
            assert row.ci_low <= row.value <= row.ci_high


def test_every_question_appears_in_questionnaire_order(wave):
    """Questions no chapter shows still have rows, in the order of options.csv."""
    data, _ = wave
    survey = load_questionnaire(data / "survey")
    table = toplines(with_wave(load_dataset(data)).figures, survey.option_table, SEGMENTS)
    assert list(dict.fromkeys(table["question_id"])) == [q.question_id for q in survey.questions]
    assert set(bases(table).columns) == set(SEGMENTS)


def test_toplines_without_a_wave_are_empty_rows():
    """The published data has no computed rows: every option is there, with no value and n 0."""
    dataset = load_dataset()
    survey = load_questionnaire(dataset.data_dir / "survey")
    table = toplines(dataset.figures, survey.option_table, SEGMENTS)
    assert table["value"].isna().all() and (table["n"] == 0).all()


def test_outline_names_the_printed_figures_all_banks_first():
    """An option whose figure the report printed lists its ids, all banks first; others list none."""
    dataset = load_dataset()
    survey = load_questionnaire(dataset.data_dir / "survey")
    outline = questionnaire_outline(survey.option_table, dataset.figures).set_index(["question_id", "option_id"])
    printed = outline.loc[("rights_factors", "scenario_diversity"), "printed_ids"]
    assert printed[0] == "c2_rights_factor_scenario_all" and "c2_rights_factor_scenario_state_owned" in printed
    assert outline.loc[("effect_positive", "no"), "printed_ids"] == []
    assert len(outline) == len(survey.option_table)
