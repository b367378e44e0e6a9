"""The shape of a responses file: told from the file, or from source: when it cannot be; contradictions are errors."""

from __future__ import annotations

import pytest

from report_lib.data.errors import DataError
from report_lib.data.survey.exports.shape import declared_source, read_raw


def test_declared_source(tmp_path):
    assert declared_source({"source": "qualtrics"}, tmp_path / "m.yaml") == "qualtrics"
    assert declared_source({"source": "examples/synthetic_wave.py"}, tmp_path / "m.yaml") is None
    with pytest.raises(DataError, match="'surveymonkey' is not one of"):
        declared_source({"source": "surveymonkey"}, tmp_path / "m.yaml")


def test_shapes_of_csv_files(tmp_path):
    canonical = tmp_path / "responses.csv"
    canonical.write_text("respondent_id,segment\nr1,regional\n", encoding="utf-8")
    assert read_raw(canonical).shape == "canonical"
    assert read_raw(canonical, "wenjuanxing").shape == "wenjuanxing"
    wjx = tmp_path / "wjx.csv"
    wjx.write_text("序号,提交答卷时间,1、银行？\n1,2023,国有六大行\n", encoding="utf-8")
    assert read_raw(wjx).shape == "wenjuanxing"
    with pytest.raises(DataError, match="responses.csv:3:.*source: qualtrics in responses.meta.yaml, but row 3"):
        read_raw(canonical, "qualtrics")
    with pytest.raises(DataError, match="source: spss in responses.meta.yaml, but the file is not .sav"):
        read_raw(canonical, "spss")
