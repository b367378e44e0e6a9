"""Tests of report_lib.present.vendor_tables: chapter 3's display tables in both languages."""

from __future__ import annotations

from report_lib.analysis import vendors
from report_lib.present import vendor_tables
from report_lib.present.escape import markdown_text
from label_checks import label  # noqa: F401  (fixture)


def test_claims_table_describes_each_claim(dataset, label):
    """Each claim row says what it measures, the value as printed with its qualifier, and the quote."""
    table = vendor_tables.claims_table(vendors.case_claims(dataset.figures, dataset.table("cases")), label)
    row = table.set_index("quote_zh", drop=False).loc["反应速度在500毫秒以内"]
    assert row["value"] == label.value("500", "milliseconds", "at_most")
    assert row["quote_zh"] == "反应速度在500毫秒以内" and row["claim_measure"]


def test_display_tables_say_what_is_lost(dataset, label):
    """Missing sub-indicators and weights are shown as lost, not blank; unknown categories as not stated."""
    dims = vendor_tables.dimensions_table(dataset.table("vendor_dimensions"), label)
    assert (dims["weight"] == label("cell.not_in_text")).all()
    shown = vendor_tables.vendors_table(dataset.table("vendors"), dataset.table("cases"), label)
    assert (shown["category_basis"] == label("category_basis.unknown")).sum() == 4
    assert set(shown["vendor_category"]) - {""} <= set(dataset.table("vendor_categories")[f"name_{label.lang}"])


def test_case_summaries_one_paragraph_per_case(dataset, label):
    """The summaries come out as one Markdown paragraph per case, titled in the chapter's language."""
    cases = dataset.table("cases")
    text = vendor_tables.case_summaries(cases, label)
    assert text.count("\n\n") == len(cases) - 1
    assert markdown_text(vendor_tables.title(cases.iloc[0], label.lang)) in text


def test_case_summaries_escape_data_strings(dataset, label):
    """Markup in a case's title or summary is escaped; the bold around vendor and title stays."""
    cases = dataset.table("cases").head(1).assign(**{f"summary_{label.lang}": "<img src=x onerror=alert(1)> [a](javascript:x)"})
    text = vendor_tables.case_summaries(cases, label)
    assert text.startswith("**") and "\\<img src=x onerror=alert\\(1\\)\\> \\[a\\]\\(javascript:x\\)" in text


def test_marks_count_the_capability_matrix(dataset, label):
    """Marks per vendor and per capability both add up to the marked cells, names in the label's language."""
    cells = dataset.table("vendor_capabilities")
    matrix = vendors.capability_matrix(cells, dataset.table("vendors"), dataset.table("capabilities"))
    per_vendor, per_capability = vendor_tables.marks_per_vendor(matrix, label), vendor_tables.marks_per_capability(
        matrix, label)
    assert per_vendor["capabilities_marked"].sum() == per_capability["vendors_marked"].sum() == len(cells)
    assert label.name("vendors", matrix.index[0]) == per_vendor["vendor"].iloc[0]
