"""Tests of report_lib.present.wave_comparison_table and linked_table: values as printed, changes with their bounds, links."""

from __future__ import annotations

import pandas as pd

from report_lib.present.labels import Labels
from report_lib.present.linked_table import LinkedTable
from report_lib.present.wave_comparison_table import change_text, comparison_table


def comparison() -> pd.DataFrame:
    return pd.DataFrame({
        "id": ["c2_deploy_factor_data_security_regional"], "chapter": [2], "topic": ["deployment_mode_factors_by_segment"],
        "subject": ["factor_data_security"], "category": [""], "segment": ["regional"], "unit": ["percent"],
        "value": [83.3], "value_printed": ["83.3"], "qualifier": ["at_least"], "flag": ["uncertain"],
        "new_value": [70.0], "ci_low": [65.0], "ci_high": [75.0], "n": [200], "question_id": ["deploy_factors"],
        "option_id": ["data_security"], "change": [-13.3], "change_qualifier": ["at_most"]})


def test_change_text_keeps_the_bound(dataset):
    """A 2023 "at least" makes the change "at most"; an open sign says so."""
    en, zh = Labels(dataset, "en"), Labels(dataset, "zh")
    assert change_text(en, -13.3, "at_most", "percent") == "≤ -13.3 pp"
    assert change_text(zh, -13.3, "at_most", "percent") == "-13.3个百分点以内"
    assert change_text(en, float("nan"), "", "percent") == "sign not determined"


def test_comparison_table_with_and_without_a_wave(dataset):
    """2023 as printed (≥ 83.3%) and its flag; with a wave the new value, n and change."""
    label = Labels(dataset, "en")
    table = comparison_table(label, comparison())
    assert table.loc[0, "2023 report"] == "≥\u00a083.3%" and table.loc[0, "Flag"] == "uncertain"
    assert table.loc[0, "This wave (95% interval)"] == "70.0% (65.0–75.0)"
    assert table.loc[0, "Change"] == "≤\u00a0-13.3\u00a0pp"
    assert "Change" not in comparison_table(label, comparison(), with_wave=False)


def test_linked_table_links_one_column_and_escapes_text():
    """Cells are text (markup escaped); the link column's cells are anchors."""
    table = LinkedTable(pd.DataFrame({"Chapter": ["Chapter 2"], "Figure": ["<b>x</b>"]}), "Chapter",
                        ("../chapters/02_current_state.html",), nowrap=("Figure",))
    html = table.to_html()
    assert '<td style="white-space: nowrap">&lt;b&gt;' in html
    assert '<a href="../chapters/02_current_state.html">Chapter 2</a>' in html and "&lt;b&gt;x&lt;/b&gt;" in html
    assert "Chapter 2" in table._repr_mimebundle_()["text/plain"]


def test_a_figure_without_a_counterpart_says_why_and_a_reworded_one_is_marked(dataset):
    """Not asked: the 2023 value stays, the new value says so, no n, no change; reworded: the figure's name says so."""
    label = Labels(dataset, "zh")
    rows = pd.concat([comparison(), comparison()], ignore_index=True)
    rows["wave_change"] = ["not_asked", "reworded"]
    rows.loc[0, ["new_value", "ci_low", "ci_high", "change"]] = float("nan")
    table = comparison_table(label, rows)
    assert table.loc[0, "本轮调查（95%区间）"] == "本轮未询问" and pd.isna(table.loc[0, "样本量"])
    assert pd.isna(table.loc[0, "变化"]) and table.loc[0, "2023年报告"] == "83.3%以上"
    assert table.loc[1, "数据项"].endswith("（本轮措辞有变）") and table.loc[1, "样本量"] == "200"
