"""Tests of report_lib.sample_size: the one place that knows each segment's n."""

from report_lib.labels import Labels
from report_lib.sample_size import n_text, segment_n


def test_market_n_is_the_stated_sample(dataset):
    """All banks: the stated 120 respondents."""
    assert segment_n(dataset, "all") == 120
    assert n_text(Labels(dataset, "en"), "all") == "n=120"


def test_bank_type_n_is_not_published(dataset):
    """Bank types: not stated by the source, shown as such in both languages."""
    assert segment_n(dataset, "regional") is None
    assert n_text(Labels(dataset, "en"), "regional") == "n not published"
    assert n_text(Labels(dataset, "zh"), "regional") == "样本量未公布"
