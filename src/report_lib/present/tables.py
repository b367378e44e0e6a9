"""Tables for the book: a display wrapper, and the reader's tables built from figures.

Every function takes the page's :class:`~report_lib.present.labels.Labels`, so a table
is labelled in the page's language; none reads a file. :class:`Table` shows a frame as
HTML (no row index) and as plain text for nbval.

Examples
--------
>>> figure_table(label, data.select(topic="bank_cards"))   # doctest: +SKIP
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from report_lib.present.labels import Labels, n_text


def one_line_cells(data: pd.DataFrame) -> pd.DataFrame:
    """Return ``data`` with every run of whitespace in text cells (newline, tab) made one space."""
    return data.map(lambda v: " ".join(v.split()) if isinstance(v, str) else v)


@dataclass(frozen=True)
class Table:
    """A table for the book: HTML without the row index, and the same as plain text for nbval.

    Computed (float) columns show ``decimals`` places; printed values are strings and
    show exactly as printed.
    """

    frame: pd.DataFrame
    decimals: int = 2

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        shown = self.frame.astype(object).where(self.frame.notna(), "–")
        shown = one_line_cells(shown)  # a tab or newline in a quote reads as a space
        for column in self.frame.select_dtypes("float").columns:
            shown[column] = [v if v == "–" else self._fixed(v) for v in shown[column]]
        return {
            "text/html": shown.to_html(index=False, border=0, classes="report-table", escape=True),
            "text/plain": shown.to_string(index=False),
        }

    def _fixed(self, value: float) -> str:
        """Format with ``decimals`` places; a value that rounds to zero shows without a minus sign."""
        text = f"{value:.{self.decimals}f}"
        return text.lstrip("-") if float(text) == 0 else text


def relabelled(label: Labels, frame: pd.DataFrame) -> Table:
    """Return ``frame`` as a :class:`Table`, its columns relabelled from ``column.*`` labels.

    A named index becomes the first column; a column without a ``column.*`` label keeps
    its name.
    """
    shown = frame.reset_index() if frame.index.name else frame
    relabel = {c: label(f"column.{c}") for c in shown.columns if label.has(f"column.{c}")}
    return Table(shown.rename(columns=relabel))


def figure_text(label: Labels, figure_id: str) -> str:
    """Return one figure formatted as printed, with unit and qualifier (``约35%``)."""
    row = label.dataset.figure(figure_id)
    return label.value(row["value_printed"], row["unit"], row["qualifier"])


def flag_labels(label: Labels, flags: str) -> str:
    """Return the labels of a ``;``-separated list of flag ids, comma-separated (empty for none)."""
    return ", ".join(label.flag(f) for f in flags.split(";")) if flags else ""


def provenance(label: Labels, figures: pd.DataFrame) -> pd.DataFrame:
    """Return the provenance table of ``figures``: id, value as printed, quote, flag, note."""
    shown = figures.apply(lambda r: label.value(r["value_printed"], r["unit"], r["qualifier"]), axis=1)
    return pd.DataFrame({
        label("column.id"): figures["id"].to_numpy(),
        label("column.value"): shown.to_numpy(),
        label("column.quote_zh"): figures["quote_zh"].to_numpy(),
        label("column.flag"): figures["flag"].map(lambda f: flag_labels(label, f)).to_numpy(),
        label("column.note"): figures["note"].to_numpy(),
    })


def figure_table(label: Labels, figures: pd.DataFrame, with_tool: bool = False) -> Table:
    """Return figures as a reader's table: what, bank type, value as printed, base and n.

    ``with_tool`` adds the tool each figure is about (its ``category``) as the first column.
    """
    tool = {label("column.tool"): [label.name("tools", t) for t in figures["category"]]} if with_tool else {}
    return Table(pd.DataFrame({
        **tool,
        label("column.subject"): [label.subject(s) for s in figures["subject"]],
        label("column.segment"): [label.segment(s) for s in figures["segment"]],
        label("column.value"): [label.value(r.value_printed, r.unit, r.qualifier) for r in figures.itertuples()],
        label("column.base"): [label.base(b) for b in figures["base"]],
        label("column.n"): [n_text(label, r.segment, r.base) or "–" for r in figures.itertuples()],
    }))


def policy_table(label: Labels) -> Table:
    """Return the policy documents with title, issuer, key phrase and period, in the label's language."""
    lang = label.lang
    policies = label.dataset.table("policies")
    return Table(pd.DataFrame({
        label("column.policy"): policies[f"title_{lang}"],
        label("column.issuer"): policies[f"issuer_{lang}"],
        label("column.issuer_basis"): policies["issuer_basis"].map(lambda b: label(f"issuer_basis.{b}")),
        label("column.key_phrase"): policies[f"key_phrase_{lang}"],
        label("column.period_in_title"): policies["period_in_title"],
    }))


def check_mark(label: Labels, holds: bool | None) -> str:
    """Return the glyph for a check that holds (✓), fails (✗) or cannot be made (–), from ``cell.*`` labels."""
    if holds is None or pd.isna(holds):
        return label("cell.none")
    return label("cell.yes" if holds else "cell.no")


def tick(label: Labels, flag: bool) -> str:
    """Return ✓ (``cell.yes``) for a true flag and an empty cell otherwise (a column of memberships)."""
    return label("cell.yes") if flag else ""
