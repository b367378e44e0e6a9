"""Tests of report_lib.publish.toc: pages, report chapters and chapter numbers come from _toc.yml only."""

from __future__ import annotations

import pytest
import yaml

from report_lib import paths
from report_lib.publish.toc import TocError, chapter_number, page_source, page_title, read_toc, write_toc

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
    """A table of contents with a report part, variants and a reference part."""
    path = tmp_path / "_toc.yml"
    path.write_text(yaml.safe_dump(TOC), encoding="utf-8")
    return read_toc(path)


def test_read_toc_keeps_order_and_captions(toc):
    """Pages come in _toc.yml order (sections included, suffixes dropped), with part captions."""
    assert toc.root == "intro"
    assert toc.pages[:2] == ("chapters/01_background", "chapters/02_state")
    assert "variants/regional/02_state" in toc.pages
    assert toc.captions["reference/data_of_record"] == "Reference"
    assert toc.all_pages[0] == "intro"


def test_report_part_is_read_by_its_caption(toc):
    """The report's chapters are the pages of the part captioned 'The report', in order."""
    assert toc.report == ("chapters/01_background", "chapters/02_state")


def test_toc_without_report_part_has_no_report(tmp_path):
    """A toc with no report part has no report chapters (the site then renders no variants)."""
    (tmp_path / "_toc.yml").write_text(yaml.safe_dump({"format": "jb-book", "root": "intro"}), encoding="utf-8")
    assert read_toc(tmp_path).report == ()


def test_without_variants_leaves_out_variant_pages(toc):
    """A PDF edition has every page except those under variants/."""
    assert toc.without_variants().pages == ("chapters/01_background", "chapters/02_state",
                                            "reference/data_of_record", "reference/glossary")


def test_written_toc_reads_back(toc, tmp_path):
    """A selection written as _toc.yml reads back as the same pages and captions."""
    chosen = toc.without_variants()
    again = read_toc(write_toc(chosen, tmp_path / "out" / "_toc.yml"))
    assert (again.root, again.pages, again.captions) == (chosen.root, chosen.pages, chosen.captions)


def test_chapter_numbers_come_from_file_names():
    """A page's chapter number is the number its file name starts with."""
    assert chapter_number("chapters/02_current_state") == 2
    assert chapter_number("reference/glossary") is None


def test_missing_page_is_named(tmp_path):
    """A _toc.yml entry without a file is reported by name."""
    with pytest.raises(TocError, match="chapters/09_gone"):
        page_source(tmp_path, "chapters/09_gone")


def test_project_toc_has_the_five_chapters():
    """The project's own toc lists five report chapters, and each has a title."""
    toc = read_toc(paths.PROJECT_ROOT)
    assert [chapter_number(p) for p in toc.report] == [1, 2, 3, 4, 5]
    assert all(page_title(page_source(paths.PROJECT_ROOT, p)) for p in toc.report)
