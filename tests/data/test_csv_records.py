"""Tests of report_lib.data.csv_records: reading CSV as researchers save it."""

from pathlib import Path

import pytest

from report_lib.data.csv_records import LINE_COLUMN, read_csv_records
from report_lib.data.errors import DataError


def write(path: Path, content: bytes) -> Path:
    path.write_bytes(content)
    return path


def test_reads_excel_bom_and_crlf(tmp_path):
    """A UTF-8 file with a BOM and CRLF line ends reads like a plain one."""
    frame = read_csv_records(write(tmp_path / "t.csv", "\ufeffa,b\r\n1,二\r\n".encode("utf-8")))
    assert list(frame.columns) == ["a", "b", LINE_COLUMN]
    assert frame.loc[0, "b"] == "二"


def test_line_numbers_count_multiline_fields(tmp_path):
    """A quoted field spanning lines does not shift later line numbers."""
    frame = read_csv_records(write(tmp_path / "t.csv", b'a,b\n1,"x\ny"\n2,z\n'))
    assert frame[LINE_COLUMN].tolist() == [2, 4]


def test_empty_file_is_an_error(tmp_path):
    """An empty file names the file and asks for a header."""
    with pytest.raises(DataError, match=r"t\.csv:1: file is empty"):
        read_csv_records(write(tmp_path / "t.csv", b""))


def test_non_utf8_names_line_and_column(tmp_path):
    """Bytes that are not UTF-8 are reported with their line and column."""
    content = "a,b\n1,ok\n2,".encode() + "坏".encode("gbk") + b"\n"
    with pytest.raises(DataError, match=r"t\.csv:3: column 'b': byte 0x.. is not UTF-8"):
        read_csv_records(write(tmp_path / "t.csv", content))


def test_ragged_row_is_an_error(tmp_path):
    """A record with the wrong number of fields names its line."""
    with pytest.raises(DataError, match=r"t\.csv:3: has 3 fields, the header has 2"):
        read_csv_records(write(tmp_path / "t.csv", b"a,b\n1,2\n1,2,3\n"))


def test_missing_file_is_an_error(tmp_path):
    """A missing file is reported as such."""
    with pytest.raises(DataError, match="file not found"):
        read_csv_records(tmp_path / "absent.csv")
