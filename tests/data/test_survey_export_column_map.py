"""survey/columns.csv: checked row by row; resolved against a file's header; the fixed names still apply."""

from __future__ import annotations

import pytest

from report_lib.data.errors import DataError
from report_lib.data.survey.exports.column_map import plan_columns, read_column_map
from report_lib.data.survey.questionnaire import load_questionnaire
from survey_helpers import tiny_wave


def _map(tmp_path, text: str):
    data = tiny_wave(tmp_path)
    (data / "survey" / "columns.csv").write_text(text, encoding="utf-8")
    questionnaire = load_questionnaire(data / "survey")
    return data, questionnaire


def test_rows_resolve_and_unmapped_columns_are_ignored(tmp_path):
    data, questionnaire = _map(tmp_path, "source_column,question_id,option_id\nID,respondent_id,\nQ1,q_single,\n"
                                         "Q2,q_multi,\n")
    rows = read_column_map(data / "survey", questionnaire)
    plan = plan_columns(data / "r.csv", ["ID", "segment", "Q1", "Q2", "q_routed", "q_scale", "extra"], rows, questionnaire)
    assert plan.direct["respondent_id"] == "ID" and plan.direct["q_single"] == "Q1" and plan.direct["segment"] == "segment"
    assert plan.joined == {"q_multi": ("Q2", None)}
    assert plan.ignored == ("extra",) and plan.renamed == 3
    assert plan.source_of("q_multi__x") == "Q2"


@pytest.mark.parametrize("text, expected", [
    ("source_column,question_id,option_id\nQ1,nope,\n", "columns.csv:2: column 'question_id': 'nope' is not a question"),
    ("source_column,question_id,option_id\nQ1,q_single,a\n", "column 'option_id': an option column is for a multi-select"),
    ("source_column,question_id,option_id\nQ1,q_multi,w\n", "column 'option_id': 'w' is not an option of 'q_multi'"),
    ("source_column,question_id,option_id\nQ1,q_single,\nQ1,q_scale,\n", "columns.csv:3: column 'source_column': 'Q1' is already mapped"),
    ("source_column,question_id\nQ1,q_single\n", "columns.csv:1: column 'option_id': required column is missing"),
])
def test_bad_rows_are_named_by_line(tmp_path, text, expected):
    data, questionnaire = _map(tmp_path, text)
    with pytest.raises(DataError, match=expected.replace("(", r"\(").replace(")", r"\)")):
        read_column_map(data / "survey", questionnaire)


def test_mapped_column_absent_from_the_file(tmp_path):
    data, questionnaire = _map(tmp_path, "source_column,question_id,option_id\nQ9,q_single,\n")
    rows = read_column_map(data / "survey", questionnaire)
    with pytest.raises(DataError, match=r"r.csv:1: column 'Q9': mapped to 'q_single' by survey/columns.csv \(line 2\)"):
        plan_columns(data / "r.csv", ["respondent_id"], rows, questionnaire)
