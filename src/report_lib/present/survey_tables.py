"""The appendix tables of a survey: toplines and crosstabs per question, or the questionnaire outline without answers.

Every question is introduced by a short block (number, id, kind, who was asked, n, the
wording in both languages) and followed by its table: one row per option and one column
for all banks and each bank type, each cell the share with its 95% interval; or, for a
data folder with a questionnaire only, the figure each option feeds and what the 2023
report printed for it. Wordings and option names are data strings: they reach the page's
HTML escaped (:func:`html.escape`), and the tables escape every cell.
"""

from __future__ import annotations

import html

import pandas as pd

from report_lib.present.labels import Labels, figure_name, humanize, join_words
from report_lib.present.tables import figure_text

OTHER = {"en": "zh", "zh": "en"}


def asked_text(label: Labels, asked_of: str, numbers: dict[str, int], options: pd.DataFrame) -> str:
    """Who was asked: all respondents, or those who chose an option of an earlier question (plain text)."""
    if asked_of == "all":
        return label("toplines.asked_all")
    question, option = asked_of.split("=", 1)
    chosen = options[(options["question_id"] == question) & (options["option_id"] == option)]
    name = str(chosen[f"label_{label.lang}"].iloc[0]) if not chosen.empty else option
    return label("toplines.asked_routed").format(option=name, number=numbers.get(question, "?"))


def n_cell(label: Labels, n: int, n_eff: float, weighted: bool) -> str:
    """The n of a base, with its effective n when the wave is weighted."""
    if n == 0:
        return ""
    if weighted:
        return label("toplines.n_weighted").format(n=n, n_eff=f"{n_eff:.1f}")
    return str(n)


def question_block(label: Labels, question: pd.Series, number: int, numbers: dict[str, int],
                   options: pd.DataFrame, n: str = "") -> str:
    """HTML introducing one question: a heading (number and id), kind, base (and n), wording in the page's language then the other.

    Parameters
    ----------
    question
        A row of ``survey/questions.csv``.
    number
        Its position in the questionnaire (from 1).
    numbers
        Position of every question id, to name the question a routed one depends on.
    n
        The n of its all-bank base as text, empty when there are no answers.

    Notes
    -----
    The heading's anchor is ``question-<question_id>``, the same in both languages.
    """
    qid = question["question_id"]
    head = label("toplines.question_head").format(number=number, question_id=qid)
    parts = [label(f"toplines.kind_{question['kind']}"),
             asked_text(label, question["asked_of"], numbers, options)]
    if question["kind"] == "scale":
        parts.insert(1, label("toplines.scale_range").format(low=question["scale_min"], high=question["scale_max"]))
    if n:
        parts.append(label("toplines.n_all").format(n=n))
    other = OTHER[label.lang]
    return (f'<h2 class="report-question" id="question-{html.escape(qid)}">{html.escape(head)}</h2>\n'
            f'<p class="report-question-base">{html.escape(label("toplines.separator").join(parts))}</p>\n'
            f'<p class="report-question-text">{html.escape(question[f"text_{label.lang}"])}<br>'
            f'<em lang="{other}">{html.escape(question[f"text_{other}"])}</em></p>')


def share_cell(label: Labels, row: pd.Series) -> str:
    """``45.2% (38.1–52.4)``: the value with its unit and its 95% interval; empty without respondents."""
    if pd.isna(row["value"]):
        return ""
    value = label.value(f"{row['value']:.1f}", row["unit"], "exact")
    if pd.isna(row["ci_low"]):
        return value
    return label("toplines.with_interval").format(value=value, low=f"{row['ci_low']:.1f}", high=f"{row['ci_high']:.1f}")


