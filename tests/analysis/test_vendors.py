"""Tests of report_lib.analysis.vendors: TOP30 coverage, claims per case, the capability matrix."""

from __future__ import annotations

import pandas as pd
import pytest

from report_lib.analysis import vendors


def test_named_per_category_keeps_every_category(dataset):
    """Each category appears, in report order, even when no name survives (count 0)."""
    named = vendors.named_per_category(dataset.table("vendors"), dataset.table("vendor_categories"))
    assert named["category_id"].tolist() == ["bank_tech_subsidiary", "bank_it_solution",
                                             "bank_digital_innovation", "core_technology"]
    assert named["named"].tolist() == [0, 0, 1, 1]


def test_named_per_category_reports_unplaced_listed_vendors():
    """A listed vendor without a category is counted in an extra row, not dropped."""
    table = pd.DataFrame({"vendor_id": ["a", "b"], "category_id": ["x", ""], "top30_listed": ["yes", "yes"]})
    categories = pd.DataFrame({"category_id": ["x"], "order": [1]})
    named = vendors.named_per_category(table, categories)
    assert named["named"].tolist() == [1, 1] and named["category_id"].tolist() == ["x", ""]


def test_list_coverage_counts_the_lost_names(dataset):
    """30 places, 2 readable names, 28 lost."""
    coverage = vendors.list_coverage(dataset.table("vendors"), 30)
    assert coverage == {"top30_places": 30, "top30_named": 2, "top30_lost": 28}


def test_list_coverage_refuses_more_names_than_places(dataset):
    """More listed vendors than places is a data error, not a negative count."""
    with pytest.raises(ValueError, match="places"):
        vendors.list_coverage(dataset.table("vendors"), 1)


def test_claims_per_case_counts_zero_for_a_case_without_figures(dataset):
    """Ant Group's case states no figure and still gets a row with 0."""
    counts = vendors.claims_per_case(dataset.figures, dataset.table("cases")).set_index("case_id")["claims"]
    assert counts.to_dict() == {"ant_morse": 0, "mashang_tianjing": 1, "bairong_ai": 9, "hulian_whitelist": 1}


def test_case_claims_link_by_topic(dataset):
    """Claims join their case through the case's claims_topic, and all are vendor claims."""
    claims = vendors.case_claims(dataset.figures, dataset.table("cases"))
    assert (claims["base"] == vendors.VENDOR_CLAIM).all()
    assert set(claims.loc[claims["case_id"] == "bairong_ai", "topic"]) == {"vendor_bairong_claims"}


def test_unassigned_claims_finds_an_orphan(dataset):
    """A vendor claim whose topic no case names is reported by id."""
    orphan = dataset.figures.iloc[[0]].assign(id="x1", base=vendors.VENDOR_CLAIM, topic="vendor_nobody_claims")
    figures = pd.concat([dataset.figures, orphan])
    assert vendors.unassigned_claims(figures, dataset.table("cases")) == ["x1"]


def test_capability_matrix_marks_only_quoted_cells(dataset):
    """The matrix has one True per row of vendor_capabilities, and unmarked pairs are False."""
    cells = dataset.table("vendor_capabilities")
    matrix = vendors.capability_matrix(cells, dataset.table("vendors"), dataset.table("capabilities"))
    assert int(matrix.to_numpy().sum()) == len(cells)
    assert matrix.loc["ant_group", "privacy_computing"] and not matrix.loc["xinlanxiang"].any()


def test_mismatched_cell_ids():
    """A cell id that names another vendor is reported."""
    cells = pd.DataFrame({"cell_id": ["a:p", "b:p"], "vendor_id": ["a", "c"], "capability_id": ["p", "p"]})
    assert vendors.mismatched_cell_ids(cells) == ["b:p"]


def test_count_against_source(dataset):
    """A table's row count is compared with the count the source prints."""
    figure = dataset.figure("c3_vendor_category_count")
    assert vendors.count_against_source(4, figure)["count_agrees"]
    assert not vendors.count_against_source(3, figure)["count_agrees"]
