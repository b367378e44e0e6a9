"""Tests of report_lib.analysis.experts: roster, views and counts."""

import pandas as pd

from report_lib.analysis import experts

TABLE = pd.DataFrame({
    "expert_id": ["b", "a", "c"], "order": [2, 1, 3], "view_id": ["v2", "v1", "v2"],
    "name_zh": ["乙", "甲", "丙"], "name_en": ["B", "A", "C"], "company_zh": ["二", "一", "二"],
    "company_en": ["Two", "One", "Two"], "title_zh": ["总", "长", "经理"], "title_en": ["Head", "Chief", "Manager"],
    "summary_en": ["shared view", "own view", "shared view"],
})


def test_roster_is_in_source_order_and_language():
    """Experts come in source order with names and companies in the chosen language."""
    roster = experts.roster(TABLE, "zh")
    assert roster["expert"].tolist() == ["甲", "乙", "丙"]
    assert roster["company"].tolist() == ["一", "二", "二"]


def test_views_group_experts_sharing_a_page():
    """Two experts on one page make one view."""
    views = experts.views(TABLE)
    assert views.to_dict("list") == {"view_id": ["v1", "v2"], "experts": ["a", "b;c"], "n_experts": [1, 2]}
    assert experts.counts(TABLE).iloc[0].tolist() == [3, 2, 2]


def test_the_source_has_nine_experts_on_eight_pages(dataset):
    """The published roster: nine experts, eight pages (Lingyan's two share one)."""
    assert experts.counts(dataset.table("experts")).iloc[0].tolist() == [9, 8, 8]
