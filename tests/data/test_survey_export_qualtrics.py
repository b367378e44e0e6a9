"""Qualtrics' header rows: recognised, checked (a missing one is named by its row), texts compared."""

from __future__ import annotations

import pytest

from report_lib.data.errors import DataError
from report_lib.data.survey.exports import qualtrics

HEADER = ["ResponseId", "Q1"]
TEXTS = ["Response ID", "Which bank?"]
IMPORTS = ['{"ImportId":"_recordId"}', '{"ImportId":"QID1"}']


def test_detect_by_import_row_or_response_id():
    assert qualtrics.detect([HEADER, TEXTS, IMPORTS])
    assert qualtrics.detect([["ResponseId", "x"], ["1", "2"]])
    assert not qualtrics.detect([["respondent_id", "segment"], ["r1", "regional"]])


def test_texts_of_a_complete_header(tmp_path):
    assert qualtrics.question_texts(tmp_path / "r.csv", [HEADER, TEXTS, IMPORTS], False) == {
        "ResponseId": "Response ID", "Q1": "Which bank?"}


@pytest.mark.parametrize("records, row", [([HEADER, IMPORTS, ["r1", "1"]], 2), ([HEADER, TEXTS, ["r1", "1"]], 3)])
def test_a_missing_header_row_is_named(tmp_path, records, row):
    with pytest.raises(DataError, match=rf"r.csv:{row}: column 'ResponseId'"):
        qualtrics.question_texts(tmp_path / "r.csv", records, True)


def test_text_matches_with_a_choice_suffix():
    assert qualtrics.text_matches("Which  bank? - Alpha", ("Which bank?", "哪家？"))
    assert not qualtrics.text_matches("Which tool?", ("Which bank?", ""))
