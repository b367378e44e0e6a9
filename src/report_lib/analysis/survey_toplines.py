"""Toplines and crosstabs of a survey wave: every question, every option, all banks and each bank type.

A topline is the share of the respondents asked who chose an option, for all banks and for
each bank type, with its 95% interval and the n of its base. The rows are the wave's
computed figures (:func:`report_lib.analysis.survey_shares.wave_figures`, merged into a
page's dataset by :func:`report_lib.analysis.wave_dataset.with_wave`) put back in
questionnaire order, so every question appears, whether a chapter shows it or not.
Without responses (the 2023 data folder) the questionnaire still says, per option, which
figure of the book it feeds and what the 2023 report printed for it
(:func:`questionnaire_outline`).
"""

from __future__ import annotations

import pandas as pd

KEY = ["topic", "subject", "category"]
TOPLINE_COLUMNS = ["question_id", "option_id", "segment", "value", "ci_low", "ci_high", "n", "n_eff", "unit",
                   "weighted"]


def computed_rows(figures: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``figures`` computed from a wave (one per question, option and segment); empty without a wave."""
    if "question_id" not in figures:
        return figures.iloc[0:0].assign(question_id="", option_id="")
    computed = figures[figures["question_id"].fillna("").astype(str) != ""]
    return computed.drop_duplicates(["question_id", "option_id", "segment"])  # a figure printed twice: one row


def toplines(figures: pd.DataFrame, options: pd.DataFrame, segments: list[str]) -> pd.DataFrame:
    """Every option of the questionnaire for each of ``segments``, in questionnaire order.

    Parameters
    ----------
    figures
        A page's figures (with a wave's computed rows).
    options
        ``survey/options.csv`` (``question_id``, ``option_id`` in questionnaire order).
    segments
        ``all`` and the bank types, in display order.

    Returns
    -------
    pandas.DataFrame
        :data:`TOPLINE_COLUMNS`; a segment without respondents asked has NaN values and n 0.
    """
    grid = pd.DataFrame([(q, o, s) for q, o in zip(options["question_id"], options["option_id"]) for s in segments],
                        columns=["question_id", "option_id", "segment"])
    computed = computed_rows(figures)
    columns = [c for c in TOPLINE_COLUMNS if c in computed]
    merged = grid.merge(computed[columns], on=["question_id", "option_id", "segment"], how="left")
    for column in TOPLINE_COLUMNS:
        if column not in merged:
            merged[column] = pd.NA
    merged["n"] = pd.to_numeric(merged["n"]).fillna(0).astype(int)
    for column in ("value", "ci_low", "ci_high", "n_eff"):
        merged[column] = pd.to_numeric(merged[column]).astype(float)
    return merged[TOPLINE_COLUMNS]


def bases(toplines_frame: pd.DataFrame) -> pd.DataFrame:
    """n and effective n of each question's base per segment (the same for all its options): one row per question."""
    first = toplines_frame.drop_duplicates(["question_id", "segment"])
    return first.pivot(index="question_id", columns="segment", values="n")


def questionnaire_outline(options: pd.DataFrame, published: pd.DataFrame) -> pd.DataFrame:
    """Each option with the 2023 figures of record of the figure it feeds.

    Returns ``options`` with ``printed_ids``: the ids of the published figures sharing the
    option's ``(topic, subject, category)``, one per segment (all banks first, then in the
    order of ``published``), empty when the report printed none.
    """
    keys = published[KEY + ["segment", "id"]].drop_duplicates(KEY + ["segment"])
    keys = keys.assign(_all=keys["segment"] != "all").sort_values("_all", kind="stable")
    printed = keys.groupby(KEY, sort=False)["id"].agg(list).rename("printed_ids").reset_index()
    outline = options.merge(printed, on=KEY, how="left")
    outline["printed_ids"] = [ids if isinstance(ids, list) else [] for ids in outline["printed_ids"]]
    return outline
