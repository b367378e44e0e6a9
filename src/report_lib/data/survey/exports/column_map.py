"""``survey/columns.csv``: which column of a responses file holds which question, option or respondent field.

``source_column, question_id, option_id[, separator]``. ``option_id`` is given only for a
multi-select's option column (cells 0/1, 1/blank or the option's text); a multi-select mapped
without it is one cell of the chosen options joined by ``separator`` (问卷星's ``┋`` by default
in a 问卷星 file). ``respondent_id``, ``segment`` and ``weight`` are mapped as a ``question_id``.
Without the file, the fixed names of the format apply. Columns mapped to nothing are ignored
(one warning); a mapped column absent from the file is an error.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from report_lib.data.csv_records import LINE_COLUMN, read_csv_records
from report_lib.data.errors import DataError, DataProblem
from report_lib.data.survey.questionnaire import Questionnaire

FILE = "columns.csv"
RESPONDENT_FIELDS = ("respondent_id", "segment", "weight")
REQUIRED = ("source_column", "question_id", "option_id")


@dataclass(frozen=True)
class ColumnPlan:
    """Where each column of the format comes from in one responses file."""

    direct: dict[str, str]
    """Format column (``segment``, ``q``, ``q__o``) -> the file's column holding it as one cell."""
    joined: dict[str, tuple[str, str | None]]
    """Multi-select question id -> (the file's column of joined options, declared separator or None)."""
    ignored: tuple[str, ...]
    """The file's columns mapped to nothing."""
    lines: dict[str, int] = field(default_factory=dict)
    """The file's column -> its line in columns.csv (only when mapped there)."""

    @property
    def renamed(self) -> int:
        """How many format columns are read from a column of another name."""
        return sum(source != target for target, source in self.direct.items()) + sum(
            source != qid for qid, (source, _) in self.joined.items())

    def source_of(self, column: str) -> str:
        """The file's column that a format column (or a multi option column) is read from."""
        if column in self.direct:
            return self.direct[column]
        question = column.partition("__")[0]
        return self.joined[question][0] if question in self.joined else column


def read_column_map(survey_dir: Path, questionnaire: Questionnaire) -> list[dict]:
    """The rows of ``survey_dir/columns.csv`` (empty without the file), checked against the questionnaire.

    Raises
    ------
    DataError
        Naming the line and column of every bad row.
    """
    path = survey_dir / FILE
    if not path.is_file():
        return []
    frame = read_csv_records(path)
    problems = [DataProblem(path, 1, c, "required column is missing from the header") for c in REQUIRED
                if c not in frame.columns]
    if problems:
        raise DataError(problems)
    kinds = {q.question_id: q for q in questionnaire.questions}
    rows, seen, targets = [], {}, {}
    for record in frame.to_dict("records"):
        line, source = record[LINE_COLUMN], record["source_column"].strip()
        qid, option = record["question_id"].strip(), record["option_id"].strip()
        separator = record.get("separator", "") or None
        question = kinds.get(qid)
        target = f"{qid}__{option}" if option else qid
        if not source:
            problems.append(DataProblem(path, line, "source_column", "is empty"))
        elif source in seen:
            problems.append(DataProblem(path, line, "source_column", f"{source!r} is already mapped on line {seen[source]}"))
        elif qid not in kinds and qid not in RESPONDENT_FIELDS:
            problems.append(DataProblem(path, line, "question_id", f"{qid!r} is not a question of questions.csv "
                                        f"nor one of {', '.join(RESPONDENT_FIELDS)}"))
        elif option and (question is None or question.kind != "multi"):
            problems.append(DataProblem(path, line, "option_id", f"an option column is for a multi-select; {qid!r} is not one"))
        elif option and option not in question.options:
            problems.append(DataProblem(path, line, "option_id", f"{option!r} is not an option of {qid!r} "
                                        f"(options: {', '.join(question.options)})"))
        elif target in targets:
            problems.append(DataProblem(path, line, "question_id", f"{target!r} is already mapped on line {targets[target]}"))
        else:
            seen[source], targets[target] = line, line
            rows.append({"line": line, "source": source, "question_id": qid, "option_id": option or None,
                         "separator": separator})
    if problems:
        raise DataError(problems)
    return rows


def plan_columns(path: Path, columns: list[str], rows: list[dict], questionnaire: Questionnaire) -> ColumnPlan:
    """Resolve the format's columns against a file's header ``columns`` and the map ``rows``.

    Raises
    ------
    DataError
        For each column mapped in columns.csv that the file lacks (at its header, row 1).
    """
    present = set(columns)
    absent = [DataProblem(path, 1, r["source"], f"mapped to {r['question_id']!r}"
                          + (f" option {r['option_id']!r}" if r["option_id"] else "")
                          + f" by survey/{FILE} (line {r['line']}) but absent from the file") for r in rows
              if r["source"] not in present]
    if absent:
        raise DataError(absent)
    direct: dict[str, str] = {}
    joined: dict[str, tuple[str, str | None]] = {}
    multi = {q.question_id for q in questionnaire.questions if q.kind == "multi"}
    for row in rows:
        if row["question_id"] in multi and row["option_id"] is None:
            joined[row["question_id"]] = (row["source"], row["separator"])
        else:
            direct[row["question_id"] + (f"__{row['option_id']}" if row["option_id"] else "")] = row["source"]
    used = {r["source"] for r in rows}
    for column in (*RESPONDENT_FIELDS, *(c for q in questionnaire.questions for c in q.columns)):
        if column not in direct and column in present and column not in used and column.partition("__")[0] not in joined:
            direct[column] = column
    for question in questionnaire.questions:
        qid = question.question_id
        if (question.kind == "multi" and qid not in joined and qid in present and qid not in used
                and not any(c in direct for c in question.columns)):
            joined[qid] = (qid, None)
    taken = set(direct.values()) | {source for source, _ in joined.values()}
    ignored = tuple(c for c in columns if c not in taken)
    return ColumnPlan(direct, joined, ignored, {r["source"]: r["line"] for r in rows})
