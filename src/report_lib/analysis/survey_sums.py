"""The one scan of a wave: weighted and unweighted counts per bank type, as Ibis expressions.

Every figure of a wave is a ratio of sums that add up across bank types (sum of weights of
the respondents asked who answered, of their squares, of those choosing each option, of the
scale values and their squares), so one ``GROUP BY segment`` gives everything: all banks and
"the other respondents" are sums of the rows. The expression is plain Ibis and runs unchanged
on DuckDB or Spark.
"""

from __future__ import annotations

from dataclasses import dataclass

import ibis.expr.types as ir
import pandas as pd

from report_lib.data.survey.checks import SEGMENT, WEIGHT, answered
from report_lib.data.survey.questionnaire import Questionnaire


@dataclass(frozen=True)
class SumKey:
    """What one output column of the scan sums: ``measure`` of ``question`` (and ``option``)."""

    question: str
    option: str | None
    measure: str  # n, w, w2 (base); w (option chosen); wx, wx2 (scale)


def _flags(table: ir.Table, questionnaire: Questionnaire, weighted: bool) -> tuple[ir.Table, dict[SumKey, str]]:
    """One projection: per respondent, answered and chosen flags (and scale values), computed once."""
    columns: dict[str, ir.Value] = {SEGMENT: table[SEGMENT]}
    if weighted:
        columns["w"] = table[WEIGHT].cast("float64")
    names: dict[SumKey, str] = {}
    for question in questionnaire.questions:
        qid = question.question_id
        names[SumKey(qid, None, "n")] = name = f"a{len(names)}"
        columns[name] = answered(table, question)
        if question.kind == "scale":
            names[SumKey(qid, None, "wx")] = name = f"x{len(names)}"
            columns[name] = table[qid].cast("float64")
        for option in question.values:
            if question.kind == "multi":
                chosen = table[question.option_column(option)] == "1"
            elif question.kind == "scale":
                chosen = table[qid].cast("float64") == float(option)
            else:
                chosen = table[qid] == option
            names[SumKey(qid, option, "w")] = name = f"c{len(names)}"
            columns[name] = chosen.fill_null(False)
    return table.select(**columns), names


def sum_query(table: ir.Table, questionnaire: Questionnaire, weighted: bool) -> tuple[ir.Table, list[SumKey]]:
    """The scan as one Ibis query grouped by segment, and the :class:`SumKey` of each of its columns.

    Unweighted, the sums of weights and of their squares equal n and are not computed twice
    (:func:`segment_sums` fills them in). Column names are positional (``s0``, ``s1``, ...) so
    that any engine accepts them.
    """
    flags, names = _flags(table, questionnaire, weighted)
    weight = flags["w"] if weighted else None
    sums: dict[SumKey, ir.Value] = {}
    for key, name in names.items():
        column = flags[name]
        if key.measure == "n":
            sums[key] = column.sum()
            if weighted:
                sums[SumKey(key.question, None, "w")] = column.ifelse(weight, 0.0).sum()
                sums[SumKey(key.question, None, "w2")] = column.ifelse(weight * weight, 0.0).sum()
        elif key.measure == "wx":
            value = column if weight is None else column * weight
            sums[key] = value.fill_null(0).sum()
            sums[SumKey(key.question, None, "wx2")] = (value * column).fill_null(0).sum()
        else:
            sums[key] = column.sum() if weight is None else column.ifelse(weight, 0.0).sum()
    keys = list(sums)
    return flags.group_by(SEGMENT).aggregate(**{f"s{i}": sums[k] for i, k in enumerate(keys)}), keys


def segment_sums(table: ir.Table, questionnaire: Questionnaire, weighted: bool) -> pd.DataFrame:
    """Run the scan; one row per segment of the responses, one column per :class:`SumKey`."""
    query, keys = sum_query(table, questionnaire, weighted)
    frame = query.execute().set_index(SEGMENT).sort_index()
    frame.columns = keys
    frame = frame.astype(float)
    if not weighted:
        for question in questionnaire.questions:
            n = frame[SumKey(question.question_id, None, "n")]
            frame[SumKey(question.question_id, None, "w")] = n
            frame[SumKey(question.question_id, None, "w2")] = n
    return frame
