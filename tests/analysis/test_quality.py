"""Tests of report_lib.analysis.quality: coverage and flag summaries."""

import pandas as pd

from report_lib.analysis.quality import figures_by_chapter, flagged_figures


def test_counts_by_chapter_add_up(dataset):
    """The per-chapter counts add up to the number of rows."""
    counts = figures_by_chapter(dataset.figures)
    assert counts.loc["all", "rows"] == len(dataset.figures)
    assert counts.drop("all")["rows"].sum() == len(dataset.figures)


def test_flagged_figures_one_row_per_flag():
    """A figure with two flags appears once per flag."""
    figures = pd.DataFrame({"id": ["a", "b", "c"], "flag": ["reconstructed;uncertain", "", "inconsistent"]})
    assert flagged_figures(figures)[["id", "flag"]].values.tolist() == [
        ["a", "reconstructed"], ["a", "uncertain"], ["c", "inconsistent"]]
