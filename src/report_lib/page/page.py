"""What a page's notebook holds on to: the data, its labels, and a way to show charts and glue prose.

A page's first cell is ``book = open_page(data_dir, lang, segment)``; after that each
cell reads like prose: select figures, compute, ``page.show(...)``. Tables are built by
:mod:`report_lib.present.tables` and sentences by :mod:`report_lib.present.labels`;
:class:`Page` only shows, glues and prints them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

import pandas as pd

from report_lib.data.dataset import Dataset, load_dataset
from report_lib.present.charts.common import title
from report_lib.present.escape import markdown_text
from report_lib.present.finding_text import finding_reason, finding_sentence, reason_marker
from report_lib.present.key_findings_text import key_findings_markdown, key_sentence
from report_lib.present.footer import chart_footer
from report_lib.present.labels import Labels
from report_lib.present.tables import Marks, Table, figure_text, relabelled
from report_lib.page.render import RenderedChart, render_chart
from report_lib.analysis import segment_sizes, wave_sizes
from report_lib.analysis.sample_sizes import Inference
from report_lib.analysis.findings.catalog import find
from report_lib.analysis.findings.finding import Finding
from report_lib.analysis.findings.key_findings import key_findings
from report_lib.page.key_finding_links import finding_links
from report_lib.analysis.segments import MARKET, bank_types, check_segment
from report_lib.analysis.wave_dataset import with_wave

if TYPE_CHECKING:
    from report_lib.page.wave_changes import ChangeNote


def _label_keys(label: Labels, key: str, plotted: pd.DataFrame) -> tuple[str, str, str]:
    """The label keys of a chart's title, subtitle and text alternative: ``title.<key>`` etc.

    A title that states a 2023 finding (who leads, what most banks do) has a descriptive
    ``title_wave.<key>`` (and, where needed, ``subtitle_wave.<key>``, ``alt_wave.<key>``), used
    when the chart plots figures computed from a survey wave, whose findings may differ.
    """
    computed = "provenance" in plotted.columns and bool(plotted["provenance"].fillna("").ne("").any())
    wave = computed and label.has(f"title_wave.{key}")
    return tuple(f"{part}_wave.{key}" if wave and label.has(f"{part}_wave.{key}") else f"{part}.{key}"
                 for part in ("title", "subtitle", "alt"))


@dataclass(frozen=True)
class Page:
    """The dataset, labels of one language and segment, and the chart renderer of one page run."""

    data: Dataset
    label: Labels
    segment: str = "all"
    glued: dict[str, str] = field(default_factory=dict)
    published: Dataset | None = None
    """The data of record as the 2023 report printed it (no wave merged); ``None`` means :attr:`data` is that."""

    def show(self, key: str, chart_and_table: tuple, figures: pd.DataFrame | None = None, *,
             method: str | None = None, reference: str | None = None, **fields: object) -> RenderedChart:
        """Render a ``(chart, table)`` pair under the labels of ``key``, with a footer built from ``figures``.

        Parameters
        ----------
        key
            The chart's one id: its title, subtitle (if any) and text alternative are the
            labels ``title.<key>``, ``subtitle.<key>`` and ``alt.<key>`` (``title_wave.<key>``
            for figures computed from a survey wave where the title states a 2023 finding),
            its CSV is named by :meth:`download_name`.
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
        plotted = self.data.figures.iloc[0:0] if figures is None else figures
        heading, sub, alt = _label_keys(label, key, plotted)
        subtitle = label(sub).format(**fields) if label.has(sub) else ""
        change = self.change_note(plotted)
        if change.shown_2023:  # values that are not the wave's: said on the chart itself, and why in the footer
            subtitle = [subtitle, label("wave.shown_2023")] if subtitle else label("wave.shown_2023")
        chart = chart.properties(title=title(label(heading).format(**fields), subtitle))
        # the footer explains the significance mark only when the chart drew one (its table says so)
        marked = self.segment if self.segment != MARKET and label("column.significant") in table.columns else None
        return render_chart(
            chart, table, name=self.download_name(key),
            footer=" ".join(filter(None, (change.text, chart_footer(plotted, label, method, reference, marked)))),
            alt_text=label(alt).format(**fields),
            download_label=label("footer.download"), marks=Marks.of(label), key=key,
            links={kind: label(f"footer.chart_{kind}") for kind in ("png", "svg", "link")},
        )

    def change_note(self, figures: pd.DataFrame) -> "ChangeNote":
        """What a chart of ``figures`` must say about the wave's changed questionnaire (:mod:`report_lib.page.wave_changes`)."""
        from report_lib.page.wave_changes import change_note

        return change_note(self, figures)

    def new_in_this_wave(self, chapter: int) -> None:
        """Display the chapter's "New in this wave" section: nothing when the wave asked no new question for it."""
        from IPython.display import display

        from report_lib.page.wave_changes import new_in_this_wave

        for part in new_in_this_wave(self, chapter):
            display(part)

    def download_name(self, key: str) -> str:
        """Return the chart CSV stem for ``key`` in this run: ``c2_needs`` -> ``c2-needs[-segment][-lang]``.

        The segment and language are added when they are not the defaults, so variants
        never overwrite each other's downloads.
        """
        parts = [key.replace("_", "-")] + [p for p, default in ((self.segment, "all"), (self.label.lang, "en"))
                                           if p != default]
        return "-".join(parts)

    @cached_property
    def known_sizes(self) -> dict[str, int] | None:
        """The counted respondents of the data's survey wave, in all and per bank type; ``None`` without a wave.

        Computed once per page: its cache key hashes the survey files, which every chart's footer would repeat.
        """
        return wave_sizes.known_sizes(self.data)

    @property
    def sizes_method(self) -> str | None:
        """The footer's method note on bank-type n: how it is inferred; ``None`` when a wave counts it."""
        return None if self.known_sizes is not None else self.label("method.segment_sizes")

    @property
    def sample_sizes(self) -> Inference:
        """The bank-type sizes inferred from the printed shares (:mod:`report_lib.analysis.segment_sizes`)."""
        return segment_sizes.inference(self.data)

    def glue_figure(self, name: str, figure_id: str) -> str:
        """Glue one figure, formatted as printed, for use in prose as ``{glue:md}`name```.

        In a book built from a wave, a figure of a topic the wave measures that the wave did
        not replace is the 2023 report's: it is glued with that attribution
        (``≥ 68% (2023 report)``), so no 2023 value passes for the wave's in a sentence.
        """
        text = figure_text(self.label, figure_id)
        if self.figure_is_from_2023_in_a_wave(figure_id):
            text = self.label("phrase.printed_2023").format(value=text)
        return self.glue_text(name, text)

    def figure_is_from_2023_in_a_wave(self, figure_id: str) -> bool:
        """True when this page is built from a wave and ``figure_id`` is a 2023 figure of a topic the wave measures."""
        figures = self.data.figures
        if "provenance" not in figures.columns:
            return False
        computed = figures["provenance"].fillna("").ne("")
        row = figures[figures["id"] == figure_id]
        return bool(computed.any() and not computed[row.index].any()
                    and row["topic"].isin(set(figures.loc[computed, "topic"])).any())

    def glue_printed(self, name: str, figure_id: str) -> str:
        """Glue a figure as the 2023 report printed it, even in a book built from a wave.

        For prose that states what the 2023 report printed (its contradictions, its figures a
        wave does not measure), so a wave's value never stands in a sentence about the report.
        """
        row = (self.published or self.data).figure(figure_id)
        return self.glue_text(name, self.label.value(row["value_printed"], row["unit"], row["qualifier"]))

    def glue_figures(self, names: dict[str, str]) -> None:
        """Glue several figures at once: ``{glue name: figure id}`` (see :meth:`glue_figure`)."""
        for name, figure_id in names.items():
            self.glue_figure(name, figure_id)

    def glue_text(self, name: str, text: str) -> str:
        """Glue a computed text (e.g. a recomputed rate) for use in prose as ``{glue:md}`name```.

        ``text`` is plain text, shown literally: its markup characters are escaped
        (:func:`report_lib.present.escape.markdown_text`), so a data string in it stays text.
        """
        return self._glue(name, markdown_text(text), text)

    def finding(self, name: str, key: str | None = None, **given: str) -> Finding:
        """Glue the sentence of a computed finding as ``{glue:md}`name```, marked with why the data chose it.

        ``key`` (default ``name``) is the finding's id in
        :data:`report_lib.analysis.findings.catalog.FINDINGS`; its rule decides the outcome from
        this page's figures, the label ``finding.<key>.<outcome>`` is the sentence. A computed
        sentence carries a marker (``ⓘ``) whose tooltip and focus text, and in print a note, name
        the rule and the figures that decided it; a sentence attributed to the 2023 report has none.
        ``given`` are texts for fields only an attributed sentence names (the 2023 figure it quotes).
        """
        found = find(key or name, self.data.figures, bank_types(self.data))
        sentence, reason = finding_sentence(self.label, found, **given), finding_reason(self.label, found)
        self._glue(name, markdown_text(sentence) + reason_marker(reason, self.label.lang), sentence)
        return found

    def key_findings(self, name: str) -> list[Finding]:
        """Glue the book's key findings (:mod:`report_lib.analysis.findings.key_findings`) as a MyST list.

        Show it with a ``{glue:md}`` directive of ``:format: myst``: each item links to the section
        that states it (:data:`report_lib.page.key_finding_links.SECTIONS`). Each sentence is kept in
        :attr:`glued` as ``<name>_<n>``, for nbval and the PDF check.
        """
        found = key_findings(self.data.figures, bank_types(self.data))
        # the list holds links and markers: nbval and the PDF check compare its sentences, recorded one by one
        self._glue(name, key_findings_markdown(self.label, found, finding_links(self.label, found)), None)
        for number, finding in enumerate(found, 1):
            self.glued[f"{name}_{number}"] = key_sentence(self.label, finding)
        return found

    def _glue(self, name: str, markdown: str, text: str | None) -> str | None:
        """Glue ``markdown`` as ``name``; record ``text`` for :meth:`prose_numbers` unless it is ``None``."""
        from IPython.display import Markdown
        from myst_nb import glue

        glue(name, Markdown(markdown), display=False)
        if text is not None:
            self.glued[name] = text
        return text

    def prose_numbers(self) -> Table:
        """Return every value glued into this page's prose, for nbval to compare."""
        glued = pd.DataFrame({"name": list(self.glued), "text": list(self.glued.values())})
        return Table(glued, marks=Marks.of(self.label))

    def table(self, frame: pd.DataFrame) -> Table:
        """Return ``frame`` for display, its columns relabelled from ``column.*`` labels.

        A named index becomes the first column; missing values show as a dash
        (:func:`report_lib.present.tables.relabelled`).
        """
        return relabelled(self.label, frame)

    def note(self, text: str) -> Markdown | None:
        """Return plain ``text`` as Markdown (shown literally) to print under a chart or table; ``None`` when empty.

        The main book passes the empty sentences of
        :func:`report_lib.present.labels.no_split_note`, so it shows nothing.
        """
        from IPython.display import Markdown

        return Markdown(markdown_text(text)) if text else None


def open_page(data_dir: str | None = None, lang: str = "en", segment: str = "all") -> Page:
    """Load and validate the data folder (with its survey wave's figures, if any) and return the page's context."""
    published = load_dataset(data_dir)
    data = with_wave(published)
    return Page(data, Labels(data, lang), check_segment(data, segment), published=published)
