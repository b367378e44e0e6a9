"""The key findings the book opens with: chosen from the data by written rules, at most eight.

The rules, in order:

1. **Chapter findings the data decides.** The findings of :data:`KEY_ORDER` (the chapters'
   computed findings that stand alone as a sentence) whose rule the data decides; those the data
   cannot decide (attributed to the 2023 report) are left out.
2. **The largest significant difference between bank types** (a survey wave only): the figure
   where a bank type's share differs most from the other banks' among those whose two-proportion
   z-test on effective n rejects equality at 5% (:mod:`report_lib.analysis.segment_significance`).
3. **The source's contradictions** (the 2023 data only): how many printed figures the book
   flags *inconsistent* with another figure or their base.

At most :data:`MAX_KEY_FINDINGS`; the rule-2 or rule-3 finding always has a place.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from report_lib.analysis.findings.catalog import find
from report_lib.analysis.findings.finding import Finding, Ref, evidence_of
from report_lib.analysis.findings.rules import from_wave

KEY_ORDER = (
    "c2_needs_first", "c2_deploy_on_premise", "c2_deploy_factor_first", "c2_effect_positive",
    "c2_widest_in_use", "c2_crm_in_use_by_type", "c2_security_on_premise", "c2_scrm_channels",
    "c2_rights_scenario_gradient", "c2_uda_effect_state_vs_regional", "c2_largest_unmet_plan",
)
"""The chapter findings a key finding may be, in the order the book reads them."""
MAX_KEY_FINDINGS = 8
INCONSISTENT = "inconsistent"


def largest_significant_difference(figures: pd.DataFrame, segments: Sequence[str]) -> Finding | None:
    """Rule 2: the bank type and figure with the largest significant gap to the other banks; ``None`` without one."""
    if "significant" not in figures.columns:
        return None
    tested = figures[figures["segment"].isin(segments) & figures["significant"].fillna(False).astype(bool)
                     & figures["unit"].eq("percent")]
    if tested.empty:
        return None
    gap = (tested["value"].astype(float) - tested["others_value"].astype(float))
    row = tested.loc[gap.abs().idxmax()]
    return Finding("key_significant_difference", "higher" if gap[row.name] > 0 else "lower",
                   "largest_significant_difference",
                   {"segment": Ref("segment", row["segment"]), "subject": Ref("subject", row["subject"]),
                    "share": Ref("figure", row["id"]), "others": f"{float(row['others_value']):.1f}%"},
                   evidence_of(tested.loc[[row.name]]))


def source_contradictions(figures: pd.DataFrame) -> Finding | None:
    """Rule 3: the number of printed figures flagged inconsistent; ``None`` when there are none."""
    flagged = figures[figures["flag"].fillna("").str.split(";").map(lambda flags: INCONSISTENT in flags)]
    if flagged.empty:
        return None
    return Finding("key_source_contradictions", "found", "source_contradictions", {"k": len(flagged)})


def key_findings(figures: pd.DataFrame, segments: Sequence[str]) -> list[Finding]:
    """The book's key findings on ``figures`` (see the module's rules), at most :data:`MAX_KEY_FINDINGS`."""
    extra = (largest_significant_difference(figures, segments) if from_wave(figures)
             else source_contradictions(figures))
    room = MAX_KEY_FINDINGS - (extra is not None)
    chosen = [found for found in (find(key, figures, segments) for key in KEY_ORDER) if found.computed][:room]
    return chosen + ([extra] if extra is not None else [])
