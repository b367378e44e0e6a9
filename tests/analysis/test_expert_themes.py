"""Tests of report_lib.analysis.expert_themes: coded cells, matrix, counts and echoes."""

import pandas as pd

from report_lib.analysis import expert_themes

EXPERTS = pd.DataFrame({"expert_id": ["a", "b", "c"], "order": [1, 2, 3], "view_id": ["v1", "v2", "v2"]})
THEMES = pd.DataFrame({"theme_id": ["x", "y", "z"], "order": [1, 2, 3], "name_en": ["X", "Y", "Z"],
                       "echoes_trend": ["t1", "", ""], "echoes_need": ["", "need_n", ""]})
CODED = pd.DataFrame({"cell_id": ["a.x", "bc.x", "a.y"], "expert_id": ["a", "b;c", "a"],
                      "theme_id": ["x", "x", "y"], "quote_zh": ["q1", "q2", "q3"]})


def test_cells_split_shared_rows():
    """A row naming two experts becomes two cells with the same quote."""
    long = expert_themes.cells(CODED)
    assert long["expert_id"].tolist() == ["a", "b", "c", "a"]
    assert long.loc[long["expert_id"] == "c", "quote_zh"].item() == "q2"


def test_matrix_and_counts():
    """Experts and views per theme; themes per expert; an uncoded theme counts 0."""
    long = expert_themes.cells(CODED)
    grid = expert_themes.matrix(long, EXPERTS, THEMES)
    assert grid.loc["a"].tolist() == [True, True, False]
    frequency = expert_themes.theme_frequency(long, EXPERTS, THEMES)
    assert frequency.to_dict("list") == {"theme_id": ["x", "y", "z"], "experts": [3, 1, 0], "views": [2, 1, 0]}
    assert expert_themes.themes_per_expert(long, EXPERTS)["themes"].tolist() == [2, 1, 1]


def test_cross_reference_labels_echoes():
    """Echoed trends get their titles, needs their labels, and missing echoes stay empty."""
    trends = pd.DataFrame({"trend_id": ["t1"], "title_en": ["Trend one"]})
    cross = expert_themes.cross_reference(THEMES, trends, "en", lambda s: s.upper())
    assert cross["trend"].fillna("").tolist() == ["Trend one", "", ""]
    assert cross["core_need"].fillna("").tolist() == ["", "NEED_N", ""]


def test_every_theme_is_coded_and_echoes_a_core_need_or_trend(dataset):
    """Each theme has at least one marked cell; echoed needs are chapter-2 core needs."""
    long = expert_themes.cells(dataset.table("expert_themes"))
    frequency = expert_themes.theme_frequency(long, dataset.table("experts"), dataset.table("themes"))
    assert (frequency["experts"] > 0).all()
    core = set(dataset.select(topic="core_needs_ranking")["subject"])
    needs = set(dataset.table("themes")["echoes_need"]) - {""}
    assert needs <= core
