"""A table whose cells of one column link to another page of the book (e.g. the chapter that shows a figure).

Like :class:`report_lib.present.tables.Table` (HTML without the row index, plain text for
nbval), every cell escaped as text; the cells of ``column`` become links to ``hrefs``, and
the cells of the ``nowrap`` columns (short values such as "≥ 83%" or "-6.8个百分点以内")
stay on one line, which a Chinese cell without spaces would not otherwise do.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd

from report_lib.present.tables import one_line_cells


@dataclass(frozen=True)
class LinkedTable:
    """``frame`` shown as a table whose ``column`` cells link to ``hrefs`` (one per row; empty: no link)."""

    frame: pd.DataFrame
    column: str
    hrefs: tuple[str, ...]
    nowrap: tuple[str, ...] = ()

    def _cells(self) -> pd.DataFrame:
        return one_line_cells(self.frame.astype(object).where(self.frame.notna(), "–").astype(str))

    def to_html(self) -> str:
        """The table as HTML: escaped text, links in ``column``."""
        shown = self._cells()
        head = "".join(f"<th>{html.escape(str(c))}</th>" for c in shown.columns)
        rows = []
        for (_, row), href in zip(shown.iterrows(), self.hrefs):
            cells = []
            for column, value in row.items():
                text = html.escape(value)
                if column == self.column and href:
                    text = f'<a href="{html.escape(href)}">{text}</a>'
                style = ' style="white-space: nowrap"' if column in self.nowrap else ""
                cells.append(f"<td{style}>{text}</td>")
            rows.append("<tr>" + "".join(cells) + "</tr>")
        return (f'<table class="dataframe report-table"><thead><tr>{head}</tr></thead>'
                f"<tbody>{''.join(rows)}</tbody></table>")

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        return {"text/html": self.to_html(), "text/plain": self._cells().to_string(index=False)}
