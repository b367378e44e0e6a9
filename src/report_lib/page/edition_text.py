"""What the edition says about itself: the book's title, the introduction's heading and opening, the comparison's heading.

The edition (:func:`report_lib.data.survey.edition.edition_of`) is the 2023 report without a
wave, or a survey wave of a year. Its title is the metadata's ``title_en``/``title_zh`` or, by
default, the label ``book.title`` (the 2023 edition), ``book.title_year`` (a wave of a year) or
``book.title_no_year`` (a wave whose metadata gives no year). The introduction opens with the
edition's year, the wave's N by bank type, its file and fieldwork (labels ``intro.*``), and
without a wave with the sentence it always had. Sentences come from ``labels.csv``; the
values in them from the data folder.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from report_lib.analysis.segments import MARKET, bank_types
from report_lib.analysis.wave_sizes import known_sizes
from report_lib.data.survey.edition import Edition, edition_of
from report_lib.page.page import Page
from report_lib.present.labels import Labels


def _report(label: Labels) -> dict[str, object]:
    """The fields of the 2023 report a sentence names: its titles and year (``figures.meta.yaml``, ``source``)."""
    source = label.dataset.metadata["figures"]["source"]
    return {"report": source["title_en"], "report_zh": source["title_zh"], "report_year": source["year"]}


def _variant(edition: Edition) -> str:
    """The suffix of the label of this kind of edition: the report, a wave of a year, a wave without one."""
    if not edition.is_wave:
        return "report"
    return "year" if edition.year is not None else "no_year"


def edition_title(edition: Edition, label: Labels) -> str:
    """The book's title in the label's language: the metadata's own, else the default of the edition's kind."""
    given = edition.title(label.lang) if edition.is_wave else None
    if given:
        return given
    if not edition.is_wave:
        return label("book.title")
    return label(f"book.title_{_variant(edition)}").format(year=edition.year)


def book_title(data_dir: str | Path, label: Labels) -> str:
    """The title of the book built from ``data_dir``, in the label's language (site, cover, page titles)."""
    return edition_title(edition_of(data_dir), label)


def date_text(day: dt.date, label: Labels) -> str:
    """A date as prose prints it in the label's language (label ``intro.date``)."""
    return label("intro.date").format(iso=day.isoformat(), year=day.year, month=day.month, day=day.day)


def fieldwork_text(edition: Edition, label: Labels) -> str:
    """The clause on the fieldwork (label ``intro.fieldwork``, dates by :func:`date_text`); empty when not given."""
    if edition.fieldwork is None:
        return ""
    start, end = (date_text(day, label) for day in edition.fieldwork)
    return label("intro.fieldwork").format(start=start, end=end)


def _by_type(page: Page, sizes: dict[str, int]) -> str:
    """``State-owned banks: 120; ...`` (en) or ``国有六大行120名、...`` (zh): respondents per bank type."""
    label = page.label
    items = [label("intro.by_type_item").format(segment=label.segment(s, short=False), n=sizes[s])
             for s in bank_types(page.data) if s in sizes]
    return label("intro.by_type_separator").join(items)


def intro_heading(page: Page) -> str:
    """The introduction's heading: the book's subject and the edition's year (none for a wave without one)."""
    edition = edition_of(page.data.data_dir)
    key = "intro.heading_no_year" if edition.is_wave and edition.year is None else "intro.heading_year"
    return page.label(key).format(year=edition.year)


def intro_opening(page: Page) -> str:
    """The introduction's first sentences: which edition this is, and for a wave its year, N by bank type and fieldwork."""
    label, edition = page.label, edition_of(page.data.data_dir)
    fields = _report(label)
    if not edition.is_wave:
        return label("intro.opening_report").format(**fields)
    sizes = known_sizes(page.data) or {}
    description = "" if edition.description is None else label("intro.description").format(
        description=edition.description)
    return label(f"intro.opening_{_variant(edition)}").format(
        **fields, year=edition.year, file=edition.wave_file, n=sizes.get(MARKET, 0), by_type=_by_type(page, sizes),
        fieldwork=fieldwork_text(edition, label), description=description)


def comparison_heading(page: Page) -> str:
    """The comparison page's heading: the wave's year (or "this wave") compared with the 2023 report."""
    label, edition = page.label, edition_of(page.data.data_dir)
    return label(f"comparison.heading_{_variant(edition)}").format(**_report(label), year=edition.year)
