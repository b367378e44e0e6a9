"""The one scan of a wave: weighted and unweighted counts per bank type, as Ibis expressions.

Every figure of a wave is a ratio of sums that add up across bank types (sum of weights of
the respondents asked who answered, of their squares, of those choosing each option, of the
scale values and their squares), so one ``GROUP BY segment`` gives everything: all banks and
"the other respondents" are sums of the rows. The expression is plain Ibis and runs unchanged
on DuckDB or Spark.
"""

from __future__ import annotations

from dataclasses import dataclass

import ibis
import ibis.expr.types as ir
import pandas as pd

from report_lib.data.survey.checks import SEGMENT, WEIGHT, answered
from report_lib.data.survey.questionnaire import MEAN_OPTION, Questionnaire


@dataclass(frozen=True)
class SumKey:
    """What one output column of the scan sums: ``measure`` of ``question`` (and ``option``)."""

    question: str
    option: str | None
    measure: str  # n, w, w2 (base); w (option chosen); wx, wx2 (scale)


def sum_expressions(table: ir.Table, questionnaire: Questionnaire, weighted: bool) -> dict[SumKey, ir.Value]:
    """Every sum the figures need, as Ibis aggregates over ``table``."""
    weight = table[WEIGHT].cast("float64") if weighted else ibis.literal(1.0)
    sums: dict[SumKey, ir.Value] = {}
    for question in questionnaire.questions:
        qid = question.question_id
        base = answered(table, question)
        sums[SumKey(qid, None, "n")] = base.cast("int64").sum()
        sums[SumKey(qid, None, "w")] = ibis.ifelse(base, weight, 0.0).sum()
        sums[SumKey(qid, None, "w2")] = ibis.ifelse(base, weight * weight, 0.0).sum()
        if question.kind == "scale":
            value = table[qid].cast("float64")
            sums[SumKey(qid, None, "wx")] = ibis.ifelse(base, weight * value, 0.0).sum()
            sums[SumKey(qid, None, "wx2")] = ibis.ifelse(base, weight * value * value, 0.0).sum()
        for option in question.options:
            if option == MEAN_OPTION:
                continue
            if question.kind == "multi":
                chosen = table[question.option_column(option)] == "1"
            elif question.kind == "scale":
                chosen = table[qid].cast("float64") == float(option)
            else:
                chosen = table[qid] == option
            sums[SumKey(qid, option, "w")] = ibis.ifelse(base & chosen.fill_null(False), weight, 0.0).sum()
    return sums


def segment_sums(table: ir.Table, questionnaire: Questionnaire, weighted: bool) -> pd.DataFrame:
    """Run the scan; one row per segment of the responses, one column per :class:`SumKey`.

    Column names in the query are positional (``s0``, ``s1``, ...) so that any engine accepts
    them; the returned frame has :class:`SumKey` columns.
    """
    sums = sum_expressions(table, questionnaire, weighted)
    keys = list(sums)
    query = table.group_by(SEGMENT).aggregate(**{f"s{i}": sums[k] for i, k in enumerate(keys)})
    frame = query.execute().set_index(SEGMENT).sort_index()
    frame.columns = keys
    return frame.astype(float)
