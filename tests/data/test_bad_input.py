"""Bad data folders: each fails `check-data` with a one-line error naming file, row and column.

These run the command a researcher runs (``python -m report_lib check-data DATA``) on a
copy of the data folder with one defect, and check the exit code and the message: in this
process (:func:`conftest.run_command`), and as its own process for the valid folder and for
a missing column.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import edit_csv as rewrite
from conftest import run_cli, run_command


def figures(folder: Path) -> Path:
    return folder / "published" / "figures.csv"


def set_cell(row_index: int, column: str, value: str):
    def edit(rows):
        rows[row_index][rows[0].index(column)] = value
    return edit


def check(folder: Path) -> tuple[int, list[str]]:
    result = run_command("check-data", str(folder))
    return result.returncode, result.stderr.strip().splitlines()


def test_valid_folder_passes(data_copy):
    """The data of record itself is valid: exit 0."""
    result = run_cli("check-data", str(data_copy))
    assert result.returncode == 0, result.stderr
    assert "all tables valid" in result.stdout


def test_missing_column(data_copy):
    """Dropping the value column names it on line 1 (the command as its own process: exit 1, the line on stderr)."""
    rewrite(figures(data_copy), lambda rows: [r.pop(rows[0].index("value")) for r in rows[::-1]])
    result = run_cli("check-data", str(data_copy))
    code, lines = result.returncode, result.stderr.strip().splitlines()
    assert code == 1
    assert lines[0].endswith("figures.csv:1: column 'value': required column is missing from the header")


def test_unknown_segment(data_copy):
    """A segment not in segments.csv names line 3 and column segment."""
    rewrite(figures(data_copy), set_cell(2, "segment", "foreign_banks"))
    code, lines = check(data_copy)
    assert code == 1
    assert "figures.csv:3: column 'segment': 'foreign_banks' is not one of:" in lines[0]


def test_non_numeric_value(data_copy):
    """A value that is not a number names its line and the value column."""
    rewrite(figures(data_copy), set_cell(5, "value", "83%+"))
    code, lines = check(data_copy)
    assert code == 1
    assert lines[0].endswith("figures.csv:6: column 'value': '83%+' is not a number")


def test_duplicate_id(data_copy):
    """A repeated id is reported on the line where it repeats."""
    def duplicate(rows):
        rows[4][0] = rows[3][0]
    rewrite(figures(data_copy), duplicate)
    code, lines = check(data_copy)
    assert code == 1
    assert any("figures.csv:5: column 'id': duplicate value" in line for line in lines)


def test_empty_file(data_copy):
    """An empty figures file is one clear error."""
    figures(data_copy).write_bytes(b"")
    code, lines = check(data_copy)
    assert code == 1
    assert lines[0].endswith("figures.csv:1: file is empty; expected a header row")


def test_wrong_encoding(data_copy):
    """A file saved as GBK is reported with line, column and the fix."""
    path = figures(data_copy)
    path.write_bytes(path.read_text(encoding="utf-8").encode("gbk", errors="replace"))
    code, lines = check(data_copy)
    assert code == 1
    assert "figures.csv:2: column 'quote_zh': byte 0x" in lines[0]
    assert "save the file as UTF-8" in lines[0]


def test_excel_bom_and_crlf_are_valid(data_copy):
    """The same data saved by Excel (BOM, CRLF) is valid."""
    path = figures(data_copy)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_text(encoding="utf-8").replace("\n", "\r\n").encode("utf-8"))
    assert run_command("check-data", str(data_copy)).returncode == 0


def test_every_problem_is_listed(data_copy):
    """Two defects in different cells give two lines, and nothing else."""
    rewrite(figures(data_copy), set_cell(2, "unit", "furlongs"))
    rewrite(figures(data_copy), set_cell(7, "qualifier", "roughly"))
    code, lines = check(data_copy)
    assert code == 1
    assert len(lines) == 3  # two problems and the summary line
    assert "figures.csv:3: column 'unit'" in lines[0] and "figures.csv:8: column 'qualifier'" in lines[1]


@pytest.mark.parametrize("table", ["segments", "labels"])
def test_missing_metadata_is_an_error(data_copy, table):
    """A reference table without its metadata file is reported."""
    (data_copy / "reference" / f"{table}.meta.yaml").unlink()
    code, lines = check(data_copy)
    assert code == 1
    assert lines[0].endswith(f"{table}.meta.yaml: metadata file not found")


def reference(folder: Path, name: str) -> Path:
    return folder / "reference" / f"{name}.csv"


def test_unknown_theme_in_expert_themes(data_copy):
    """A theme id that is not in themes.csv names the line and the theme_id column of expert_themes.csv."""
    rewrite(reference(data_copy, "expert_themes"), set_cell(3, "theme_id", "astrology"))
    code, lines = check(data_copy)
    assert code == 1
    assert "expert_themes.csv:4: column 'theme_id': 'astrology' is not one of:" in lines[0]


def test_unknown_expert_in_a_shared_cell(data_copy):
    """One bad id in a ;-separated list of experts is reported on its line."""
    rewrite(reference(data_copy, "expert_themes"), set_cell(2, "expert_id", "lu_quan;nobody"))
    code, lines = check(data_copy)
    assert code == 1
    assert "expert_themes.csv:3: column 'expert_id': 'lu_quan;nobody' is not one of:" in lines[0]


def test_theme_echoing_an_unknown_need(data_copy):
    """echoes_need must be a subject of the data of record (checked after figures.csv is read)."""
    rewrite(reference(data_copy, "themes"), set_cell(1, "echoes_need", "need_world_peace"))
    code, lines = check(data_copy)
    assert code == 1
    assert "themes.csv:2: column 'echoes_need': 'need_world_peace' is not one of:" in lines[0]
