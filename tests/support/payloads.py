"""Markup and script in data strings: a copy of ``data/`` whose text ends in payloads that must stay text.

Each payload's handler, if it ever ran, would set ``data-pwned`` on the page's ``<body>``
(visible in Chromium's ``--dump-dom``); its text must show literally instead.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

PAYLOADS = (
    '<a href="javascript:document.body.dataset.pwned=1">xlink</a>',
    "<img src=x onerror=document.body.dataset.pwned=2>",
    "<svg onload=document.body.dataset.pwned=3></svg>",
    "</script><script>document.body.dataset.pwned=4</script>",
    "[xmd](javascript:document.body.dataset.pwned=5) **xbold**",
)
PAYLOAD = " " + " ".join(PAYLOADS)
TEXT_COLUMNS = {
    "segments.csv": ("label_en", "short_en", "description_en"),
    "glossary.csv": ("term_en", "definition_en"),
    "cases.csv": ("title_en", "summary_en"),
    "vendors.csv": ("name_en", "note_en"),
    "experts.csv": ("name_en", "title_en", "company_en", "summary_en"),
    "tools.csv": ("name_en", "definition_en"),
    "themes.csv": ("name_en", "definition_en"),
    "capabilities.csv": ("name_en", "definition_en"),
}
"""The text columns that get the payload, per reference table (those a table lacks are skipped)."""
LABEL_PREFIXES = ("title.", "subtitle.", "alt.", "variant.", "footer.")
"""labels.csv keys whose English text gets the payload (chart titles, text alternatives, footers, openings; not column.*, which name chart fields)."""


def with_payload(path: Path, columns: tuple[str, ...], keep=lambda row: True) -> None:
    """Append :data:`PAYLOAD` to the non-empty ``columns`` of the rows ``keep`` accepts."""
    with path.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    fields = list(rows[0])
    for row in rows:
        for column in columns:
            if column in row and row[column] and keep(row):
                row[column] += PAYLOAD
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def poisoned_data(source: Path, target: Path) -> Path:
    """Copy the data folder ``source`` to ``target`` with :data:`PAYLOAD` at the end of its text; return ``target``."""
    shutil.copytree(source, target)
    reference = target / "reference"
    for name, columns in TEXT_COLUMNS.items():
        if (reference / name).is_file():
            with_payload(reference / name, columns)
    with_payload(reference / "labels.csv", ("en",), lambda row: row["key"].startswith(LABEL_PREFIXES))
    with_payload(target / "published" / "figures.csv", ("note",))
    return target
