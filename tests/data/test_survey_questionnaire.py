"""The 2023 questionnaire in data/survey: complete, routed sensibly, and keyed to the data of record."""

from __future__ import annotations

import pandas as pd
import pytest

from report_lib import paths
from report_lib.data.errors import DataError
from report_lib.data.survey.questionnaire import load_questionnaire

SURVEY = paths.DEFAULT_DATA_DIR / "survey"
UNKEYED = {
    "c2_layout_user_rights_in_use": "same measure as rights_progress=deployed_in_use, kept under another topic",
    "c2_layout_user_rights_has_plan": "a sum of progress stages (every stage but no_plan)",
    "c2_layout_udap_deployed": "a sum of progress stages (deployed, in use or not)",
    "c2_layout_udap_in_use_state_joint": "of two bank types together, and a sum of stages",
    "c2_crm_score_all_dims_over80": "a score as a share of the maximum, not a share of respondents",
    "c2_security_privacy_important": "a sum of two scale values (100 and 80)",
}
"""Published survey figures no single option can feed, and why (the report prints them as sums or repeats)."""


@pytest.fixture(scope="module")
def questionnaire():
    return load_questionnaire(SURVEY)


def test_questionnaire_loads(questionnaire):
    """37 questions of the three kinds, five of them routed."""
    kinds = pd.Series([q.kind for q in questionnaire.questions]).value_counts().to_dict()
    assert len(questionnaire.questions) == 37 and kinds == {"single": 29, "multi": 7, "scale": 1}
    assert sum(q.asked_of is not None for q in questionnaire.questions) == 5


def test_every_published_survey_share_has_an_option_or_a_reason(questionnaire):
    """Each share of respondents in figures.csv is fed by exactly one option, or listed in UNKEYED."""
    figures = pd.read_csv(paths.DEFAULT_DATA_DIR / "published" / "figures.csv", dtype=str, keep_default_na=False)
    bases = pd.read_csv(paths.DEFAULT_DATA_DIR / "reference" / "bases.csv", dtype=str, keep_default_na=False)
    survey = figures[figures["base"].isin(bases.loc[bases["survey"] == "yes", "base"])]
    options = questionnaire.option_table
    keys = set(zip(options["topic"], options["subject"], options["category"]))
    unkeyed = {row.id for row in survey.itertuples() if (row.topic, row.subject, row.category) not in keys}
    assert unkeyed == set(UNKEYED)
    assert not options.duplicated(["topic", "subject", "category"]).any()


def test_every_question_notes_what_is_reconstruction(questionnaire):
    """The report publishes no questionnaire: every question says what was reconstructed."""
    assert (questionnaire.question_table["note"].str.len() > 20).all()


def test_options_feed_topics_of_the_data_of_record(questionnaire):
    """Every option's topic is a topic of figures.csv (new subjects are fine: options the report does not print)."""
    figures = pd.read_csv(paths.DEFAULT_DATA_DIR / "published" / "figures.csv", dtype=str)
    assert set(questionnaire.option_table["topic"]) <= set(figures["topic"])


def test_a_bad_routing_rule_is_reported(tmp_path):
    """asked_of must name an option of another question."""
    (tmp_path / "questions.csv").write_text((SURVEY / "questions.csv").read_text(encoding="utf-8").replace(
        "crm_deployed=yes", "crm_deployed=maybe", 1), encoding="utf-8")
    (tmp_path / "options.csv").write_text((SURVEY / "options.csv").read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(DataError, match=r"questions.csv:\d+: column 'asked_of': 'crm_deployed=maybe'"):
        load_questionnaire(tmp_path)


def test_routing_names_the_column_and_value_that_ask_a_question():
    """A routed question is asked of respondents whose parent cell holds the option (a multi's option column: 1)."""
    from report_lib import paths
    from report_lib.data.survey.questionnaire import load_questionnaire

    questionnaire = load_questionnaire(paths.DEFAULT_DATA_DIR / "survey")
    assert questionnaire.routing(questionnaire.question("crm_in_use")) == ("crm_deployed", "yes")
    assert questionnaire.routing(questionnaire.question("scrm_channels")) == ("crm_products__scrm_system", "1")
    assert questionnaire.routing(questionnaire.question("core_needs")) is None
