"""Tests of report_lib.analysis.segment_comparison: segment minus all banks, qualifiers carried, ranked."""

import pandas as pd
import pytest

from report_lib.analysis.segment_comparison import compare_to_market, difference_qualifier, furthest, split_figures


@pytest.mark.parametrize("segment, market, expected", [
    ("exact", "exact", "exact"),
    ("approx", "exact", "approx"),
    ("at_least", "exact", "at_least"),
    ("exact", "at_least", "at_most"),
    ("at_least", "at_most", "at_least"),
    ("at_most", "at_least", "at_most"),
    ("at_least", "at_least", None),
    ("at_least", "approx", None),
])
def test_difference_qualifier(segment, market, expected):
    """Bounds carry over to the difference only when they point one way; otherwise not comparable."""
    assert difference_qualifier(segment, market) == expected


def test_state_owned_differences_are_computed_from_the_printed_values(dataset):
    """State-owned banks: interactive tech in use 66.6 vs 46.7 (+19.9 pp); scenario diversity 77.8 vs 90 (-12.2 pp)."""
    comparison = compare_to_market(dataset, "state_owned", chapter=2).set_index("segment_id")
    assert comparison.loc["c2_layout_interactive_in_use_state_owned", "difference_pp"] == pytest.approx(19.9)
    assert comparison.loc["c2_rights_factor_scenario_state_owned", "difference_pp"] == pytest.approx(-12.2)
    assert comparison.loc["c2_rights_factor_scenario_state_owned", "market_id"] == "c2_rights_factor_scenario_all"


def test_every_segment_figure_is_listed_and_unpaired_ones_have_no_difference(dataset):
    """Each segment row of figures.csv appears once; without an all-bank value there is no difference."""
    for segment in ("state_owned", "joint_stock", "regional"):
        comparison = compare_to_market(dataset, segment)
        expected = dataset.figures.loc[dataset.figures["segment"] == segment, "id"]
        assert sorted(comparison["segment_id"]) == sorted(expected)
        unpaired = comparison[comparison["market_id"] == ""]
        assert unpaired["difference_pp"].isna().all() and (unpaired["difference_qualifier"] == "").all()


def test_combined_groups_are_not_read_as_a_bank_type(dataset):
    """Figures for state-owned and joint-stock banks together never count for either."""
    ids = set(compare_to_market(dataset, "state_owned")["segment_id"]) | set(compare_to_market(dataset, "joint_stock")["segment_id"])
    assert not any(i.endswith("_state_joint") for i in ids)
    with pytest.raises(ValueError, match="bank type"):
        compare_to_market(dataset, "state_owned_joint_stock")


def test_furthest_ranks_above_and_below():
    """Largest positive first above, most negative first below; zero and NaN are neither."""
    comparison = pd.DataFrame({"segment_id": list("abcde"), "difference_pp": [5.0, -2.0, 12.0, float("nan"), -7.0]})
    above, below = furthest(comparison, top=2)
    assert list(above["segment_id"]) == ["c", "a"] and list(below["segment_id"]) == ["e", "b"]


def test_chapter_filter(dataset):
    """Chapter 1 has no figure by bank type, chapter 2 has."""
    assert compare_to_market(dataset, "regional", chapter=1).empty
    assert not compare_to_market(dataset, "regional", chapter=2).empty


def test_split_figures_holds_only_keys_with_a_bank_type_value(dataset):
    """Every row has a value for some bank type; all-bank-only figures (card counts) are absent."""
    wide = split_figures(dataset)
    assert (wide[["state_owned", "joint_stock", "regional"]].notna().any(axis=1)).all()
    assert "bank_cards" not in set(wide["topic"])
    row = wide[wide["subject"] == "factor_scenario_diversity"].iloc[0]
    assert (row["all_shown"], row["state_owned_shown"], row["regional_shown"]) == ("90|exact", "77.8|exact", "100|exact")
