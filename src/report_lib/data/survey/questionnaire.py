"""Read and check ``survey/questions.csv`` and ``survey/options.csv``, the questionnaire of a wave.

The format is fixed (DESIGN.md section 8): a question is ``single``, ``multi`` or ``scale``, is
asked of ``all`` or routed (``<question_id>=<option_id>``), and each option names the figure of
the book it feeds (``topic``, ``subject``, ``category`` of ``published/figures.csv``).
"""

from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace
from pathlib import Path

import pandas as pd

from report_lib.data.csv_records import LINE_COLUMN, read_csv_records
from report_lib.data.errors import DataError, DataProblem

KINDS = ("single", "multi", "scale")
QUESTION_COLUMNS = ("question_id", "kind", "text_zh", "text_en", "asked_of", "scale_min", "scale_max",
                    "chapter", "base_all", "base_segment")
OPTION_COLUMNS = ("question_id", "option_id", "label_zh", "label_en", "topic", "subject", "category", "unit")
REPORT_CHAPTERS = ("1", "2", "3", "4", "5")
"""The report's chapters (``chapters/0N_*.md``): a question's ``chapter`` names one of them."""
MEAN_OPTION = "mean"
"""Option id of a scale question's mean (its other option ids are scale values)."""


@dataclass(frozen=True)
class Question:
    """One question: its kind, routing and options (in questionnaire order)."""

    question_id: str
    kind: str
    asked_of: tuple[str, str] | None
    scale_min: int | None
    scale_max: int | None
    options: tuple[str, ...]

    def option_column(self, option_id: str) -> str:
        """Column of a response file that holds ``option_id`` (multi) or the answer (single, scale)."""
        return f"{self.question_id}__{option_id}" if self.kind == "multi" else self.question_id

    @property
    def columns(self) -> tuple[str, ...]:
        """Every response column this question needs."""
        if self.kind == "multi":
            return tuple(self.option_column(o) for o in self.options)
        return (self.question_id,)

    @property
    def values(self) -> tuple[str, ...]:
        """The scale values listed as options (a scale question), else the option ids."""
        return tuple(o for o in self.options if o != MEAN_OPTION)


@dataclass(frozen=True)
class Questionnaire:
    """The questions (in order) and the two tables they were read from."""

    questions: tuple[Question, ...]
    question_table: pd.DataFrame
    option_table: pd.DataFrame

    def question(self, question_id: str) -> Question:
        """Return one question by id."""
        return next(q for q in self.questions if q.question_id == question_id)

    def routing(self, question: Question) -> tuple[str, str] | None:
        """The responses column and cell value that route a respondent to ``question``; ``None`` if asked of all.

        ``asked_of: crm_deployed=yes`` gives ``("crm_deployed", "yes")``; routing by a multi-select's
        option gives its option column and ``"1"``.
        """
        if question.asked_of is None:
            return None
        parent_id, option = question.asked_of
        parent = self.question(parent_id)
        return parent.option_column(option), "1" if parent.kind == "multi" else option


def _integer(cell: str) -> int | None:
    try:
        return int(cell)
    except ValueError:
        return None


def _rows(frame: pd.DataFrame) -> list[SimpleNamespace]:
    return [SimpleNamespace(**record) for record in frame.to_dict("records")]


def _check_columns(frame: pd.DataFrame, path: Path, required: tuple[str, ...]) -> list[DataProblem]:
    return [DataProblem(path, 1, c, "required column is missing from the header") for c in required
            if c not in frame.columns]


def _question_problems(questions: pd.DataFrame, options: pd.DataFrame, qpath: Path) -> list[DataProblem]:
    problems = []
    options_of = options.groupby("question_id")["option_id"].apply(set).to_dict()
    seen: set[str] = set()
    for row in _rows(questions):
        line = getattr(row, LINE_COLUMN)
        if row.question_id in seen or not row.question_id:
            problems.append(DataProblem(qpath, line, "question_id", f"{row.question_id!r} is empty or not unique"))
        seen.add(row.question_id)
        if row.kind not in KINDS:
            problems.append(DataProblem(qpath, line, "kind", f"{row.kind!r} is not one of: {', '.join(KINDS)}"))
        if row.kind == "scale" and (_integer(row.scale_min) is None or _integer(row.scale_max) is None
                                    or _integer(row.scale_min) >= _integer(row.scale_max)):
            problems.append(DataProblem(qpath, line, "scale_min", "a scale needs integers scale_min < scale_max"))
        if row.asked_of != "all":
            parent, _, option = row.asked_of.partition("=")
            if option not in options_of.get(parent, set()):
                problems.append(DataProblem(qpath, line, "asked_of",
                                            f"{row.asked_of!r} is not 'all' nor '<question_id>=<option_id>' of the questionnaire"))
        if row.question_id not in options_of:
            problems.append(DataProblem(qpath, line, "question_id", "question has no options in options.csv"))
        if row.chapter not in REPORT_CHAPTERS:
            problems.append(DataProblem(qpath, line, "chapter", f"{row.chapter!r} is not a chapter of the report "
                                        f"({', '.join(REPORT_CHAPTERS)})"))
    return problems


def _option_problems(questions: pd.DataFrame, options: pd.DataFrame, opath: Path) -> list[DataProblem]:
    problems = []
    kinds = dict(zip(questions["question_id"], questions["kind"]))
    ranges = {r.question_id: (_integer(r.scale_min), _integer(r.scale_max)) for r in _rows(questions)}
    duplicated = options.duplicated(["question_id", "option_id"])
    for row, dup in zip(_rows(options), duplicated):
        line = getattr(row, LINE_COLUMN)
        if row.question_id not in kinds:
            problems.append(DataProblem(opath, line, "question_id", f"{row.question_id!r} is not in questions.csv"))
            continue
        if dup or not row.option_id:
            problems.append(DataProblem(opath, line, "option_id", f"{row.option_id!r} is empty or repeated for its question"))
        if kinds[row.question_id] == "scale" and row.option_id != MEAN_OPTION:
            low, high = ranges[row.question_id]
            value = _integer(row.option_id)
            if value is None or low is None or high is None or not low <= value <= high:
                problems.append(DataProblem(opath, line, "option_id", f"{row.option_id!r} is not a value of the scale nor 'mean'"))
        if "__" in row.option_id:
            problems.append(DataProblem(opath, line, "option_id", "an option id may not contain '__'"))
    return problems


def load_questionnaire(survey_dir: Path) -> Questionnaire:
    """Read and check the questionnaire in ``survey_dir``; raise :class:`DataError` listing every problem.

    Parameters
    ----------
    survey_dir
        The ``survey/`` folder of a data folder.
    """
    qpath, opath = survey_dir / "questions.csv", survey_dir / "options.csv"
    questions, options = read_csv_records(qpath), read_csv_records(opath)
    problems = _check_columns(questions, qpath, QUESTION_COLUMNS) + _check_columns(options, opath, OPTION_COLUMNS)
    if problems:
        raise DataError(problems)
    problems = _question_problems(questions, options, qpath) + _option_problems(questions, options, opath)
    if problems:
        raise DataError(problems)
    built = []
    for row in _rows(questions):
        asked = None if row.asked_of == "all" else tuple(row.asked_of.split("=", 1))
        opts = tuple(options.loc[options["question_id"] == row.question_id, "option_id"])
        built.append(Question(row.question_id, row.kind, asked, _integer(row.scale_min), _integer(row.scale_max), opts))
    return Questionnaire(tuple(built), questions.drop(columns=LINE_COLUMN), options.drop(columns=LINE_COLUMN))
