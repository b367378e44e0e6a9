"""The findings chapter 2 states in words, each decided by a written rule from the page's figures.

Every function takes the figures of the page (the data of record, or a wave's computed rows in
their place) and the bank types, and returns a :class:`~.finding.Finding`. A rule compares only
measured rows (:func:`.rules.measured`: exact or approximate 2023 figures, or the wave's own); when
those cannot decide (a bank type or an option without a measured share, a tie), the finding is
*attributed*: its sentence says what the 2023 report found.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from report_lib.analysis.findings.finding import Finding, Ref, attributed, evidence_of
from report_lib.analysis.findings.rules import (
    NEAR_UNIVERSAL, SIMILAR_PP, is_majority, leader, measured,
)

ALL = "all"
IN_USE = "stage_deployed_in_use"
PLANNED = "stage_planned_not_started"
RIGHTS = "user_rights_platform"
RESPONDENTS_ALL = "respondents_all"


def _rows(figures: pd.DataFrame, topic: str, subject: str | None = None, segment: str | None = None) -> pd.DataFrame:
    rows = figures[figures["topic"] == topic]
    if subject is not None:
        rows = rows[rows["subject"] == subject]
    if segment is not None:
        rows = rows[rows["segment"] == segment]
    return rows


def _per_segment(rows: pd.DataFrame, segments: Sequence[str]) -> pd.DataFrame | None:
    """One measured row per bank type, in ``segments`` order; ``None`` unless every bank type has one."""
    rows = measured(rows).drop_duplicates("segment").set_index("segment", drop=False)
    return rows.loc[list(segments)] if set(segments) <= set(rows.index) else None


def _complete_leader(rows: pd.DataFrame, by: str = "subject", among: pd.Series | None = None) -> pd.Series | None:
    """The measured row with the highest value, when every ``by`` value of ``rows`` (or ``among``) has a measured row.

    A tie at the top, or an option without a measured share, decides nothing (``None``).
    """
    shown = measured(rows).drop_duplicates(by)
    if shown.empty or set(shown[by]) != set(rows[by] if among is None else among):
        return None
    top = leader(shown, by)
    return None if top is None else shown[shown[by] == top].iloc[0]


def needs_first_by_type(figures: pd.DataFrame, segments: Sequence[str]) -> Finding:
    """Which core need each bank type puts first.

    Rule ``first_by_type``: for each bank type, the need with the highest measured share
    (topic ``core_needs_by_segment``). The same need first everywhere gives ``same``, else
    ``different`` (with each type's first need). Shares printed only as bounds (the 2023
    report's "83%+") cannot rank needs: the finding is then attributed (the report found every
    bank type puts the same core needs near the top).
    """
    rows = _rows(figures, "core_needs_by_segment")
    n_needs = rows["subject"].nunique()
    firsts, evidence = [], []
    for segment in segments:
        own = measured(rows[rows["segment"] == segment])
        top = leader(own) if own["subject"].nunique() == n_needs else None
        if top is None:
            return attributed("c2_needs_first", n=n_needs)
        firsts.append((Ref("segment", segment), Ref("subject", top)))
        evidence.extend(evidence_of(own[own["subject"] == top]))
    needs = {need.id for _, need in firsts}
    if len(needs) == 1:
        return Finding("c2_needs_first", "same", "first_by_type", {"need": firsts[0][1], "n": n_needs},
                       tuple(evidence))
    return Finding("c2_needs_first", "different", "first_by_type", {"firsts": tuple(firsts), "n": n_needs},
                   tuple(evidence))


def _first_factor(key: str, figures: pd.DataFrame, topic: str) -> Finding:
    top = _complete_leader(_rows(figures, topic, segment=ALL), among=_rows(figures, topic)["subject"])
    if top is None:
        return attributed(key)
    return Finding(key, "leader", "leader_all_options", {"factor": Ref("subject", top["subject"]),
                                                         "share": Ref("figure", top["id"])},
                   evidence_of(measured(_rows(figures, topic, segment=ALL))))


def deploy_factor_first(figures: pd.DataFrame, segments: Sequence[str]) -> Finding:
    """What banks weigh first when they choose a deployment mode.

    Rule ``leader_all_options``: the factor with the highest share of all banks (topic
    ``deployment_mode_factors_by_segment``), when every factor has a measured all-banks share.
    The 2023 report prints these factors by bank type only, as bounds: attributed (data security first).
    """
    return _first_factor("c2_deploy_factor_first", figures, "deployment_mode_factors_by_segment")


def effect_factor_first(figures: pd.DataFrame, segments: Sequence[str]) -> Finding:
    """Which factor most respondents say decides how well the tools work.

    Rule ``leader_all_options`` on topic ``digitalization_effect_attribution``. The 2023 report
    prints an all-banks share for the bank's own digital level only: attributed (it leads).
    """
    return _first_factor("c2_effect_factor_first", figures, "digitalization_effect_attribution")


def _tool_stage_leader(figures: pd.DataFrame, stage: str) -> pd.Series | None:
    """The tool with the highest all-banks share at ``stage``, when every tool at that stage has one of all respondents."""
    rows = figures[figures["topic"].str.endswith("deployment_progress") & (figures["subject"] == stage)
                   & (figures["segment"] == ALL) & figures["category"].fillna("").ne("")]
    if rows.empty:
        return None
    of_all = rows[rows["base"] == RESPONDENTS_ALL]
    top = _complete_leader(of_all, by="category")
    return top if top is not None and set(measured(of_all)["category"]) == set(rows["category"]) else None


def _tool_stage_finding(key: str, figures: pd.DataFrame, stage: str) -> Finding:
    top = _tool_stage_leader(figures, stage)
    if top is None:
        return attributed(key)
    rows = measured(figures[figures["topic"].str.endswith("deployment_progress") & (figures["subject"] == stage)
                            & (figures["segment"] == ALL) & (figures["base"] == RESPONDENTS_ALL)])
    return Finding(key, "leader", "leader_of_tools", {"tool": Ref("tool", top["category"]),
                                                      "share": Ref("figure", top["id"])},
                   evidence_of(rows.drop_duplicates("category")))


def widest_in_use(figures: pd.DataFrame, segments: Sequence[str]) -> Finding:
    """The tool most widely in use.

    Rule ``leader_of_tools``: the tool with the highest share of all respondents at the stage
    "deployed and in use", when every tool with a figure at that stage has a measured share of all
    respondents. The 2023 text keeps too few of the rollout chart's values: attributed (user rights platforms).
    """
    return _tool_stage_finding("c2_widest_in_use", figures, IN_USE)


def largest_unmet_plan(figures: pd.DataFrame, segments: Sequence[str]) -> Finding:
    """The tool most often planned but not started.

    Rule ``leader_of_tools`` at the stage "planned, not started". Attributed on the 2023 data
    (traffic-acquisition products).
    """
    return _tool_stage_finding("c2_largest_unmet_plan", figures, PLANNED)


def rights_widest(figures: pd.DataFrame, segments: Sequence[str]) -> Finding:
    """Whether the user rights platform is the most widely rolled-out tool.

    Rule ``leader_of_tools`` as in :func:`widest_in_use`: outcome ``rights`` when it is the
    rights platform, ``other`` (naming the leader) when not. Attributed on the 2023 data.
    """
    found = widest_in_use(figures, segments)
    if not found.computed:
        return attributed("c2_rights_widest")
    outcome = "rights" if found.fields["tool"] == Ref("tool", RIGHTS) else "other"
    return Finding("c2_rights_widest", outcome, found.rule, found.fields, found.evidence)


def crm_in_use_by_type(figures: pd.DataFrame, segments: Sequence[str]) -> Finding:
    """Whether CRM is in use nearly everywhere, and alike across bank types.

    Rule ``near_universal_similar``: near-universal when every bank type's share "deployed and in
    use" (topic ``crm_deployment_progress``) is at least :data:`~.rules.NEAR_UNIVERSAL` (85%);
    similar when the highest and lowest lie within :data:`~.rules.SIMILAR_PP` (15 points). The
    outcome is ``<near_universal|not_universal>_<similar|varied>``.
    """
    rows = _per_segment(_rows(figures, "crm_deployment_progress", IN_USE), segments)
    if rows is None:
        return attributed("c2_crm_in_use_by_type")
    values = rows["value"].astype(float)
    low, high = rows.loc[values.idxmin()], rows.loc[values.idxmax()]
    universal = "near_universal" if values.min() >= NEAR_UNIVERSAL else "not_universal"
    similar = "similar" if values.max() - values.min() <= SIMILAR_PP else "varied"
    return Finding("c2_crm_in_use_by_type", f"{universal}_{similar}", "near_universal_similar",
                   {"low": Ref("figure", low["id"]), "low_segment": Ref("segment", low["segment"]),
                    "high": Ref("figure", high["id"]), "high_segment": Ref("segment", high["segment"])},
                   evidence_of(rows))


def scrm_channels(figures: pd.DataFrame, segments: Sequence[str]) -> Finding:
    """Where SCRM runs: the leading channel of all banks, and of regional banks.

    Rule ``leader_all_and_regional``: the channel with the highest share (topic
    ``crm_scrm_channels``) among all banks and among regional banks, when every channel has a
    measured share in both. ``same`` when one channel leads both, ``regional_differs`` when not.
    The 2023 report prints one channel per bank type: attributed (own app; WeCom for smaller banks).
    """
    rows = _rows(figures, "crm_scrm_channels")
    overall = _complete_leader(rows[rows["segment"] == ALL], among=rows["subject"])
    regional = _complete_leader(rows[rows["segment"] == "regional"], among=rows["subject"])
    if overall is None or regional is None:
        return attributed("c2_scrm_channels")
    outcome = "same" if overall["subject"] == regional["subject"] else "regional_differs"
    return Finding("c2_scrm_channels", outcome, "leader_all_and_regional",
                   {"channel": Ref("subject", overall["subject"]), "share": Ref("figure", overall["id"]),
                    "regional_channel": Ref("subject", regional["subject"]),
                    "regional_share": Ref("figure", regional["id"])},
                   evidence_of(measured(rows[rows["segment"].isin((ALL, "regional"))])))


def rights_scenario_gradient(figures: pd.DataFrame, segments: Sequence[str]) -> Finding:
    """Whether scenario diversity matters more the smaller and more regional the bank.

    Rule ``ordered_by_size``: the shares naming scenario diversity (topic
    ``rights_selection_factors``) in the order state-owned, joint-stock, regional: strictly
    rising gives ``rises``, strictly falling ``falls``, anything else ``mixed``.
    """
    rows = _per_segment(_rows(figures, "rights_selection_factors", "factor_scenario_diversity"), segments)
    if rows is None:
        return attributed("c2_rights_scenario_gradient")
    values = rows["value"].astype(float).tolist()
    steps = [b - a for a, b in zip(values, values[1:])]
    outcome = "rises" if all(s > 0 for s in steps) else "falls" if all(s < 0 for s in steps) else "mixed"
    return Finding("c2_rights_scenario_gradient", outcome, "ordered_by_size",
                   {"shares": tuple((Ref("segment", s), Ref("figure", rows.loc[s, "id"])) for s in segments)},
                   evidence_of(rows))


def uda_effect_state_vs_regional(figures: pd.DataFrame, segments: Sequence[str]) -> Finding:
    """Whether state-owned respondents rate the data platform's effect very good more often than regional ones.

    Rule ``compare_two``: the measured shares "very good" (topic ``uda_evaluation_scores``) of
    state-owned and regional banks: ``more``, ``fewer`` or ``same``. The 2023 report prints no
    regional share: attributed (far more than regional banks).
    """
    rows = _per_segment(_rows(figures, "uda_evaluation_scores", "application_effect_very_good"),
                        ("state_owned", "regional"))
    if rows is None:
        return attributed("c2_uda_effect_state_vs_regional")
    state, regional = rows["value"].astype(float)
    outcome = "more" if state > regional else "fewer" if state < regional else "same"
    return Finding("c2_uda_effect_state_vs_regional", outcome, "compare_two",
                   {"state": Ref("figure", rows.iloc[0]["id"]), "regional": Ref("figure", rows.iloc[1]["id"])},
                   evidence_of(rows))


def _majority(key: str, figures: pd.DataFrame, topic: str, subject: str) -> Finding:
    rows = measured(_rows(figures, topic, subject, ALL))
    if rows.empty:
        return attributed(key)
    row = rows.iloc[0]
    return Finding(key, "majority" if is_majority(row["value"]) else "minority", "majority",
                   {"share": Ref("figure", row["id"])}, evidence_of(rows.head(1)))


def deploy_on_premise(figures: pd.DataFrame, segments: Sequence[str]) -> Finding:
    """Whether most banks deploy their marketing tools on their own premises.

    Rule ``majority``: the all-banks share on premises (topic ``deployment_mode``) is more than
    :data:`~.rules.MAJORITY` (50%): ``majority``, else ``minority``.
    """
    return _majority("c2_deploy_on_premise", figures, "deployment_mode", "mode_on_premise")


def effect_positive(figures: pd.DataFrame, segments: Sequence[str]) -> Finding:
    """Whether most respondents say the tools have a positive effect on marketing results.

    Rule ``majority`` on topic ``digitalization_effect_satisfaction``: ``majority`` or ``minority``.
    """
    return _majority("c2_effect_positive", figures, "digitalization_effect_satisfaction", "positive_effect_on_marketing")


def security_on_premise(figures: pd.DataFrame, segments: Sequence[str]) -> Finding:
    """Whether most banks that deploy data-security products keep them on their own premises.

    Rule ``majority``: the share on premises (topic ``security_deployment_mode``, all banks) is
    more than :data:`~.rules.MAJORITY` (50%): ``majority``, else ``minority``.
    """
    return _majority("c2_security_on_premise", figures, "security_deployment_mode", "mode_on_premise")
