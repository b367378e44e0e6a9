"""Codes, value labels and option texts: what a cell may hold for each option, and what it means.

A cell of a single-choice question (or ``segment``) may hold, in this order of precedence:
a user-missing code declared in the file (an empty answer, never an option), a code whose value
label in the file equals an option's ``label_zh`` or ``label_en`` (or option id), the option id,
the option's ``code`` from ``options.csv`` (``segments.csv`` for ``segment``), or its label text.
Anything else is a problem named by a *reject* text: a string that starts with :data:`REJECT`,
which the checks print as the reason (so one scan finds and explains every bad cell).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

REJECT = "\x1f"
"""First character of a translated cell that is a problem (ASCII unit separator, never in survey text); the rest is the reason."""

VIA_LABELS, VIA_CODES, VIA_TEXT, VIA_MISSING = "value labels", "codes", "option texts", "missing codes"
"""How a cell was translated, as ``check-data`` names it."""
KEY_COLUMNS = (("label_en", VIA_TEXT), ("label_zh", VIA_TEXT), ("code", VIA_CODES), ("option_id", None))
"""Columns naming an option in a cell, lowest precedence first (the option id wins a tie)."""


@dataclass(frozen=True)
class CellMap:
    """How the cells of one column of the file become option ids.

    ``known`` maps a cell's text to an option id, to ``None`` (an empty answer) or to a reject
    text; ``via`` says how each key translates (absent: the option id itself). ``missing`` are
    declared user-missing ranges ``(lo, hi)`` that are not discrete codes. ``otherwise`` is the
    reject text of any other value (``{value}`` stands for the cell); ``None`` passes it through.
    """

    known: dict[str, str | None]
    via: dict[str, str] = field(default_factory=dict)
    missing: tuple[tuple[float, float], ...] = ()
    otherwise: str | None = None


def option_keys(rows: pd.DataFrame, id_column: str = "option_id") -> tuple[dict[str, str], dict[str, str]]:
    """(cell text -> option id, cell text -> how it translates) for the options in ``rows``."""
    keys: dict[str, str] = {}
    via: dict[str, str] = {}
    for column, kind in KEY_COLUMNS:
        column = id_column if column == "option_id" else column
        if column not in rows.columns:
            continue
        for option, key in zip(rows[id_column], rows[column]):
            if key:
                keys[key] = option
                if kind:
                    via[key] = kind
                else:
                    via.pop(key, None)
    return keys, via


def _missing_parts(ranges: tuple[tuple[object, object], ...]) -> tuple[list[str], tuple[tuple[float, float], ...]]:
    from report_lib.data.survey.exports.spss import code_text

    codes, spans = [], []
    for low, high in ranges:
        if low == high:
            codes.append(code_text(low))
        else:
            spans.append((float(low), float(high)))
    return codes, tuple(spans)


def cell_map(target: str, source: str, keys: dict[str, str], via: dict[str, str],
             value_labels: dict[str, str] | None = None, missing_ranges: tuple = (),
             empty_markers: tuple[str, ...] = (), pass_through: bool = False) -> CellMap:
    """The :class:`CellMap` of one column.

    Parameters
    ----------
    target
        The question id (or ``segment``) the column holds.
    source
        The file's column name (for the reasons).
    keys, via
        From :func:`option_keys`.
    value_labels
        Code text -> value label declared in the file for this column (SPSS).
    missing_ranges
        User-missing ranges declared in the file for this column.
    empty_markers
        Cells the platform writes for an empty answer (问卷星's ``(跳过)``).
    pass_through
        Keep values no key matches (a scale's numbers; the scale check judges them).
    """
    known: dict[str, str | None] = dict(keys)
    how = dict(via)
    choices = ", ".join(dict.fromkeys(keys.values()))
    for code, label in (value_labels or {}).items():
        if code in keys and label not in keys:
            continue  # a label such as "100 points" on a value that is itself an option id
        if label in keys:
            known[code], how[code] = keys[label], VIA_LABELS
        else:
            known[code] = (f"{REJECT}code {code} has the value label {label!r}, which matches no option "
                           f"of {target!r} (options: {choices}); label it as an option or map its code in options.csv")
    codes, spans = _missing_parts(missing_ranges)
    for marker in empty_markers:
        known[marker], how[marker] = None, VIA_MISSING
    for code in codes:
        label = (value_labels or {}).get(code)
        option = keys.get(label) if label is not None else None
        option = option or (keys.get(code) if code in keys and code not in (value_labels or {}) else None)
        if option is not None:
            shown = f" (value label {label!r})" if label is not None else ""
            known[code] = (f"{REJECT}code {code} is declared user-missing in the file{shown}, yet it is option "
                           f"{option!r} of {target!r}; a missing code is never an answer: drop it from the file's "
                           "missing values or relabel it")
        else:
            known[code], how[code] = None, VIA_MISSING
    otherwise = None if pass_through else (
        f"{REJECT}{{value}} in column {source!r} is no option id, code or label of {target!r} and has no value "
        f"label in the file (options: {choices})")
    return CellMap(known, how, spans, otherwise)


def multi_cell_map(question_id: str, option: str, source: str, keys: dict[str, str], via: dict[str, str],
                   missing_ranges: tuple = (), empty_markers: tuple[str, ...] = ()) -> CellMap:
    """The :class:`CellMap` of a multi-select's option column: 1 (or the option's text or code) or 0."""
    known: dict[str, str | None] = {"1": "1", "0": "0"}
    how: dict[str, str] = {}
    for key, value in keys.items():
        if value == option and key not in known:
            known[key], how[key] = "1", via.get(key, VIA_TEXT)
    codes, spans = _missing_parts(missing_ranges)
    for code in (*codes, *empty_markers):
        if code not in ("0", "1"):
            known[code], how[code] = None, VIA_MISSING
    otherwise = (f"{REJECT}{{value}} in multi-select column {source!r} ({question_id} option {option!r}); "
                 "expected 1, 0, empty or the option's label")
    return CellMap(known, how, spans, otherwise)
