"""How a bank-type variant presents segment figures: names, plain notes and its opening section.

A variant of a chapter opens with "key findings for this segment" (:func:`opening`),
computed by :mod:`report_lib.analysis.segment_comparison`: where the segment is furthest above and
below all banks, then every figure the source gives for the segment beside the other bank
types. Where a chart's figures have no split by bank type,
:func:`report_lib.present.labels.no_split_note` returns
the one plain sentence that says so. Sentences come from ``labels.csv`` (en/zh), numbers
only from the data of record.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from report_lib.present.escape import markdown_text
from report_lib.present import charts
from report_lib.present.labels import Labels, difference_text, figure_name, join_words, n_text, shown
from report_lib.analysis.segment_comparison import compare_to_market, furthest, split_figures
from report_lib.analysis.segment_significance import significant_differences, rows_tested
from report_lib.present.significance_text import significance_sentences, significance_table
from report_lib.analysis.segments import MARKET, bank_types, segment_ids
from report_lib.data.survey.questionnaire import load_questionnaire
from report_lib.page.page import open_page


def segment_table(label: Labels, segment: str, chapter: int | None) -> pd.DataFrame:
    """Every figure of ``segment`` in ``chapter``: ranked comparisons first, then the rest.

    Columns (labelled in the label's language): figure, the segment, the other bank
    types, all banks, and the difference in percentage points.
    """
    dataset = label.dataset
    comparison = compare_to_market(dataset, segment, chapter)
    above, below = furthest(comparison, top=len(comparison))
    ranked = pd.concat([above, below])
    order = list(ranked["segment_id"]) + [i for i in comparison["segment_id"] if i not in set(ranked["segment_id"])]
    wide = split_figures(dataset, chapter)
    wide = wide[wide[f"{segment}_id"] != ""].set_index(f"{segment}_id").loc[order].reset_index()
    difference = comparison.set_index("segment_id").loc[order]
    columns = {label("column.figure"): [figure_name(label, s, c) for s, c in zip(wide["subject"], wide["category"])]}
    for seg in [segment, *[s for s in bank_types(dataset) if s != segment], MARKET]:
        columns[label.segment(seg)] = [shown(label, v, u) for v, u in zip(wide[f"{seg}_shown"], wide["unit"])]
    columns[label("column.difference_pp")] = [
        difference_text(label, d, q) for d, q in zip(difference["difference_pp"], difference["difference_qualifier"])]
    return pd.DataFrame(columns).replace("", None)


def findings_sentences(label: Labels, segment: str, chapter: int | None, top: int = 3) -> list[str]:
    """Return the opening's sentences: what is compared, furthest above, furthest below, what is unpaired."""
    dataset = label.dataset
    name, n = label.segment(segment, short=False), n_text(label, segment)
    comparison = compare_to_market(dataset, segment, chapter)
    if comparison.empty:
        return [label("variant.chapter_no_split").format(segment=name)]
    comparable = comparison.dropna(subset=["difference_pp"])
    if comparable.empty:
        return [label("variant.no_pairs").format(segment=name, n=n, count=len(comparison))]
    sentences = [label("variant.findings_intro").format(segment=name, n=n)]
    for key, part in zip(("variant.above", "variant.below"), furthest(comparison, top)):
        if not part.empty:
            items = join_words(label, (label("phrase.with_note").format(
                text=figure_name(label, r.subject, r.category),
                note=difference_text(label, r.difference_pp, r.difference_qualifier)) for r in part.itertuples()),
                None, long=True)
            sentences.append(label(key).format(items=items))
    unpaired = len(comparison) - len(comparable)
    if unpaired:
        sentences.append(label("variant.unpaired").format(segment=name, count=unpaired))
    return sentences


def findings_rows(dataset, segment: str, chapter: int | None, top: int = 3) -> pd.DataFrame:
    """Return the figures.csv rows behind the ranked findings: every bank type and all banks, per key."""
    above, below = furthest(compare_to_market(dataset, segment, chapter), top)
    keys = pd.concat([above, below])[["topic", "subject", "category"]]
    figures = dataset.figures
    if chapter is not None:
        figures = figures[figures["chapter"] == chapter]
    rows = figures[figures["segment"].isin([MARKET, *bank_types(dataset)])]
    return rows.merge(keys, on=["topic", "subject", "category"]).drop_duplicates(
        ["topic", "subject", "category", "segment"])


def with_wording(ranked: pd.DataFrame, data_dir, lang: str) -> pd.DataFrame:
    """``ranked`` with each row's question wording and answer name in ``lang`` (``question_text``, ``option_label``)."""
    survey = load_questionnaire(Path(data_dir) / "survey")
    texts = survey.question_table.set_index("question_id")[f"text_{lang}"]
    names = survey.option_table.set_index(["question_id", "option_id"])[f"label_{lang}"]
    return ranked.assign(question_text=[texts[q] for q in ranked["question_id"]],
                         option_label=[names[(q, o)] for q, o in zip(ranked["question_id"], ranked["option_id"])])


def wave_opening(page, segment: str, chapter: int | None) -> bool:
    """Display the opening of a rendition built from a wave: the significant differences, ranked; False without a wave.

    A wave's rows carry a test of each share of ``segment`` against the other banks
    (:mod:`report_lib.analysis.segment_significance`): the sentences name the test and
    the largest differences, the table lists every significant one, largest first.
    """
    from IPython.display import Markdown, display

    tested = rows_tested(page.data.figures, segment, chapter)
    if tested.empty:
        return False
    label = page.label
    ranked = with_wording(significant_differences(page.data.figures, segment, chapter), page.data.data_dir, label.lang)
    display(Markdown("\n\n".join(markdown_text(s) for s in significance_sentences(label, segment, tested, ranked))))
    if not ranked.empty:
        display(page.note(label("variant.significant_table").format(segment=label.segment(segment, False))))
        display(page.table(significance_table(label, segment, ranked)))
    return True


def opening(data_dir: str | None, lang: str, segment: str, chapter: int | None) -> None:
    """Display a variant's opening section: the findings sentences and the segment's table.

    With a wave the section ranks the segment's significant differences instead
    (:func:`wave_opening`). Called by the cell the variant pipeline inserts after the
    parameters (see :mod:`report_lib.publish.variants`), so every chapter gets it without
    code of its own.
    """
    from IPython.display import Markdown, display


    page = open_page(data_dir, lang, segment)
    if wave_opening(page, segment, chapter):
        return
    label, name = page.label, page.label.segment(segment, short=False)
    display(Markdown("\n\n".join(markdown_text(s) for s in findings_sentences(label, segment, chapter))))
    rows = findings_rows(page.data, segment, chapter)
    if not rows.empty:
        in_order = rows.sort_values("segment", key=lambda s: s.map(segment_ids(page.data).index), kind="stable")
        display(page.show(f"key_findings_c{chapter}",
                          charts.figure_bars(in_order, label, item="figure", highlight=segment, market=True),
                          rows, segment=name))
    if not compare_to_market(page.data, segment, chapter).empty:
        display(page.note(page.label("variant.segment_figures").format(segment=page.label.segment(segment, False))))
        display(page.table(segment_table(page.label, segment, chapter)))
