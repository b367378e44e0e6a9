"""Tests of report_lib.page.opening: names and a variant's opening."""

import pytest

from report_lib.page.opening import findings_rows, findings_sentences, segment_table
from report_lib.present.labels import Labels, difference_text, figure_name


@pytest.fixture(scope="module")
def label(dataset):
    return Labels(dataset, "en")


def test_figure_name_uses_labels_and_falls_back_to_words(label):
    """A labelled subject shows its label; an unlabelled one its id as words; a tool category its tool name."""
    assert figure_name(label, "cards_cumulative") == label("subject.cards_cumulative")
    assert figure_name(label, "no_such_subject", "no_such_group") == "no such subject · no such group"
    assert figure_name(label, "stage_deployed_in_use", "crm_platform") == (
        "Deployed and in use · Customer relationship management platform")


def test_difference_text_carries_sign_and_qualifier(label):
    """Differences show a sign, one decimal, the unit and the qualifier."""
    assert difference_text(label, 19.9, "exact") == "+19.9 pp"
    assert difference_text(label, -12.2, "at_least") == "≥ -12.2 pp"


@pytest.mark.parametrize("segment", ["state_owned", "joint_stock", "regional"])
def test_key_findings_table_holds_each_of_the_segments_values(dataset, label, segment):
    """Every chapter-2 figure the source gives for the segment is in its table, formatted as printed."""
    table = segment_table(label, segment, chapter=2)
    column = table[label.segment(segment)].tolist()
    rows = dataset.figures[(dataset.figures["segment"] == segment) & (dataset.figures["chapter"] == 2)]
    for row in rows.itertuples():
        assert label.value(row.value_printed, row.unit, row.qualifier) in column, row.id
    assert len(table) == len(rows)


def test_scenario_diversity_is_ranked_with_its_published_values(label):
    """The published scenario-diversity shares (77.8 / 91.7 / 100 vs 90) lead their segments' rankings."""
    assert "(+10.0 pp)" in findings_sentences(label, "regional", 2)[1]
    table = segment_table(label, "joint_stock", 2)
    first = table.iloc[0]
    assert (first[label.segment("joint_stock")], first[label.segment("all")]) == ("91.7%", "90%")
    assert first[label("column.difference_pp")] == "+1.7 pp"


def test_a_figure_without_a_split_is_not_shown_as_a_segment_value(dataset, label):
    """Chapter 1 gives no split: the opening says so and the table and chart rows stay empty."""
    sentences = findings_sentences(label, "state_owned", 1)
    assert sentences == [label("variant.chapter_no_split").format(segment=label.segment("state_owned", False))]
    assert segment_table(label, "state_owned", 1).empty
    assert findings_rows(dataset, "state_owned", 1).empty


def test_findings_rows_bring_every_bank_type_and_the_market(dataset):
    """The chart rows of a finding hold the market and all bank types the source gives for that key."""
    rows = findings_rows(dataset, "regional", 2)
    assert set(rows["segment"]) == {"all", "state_owned", "joint_stock", "regional"}


def test_with_a_wave_the_opening_ranks_significant_differences(tmp_path, monkeypatch):
    """A wave's rendition names the test and lists significant differences, largest first; no wave: unchanged."""
    from report_lib.page import opening as opening_module
    from report_lib.page.page import open_page
    from survey_helpers import synthetic_wave

    shown = []
    monkeypatch.setattr("IPython.display.display", lambda *items: shown.extend(items))
    page = open_page(str(synthetic_wave(tmp_path, n=300)), "en", "regional")
    assert opening_module.wave_opening(page, "regional", 2)
    assert "two\\-proportion z\\-test on effective sample sizes" in shown[0].data
    table = shown[-1].frame
    sizes = [abs(float(d.split()[0])) for d in table["Difference (pp)"]]
    assert sizes == sorted(sizes, reverse=True) and (table["p-value"].str.lstrip("< ").astype(float) < 0.05).all()
    assert not opening_module.wave_opening(open_page(None, "en", "regional"), "regional", 2)
