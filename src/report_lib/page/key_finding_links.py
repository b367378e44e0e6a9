"""Where the book states each finding: the section a key finding links to."""

from __future__ import annotations

from report_lib.analysis.findings.finding import Finding

SECTIONS = {
    "c2_needs_first": "c2-needs",
    "c2_deploy_on_premise": "c2-deployment",
    "c2_deploy_factor_first": "c2-deployment",
    "c2_effect_positive": "c2-deployment",
    "c2_widest_in_use": "c2-rollout",
    "c2_largest_unmet_plan": "c2-rollout",
    "c2_crm_in_use_by_type": "c2-core-tools",
    "c2_security_on_premise": "c2-core-tools",
    "c2_scrm_channels": "c2-core-tools",
    "c2_rights_scenario_gradient": "c2-core-tools",
    "c2_uda_effect_state_vs_regional": "c2-core-tools",
    "c4_cloud_lean": "c4-trends",
}
"""Finding id -> the MyST target of the section that states it."""
CHAPTERS = {2: "c2-current-state", 4: "c4-trends"}
"""A chapter's target, for a finding about any of its figures."""
DATA_OF_RECORD = "reference/data_of_record"


def finding_links(findings: list[Finding]) -> dict[str, str]:
    """Finding id -> a MyST cross-reference to where the book shows it."""
    links = {}
    for finding in findings:
        if finding.key in SECTIONS:
            links[finding.key] = f"{{ref}}`{SECTIONS[finding.key]}`"
        elif finding.key == "key_source_contradictions":
            links[finding.key] = f"{{doc}}`/{DATA_OF_RECORD}`"
        elif finding.evidence and finding.evidence[0].chapter in CHAPTERS:
            links[finding.key] = f"{{ref}}`{CHAPTERS[finding.evidence[0].chapter]}`"
    return links
