"""Tests of report_lib.analysis.segment_significance: only significant differences, largest first."""

from __future__ import annotations

import pandas as pd

from report_lib.analysis.segment_significance import significant_differences, rows_tested


def frame() -> pd.DataFrame:
    rows = [  # question, option, segment, chapter, unit, value, others, p, significant
        ("q1", "a", "regional", 2, "percent", 30.0, 50.0, 0.001, True),
        ("q1", "b", "regional", 2, "percent", 60.0, 40.0, 0.001, True),  # a multi question: 30 + 60 is not 100
        ("q2", "a", "regional", 2, "percent", 60.0, 35.0, 0.0001, True),
        ("q2", "b", "regional", 2, "percent", 40.0, 45.0, 0.3, False),
        ("q3", "a", "regional", 4, "percent", 10.0, 60.0, 0.0, True),
        ("q4", "mean", "regional", 2, "score_100", 80.0, None, None, False),
        ("q1", "a", "state_owned", 2, "percent", 90.0, 20.0, 0.0, True),
        ("", "", "regional", 2, "percent", 99.0, None, None, False),
    ]
    columns = ["question_id", "option_id", "segment", "chapter", "unit", "value", "others_value", "p_value", "significant"]
    data = pd.DataFrame(rows, columns=columns)
    return data.assign(topic="t", subject=data["question_id"] + data["option_id"], category="", ci_low=data["value"] - 5,
                       ci_high=data["value"] + 5, n=100, n_eff=90.0, test="two_proportion_z_effective_n")


def test_ranks_significant_differences_by_size():
    """|60-35| = 25 before the two 20-point ones (in questionnaire order); the non-significant one is left out."""
    ranked = significant_differences(frame(), "regional", chapter=2)
    assert list(zip(ranked["question_id"], ranked["option_id"])) == [("q2", "a"), ("q1", "a"), ("q1", "b")]
    assert list(ranked["difference_pp"]) == [25.0, -20.0, 20.0]


def test_tested_rows_leave_out_means_other_segments_and_published_rows():
    """Scale means are not tested; another bank type's rows and published rows are not this one's."""
    tested = rows_tested(frame(), "regional", chapter=2)
    assert len(tested) == 4 and set(tested["segment"]) == {"regional"}


def test_all_chapters_when_none_given():
    """Without a chapter, chapter 4's 50-point difference ranks first."""
    ranked = significant_differences(frame(), "regional")
    assert ranked.iloc[0]["question_id"] == "q3" and ranked.iloc[0]["difference_pp"] == -50.0


def test_published_data_has_nothing_tested(dataset):
    """The data of record (no wave) has no tested rows and no ranking."""
    assert rows_tested(dataset.figures, "regional").empty
    assert significant_differences(dataset.figures, "regional").empty


def test_a_yes_no_question_differs_once():
    """Two complementary options (60/40 against 35/65) are tested and rank once, by the first option."""
    data = frame()
    extra = data.iloc[[2, 3]].copy()
    extra["question_id"], extra["option_id"] = "q5", ["yes", "no"]
    extra["value"], extra["others_value"], extra["p_value"], extra["significant"] = [60.0, 40.0], [35.0, 65.0], 0.001, True
    assert list(rows_tested(pd.concat([data, extra]), "regional", 2)["option_id"]).count("no") == 0
    ranked = significant_differences(pd.concat([data, extra]), "regional", chapter=2)
    assert list(ranked.loc[ranked["question_id"] == "q5", "option_id"]) == ["yes"]
    assert list(ranked.loc[ranked["question_id"] == "q1", "option_id"]) == ["a", "b"]
