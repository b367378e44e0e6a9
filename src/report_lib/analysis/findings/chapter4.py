"""The findings chapter 4 states in words: which tools lean more to the cloud than tools overall."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from report_lib.analysis import deployment
from report_lib.analysis.findings.finding import Finding, Ref, evidence_of
from report_lib.analysis.findings.rules import from_wave


def cloud_lean(figures: pd.DataFrame, segments: Sequence[str]) -> Finding:
    """Which tools lean more, and which less, to the cloud than marketing tools overall.

    Rule ``one_lean_per_tool`` (:func:`report_lib.analysis.deployment.tool_lean`): each tool's
    share of a mode is compared with the all-tools share of the same mode; its on-premise
    comparison decides, else its cloud modes when they agree. Outcome ``printed`` on the 2023
    data (shares as the report printed them), ``measured`` on a wave.
    """
    comparison = deployment.cloud_acceptance(figures)
    tools = lambda lean: tuple(Ref("tool", t) for t in deployment.tools_leaning(comparison, lean))
    return Finding("c4_cloud_lean", "measured" if from_wave(figures) else "printed", "one_lean_per_tool",
                   {"more": tools("more_cloud"), "less": tools("less_cloud"), "n": comparison["tool"].nunique()},
                   evidence_of(figures[figures["id"].isin(comparison["id"])]))
