"""Tests of report_lib.present.footer: footers follow the plotted figures."""

from report_lib.present.footer import chart_footer
from report_lib.present.labels import Labels


def test_footer_names_source_base_and_n(dataset):
    """A survey figure's footer gives the source and the base with n=120."""
    rows = dataset.figures[dataset.figures["base"] == "respondents_all"].head(2)
    footer = chart_footer(rows, Labels(dataset))
    assert footer.startswith("Source: iResearch")
    assert "All respondents (n=120)" in footer


def test_footer_says_when_n_is_not_published(dataset):
    """A segment base has no published n: bank types point to the inferred n per bar, a sub-group says not published."""
    rows = dataset.figures[dataset.figures["base"] == "respondents_segment"]
    bank_types = rows[rows["segment"].isin(["state_owned", "regional"])].head(2)
    assert "n not published; inferred, shown on each bar" in chart_footer(bank_types, Labels(dataset))
    sub_group = rows[rows["segment"] == "city_commercial"]
    footer = chart_footer(sub_group, Labels(dataset))
    assert "n not published" in footer and "inferred" not in footer


def test_footer_lists_flagged_ids(dataset):
    """Flagged figures are named in the footer, so a reader can look them up."""
    rows = dataset.select(topic="marketing_investment")
    footer = chart_footer(rows, Labels(dataset))
    assert "inconsistent (2: c1_marketing_investment_growth_forecast_headline" in footer


def test_footer_changes_with_the_data(dataset):
    """Removing the flag from the plotted rows removes it from the footer."""
    rows = dataset.select(topic="marketing_investment").assign(flag="")
    assert "inconsistent" not in chart_footer(rows, Labels(dataset))


def test_footer_in_chinese(dataset):
    """The Chinese footer uses the Chinese source name, labels and punctuation (full-width colon, 。)."""
    rows = dataset.select(topic="bank_cards").head(1)
    footer = chart_footer(rows, Labels(dataset, "zh"))
    assert footer.startswith("来源：艾瑞咨询") and "。" in footer and ". " not in footer


def test_footer_names_the_reference_table_in_the_page_language(dataset):
    """A reference table is named by its ``title_zh`` on a Chinese page, its ``title`` on an English one."""
    empty = dataset.figures.iloc[0:0]
    assert "营销数字化工具" in chart_footer(empty, Labels(dataset, "zh"), reference="tools")
    assert "Marketing digitalization tools" in chart_footer(empty, Labels(dataset, "en"), reference="tools")
