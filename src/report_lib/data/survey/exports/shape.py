"""Which export a responses file is, and the file as read before any translation.

The shape is told from the file where it can be: ``.sav`` is SPSS; a CSV or Excel file whose
row 2 or 3 is a Qualtrics ImportId row is Qualtrics; a header of 问卷星's fixed columns or of
numbered question texts is 问卷星; anything else is the canonical format. ``source:`` in
``survey/responses.meta.yaml`` (``spss | qualtrics | wenjuanxing | canonical``) decides when
the file cannot tell, and is checked when it can (a declared Qualtrics file must have its
header rows).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from report_lib.data.errors import DataError, DataProblem
from report_lib.data.survey.exports import qualtrics, wenjuanxing

SOURCES = ("canonical", "spss", "qualtrics", "wenjuanxing")
"""Values of ``source:`` in ``responses.meta.yaml``."""


@dataclass(frozen=True)
class RawFile:
    """A responses file as stored: its shape, its records (in memory for .sav and .xlsx) and what it declares."""

    path: Path
    kind: str
    shape: str
    how: str
    frame: pd.DataFrame | None = None
    skip: int = 0
    value_labels: dict[str, dict[str, str]] = field(default_factory=dict)
    missing: dict[str, tuple] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)

    @property
    def first_row(self) -> int:
        """Row number of the first record as a person finds it (a file line, an Excel row, a record number)."""
        return 2 if self.kind in ("csv", "xlsx") else 1

    @property
    def described(self) -> str:
        """``"Qualtrics export (CSV), detected from the file"`` and the like."""
        names = {"canonical": "the canonical format", "spss": "an SPSS export", "qualtrics": "a Qualtrics export",
                 "wenjuanxing": "a 问卷星 (Wenjuanxing) export"}
        return f"{names[self.shape]} ({self.kind.upper() if self.kind != 'sav' else '.sav'}), {self.how}"


def declared_source(meta: dict, meta_path: Path) -> str | None:
    """The ``source:`` of the wave's metadata when it names a shape; :class:`DataError` when it is not one.

    A ``source`` that is a mapping or a path (the synthetic wave's provenance) is not a shape
    and is ignored.
    """
    value = meta.get("source")
    if not isinstance(value, str) or "/" in value or "." in value:
        return None
    if value not in SOURCES:
        raise DataError([DataProblem(meta_path, None, "source", f"{value!r} is not one of: {', '.join(SOURCES)}")])
    return value


def _first_rows(path: Path, kind: str, frame: pd.DataFrame | None) -> list[list[str]] | None:
    """The header and the next two rows; None when a CSV is not UTF-8 (opening it reports the line)."""
    if kind == "csv":
        try:
            return qualtrics.first_records(path)
        except UnicodeDecodeError:
            return None
    if frame is not None:
        return [list(frame.columns), *frame.head(2).astype(str).values.tolist()]
    return []


def read_raw(path: Path, declared: str | None = None) -> RawFile:
    """Read what ``path`` declares and decide its shape (see the module docstring).

    Raises
    ------
    DataError
        A Qualtrics file with a header row missing; a declared shape the file contradicts.
    """
    kind = path.suffix.lstrip(".").lower()
    how = "declared by source: in responses.meta.yaml" if declared else "detected from the file"
    if kind == "sav":
        from report_lib.data.survey.exports.spss import read_sav

        if declared not in (None, "spss", "canonical"):
            raise DataError([DataProblem(path, None, None, f"source: {declared} in responses.meta.yaml, but a .sav "
                                         "file is an SPSS export; say source: spss or remove the key")])
        frame, labels, missing = read_sav(path)
        return RawFile(path, kind, "spss", how, frame, 0, labels, missing)
    frame = None
    if kind == "xlsx":
        from report_lib.data.survey.exports.excel import read_xlsx

        frame = read_xlsx(path)
    if kind == "parquet":
        return RawFile(path, kind, declared or "canonical", how)
    records = _first_rows(path, kind, frame)
    if records is None:
        return RawFile(path, kind, declared or "canonical", how, frame)
    if declared == "qualtrics" or (declared is None and qualtrics.detect(records)):
        texts = qualtrics.question_texts(path, records, declared == "qualtrics")
        how = how if declared else "detected from its header rows"
        return RawFile(path, kind, "qualtrics", how, frame, qualtrics.HEADER_ROWS, texts=texts)
    header = [c.lstrip("\ufeff").strip() for c in (records[0] if records else [])]
    if declared is None and wenjuanxing.looks_like(header):
        return RawFile(path, kind, "wenjuanxing", how, frame)
    if declared == "spss":
        raise DataError([DataProblem(path, None, None, "source: spss in responses.meta.yaml, but the file is not "
                                     ".sav; save it from SPSS as .sav or say which export it is")])
    return RawFile(path, kind, declared or "canonical", how, frame)
