"""A wave's figures under the 2023 keys: mapped answers take the 2023 key, the rest a key no published figure has."""

from __future__ import annotations

import pandas as pd

from report_lib.analysis import questionnaire_change as change
from report_lib.data.survey.crosswalk import Crosswalk

BASE_OPTIONS = pd.DataFrame({
    "question_id": ["mode", "mode", "factors", "factors"], "option_id": ["on_premise", "cloud", "security", "cost"],
    "topic": ["modes", "modes", "factors", "factors"], "subject": ["mode_on_premise", "mode_cloud", "f_security", "f_cost"],
    "category": ["", "", "", ""], "unit": ["percent"] * 4, "label_en": ["On premise", "Cloud", "Security", "Cost"],
})
BASE_QUESTIONS = pd.DataFrame({"question_id": ["mode", "factors"], "chapter": ["2", "2"]})
WAVE_OPTIONS = pd.DataFrame({
    "question_id": ["mode", "mode", "mode", "genai", "genai"], "option_id": ["local", "cloud", "edge", "yes", "no"],
    "topic": ["modes", "", "modes", "", ""], "subject": ["mode_on_premise", "", "mode_cloud", "", ""],
    "category": [""] * 5, "unit": ["percent", "", "", "", ""], "label_en": ["Local", "Cloud", "Edge", "Yes", "No"],
})
CROSSWALK = Crosswalk(
    questions={"mode": "mode"},
    options={("mode", "local"): ("mode", "on_premise", "same"), ("mode", "cloud"): ("mode", "cloud", "reworded")},
    not_asked=("factors",), new=("genai",), wave_unmapped=(("mode", "edge"),), base_unmapped=(),
)


def keyed() -> pd.DataFrame:
    return change.keyed_options(WAVE_OPTIONS, BASE_OPTIONS, CROSSWALK).set_index(["question_id", "option_id"])


def test_a_renamed_answer_takes_the_2023_key_and_a_reworded_one_is_marked():
    rows = keyed()
    assert tuple(rows.loc[("mode", "local"), ["topic", "subject", "wave_change"]]) == ("modes", "mode_on_premise", "")
    assert tuple(rows.loc[("mode", "cloud"), ["subject", "unit", "wave_change"]]) == ("mode_cloud", "percent", "reworded")
    assert rows.loc[("mode", "local"), "base_option_id"] == "on_premise"


def test_an_unmapped_answer_never_keeps_a_2023_key_even_when_its_options_csv_names_one():
    rows = keyed()
    edge = rows.loc[("mode", "edge")]
    assert (edge["topic"], edge["subject"], edge["wave_change"]) == ("wave__mode", "wave__mode__edge", "not_comparable")
    assert rows.loc[("genai", "yes"), "wave_change"] == "new"
    published_keys = set(zip(BASE_OPTIONS["topic"], BASE_OPTIONS["subject"]))
    assert not {tuple(k) for k in rows.loc[rows["wave_change"].isin(["new", "not_comparable"]), ["topic", "subject"]]
                .itertuples(index=False)} & published_keys


def test_computed_rows_are_rekeyed_and_a_new_question_keeps_its_chapter():
    computed = pd.DataFrame({
        "id": ["a", "b", "c"], "chapter": [4, 2, 4], "topic": ["x", "x", "x"], "subject": ["y", "y", "y"],
        "category": ["", "", ""], "unit": ["percent"] * 3, "segment": ["all"] * 3, "value": [10.0, 20.0, 30.0],
        "question_id": ["mode", "mode", "genai"], "option_id": ["local", "edge", "yes"],
    })
    out = change.to_base_keys(computed, change.keyed_options(WAVE_OPTIONS, BASE_OPTIONS, CROSSWALK),
                              BASE_QUESTIONS, CROSSWALK).set_index("id")
    assert tuple(out.loc["a", ["topic", "subject", "chapter"]]) == ("modes", "mode_on_premise", 2)
    assert out.loc["b", "subject"] == "wave__mode__edge" and out.loc["c", "chapter"] == 4
    assert list(out["value"]) == [10.0, 20.0, 30.0]


def test_2023_figures_of_a_question_not_asked_are_marked_and_computed_ones_are_not():
    keys = change.unanswered(BASE_OPTIONS, CROSSWALK)
    assert set(keys["subject"]) == {"f_security", "f_cost"} and set(keys["wave_change"]) == {"not_asked"}
    figures = pd.DataFrame({
        "id": ["p1", "p2", "w1"], "topic": ["factors", "modes", "modes"], "subject": ["f_security", "mode_cloud", "mode_cloud"],
        "category": ["", "", ""], "question_id": [None, None, "mode"], "wave_change": [None, None, "reworded"],
    })
    out = change.mark_unanswered(figures, keys).set_index("id")
    assert out.loc["p1", "wave_change"] == "not_asked" and out.loc["p1", "base_question_id"] == "factors"
    assert out.loc["p2", "wave_change"] == "" and out.loc["w1", "wave_change"] == "reworded"


def test_a_2023_answer_without_a_counterpart_is_not_comparable():
    crosswalk = Crosswalk(questions={"mode": "mode"}, options={("mode", "cloud"): ("mode", "cloud", "same")},
                          not_asked=(), new=(), wave_unmapped=(), base_unmapped=(("mode", "on_premise"),))
    keys = change.unanswered(BASE_OPTIONS, crosswalk)
    assert list(keys["subject"]) == ["mode_on_premise"] and list(keys["wave_change"]) == ["not_comparable"]


def test_new_question_rows_are_the_chapters_shares():
    figures = pd.DataFrame({"question_id": ["genai", "genai", "genai", "mode"], "option_id": ["yes", "mean", "yes", "x"],
                            "segment": ["all", "all", "regional", "all"], "chapter": [4, 4, 4, 4],
                            "unit": ["percent", "score_5", "percent", "percent"],
                            "wave_change": ["new", "new", "new", ""]})
    assert len(change.new_question_rows(figures, 4)) == 2 and change.new_question_rows(figures, 2).empty
