"""Tests of report_lib.present.coverage: the sentence for a bank type a chapter does not cover."""

from report_lib.present.coverage import no_split_note, segment_figures
from report_lib.present.labels import Labels


def test_no_note_for_the_market_or_a_covered_segment(dataset):
    """The whole market never needs the note; chapter 2 has figures for state-owned banks."""
    label = Labels(dataset, "en")
    assert no_split_note(dataset.figures, (4,), "all", label) == ""
    assert not segment_figures(dataset.figures, (2,), "state_owned").empty
    assert no_split_note(dataset.figures, (2,), "state_owned", label) == ""


def test_note_names_the_segment_when_the_chapter_has_no_split(dataset):
    """Chapter 4 prints nothing by bank type, so the note names the bank type, in either language."""
    assert "joint-stock" in no_split_note(dataset.figures, (4,), "joint_stock", Labels(dataset, "en")).lower()
    assert "股份制" in no_split_note(dataset.figures, (4,), "joint_stock", Labels(dataset, "zh"))


def test_segment_figures_finds_a_split_and_its_absence(dataset):
    """Chapter 2 has figures for regional banks; chapter 3 has none (its page says so)."""
    assert not segment_figures(dataset.figures, (2,), "regional").empty
    assert segment_figures(dataset.figures, (3,), "regional").empty
    assert not segment_figures(dataset.figures, (3,), "all").empty
