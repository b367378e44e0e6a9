"""Tests of report_lib.present.citation: the reference and BibTeX carry the edition's year, the version and the date."""

import re
from datetime import date

import pytest

from report_lib.present.citation import citation
from report_lib.present.labels import Labels

BUILT = date(2026, 12, 8)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_reference_carries_year_version_date_and_source(dataset, lang):
    """The reference names the edition's year, the version, the build date and the report the figures come from."""
    cite = citation(Labels(dataset, lang), year=2023, version="0.1.0", built=BUILT)
    assert "2023" in cite.reference and "0.1.0" in cite.reference and "2026-12-08" in cite.reference
    assert dataset.metadata["figures"]["source"]["short_" + lang] in cite.reference


def test_the_year_is_the_editions(dataset):
    """A wave's year replaces 2023 in the title and the BibTeX key; no 2023 is typed into the citation."""
    cite = citation(Labels(dataset), year=2025, version="0.2.0", built=BUILT)
    assert "China, 2025: an executable report" in cite.reference
    assert cite.bibtex.startswith("@misc{bank-marketing-digitalization-2025-en,")
    assert "2023" not in cite.bibtex.split("note")[0]


def test_bibtex_is_one_well_formed_entry(dataset):
    """One @misc entry, balanced braces, each field once, the year the build's, the organisation author braced."""
    bibtex = citation(Labels(dataset, "zh"), year=2023, version="0.1.0", built=BUILT).bibtex
    assert bibtex.count("{") == bibtex.count("}")
    names = re.findall(r"^  (\w+) = \{", bibtex, re.M)
    assert names == ["author", "title", "year", "version", "date", "note", "language"]
    assert "  year = {2026}" in bibtex and "  author = {{可执行报告项目}}" in bibtex and "language = {chinese}" in bibtex


def test_bibtex_escapes_latex_markup(dataset):
    """A version with LaTeX specials (``_``, ``#``, ``%``) is escaped in the BibTeX entry."""
    bibtex = citation(Labels(dataset), year=2023, version="1.0_rc#1%", built=BUILT).bibtex
    assert r"version = {1.0\_rc\#1\%}" in bibtex


def test_markdown_shows_the_reference_as_text_and_bibtex_as_code(dataset):
    """The Markdown escapes the reference (a data string stays text) and fences the BibTeX."""
    text = citation(Labels(dataset), year=2023, version="0.1.0", built=BUILT).markdown()
    assert "\n```bibtex\n@misc{" in text and text.rstrip().endswith("```")
    assert r"\(version 0.1.0" in text
