"""Read the first sheet of an ``.xlsx`` responses file as text cells, with python-calamine.

python-calamine (Rust) reads a sheet in one call, several times faster than openpyxl; a kept
library rather than hand-written XML parsing. Numbers Excel stored as floats read as the text a
person sees (``1.0`` -> ``"1"``); empty cells are empty strings.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd


def cell_text(value: object) -> str:
    """The text of one Excel cell: whole floats without ``.0``, dates in ISO 8601, empty as ``""``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)


def read_xlsx(path: Path) -> pd.DataFrame:
    """The first sheet of ``path``: its first row as column names, every cell as text.

    Parameters
    ----------
    path
        An Excel 2007+ workbook (``.xlsx``).
    """
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python(skip_empty_area=False)
    if not rows:
        return pd.DataFrame()
    header = [cell_text(v).strip() for v in rows[0]]
    width = len(header)
    body = [list(r[:width]) + [""] * (width - len(r)) for r in rows[1:]]
    columns = list(zip(*body)) if body else [()] * width
    return pd.DataFrame({name: pd.Series([cell_text(v) for v in column], dtype=object)
                         for name, column in zip(header, columns)})
