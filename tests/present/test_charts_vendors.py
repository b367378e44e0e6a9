"""Tests of report_lib.present.charts.vendors: chapter-3 charts and display tables in both languages."""

from __future__ import annotations

import pytest

from report_lib.present import charts
from report_lib.analysis import vendors
from report_lib.present.labels import Labels


@pytest.fixture(params=["en", "zh"])
def label(request, dataset):
    return Labels(dataset, request.param)


def tables(dataset):
    return (dataset.table("vendors"), dataset.table("vendor_categories"), dataset.table("cases"),
            dataset.table("capabilities"), dataset.table("vendor_capabilities"))


def test_vendors_per_category_shows_the_lost_names(dataset, label):
    """The chart has one bar per category plus one for the lost names, whose count is 28."""
    vendor_list, categories, *_ = tables(dataset)
    named = vendors.named_per_category(vendor_list, categories)
    chart, data = charts.vendors_per_category(
        named, vendors.list_coverage(vendor_list, 30), categories, vendor_list, label, title="t")
    assert len(data) == len(categories) + 1
    assert data[label("column.vendor_count")].tolist() == [0, 0, 1, 1, 28]
    assert chart.to_dict()


def test_claims_per_case_chart(dataset, label):
    """One bar per case with its count; vendor names in the chart's language."""
    vendor_list, _, cases, *_ = tables(dataset)
    counts = vendors.claims_per_case(dataset.figures, cases)
    _, data = charts.claims_per_case(counts, cases, vendor_list, label, title="t")
    assert data[label("column.claims")].sum() == 11
    assert ("蚂蚁集团" in data[label("column.vendor")].tolist()) == (label.lang == "zh")


def test_capability_grid_has_every_pair_and_quotes_marked_ones(dataset, label):
    """The grid's table holds every vendor x capability pair; marked pairs carry their quote."""
    vendor_list, _, _, capabilities, cells = tables(dataset)
    matrix = vendors.capability_matrix(cells, vendor_list, capabilities)
    _, data = charts.capability_grid(matrix, cells, vendor_list, capabilities, label, title="t")
    assert len(data) == matrix.size
    marked = data[data[label("column.status")] == label("series.marked")]
    assert len(marked) == len(cells) and (marked[label("column.quote_zh")] != "").all()


def test_claims_table_describes_each_claim(dataset, label):
    """Each claim row says what it measures, the value as printed with its qualifier, and the quote."""
    vendor_list, _, cases, *_ = tables(dataset)
    table = charts.claims_table(vendors.case_claims(dataset.figures, cases), vendor_list, label)
    row = table.set_index("quote_zh", drop=False).loc["反应速度在500毫秒以内"]
    assert row["value"] == label.value("500", "milliseconds", "at_most")
    assert row["quote_zh"] == "反应速度在500毫秒以内" and row["claim_measure"]


def test_display_tables_say_what_is_lost(dataset, label):
    """Missing sub-indicators and weights are shown as lost, not blank; unknown categories as not stated."""
    dims = charts.dimensions_table(dataset.table("vendor_dimensions"), label)
    assert (dims["weight"] == label("cell.not_in_text")).all()
    vendor_list, categories, cases, *_ = tables(dataset)
    shown = charts.vendors_table(vendor_list, categories, cases, label)
    assert (shown["category_basis"] == label("category_basis.unknown")).sum() == 4


def test_case_summaries_one_paragraph_per_case(dataset, label):
    """The summaries come out as one Markdown paragraph per case, titled in the chapter's language."""
    vendor_list, _, cases, *_ = tables(dataset)
    text = charts.case_summaries(cases, vendor_list, label)
    assert text.count("\n\n") == len(cases) - 1
    assert cases[f"title_{label.lang}"].iloc[0] in text
