"""Tests of report_lib.page.page: what chapter cells call."""

import pytest

from report_lib.page.page import open_chapter


@pytest.fixture()
def book(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return open_chapter(lang="zh")


def test_table_relabels_columns_and_shows_dashes(book):
    """Columns get their labels in the chapter's language; missing values show as a dash."""
    import pandas as pd

    bundle = book.table(pd.DataFrame({"period": ["2022"], "level": [None]}))._repr_mimebundle_()
    assert "时期" in bundle["text/plain"] and "–" in bundle["text/plain"]
    assert "<th>存量</th>" in bundle["text/html"]


def test_text_formats_a_figure_as_printed(book):
    """A figure is shown as printed with its unit and qualifier."""
    assert book.text("c1_marketing_investment_growth_forecast_body") == "约35%"


def test_provenance_lists_quote_and_flag(book):
    """The provenance table carries the quote and the flag of each figure."""
    rows = book.data.select(topic="marketing_investment")
    table = book.provenance(rows)
    assert list(table.iloc[:, 2]) == rows["quote_zh"].tolist()
    assert "不一致" in table.iloc[:, 3].tolist()  # the flag, labelled in the chapter's language


def test_open_chapter_refuses_unknown_segment():
    """An unknown segment parameter fails before anything is computed."""
    with pytest.raises(ValueError, match="segment must be one of"):
        open_chapter(segment="foreign")


def test_table_shows_computed_floats_with_fixed_decimals(book):
    """Computed columns show two decimals and no negative zero; printed strings stay as printed."""
    import pandas as pd

    text = book.table(pd.DataFrame({"level": ["7.90"], "difference_pp": [-0.0004]}))._repr_mimebundle_()["text/plain"]
    assert "7.90" in text and "0.00" in text and "-0.00" not in text


def test_table_shows_tabs_and_newlines_as_spaces():
    """A quote printed with a tab ('1\\t提升服务') shows as '1 提升服务', not as a literal backslash-t."""
    import pandas as pd

    from report_lib.page.page import Table

    html = Table(pd.DataFrame({"quote": ["1\t提升服务", "a\nb"]}))._repr_mimebundle_()["text/html"]
    assert "1 提升服务" in html and "a b" in html and "\\t" not in html
