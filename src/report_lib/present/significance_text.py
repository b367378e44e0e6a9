"""A bank type's significant differences from the other banks of a wave, as the opening of its rendition says them.

The ranking is :func:`report_lib.analysis.segment_significance.significant_differences`;
the test is named from the ``test`` column of the rows (label ``test.<name>``), so the
sentence says which test decided. Each difference is given with the bank type's share, its
95% interval and n, and the other banks' share. A figure the book names only by the answer
("Yes", "No": an answer the 2023 report never printed) is named with its question's wording,
when the rows carry it (columns ``question_text`` and ``option_label``).
"""

from __future__ import annotations

import pandas as pd

from report_lib.present.labels import Labels, difference_text, figure_name, join_words


def _percent(label: Labels, value: float) -> str:
    return label.value(f"{value:.1f}", "percent", "exact")


P_FLOOR = 0.0001
"""p-values below this show as ``< 0.0001`` (four decimals, as computed)."""


def p_text(p_value: float) -> str:
    """A p-value with four decimals; below :data:`P_FLOOR` as ``< 0.0001`` rather than a misleading zero."""
    return f"< {P_FLOOR}" if p_value < P_FLOOR else f"{p_value:.4f}"


def item_name(label: Labels, row: pd.Series) -> str:
    """The figure's name; with the question's wording when the name is the bare answer."""
    name = figure_name(label, row["subject"], row["category"])
    if "option_label" in row and name == row["option_label"]:
        return label("variant.question_answer").format(question=row["question_text"], answer=name)
    return name


def item_text(label: Labels, row: pd.Series) -> str:
    """One ranked difference: figure, share (interval, n), the other banks' share, the difference in points."""
    return label("variant.significant_item").format(
        figure=item_name(label, row), value=_percent(label, row["value"]),
        low=f"{row['ci_low']:.1f}", high=f"{row['ci_high']:.1f}", n=int(row["n"]),
        others=_percent(label, row["others_value"]), difference=difference_text(label, row["difference_pp"], "exact"))


def significance_sentences(label: Labels, segment: str, tested: pd.DataFrame, ranked: pd.DataFrame,
                           top: int = 3) -> list[str]:
    """The opening's sentences: which test, how many of the tested shares differ, the ``top`` largest."""
    name = label.segment(segment, short=False)
    test = label(f"test.{tested['test'].iloc[0]}")
    if ranked.empty:
        return [label("variant.significant_none").format(segment=name, test=test, tested=len(tested))]
    items = join_words(label, [item_text(label, r) for _, r in ranked.head(top).iterrows()], None, long=True)
    return [label("variant.significant_intro").format(segment=name, test=test, count=len(ranked),
                                                      tested=len(tested), items=items)]


def significance_table(label: Labels, segment: str, ranked: pd.DataFrame) -> pd.DataFrame:
    """Every significant difference, largest first: question, figure, the bank type's share (interval), n, other banks, difference, p."""
    return pd.DataFrame({
        label("column.question"): ranked["question_id"].tolist(),
        label("column.figure"): [item_name(label, r) for _, r in ranked.iterrows()],
        label.segment(segment): [label("toplines.with_interval").format(
            value=_percent(label, v), low=f"{lo:.1f}", high=f"{hi:.1f}")
            for v, lo, hi in zip(ranked["value"], ranked["ci_low"], ranked["ci_high"])],
        label("column.n"): ranked["n"].astype(int).astype(str).tolist(),
        label("column.others"): [_percent(label, v) for v in ranked["others_value"]],
        label("column.difference_pp"): [difference_text(label, d, "exact") for d in ranked["difference_pp"]],
        label("column.p_value"): [p_text(p) for p in ranked["p_value"]],
    })
