"""Where the book states each finding: the section a key finding links to, as a link in the page's language.

The links are plain HTML anchors to ``<page>.html#<target>`` (the MyST target of the section), not
Sphinx cross-references: a book built with only some of its pages (the tests' small books) then
has no unresolved reference, and the PDF's single document turns them into links within itself
(:mod:`report_lib.publish.pdf.document`).
"""

from __future__ import annotations

import html

from report_lib.analysis.findings.finding import Finding
from report_lib.present.labels import Labels

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
PAGES = {2: "chapters/02_current_state", 4: "chapters/04_trends"}
"""A chapter number -> its page (a target ``c<n>-...`` is on chapter n's page)."""
CHAPTER_TARGETS = {2: "c2-current-state", 4: "c4-trends"}
DATA_OF_RECORD = "reference/data_of_record"
LINK_CLASS = "report-finding-link"


def _link(href: str, text: str) -> str:
    return f'<a class="{LINK_CLASS}" href="{html.escape(href)}">{html.escape(text)}</a>'


def finding_links(label: Labels, findings: list[Finding]) -> dict[str, str]:
    """Finding id -> an HTML link to where the book shows it, its text in ``label``'s language."""
    links = {}
    for finding in findings:
        target = SECTIONS.get(finding.key)
        if target is None and finding.evidence and finding.evidence[0].chapter in CHAPTER_TARGETS:
            target = CHAPTER_TARGETS[finding.evidence[0].chapter]
        if target is not None:
            chapter = int(target[1])
            links[finding.key] = _link(f"{PAGES[chapter]}.html#{target}",
                                       label("keyfinding.where_chapter").format(n=chapter))
        elif finding.key == "key_source_contradictions":
            links[finding.key] = _link(f"{DATA_OF_RECORD}.html", label("keyfinding.where_record"))
    return links
