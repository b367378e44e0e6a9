"""Chart footers generated from metadata and from the figures actually plotted.

A footer says where the numbers come from (the source, from ``figures.meta.yaml``; for a chart of
a reference table, the source of the table its metadata names in ``compiled_from``), who
answered (the bases of the plotted figures, with n where the source states it), how the
values were printed (qualifiers) and which plotted figures carry a flag. Because it is
computed from the plotted rows, it cannot go stale when the data changes.
"""

from __future__ import annotations

import pandas as pd

from report_lib.present.charts import survey_marks
from report_lib.present.labels import Labels, aside, n_text, sentences
from report_lib.analysis.segments import MARKET
from report_lib.analysis.sample_sizes import SEGMENT_BASE
from report_lib.analysis.segment_sizes import INFERABLE, sizes_known
from report_lib.data.survey.edition import edition_of

MAX_IDS = 3
"""Flagged figures listed by id in a footer; more are summarised as first … last."""


def _computed_n(label: Labels, counts: pd.Series) -> str:
    """``n=600`` for one size, ``n=105–296, per bar`` for several (the exact n of a wave's rows)."""
    low, high = int(counts.min()), int(counts.max())
    if low == high:
        return label("footer.n_all").format(n=low)
    return label("footer.n_range").format(low=low, high=high)


def _bases(figures: pd.DataFrame, label: Labels) -> str:
    bases = label.dataset.table("bases").set_index("base")
    exact = survey_marks.computed_n(figures)
    parts = []
    for base in dict.fromkeys(figures["base"]):
        counts = exact[figures["base"] == base].dropna()
        if not counts.empty:
            parts.append(aside(label, label.base(base), _computed_n(label, counts)))
            continue
        if bases.loc[base, "survey"] != "yes":
            parts.append(label.base(base))
            continue
        n = bases.loc[base, "n"]
        segments = set(figures.loc[figures["base"] == base, "segment"])
        if pd.notna(n):
            size = n_text(label, MARKET, base)
        elif base == SEGMENT_BASE and segments <= set(INFERABLE):
            size = label("footer.n_per_bar" if sizes_known(label.dataset) else "footer.n_inferred_per_bar")
        else:
            size = label("footer.n_not_published")
        parts.append(aside(label, label.base(base), size))
    return label("footer.list_separator").join(parts)


def _flags(figures: pd.DataFrame, label: Labels) -> list[str]:
    lines = []
    flagged = figures[figures["flag"] != ""]
    for flag in label.dataset.table("flags")["flag"]:
        ids = flagged.loc[flagged["flag"].str.split(";").map(lambda fs: flag in fs), "id"].tolist()
        if ids:
            listed = label("join.separator").join(ids) if len(ids) <= MAX_IDS else f"{ids[0]} … {ids[-1]}"
            lines.append(label("footer.flag_ids").format(flag=label.flag(flag), count=len(ids), ids=listed))
    return lines


def _reference_source(label: Labels, reference: str) -> str:
    """The source of a reference table: the source its ``compiled_from`` table names, else its own ``source`` text.

    Every reference table of ``data/`` is compiled from the published report, so its chart
    cites the report in the page's language; a table without ``compiled_from`` cites the
    ``source`` sentence of its metadata.
    """
    meta = label.dataset.metadata[reference]
    origin = meta.get("compiled_from")
    if origin:
        if origin not in label.dataset.metadata:
            raise ValueError(f"reference/{reference}.meta.yaml: compiled_from names no table of the data: {origin!r}")
        meta = label.dataset.metadata[origin]
    source = meta["source"]
    return source["short_" + label.lang] if isinstance(source, dict) else " ".join(str(source).split())


def _sources(figures: pd.DataFrame, label: Labels, reference: str | None = None) -> list[str]:
    """The sources of the plotted rows (the published report; a wave's questions and file for computed rows),
    then the reference table's if it is not among them."""
    provenance = figures["provenance"].fillna("") if "provenance" in figures.columns else pd.Series("", figures.index)
    computed = provenance != ""
    parts = []
    if (~computed).any():
        parts.append(label.dataset.metadata["figures"]["source"]["short_" + label.lang])
    by_file: dict[str, list[str]] = {}
    for item in dict.fromkeys(provenance[computed]):
        question, _, file = item.partition("@")
        by_file.setdefault(file, []).append(question)
    edition = edition_of(label.dataset.data_dir) if by_file else None
    year = edition.year if edition is not None and edition.is_wave else None  # when the wave's metadata says
    for file, questions in by_file.items():
        key = "footer.survey_source" if year is None else "footer.survey_source_year"
        parts.append(label(key).format(questions=label("join.separator").join(questions), file=file, year=year))
    if reference and (source := _reference_source(label, reference)) not in parts:
        parts.append(source)
    return parts


def _survey_lines(figures: pd.DataFrame, label: Labels, segment: str | None) -> list[tuple[str, str]]:
    """(label key, text) of the footer lines a wave's rows add: the interval and weighting, the significance mark."""
    if not survey_marks.has_intervals(figures):
        return []
    rows = figures[figures["ci_low"].notna()]
    weighted = rows["weighted"].eq(True).any() if "weighted" in rows.columns else False
    lines = [("footer.interval", label("footer.interval_wilson").format(
        weighting=label("footer.weighted" if weighted else "footer.unweighted")))]
    marked = survey_marks.significant_rows(figures, segment)
    if marked.any():
        tests = survey_marks.tests_named(figures[marked])
        names = label("footer.list_separator").join(label(f"test.{t}") for t in tests)
        lines.append(("footer.significance", label("footer.significant_mark").format(
            mark=label("chart.significant_mark"), segment=label.segment(segment, short=False), test=names)))
    return lines


def chart_footer(figures: pd.DataFrame, label: Labels, method: str | None = None,
                 reference: str | None = None, segment: str | None = None) -> str:
    """Return the footer text for a chart of ``figures`` (rows of figures.csv).

    Parameters
    ----------
    figures
        The data-of-record rows the chart plots.
    label
        Labels of the chart's language.
    method
        Optional sentence on how derived values were computed.
    reference
        Name of a reference table the chart draws instead of (or besides) figures.
    segment
        The bank type the chart is about, whose significant differences the chart marks;
        ``None`` for all banks.
    """
    colon, stop, sep = label("footer.colon"), label("footer.stop"), label("footer.list_separator")

    def line(key: str, text: str, end: str = stop) -> str:
        return f"{label(key)}{colon}{text}{end}"

    sources = _sources(figures, label, reference)
    if not sources:
        raise ValueError("a chart footer needs a source: pass the plotted figures or the reference table drawn")
    lines = [line("footer.source", sep.join(sources))]
    if reference:
        meta_ref = label.dataset.metadata[reference]
        title = meta_ref.get(f"title_{label.lang}") or meta_ref["title"]
        lines.append(line("footer.reference", aside(label, title, f"data/reference/{reference}.csv")))
    if not figures.empty:
        lines.append(line("footer.base", _bases(figures, label)))
    qualifiers = sorted(set(figures["qualifier"]) - {"exact"})
    if qualifiers:
        quals = label.dataset.table("qualifiers").set_index("qualifier")
        lines.append(line("footer.qualifiers", sep.join(f"{quals.loc[q, 'label_' + label.lang]}" for q in qualifiers)))
    lines.extend(line(key, text) for key, text in _survey_lines(figures, label, segment))
    if method:
        lines.append(line("footer.method", method, end=""))
    flags = _flags(figures, label)
    if flags:
        lines.append(line("footer.flags", sep.join(flags)))
        lines.append(label("footer.see_notes"))
    return sentences(label, lines)
