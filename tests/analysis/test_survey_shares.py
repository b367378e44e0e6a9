"""Survey aggregation against hand-computed small cases: weighted and unweighted, routing, missing answers."""

from __future__ import annotations

import pytest

from report_lib.analysis.survey_shares import FIGURE_COLUMNS, wave_figures
from report_lib.data.survey.wave import load_wave
from survey_helpers import tiny_wave


def figure(figures, question, option, segment="all"):
    rows = figures[(figures.question_id == question) & (figures.option_id == option) & (figures.segment == segment)]
    assert len(rows) == 1, (question, option, segment)
    return rows.iloc[0]


@pytest.fixture(scope="module")
def unweighted(tmp_path_factory):
    return wave_figures(load_wave(tiny_wave(tmp_path_factory.mktemp("u"))))


@pytest.fixture(scope="module")
def weighted(tmp_path_factory):
    return wave_figures(load_wave(tiny_wave(tmp_path_factory.mktemp("w"), weighted=True)))


def test_single_share_is_of_those_who_answered(unweighted):
    """r4 left q_single empty: the base is the 5 who answered, a = 3/5."""
    row = figure(unweighted, "q_single", "a")
    assert (row.value, row.n, row.n_eff) == (60.0, 5, 5.0)
    assert figure(unweighted, "q_single", "b").value == 20.0


def test_multi_share_each_option_of_those_who_answered(unweighted):
    """Multi: x chosen by r1, r2, r6 of the 5 who answered; r4 (all empty) is not in the base."""
    assert (figure(unweighted, "q_multi", "x").value, figure(unweighted, "q_multi", "x").n) == (60.0, 5)
    assert figure(unweighted, "q_multi", "y", "state_owned").value == 50.0


def test_routed_base_is_those_routed_who_answered(unweighted):
    """q_routed went to r1, r3, r6 (chose a); r6 did not answer: yes = 1/2."""
    row = figure(unweighted, "q_routed", "yes")
    assert (row.value, row.n) == (50.0, 2)
    regional = figure(unweighted, "q_routed", "yes", "regional")
    assert (regional.value, regional.n) == (0.0, 1)


def test_scale_mean_and_distribution(unweighted):
    """Scale answers 5, 4, 2, 3, 1: mean 3.0, one in five at 5; regional (2, 1) mean 1.5."""
    assert figure(unweighted, "q_scale", "mean").value == 3.0
    assert figure(unweighted, "q_scale", "5").value == 20.0
    assert figure(unweighted, "q_scale", "mean", "regional").value == 1.5


def test_weighted_shares_and_kish_n(weighted):
    """Weights 2, 1, 1, 3, 0.5, 1.5: a = 4.5/6; n stays 5, n_eff = 6^2/8.5 = 4.2."""
    row = figure(weighted, "q_single", "a")
    assert (row.value, row.n, row.n_eff) == (75.0, 5, 4.2)
    assert figure(weighted, "q_multi", "x").value == 75.0
    routed = figure(weighted, "q_routed", "yes")
    assert (routed.value, routed.n, routed.n_eff) == (66.7, 2, 1.8)
    assert figure(weighted, "q_scale", "mean").value == 2.9  # 23 / 8 = 2.875


def test_rows_have_the_data_of_record_schema(unweighted):
    """Computed rows start with the figures.csv columns, carry the question as provenance, one decimal."""
    assert tuple(unweighted.columns[: len(FIGURE_COLUMNS)]) == FIGURE_COLUMNS
    row = figure(unweighted, "q_single", "a", "regional")
    assert row.provenance == "q_single@survey/responses.csv"
    assert (row.topic, row.subject, row.base) == ("t_q_single", "s_a", "respondents_segment")
    assert (unweighted.value.dropna() * 10 % 1 == 0).all()


def test_bank_type_tested_against_the_others(unweighted):
    """state_owned (a: 1/2) is compared with the other respondents (a: 2/3)."""
    row = figure(unweighted, "q_single", "a", "state_owned")
    assert row.others_value == 66.7
    assert row.test == "two_proportion_z_effective_n" and not row.significant
