"""How a bank-type variant presents segment figures: names, plain notes and its opening section.

A variant of a chapter opens with "key findings for this segment" (:func:`opening`),
computed by :mod:`report_lib.segment_findings`: where the segment is furthest above and
below all banks, then every figure the source gives for the segment beside the other bank
types. Where a chart's figures have no split by bank type, :func:`no_split_note` returns
the one plain sentence that says so. Sentences come from ``labels.csv`` (en/zh), numbers
only from the data of record.
"""

from __future__ import annotations

import pandas as pd

from report_lib import charts
from report_lib.labels import Labels
from report_lib.segment_n import n_text
from report_lib.segment_findings import compare_to_market, furthest, split_figures
from report_lib.segments import MARKET, bank_types


def humanize(identifier: str) -> str:
    """Return an id as words (``need_user_reach`` -> ``need user reach``), for ids without a label."""
    return identifier.replace("_", " ")


def figure_name(label: Labels, subject: str, category: str = "") -> str:
    """Name a figure by its subject (and category), from ``subject.*``/``category.*`` labels when present.

    A category that is a tool id is named by the tool's name (``tools.csv``).
    """
    name = label(f"subject.{subject}") if label.has(f"subject.{subject}") else humanize(subject)
    if category:
        tools = label.dataset.table("tools").set_index("tool_id")
        if category in tools.index:
            name += " · " + str(tools.loc[category, f"name_{label.lang}"])
        else:
            name += " · " + (label(f"category.{category}") if label.has(f"category.{category}") else humanize(category))
    return name


def no_split_note(figures: pd.DataFrame, label: Labels, segment: str) -> str:
    """Return the sentence to print under a chart of ``figures`` when they have no value for ``segment``.

    Empty for the main book (``all``) and when ``figures`` include the segment. When no
    bank type has a value, the sentence says the values shown are for all banks.
    """
    if segment == MARKET or (figures["segment"] == segment).any():
        return ""
    return label("variant.no_split")


def shown(label: Labels, printed_and_qualifier: str, unit: str) -> str:
    """Format a ``value|qualifier`` cell of :func:`~report_lib.segment_findings.split_figures`."""
    if not printed_and_qualifier:
        return ""
    printed, qualifier = printed_and_qualifier.split("|")
    return label.value(printed, unit, qualifier)


def difference_text(label: Labels, difference: float, qualifier: str) -> str:
    """Format a difference in percentage points with sign and qualifier (e.g. ``≥ +8.0 pp``)."""
    if pd.isna(difference):
        return ""
    return label.value(f"{difference:+.1f}".replace("+0.0", "0.0"), "percentage_points", qualifier)


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
            items = "; ".join(
                f"{figure_name(label, r.subject, r.category)} "
                f"({difference_text(label, r.difference_pp, r.difference_qualifier)})" for r in part.itertuples())
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


def opening(data_dir: str | None, lang: str, segment: str, chapter: int | None) -> None:
    """Display a variant's opening section: the findings sentences and the segment's table.

    Called by the cell the variant pipeline inserts after the parameters (see
    :mod:`report_lib.variants`), so every chapter gets it without code of its own.
    """
    from IPython.display import Markdown, display

    from report_lib.chapter import open_chapter

    book = open_chapter(data_dir, lang, segment)
    label, name = book.label, book.label.segment(segment, short=False)
    display(Markdown("\n\n".join(findings_sentences(label, segment, chapter))))
    rows = findings_rows(book.data, segment, chapter)
    if not rows.empty:
        display(book.show(
            charts.segment_bars(rows, label, segment, title=label("title.variant_findings").format(segment=name),
                                subtitle=label("subtitle.variant_findings").format(segment=name)),
            rows, name=f"key-findings-c{chapter}", alt_text=label("alt.variant_findings").format(segment=name)))
    if not compare_to_market(book.data, segment, chapter).empty:
        display(Markdown(book.label("variant.segment_figures").format(segment=book.label.segment(segment, False))))
        display(book.table(segment_table(book.label, segment, chapter)))
