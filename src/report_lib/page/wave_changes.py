"""What a page says about a wave's changed questionnaire: a chart's note, and a chapter's "New in this wave".

A chart whose figures include 2023 values the wave could not replace (a question it did not
ask, an answer it has no counterpart for) says so on the chart and names them in its footer;
an answer whose wording changed is named too
(:mod:`report_lib.analysis.questionnaire_change` sets the status of each row). At the end of
each chapter, :func:`new_in_this_wave` shows the questions new in the wave whose ``chapter``
names it, one chart per question (shares with intervals, by bank type) under its wording;
nothing at all, not even the heading, when there is none.

The functions take the page (:class:`report_lib.page.page.Page`) without importing it: the
page's methods call them.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from report_lib.analysis.questionnaire_change import (NOT_ASKED, NOT_COMPARABLE, STATUS, computed_with_status,
                                                      new_question_rows)
from report_lib.analysis.segments import MARKET, bank_types
from report_lib.analysis.survey_intervals import LEVEL
from report_lib.analysis.wave_dataset import base_questionnaire
from report_lib.data.survey.questionnaire import load_questionnaire
from report_lib.page.render import RenderedChart, render_chart
from report_lib.present.charts import figure_bars
from report_lib.present.charts.common import title
from report_lib.present.footer import chart_footer

NEW_CHART_KEY = "new_question"
"""Label suffix of a new question's chart (``subtitle.new_question``, ``alt.new_question``)."""


@dataclass(frozen=True)
class ChangeNote:
    """What one chart says: ``text`` (sentences for the footer) and whether any value shown is 2023's."""

    text: str = ""
    shown_2023: bool = False


@lru_cache(maxsize=1)
def _base_questions() -> pd.DataFrame:
    return base_questionnaire().question_table.set_index("question_id")


def _quoted(page, rows: pd.DataFrame, key: str, field: str, name) -> list[str]:
    """One sentence ``key`` per distinct ``rows[field]``: its ``{question}`` / ``{option}`` is ``name(row)``."""
    return [page.label(key).format(question=name(row), option=name(row), wording=row.get("wording", ""))
            for _, row in rows.drop_duplicates(field).iterrows()]


def change_note(page, figures: pd.DataFrame) -> ChangeNote:
    """The note of a chart of ``figures`` on a page built from a wave whose questionnaire changed.

    Values that are the 2023 report's (``not_asked``, ``not_comparable`` published rows) make
    ``shown_2023`` true and are named, one sentence per question or answer; an answer whose
    wording changed (``reworded``) is named with its new wording. Empty without any.
    """
    if STATUS not in figures or figures.empty:
        return ChangeNote()
    label, lang = page.label, page.label.lang
    questions = _base_questions()
    status = figures[STATUS].fillna("")
    not_asked = figures[status == NOT_ASKED]
    not_comparable = figures[status == NOT_COMPARABLE]
    not_comparable = not_comparable[not_comparable["question_id"].fillna("").astype(str) == ""] \
        if "question_id" in not_comparable else not_comparable
    reworded = figures[status == "reworded"]
    sentences = _quoted(page, not_asked, "wave.not_asked", "base_question_id",
                        lambda r: questions.loc[r["base_question_id"], f"text_{lang}"])
    sentences += _quoted(page, not_comparable, "wave.not_comparable", "subject", lambda r: label.subject(r["subject"]))
    if not reworded.empty:
        wording = _wave_wording(Path(page.data.data_dir), lang)
        reworded = reworded.assign(wording=[wording.get((q, o), "") for q, o in
                                            zip(reworded["question_id"], reworded["option_id"])])
        sentences += _quoted(page, reworded, "wave.reworded", "subject", lambda r: label.subject(r["subject"]))
    space = "" if lang == "zh" else " "  # Chinese sentences join without a space
    return ChangeNote(space.join(sentences), bool(len(not_asked) or len(not_comparable)))


def _wave_wording(data_dir: Path, lang: str) -> dict[tuple[str, str], str]:
    """Each option's label in ``lang`` in the wave's own questionnaire."""
    options = load_questionnaire(data_dir / "survey").option_table
    return dict(zip(zip(options["question_id"], options["option_id"]), options[f"label_{lang}"]))


def _ordered(rows: pd.DataFrame, options: pd.DataFrame, segments: list[str]) -> pd.DataFrame:
    """``rows`` in questionnaire order of their option, then ``segments`` order."""
    order = {(q, o): i for i, (q, o) in enumerate(zip(options["question_id"], options["option_id"]))}
    return rows.assign(_o=[order[(q, o)] for q, o in zip(rows["question_id"], rows["option_id"])],
                       _s=[segments.index(s) for s in rows["segment"]]).sort_values(["_o", "_s"]).drop(
        columns=["_o", "_s"])


def _chart(page, question: pd.Series, rows: pd.DataFrame, chapter: int) -> RenderedChart:
    """One new question's bars, titled with its wording, its footer built as every chart's."""
    label, level = page.label, f"{LEVEL:.0%}"
    wording = question[f"text_{label.lang}"]
    highlight = None if page.segment == MARKET else page.segment
    chart, table = figure_bars(rows, label, highlight=highlight)
    chart = chart.properties(title=title(wording, label(f"subtitle.{NEW_CHART_KEY}").format(level=level)))
    marked = highlight if label("column.significant") in table.columns else None
    return render_chart(chart, table, name=page.download_name(f"c{chapter}_new_{question['question_id']}"),
                        footer=chart_footer(rows, label, None, None, marked),
                        alt_text=label(f"alt.{NEW_CHART_KEY}").format(question=wording, level=level),
                        download_label=label("footer.download"))


def new_in_this_wave(page, chapter: int) -> list:
    """The parts of chapter ``chapter``'s "New in this wave" section; an empty list when it has none.

    A heading, a sentence saying what is shown, then per new question (in questionnaire order)
    its id, kind and wording and its chart: the share choosing each answer among those asked,
    for all banks and each bank type, with intervals.
    """
    from IPython.display import HTML

    figures = page.data.figures
    rows = new_question_rows(figures, chapter)
    if rows.empty:
        return []
    label = page.label
    survey = load_questionnaire(Path(page.data.data_dir) / "survey")
    segments = [MARKET, *bank_types(page.data)]
    rows = _ordered(rows[rows["segment"].isin(segments)], survey.option_table, segments)
    asked = [q for q in survey.question_table["question_id"] if q in set(rows["question_id"])]
    parts = [HTML(f'<h2 class="report-new-in-wave" id="new-in-this-wave">{html.escape(label("heading.new_in_wave"))}</h2>'),
             HTML(f"<p>{html.escape(label('sentence.new_in_wave').format(count=len(asked), level=f'{LEVEL:.0%}'))}</p>")]
    questions = survey.question_table.set_index("question_id", drop=False)
    for qid in asked:
        question = questions.loc[qid]
        line = label("new_in_wave.question").format(question_id=qid, kind=label(f"toplines.kind_{question['kind']}"),
                                                    wording=question[f"text_{label.lang}"])
        parts.append(HTML(f'<p class="report-new-question">{html.escape(line)}</p>'))
        parts.append(_chart(page, question, rows[rows["question_id"] == qid], chapter))
    return parts

