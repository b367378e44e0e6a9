"""The shape of every data file: columns, keys, allowed values and number columns.

Each table is described once, as a :class:`TableSpec`; :func:`validate_table` turns the
spec into a pandera schema, runs it lazily (collecting every failure) and reports each
failure as a :class:`~report_lib.data.errors.DataProblem` on its file line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from report_lib.data.csv_records import LINE_COLUMN
from report_lib.data.errors import DataProblem


@dataclass(frozen=True)
class TableSpec:
    """What one data file must contain.

    Attributes
    ----------
    name
        Table name; the file is ``<folder>/<name>.csv``.
    folder
        ``published`` (data of record) or ``reference`` (labels and lookups).
    key
        Column whose values must be unique and non-empty.
    required
        Columns that must exist and be non-empty in every row.
    optional
        Columns that must exist but may be empty.
    numbers
        Columns that must parse as numbers (when non-empty).
    lookups
        ``column -> (table, column)``: values must occur in that reference column. A
        ``;``-separated cell lists several values, each of which must occur.
    choices
        ``column -> values``: a fixed vocabulary (e.g. ``yes``/``no``), checked the same way.
    """

    name: str
    folder: str
    key: str
    required: tuple[str, ...]
    optional: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()
    lookups: dict[str, tuple[str, str]] = field(default_factory=dict)
    choices: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def columns(self) -> tuple[str, ...]:
        return self.required + self.optional

    def path(self, data_dir: Path) -> Path:
        return data_dir / self.folder / f"{self.name}.csv"


def _is_number(series: pd.Series) -> pd.Series:
    return (series == "") | pd.to_numeric(series, errors="coerce").notna()


def _all_in(allowed: frozenset[str]):
    def check(series: pd.Series) -> pd.Series:
        return series.map(lambda cell: all(part.strip() in allowed for part in cell.split(";")) if cell else True)

    return check


def pandera_schema(spec: TableSpec, allowed: dict[str, frozenset[str]]) -> pa.DataFrameSchema:
    """Build the pandera schema of ``spec``; ``allowed`` gives each lookup column's values."""
    allowed = {**{c: frozenset(v) for c, v in spec.choices.items()}, **allowed}
    columns: dict[str, pa.Column] = {}
    for name in spec.columns:
        checks = []
        if name in spec.required:
            checks.append(pa.Check(lambda s: s != "", error="is empty"))
        if name in spec.numbers:
            checks.append(pa.Check(_is_number, error="is not a number"))
        if name in allowed:
            values = allowed[name]
            shown = ", ".join(sorted(values)[:12]) + (", ..." if len(values) > 12 else "")
            checks.append(pa.Check(_all_in(values), error=f"is not one of: {shown}"))
        columns[name] = pa.Column(str, checks=checks, unique=name == spec.key, nullable=False)
    return pa.DataFrameSchema(columns, strict=False)


def validate_table(
    spec: TableSpec, frame: pd.DataFrame, path: Path, allowed: dict[str, frozenset[str]]
) -> list[DataProblem]:
    """Return every problem of ``frame`` (read from ``path``) against ``spec``."""
    missing = [c for c in spec.columns if c not in frame.columns]
    if missing:
        return [DataProblem(path, 1, c, "required column is missing from the header") for c in missing]
    if frame.empty:
        return [DataProblem(path, 2, None, "no data rows")]
    try:
        pandera_schema(spec, allowed).validate(frame, lazy=True)
    except SchemaErrors as errors:
        return [_problem(spec, frame, path, case) for case in errors.failure_cases.itertuples()]
    return []


def _problem(spec: TableSpec, frame: pd.DataFrame, path: Path, case) -> DataProblem:
    index = case.index
    line = int(frame.loc[index, LINE_COLUMN]) if index is not None and index in frame.index else None
    value = case.failure_case
    if case.check == "field_uniqueness":
        reason = f"duplicate value {value!r} (the {spec.key} column must be unique)"
    else:
        reason = f"{value!r} {case.check}"
    return DataProblem(path, line, case.column, reason)
