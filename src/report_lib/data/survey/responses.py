"""Open a wave's ``survey/responses.{csv,parquet,sav,xlsx}`` as an Ibis table of text cells.

Every answer column becomes text (untrimmed) with empty cells as NULL, whatever the file stored
(a Parquet float ``1.0`` reads as ``"1"``), so the checks and the aggregation see one shape.
CSV may be Excel-style (UTF-8 with BOM, CRLF); bytes that are not UTF-8 are reported with
their line. ``ROW`` numbers each record as a person finds it: the file line for CSV (header
is line 1), the record number for Parquet and SPSS files, the sheet row for Excel. A platform's export (SPSS
value labels, Qualtrics, 问卷星, a column map) is read into the format through a
:class:`~report_lib.data.survey.exports.reading.Reading` (:mod:`report_lib.data.survey.exports`).
"""

from __future__ import annotations

import codecs
import csv
from pathlib import Path
from typing import TYPE_CHECKING

import ibis
import ibis.expr.types as ir

from report_lib.data.errors import DataError, DataProblem

if TYPE_CHECKING:
    from report_lib.data.survey.exports.reading import Reading

ROW = "__row__"
FORMATS = ("csv", "parquet", "sav", "xlsx")


def responses_path(survey_dir: Path) -> Path:
    """Return the one responses file in ``survey_dir``; :class:`DataError` if none or several."""
    found = [survey_dir / f"responses.{ext}" for ext in FORMATS if (survey_dir / f"responses.{ext}").is_file()]
    if len(found) != 1:
        reason = "no responses file" if not found else "more than one responses file"
        raise DataError([DataProblem(survey_dir / "responses.csv", None, None,
                                     f"{reason}; expected one of responses.csv, .parquet, .sav, .xlsx")])
    return found[0]


def check_utf8(path: Path, chunk: int = 1 << 24) -> None:
    """Raise :class:`DataError` at the first line of ``path`` that is not UTF-8 (read in chunks)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    lines = 1
    with path.open("rb") as handle:
        while block := handle.read(chunk):
            try:
                decoder.decode(block)
            except UnicodeDecodeError as error:
                before = block[: error.start]
                line = lines + before.count(b"\n")
                raise DataError([DataProblem(path, line, None, f"byte 0x{block[error.start]:02x} is not UTF-8; "
                                             "save the file as UTF-8 (Excel: 'CSV UTF-8')")]) from None
            lines += block.count(b"\n")


def ragged_record(path: Path) -> DataProblem | None:
    """The first record of a CSV whose number of fields differs from the header's, if any."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        width = len(next(reader, []))
        line = reader.line_num
        for fields in reader:
            start, line = line + 1, reader.line_num
            if fields and len(fields) != width:
                return DataProblem(path, start, None, f"has {len(fields)} fields, the header has {width}")
    return None


def as_text(table: ir.Table, keep: tuple[str, ...] = (ROW,)) -> ir.Table:
    """Every column of ``table`` but ``keep`` as text, empty as NULL; whole floats lose their ``.0``.

    Cells are not trimmed: a stray space is reported by the checks, not hidden.
    """
    columns = {}
    for name, dtype in table.schema().items():
        column = table[name]
        if name in keep:
            columns[name] = column
            continue
        if dtype.is_floating():
            column = ibis.ifelse(column == column.floor(), column.cast("int64").cast("string"), column.cast("string"))
        elif not dtype.is_string():
            column = column.cast("string")
        columns[name] = column.nullif("")
    return table.select(**columns)


def _clean_header(table: ir.Table) -> ir.Table:
    renames = {name.lstrip("\ufeff").strip(): name for name in table.columns if name != name.lstrip("\ufeff").strip()}
    return table.rename(renames) if renames else table


def _frame(path: Path, kind: str, reading: Reading | None):
    """The records of a .sav or .xlsx file (read once per wave and kept by ``reading``); None for CSV and Parquet."""
    if reading is not None and reading.raw.frame is not None:
        return reading.raw.frame
    if kind == "sav":
        from report_lib.data.survey.exports.spss import read_sav

        return read_sav(path)[0]
    if kind == "xlsx":
        from report_lib.data.survey.exports.excel import read_xlsx

        return read_xlsx(path)
    return None


