"""The comparison of a new wave with the 2023 report as a reader's table, and the sentence that sums it up.

Values are shown as printed: the 2023 value with its qualifier (``≥ 83%``, ``~56%``) and
flags, the new value with its 95% interval and n, the change with the qualifier the 2023
value passes on (:func:`report_lib.analysis.wave_comparison.compare_with_published`).
"""

from __future__ import annotations

import pandas as pd

from report_lib.analysis.questionnaire_change import STATUS
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
UNANSWERED = {"not_asked": "comparison.not_asked", "not_comparable": "comparison.no_counterpart"}
"""What the new-value cell says of a 2023 figure the wave left without a counterpart, by its status."""


def comparison_table(label: Labels, comparison: pd.DataFrame, with_wave: bool = True) -> pd.DataFrame:
    """The comparison for the page: figure, bank type, 2023 as printed and its flags, and with a wave
    the new value with interval, n and the change (values as printed do not break across lines).

    ``comparison`` is :func:`~report_lib.analysis.wave_comparison.compare_with_published`
    (or, without a wave, :func:`~report_lib.analysis.wave_comparison.comparable_published`).
    """
    status = comparison[STATUS].fillna("") if STATUS in comparison else pd.Series("", comparison.index)
    names = [figure_name(label, s, c) for s, c in zip(comparison["subject"], comparison["category"])]
    table = pd.DataFrame({
        label("column.figure"): [label("comparison.reworded_figure").format(figure=name) if st == "reworded" else name
                                 for name, st in zip(names, status)],
        label("column.segment"): [label.segment(s) for s in comparison["segment"]],
        label("column.published_2023"): [label.value(v, u, q).replace(" ", NBSP) for v, u, q in
                                         zip(comparison["value_printed"], comparison["unit"], comparison["qualifier"])],
        label("column.flag"): [flag_labels(label, f) for f in comparison["flag"]],
    })
    if with_wave:
        new = comparison.drop(columns="value").rename(columns={"new_value": "value"})
        missing = {st: label(key) for st, key in UNANSWERED.items()}
        table[label("column.new_value")] = [missing[st] if st in missing else share_cell(label, r)
                                            for st, (_, r) in zip(status, new.iterrows())]
        table[label("column.n")] = ["" if st in missing else str(n) for st, n in zip(status, comparison["n"])]
        table[label("column.change")] = ["" if st in missing else change_text(label, c, q, u).replace(" ", NBSP)
                                         for st, c, q, u in zip(status, comparison["change"],
                                                                comparison["change_qualifier"], comparison["unit"])]
    return table.replace("", None)


def comparison_download(comparison: pd.DataFrame) -> pd.DataFrame:
    """The comparison for download: ids, key, 2023 value, qualifier and flag, new value, interval, n, change."""
    status = [STATUS] if STATUS in comparison else []
    return comparison[["id", "chapter", "topic", "subject", "category", "segment", "unit", "value_printed", "qualifier",
                       "flag", "question_id", "option_id", "new_value", "ci_low", "ci_high", "n", "change",
                       "change_qualifier", *status]].rename(columns={"value_printed": "published_value"})


def not_comparable_table(label: Labels, rows: pd.DataFrame, wording: pd.Series, reason: dict[str, str]) -> pd.DataFrame:
    """The wave's answers without a 2023 counterpart: question (id and wording), answer, why, value and n.

    ``rows`` are computed rows of one segment with a status (``new``, ``not_comparable``);
    ``wording`` the question texts of the page's language by question id; ``reason`` a sentence per status.
    """
    return pd.DataFrame({
        label("column.question"): [f"{q}{label('footer.colon')}{wording[q]}" for q in rows["question_id"]],
        label("column.answer"): [label.subject(s) for s in rows["subject"]],
        label("column.reason"): [reason[s] for s in rows[STATUS]],
        label("column.new_value"): [share_cell(label, r) for _, r in rows.iterrows()],
        label("column.n"): [str(int(n)) for n in rows["n"]],
    })
