"""A .sav file reads with its codes, value labels and user-missing codes (kept, to be told from answers)."""

from __future__ import annotations

import pandas as pd
import pyreadstat

from report_lib.data.survey.exports.spss import code_text, read_sav


def test_read_sav_keeps_codes_labels_and_missing(tmp_path):
    frame = pd.DataFrame({"respondent_id": ["r1", "r2"], "segment": [1.0, 98.0]})
    pyreadstat.write_sav(frame, str(tmp_path / "r.sav"), variable_value_labels={"segment": {1.0: "国有六大行", 98.0: "不知道"}},
                         missing_ranges={"segment": [98]})
    records, labels, missing = read_sav(tmp_path / "r.sav")
    assert records["segment"].tolist() == [1.0, 98.0]
    assert labels["segment"] == {"1": "国有六大行", "98": "不知道"}
    assert missing["segment"] == ((98.0, 98.0),)
    assert code_text(2.0) == "2" and code_text(2.5) == "2.5"
