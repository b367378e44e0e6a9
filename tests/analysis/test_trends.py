"""Tests of report_lib.analysis.trends: figures per trend, announced versus listed counts, derived services."""

import pandas as pd
import pytest

from report_lib.analysis import trends


def test_trend_figures_counts_by_topic():
    """A trend counts the figures of its topics; a trend without topics counts 0."""
    table = pd.DataFrame({"trend_id": ["b", "a"], "order": [2, 1], "figure_topics": ["t1;t2", ""]})
    figures = pd.DataFrame({"topic": ["t1", "t2", "t2", "t3"]})
    assert trends.trend_figures(table, figures).to_dict("list") == {
        "trend_id": ["a", "b"], "order": [1, 2], "figures": [0, 3]}


def test_announced_vs_listed_finds_the_missing_structure_need(dataset):
    """The text announces four structure needs and lists three."""
    check = trends.announced_vs_listed(dataset.figures, "structure_needs_announced_count", dataset.table("structure_needs"))
    assert check.loc[0, ["announced", "listed", "matches"]].tolist() == [4, 3, False]


@pytest.mark.parametrize("share, n, k", [(63.3, 120, 76), (85, 120, 102), (95, 120, 114)])
def test_implied_count(share, n, k):
    """The whole number of respondents nearest a share."""
    assert trends.implied_count(share, n) == k


def test_derived_services_merges_the_double_printing(dataset):
    """The need for derivative services is one subject printed twice; 63.3% fits 76 of 120."""
    summary = trends.derived_services(dataset.figures, dataset.table("bases")).set_index("subject")
    assert summary.loc["need_derived_services", "printings"] == 2
    assert summary.loc["willing_to_pay_derived_services", "implied_k"] == 76
    assert summary["k_fits"].all()


def test_share_of_share():
    """63.3 of 85 is 74.5 percent."""
    assert trends.share_of_share(63.3, 85) == 74.5


def test_derived_services_reads_an_approximate_share_as_within_one_unit():
    """'约85%' of 25 fits 21/25 = 84% (one unit off), as the sample-size inference reads it; exact rounding would say no."""
    figures = pd.DataFrame([{"topic": "derived_service_demand", "segment": "all", "subject": "need", "id": "x",
                             "value": 85.0, "value_printed": "85", "qualifier": "approx", "base": "b"}])
    summary = trends.derived_services(figures, pd.DataFrame({"base": ["b"], "n": [25.0]}))
    assert summary.loc[0, "implied_k"] == 21 and summary.loc[0, "k_fits"]
    exact = trends.derived_services(figures.assign(qualifier="exact"), pd.DataFrame({"base": ["b"], "n": [25.0]}))
    assert not exact.loc[0, "k_fits"]
