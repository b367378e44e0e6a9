"""What the two survey appendix pages show: toplines and crosstabs, and the comparison with 2023.

Both pages work from any data folder. With a wave (``survey/responses.*``) the toplines
page gives every question's shares for all banks and each bank type, with intervals and n,
and the comparison page pairs every 2023 figure with the wave's; with a questionnaire only
(the 2023 data folder) the toplines page is the questionnaire itself (wording, kind,
routing, options, the figure each option feeds and what the 2023 report printed) and the
comparison page lists the 2023 figures a wave would be compared with. Each page offers its
full table as a CSV, written like a chart's (:func:`report_lib.page.render.write_chart_data`).
"""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd

from report_lib import paths
from report_lib.analysis.segments import MARKET, bank_types
from report_lib.analysis.survey_intervals import LEVEL
from report_lib.analysis.survey_toplines import computed_rows, questionnaire_outline, toplines
from report_lib.analysis.wave_comparison import comparable_published, compare_with_published, summary
from report_lib.analysis.questionnaire_change import NEW, NOT_COMPARABLE, computed_with_status
from report_lib.data.dataset import load_dataset
from report_lib.data.survey.crosswalk import REWORDED, load_crosswalk
from report_lib.data.survey.questionnaire import Questionnaire, load_questionnaire
from report_lib.page.page import Page
from report_lib.page.render import write_chart_data
from report_lib.present import survey_tables as st
from report_lib.present.linked_table import LinkedTable
from report_lib.present.tables import Marks, Table
from report_lib.present.wave_comparison_table import comparison_download, comparison_table, not_comparable_table


def questionnaire(page: Page) -> Questionnaire | None:
    """The questionnaire of the page's data folder, ``None`` when it has none."""
    survey = Path(page.data.data_dir) / "survey"
    return load_questionnaire(survey) if (survey / "questions.csv").is_file() else None


def has_answers(page: Page) -> bool:
    """True when the page's figures hold a wave's computed rows."""
    return not computed_rows(page.data.figures).empty


def segments(page: Page) -> list[str]:
    """All banks, then the bank types, in display order."""
    return [MARKET, *bank_types(page.data)]


def download(page: Page, frame: pd.DataFrame, key: str) -> "HTML":
    """Write ``frame`` as the page's CSV named after ``key`` and return its download link."""
    from IPython.display import HTML

    href = write_chart_data(frame, page.download_name(key))
    return HTML(f'<p><a class="report-chart-download" href="{html.escape(href)}" download>'
                f'{html.escape(page.label("footer.download"))}</a></p>')


def interval_level() -> str:
    """The confidence level of the intervals, as prose prints it (``95%``)."""
    return f"{LEVEL:.0%}"


def _numbers(survey: Questionnaire) -> dict[str, int]:
    return {q.question_id: i for i, q in enumerate(survey.questions, start=1)}


def toplines_statement(page: Page) -> str:
    """The sentence that says what the toplines page shows for this data folder, with its counts."""
    label, survey = page.label, questionnaire(page)
    if survey is None:
        return label("toplines.status_none")
    counts = {"questions": len(survey.questions), "options": len(survey.option_table)}
    if has_answers(page):
        rows = toplines(page.data.figures, survey.option_table, [MARKET])
        weighted = bool(computed_rows(page.data.figures)["weighted"].astype(bool).any())
        return label("toplines.status_wave").format(
            **counts, n_min=int(rows["n"].min()), n_max=int(rows["n"].max()),
            weighting=label("toplines.weighted" if weighted else "toplines.unweighted"))
    outline = questionnaire_outline(survey.option_table, page.data.figures)
    return label("toplines.status_questionnaire").format(
        **counts, printed=int(sum(bool(ids) for ids in outline["printed_ids"])))


def toplines_download(page: Page) -> "HTML | None":
    """The CSV of the whole page (every share, or the questionnaire outline) and its link; ``None`` without a questionnaire."""
    survey = questionnaire(page)
    if survey is None:
        return None
    if has_answers(page):
        frame = st.toplines_download(toplines(page.data.figures, survey.option_table, segments(page)),
                                     survey.question_table, survey.option_table)
    else:
        frame = st.outline_download(questionnaire_outline(survey.option_table, page.data.figures), survey.question_table)
    return download(page, frame, "toplines")


