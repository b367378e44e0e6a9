"""Read a CSV file the way researchers save it, keeping the line number of every record.

Excel writes UTF-8 with a byte-order mark and CRLF line ends; both are accepted. Any
problem that stops the file from being read at all (missing file, empty file, bytes that
are not UTF-8, a record with the wrong number of fields) becomes a
:class:`~report_lib.data.errors.DataProblem` that names the file, line and column.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from report_lib.data.errors import DataError, DataProblem

LINE_COLUMN = "__line__"
"""Name of the extra column that carries each record's line number in the file."""


def _decode(path: Path, raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line_start = raw.rfind(b"\n", 0, err.start) + 1
        line_no = raw.count(b"\n", 0, err.start) + 1
        prefix = raw[line_start : err.start].decode("utf-8", errors="replace")
        header = next(csv.reader([raw.split(b"\n", 1)[0].decode("utf-8", errors="replace")]), [])
        field_index = next(csv.reader([prefix]), [""]).__len__() - 1 if prefix else 0
        column = header[field_index] if 0 <= field_index < len(header) else f"#{field_index + 1}"
        raise DataError(
            [
                DataProblem(
                    path,
                    line_no,
                    column,
                    f"byte 0x{raw[err.start]:02x} is not UTF-8; save the file as UTF-8 (Excel: 'CSV UTF-8')",
                )
            ]
        ) from None


def read_csv_records(path: Path) -> pd.DataFrame:
    """Read ``path`` as text columns plus :data:`LINE_COLUMN`, or raise :class:`DataError`.

    Parameters
    ----------
    path
        A UTF-8 CSV file with a header row (a BOM and CRLF line ends are fine).

    Returns
    -------
    pandas.DataFrame
        One row per record, every cell a ``str`` exactly as written (empty string for an
        empty cell; spaces are kept, so a stray space in a key is reported, not hidden), and
        the record's first line number in the file in :data:`LINE_COLUMN`.
    """
    if not path.is_file():
        raise DataError([DataProblem(path, None, None, "file not found")])
    text = _decode(path, path.read_bytes())
    if not text.strip():
        raise DataError([DataProblem(path, 1, None, "file is empty; expected a header row")])
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [name.strip() for name in next(reader)]
    problems: list[DataProblem] = []
    for name in {n for n in header if header.count(n) > 1}:
        problems.append(DataProblem(path, 1, name, "column name appears more than once in the header"))
    records, lines = [], []
    line_before = reader.line_num
    for fields in reader:
        start = line_before + 1
        line_before = reader.line_num
        if not any(f.strip() for f in fields):
            continue  # blank line
        if len(fields) != len(header):
            problems.append(
                DataProblem(path, start, None, f"has {len(fields)} fields, the header has {len(header)}")
            )
            continue
        records.append(fields)
        lines.append(start)
    if problems:
        raise DataError(problems)
    frame = pd.DataFrame(records, columns=header, dtype=object)
    frame[LINE_COLUMN] = lines
    return frame
