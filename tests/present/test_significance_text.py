"""Tests of report_lib.present.significance_text: the opening names the test and ranks with n and interval."""

from __future__ import annotations

import pandas as pd

from report_lib.present.labels import Labels
from report_lib.present.significance_text import significance_sentences, significance_table


def ranked() -> pd.DataFrame:
    return pd.DataFrame({
        "topic": "t", "subject": ["need_user_reach", "need_traffic_upgrade"], "category": "", "chapter": 2,
        "question_id": "core_needs", "option_id": ["user_reach", "traffic_upgrade"], "value": [57.0, 20.0],
        "ci_low": [47.3, 14.0], "ci_high": [66.2, 27.6], "n": [111, 111], "n_eff": [101.4, 101.4],
        "others_value": [27.0, 35.0], "difference_pp": [30.0, -15.0], "p_value": [0.0, 0.004],
        "test": "two_proportion_z_effective_n"})


def test_sentence_names_test_count_and_items(dataset):
    """The test comes from the rows' test column; items carry value, interval, n, other banks and difference."""
    label = Labels(dataset, "en")
    tested = pd.concat([ranked()] * 3)
    sentence = significance_sentences(label, "state_owned", tested, ranked(), top=1)[0]
    assert "two-proportion z-test on effective sample sizes" in sentence and "2 of 6 differ" in sentence
    assert "57.0% (95% interval 47.3–66.2, n=111) against 27.0% for the other banks, +30.0 pp" in sentence
    assert "20.0%" not in sentence  # top=1


def test_no_significant_difference_says_so(dataset):
    """Nothing significant: one sentence with the number tested, in Chinese too."""
    label = Labels(dataset, "zh")
    sentence = significance_sentences(label, "regional", ranked(), ranked().iloc[0:0])[0]
    assert "2项中没有一项差异显著" in sentence and "双样本比例z检验" in sentence


def test_table_lists_every_difference_in_order(dataset):
    """One row per ranked difference, with question, interval, n and p-value."""
    table = significance_table(Labels(dataset, "en"), "state_owned", ranked())
    assert list(table["Question"]) == ["core_needs", "core_needs"]
    assert list(table["State-owned"]) == ["57.0% (47.3–66.2)", "20.0% (14.0–27.6)"]
    assert list(table["p-value"]) == ["< 0.0001", "0.0040"]


def test_a_bare_answer_is_named_with_its_question(dataset):
    """A figure named only "Yes" reads with its question's wording; a named figure keeps its name."""
    label = Labels(dataset, "en")
    rows = ranked().assign(question_text="Do you need it?", option_label=["Yes", "Traffic upgrade"])
    rows["subject"] = ["no_label_subject", "need_traffic_upgrade"]
    assert significance_table(label, "regional", rows)["Figure"].iloc[1] == label("subject.need_traffic_upgrade")
    bare = rows.assign(option_label=["no label subject", "x"])
    assert significance_table(label, "regional", bare)["Figure"].iloc[0] == "no label subject (“Do you need it?”)"
