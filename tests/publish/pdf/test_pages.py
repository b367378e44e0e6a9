"""Tests of report_lib.publish.pdf.pages: the pages of an edition come from _toc.yml, without the variants."""

from __future__ import annotations

import pytest
import yaml

from report_lib.publish.pdf.pages import read_toc, select_pages, write_toc

TOC = {
    "format": "jb-book", "root": "intro",
    "parts": [
        {"caption": "The report", "chapters": [{"file": "chapters/01_background"},
                                               {"file": "chapters/02_state.md"}]},
        {"caption": "By bank type", "chapters": [
            {"file": "variants/index", "sections": [
                {"file": "variants/regional/02_state"}, {"file": "variants/state_owned/02_state"}]}]},
        {"caption": "Reference", "chapters": [{"file": "reference/data_of_record"}, {"file": "reference/glossary"}]},
    ],
}


@pytest.fixture()
def toc(tmp_path):
    """A table of contents with a chapter that has variants and one that has none."""
    path = tmp_path / "_toc.yml"
    path.write_text(yaml.safe_dump(TOC), encoding="utf-8")
    return read_toc(path)


def test_read_toc_keeps_order_and_captions(toc):
    """Pages come in _toc.yml order (sections included, suffixes dropped), with part captions."""
    assert toc.root == "intro"
    assert toc.pages[:2] == ("chapters/01_background", "chapters/02_state")
    assert "variants/regional/02_state" in toc.pages
    assert toc.captions["reference/data_of_record"] == "Reference"


def test_main_edition_leaves_out_variants(toc):
    """The main edition has every page except those under variants/."""
    assert select_pages(toc).pages == ("chapters/01_background", "chapters/02_state",
                                       "reference/data_of_record", "reference/glossary")


def test_written_toc_reads_back(toc, tmp_path):
    """A selection written as _toc.yml reads back as the same pages and captions."""
    chosen = select_pages(toc)
    again = read_toc(write_toc(chosen, tmp_path / "out" / "_toc.yml"))
    assert again == chosen
