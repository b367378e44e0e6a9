"""Tests of report_lib.analysis.needs: the ranking and which bank type leads each need."""

from report_lib.analysis.needs import leading_group_is_top_ranked, needs_led_by, ranked_needs, segment_leaders


def test_ranking_marks_the_needs_split_by_bank_type(dataset):
    """Seven ranked needs; the four split by bank type are ranks 1-4."""
    ranking = ranked_needs(dataset.figures)
    assert ranking["rank"].tolist() == list(range(1, 8))
    assert ranking["core"].sum() == 4 and leading_group_is_top_ranked(ranking)


def test_the_source_conclusion_follows_from_the_shares(dataset):
    """State-owned banks lead on traffic; regional banks on reach and channel linkage."""
    leaders = segment_leaders(dataset.figures)
    assert needs_led_by(leaders, "state_owned") == ["need_traffic_upgrade"]
    assert {"need_user_reach", "need_channel_linkage"} <= set(needs_led_by(leaders, "regional"))


def test_a_changed_share_changes_the_leader(dataset):
    """Lowering the state-owned traffic share below the others hands the lead to joint-stock."""
    figures = dataset.figures.copy()
    figures.loc[figures["id"] == "c2_need_traffic_upgrade_state_owned", "value"] = 80.0
    assert needs_led_by(segment_leaders(figures), "joint_stock") == ["need_traffic_upgrade"]


def test_check_claims_tests_who_leads_on_what(dataset):
    """Each claim holds exactly when its bank type has the top share of its need; a false claim fails."""
    from report_lib.analysis.needs import check_claims, needs_led_by, segment_leaders

    leaders = segment_leaders(dataset.figures)
    checks = check_claims(leaders)
    assert list(checks["claim"]) == ["state_owned_traffic", "regional_channels"]
    for row in checks.itertuples():
        assert row.holds == (row.need in needs_led_by(leaders, row.segment))
    led = needs_led_by(leaders, "regional")[0]
    assert not check_claims(leaders, {"x": ("no_such_segment", led)})["holds"].any()
