"""Read an SPSS ``.sav`` file with pyreadstat: the codes as stored, their value labels and user-missing codes.

Codes stay codes here (``apply_value_formats=False``); :mod:`.codes` turns them into option ids
through the labels. User-missing values are kept (``user_missing=True``) so that a declared
missing code can be told from an answer and reported when it would be both.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd


def code_text(code: object) -> str:
    """A code as the cell text the reader sees (``1.0`` -> ``"1"``)."""
    if isinstance(code, float) and code.is_integer():
        return str(int(code))
    return str(code)


def read_sav(path: Path) -> tuple[pd.DataFrame, dict[str, dict[str, str]], dict[str, tuple[tuple[object, object], ...]]]:
    """Return (records, value labels by column and code text, user-missing ranges by column).

    A discrete missing code ``98`` is the range ``(98, 98)``; string variables' missing codes are
    ranges of one string.
    """
    import pyreadstat

    frame, meta = pyreadstat.read_sav(str(path), apply_value_formats=False, user_missing=True)
    labels = {column: {code_text(code): str(label) for code, label in codes.items()}
              for column, codes in (meta.variable_value_labels or {}).items()}
    missing = {column: tuple((r["lo"], r["hi"]) for r in ranges)
               for column, ranges in (meta.missing_ranges or {}).items() if ranges}
    return frame, labels, missing
