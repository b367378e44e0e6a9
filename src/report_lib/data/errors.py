"""Problems found in input data, reported as ``file:line: column 'c': reason``.

A researcher who swaps the data folder must learn exactly which cell is wrong. Every
check in the library reports a :class:`DataProblem`; loading raises :class:`DataError`
holding all problems found, and its message is the first problem on one line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class DataProblem:
    """One problem in one cell (or line, or file) of an input file."""

    path: Path
    line: int | None
    column: str | None
    reason: str

    def __str__(self) -> str:
        where = f"{self.path}" + (f":{self.line}" if self.line is not None else "")
        column = f" column '{self.column}':" if self.column else ""
        return f"{where}:{column} {self.reason}"


class DataError(ValueError):
    """Raised when input data is invalid; ``problems`` lists every problem found."""

    def __init__(self, problems: list[DataProblem]):
        self.problems = sorted(problems, key=lambda p: (str(p.path), p.line or 0, p.column or ""))
        first = str(self.problems[0]) if self.problems else "invalid data"
        more = f" (and {len(self.problems) - 1} more problems)" if len(self.problems) > 1 else ""
        super().__init__(first + more)