def open_responses(path: Path, con: ibis.BaseBackend, numbered: bool = False,
                   columns: tuple[str, ...] | None = None, reading: Reading | None = None) -> ir.Table:
    """Open ``path`` on ``con`` as text columns; with ``numbered``, add :data:`ROW` (DuckDB only).

    Parameters
    ----------
    path
        ``responses.csv``, ``.parquet``, ``.sav`` or ``.xlsx``.
    con
        An Ibis connection (:func:`report_lib.data.survey.engines.connect`).
    numbered
        Copy the file into a DuckDB table (whose ``rowid`` keeps file order) to number its
        records. Without it the file is read where it lies, streamed by each query.
    columns
        With ``numbered``: copy only these columns of the format (the others stay in the file).
    reading
        How the file's shape is read into the format (:func:`report_lib.data.survey.exports.reading.plan_reading`);
        without it the file is taken to be in the format.
    """
    kind = path.suffix.lstrip(".")
    if kind == "csv":
        check_utf8(path)
    frame = _frame(path, kind, reading)
    skip = reading.raw.skip if reading is not None else 0
    if columns is not None and reading is not None:
        columns = reading.needs(columns)
    if con.name == "duckdb":
        name = f"responses_{abs(hash((str(path), numbered, columns)))}"
        if frame is not None:
            con.con.register(f"{name}_frame", frame)
            reader = f'"{name}_frame"'
        else:
            quoted = str(path).replace("'", "''")
            reader = (f"read_csv('{quoted}', all_varchar=true, header=true, delim=',', quote='\"', escape='\"')"
                      if kind == "csv"
                      else f"read_parquet('{quoted}')")
        if numbered:
            selected = ", ".join(f'"{c}"' for c in columns) if columns else "*"
            con.raw_sql(f'CREATE OR REPLACE TABLE "{name}_t" AS SELECT {selected} FROM {reader}')
            first = 2 if kind in ("csv", "xlsx") else 1
            con.raw_sql(f'CREATE OR REPLACE VIEW "{name}" AS SELECT rowid + {first} AS {ROW}, * FROM "{name}_t"'
                        + (f" WHERE rowid >= {skip}" if skip else ""))
        else:
            con.raw_sql(f'CREATE OR REPLACE VIEW "{name}" AS SELECT * FROM {reader}' + (f" OFFSET {skip}" if skip else ""))
        table = con.table(name)
    elif frame is not None:  # NaN would reach Spark as a number ("NaN"), not as an empty cell
        records = frame.iloc[skip:].astype(object)
        table = con.create_table(f"responses_{abs(hash(path))}", records.where(records.notna(), None), overwrite=True)
    elif kind == "csv" and skip:
        import pandas as pd

        records = pd.read_csv(path, dtype=str, keep_default_na=False, skiprows=range(1, 1 + skip), encoding="utf-8-sig")
        table = con.create_table(f"responses_{abs(hash(path))}", records, overwrite=True)
    elif kind == "csv":
        table = con.read_csv(str(path), header=True, inferSchema=False)
    else:
        table = con.read_parquet(str(path))
    table = as_text(_clean_header(table))
    if reading is None or not reading.translates:
        return table
    # A view of its own: the checks and sums then read plain columns; as an inline projection each CASE would be
    # copied into every expression that reads its column (slow to compile and to run).
    view = f"responses_read_{abs(hash((str(path), numbered, columns)))}"
    if con.name != "duckdb":
        return con.create_view(view, reading.apply(table), overwrite=True)
    con.create_view(f"{view}_raw", table, overwrite=True)
    con.raw_sql(f'CREATE OR REPLACE VIEW "{view}" AS SELECT {reading.select_sql(list(table.columns))} FROM "{view}_raw"')
    return con.table(view)
