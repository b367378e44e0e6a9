"""Checks of the chapter-3 reference tables against the source text and against each other."""

from __future__ import annotations

import pytest

from report_lib.analysis.vendors import mismatched_cell_ids, unassigned_claims

QUOTED = {
    "vendor_dimensions": ("dimension_id", ("quote_zh",)),
    "vendor_categories": ("category_id", ("quote_zh",)),
    "vendors": ("vendor_id", ("quote_zh", "name_zh")),
    "cases": ("case_id", ("quote_zh", "title_zh")),
    "vendor_capabilities": ("cell_id", ("quote_zh",)),
}
CHAPTER_START, CHAPTER_END = "03/卓越者评选&典型厂商案例", "04/银行营销数字化行业"


@pytest.fixture(scope="module")
def chapter_three(source_text) -> str:
    """The text of chapter 3 of the source, from its title page to the title of chapter 4."""
    start, end = source_text.index(CHAPTER_START), source_text.index(CHAPTER_END)
    return source_text[start:end]


def quotes(dataset):
    for table, (key, columns) in QUOTED.items():
        frame = dataset.table(table)
        for column in columns:
            for row_key, quote in zip(frame[key], frame[column]):
                yield table, row_key, column, quote


def test_every_table_with_a_quote_is_checked(dataset):
    """Each chapter-3 table that has a quote column is in the list checked here."""
    from report_lib.data.catalog import VENDOR_TABLES

    with_quotes = {spec.name for spec in VENDOR_TABLES if "quote_zh" in spec.columns}
    assert with_quotes <= set(QUOTED)


def test_quotes_are_verbatim_in_chapter_three(dataset, chapter_three):
    """Every quote (and printed name or headline) occurs exactly in chapter 3 of the source."""
    missing = [(t, k, c) for t, k, c, q in quotes(dataset) if q not in chapter_three]
    assert missing == []


def test_quotes_are_short(dataset):
    """Quotes are provenance, not passages: at most 60 characters."""
    long = [(t, k, c) for t, k, c, q in quotes(dataset) if len(q) > 60]
    assert long == []


def test_a_changed_quote_is_caught(dataset, chapter_three):
    """The check is not vacuous: a quote with one character changed is not in the source."""
    quote = dataset.table("vendor_capabilities")["quote_zh"].iloc[0]
    assert quote in chapter_three and quote[:-1] + "X" not in chapter_three


def test_printed_counts_match_the_tables(dataset):
    """The source's four dimensions and four categories are the rows of the two tables."""
    assert len(dataset.table("vendor_dimensions")) == dataset.figure("c3_vendor_dimension_count")["value"]
    assert len(dataset.table("vendor_categories")) == dataset.figure("c3_vendor_category_count")["value"]


def test_no_weights_or_sub_indicators_are_invented(dataset):
    """The indicator chart is lost: no sub-indicator or weight is filled in."""
    dimensions = dataset.table("vendor_dimensions")
    assert (dimensions["sub_indicators_en"] == "").all() and dimensions["weight"].isna().all()


def test_category_only_with_a_basis(dataset):
    """A vendor has a category exactly when the basis is stated or inferred."""
    vendors = dataset.table("vendors")
    assert ((vendors["category_id"] != "") == (vendors["category_basis"] != "unknown")).all()


def test_listed_names_are_few(dataset):
    """Only the two names readable on the logo pages are marked as on the TOP30 list."""
    vendors = dataset.table("vendors")
    assert sorted(vendors.loc[vendors["top30_listed"] == "yes", "name_zh"]) == ["微盛・企微管家", "心蓝象智联"]


def test_every_vendor_claim_belongs_to_a_case(dataset):
    """Each figure with base vendor_claim has a topic that a case names as its claims_topic."""
    assert unassigned_claims(dataset.figures, dataset.table("cases")) == []


def test_each_case_has_its_own_claims_topic(dataset):
    """No two cases share a claims topic, and every case's vendor is in the vendor table."""
    cases = dataset.table("cases")
    assert cases["claims_topic"].is_unique
    assert set(cases["vendor_id"]) <= set(dataset.table("vendors")["vendor_id"])


def test_cell_ids_name_their_vendor_and_capability(dataset):
    """cell_id is vendor_id:capability_id of its own row."""
    assert mismatched_cell_ids(dataset.table("vendor_capabilities")) == []


def test_case_cells_quote_their_own_case(dataset):
    """A cell quoted from a case study belongs to that case's vendor."""
    cells = dataset.table("vendor_capabilities")
    cases = dataset.table("cases").set_index("case_id")
    from_case = cells[cells["case_id"] != ""]
    assert (from_case["case_id"].map(cases["vendor_id"]) == from_case["vendor_id"]).all()


def test_summaries_are_not_verbatim(dataset, source_text):
    """Case summaries are written fresh: none contains a run of 8 Chinese characters from the source."""
    import re

    for summary in dataset.table("cases")["summary_en"]:
        for run in re.findall(r"[\u4e00-\u9fff]{8,}", summary):
            assert run not in source_text
