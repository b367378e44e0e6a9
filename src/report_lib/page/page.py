"""What a page's notebook holds on to: the data, its labels, and a way to show charts and glue prose.

A page's first cell is ``book = open_page(data_dir, lang, segment)``; after that each
cell reads like prose: select figures, compute, ``book.show(...)``. Tables are built by
:mod:`report_lib.present.tables` and sentences by :mod:`report_lib.present.labels`;
:class:`Page` only shows, glues and prints them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from report_lib.data.dataset import Dataset, load_dataset
from report_lib.present.footer import chart_footer
from report_lib.present.labels import Labels, n_text
from report_lib.present.tables import Table, figure_text, relabelled
from report_lib.page.render import RenderedChart, render_chart
from report_lib.analysis import segment_sizes
from report_lib.analysis.sample_sizes import Inference
from report_lib.analysis.segments import check_segment


@dataclass(frozen=True)
class Page:
    """The dataset, labels of one language and segment, and the chart renderer of one page run."""

    data: Dataset
    label: Labels
    segment: str = "all"
    glued: dict[str, str] = field(default_factory=dict)

    def show(self, chart_and_table, figures: pd.DataFrame, *, name: str, alt_text: str,
             method: str | None = None, reference: str | None = None) -> RenderedChart:
        """Render a ``(chart, table)`` pair with a footer built from the plotted ``figures``.

        The chart's CSV is named ``name``, suffixed with the segment and language when
        they are not the defaults, so variants never overwrite each other's downloads.
        """
        chart, table = chart_and_table
        return render_chart(
            chart, table, name=self.download_name(name),
            footer=chart_footer(figures, self.label, method, reference), alt_text=alt_text,
            download_label=self.label("footer.download"),
        )

    def download_name(self, name: str) -> str:
        """Return the chart CSV stem for ``name`` in this run (``name[-segment][-lang]``)."""
        parts = [name] + [p for p, default in ((self.segment, "all"), (self.label.lang, "en")) if p != default]
        return "-".join(parts)

    @property
    def sample_sizes(self) -> Inference:
        """The bank-type sizes inferred from the printed shares (:mod:`report_lib.analysis.segment_sizes`)."""
        return segment_sizes.inference(self.data)

    def shares(self, figures: pd.DataFrame, item: str = "subject", group: str = "segment") -> pd.DataFrame:
        """Return figures as bars for :func:`report_lib.present.charts.general.share_bars`, labelled in this language.

        ``item`` and ``group`` name what a row of bars and a bar stand for: ``subject``,
        ``segment`` or ``tool`` (the ``category`` column read as a tool id).
        """
        return pd.DataFrame({
            "item": [self._name(r, item) for r in figures.itertuples()],
            "group": [self._name(r, group) for r in figures.itertuples()],
            "value": figures["value"].to_numpy(),
            "shown": [self.label.value(r.value_printed, r.unit, r.qualifier) for r in figures.itertuples()],
            "n": [self.n_text(r.segment, r.base) for r in figures.itertuples()],
            "key": figures[group if group != "tool" else "category"].to_numpy(),
        })

    def _name(self, row, kind: str) -> str:
        if kind == "segment":
            return self.label.segment(row.segment)
        if kind == "tool":
            return self.tool_name(row.category) if row.category else self.label("group.all_tools")
        return self.label.subject(row.subject)

    def n_text(self, segment: str, base: str) -> str:
        """Return the n of one bar (:func:`report_lib.present.labels.n_text`); used by :meth:`shares`."""
        return n_text(self.label, segment, base)

    def tool_name(self, tool_id: str) -> str:
        """Return a tool's name in this language; used by :meth:`shares`."""
        return self.label.name("tools", tool_id)

    def glue_figure(self, name: str, figure_id: str) -> str:
        """Glue one figure, formatted as printed, for use in prose as ``{glue:md}`name```."""
        return self.glue_text(name, figure_text(self.label, figure_id))

    def glue_figures(self, names: dict[str, str]) -> None:
        """Glue several figures at once: ``{glue name: figure id}`` (see :meth:`glue_figure`)."""
        for name, figure_id in names.items():
            self.glue_figure(name, figure_id)

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

        A named index becomes the first column; missing values show as a dash
        (:func:`report_lib.present.tables.relabelled`).
        """
        return relabelled(self.label, frame)

    def note(self, text: str) -> Markdown | None:
        """Return ``text`` as Markdown to print under a chart or table; ``None`` (no output) when empty.

        The main book passes the empty sentences of
        :func:`report_lib.present.labels.no_split_note`, so it shows nothing.
        """
        from IPython.display import Markdown

        return Markdown(text) if text else None


def open_page(data_dir: str | None = None, lang: str = "en", segment: str = "all") -> Page:
    """Load and validate the data folder and return the page's working context."""
    data = load_dataset(data_dir)
    return Page(data, Labels(data, lang), check_segment(data, segment))
