"""Tests of report_lib.analysis.segment_sizes: the one place that knows each segment's n."""

from report_lib.present.labels import Labels
from report_lib.analysis.segment_sizes import segment_sizes
from report_lib.present.labels import n_text


def test_market_n_is_the_stated_sample(dataset):
    """All banks: the stated 120 respondents."""
    assert segment_sizes(dataset, "all") == [120]
    assert n_text(Labels(dataset, "en"), "all") == "n=120"


def test_bank_type_n_is_inferred_and_says_so(dataset):
    """Bank types: inferred sizes, marked as inferred in both languages; both tied sizes shown."""
    assert segment_sizes(dataset, "joint_stock") == [48]
    assert n_text(Labels(dataset, "en"), "regional") == "n=18 / 36, inferred"
    assert n_text(Labels(dataset, "zh"), "joint_stock") == "n=48，推断"
    assert n_text(Labels(dataset, "zh"), "regional") == "n=18或36，推断"


def test_sub_group_n_is_not_published(dataset):
    """City commercial banks, a sub-group of regional banks: no size can be inferred."""
    assert segment_sizes(dataset, "city_commercial") == []
    assert n_text(Labels(dataset, "zh"), "city_commercial") == "样本量未公布"
