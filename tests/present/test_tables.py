"""Tests of report_lib.present.tables: the reader's tables, labelled in the page's language."""

import numpy as np
import pandas as pd
import pytest

from report_lib.present.labels import Labels
from report_lib.present.tables import (
    Marks, Table, check_mark, expert_views, marked_html, marked_text, figure_table, figure_text, one_line_cells, policy_table, provenance, relabelled)


@pytest.fixture(scope="module")
def zh(dataset):
    return Labels(dataset, "zh")


def test_figure_text_formats_a_figure_as_printed(zh):
    """A figure is shown as printed with its unit and qualifier."""
    assert figure_text(zh, "c1_marketing_investment_growth_forecast_body") == "约35%"


def test_provenance_lists_quote_and_flag(dataset, zh):
    """The provenance table carries the quote and the flag of each figure, the flag labelled."""
    rows = dataset.select(topic="marketing_investment")
    table = provenance(zh, rows)
    assert list(table.iloc[:, 2]) == rows["quote_zh"].tolist()
    assert "不一致" in table.iloc[:, 3].tolist()


def test_provenance_shows_the_note_in_the_page_language(dataset, zh):
    """A Chinese page shows ``note_zh``, an English page the English ``note``."""
    rows = dataset.select(topic="marketing_investment")
    assert list(provenance(zh, rows).iloc[:, 4]) == rows["note_zh"].tolist()
    assert list(provenance(Labels(dataset, "en"), rows).iloc[:, 4]) == rows["note"].tolist()


def test_table_shows_computed_floats_with_fixed_decimals(zh):
    """Computed columns show two decimals and no negative zero; printed strings stay as printed."""
    text = relabelled(zh, pd.DataFrame({"level": ["7.90"], "difference_pp": [-0.0004]}))._repr_mimebundle_()["text/plain"]
    assert "7.90" in text and "0.00" in text and "-0.00" not in text


def test_table_shows_tabs_and_newlines_as_spaces():
    """A quote printed with a tab ('1\\t提升服务') shows as '1 提升服务', not as a literal backslash-t."""
    html = Table(pd.DataFrame({"quote": ["1\t提升服务", "a\nb"]}))._repr_mimebundle_()["text/html"]
    assert "1 提升服务" in html and "a b" in html and "\\t" not in html
    assert one_line_cells(pd.DataFrame({"q": ["x\ty"]}))["q"][0] == "x y"


def test_figure_table_gives_n_stated_or_inferred(dataset):
    """A figure of all respondents shows n=120; one of a bank type its inferred n; the tool column names the tool."""
    en = Labels(dataset, "en")
    rows = dataset.figures[dataset.figures["topic"].str.endswith("deployment_progress")]
    frame = figure_table(en, rows, with_tool=True).frame
    assert frame.columns[0] == en("column.tool")
    assert set(frame[en("column.tool")]) <= {en.name("tools", t) for t in rows["category"]}
    assert "n=120" in set(frame[en("column.n")])


def test_policy_table_is_in_the_page_language(dataset, zh):
    """The policy table has one row per policy and Chinese column names in a Chinese page."""
    frame = policy_table(zh).frame
    assert len(frame) == len(dataset.table("policies")) and zh("column.policy") in frame.columns


def test_check_mark_glyphs_come_from_labels(dataset):
    """A check that holds, fails or cannot be made shows the glyph of cell.yes, cell.no, cell.none."""
    en = Labels(dataset, "en")
    assert [check_mark(en, v) for v in (True, False, None)] == [en("cell.yes"), en("cell.no"), en("cell.none")]


def test_evaluation_table_marks_the_published_core_and_the_conflict(dataset):
    """3C members get ✓, a tool whose grades contradict the published tier gets ✗ naming it."""
    from report_lib.analysis.evaluation import evaluate_tools
    from report_lib.present.tables import evaluation_table

    en = Labels(dataset, "en")
    evaluation = evaluate_tools(dataset.table("tool_grades"), dataset.table("tool_classes"))
    table = evaluation_table(en, evaluation)
    assert (table["published_core"] == en("cell.yes")).sum() == int(evaluation["published_core"].sum())
    failed = table.loc[~evaluation["reproduced"].to_numpy(), "reproduced"]
    assert all(cell.startswith(en("cell.no") + " (") for cell in failed)


