"""Check a wave's responses against its questionnaire; every bad cell becomes a ``file:row`` problem.

The checks are Ibis predicates. All of them run in one aggregation over the file as it lies
(one streamed scan, however many columns), so a file of millions of respondents is checked in
seconds. Only when a check fails are the columns it reads copied, numbered, to find the first
bad row. Each kind of problem in one column is reported once, at its first row, with how many
rows share it. A routed answer is not called unrouted when the routing answer is itself invalid
(that one is reported).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import ibis
import ibis.expr.types as ir

from report_lib.data.errors import DataProblem
from report_lib.data.survey.exports.codes import REJECT
from report_lib.data.survey.questionnaire import Question, Questionnaire
from report_lib.data.survey.responses import ROW

ID, SEGMENT, WEIGHT = "respondent_id", "segment", "weight"
Opener = Callable[[tuple[str, ...] | None], ir.Table]
"""Opens the responses: ``None`` as a streamed view; a tuple of columns as a numbered copy."""


@dataclass(frozen=True)
class CellCheck:
    """Rows where ``bad(table)`` holds are wrong in ``column`` for ``reason`` (``{value}`` is the cell).

    ``reads`` lists every column the predicate reads.
    """

    column: str
    reason: str
    reads: tuple[str, ...]
    bad: Callable[[ir.Table], ir.BooleanValue]


def answered(table: ir.Table, question: Question) -> ir.BooleanValue:
    """True where the respondent answered ``question`` (any of its columns is non-empty)."""
    cells = [table[c].notnull() for c in question.columns]
    result = cells[0]
    for cell in cells[1:]:
        result = result | cell
    return result


def routed(table: ir.Table, questionnaire: Questionnaire, question: Question) -> ir.BooleanValue:
    """True where the respondent was asked ``question`` by its ``asked_of`` rule."""
    if question.asked_of is None:
        return ibis.literal(True)
    parent_id, option = question.asked_of
    parent = questionnaire.question(parent_id)
    cell = table[parent.option_column(option)]
    return (cell == ("1" if parent.kind == "multi" else option)).fill_null(False)


def header_problems(path: Path, columns: list[str], questionnaire: Questionnaire) -> list[DataProblem]:
    """Columns the format requires that are absent, and option columns the questionnaire lacks."""
    problems = [DataProblem(path, 1, c, "required column is missing from the header") for c in (ID, SEGMENT)
                if c not in columns]
    for question in questionnaire.questions:
        absent = [c for c in question.columns if c not in columns]
        if len(absent) == len(question.columns):
            problems.append(DataProblem(path, 1, question.question_id,
                                        f"question {question.question_id!r} of the questionnaire is missing from the responses"))
        else:
            problems += [DataProblem(path, 1, c, "option column of the questionnaire is missing") for c in absent]
    multi = {q.question_id: q for q in questionnaire.questions if q.kind == "multi"}
    for column in columns:
        prefix, sep, option = column.partition("__")
        if sep and prefix in multi and option not in multi[prefix].options:
            problems.append(DataProblem(path, 1, column, f"option id {option!r} is not in the questionnaire "
                                        f"for {prefix!r} (options: {', '.join(multi[prefix].options)})"))
    return problems


def _question_checks(question: Question, questionnaire: Questionnaire) -> list[CellCheck]:
    qid = question.question_id
    if question.kind == "single":
        checks = [CellCheck(qid, f"option id {{value!r}} is not in the questionnaire for {qid!r} "
                            f"(options: {', '.join(question.options)})", (qid,),
                            lambda t: t[qid].notnull() & ~t[qid].isin(question.options))]
    elif question.kind == "scale":
        low, high = question.scale_min, question.scale_max

        def off_scale(t: ir.Table) -> ir.BooleanValue:
            value = t[qid].try_cast("float64")
            return t[qid].notnull() & (value.isnull() | (value != value.floor()) | (value < low)
                                       | (value > high)).fill_null(True)

        checks = [CellCheck(qid, f"{{value!r}} is not a whole number from {low} to {high} (scale of {qid!r})",
                            (qid,), off_scale)]
    else:
        checks = [CellCheck(column, "{value!r} in a multi-select column; expected 0, 1 or empty", (column,),
                            lambda t, c=column: t[c].notnull() & ~t[c].isin(("0", "1")))
                  for column in question.columns]
    if question.asked_of is not None:
        parent_id, option = question.asked_of
        parent = questionnaire.question(parent_id)
        cell = parent.option_column(option)
        valid = ("0", "1") if parent.kind == "multi" else parent.options
        checks.append(CellCheck(
            question.columns[0], f"answer to a routed question from a respondent not routed there "
            f"(asked only of {parent_id}={option})", (*question.columns, cell),
            lambda t: answered(t, question) & ~routed(t, questionnaire, question) & (t[cell].isnull() | t[cell].isin(valid))))
    return checks


def cell_checks(columns: list[str], questionnaire: Questionnaire, segments: tuple[str, ...]) -> list[CellCheck]:
    """Every per-cell rule of the format for a file with ``columns``."""
    checks = [CellCheck(SEGMENT, "{value!r} is not a bank type of reference/segments.csv (" + ", ".join(segments) + ")",
                        (SEGMENT,), lambda t: t[SEGMENT].isnull() | ~t[SEGMENT].isin(segments)),
              CellCheck(ID, "respondent_id is empty", (ID,), lambda t: t[ID].isnull())]
    if WEIGHT in columns:
        checks.append(CellCheck(WEIGHT, "weight {value!r} is missing, zero, negative or not a number", (WEIGHT,),
                                lambda t: t[WEIGHT].try_cast("float64").isnull() | (t[WEIGHT].try_cast("float64") <= 0)))
    for question in questionnaire.questions:
        checks += _question_checks(question, questionnaire)
    return checks


def _reason(check: CellCheck, value: object) -> str:
    """The reason of a bad cell: a translated cell that says why it is bad (:data:`REJECT`) says it itself."""
    if isinstance(value, str) and value.startswith(REJECT):
        return value[len(REJECT):]
    return check.reason.format(value=None if value is None or value != value else value)


def _first_rows(path: Path, table: ir.Table, failing: list[tuple[CellCheck, int]],
                shown: Callable[[str], str] = str) -> list[DataProblem]:
    if not failing:
        return []
    metrics = {}
    for i, (check, _) in enumerate(failing):
        bad = check.bad(table).fill_null(False)
        metrics[f"r{i}"] = table[ROW].min(where=bad)
        metrics[f"v{i}"] = table[check.column].cast("string").argmin(table[ROW], where=bad)
    result = table.aggregate(**metrics).execute().iloc[0]
    problems = []
    for i, (check, count) in enumerate(failing):
        value = result[f"v{i}"]
        reason = _reason(check, value)
        more = f" (and {count - 1} more row{'s' if count > 2 else ''})" if count > 1 else ""
        problems.append(DataProblem(path, int(result[f"r{i}"]), shown(check.column), reason + more))
    return problems


def duplicate_problems(path: Path, table: ir.Table, limit: int = 20, shown: Callable[[str], str] = str) -> list[DataProblem]:
    """Rows (of a numbered table) whose respondent_id already appeared on an earlier row."""
    rank = ibis.row_number().over(group_by=table[ID], order_by=table[ROW])
    repeated = (table.filter(table[ID].notnull()).mutate(rank=rank).filter(lambda t: t.rank > 0)
                .order_by(ROW).limit(limit).select(ROW, ID).execute())
    return [DataProblem(path, int(row), shown(ID), f"duplicate respondent_id {rid!r}")
            for row, rid in zip(repeated[ROW], repeated[ID])]


def response_problems(path: Path, open_table: Opener, questionnaire: Questionnaire,
                      segments: tuple[str, ...], shown: Callable[[str], str] = str) -> list[DataProblem]:
    """Every problem of a responses file: header first, then cells (one scan), then first bad rows.

    ``shown`` names a column of the format as the file names it (a column map, :mod:`.exports`).
    """
    table = open_table(None)
    problems = header_problems(path, list(table.columns), questionnaire)
    if problems:
        return problems
    checks = cell_checks(list(table.columns), questionnaire, segments)
    metrics = {f"n{i}": check.bad(table).fill_null(False).sum() for i, check in enumerate(checks)}
    metrics["rows"] = table.count()
    metrics["ids"] = table[ID].nunique()
    counts = table.aggregate(**metrics).execute().iloc[0]
    failing = [(check, int(counts[f"n{i}"] or 0)) for i, check in enumerate(checks) if counts[f"n{i}"]]
    duplicated = int(counts["rows"]) - int(counts["ids"]) - int(counts["n1"] or 0) > 0
    if not failing and not duplicated:
        return []
    reads = {ID, *(c for check, _ in failing for c in (*check.reads, check.column))}
    numbered = open_table(tuple(c for c in table.columns if c in reads))
    return (_first_rows(path, numbered, failing, shown)
            + (duplicate_problems(path, numbered, shown=shown) if duplicated else []))