def toplines_sections(page: Page) -> list:
    """For every question of the questionnaire, its introduction (a heading and its base) and its table, in order."""
    from IPython.display import HTML

    survey = questionnaire(page)
    if survey is None:
        return []
    label, numbers, options = page.label, _numbers(survey), survey.option_table
    answered = has_answers(page)
    shares = toplines(page.data.figures, options, segments(page)) if answered else None
    outline = None if answered else questionnaire_outline(options, page.data.figures)
    parts = []
    for number, (_, question) in enumerate(survey.question_table.iterrows(), start=1):
        qid = question["question_id"]
        mine = options[options["question_id"] == qid]
        if answered:
            rows = shares[shares["question_id"] == qid]
            all_rows = rows[rows["segment"] == MARKET]
            n = st.n_cell(label, int(all_rows["n"].iloc[0]), all_rows["n_eff"].iloc[0],
                          bool(all_rows["weighted"].iloc[0]) is True) if len(all_rows) else ""
            parts.append(HTML(st.question_block(label, question, number, numbers, options, n)))
            parts.append(Table(st.topline_table(label, rows, mine, segments(page)), marks=Marks.of(label)))
        else:
            parts.append(HTML(st.question_block(label, question, number, numbers, options)))
            parts.append(Table(st.outline_table(label, outline[outline["question_id"] == qid]), marks=Marks.of(label)))
    return parts


def chapter_href(chapter: int) -> str:
    """Link from a page of ``reference/`` to the built page of chapter ``chapter`` (empty when none is found)."""
    found = sorted((paths.PROJECT_ROOT / "chapters").glob(f"{int(chapter):02d}_*.md"))
    return f"../chapters/{found[0].stem}.html" if found else ""


def _comparison(page: Page) -> tuple[pd.DataFrame, bool] | None:
    survey = questionnaire(page)
    if survey is None:
        return None
    published = load_dataset(page.data.data_dir).figures
    if has_answers(page):
        return compare_with_published(published, page.data.figures, segments(page)), True
    return comparable_published(published, survey.option_table, segments(page)), False


def comparison_statement(page: Page) -> str:
    """The sentence that says what the comparison page shows for this data folder, with its counts."""
    found = _comparison(page)
    if found is None:
        return page.label("comparison.status_none")
    comparison, with_wave = found
    statement = page.label("comparison.status_wave" if with_wave else "comparison.status_no_wave").format(
        **summary(comparison))
    change = load_crosswalk(Path(page.data.data_dir) / "survey") if with_wave else None
    if change is None or not change.changed:
        return statement
    space = "" if page.label.lang == "zh" else " "  # Chinese sentences join without a space
    return statement + space + page.label("comparison.status_changed").format(
        not_asked=len(change.not_asked), new=len(change.new),
        reworded=sum(c == REWORDED for _, _, c in change.options.values()),
        unmapped=len(change.wave_unmapped) + len(change.base_unmapped))


def comparison_parts(page: Page) -> list:
    """The comparison, chapter by chapter: a heading linked to the chapter, then its table (each figure linked too)."""
    from IPython.display import HTML

    found = _comparison(page)
    if found is None or found[0].empty:
        return []
    comparison, with_wave = found
    label, parts = page.label, []
    for chapter, rows in comparison.groupby("chapter", sort=True):
        href, title = chapter_href(chapter), html.escape(label("comparison.chapter").format(chapter=chapter))
        heading = f'<a href="{html.escape(href)}">{title}</a>' if href else title
        parts.append(HTML(f'<h2 class="report-comparison-chapter" id="chapter-{int(chapter)}">{heading}</h2>'))
        table = comparison_table(label, rows, with_wave)
        short = tuple(label(f"column.{c}") for c in ("segment", "published_2023", "change"))
        parts.append(LinkedTable(table, label("column.figure"), (href,) * len(rows), short))
    return parts + not_comparable_parts(page)


def not_comparable_parts(page: Page) -> list:
    """The wave's answers without a 2023 counterpart (a new question's, an unmapped answer's): heading, sentence, table.

    Empty when every answer of the wave maps to a 2023 one (:mod:`report_lib.data.survey.crosswalk`).
    """
    from IPython.display import HTML

    rows = computed_with_status(computed_rows(page.data.figures), (NEW, NOT_COMPARABLE))
    rows = rows[rows["segment"] == MARKET]
    survey = questionnaire(page)
    if rows.empty or survey is None:
        return []
    label = page.label
    heading = html.escape(label("comparison.not_comparable_heading"))
    reason = {NEW: label("comparison.reason_new_question"), NOT_COMPARABLE: label("comparison.reason_unmapped")}
    texts = survey.question_table.set_index("question_id")[f"text_{label.lang}"]
    table = not_comparable_table(label, rows, texts, reason)
    return [HTML(f'<h2 class="report-comparison-chapter" id="not-comparable">{heading}</h2>'),
            HTML(f"<p>{html.escape(label('comparison.not_comparable_intro'))}</p>"), Table(table)]


def comparison_file(page: Page) -> "HTML | None":
    """The comparison as CSV and its link (``None`` when there is nothing to compare)."""
    found = _comparison(page)
    if found is None or found[0].empty:
        return None
    comparison, with_wave = found
    frame = comparison_download(comparison) if with_wave else comparison
    return download(page, frame, "comparison_2023")
