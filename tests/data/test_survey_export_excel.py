"""An .xlsx sheet reads as text cells: whole floats without .0, empty cells empty, short rows padded."""

from __future__ import annotations

from openpyxl import Workbook

from report_lib.data.survey.exports.excel import cell_text, read_xlsx


def test_cell_text():
    assert [cell_text(v) for v in (1.0, 2.5, None, True, "a")] == ["1", "2.5", "", "1", "a"]


def test_read_xlsx(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["respondent_id", " segment ", "q"])
    sheet.append(["r1", "regional", 3])
    sheet.append(["r2", "joint_stock"])
    book.save(tmp_path / "r.xlsx")
    frame = read_xlsx(tmp_path / "r.xlsx")
    assert list(frame.columns) == ["respondent_id", "segment", "q"]
    assert frame.values.tolist() == [["r1", "regional", "3"], ["r2", "joint_stock", ""]]
