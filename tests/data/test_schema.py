"""Tests of report_lib.data.schema: a table spec becomes line-numbered problems."""

from pathlib import Path

import pandas as pd

from report_lib.data.csv_records import LINE_COLUMN
from report_lib.data.schema import TableSpec, validate_table

SPEC = TableSpec("t", "reference", key="id", required=("id", "n"), optional=("kind",), numbers=("n",),
                 lookups={"kind": ("kinds", "kind")})


def frame(rows):
    data = pd.DataFrame(rows, columns=["id", "n", "kind"], dtype=object)
    data[LINE_COLUMN] = range(2, 2 + len(data))
    return data


def problems(rows):
    return [str(p) for p in validate_table(SPEC, frame(rows), Path("t.csv"), {"kind": frozenset({"a", "b"})})]


def test_valid_rows_have_no_problems():
    """Numbers, allowed lookups (also ;-lists) and empty optional cells pass."""
    assert problems([["x", "1.5", "a"], ["y", "-2", "a;b"], ["z", "3", ""]]) == []


def test_each_rule_reports_its_line():
    """Empty required, non-number, unknown lookup and duplicate key are each reported on their line."""
    found = problems([["x", "", "a"], ["y", "one", "a"], ["z", "1", "c"], ["z", "2", "a"]])
    assert "t.csv:2: column 'n': '' is empty" in found
    assert "t.csv:3: column 'n': 'one' is not a number" in found
    assert "t.csv:4: column 'kind': 'c' is not one of: a, b" in found
    assert any(p.startswith("t.csv:5: column 'id': duplicate value 'z'") for p in found)


def test_header_only_file_has_no_rows():
    """A file with a header and no records is reported."""
    assert problems([]) == ["t.csv:2: no data rows"]


def test_fixed_choices_are_checked():
    """A column with a fixed vocabulary refuses other values."""
    spec = TableSpec("c", "reference", key="id", required=("id", "n"), choices={"kind": ("a",)}, optional=("kind",))
    found = [str(p) for p in validate_table(spec, frame([["x", "1", "b"]]), Path("c.csv"), {})]
    assert found == ["c.csv:2: column 'kind': 'b' is not one of: a"]
