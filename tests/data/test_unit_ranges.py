"""Values outside their unit's range fail `check-data` with one line naming file, line and range.

Run through the command line's ``main`` (``python -m report_lib check-data DATA``, in this process:
:func:`conftest.run_command`) on a copy of the data folder with one figure changed, as a
researcher would meet it.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from conftest import edit_csv, run_command
from report_lib.data.unit_ranges import UnitRange


def figures_path(folder: Path) -> Path:
    return folder / "published" / "figures.csv"


def first_line_of_unit(folder: Path, unit: str) -> tuple[int, str]:
    """Return (file line, id) of the first figure in ``unit``."""
    with figures_path(folder).open(encoding="utf-8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            if row["unit"] == unit:
                return line, row["id"]
    raise AssertionError(f"no figure in unit {unit}")


def set_figure(folder: Path, figure_id: str, **cells: str) -> None:
    def edit(rows):
        for row in rows[1:]:
            if row[0] == figure_id:
                for column, value in cells.items():
                    row[rows[0].index(column)] = value
    edit_csv(figures_path(folder), edit)


def check(folder: Path) -> tuple[int, list[str]]:
    result = run_command("check-data", str(folder))
    return result.returncode, result.stderr.strip().splitlines()


@pytest.mark.parametrize(
    ("unit", "value", "reason"),
    [
        ("percent", "183", "183 is outside 0-100 for unit percent"),
        ("percent", "-1", "-1 is outside 0-100 for unit percent"),
        ("rank", "0", "0 is outside at least 1 for unit rank"),
        ("count", "-3", "-3 is outside at least 0 for unit count"),
        ("count", "2.5", "2.5 is not a whole number, as unit count requires"),
        ("score_5", "5.5", "5.5 is outside 0-5 for unit score_5"),
        ("percent_change", "-120", "-120 is outside at least -100 for unit percent_change"),
        ("percentage_points", "101", "101 is outside -100 to 100 for unit percentage_points"),
    ],
)
def test_value_outside_its_unit_range(data_copy, unit, value, reason):
    """One impossible value: exit 1, one problem line naming the file line, the value column and the range."""
    line, figure_id = first_line_of_unit(data_copy, unit)
    set_figure(data_copy, figure_id, value=value)
    code, lines = check(data_copy)
    assert code == 1
    assert len(lines) == 2, lines  # the problem and the summary line
    assert lines[0].endswith(f"figures.csv:{line}: column 'value': {reason}")


def test_negative_growth_is_valid(data_copy):
    """A growth rate may be negative (down to -100%)."""
    _, figure_id = first_line_of_unit(data_copy, "percent_change")
    set_figure(data_copy, figure_id, value="-35.2")
    code, lines = check(data_copy)
    assert code == 0, lines


def test_flagged_impossible_value_is_recorded(data_copy):
    """A share printed as 183% is kept when flagged 'impossible' (as the source printed it)."""
    _, figure_id = first_line_of_unit(data_copy, "percent")
    set_figure(data_copy, figure_id, value="183", flag="impossible", note="The source prints 183%.")
    result = run_command("check-data", str(data_copy))
    assert result.returncode == 0, result.stderr
    assert "all tables valid" in result.stdout


def test_impossible_flag_on_a_possible_value_is_reported(data_copy):
    """The flag must be true: 'impossible' on a value within range is a problem in the flag column."""
    line, figure_id = first_line_of_unit(data_copy, "percent")
    set_figure(data_copy, figure_id, value="83", flag="impossible")
    code, lines = check(data_copy)
    assert code == 1
    assert lines[0].endswith(f"figures.csv:{line}: column 'flag': 'impossible' but 83 is within 0-100 for unit percent")


def test_unit_without_whole_is_reported(data_copy):
    """units.csv's whole column takes yes or no."""
    def edit(rows):
        rows[1][rows[0].index("whole")] = "maybe"
    edit_csv(data_copy / "reference" / "units.csv", edit)
    code, lines = check(data_copy)
    assert code == 1
    assert "units.csv:2: column 'whole': 'maybe' is not one of: no, yes" in lines[0]


@pytest.mark.parametrize(
    ("allowed", "text"),
    [(UnitRange("percent", 0, 100), "0-100"), (UnitRange("percentage_points", -100, 100), "-100 to 100"),
     (UnitRange("rank", 1, None, True), "at least 1"), (UnitRange("score", None, 5), "at most 5"),
     (UnitRange("other"), "any number")],
)
def test_range_descriptions(allowed, text):
    assert allowed.describe() == text


def test_every_unit_declares_whole(dataset):
    """Every unit of the data of record has a whole flag; bounds, where given, are ordered."""
    units = dataset.table("units")
    assert set(units["whole"]) <= {"yes", "no"}
    bounded = units.dropna(subset=["min", "max"])
    assert (bounded["min"] < bounded["max"]).all()
