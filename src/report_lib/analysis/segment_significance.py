"""Where a bank type really differs from the other banks of a wave, largest difference first.

With respondent-level answers every share of a bank type is tested against the same share
among the other respondents (:mod:`report_lib.analysis.survey_significance`: a pooled
two-proportion z-test on Kish's effective n, two-sided, 5%; the test's name is in the
``test`` column of each computed row). Only the differences that test calls significant are
ranked, by their size in percentage points. Scale means are not tested and so never ranked.
A question whose two options are complements (a yes/no question: the two shares add up to
100% for the bank type and for the other banks) differs once, not twice: only its first
option in questionnaire order is tested and ranked.
"""

from __future__ import annotations

import pandas as pd

from report_lib.analysis.survey_toplines import computed_rows

RANKED_COLUMNS = ["topic", "subject", "category", "chapter", "question_id", "option_id", "value", "ci_low", "ci_high",
                  "n", "n_eff", "others_value", "difference_pp", "p_value", "test"]


COMPLEMENT_TOLERANCE = 0.15
"""Points by which two shares printed with one decimal may miss 100 and still be complements."""


def _complements(tested: pd.DataFrame) -> set[str]:
    """Questions whose only two tested options add up to 100% both for the bank type and for the others."""
    grouped = tested.groupby("question_id").agg(options=("option_id", "size"), value=("value", "sum"),
                                                others=("others_value", "sum"))
    whole = ((grouped["value"] - 100).abs() <= COMPLEMENT_TOLERANCE) & (
        (grouped["others"] - 100).abs() <= COMPLEMENT_TOLERANCE)
    return set(grouped.index[(grouped["options"] == 2) & whole])


def rows_tested(figures: pd.DataFrame, segment: str, chapter: int | None = None) -> pd.DataFrame:
    """The computed shares of ``segment`` (of ``chapter`` when given) that were tested against the other banks.

    Of a yes/no question (two complementary options) only the first option counts.
    """
    rows = computed_rows(figures)
    if rows.empty:  # no wave: nothing was tested
        return rows
    rows = rows[(rows["segment"] == segment) & rows["p_value"].notna() & (rows["unit"] == "percent")]
    if chapter is not None:
        rows = rows[rows["chapter"] == chapter]
    return rows[~rows["question_id"].isin(_complements(rows)) | ~rows.duplicated("question_id")]


def significant_differences(figures: pd.DataFrame, segment: str, chapter: int | None = None) -> pd.DataFrame:
    """Rank the significant differences of ``segment`` from the other banks, largest (in absolute points) first.

    Parameters
    ----------
    figures
        A page's figures with a wave's computed rows (columns ``others_value``,
        ``p_value``, ``significant``, ``test``).
    segment
        A bank type id.
    chapter
        Only this chapter's questions (default: all).

    Returns
    -------
    pandas.DataFrame
        :data:`RANKED_COLUMNS`; ``difference_pp`` is the segment's share minus the other
        banks' share. Ties keep questionnaire order.
    """
    rows = rows_tested(figures, segment, chapter)
    if rows.empty:
        return pd.DataFrame(columns=RANKED_COLUMNS)
    rows = rows[rows["significant"].astype(bool)].copy()
    rows["difference_pp"] = (rows["value"].astype(float) - rows["others_value"].astype(float)).round(1)
    rows["_size"] = rows["difference_pp"].abs()
    ranked = rows.sort_values("_size", ascending=False, kind="stable")
    return ranked[RANKED_COLUMNS].reset_index(drop=True)