def topline_table(label: Labels, toplines: pd.DataFrame, options: pd.DataFrame, segments: list[str]) -> pd.DataFrame:
    """One question's table: a row per option (and a last row with n), a column per segment.

    ``toplines`` are the question's rows of
    :func:`report_lib.analysis.survey_toplines.toplines`; ``options`` its options.
    """
    names = dict(zip(options["option_id"], options[f"label_{label.lang}"]))
    cells = toplines.assign(cell=[share_cell(label, r) for _, r in toplines.iterrows()])
    wide = cells.pivot(index="option_id", columns="segment", values="cell").reindex(
        index=list(options["option_id"]), columns=segments)
    first = toplines.drop_duplicates("segment").set_index("segment").reindex(segments)
    n_row = [n_cell(label, int(r["n"]), r["n_eff"], bool(r["weighted"]) is True) for _, r in first.iterrows()]
    table = pd.DataFrame({label("column.option"): [names[o] for o in wide.index] + [label("column.n")]})
    for segment, n_text in zip(segments, n_row):
        table[label.segment(segment)] = list(wide[segment]) + [n_text]
    return table.replace("", None)


def printed_text(label: Labels, ids: list[str]) -> str:
    """What the 2023 report printed for a figure, per segment: ``All banks: ~56%; Regional: ≥ 83%``."""
    return label("footer.list_separator").join(
        label("toplines.printed_for").format(segment=label.segment(label.dataset.figure(i)["segment"]),
                                            value=figure_text(label, i)) for i in ids)


def feeds_text(label: Labels, subject: str, category: str) -> str:
    """The figure an option feeds: its name when the book names it, else its subject id (an answer the report never printed).

    The category (e.g. the tool asked about) is named either way.
    """
    name = figure_name(label, subject, category)
    return name if label.has(f"subject.{subject}") else subject + name.removeprefix(humanize(subject))


def outline_table(label: Labels, outline: pd.DataFrame) -> pd.DataFrame:
    """One question's options without answers: id, name in both languages, the figure it feeds, 2023 as printed."""
    other = OTHER[label.lang]
    return pd.DataFrame({
        label("column.option_id"): outline["option_id"].tolist(),
        label("column.option"): outline[f"label_{label.lang}"].tolist(),
        label(f"column.option_{other}"): outline[f"label_{other}"].tolist(),
        label("column.feeds"): [feeds_text(label, s, c) for s, c in zip(outline["subject"], outline["category"])],
        label("column.printed_2023"): [printed_text(label, ids) for ids in outline["printed_ids"]],
    }).replace("", None)


def toplines_download(toplines: pd.DataFrame, questions: pd.DataFrame, options: pd.DataFrame) -> pd.DataFrame:
    """The full toplines table for download: ids, wordings in both languages, and every share with its interval and n."""
    asked = questions[["question_id", "kind", "asked_of", "text_en", "text_zh"]]
    named = options[["question_id", "option_id", "label_en", "label_zh"]]
    return toplines.merge(asked, on="question_id", how="left").merge(named, on=["question_id", "option_id"], how="left")[
        ["question_id", "kind", "asked_of", "text_en", "text_zh", "option_id", "label_en", "label_zh", "segment",
         "value", "ci_low", "ci_high", "unit", "n", "n_eff", "weighted"]]


def outline_download(outline: pd.DataFrame, questions: pd.DataFrame) -> pd.DataFrame:
    """The questionnaire outline for download: one row per option, with the figure key it feeds, the 2023 ids
    and the notes saying what is reconstruction (``question_note``, ``option_note``; empty when a file has none)."""
    notes = {"note": "question_note"}
    asked = questions.rename(columns=notes).reindex(
        columns=["question_id", "kind", "asked_of", "text_en", "text_zh", "question_note"], fill_value="")
    frame = outline.rename(columns={"note": "option_note"}).reindex(
        columns=[*outline.columns.drop("note", errors="ignore"), "option_note"], fill_value="")
    frame = frame.merge(asked, on="question_id", how="left")
    frame = frame.assign(printed_ids=[";".join(ids) for ids in frame["printed_ids"]])
    return frame[["question_id", "kind", "asked_of", "text_en", "text_zh", "question_note", "option_id", "label_en",
                  "label_zh", "topic", "subject", "category", "unit", "printed_ids", "option_note"]]


def segments_text(label: Labels, segments: list[str]) -> str:
    """The bank types as a list in the page's language."""
    return join_words(label, [label.segment(s, short=False) for s in segments])
