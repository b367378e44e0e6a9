"""The range every unit allows, and the figures whose value lies outside it.

Each unit in ``reference/units.csv`` declares ``min`` and ``max`` (empty: unbounded) and
``whole`` (``yes``: the value must be a whole number). The ranges are true by definition
(a share lies in 0-100, a rank is at least 1, a count is a whole number of at least 0),
not read off today's data. A value the source really prints outside its unit's range
stays recordable only with the flag :data:`IMPOSSIBLE_FLAG`, which says so.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from report_lib.data.csv_records import LINE_COLUMN
from report_lib.data.errors import DataProblem

IMPOSSIBLE_FLAG = "impossible"
"""The flag (``reference/flags.csv``) that records a published value outside its unit's range."""


@dataclass(frozen=True)
class UnitRange:
    """The values one unit allows.

    Attributes
    ----------
    unit
        Unit id.
    low, high
        Inclusive bounds; ``None`` is unbounded.
    whole
        Whether the value must be a whole number.
    """

    unit: str
    low: float | None = None
    high: float | None = None
    whole: bool = False

    def describe(self) -> str:
        """The range as a reader writes it: ``0-100``, ``-100 to 100``, ``at least 1``, ``at most 5``."""
        low, high = _printed(self.low), _printed(self.high)
        if self.low is not None and self.high is not None:
            return f"{low} to {high}" if self.low < 0 else f"{low}-{high}"
        if self.low is not None:
            return f"at least {low}"
        return f"at most {high}" if self.high is not None else "any number"

    def problem(self, value: float, printed: str) -> str | None:
        """Return why ``value`` (printed as ``printed``) is not allowed, or ``None`` if it is."""
        if (self.low is not None and value < self.low) or (self.high is not None and value > self.high):
            return f"{printed} is outside {self.describe()} for unit {self.unit}"
        if self.whole and not float(value).is_integer():
            return f"{printed} is not a whole number, as unit {self.unit} requires"
        return None


def _printed(bound: float | None) -> str:
    return "" if bound is None else (f"{bound:g}")


def unit_ranges(units: pd.DataFrame) -> dict[str, UnitRange]:
    """Return each unit's :class:`UnitRange` from the (validated, string-valued) units table."""
    def bound(cell: str) -> float | None:
        return float(cell) if cell != "" else None

    return {
        row["unit"]: UnitRange(row["unit"], bound(row["min"]), bound(row["max"]), row["whole"] == "yes")
        for _, row in units.iterrows()
    }


def range_problems(figures: pd.DataFrame, units: pd.DataFrame, path: Path) -> list[DataProblem]:
    """Return a problem for every figure whose value lies outside its unit's range.

    Parameters
    ----------
    figures
        The validated figures table as read (strings, with the line column).
    units
        The validated units table as read.
    path
        The figures file, for the messages.

    A figure flagged :data:`IMPOSSIBLE_FLAG` is exempt (the source printed it so); a
    figure flagged so whose value is in range is reported, since the flag would be false.
    """
    ranges = unit_ranges(units)
    problems = []
    for _, row in figures.iterrows():
        allowed = ranges.get(row["unit"])
        value = pd.to_numeric(row["value"], errors="coerce")
        if allowed is None or row["value"] == "" or math.isnan(value):
            continue
        reason = allowed.problem(float(value), row["value"])
        flagged = IMPOSSIBLE_FLAG in [part.strip() for part in row.get("flag", "").split(";")]
        line = int(row[LINE_COLUMN])
        if reason and not flagged:
            problems.append(DataProblem(path, line, "value", reason))
        elif flagged and not reason:
            problems.append(DataProblem(path, line, "flag", f"'{IMPOSSIBLE_FLAG}' but {row['value']} is within "
                                                            f"{allowed.describe()} for unit {row['unit']}"))
    return problems
