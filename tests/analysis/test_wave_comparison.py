"""Tests of report_lib.analysis.wave_comparison: 2023 value, new value, change, with bounds and flags carried."""

from __future__ import annotations

import pandas as pd
import pytest

from report_lib.analysis.wave_comparison import comparable_published, compare_with_published, summary

SEGMENTS = ["all", "state_owned", "joint_stock", "regional"]


def published() -> pd.DataFrame:
    rows = [  # id, topic, subject, segment, value, printed, qualifier, flag
        ("p_exact", "t", "a", "all", 40.0, "40", "exact", ""),
        ("p_bound", "t", "b", "regional", 83.3, "83.3", "at_least", ""),
        ("p_flag", "t", "c", "all", 3.33, "3.33", "exact", "inconsistent"),
        ("p_approx", "t", "d", "all", 56.0, "56", "approx", "uncertain"),
        ("p_combined", "t", "a", "state_owned_joint_stock", 50.0, "50", "exact", ""),
        ("p_unfed", "u", "z", "all", 10.0, "10", "exact", ""),
    ]
    frame = pd.DataFrame(rows, columns=["id", "topic", "subject", "segment", "value", "value_printed", "qualifier", "flag"])
    return frame.assign(chapter=2, category="", unit="percent")


def computed() -> pd.DataFrame:
    rows = [("t", "a", "all", 45.5), ("t", "b", "regional", 70.0), ("t", "c", "all", 17.3), ("t", "d", "all", 60.0),
            ("t", "a", "regional", 30.0)]
    frame = pd.DataFrame(rows, columns=["topic", "subject", "segment", "value"])
    return frame.assign(category="", unit="percent", id="x", ci_low=frame["value"] - 5, ci_high=frame["value"] + 5,
                        n=100, question_id="q", option_id=frame["subject"])


def test_rows_pair_published_with_new_values():
    """Only keys in both appear; the change is new minus published, in points."""
    comparison = compare_with_published(published(), computed(), SEGMENTS).set_index("id")
    assert sorted(comparison.index) == ["p_approx", "p_bound", "p_exact", "p_flag"]
    assert comparison.loc["p_exact", "change"] == pytest.approx(5.5)
    assert comparison.loc["p_exact", "change_qualifier"] == "exact"
    assert comparison.loc["p_exact", "n"] == 100


def test_a_bound_makes_the_change_a_bound():
    """Published "83.3%+" (at least): the true change is at most 70 - 83.3 = -13.3 points."""
    row = compare_with_published(published(), computed(), SEGMENTS).set_index("id").loc["p_bound"]
    assert row["change"] == pytest.approx(-13.3) and row["change_qualifier"] == "at_most"
    assert row["qualifier"] == "at_least"


def test_flags_and_approximations_travel():
    """A flagged 2023 figure keeps its flag; an approximate one makes the change approximate."""
    comparison = compare_with_published(published(), computed(), SEGMENTS).set_index("id")
    assert comparison.loc["p_flag", "flag"] == "inconsistent"
    assert comparison.loc["p_flag", "change"] == pytest.approx(14.0)
    assert comparison.loc["p_approx", "change_qualifier"] == "approx"
    assert summary(comparison.reset_index()) == {"count": 4, "bounds": 1, "approx": 1, "flagged": 2,
                                                   "unanswered": 0}


def test_without_a_wave_the_comparable_figures_are_listed():
    """Fed keys of all banks and bank types only (no combined group, no unfed figure)."""
    options = pd.DataFrame({"topic": ["t"] * 4, "subject": list("abcd"), "category": [""] * 4})
    listed = comparable_published(published(), options, SEGMENTS)
    assert list(listed["id"]) == ["p_exact", "p_bound", "p_flag", "p_approx"]


def test_a_2023_figure_the_wave_did_not_ask_stays_with_no_new_value():
    """A published row marked not asked is listed with its 2023 value, no new value, no change; not counted as compared."""
    figures = pd.concat([published().assign(question_id="", wave_change=""), computed().assign(wave_change="")],
                        ignore_index=True)
    figures.loc[figures["id"] == "p_flag", "wave_change"] = "not_asked"
    figures = figures[~((figures["subject"] == "c") & (figures["question_id"] == "q"))]
    rows = compare_with_published(published(), figures, SEGMENTS).set_index("id")
    assert rows.loc["p_flag", "wave_change"] == "not_asked" and pd.isna(rows.loc["p_flag", "new_value"])
    assert rows.loc["p_flag", "value"] == 3.33 and pd.isna(rows.loc["p_flag", "change"])
    assert rows.loc["p_exact", "wave_change"] == "" and rows.loc["p_exact", "change"] == 5.5
    counts = summary(rows.reset_index())
    assert counts["count"] == len(rows) - 1 and counts["unanswered"] == 1
