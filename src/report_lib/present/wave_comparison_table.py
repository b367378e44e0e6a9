"""The comparison of a new wave with the 2023 report as a reader's table, and the sentence that sums it up.

Values are shown as printed: the 2023 value with its qualifier (``≥ 83%``, ``~56%``) and
flags, the new value with its 95% interval and n, the change with the qualifier the 2023
value passes on (:func:`report_lib.analysis.wave_comparison.compare_with_published`).
"""

from __future__ import annotations

import pandas as pd

from report_lib.present.labels import Labels, difference_text, figure_name
from report_lib.present.survey_tables import share_cell
from report_lib.present.tables import flag_labels


def change_text(label: Labels, change: float, qualifier: str, unit: str) -> str:
    """The change in percentage points (a share) or in points of the unit (a score), with its qualifier."""
    if pd.isna(change):
        return label("comparison.sign_open")
    if unit == "percent":
        return difference_text(label, change, qualifier)
    return label.value(f"{change:+.1f}".replace("+0.0", "0.0"), unit, qualifier)


NBSP = "\u00a0"


def comparison_table(label: Labels, comparison: pd.DataFrame, with_wave: bool = True) -> pd.DataFrame:
    """The comparison for the page: figure, bank type, 2023 as printed and its flags, and with a wave
    the new value with interval, n and the change (values as printed do not break across lines).

    ``comparison`` is :func:`~report_lib.analysis.wave_comparison.compare_with_published`
    (or, without a wave, :func:`~report_lib.analysis.wave_comparison.comparable_published`).
    """
    table = pd.DataFrame({
        label("column.figure"): [figure_name(label, s, c) for s, c in zip(comparison["subject"], comparison["category"])],
        label("column.segment"): [label.segment(s) for s in comparison["segment"]],
        label("column.published_2023"): [label.value(v, u, q).replace(" ", NBSP) for v, u, q in
                                         zip(comparison["value_printed"], comparison["unit"], comparison["qualifier"])],
        label("column.flag"): [flag_labels(label, f) for f in comparison["flag"]],
    })
    if with_wave:
        new = comparison.drop(columns="value").rename(columns={"new_value": "value"})
        table[label("column.new_value")] = [share_cell(label, r) for _, r in new.iterrows()]
        table[label("column.n")] = comparison["n"].astype(str).tolist()
        table[label("column.change")] = [change_text(label, c, q, u).replace(" ", NBSP) for c, q, u in
                                         zip(comparison["change"], comparison["change_qualifier"], comparison["unit"])]
    return table.replace("", None)


def comparison_download(comparison: pd.DataFrame) -> pd.DataFrame:
    """The comparison for download: ids, key, 2023 value, qualifier and flag, new value, interval, n, change."""
    return comparison[["id", "chapter", "topic", "subject", "category", "segment", "unit", "value_printed", "qualifier",
                       "flag", "question_id", "option_id", "new_value", "ci_low", "ci_high", "n", "change",
                       "change_qualifier"]].rename(columns={"value_printed": "published_value"})
