"""Qualtrics exports: three header rows (column ids, question texts, ImportId JSON) before the answers.

A Qualtrics CSV or Excel download starts with the column ids (``Q1``, ``Q2_1``), then a row of
question texts (``Which ...? - Choice``), then a row of ``{"ImportId":"QID1"}`` cells. The two
extra rows are recognised by the ImportId row and skipped; the texts are kept to compare with
``questions.csv``. A file declared or detected as Qualtrics without both rows is an error, so
that a question-text row is never read as a respondent.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from report_lib.data.errors import DataError, DataProblem

HEADER_ROWS = 2
"""Rows after the column ids that Qualtrics writes before the first respondent."""
SEEN_UNANSWERED = ("-99",)
"""What Qualtrics writes, with "recode seen but unanswered questions as -99", for an empty answer."""
_IMPORT_ID = re.compile(r'^\s*\{\s*"ImportId"\s*:')


def is_import_row(cells: list[str]) -> bool:
    """True when most non-empty cells of a row are Qualtrics ``{"ImportId": ...}`` JSON."""
    filled = [c for c in cells if c]
    return bool(filled) and sum(bool(_IMPORT_ID.match(c)) for c in filled) * 2 >= len(filled)


def first_records(path: Path, count: int = 3) -> list[list[str]]:
    """The first ``count`` records of a CSV (quoted newlines kept inside their record)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        return [row for _, row in zip(range(count), reader)]


ID_COLUMNS = ("ResponseId", "ResponseID", "_recordId")
"""Column ids only Qualtrics writes (the response id)."""


def detect(records: list[list[str]]) -> bool:
    """True when row 2 or 3 of a file is a Qualtrics ImportId row, or its header has Qualtrics' response id."""
    header = {c.lstrip("\ufeff").strip() for c in (records[0] if records else [])}
    return any(is_import_row(row) for row in records[1:3]) or bool(header & set(ID_COLUMNS)) or {
        "StartDate", "EndDate", "RecordedDate"} <= header


def question_texts(path: Path, records: list[list[str]], declared: bool) -> dict[str, str]:
    """Check the two header rows of a Qualtrics file and return each column's question text.

    Parameters
    ----------
    path
        The responses file (for the problems it names).
    records
        Its first three records (column ids, question texts, ImportIds).
    declared
        True when ``responses.meta.yaml`` says ``source: qualtrics``.

    Raises
    ------
    DataError
        One problem naming the row where a header row is missing.
    """
    header = records[0] if records else []
    texts = records[1] if len(records) > 1 else []
    imports = records[2] if len(records) > 2 else []
    first = header[0] if header else None
    if is_import_row(texts):
        raise DataError([DataProblem(path, 2, first, "row 2 is Qualtrics' ImportId row, so the question-text row "
                                     "is missing; export with all three header rows (ids, question texts, ImportId)")])
    if not is_import_row(imports):
        why = "source: qualtrics in responses.meta.yaml, but " if declared else ""
        raise DataError([DataProblem(path, 3, first, f"{why}row 3 is not Qualtrics' ImportId row "
                                     "({\"ImportId\":...}); a header row is missing or the file is not a Qualtrics "
                                     "export; export with all three header rows (ids, question texts, ImportId)")])
    return {name: text.strip() for name, text in zip(header, texts)}


def text_matches(text: str, wordings: tuple[str, ...]) -> bool:
    """True when a Qualtrics column text is one of ``wordings`` (optionally followed by `` - <choice>``)."""
    text = " ".join(text.split())
    return any(w and (text == w or text.startswith(w + " - ")) for w in (" ".join(w.split()) for w in wordings))