def test_sizes_and_evidence_tables_show_every_size_and_glyph(dataset):
    """The sizes table lists every size a segment takes; the evidence shows ✓ or ✗ per figure."""
    from report_lib.analysis.segment_sizes import inference
    from report_lib.present.tables import size_evidence_table, sizes_table

    en, found = Labels(dataset, "en"), inference(dataset)
    sizes = sizes_table(en, found, ["joint_stock", "regional"])
    assert sizes["n"].tolist() == [" / ".join(map(str, found.sizes(s))) for s in ("joint_stock", "regional")]
    evidence = size_evidence_table(en, found.evidence)
    assert set(evidence["explained"]) <= {en("cell.yes"), en("cell.no")} and len(evidence) == len(found.evidence)


def test_shown_grade_marks_inferred_grades_and_alternatives(dataset):
    """A stated grade shows alone; an inferred one says so; 'a or b' shows both."""
    from report_lib.present.tables import shown_grade

    en = Labels(dataset, "en")
    assert shown_grade(en, "high", "stated") == en("grade.high")
    assert shown_grade(en, "high or medium", "inferred") == (
        f"{en('grade.high')} / {en('grade.medium')} ({en('basis.inferred')})")


def test_expert_views_give_a_shared_summary_once_in_the_page_language(dataset, zh):
    """A shared view names both experts and prints its summary once; Chinese uses Chinese punctuation."""
    table = pd.DataFrame({
        "expert_id": ["b", "a", "c"], "order": [2, 1, 3], "view_id": ["v2", "v1", "v2"],
        "name_zh": ["乙", "甲", "丙"], "name_en": ["B", "A", "C"], "company_zh": ["二", "一", "二"],
        "company_en": ["Two", "One", "Two"], "title_zh": ["总", "长", "经理"], "title_en": ["Head", "Chief", "Manager"],
        "summary_en": ["shared view", "own view", "shared view"], "summary_zh": ["共同观点", "个人观点", "共同观点"],
    })
    en = expert_views(table, Labels(dataset, "en"))
    assert en.count("shared view") == 1 and "**B** (乙), Head, Two; **C** (丙), Manager, Two" in en
    text = expert_views(table, zh)
    assert text.count("共同观点") == 1 and "**乙**，二总；**丙**，二经理" in text
    assert not any(c in text for c in ",;()")



def test_expert_views_show_markup_in_data_as_text(dataset):
    """Markup in names, companies, titles and summaries is escaped; only the library's bold stays markup."""
    table = pd.DataFrame({
        "expert_id": ["a"], "order": [1], "view_id": ["v1"], "name_zh": ["甲"], "name_en": ["C <img src=x onerror=alert(1)>"],
        "company_zh": ["一"], "company_en": ["[Two](javascript:alert(1))"], "title_zh": ["长"], "title_en": ["*Manager*"],
        "summary_en": ["<svg onload=alert(1)>"], "summary_zh": ["观点"],
    })
    text = expert_views(table, Labels(dataset, "en"))
    assert "**C \\<img" in text and "\\[Two\\]\\(javascript:alert\\(1\\)\\)" in text and "\\*Manager\\*" in text
    assert "<img" not in text.replace("\\<img", "") and "<svg" not in text.replace("\\<svg", "")


def test_yes_no_cells_show_as_marks_with_words_for_screen_readers(zh):
    """True / False (Python, NumPy or nullable) show as ✓ / ✗ named 是 / 否; a missing yes/no shows as a dash."""
    frame = pd.DataFrame({"consistent": pd.array([True, False, pd.NA], dtype="boolean"),
                          "plain": [True, False, True], "listed": [np.True_, None, "text"]})
    bundle = relabelled(zh, frame)._repr_mimebundle_()
    page = bundle["text/html"]
    assert ">True<" not in page and ">False<" not in page and "&lt;NA&gt;" not in page
    assert page.count('role="img" aria-label="是">✓</span>') == 4
    assert page.count('role="img" aria-label="否">✗</span>') == 2
    assert "True" not in bundle["text/plain"] and "✗" in bundle["text/plain"] and "–" in bundle["text/plain"]


def test_marked_html_keeps_text_escaped_and_numbers_alone(zh):
    """Only yes/no cells become marks: text stays escaped, 1 and 0 stay numbers."""
    marks = Marks.of(zh)
    page = marked_html(pd.DataFrame({"a": ["<b>", "x"], "n": [1, 0], "ok": [True, False]}), marks, index=False)
    assert "&lt;b&gt;" in page and "<td>1</td>" in page and "<td>0</td>" in page
    assert marks.markup(True) in page and marks.markup(False) in page


def test_marked_text_is_plain(dataset):
    """The plain-text table (nbval, CSV) carries the glyphs only, never markup."""
    shown = marked_text(pd.DataFrame({"ok": [True, False]}), Marks.of(Labels(dataset, "en")))
    assert shown["ok"].tolist() == ["✓", "✗"]
