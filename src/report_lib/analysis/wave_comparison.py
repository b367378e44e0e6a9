"""A new wave beside the 2023 report: for every figure both give, the published value, the new one and the change.

A figure's key is ``(topic, subject, category, segment)``
(:data:`report_lib.analysis.survey_merge.KEY`). The 2023 value keeps how it was printed:
a bound ("83%+", at least) or an approximation makes the change a bound or an
approximation too, with the rule of
:func:`report_lib.analysis.segment_comparison.difference_qualifier` (new minus published:
a published "at least" gives a change of *at most* so many points). Flags of the 2023
figure (reconstructed, inconsistent, uncertain) travel with the row.
"""

from __future__ import annotations

import pandas as pd

from report_lib.analysis.questionnaire_change import NOT_ASKED, NOT_COMPARABLE, STATUS
from report_lib.analysis.segment_comparison import difference_qualifier
from report_lib.analysis.survey_merge import KEY
from report_lib.analysis.survey_toplines import computed_rows

PUBLISHED_COLUMNS = ["id", "chapter", *KEY, "unit", "value", "value_printed", "qualifier", "flag"]
NEW_COLUMNS = ["new_value", "ci_low", "ci_high", "n", "question_id", "option_id"]


def in_reading_order(rows: pd.DataFrame, published: pd.DataFrame, segments: list[str]) -> pd.DataFrame:
    """``rows`` by chapter, then figure in the order the data of record first lists it, then segment in ``segments`` order."""
    first = {key: i for i, key in reversed(list(enumerate(zip(published["topic"], published["subject"],
                                                               published["category"]))))}
    figure = [first[k] for k in zip(rows["topic"], rows["subject"], rows["category"])]
    segment = [segments.index(s) if s in segments else len(segments) for s in rows["segment"]]
    order = rows.assign(_figure=figure, _segment=segment).sort_values(["chapter", "_figure", "_segment"], kind="stable")
    return order.drop(columns=["_figure", "_segment"]).reset_index(drop=True)


def comparable_published(published: pd.DataFrame, options: pd.DataFrame, segments: list[str]) -> pd.DataFrame:
    """The 2023 figures a wave recomputes: of ``segments``, with a ``(topic, subject, category)`` an option feeds."""
    fed = options[["topic", "subject", "category"]].drop_duplicates()
    rows = published[published["segment"].isin(segments)].merge(fed, on=["topic", "subject", "category"])
    return in_reading_order(rows[PUBLISHED_COLUMNS], published, segments)


def compare_with_published(published: pd.DataFrame, figures: pd.DataFrame, segments: list[str]) -> pd.DataFrame:
    """Pair every 2023 figure with the wave's figure of the same key.

    Parameters
    ----------
    published
        The data of record as published (``load_dataset(data_dir).figures``).
    figures
        A page's figures with the wave's computed rows (``question_id`` filled).
    segments
        ``all`` and the bank types, in display order (the order of rows within a figure).

    Returns
    -------
    pandas.DataFrame
        One row per published figure whose key the wave computes, in reading order
        (:func:`in_reading_order`):
        :data:`PUBLISHED_COLUMNS`, :data:`NEW_COLUMNS`, ``change`` (new minus published, in
        points of the unit; NaN when the qualifiers leave its sign open) and
        ``change_qualifier`` (``exact``, ``approx``, ``at_least``, ``at_most``; empty then).
    """
    computed = computed_rows(figures).drop_duplicates(KEY)
    status = [STATUS] if STATUS in computed else []
    computed = computed[KEY + ["value", "ci_low", "ci_high", "n", "question_id", "option_id", *status]].rename(
        columns={"value": "new_value"})
    paired = pd.concat([published[PUBLISHED_COLUMNS].merge(computed, on=KEY), unanswered_published(published, figures)],
                       ignore_index=True)
    qualifiers = [difference_qualifier("exact", q) for q in paired["qualifier"]]
    change = (paired["new_value"].astype(float) - paired["value"].astype(float)).where([q is not None for q in qualifiers])
    paired["change"] = change.round(1)
    paired["change_qualifier"] = [q or "" for q in qualifiers]
    paired["n"] = pd.to_numeric(paired["n"]).fillna(0).astype(int)
    if STATUS in paired:
        paired[STATUS] = paired[STATUS].fillna("")
    return in_reading_order(paired[paired["segment"].isin(segments)], published, segments)


def unanswered_published(published: pd.DataFrame, figures: pd.DataFrame) -> pd.DataFrame:
    """The 2023 figures a wave with a changed questionnaire leaves without a counterpart, each with its status.

    Their value stays the 2023 one on the comparison page, the new value empty
    (:mod:`report_lib.analysis.questionnaire_change`: ``not_asked``, ``not_comparable``).
    """
    if STATUS not in figures:
        return published.iloc[0:0][PUBLISHED_COLUMNS]
    kept = figures[figures[STATUS].fillna("").isin((NOT_ASKED, NOT_COMPARABLE))
                   & (figures["question_id"].fillna("").astype(str) == "")]
    return published[PUBLISHED_COLUMNS].merge(kept[["id", STATUS]], on="id")


def summary(comparison: pd.DataFrame) -> dict[str, int]:
    """Counts for the page's sentence: figures compared, printed as bounds, approximate, flagged; and 2023
    figures listed without a counterpart (a question not asked, an answer not comparable)."""
    unanswered = comparison[STATUS].isin((NOT_ASKED, NOT_COMPARABLE)) if STATUS in comparison else None
    compared = comparison if unanswered is None else comparison[~unanswered]
    return {
        "count": len(compared),
        "bounds": int(compared["qualifier"].isin(["at_least", "at_most"]).sum()),
        "approx": int((compared["qualifier"] == "approx").sum()),
        "flagged": int((compared["flag"] != "").sum()),
        "unanswered": 0 if unanswered is None else int(unanswered.sum()),
    }
