"""Tests of report_lib.analysis.findings.key_findings: the rules that choose the book's opening findings."""

from __future__ import annotations

from report_lib.analysis.findings.key_findings import MAX_KEY_FINDINGS, key_findings
from report_lib.analysis.segments import bank_types
from report_lib.analysis.wave_dataset import with_wave
from report_lib.data.dataset import load_dataset
from survey_helpers import synthetic_wave


def test_the_2023_data_opens_with_its_decided_findings_and_the_contradictions(dataset):
    """On the printed figures: the findings the data decides (bounds decide none), then the contradictions found."""
    found = key_findings(dataset.figures, bank_types(dataset))
    assert 5 <= len(found) <= MAX_KEY_FINDINGS
    assert [f.key for f in found] == ["c2_deploy_on_premise", "c2_effect_positive", "c2_crm_in_use_by_type",
                                      "c2_security_on_premise", "c2_rights_scenario_gradient",
                                      "key_source_contradictions"]
    assert all(f.computed for f in found)
    flagged = dataset.figures["flag"].fillna("").str.contains("inconsistent").sum()
    assert found[-1].fields["k"] == flagged


def test_a_wave_opens_with_its_own_findings_and_its_largest_significant_difference(tmp_path):
    """On a wave: at most eight, none attributed, the last the largest significant bank-type gap (no 2023 contradictions)."""
    data = with_wave(load_dataset(synthetic_wave(tmp_path, n=600)))
    found = key_findings(data.figures, bank_types(data))
    assert 5 <= len(found) <= MAX_KEY_FINDINGS and all(f.computed for f in found)
    assert found[-1].key == "key_significant_difference"
    assert "key_source_contradictions" not in [f.key for f in found]
    tested = data.figures[data.figures["significant"].fillna(False).astype(bool)
                          & data.figures["segment"].isin(bank_types(data)) & (data.figures["unit"] == "percent")]
    gaps = (tested["value"] - tested["others_value"]).abs()
    assert found[-1].evidence[0].figure_id == tested.loc[gaps.idxmax(), "id"]
