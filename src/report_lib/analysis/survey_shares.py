"""Figures of a survey wave in the data-of-record schema, with n, effective n and intervals.

For all banks and each bank type: the share choosing each option among respondents asked who
answered (weighted when the wave has weights), the unweighted n of that base, Kish's effective
n, a 95% Wilson interval on it (:mod:`report_lib.analysis.survey_intervals`); for a scale, the
share at each listed value and the mean with a normal interval. Each bank type is tested
against the other respondents (:mod:`report_lib.analysis.survey_significance`). Shares and
bounds are in percent with one decimal; ``provenance`` is ``<question_id>@<responses file>``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from report_lib.analysis.survey_intervals import kish_n_eff, mean_interval, wilson_interval
from report_lib.analysis.survey_significance import TEST, significant, two_proportion_z
from report_lib.analysis.survey_sums import SumKey, segment_sums
from report_lib.data.survey.questionnaire import MEAN_OPTION, Questionnaire
from report_lib.data.survey.wave import Wave

ALL = "all"
FIGURE_COLUMNS = ("id", "chapter", "topic", "subject", "segment", "category", "value", "unit", "qualifier",
                  "base", "flag", "quote_zh", "note")
"""Columns of ``published/figures.csv``; computed rows have these first."""
SURVEY_COLUMNS = ("n", "n_eff", "ci_low", "ci_high", "provenance", "question_id", "option_id", "weighted",
                  "others_value", "p_value", "significant", "test")
"""Columns a computed row adds to the data-of-record schema."""


def _totals(sums: pd.DataFrame, segments: tuple[str, ...]) -> dict[str, pd.Series]:
    """Sums for all banks and for each bank type (zero when it has no respondents)."""
    total = sums.sum(axis=0)
    return {ALL: total, **{s: sums.loc[s] if s in sums.index else total * 0 for s in segments}}


def _share_row(sums: pd.Series, others: pd.Series | None, qid: str, option: str) -> dict:
    w, w2, n = sums[SumKey(qid, None, "w")], sums[SumKey(qid, None, "w2")], sums[SumKey(qid, None, "n")]
    share = sums[SumKey(qid, option, "w")] / w if w > 0 else np.nan
    n_eff = float(kish_n_eff(w, w2))
    low, high = wilson_interval(share, n_eff)
    row = {"value": share * 100, "n": int(n), "n_eff": n_eff, "ci_low": float(low) * 100, "ci_high": float(high) * 100}
    if others is not None:
        ow = others[SumKey(qid, None, "w")]
        other_share = others[SumKey(qid, option, "w")] / ow if ow > 0 else np.nan
        other_n = float(kish_n_eff(ow, others[SumKey(qid, None, "w2")]))
        _, p_value = two_proportion_z(share, n_eff, other_share, other_n)
        row.update(others_value=other_share * 100, p_value=float(p_value), significant=bool(significant(p_value)),
                   test=TEST)
    return row


def _mean_row(sums: pd.Series, qid: str) -> dict:
    w, w2, n = sums[SumKey(qid, None, "w")], sums[SumKey(qid, None, "w2")], sums[SumKey(qid, None, "n")]
    mean = sums[SumKey(qid, None, "wx")] / w if w > 0 else np.nan
    variance = sums[SumKey(qid, None, "wx2")] / w - mean**2 if w > 0 else np.nan
    n_eff = float(kish_n_eff(w, w2))
    low, high = mean_interval(mean, variance, n_eff)
    return {"value": mean, "n": int(n), "n_eff": n_eff, "ci_low": float(low), "ci_high": float(high)}


def figures_from_sums(sums: pd.DataFrame, questionnaire: Questionnaire, bank_types: tuple[str, ...],
                      provenance_file: str, weighted: bool) -> pd.DataFrame:
    """Turn the per-segment sums of :func:`~report_lib.analysis.survey_sums.segment_sums` into figure rows."""
    totals = _totals(sums, bank_types)
    questions = questionnaire.question_table.set_index("question_id")
    kinds = {q.question_id: q.kind for q in questionnaire.questions}
    rows = []
    for option in questionnaire.option_table.to_dict("records"):
        qid, oid = option["question_id"], option["option_id"]
        meta = questions.loc[qid]
        for segment in (ALL, *bank_types):
            sums = totals[segment]
            if sums[SumKey(qid, None, "n")] == 0:
                continue
            others = None if segment == ALL else totals[ALL] - sums
            if kinds[qid] == "scale" and oid == MEAN_OPTION:
                values = _mean_row(sums, qid)
            else:
                values = _share_row(sums, others, qid, oid)
            rows.append({
                "id": f"c{meta['chapter']}_survey_{qid}_{oid}_{segment}", "chapter": int(meta["chapter"]),
                "topic": option["topic"], "subject": option["subject"], "segment": segment,
                "category": option["category"], "unit": option["unit"] or "percent", "qualifier": "exact",
                "base": meta["base_all"] if segment == ALL else meta["base_segment"], "flag": "", "quote_zh": "",
                "note": "", "provenance": f"{qid}@{provenance_file}", "question_id": qid, "option_id": oid,
                "weighted": weighted, **values,
            })
    return _rounded(pd.DataFrame(rows))


def _rounded(frame: pd.DataFrame) -> pd.DataFrame:
    for column in ("value", "ci_low", "ci_high", "others_value"):
        if column in frame:
            frame[column] = frame[column].astype(float).round(1)
    frame["n_eff"] = frame["n_eff"].astype(float).round(1)
    if "p_value" in frame:
        frame["p_value"] = frame["p_value"].astype(float).round(4)
    for column in SURVEY_COLUMNS:
        if column not in frame:
            frame[column] = np.nan
    return frame[list(FIGURE_COLUMNS + SURVEY_COLUMNS)]


def wave_figures(wave: Wave) -> pd.DataFrame:
    """Every figure of ``wave``: one scan on its engine, then ratios and intervals in pandas."""
    sums = segment_sums(wave.responses, wave.questionnaire, wave.weighted)
    return figures_from_sums(sums, wave.questionnaire, wave.bank_types, wave.provenance_file, wave.weighted)
