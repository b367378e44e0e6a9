"""Read and check ``survey/crosswalk.csv``: how a wave's questionnaire maps onto the 2023 one.

A wave may ask a changed questionnaire (DESIGN.md section 9): a question dropped, one added, an
answer renamed or reworded. Its ``survey/crosswalk.csv`` (``question_id, option_id,
base_question_id, base_option_id`` and an optional ``comparability``: ``same``, the default, or
``reworded``) maps the wave's ids to those of the base questionnaire, the 2023 one in the
project's ``data/survey/``, as harmonised surveys keep their series (IPUMS correspondence tables,
the European Social Survey's bridged variables). Ids that are equal need no row: a wave question
whose id is a base question's maps to it, and within a mapped question an option whose id is a
base option's maps to it. A row with both option ids empty maps a renamed question only.

What is left over is the change: base questions no wave question maps to were not asked; wave
questions mapped to none are new; options on either side of a mapped question that nothing
pairs are not comparable. Each is listed by :class:`Crosswalk`, never guessed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import pandas as pd

from report_lib import paths
from report_lib.data.csv_records import LINE_COLUMN, read_csv_records
from report_lib.data.errors import DataError, DataProblem
from report_lib.data.survey.questionnaire import Questionnaire, load_questionnaire

FILE = "crosswalk.csv"
COLUMNS = ("question_id", "option_id", "base_question_id", "base_option_id")
SAME, REWORDED = "same", "reworded"
COMPARABILITY = (SAME, REWORDED)


def base_survey_dir() -> Path:
    """The base questionnaire's folder: the project's ``data/survey/`` (the 2023 questionnaire)."""
    return paths.DEFAULT_DATA_DIR / "survey"


@dataclass(frozen=True)
class Crosswalk:
    """The resolved mapping of a wave's questionnaire onto the base one.

    Attributes
    ----------
    questions
        Wave question id -> base question id, for every wave question that maps to one.
    options
        ``(wave question, wave option)`` -> ``(base question, base option, comparability)``.
    not_asked
        Base question ids no wave question maps to, in base order.
    new
        Wave question ids that map to no base question, in wave order.
    wave_unmapped
        ``(question, option)`` of the wave, in a mapped question, that map to no base option.
    base_unmapped
        ``(question, option)`` of the base, in a question the wave asked, that no wave option maps to.
    """

    questions: dict[str, str]
    options: dict[tuple[str, str], tuple[str, str, str]]
    not_asked: tuple[str, ...]
    new: tuple[str, ...]
    wave_unmapped: tuple[tuple[str, str], ...]
    base_unmapped: tuple[tuple[str, str], ...]

    @property
    def changed(self) -> bool:
        """True when the wave's questionnaire differs from the base one in anything a reader must be told."""
        return bool(self.not_asked or self.new or self.wave_unmapped or self.base_unmapped
                    or any(c == REWORDED for _, _, c in self.options.values()))


def _read(path: Path) -> pd.DataFrame:
    """The crosswalk's rows (``comparability`` filled with ``same``); an empty table when there is no file."""
    if not path.is_file():
        return pd.DataFrame(columns=[*COLUMNS, "comparability", LINE_COLUMN])
    frame = read_csv_records(path)
    missing = [c for c in COLUMNS if c not in frame.columns]
    if missing:
        raise DataError([DataProblem(path, 1, c, "required column is missing from the header") for c in missing])
    if "comparability" not in frame.columns:
        frame["comparability"] = ""
    frame["comparability"] = frame["comparability"].replace("", SAME)
    return frame


def _row_problems(row, path: Path, wave: Questionnaire, base: Questionnaire) -> list[DataProblem]:
    """Problems of one row taken alone: unknown ids on either side, half-filled option pairs, kinds."""
    line, problems = getattr(row, LINE_COLUMN), []
    wave_ids = {q.question_id: q for q in wave.questions}
    base_ids = {q.question_id: q for q in base.questions}
    asked, basis = wave_ids.get(row.question_id), base_ids.get(row.base_question_id)
    if asked is None:
        problems.append(DataProblem(path, line, "question_id",
                                    f"{row.question_id!r} is not a question of the wave's survey/questions.csv"))
    if basis is None:
        problems.append(DataProblem(path, line, "base_question_id",
                                    f"{row.base_question_id!r} is not a question of the 2023 questionnaire (data/survey/questions.csv)"))
    if bool(row.option_id) != bool(row.base_option_id):
        problems.append(DataProblem(path, line, "option_id" if not row.option_id else "base_option_id",
                                    "option_id and base_option_id are both given or both empty (a question-only row)"))
    if asked is not None and row.option_id and row.option_id not in asked.options:
        problems.append(DataProblem(path, line, "option_id",
                                    f"{row.option_id!r} is not an option of {row.question_id!r} in the wave's survey/options.csv"))
    if basis is not None and row.base_option_id and row.base_option_id not in basis.options:
        problems.append(DataProblem(path, line, "base_option_id", f"{row.base_option_id!r} is not an option of "
                                    f"{row.base_question_id!r} in the 2023 questionnaire (data/survey/options.csv)"))
    if asked is not None and basis is not None and asked.kind != basis.kind:
        problems.append(DataProblem(path, line, "base_question_id", f"{row.question_id!r} is {asked.kind} but "
                                    f"{row.base_question_id!r} is {basis.kind}; only questions of one kind can be compared"))
    if row.comparability not in COMPARABILITY:
        problems.append(DataProblem(path, line, "comparability",
                                    f"{row.comparability!r} is not one of: {', '.join(COMPARABILITY)} (empty means same)"))
    return problems


