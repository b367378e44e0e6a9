"""Metadata that travels with each data file (title, source, description, columns).

Each ``<table>.csv`` has a ``<table>.meta.yaml`` beside it, in the spirit of Our World in
Data's ETL: chart footers are built from it, so they cannot drift from the data.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from report_lib.data.schema import TableSpec
from report_lib.data.errors import DataError, DataProblem

REQUIRED_KEYS = ("title", "description", "source", "columns")


def meta_path(spec: TableSpec, data_dir: Path) -> Path:
    """Return the metadata file that belongs to ``spec``'s CSV."""
    return spec.path(data_dir).with_suffix(".meta.yaml")


def load_metadata(spec: TableSpec, data_dir: Path) -> dict:
    """Read and check the metadata of one table; raise :class:`DataError` if incomplete."""
    path = meta_path(spec, data_dir)
    if not path.is_file():
        raise DataError([DataProblem(path, None, None, "metadata file not found")])
    try:
        meta = yaml.safe_load(path.read_text(encoding="utf-8-sig")) or {}
    except yaml.YAMLError as err:
        line = getattr(getattr(err, "problem_mark", None), "line", None)
        raise DataError([DataProblem(path, None if line is None else line + 1, None, f"invalid YAML: {err}")]) from None
    problems = [DataProblem(path, None, None, f"missing key '{k}'") for k in REQUIRED_KEYS if k not in meta]
    described = meta.get("columns") or {}
    problems += [
        DataProblem(path, None, column, "column has no description in the metadata")
        for column in spec.columns
        if column not in described
    ]
    if problems:
        raise DataError(problems)
    return meta
