"""Every finding the book states in words, by id: the audit of computed sentences is this list.

A page asks ``page.finding("<id>")``; the function here decides the outcome from the page's
figures and the bank types; the labels ``finding.<id>.<outcome>`` hold the sentences.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pandas as pd

from report_lib.analysis.findings import chapter2, chapter4
from report_lib.analysis.findings.finding import Finding

Rule = Callable[[pd.DataFrame, Sequence[str]], Finding]

FINDINGS: dict[str, Rule] = {
    "c2_needs_first": chapter2.needs_first_by_type,
    "c2_deploy_on_premise": chapter2.deploy_on_premise,
    "c2_deploy_factor_first": chapter2.deploy_factor_first,
    "c2_effect_positive": chapter2.effect_positive,
    "c2_effect_factor_first": chapter2.effect_factor_first,
    "c2_widest_in_use": chapter2.widest_in_use,
    "c2_largest_unmet_plan": chapter2.largest_unmet_plan,
    "c2_crm_in_use_by_type": chapter2.crm_in_use_by_type,
    "c2_scrm_channels": chapter2.scrm_channels,
    "c2_rights_widest": chapter2.rights_widest,
    "c2_rights_scenario_gradient": chapter2.rights_scenario_gradient,
    "c2_uda_effect_state_vs_regional": chapter2.uda_effect_state_vs_regional,
    "c2_security_on_premise": chapter2.security_on_premise,
    "c4_cloud_lean": chapter4.cloud_lean,
}
"""Finding id -> the rule that decides it (each rule's docstring states it, thresholds named)."""


def find(key: str, figures: pd.DataFrame, segments: Sequence[str]) -> Finding:
    """Decide the finding ``key`` on ``figures`` for ``segments``; ``KeyError`` names an unknown id."""
    if key not in FINDINGS:
        raise KeyError(f"no finding {key!r}; known: {', '.join(FINDINGS)}")
    return FINDINGS[key](figures, segments)
