"""Checks of the built site's part *By bank type* (needs `make book`): every variant is there, nothing leaks."""

from __future__ import annotations

import html

from pathlib import Path

import pytest

from report_lib import paths
from report_lib.publish.toc import read_toc

SITE = paths.PROJECT_ROOT / "_build" / "html"
SEGMENTS = ("state_owned", "joint_stock", "regional")


@pytest.fixture(scope="module")
def site() -> Path:
    if not (SITE / "variants" / "index.html").is_file():
        pytest.fail(f"no built variants at {SITE / 'variants'}: run `make book` first")
    return SITE


def test_every_report_chapter_has_a_page_per_segment(site):
    """variants/<segment>/<chapter>.html exists for every chapter of the report part, linked from the index."""
    index = (site / "variants" / "index.html").read_text(encoding="utf-8")
    for page in read_toc(paths.PROJECT_ROOT).report:
        for segment in SEGMENTS:
            assert (site / "variants" / segment / f"{Path(page).name}.html").is_file(), (segment, page)
            assert f'href="{segment}/{Path(page).name}.html"' in index


def test_no_variant_page_shows_its_parameters(site):
    """The injected-parameters cell (papermill) is hidden: no page prints the segment assignment."""
    for page in (site / "variants").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "segment = " not in html and "Parameters" not in html, page.relative_to(site)


def test_each_variant_opens_with_key_findings(site):
    """Every variant page of a chapter has the opening section, and chapter 1 says it has no split."""
    for segment in SEGMENTS:
        for page in (site / "variants" / segment).glob("[0-9]*.html"):
            assert "Key findings for this segment" in page.read_text(encoding="utf-8"), page
        first = (site / "variants" / segment / "01_background.html").read_text(encoding="utf-8")
        assert "The source gives no figure by bank type in this chapter" in first


@pytest.mark.parametrize(("segment", "printed"), [("state_owned", "77.8%"), ("joint_stock", "91.7%"),
                                                   ("regional", "100%")])
def test_segment_figure_is_highlighted_in_its_variant(site, segment, printed, dataset):
    """User-rights scenario diversity: each variant's chart highlights its own published value (✓), with its n."""
    import pandas as pd

    from report_lib.present.labels import Labels

    data = pd.read_csv(site / "_static" / "chart-data" / f"c2-rights-scenarios-{segment}.csv", encoding="utf-8-sig")
    highlighted = data[data["Highlighted"] == Labels(dataset, "en")("cell.yes")]
    assert highlighted["Value"].tolist() == [printed]
    assert highlighted["n"].str.endswith("inferred").all()
    page = (site / "variants" / segment / "02_current_state.html").read_text(encoding="utf-8")
    assert f"c2-rights-scenarios-{segment}.csv" in page


@pytest.mark.parametrize("segment", SEGMENTS)
def test_unsplit_figure_is_not_shown_as_the_segments(site, segment):
    """Deployment modes have no bank-type split: the variant says so under the chart and plots only all banks."""
    import pandas as pd

    page = (site / "variants" / segment / "02_current_state.html").read_text(encoding="utf-8")
    start = page.index("c2-deployment-modes")
    from report_lib.data.dataset import load_dataset
    from report_lib.present.labels import Labels, no_split_note

    label = Labels(load_dataset(), "en")
    sentence = no_split_note(label, label.dataset.figures.iloc[0:0], segment)
    assert sentence and html.escape(sentence, quote=False) in page[start:start + 20000]
    data = pd.read_csv(site / "_static" / "chart-data" / f"c2-deployment-modes-{segment}.csv", encoding="utf-8-sig")
    assert set(data["Group"]) == {"All"}
