"""Checks of data/published/figures.csv against the source text and its own rules."""

from __future__ import annotations

import re

CHINESE_TENTHS = dict(zip("一二三四五六七八九", range(1, 10)))
QUOTE_COLUMNS = ("headline_zh",)
"""Columns of reference tables that hold exact quotes from the source, besides every ``*quote_zh`` column."""


def printed_forms(printed: str) -> list[str]:
    """Ways a value can appear in the source: as digits, as Chinese tenths (四成 = 40%), or a
    small whole number as a Chinese numeral (以下四点 = 4)."""
    digits = printed.lstrip("-")
    forms = [digits]
    number = float(digits)
    if number % 10 == 0 and 10 <= number <= 90:
        forms += [f"{zh}成" for zh, n in CHINESE_TENTHS.items() if n * 10 == number]
    if digits.isdigit() and 1 <= number <= 9:
        forms += [zh for zh, n in CHINESE_TENTHS.items() if n == number]
    return forms


def test_figures_cover_every_chapter(dataset):
    """Well over 100 figures, from chapters 1-4 (chapter 5, the expert voices, prints no number)."""
    figures = dataset.figures
    assert len(figures) > 100
    assert set(figures["chapter"]) == {1, 2, 3, 4}


def test_every_quote_is_verbatim_in_the_source(dataset, source_text):
    """Each quote_zh occurs exactly as written in the source text."""
    missing = [row.id for row in dataset.figures.itertuples() if row.quote_zh not in source_text]
    assert missing == []


def test_every_quote_contains_its_value(dataset):
    """Each quote contains the number as printed (or its Chinese tenths form)."""
    wrong = [row.id for row in dataset.figures.itertuples()
             if not any(form in row.quote_zh for form in printed_forms(row.value_printed))]
    assert wrong == []


def test_quotes_are_short(dataset):
    """Quotes are short provenance, not passages: at most 60 characters."""
    assert dataset.figures["quote_zh"].str.len().max() <= 60


def mismatched(dataset, pattern: str, qualifier: str) -> list[str]:
    """Ids whose quote shows ``pattern`` (with {v} for the value) but whose qualifier differs."""
    wrong = []
    for row in dataset.figures.itertuples():
        value = re.escape(row.value_printed.lstrip("-"))
        if re.search(pattern.format(v=value), row.quote_zh) and row.qualifier != qualifier:
            wrong.append(row.id)
    return wrong


def test_plus_sign_means_at_least(dataset):
    """A value printed with '+' (83%+, 98+%, 83.3% +) is qualified at_least."""
    assert mismatched(dataset, r"(?<![\d.]){v}\s*%?\s*\+", "at_least") == []


def test_yue_means_approx(dataset):
    """A value printed right after 约 (about) is qualified approx."""
    assert mismatched(dataset, r"约{v}(?![\d.])", "approx") == []


def test_flagged_figures_explain_themselves(dataset):
    """Every flagged figure has a note that says why."""
    figures = dataset.figures
    assert (figures.loc[figures["flag"] != "", "note"].str.len() > 20).all()


def test_known_inconsistencies_are_flagged(dataset):
    """The contradictions found by both readers keep their published values and carry the flag."""
    for figure_id in ("c1_credit_yoy_2023q1_text", "c1_card_growth_2018_text",
                      "c1_marketing_investment_growth_forecast_headline", "c2_layout_crm_deployed"):
        assert "inconsistent" in dataset.figure(figure_id)["flag"].split(";"), figure_id


def test_reconstructed_series_are_flagged(dataset):
    """All levels of the two jumbled chart series are marked reconstructed."""
    for topic in ("bank_cards", "credit_cards"):
        levels = dataset.figures[(dataset.figures["topic"] == topic)
                                 & dataset.figures["subject"].isin(["cards_cumulative", "credit_cards_in_use"])]
        assert len(levels) >= 5
        assert levels["flag"].str.contains("reconstructed").all()


def test_shares_are_percentages(dataset):
    """Shares lie between 0 and 100."""
    shares = dataset.figures[dataset.figures["unit"] == "percent"]["value"]
    assert shares.between(0, 100).all()


def test_segments_are_bank_types_or_documented(dataset):
    """Every segment used is defined, with its kind and Chinese source terms."""
    segments = dataset.table("segments").set_index("segment")
    for segment in set(dataset.figures["segment"]):
        assert segments.loc[segment, "kind"] in {"market", "bank_type", "combined", "subgroup"}


def reference_quotes(dataset):
    """Yield ``(table, key, column, quote)`` for every non-empty quote cell of every reference table."""
    from report_lib.data.catalog import REFERENCE_TABLES

    for spec in REFERENCE_TABLES:
        frame = dataset.table(spec.name)
        for column in frame.columns:
            if column.endswith("quote_zh") or column in QUOTE_COLUMNS:
                for key, quote in zip(frame[spec.key], frame[column]):
                    if quote:
                        yield spec.name, key, column, quote


def test_reference_tables_with_quotes_are_checked(dataset):
    """The quote checks below do reach the new chapter-4 and chapter-5 tables (the loop is not empty)."""
    tables = {table for table, *_ in reference_quotes(dataset)}
    assert {"policies", "tools", "tool_grades", "tool_classes", "vendors", "cases", "vendor_capabilities",
            "trends", "structure_needs", "experts", "expert_themes"} <= tables


def test_reference_quotes_are_verbatim(dataset, source_text):
    """Every quote in every reference table (policies, tools, trends, experts, theme cells, ...) occurs in the source."""
    missing = [(t, k, c) for t, k, c, q in reference_quotes(dataset) if q not in source_text]
    assert missing == []


def test_reference_quotes_are_short(dataset):
    """Reference quotes are short provenance too: at most 60 characters."""
    long = [(t, k, c, len(q)) for t, k, c, q in reference_quotes(dataset) if len(q) > 60]
    assert long == []


def test_announced_counts_keep_the_source_contradiction(dataset):
    """The structure needs announced as four but listed as three stay as printed and flagged."""
    announced = dataset.figure("c4_structure_needs_announced")
    assert announced["value"] == 4 and "inconsistent" in announced["flag"].split(";")
    assert len(dataset.table("structure_needs")) == 3


def test_tool_parents_are_tools(dataset):
    """A tool's parent_tool names another tool of tools.csv."""
    tools = dataset.table("tools")
    parents = set(tools["parent_tool"]) - {""}
    assert parents and parents <= set(tools["tool_id"])
