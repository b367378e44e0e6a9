"""Tests of report_lib.analysis.growth: growth from printed levels, checked within rounding."""

import pandas as pd
import pytest

from report_lib.analysis.growth import (check_rate, check_year_on_year_claims, compare_growth,
                               growth_interval, same_quarter_last_year)


def test_growth_interval_brackets_the_point_estimate():
    """The interval of growth between two printed levels contains the plain ratio."""
    low, high = growth_interval("85.3", "78.3")
    assert low < 8.94 < high


def test_compare_growth_recomputes_and_checks():
    """Recomputed growth matches a consistent rate and rejects a wrong one."""
    levels = pd.Series(["78.3", "85.3", "89.8"], index=["2018", "2019", "2020"])
    published = pd.Series(["16.99", "8.94", "6.00"], index=["2018", "2019", "2020"])
    result = compare_growth(levels, published)
    assert pd.isna(result.loc["2018", "recomputed_growth"])  # no earlier level
    assert result.loc["2019", "recomputed_growth"] == pytest.approx(8.94, abs=0.01)
    assert bool(result.loc["2019", "consistent"]) is True
    assert bool(result.loc["2020", "consistent"]) is False


def test_rounding_edge_is_consistent():
    """A rate just inside the rounding range of the levels counts as consistent."""
    assert check_rate("8.02", "8.00", "0.37")["consistent"]  # max 8.025/7.995 - 1 = 0.375%
    assert not check_rate("8.02", "8.00", "0.40")["consistent"]


def test_year_on_year_claims_show_which_comparison_fits():
    """A 'year-on-year' rate that only fits the quarter-on-quarter change is exposed."""
    levels = pd.Series(["8.02", "8.07", "8.07", "7.98", "7.91"],
                       index=["2022Q1", "2022Q2", "2022Q3", "2022Q4", "2023Q1"])
    result = check_year_on_year_claims(levels, pd.Series(["-0.84"], index=["2023Q1"]))
    assert bool(result.loc["2023Q1", "yoy_consistent"]) is False
    assert bool(result.loc["2023Q1", "qoq_consistent"]) is True
    assert same_quarter_last_year("2022Q4") == "2021Q4"


def test_published_reconstruction_agrees(dataset):
    """The reconstructed bank-card and credit-card series agree with every checkable published rate."""
    for topic, levels, growth in (("bank_cards", "cards_cumulative", "cards_cumulative_growth"),
                                  ("credit_cards", "credit_cards_in_use", "credit_cards_in_use_growth")):
        result = compare_growth(dataset.series(topic, levels), dataset.series(topic, growth))
        assert result["consistent"].dropna().all(), topic
