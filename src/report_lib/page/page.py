"""What a chapter notebook holds on to: the data, its labels, and a way to show charts.

A chapter's first cell is ``book = open_chapter(data_dir, lang)``; after that each
cell reads like prose: select figures, compute, ``book.show(...)``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from report_lib.data.dataset import Dataset, load_dataset
from report_lib.present.charts.common import title
from report_lib.present.footer import chart_footer
from report_lib.present.labels import Labels, n_text, no_split_note
from report_lib.page.render import RenderedChart, one_line_cells, render_chart
from report_lib.analysis import segment_sizes
from report_lib.analysis.sample_sizes import Inference
from report_lib.analysis.segments import check_segment


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


@dataclass(frozen=True)
class Chapter:
    """The dataset, labels of one language and the chart renderer of one chapter run."""

    data: Dataset
    label: Labels
    segment: str = "all"
    glued: dict[str, str] = field(default_factory=dict)

    def show(self, key: str, chart_and_table: tuple, figures: pd.DataFrame | None = None, *,
             method: str | None = None, reference: str | None = None, **fields: object) -> RenderedChart:
        """Render a ``(chart, table)`` pair under the labels of ``key``, with a footer built from ``figures``.

        Parameters
        ----------
        key
            The chart's one id: its title, subtitle (if any) and text alternative are the
            labels ``title.<key>``, ``subtitle.<key>`` and ``alt.<key>``, its CSV is
            named by :meth:`download_name`.
        chart_and_table
            What a builder of :mod:`report_lib.present.charts` returns.
        figures
            The figures of record plotted, for the footer's sources and bases; ``None``
            when the chart plots reference data only.
        method, reference
            A method note and the reference table the chart draws on, for the footer.
        **fields
            Values for the ``{...}`` fields of the labels (e.g. ``segment=...``).
        """
        chart, table = chart_and_table
        label = self.label
        subtitle = label(f"subtitle.{key}").format(**fields) if label.has(f"subtitle.{key}") else ""
        chart = chart.properties(title=title(label(f"title.{key}").format(**fields), subtitle))
        plotted = self.data.figures.iloc[0:0] if figures is None else figures
        return render_chart(
            chart, table, name=self.download_name(key),
            footer=chart_footer(plotted, label, method, reference), alt_text=label(f"alt.{key}").format(**fields),
            download_label=label("footer.download"),
        )

    def download_name(self, key: str) -> str:
        """Return the chart CSV stem for ``key`` in this run: ``c2_needs`` -> ``c2-needs[-segment][-lang]``.

        The segment and language are added when they are not the defaults, so variants
        never overwrite each other's downloads.
        """
        parts = [key.replace("_", "-")] + [p for p, default in ((self.segment, "all"), (self.label.lang, "en"))
                                           if p != default]
        return "-".join(parts)

    def provenance(self, figures: pd.DataFrame) -> pd.DataFrame:
        """Return the provenance table of ``figures``: id, value as printed, quote, flag, note."""
        label = self.label
        shown = figures.apply(lambda r: label.value(r["value_printed"], r["unit"], r["qualifier"]), axis=1)
        return pd.DataFrame({
            label("column.id"): figures["id"].to_numpy(),
            label("column.value"): shown.to_numpy(),
            label("column.quote_zh"): figures["quote_zh"].to_numpy(),
            label("column.flag"): figures["flag"].map(self._flag_labels).to_numpy(),
            label("column.note"): figures["note"].to_numpy(),
        })

    @property
    def sample_sizes(self) -> Inference:
        """The bank-type sizes inferred from the printed shares (:mod:`report_lib.analysis.segment_sizes`)."""
        return segment_sizes.inference(self.data)

    def n_text(self, segment: str, base: str) -> str:
        """Return the n of one bar: stated by its base, inferred for a bank type, else empty."""
        bases = self.data.table("bases").set_index("base")
        if pd.notna(bases.loc[base, "n"]):
            return self.label("footer.n_all").format(n=int(bases.loc[base, "n"]))
        if base == "respondents_segment":
            return n_text(self.label, segment)
        return ""

    def tool_name(self, tool_id: str) -> str:
        """Return a tool's name in this language (``reference/tools.csv``)."""
        tools = self.data.table("tools").set_index("tool_id")
        return str(tools.loc[tool_id, f"name_{self.label.lang}"])

    def figure_table(self, figures: pd.DataFrame, with_tool: bool = False) -> Table:
        """Return figures as a reader's table: what, bank type, value as printed, base and n.

        ``with_tool`` adds the tool each figure is about (its ``category``) as the first column.
        """
        label = self.label
        tool = {label("column.tool"): [self.tool_name(t) for t in figures["category"]]} if with_tool else {}
        return Table(pd.DataFrame({
            **tool,
            label("column.subject"): [label.subject(s) for s in figures["subject"]],
            label("column.segment"): [label.segment(s) for s in figures["segment"]],
            label("column.value"): [label.value(r.value_printed, r.unit, r.qualifier) for r in figures.itertuples()],
            label("column.base"): [label.base(b) for b in figures["base"]],
            label("column.n"): [self.n_text(r.segment, r.base) or "–" for r in figures.itertuples()],
        }))

    def segment_note(self, figures: pd.DataFrame) -> Markdown | None:
        """Return, as Markdown, the plain sentence a variant prints when ``figures`` have no value for its segment.

        ``None`` (no output) in the main book and when the segment has a value
        (:func:`report_lib.page.opening.no_split_note`).
        """
        from IPython.display import Markdown

        note = no_split_note(figures, self.label, self.segment)
        return Markdown(note) if note else None  # no output at all in the main book

    def glue_figure(self, name: str, figure_id: str) -> str:
        """Glue one figure, formatted as printed, for use in prose as ``{glue:md}`name```."""
        return self.glue_text(name, self.text(figure_id))

    def glue_text(self, name: str, text: str) -> str:
        """Glue a computed text (e.g. a recomputed rate) for use in prose as ``{glue:md}`name```."""
        from IPython.display import Markdown
        from myst_nb import glue

        glue(name, Markdown(text), display=False)
        self.glued[name] = text
        return text

    def prose_numbers(self) -> Table:
        """Return every value glued into this page's prose, for nbval to compare."""
        return Table(pd.DataFrame({"name": list(self.glued), "text": list(self.glued.values())}))

    def table(self, frame: pd.DataFrame) -> Table:
        """Return ``frame`` for display, its columns relabelled from ``column.*`` labels.

        A named index becomes the first column; missing values show as a dash.
        """
        shown = frame.reset_index() if frame.index.name else frame
        relabel = {c: self.label(f"column.{c}") for c in shown.columns if self.label.has(f"column.{c}")}
        return Table(shown.rename(columns=relabel))

    def policy_table(self) -> Table:
        """Return the policy documents with title, issuer, key phrase and period, in this language."""
        lang, label = self.label.lang, self.label
        policies = self.data.table("policies")
        return self.table(pd.DataFrame({
            label("column.policy"): policies[f"title_{lang}"],
            label("column.issuer"): policies[f"issuer_{lang}"],
            label("column.issuer_basis"): policies["issuer_basis"].map(lambda b: label(f"issuer_basis.{b}")),
            label("column.key_phrase"): policies[f"key_phrase_{lang}"],
            label("column.period_in_title"): policies["period_in_title"],
        }))

    def _flag_labels(self, flags: str) -> str:
        return ", ".join(self.label.flag(f) for f in flags.split(";")) if flags else ""

    def text(self, figure_id: str) -> str:
        """Return one figure formatted as printed, with unit and qualifier (for prose)."""
        row = self.data.figure(figure_id)
        return self.label.value(row["value_printed"], row["unit"], row["qualifier"])


def open_chapter(data_dir: str | None = None, lang: str = "en", segment: str = "all") -> Chapter:
    """Load and validate the data folder and return the chapter's working context."""
    data = load_dataset(data_dir)
    return Chapter(data, Labels(data, lang), check_segment(data, segment))
