"""Check a wave's responses against its questionnaire; every bad cell becomes a ``file:row`` problem.

The checks are Ibis expressions gathered into one aggregation (one scan of the file, however
many columns), so a file of millions of respondents is checked in seconds. Each kind of
problem in one column is reported once, at its first row, with how many rows share it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import ibis
import ibis.expr.types as ir

from report_lib.data.errors import DataProblem
from report_lib.data.survey.questionnaire import Question, Questionnaire
from report_lib.data.survey.responses import ROW

ID, SEGMENT, WEIGHT = "respondent_id", "segment", "weight"


@dataclass(frozen=True)
class CellCheck:
    """Rows of ``column`` where ``bad`` holds are wrong for ``reason`` (``{value}`` is the cell)."""

    column: str
    reason: str
    bad: ir.BooleanValue


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


def cell_checks(table: ir.Table, questionnaire: Questionnaire, segments: tuple[str, ...]) -> list[CellCheck]:
    """Every per-cell rule of the format, as Ibis predicates on ``table``."""
    checks = [CellCheck(SEGMENT, "{value!r} is not a bank type of reference/segments.csv ("
                        + ", ".join(segments) + ")", table[SEGMENT].isnull() | ~table[SEGMENT].isin(segments)),
              CellCheck(ID, "respondent_id is empty", table[ID].isnull())]
    if WEIGHT in table.columns:
        weight = table[WEIGHT].try_cast("float64")
        checks.append(CellCheck(WEIGHT, "weight {value!r} is missing, zero, negative or not a number",
                                weight.isnull() | (weight <= 0)))
    for question in questionnaire.questions:
        qid = question.question_id
        if question.kind == "single":
            checks.append(CellCheck(qid, f"option id {{value!r}} is not in the questionnaire for {qid!r} "
                                    f"(options: {', '.join(question.options)})",
                                    table[qid].notnull() & ~table[qid].isin(question.options)))
        elif question.kind == "scale":
            value = table[qid].try_cast("float64")
            low, high = question.scale_min, question.scale_max
            checks.append(CellCheck(qid, f"{{value!r}} is not a whole number from {low} to {high} (scale of {qid!r})",
                                    table[qid].notnull() & (value.isnull() | (value != value.floor())
                                                            | (value < low) | (value > high)).fill_null(True)))
        else:
            checks += [CellCheck(column, "{value!r} in a multi-select column; expected 0, 1 or empty",
                                 table[column].notnull() & ~table[column].isin(("0", "1")))
                       for column in question.columns]
        if question.asked_of is not None:
            parent, option = question.asked_of
            parent_q = questionnaire.question(parent)
            cell = table[parent_q.option_column(option)]
            valid = cell.isnull() | cell.isin(("0", "1") if parent_q.kind == "multi" else parent_q.options)
            checks.append(CellCheck(question.columns[0], f"answer to a routed question from a respondent not routed "
                                    f"there (asked only of {parent}={option})",
                                    answered(table, question) & ~routed(table, questionnaire, question) & valid))
    return checks


def cell_problems(path: Path, table: ir.Table, checks: list[CellCheck]) -> list[DataProblem]:
    """Run every check in one aggregation; one problem per failing check, at its first row."""
    metrics = {}
    for i, check in enumerate(checks):
        bad = check.bad.fill_null(False)
        metrics[f"n{i}"] = bad.sum()
        metrics[f"r{i}"] = table[ROW].min(where=bad)
        metrics[f"v{i}"] = table[check.column].cast("string").argmin(table[ROW], where=bad)
    result = table.aggregate(**metrics).execute().iloc[0]
    problems = []
    for i, check in enumerate(checks):
        count = int(result[f"n{i}"] or 0)
        if count:
            value = result[f"v{i}"]
            reason = check.reason.format(value=None if value is None or value != value else value)
            more = f" (and {count - 1} more rows)" if count > 1 else ""
            problems.append(DataProblem(path, int(result[f"r{i}"]), check.column, reason + more))
    return problems


def duplicate_problems(path: Path, table: ir.Table, limit: int = 20) -> list[DataProblem]:
    """Rows whose respondent_id already appeared on an earlier row."""
    rank = ibis.row_number().over(group_by=table[ID], order_by=table[ROW])
    repeated = (table.filter(table[ID].notnull()).mutate(rank=rank).filter(lambda t: t.rank > 0)
                .order_by(ROW).limit(limit).select(ROW, ID).execute())
    return [DataProblem(path, int(row), ID, f"duplicate respondent_id {rid!r}")
            for row, rid in zip(repeated[ROW], repeated[ID])]


def response_problems(path: Path, table: ir.Table, questionnaire: Questionnaire,
                      segments: tuple[str, ...]) -> list[DataProblem]:
    """Every problem of a responses table (header first; cells only when the header is sound)."""
    problems = header_problems(path, list(table.columns), questionnaire)
    if problems:
        return problems
    return cell_problems(path, table, cell_checks(table, questionnaire, segments)) + duplicate_problems(path, table)