def _question_map(rows: list, path: Path, wave: Questionnaire, base: Questionnaire
                  ) -> tuple[dict[str, str], list[DataProblem]]:
    """Wave question -> base question: the crosswalk's rows, else equal ids; one base question per wave question."""
    mapped: dict[str, tuple[str, int]] = {}
    problems = []
    for row in rows:
        earlier = mapped.get(row.question_id)
        if earlier and earlier[0] != row.base_question_id:
            problems.append(DataProblem(path, getattr(row, LINE_COLUMN), "base_question_id",
                                        f"{row.question_id!r} is already mapped to {earlier[0]!r} on line {earlier[1]}"))
            continue
        mapped.setdefault(row.question_id, (row.base_question_id, getattr(row, LINE_COLUMN)))
    base_ids = {q.question_id for q in base.questions}
    questions = {q.question_id: mapped[q.question_id][0] if q.question_id in mapped else q.question_id
                 for q in wave.questions if q.question_id in mapped or q.question_id in base_ids}
    seen: dict[str, str] = {}
    for wave_q, base_q in questions.items():
        if base_q in seen:
            line = mapped.get(wave_q, mapped.get(seen[base_q], ("", None)))[1]
            problems.append(DataProblem(path, line, "base_question_id", f"wave questions {seen[base_q]!r} and "
                                        f"{wave_q!r} both map to {base_q!r}; one 2023 question has one counterpart"))
        seen.setdefault(base_q, wave_q)
    return questions, problems


def _option_map(rows: list, questions: dict[str, str], path: Path, wave: Questionnaire, base: Questionnaire
                ) -> tuple[dict[tuple[str, str], tuple[str, str, str]], list[DataProblem]]:
    """(wave question, option) -> (base question, option, comparability): rows first, then equal ids."""
    explicit = {(r.question_id, r.option_id): r for r in rows if r.option_id}
    problems = []
    options: dict[tuple[str, str], tuple[str, str, str]] = {}
    lines: dict[tuple[str, str], int | None] = {}
    for wave_q, base_q in questions.items():
        base_options = base.question(base_q).options
        for option in wave.question(wave_q).options:
            row = explicit.get((wave_q, option))
            if row is not None and row.base_question_id == base_q:
                options[(wave_q, option)] = (base_q, row.base_option_id, row.comparability)
                lines[(wave_q, option)] = getattr(row, LINE_COLUMN)
            elif row is None and option in base_options:
                options[(wave_q, option)] = (base_q, option, SAME)
                lines[(wave_q, option)] = None
    targets: dict[tuple[str, str], tuple[str, str]] = {}
    for source, (base_q, base_o, _) in options.items():
        target = (base_q, base_o)
        if target in targets:
            kind = base.question(base_q).kind
            line = lines[source] or lines[targets[target]]
            problems.append(DataProblem(path, line, "base_option_id", f"wave options {targets[target][1]!r} and "
                                        f"{source[1]!r} both map to {base_o!r} of {kind}-choice question {base_q!r}; "
                                        "one 2023 answer has one counterpart"))
        targets.setdefault(target, source)
    return options, problems


def _resolve(frame: pd.DataFrame, path: Path, wave: Questionnaire, base: Questionnaire) -> Crosswalk:
    rows = [SimpleNamespace(**record) for record in frame.to_dict("records")]
    problems = [p for row in rows for p in _row_problems(row, path, wave, base)]
    repeated = frame.duplicated(["question_id", "option_id"], keep="first")
    problems += [DataProblem(path, getattr(r, LINE_COLUMN), "option_id", f"{r.question_id!r}, {r.option_id!r} is "
                             "mapped on an earlier line already") for r, dup in zip(rows, repeated) if dup]
    if problems:
        raise DataError(problems)
    questions, problems = _question_map(rows, path, wave, base)
    options, more = _option_map(rows, questions, path, wave, base)
    if problems or more:
        raise DataError(problems + more)
    asked = set(questions.values())
    paired = {(b_q, b_o) for b_q, b_o, _ in options.values()}
    return Crosswalk(
        questions=questions, options=options,
        not_asked=tuple(q.question_id for q in base.questions if q.question_id not in asked),
        new=tuple(q.question_id for q in wave.questions if q.question_id not in questions),
        wave_unmapped=tuple((q, o) for q in questions for o in wave.question(q).options if (q, o) not in options),
        base_unmapped=tuple((b, o) for q, b in questions.items() for o in base.question(b).options
                            if (b, o) not in paired),
    )


def load_crosswalk(survey_dir: Path, wave: Questionnaire | None = None, base: Questionnaire | None = None,
                   base_dir: Path | None = None) -> Crosswalk:
    """Read, check and resolve the crosswalk of the wave in ``survey_dir`` (none is a crosswalk of equal ids).

    Parameters
    ----------
    survey_dir
        The wave's ``survey/`` folder (its questionnaire, and ``crosswalk.csv`` if any).
    wave, base
        The wave's and the base questionnaires, when already loaded.
    base_dir
        The base questionnaire's folder; default :func:`base_survey_dir`.

    Raises
    ------
    DataError
        One problem per bad cell, ``crosswalk.csv:row: column 'c': reason``: an id unknown on
        either side, two wave ids mapped to one base id, a question of one kind mapped to another.
    """
    wave = wave or load_questionnaire(survey_dir)
    base = base or load_questionnaire(base_dir or base_survey_dir())
    path = survey_dir / FILE
    return _resolve(_read(path), path, wave, base)
