"""Load the data folder: every table validated, typed and with its metadata.

Examples
--------
>>> from report_lib import load_dataset
>>> data = load_dataset()                      # doctest: +SKIP
>>> data.figure("c1_card_level_2022")["value_printed"]   # doctest: +SKIP
'94.8'
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from report_lib import paths
from report_lib.data.content_hash import files_hash
from report_lib.data.csv_records import LINE_COLUMN, read_csv_records
from report_lib.data.metadata import load_metadata, meta_path
from report_lib.run_record import RecordedTables
from report_lib.data.schema import TableSpec, validate_table
from report_lib.data.catalog import ALL_TABLES, FIGURES, UNITS
from report_lib.data.errors import DataError, DataProblem
from report_lib.data.survey.edition import edition_problems
from report_lib.data.survey.wave import wave_problems
from report_lib.data.unit_ranges import range_problems


@dataclass(frozen=True)
class Dataset:
    """The validated data folder: tables by name and their metadata.

    ``tables`` and ``metadata`` record every lookup (:mod:`report_lib.run_record`), so a
    run knows which data files it actually used.
    """

    data_dir: Path
    tables: Mapping[str, pd.DataFrame]
    metadata: Mapping[str, dict]

    @property
    def figures(self) -> pd.DataFrame:
        """The data of record, ``value`` and ``chapter`` as numbers (``value_printed`` as printed)."""
        return self.tables[FIGURES.name]

    def with_figures(self, figures: pd.DataFrame, files: tuple[str, ...]) -> "Dataset":
        """Return this dataset with ``figures`` as its data of record, computed from ``files`` (data-folder paths)."""
        return self.with_table(FIGURES.name, figures, files)

    def with_table(self, name: str, table: pd.DataFrame, files: tuple[str, ...]) -> "Dataset":
        """Return this dataset with table ``name`` replaced by ``table``, computed from ``files`` (data-folder paths)."""
        return Dataset(self.data_dir, self.tables.replaced(name, table, files), self.metadata)

    def table(self, name: str) -> pd.DataFrame:
        """Return a reference table by name (e.g. ``"segments"``)."""
        return self.tables[name]

    def figure(self, figure_id: str) -> pd.Series:
        """Return one figure by its id; ``KeyError`` names the id if absent."""
        found = self.figures[self.figures["id"] == figure_id]
        if found.empty:
            raise KeyError(f"no figure with id {figure_id!r} in {self.data_dir / 'published' / 'figures.csv'}")
        return found.iloc[0]

    def select(self, **where: str | int) -> pd.DataFrame:
        """Return the figures whose columns equal the given values, e.g. ``topic="bank_cards"``."""
        mask = pd.Series(True, index=self.figures.index)
        for column, wanted in where.items():
            mask &= self.figures[column] == wanted
        return self.figures[mask].copy()

    def series(self, topic: str, subject: str, segment: str = "all") -> pd.Series:
        """Return a series as printed (strings), indexed by ``category`` (e.g. the period), in file order."""
        rows = self.select(topic=topic, subject=subject, segment=segment)
        if rows.empty:
            raise KeyError(f"no figures with topic={topic!r}, subject={subject!r}, segment={segment!r}")
        return rows.set_index("category")["value_printed"].rename(subject)


def _read_tables(data_dir: Path) -> tuple[dict[str, pd.DataFrame], dict[str, dict], list[DataProblem]]:
    tables: dict[str, pd.DataFrame] = {}
    metadata: dict[str, dict] = {}
    problems: list[DataProblem] = []
    for spec in ALL_TABLES:
        path = spec.path(data_dir)
        try:
            frame = read_csv_records(path)
            metadata[spec.name] = load_metadata(spec, data_dir)
        except DataError as err:
            problems += err.problems
            continue
        allowed = _allowed_values(spec, tables)
        table_problems = validate_table(spec, frame, path, allowed)
        if not table_problems and spec.name == FIGURES.name and UNITS.name in tables:
            table_problems = range_problems(frame, tables[UNITS.name], path)
        problems += table_problems
        if not table_problems:
            tables[spec.name] = frame
    return tables, metadata, problems


def _allowed_values(spec: TableSpec, tables: dict[str, pd.DataFrame]) -> dict[str, frozenset[str]]:
    return {
        column: frozenset(tables[table][ref_column])
        for column, (table, ref_column) in spec.lookups.items()
        if table in tables
    }


def _typed(spec: TableSpec, frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.drop(columns=[LINE_COLUMN])
    for column in spec.numbers:
        frame[f"{column}_printed"] = frame[column]
        frame[column] = pd.to_numeric(frame[column].replace("", None))
    if "chapter" in spec.numbers:
        frame["chapter"] = frame["chapter"].astype(int)
    return frame.reset_index(drop=True)


def check_data(data_dir: str | Path | None = None) -> list[DataProblem]:
    """Return every problem in the data folder, survey wave included (an empty list when it is valid)."""
    folder = paths.data_dir(data_dir)
    _, _, problems = _read_tables(folder)
    return problems + wave_problems(folder) + edition_problems(folder)


_VALIDATED: dict[str, tuple[dict[str, pd.DataFrame], dict[str, dict]]] = {}
"""Typed tables and metadata of valid data folders, by :func:`content_fingerprint` (a few at most)."""
_KEEP = 4


def content_fingerprint(folder: Path) -> str:
    """Hash the name and bytes of every table file and metadata file of a data folder (what validation reads)."""
    return files_hash(folder, [path.relative_to(folder).as_posix() for spec in ALL_TABLES
                               for path in (spec.path(folder), meta_path(spec, folder))])


def load_dataset(data_dir: str | Path | None = None) -> Dataset:
    """Load and validate the data folder (default: env ``REPORT_DATA`` or ``data/``).

    A folder is validated once per content in a process (a kernel that executes page after
    page validates the same files once); every call gets its own copies of the tables, so a
    page that changes a table changes only its own.

    Raises
    ------
    DataError
        If any file is missing, unreadable or invalid; the message names the first
        problem's file, line and column, and ``problems`` lists them all.
    """
    folder = paths.data_dir(data_dir)
    key = content_fingerprint(folder)
    if key not in _VALIDATED:
        tables, metadata, problems = _read_tables(folder)
        if problems:
            raise DataError(problems)
        while len(_VALIDATED) >= _KEEP:
            _VALIDATED.pop(next(iter(_VALIDATED)))
        _VALIDATED[key] = ({spec.name: _typed(spec, tables[spec.name]) for spec in ALL_TABLES}, metadata)
    typed, metadata = _VALIDATED[key]
    csv_files = {spec.name: spec.path(folder).relative_to(folder).as_posix() for spec in ALL_TABLES}
    meta_files = {spec.name: meta_path(spec, folder).relative_to(folder).as_posix() for spec in ALL_TABLES}
    return Dataset(folder, RecordedTables({name: frame.copy() for name, frame in typed.items()}, csv_files),
                   RecordedTables(copy.deepcopy(metadata), meta_files))
