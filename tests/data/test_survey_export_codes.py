"""Codes, value labels and option texts become option ids; what cannot is a reject text naming why."""

from __future__ import annotations

import pandas as pd

from report_lib.data.survey.exports.codes import (REJECT, VIA_CODES, VIA_LABELS, VIA_MISSING, VIA_TEXT, cell_map,
                                                  multi_cell_map, option_keys)

OPTIONS = pd.DataFrame({"option_id": ["a", "b"], "label_zh": ["甲", "乙"], "label_en": ["Alpha", "Beta"],
                        "code": ["1", "2"]})


def test_option_keys_name_each_option_and_how():
    keys, via = option_keys(OPTIONS)
    assert keys == {"Alpha": "a", "Beta": "b", "甲": "a", "乙": "b", "1": "a", "2": "b", "a": "a", "b": "b"}
    assert via["甲"] == VIA_TEXT and via["1"] == VIA_CODES and "a" not in via


def test_value_labels_map_codes_and_missing_codes_are_empty():
    keys, via = option_keys(OPTIONS.drop(columns="code"))
    mapping = cell_map("q", "Q1", keys, via, {"1": "甲", "2": "Beta", "98": "不知道"}, ((98.0, 98.0),))
    assert mapping.known["1"] == "a" and mapping.known["2"] == "b" and mapping.known["98"] is None
    assert mapping.via["1"] == VIA_LABELS and mapping.via["98"] == VIA_MISSING
    assert mapping.otherwise.startswith(REJECT) and "{value}" in mapping.otherwise


def test_label_matching_no_option_and_missing_code_that_is_an_option_are_rejects():
    keys, via = option_keys(OPTIONS.drop(columns="code"))
    mapping = cell_map("q", "Q1", keys, via, {"3": "丙", "98": "乙"}, ((98.0, 98.0),))
    assert mapping.known["3"].startswith(REJECT) and "value label '丙'" in mapping.known["3"]
    assert mapping.known["98"].startswith(REJECT) and "declared user-missing" in mapping.known["98"]


def test_scale_passes_numbers_through():
    assert cell_map("s", "S", {"1": "1"}, {}, pass_through=True).otherwise is None


def test_multi_option_column_takes_one_zero_and_the_option_text():
    keys, via = option_keys(OPTIONS)
    mapping = multi_cell_map("m", "a", "M_1", keys, via, ((98.0, 98.0),), ("(跳过)",))
    assert mapping.known["1"] == "1" and mapping.known["0"] == "0" and mapping.known["Alpha"] == "1"
    assert "Beta" not in mapping.known and mapping.known["(跳过)"] is None and mapping.known["98"] is None
