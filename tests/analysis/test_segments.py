"""Tests of report_lib.analysis.segments: the bank types a chapter can be rendered for."""

import pytest

from report_lib.analysis.segments import bank_types, check_segment, segment_ids


def test_three_bank_types(dataset):
    """The survey's three bank types, in display order."""
    assert bank_types(dataset) == ["state_owned", "joint_stock", "regional"]


def test_all_segment_ids_start_with_the_market(dataset):
    """Every segment id is listed, the market first."""
    ids = segment_ids(dataset)
    assert ids[0] == "all" and {"state_owned_joint_stock", "city_commercial"} <= set(ids)


def test_unknown_segment_names_the_choices(dataset):
    """A typo in the segment parameter is refused with the valid ids."""
    assert check_segment(dataset, "regional") == "regional"
    with pytest.raises(ValueError, match="all, state_owned, joint_stock, regional; got 'rural'"):
        check_segment(dataset, "rural")


def test_segment_figures_finds_a_split_and_its_absence(dataset):
    """Chapter 2 has figures for regional banks; chapter 3 has none (its page says so)."""
    from report_lib.analysis.segments import segment_figures

    assert not segment_figures(dataset.figures, "regional", (2,)).empty
    assert segment_figures(dataset.figures, "regional", (3,)).empty
    assert not segment_figures(dataset.figures, "all", (3,)).empty
    assert len(segment_figures(dataset.figures, "regional")) >= len(segment_figures(dataset.figures, "regional", (2,)))
