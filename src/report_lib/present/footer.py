"""Chart footers generated from metadata and from the figures actually plotted.

A footer says where the numbers come from (the source, from ``figures.meta.yaml``), who
answered (the bases of the plotted figures, with n where the source states it), how the
values were printed (qualifiers) and which plotted figures carry a flag. Because it is
computed from the plotted rows, it cannot go stale when the data changes.
"""

from __future__ import annotations

import pandas as pd

from report_lib.present.labels import Labels, n_text
from report_lib.analysis.segments import MARKET
from report_lib.analysis.sample_sizes import SEGMENT_BASE
from report_lib.analysis.segment_sizes import INFERABLE

MAX_IDS = 3
"""Flagged figures listed by id in a footer; more are summarised as first … last."""


def _bases(figures: pd.DataFrame, label: Labels) -> str:
    bases = label.dataset.table("bases").set_index("base")
    parts = []
    for base in dict.fromkeys(figures["base"]):
        if bases.loc[base, "survey"] != "yes":
            parts.append(label.base(base))
            continue
        n = bases.loc[base, "n"]
        segments = set(figures.loc[figures["base"] == base, "segment"])
        if pd.notna(n):
            size = n_text(label, MARKET, base)
        elif base == SEGMENT_BASE and segments <= set(INFERABLE):
            size = label("footer.n_inferred_per_bar")
        else:
            size = label("footer.n_not_published")
        parts.append(f"{label.base(base)} ({size})")
    return "; ".join(parts)


def _flags(figures: pd.DataFrame, label: Labels) -> list[str]:
    lines = []
    flagged = figures[figures["flag"] != ""]
    for flag in label.dataset.table("flags")["flag"]:
        ids = flagged.loc[flagged["flag"].str.split(";").map(lambda fs: flag in fs), "id"].tolist()
        if ids:
            listed = ", ".join(ids) if len(ids) <= MAX_IDS else f"{ids[0]} … {ids[-1]}"
            lines.append(f"{label.flag(flag)} ({len(ids)}: {listed})")
    return lines


def chart_footer(figures: pd.DataFrame, label: Labels, method: str | None = None,
                 reference: str | None = None) -> str:
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
    """
    colon, stop, sep = label("footer.colon"), label("footer.stop"), label("footer.list_separator")

    def line(key: str, text: str, end: str = stop) -> str:
        return f"{label(key)}{colon}{text}{end}"

    meta = label.dataset.metadata["figures"]["source"]
    lines = [line("footer.source", meta["short_" + label.lang])]
    if reference:
        meta_ref = label.dataset.metadata[reference]
        title = meta_ref.get(f"title_{label.lang}") or meta_ref["title"]
        lines.append(line("footer.reference", f"{title} (data/reference/{reference}.csv)"))
    if not figures.empty:
        lines.append(line("footer.base", _bases(figures, label).replace("; ", sep)))
    qualifiers = sorted(set(figures["qualifier"]) - {"exact"})
    if qualifiers:
        quals = label.dataset.table("qualifiers").set_index("qualifier")
        lines.append(line("footer.qualifiers", sep.join(f"{quals.loc[q, 'label_' + label.lang]}" for q in qualifiers)))
    if method:
        lines.append(line("footer.method", method, end=""))
    flags = _flags(figures, label)
    if flags:
        lines.append(line("footer.flags", sep.join(flags)))
        lines.append(label("footer.see_notes"))
    return " ".join(lines)
