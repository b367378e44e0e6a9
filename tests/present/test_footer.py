"""Tests of report_lib.present.footer: footers follow the plotted figures."""

import pytest

from report_lib.data.dataset import load_dataset

from report_lib.present.footer import chart_footer
from report_lib.present.labels import Labels
from survey_helpers import tiny_wave_data


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


@pytest.mark.parametrize("meta, lang, source", [
    ("year: 2024\n", "en", "Source: Survey wave 2024 (survey/responses.csv); question IDs: q_single, q_multi."),
    ("year: 2024\n", "zh", "来源：2024年调研答卷（survey/responses.csv）；问题编号：q_single、q_multi。"),
    (None, "en", "Source: Survey responses (survey/responses.csv); question IDs: q_single, q_multi."),
])
def test_a_waves_source_line_gives_its_year_and_file(tmp_path, meta, lang, source):
    """Rows computed from a wave name the wave's year (when its metadata gives one), its file and questions."""
    dataset = load_dataset(tiny_wave_data(tmp_path, meta))
    rows = dataset.figures.head(2).assign(provenance=["q_single@survey/responses.csv", "q_multi@survey/responses.csv"])
    assert chart_footer(rows, Labels(dataset, lang)).startswith(source)

def test_footer_of_a_reference_chart_names_the_report(dataset):
    """A chart drawn from a reference table alone cites the report it was compiled from, in the page's language."""
    empty = dataset.figures.iloc[0:0]
    english = chart_footer(empty, Labels(dataset, "en"), reference="policies")
    chinese = chart_footer(empty, Labels(dataset, "zh"), reference="policies")
    assert english.startswith("Source: iResearch, 2023 China Bank Marketing Digitalization")
    assert chinese.startswith("来源：艾瑞咨询《2023年中国银行营销数字化行业研究报告》")


def test_footer_names_the_report_once_for_figures_and_reference(dataset):
    """Figures and a reference table compiled from the same report name that report once."""
    rows = dataset.select(id="c3_top30_vendor_count")
    footer = chart_footer(rows, Labels(dataset), reference="vendors")
    assert footer.count("iResearch") == 1


def test_footer_without_compiled_from_cites_the_tables_own_source(dataset):
    """A reference table whose metadata has no ``compiled_from`` is cited by its ``source`` sentence."""
    meta = dataset.metadata["policies"]
    saved = meta.pop("compiled_from")
    try:
        footer = chart_footer(dataset.figures.iloc[0:0], Labels(dataset), reference="policies")
    finally:
        meta["compiled_from"] = saved
    assert footer.startswith("Source: Compiled for this book from the source report")


def test_footer_without_any_source_is_an_error(dataset):
    """No plotted figures and no reference table: there is nothing to cite, so no footer is made."""
    with pytest.raises(ValueError, match="needs a source"):
        chart_footer(dataset.figures.iloc[0:0], Labels(dataset))


def test_footer_of_a_table_compiled_from_a_table_with_a_plain_source(dataset):
    """``compiled_from`` naming a table whose ``source`` is a sentence cites that sentence."""
    meta = dataset.metadata["policies"]
    saved = meta["compiled_from"]
    meta["compiled_from"] = "tools"
    try:
        footer = chart_footer(dataset.figures.iloc[0:0], Labels(dataset), reference="policies")
    finally:
        meta["compiled_from"] = saved
    assert footer.startswith("Source: Compiled for this book from the source report")


def test_compiled_from_an_unknown_table_is_named(dataset):
    """A ``compiled_from`` that names no table fails with the metadata file and the name."""
    meta = dataset.metadata["policies"]
    saved = meta["compiled_from"]
    meta["compiled_from"] = "figurs"
    try:
        with pytest.raises(ValueError, match=r"reference/policies.meta.yaml: compiled_from .* 'figurs'"):
            chart_footer(dataset.figures.iloc[0:0], Labels(dataset), reference="policies")
    finally:
        meta["compiled_from"] = saved
