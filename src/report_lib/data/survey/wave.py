"""Load a survey wave: questionnaire, responses and metadata, validated as one.

Checks always run on DuckDB (embedded), which can number the rows of the file; the aggregation
may then run the same Ibis expressions on another engine (:mod:`report_lib.data.survey.engines`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb
import ibis
import ibis.expr.types as ir
import yaml

from report_lib import run_record
from report_lib.data.csv_records import read_csv_records
from report_lib.data.errors import DataError, DataProblem
from report_lib.data.survey.checks import WEIGHT, response_problems
from report_lib.data.survey.crosswalk import Crosswalk, load_crosswalk
from report_lib.data.survey.engines import connect
from report_lib.data.survey.exports.reading import Reading, plan_reading
from report_lib.data.survey.exports.shape import declared_source, read_raw
from report_lib.data.survey.questionnaire import Questionnaire, load_questionnaire
from report_lib.data.survey.responses import FORMATS, open_responses, ragged_record, responses_path

RESPONDENT_KINDS = ("bank_type", "market")
"""Kinds of reference/segments.csv a respondent's ``segment`` may have."""


@dataclass(frozen=True)
class Wave:
    """A validated wave: where it lives, its questionnaire and its responses on an engine."""

    data_dir: Path
    path: Path
    questionnaire: Questionnaire
    responses: ir.Table
    weighted: bool
    metadata: dict
    bank_types: tuple[str, ...]
    crosswalk: Crosswalk | None = None
    """How its questionnaire maps onto the 2023 one (:mod:`report_lib.data.survey.crosswalk`)."""
    reading: Reading | None = None
    """How the responses file was read into the format (its shape, column map, cell maps)."""

    @property
    def synthetic(self) -> bool:
        """True when the wave's metadata says its answers are synthetic (the book shows a banner)."""
        return bool(self.metadata.get("synthetic", False))

    @property
    def provenance_file(self) -> str:
        """The responses file, relative to the data folder."""
        return self.path.relative_to(self.data_dir).as_posix()


def has_wave(data_dir: Path) -> bool:
    """True when ``data_dir/survey`` holds a responses file.

    Every file looked for is recorded as read (:mod:`report_lib.run_record`), there or not, so a
    page executed from a folder without a wave is executed again, not reused from the cache,
    when the same folder with a wave is built.
    """
    names = [f"survey/responses.{ext}" for ext in FORMATS]
    for name in names:
        run_record.record_read(name)
    return any((data_dir / name).is_file() for name in names)


def wave_metadata(data_dir: Path) -> dict:
    """The metadata of the wave in ``data_dir`` (``survey/responses.meta.yaml``); empty without one.

    Empty too when the file is not a YAML mapping: :mod:`report_lib.data.survey.edition` checks
    it and reports the problem with the file's name.
    """
    path = data_dir / "survey" / "responses.meta.yaml"
    if not has_wave(data_dir) or not path.is_file():
        return {}
    try:
        meta = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError):
        return {}
    return meta if isinstance(meta, dict) else {}


def respondent_segments(data_dir: Path):
    """The rows of ``reference/segments.csv`` a respondent's ``segment`` may be, in order (labels, optional ``code``)."""
    segments = read_csv_records(data_dir / "reference" / "segments.csv")
    return segments[segments["kind"].isin(RESPONDENT_KINDS)].sort_values("order", key=lambda s: s.astype(int))


def bank_types(data_dir: Path) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(segments a respondent may have, the bank types among them in their order)."""
    segments = respondent_segments(data_dir)
    return tuple(segments["segment"]), tuple(segments.loc[segments["kind"] == "bank_type", "segment"])


def plan_wave_reading(data_dir: Path, path: Path, questionnaire: Questionnaire, con: ibis.BaseBackend) -> Reading:
    """Tell the shape of the responses file ``path`` and plan how it is read into the format.

    ``source:`` of ``survey/responses.meta.yaml`` decides the shape when the file cannot tell
    (:mod:`report_lib.data.survey.exports.shape`).
    """
    meta_path = data_dir / "survey" / "responses.meta.yaml"
    raw = read_raw(path, declared_source(wave_metadata(data_dir), meta_path))
    def header() -> list[str]:
        return list(open_responses(path, con, reading=Reading(raw, None, {}, {}, {}, ())).columns)

    return plan_reading(raw, header, questionnaire, respondent_segments(data_dir), data_dir / "survey")


def wave_problems(data_dir: Path) -> list[DataProblem]:
    """Return every problem of the survey folder of ``data_dir`` (none without one).

    A questionnaire without responses (the 2023 data folder) is checked alone; with a
    responses file, the whole wave is (:func:`load_wave`).
    """
    survey_dir = data_dir / "survey"
    if not survey_dir.is_dir():
        return []
    try:
        if has_wave(data_dir):
            load_wave(data_dir)
        else:
            load_questionnaire(survey_dir)
    except DataError as error:
        return list(error.problems)
    return []


def load_wave(data_dir: Path, engine: str = "duckdb", con: ibis.BaseBackend | None = None) -> Wave:
    """Validate the wave in ``data_dir`` and open its responses on ``engine``.

    Raises
    ------
    DataError
        Listing every problem, each as ``file:row: column: reason``.
    """
    survey_dir = data_dir / "survey"
    questionnaire = load_questionnaire(survey_dir)
    try:
        crosswalk, crosswalk_problems = load_crosswalk(survey_dir, questionnaire), []
    except DataError as error:
        crosswalk, crosswalk_problems = None, list(error.problems)
    path = responses_path(survey_dir)
    allowed, types = bank_types(data_dir)
    duck = connect("duckdb")
    try:
        reading = plan_wave_reading(data_dir, path, questionnaire, duck)
        problems = response_problems(path, lambda columns: open_responses(path, duck, columns is not None, columns,
                                                                          reading),
                                     questionnaire, allowed, reading.shown)
    except duckdb.Error as error:  # a file DuckDB cannot parse at all (ragged CSV, not Parquet, ...)
        ragged = ragged_record(path) if path.suffix == ".csv" else None
        reason = " ".join(str(error).split())[:300]
        raise DataError([ragged or DataProblem(path, None, None, f"cannot be read as a table: {reason}")]) from None
    if problems or crosswalk_problems:
        raise DataError(crosswalk_problems + problems)
    responses = open_responses(path, duck if engine == "duckdb" and con is None else con or connect(engine),
                               reading=reading)
    return Wave(data_dir, path, questionnaire, responses, WEIGHT in responses.columns, wave_metadata(data_dir), types,
                crosswalk, reading)
