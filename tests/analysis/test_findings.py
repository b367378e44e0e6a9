"""Computed findings: the leading segment, a majority, a direction."""

from __future__ import annotations

import pandas as pd

from report_lib.analysis import findings

SEGMENTS = ("state_owned", "joint_stock", "regional")


def figures(values: dict[str, float]) -> pd.DataFrame:
    return pd.DataFrame({"topic": "t", "subject": "s", "segment": list(values), "value": list(values.values()),
                         "id": [f"f_{s}" for s in values]})


def test_leader_is_the_highest_bank_type():
    assert findings.leading_segment(figures({"state_owned": 10, "joint_stock": 30, "regional": 20}), "t", "s",
                                    SEGMENTS) == "joint_stock"


def test_no_leader_on_a_tie_or_a_missing_bank_type():
    assert findings.leading_segment(figures({"state_owned": 30, "joint_stock": 30, "regional": 20}), "t", "s",
                                    SEGMENTS) is None
    assert findings.leading_segment(figures({"state_owned": 30, "regional": 20}), "t", "s", SEGMENTS) is None


def test_majority_and_direction():
    assert findings.is_majority(50.1) and not findings.is_majority(50.0)
    assert findings.is_rare(4.9) and not findings.is_rare(5.0)  # the 2023 public-cloud share 1.7% is rare
    assert [findings.direction(1, 2), findings.direction(2, 1), findings.direction(2, 2)] == ["up", "down", "same"]
